"""Hand edits of the derived catalog: the message names the file, the entry and the command,
and one entry is resolved without touching the others."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from translit_service.catalogs import check_catalog, po_path
from translit_service.cli import main

LOCALES = Path(__file__).resolve().parent.parent / "locales"


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo", ".*"))
    return target


def _edit(locales: Path, edits: dict[tuple[str | None, str], str]) -> Path:
    path = po_path(locales, "sr_Cyrl")
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if (entry.msgctxt, entry.msgid) in edits:
            entry.msgstr = edits[entry.msgctxt, entry.msgid]
    catalog.save()
    return path


def _msgstr(path: Path, msgid: str, context: str | None = None) -> str:
    entry = polib.pofile(str(path)).find(msgid, msgctxt=context)
    assert entry is not None
    return entry.msgstr


def _commands(output: str, option: str) -> list[list[str]]:
    """The commands the report tells the translator to run (between `revert it: ` / `keep
    it as the translator's own: ` and the next ';' or ' (')."""
    found = []
    for line in output.splitlines():
        for part in line.split("; "):
            if f" {option} " in part and "translit catalogs" in part:
                command = part.split(": ", 1)[1].split(" (every", 1)[0]
                found.append(shlex.split(command))
    return found


def test_the_conflict_names_file_entry_and_command(locales: Path) -> None:
    path = _edit(locales, {(None, "Search"): "Тражи"})
    (problem,) = [p for p in check_catalog(path) if p.code == "conflict"]
    assert problem.path == str(path) and problem.line > 0  # the file that has the conflict
    assert "'Search'" in problem.message
    command = f"translit catalogs --locales {locales} derive --from sr_Latn --to sr_Cyrl"
    assert f"{command} --force-entry Search" in problem.message
    assert f"{command} --keep-edit Search" in problem.message
    result = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive"])
    assert result.exit_code == 1
    assert f"{path}:" in result.output and f"1 conflict(s) in {path}" in result.output
    assert f"{command} --force-entry Search" in result.output


def test_the_printed_command_reverts_that_entry_only(locales: Path) -> None:
    path = _edit(locales, {(None, "Search"): "Тражи", (None, "MLO Belgrade"): "МЛО Београд!"})
    report = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive"]).output
    (revert_search,) = [c for c in _commands(report, "--force-entry") if "Search" in c]
    assert revert_search[:2] == ["translit", "catalogs"]
    result = CliRunner().invoke(main, revert_search[1:])
    assert result.exit_code == 1, result.output  # MLO Belgrade is still open
    assert _msgstr(path, "Search") == "Претрага" and _msgstr(path, "MLO Belgrade") == "МЛО Београд!"
    (keep_news,) = [c for c in _commands(result.output, "--keep-edit") if "MLO Belgrade" in c]
    kept = CliRunner().invoke(main, keep_news[1:])
    assert kept.exit_code == 0, kept.output
    assert _msgstr(path, "MLO Belgrade") == "МЛО Београд!"  # the translator's own now
    assert [p for p in check_catalog(path, strict=True) if p.code == "conflict"] == []


def test_an_entry_with_a_context_is_named_context_bar_msgid(locales: Path) -> None:
    source = polib.pofile(str(po_path(locales, "sr_Latn")))
    entry = next(e for e in source if e.msgctxt and e.msgstr)
    path = _edit(locales, {(entry.msgctxt, entry.msgid): "рукама"})
    (problem,) = [p for p in check_catalog(path) if p.code == "conflict"]
    key = f"{entry.msgctxt}|{entry.msgid}"
    assert f"--force-entry {shlex.quote(key)}" in problem.message
    result = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive",
                                       "--force-entry", key])
    assert result.exit_code == 0, result.output
    assert _msgstr(path, entry.msgid, entry.msgctxt) != "рукама"


def test_a_name_that_matches_nothing_is_an_error(locales: Path) -> None:
    result = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive",
                                       "--keep-edit", "No such string"])
    assert result.exit_code == 1
    assert "--keep-edit 'No such string': no entry has this msgid" in result.output
