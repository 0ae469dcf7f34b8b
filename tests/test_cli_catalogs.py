"""`translit catalogs …`: exit codes, path:line reports, carrying on, atomic writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translit_service import fileio
from translit_service.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "catalogs"


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", target, ignore=shutil.ignore_patterns("*.mo", ".*.lock"))
    return target


def run(runner: CliRunner, locales: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(main, ["catalogs", "--locales", str(locales), *args])
    return result.exit_code, result.output


def test_check_shipped_catalogs_is_clean(runner: CliRunner, locales: Path) -> None:
    assert run(runner, locales, "check", "--strict") == (0, "")


def test_check_reports_path_line_and_carries_on(runner: CliRunner, locales: Path) -> None:
    broken = [str(DATA / "syntax.po"), str(DATA / "good.po"), str(DATA / "plural_count.po")]
    code, output = run(runner, locales, "check", *broken)
    assert code == 1
    assert f"{DATA / 'syntax.po'}:8: error: unterminated string" in output
    assert f"{DATA / 'plural_count.po'}:7: error: 2 plural forms" in output
    assert "2 error(s)" in output


def test_stats(runner: CliRunner, locales: Path) -> None:
    code, output = run(runner, locales, "stats")
    assert code == 0
    assert "sr_Cyrl/LC_MESSAGES/messages.po" in output and "100.0" in output


def test_derive_check_and_conflict_exit_codes(runner: CliRunner, locales: Path) -> None:
    assert run(runner, locales, "derive", "--check")[0] == 0
    cyrl = locales / "sr_Cyrl" / "LC_MESSAGES" / "messages.po"
    cyrl.write_text(cyrl.read_text("utf-8").replace('msgstr "Претрага"', 'msgstr "Тражи"'), "utf-8")
    assert run(runner, locales, "derive", "--check")[0] == 1
    code, output = run(runner, locales, "derive")
    assert code == 1 and "[conflict]" in output and f"{cyrl}:" in output
    assert 'msgstr "Тражи"' in cyrl.read_text("utf-8")  # the hand edit is kept
    assert run(runner, locales, "derive", "--force")[0] == 0
    assert 'msgstr "Претрага"' in cyrl.read_text("utf-8")


def test_derive_same_script_is_a_usage_error(runner: CliRunner, locales: Path) -> None:
    assert run(runner, locales, "derive", "--from", "sr_Latn", "--to", "sr_Latn")[0] == 2


def test_derive_missing_source_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    code, output = run(runner, tmp_path, "derive")
    assert code == 1 and "Traceback" not in output and "messages.po" in output


def test_update_without_pot(runner: CliRunner, tmp_path: Path) -> None:
    code, output = run(runner, tmp_path, "update")
    assert code == 1 and "run `translit catalogs extract` first" in output


def test_compile_skips_broken_and_carries_on(runner: CliRunner, locales: Path) -> None:
    shutil.copy(DATA / "plural_count.po", locales / "sr_Latn" / "LC_MESSAGES" / "messages.po")
    code, output = run(runner, locales, "compile")
    assert code == 1
    assert (locales / "en" / "LC_MESSAGES" / "messages.mo").exists()
    assert (locales / "sr_Cyrl" / "LC_MESSAGES" / "messages.mo").exists()
    assert not (locales / "sr_Latn" / "LC_MESSAGES" / "messages.mo").exists()
    assert "not compiled" in output


def test_extract_and_update_in_place(runner: CliRunner, locales: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, output = run(runner, locales, "extract")
    assert code == 0 and "messages" in output
    code, output = run(runner, locales, "update")
    assert code == 0 and "0 fuzzy" in output
    assert run(runner, locales, "derive")[0] == 0  # the header dates moved; no conflicts
    assert run(runner, locales, "check", "--strict") == (0, "")


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "messages.po"
    target.write_text("old content")

    def fail(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        fileio.atomic_write(target, "new content")
    assert target.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["messages.po"]  # no temp file left


def test_atomic_write_keeps_mode_and_can_back_up(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_text("one")
    target.chmod(0o600)
    fileio.atomic_write(target, "two", backup=True)
    assert target.read_text() == "two" and (target.stat().st_mode & 0o777) == 0o600
    assert (tmp_path / "a.po~").read_text() == "one"


def test_check_counts_untranslated_and_fuzzy(runner: CliRunner, locales: Path) -> None:
    code, output = run(runner, locales, "check", str(DATA / "fuzzy_untranslated.po"))
    assert code == 0  # warnings only
    assert f"{DATA / 'fuzzy_untranslated.po'}: 1 untranslated, 1 fuzzy" in output
