"""A translator saves sr_Latn in Poedit, Weblate or Lokalize, then `make catalogs` runs
(extract, update en and sr_Latn, derive sr_Cyrl, check, compile, as the Makefile does): the
repository differs from before only in the entries translated (and in the header fields the
tool writes), and everything the tool wrote is still there."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from tests.translator_tools import LOKALIZE, POEDIT, TOOLS, WEBLATE, Tool, changed_owners
from translit_service.catalogs import po_path
from translit_service.cli import main

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = {
    "Search": "Pretraga",
    "Published %(date)s": "Objavljeno %(date)s",
    "%(num)d article": ["%(num)d članak", "%(num)d članka", "%(num)d članaka"],
}
NOTE = {"Search": "Proveriti sa urednikom."}
OBSOLETE = ('\n#, fuzzy\n#~| msgid "The old headline of the front page"\n'
            '#~ msgid "The old headline"\n#~ msgstr "Stari naslov"\n')


def make_catalogs(locales: Path) -> None:
    """`make catalogs`, step by step, through the CLI."""
    base = ["catalogs", "--locales", str(locales)]
    for step in (["extract", "--root", str(ROOT), "--mapping", str(ROOT / "babel.cfg")],
                 ["update"], ["derive", "--from", "sr_Latn", "--to", "sr_Cyrl"], ["check"],
                 ["compile"]):
        result = CliRunner().invoke(main, base + step)
        assert result.exit_code == 0, (step, result.output)


def snapshot(locales: Path) -> dict[str, str]:
    return {str(p.relative_to(locales)): p.read_text("utf-8")
            for p in sorted(locales.rglob("*")) if p.suffix in (".po", ".pot", ".json")}


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """The committed catalogs with work left for the translator: two strings untranslated,
    one fuzzy, and an obsolete entry with its previous msgid (``#~|``), after a round."""
    target = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", target, ignore=shutil.ignore_patterns("*.mo", ".*"))
    path = po_path(target, "sr_Latn")
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid == "Search":
            entry.msgstr = ""
        elif entry.msgid == "%(num)d article":
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        elif entry.msgid == "Published %(date)s":
            entry.flags.append("fuzzy")
            entry.previous_msgid = "Posted %(date)s"
            entry.msgstr = "Postavljeno %(date)s"
    path.write_text(str(po) + OBSOLETE, "utf-8")
    make_catalogs(target)
    return target


def test_the_fixture_is_a_steady_state(locales: Path) -> None:
    before = snapshot(locales)
    make_catalogs(locales)
    assert snapshot(locales) == before
    assert "#~| msgid" in before["sr_Latn/LC_MESSAGES/messages.po"]


@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_a_tool_save_and_a_round_change_only_the_translated_lines(locales: Path,
                                                                  tool: Tool) -> None:
    before = snapshot(locales)
    latin = po_path(locales, "sr_Latn")
    tool.save(latin, TRANSLATED, NOTE)
    saved = latin.read_text("utf-8")
    assert saved != before["sr_Latn/LC_MESSAGES/messages.po"]  # the tool did rewrite it
    make_catalogs(locales)
    after = snapshot(locales)
    entries = {f"|{msgid}" for msgid in TRANSLATED}
    tool_fields = {f"header:{name}" for name in tool.fields}
    tool_fields |= {"header:Plural-Forms"} if tool.plural_forms else set()
    mirrored = {f for f in tool_fields if not f.startswith("header:X-")}  # derive copies them
    tool_fields |= {"header:Language"} if tool.language else set()  # sr@latin: Poedit's name
    assert after["messages.pot"] == before["messages.pot"]
    assert after["en/LC_MESSAGES/messages.po"] == before["en/LC_MESSAGES/messages.po"]
    latin_changes = changed_owners(before["sr_Latn/LC_MESSAGES/messages.po"],
                                   after["sr_Latn/LC_MESSAGES/messages.po"])
    assert latin_changes <= entries | tool_fields, latin_changes - entries - tool_fields
    assert entries <= latin_changes
    cyrillic_changes = changed_owners(before["sr_Cyrl/LC_MESSAGES/messages.po"],
                                      after["sr_Cyrl/LC_MESSAGES/messages.po"])
    assert cyrillic_changes <= entries | mirrored, cyrillic_changes - entries - mirrored
    assert entries <= cyrillic_changes
    # What the tool wrote is still there.
    text = after["sr_Latn/LC_MESSAGES/messages.po"]
    po = polib.pofile(text)
    for name, value in tool.fields.items():
        assert po.metadata[name] == value, name
    search = po.find("Search")
    assert search is not None and search.tcomment == NOTE["Search"]  # the translator's note
    published = po.find("Published %(date)s")
    assert published is not None and "fuzzy" not in published.flags
    assert published.msgstr == "Objavljeno %(date)s"
    assert '#~| msgid "The old headline of the front page"' in text
    cyrillic = polib.pofile(str(po_path(locales, "sr_Cyrl")))
    article = cyrillic.find("%(num)d article")
    assert article is not None and article.msgstr_plural[1] == "%(num)d чланка"
    assert "X-Generator" not in cyrillic.metadata  # the tool never saved sr_Cyrl


def test_the_tools_write_differently_from_gnu(locales: Path) -> None:
    """The simulation is worth something: each save changes the layout of lines nobody
    touched (which the round puts back), and Lokalize's does not wrap."""
    path = po_path(locales, "sr_Latn")
    original = path.read_text("utf-8")
    for tool in (POEDIT, WEBLATE, LOKALIZE):
        path.write_text(original, "utf-8")
        tool.save(path, {})
        changed = changed_owners(original, path.read_text("utf-8"))
        assert {o for o in changed if not o.startswith("header")}, tool.name
    assert max(len(line) for line in path.read_text("utf-8").splitlines()) > 100
