"""The translators' round on a copy of the catalogs: nothing lost, nothing changed for nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from translit_service.catalogs import check_catalog, derive_catalog, po_path, update
from translit_service.engine import Transliterator
from translit_service.settings import load

LOCALES = Path(__file__).resolve().parent.parent / "locales"
#: As `translit catalogs derive` derives: with the configured options (the site glossary).
ENGINE = Transliterator(load(environ={}, path=None).options)


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo", ".*"))
    return target


def _round(locales: Path) -> None:
    pot = locales / "messages.pot"
    for locale in ("en", "sr_Latn"):
        update(pot, po_path(locales, locale), locale)
    source, target = po_path(locales, "sr_Latn"), po_path(locales, "sr_Cyrl")
    result = derive_catalog(source, "cyrl", target, transliterator=ENGINE)
    target.write_text(result.text, "utf-8")


def _snapshot(locales: Path) -> dict[str, bytes]:
    return {str(p.relative_to(locales)): p.read_bytes() for p in sorted(locales.rglob("*.po*"))
            if not p.name.startswith(".")}


def test_a_round_that_changes_nothing_changes_no_byte(locales: Path) -> None:
    before = _snapshot(locales)
    _round(locales)
    _round(locales)
    assert _snapshot(locales) == before


def test_a_new_string_reaches_every_catalog(locales: Path) -> None:
    pot = locales / "messages.pot"
    pot.write_text(pot.read_text("utf-8") + '\n#: templates/x.html:1\nmsgid "Latest press releases"\n'
                   'msgstr ""\n', "utf-8")
    _round(locales)  # the new string: untranslated, derived empty
    cyrl = {e.msgid: e for e in polib.pofile(str(po_path(locales, "sr_Cyrl")))}
    assert cyrl["Latest press releases"].msgstr == ""
    en = {e.msgid: e.msgstr for e in polib.pofile(str(po_path(locales, "en")))}
    assert en["Latest press releases"] == "Latest press releases"  # English needs no hand-filled copies
    latin = polib.pofile(str(po_path(locales, "sr_Latn")))  # the translator, as Poedit saves
    next(e for e in latin if e.msgid == "Latest press releases").msgstr = "Najnovija saopštenja"
    latin.save()
    _round(locales)
    cyrl = {e.msgid: e for e in polib.pofile(str(po_path(locales, "sr_Cyrl")))}
    assert cyrl["Latest press releases"].msgstr == "Најновија саопштења"
    before = _snapshot(locales)
    _round(locales)
    assert _snapshot(locales) == before


def test_an_open_conflict_fails_the_checker_and_says_the_way_out(locales: Path) -> None:
    from translit_service.cli import main

    path = po_path(locales, "sr_Cyrl")
    catalog = polib.pofile(str(path))
    next(e for e in catalog if e.msgid == "Search").msgstr = "Тражи"
    catalog.save()
    problems = [p for p in check_catalog(path, strict=True) if p.code == "conflict"]
    assert len(problems) == 1 and "--keep-edit Search" in problems[0].message
    result = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive"])
    assert result.exit_code == 1 and "revert it: translit catalogs" in result.output
    # The second way out: the edit becomes the translator's own, and the checker is content.
    kept = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive",
                                     "--keep-edits"])
    assert kept.exit_code == 0, kept.output
    assert polib.pofile(str(path)).find("Search").msgstr == "Тражи"  # type: ignore[union-attr]
    assert [p for p in check_catalog(path, strict=True) if p.code == "conflict"] == []
    again = CliRunner().invoke(main, ["catalogs", "--locales", str(locales), "derive"])
    assert again.exit_code == 0 and "[conflict]" not in again.output and "[manual]" in again.output


def test_translators_see_no_note_from_derive(locales: Path) -> None:
    """The hand-edit detection lives in a sidecar, not in '#.' comments Poedit and Weblate
    show to translators."""
    text = po_path(locales, "sr_Cyrl").read_text("utf-8")
    assert "derived:" not in text
    sidecar = po_path(locales, "sr_Cyrl").with_name("messages.derived.json")
    assert '"Search":' in sidecar.read_text("utf-8")


def test_the_ci_gate(locales: Path) -> None:
    from translit_service.cli import main

    root = LOCALES.parent
    args = ["catalogs", "--locales", str(locales), "check", "--ci", "--root", str(root),
            "--mapping", str(root / "babel.cfg")]
    assert CliRunner().invoke(main, args).exit_code == 0
    pot = locales / "messages.pot"  # a stale POT
    pot.write_text(pot.read_text("utf-8").replace('msgid "Search"', 'msgid "Find"'), "utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "messages.pot: stale" in result.output
    shutil.copy(LOCALES / "messages.pot", pot)
    cyrl = po_path(locales, "sr_Cyrl")  # sr_Cyrl behind sr_Latn
    latin = polib.pofile(str(po_path(locales, "sr_Latn")))
    next(e for e in latin if e.msgid == "Search").msgstr = "Traži"
    latin.save()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and f"{cyrl}: not what derive makes" in result.output
