"""Behaviour that does not depend on which version of Babel (or of a translator's tool) wrote
a file: tool-name and date header lines never make a file "changed", a tool's own header
fields survive our round, plural rules are compared by meaning, and every file the project
creates carries its own header values and canonical Serbian ``Plural-Forms``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translit_service import locales as site_locales
from translit_service.articles import Store, extract_article
from translit_service.catalogs import check_catalog, derive_text, po_path, update
from translit_service.catalogs.headers import header_fields, with_fields
from translit_service.catalogs.plurals import same_plural_rule
from translit_service.catalogs.workflow import write_if_changed
from translit_service.cli import main

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
CONTENT = ROOT / "content" / "articles"
#: Serbian's rule as Babel 2.19 (newer CLDR) spells it, and a few other spellings of it.
CLDR_SPELLING = ("nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && "
                 "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);")
SPELLINGS = [
    CLDR_SPELLING,
    "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2",
    "nplurals=3;plural=(n%10==1&&n%100!=11?0:(n%10>=2&&n%10<=4&&(n%100<10||n%100>=20))?1:2);",
]
WRONG = [
    "nplurals=2; plural=(n != 1);",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);",  # 12-14
    "nplurals=3; plural=(n%10==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "nplurals=3; plural=n/0;",
    "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 7);",  # an index out of range
    "nplurals=3; plural=__import__('os');",
]


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo", ".*"))
    return target


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_plural_rules_are_compared_by_meaning(spelling: str, locales: Path) -> None:
    assert same_plural_rule(spelling, site_locales.SERBIAN_PLURAL_FORMS)
    po = po_path(locales, "sr_Latn")
    text = po.read_text("utf-8")
    fields = header_fields(text)
    po.write_text(with_fields(text, [(n, spelling if n == "Plural-Forms" else v)
                                     for n, v in fields]), "utf-8")
    assert not [p for p in check_catalog(po) if p.code == "plural-forms"]
    derived = derive_text(po.read_text("utf-8"), "cyrl", source_path=str(po))
    assert not [p for p in derived.problems if p.code == "plural-forms"]


@pytest.mark.parametrize("wrong", WRONG)
def test_a_different_or_broken_rule_is_refused(wrong: str) -> None:
    assert not same_plural_rule(wrong, site_locales.SERBIAN_PLURAL_FORMS)
    from translit_service.catalogs import check_text

    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Language: sr_Latn\\n"\n"Plural-Forms: {wrong}\\n"\n')
    assert "plural-forms" in [p.code for p in check_text(text, "sr_Latn.po")]


@pytest.mark.parametrize("line", ["Generated-By: Babel 2.99.0", "X-Generator: Poedit 9.9",
                                  "POT-Creation-Date: 2031-01-01 00:00+0000",
                                  "PO-Revision-Date: 2031-01-01 00:00+0000"])
def test_a_tool_or_date_line_alone_never_rewrites_a_file(line: str, tmp_path: Path) -> None:
    original = (LOCALES / "sr_Latn" / "LC_MESSAGES" / "messages.po").read_bytes()
    path = tmp_path / "messages.po"
    path.write_bytes(original)
    name = line.split(":")[0]
    fields = header_fields(original.decode())
    changed = [(n, line.split(": ", 1)[1] if n == name else v) for n, v in fields]
    if name not in dict(fields):
        changed.append((name, line.split(": ", 1)[1]))
    assert not write_if_changed(path, with_fields(original.decode(), changed).encode())
    assert path.read_bytes() == original
    assert write_if_changed(path, original.replace(b"msgstr \"januar\"", b"msgstr \"Januar\""))  # a real change


def test_a_translators_tool_fields_survive_the_round(locales: Path) -> None:
    """Poedit writes X-Generator and X-Poedit-* fields; Babel drops fields it does not know.
    Our update puts them back, and a round after that changes no byte."""
    po = po_path(locales, "sr_Latn")
    text = po.read_text("utf-8")
    fields = [*header_fields(text), ("X-Generator", "Poedit 3.4.2"),
              ("X-Poedit-Basepath", ".."), ("X-Poedit-SearchPath-0", "translit_service")]
    po.write_text(with_fields(text, fields), "utf-8")
    update(locales / "messages.pot", po, "sr_Latn")
    kept = dict(header_fields(po.read_text("utf-8")))
    assert kept["X-Generator"] == "Poedit 3.4.2"
    assert kept["X-Poedit-Basepath"] == ".."
    assert kept["X-Poedit-SearchPath-0"] == "translit_service"
    before = po.read_bytes()
    update(locales / "messages.pot", po, "sr_Latn")
    assert po.read_bytes() == before


def test_created_catalogs_carry_the_project_header(locales: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Whatever plural rule text the installed Babel knows, a new catalog gets ours, and no
    placeholder of Babel's template header."""
    import babel.messages.catalog as babel_catalog

    monkeypatch.setattr(babel_catalog, "get_plural", lambda locale: (3, "(n % 10 == 1 ? 0 : 1)"))
    po = locales / "sr_Latn" / "LC_MESSAGES" / "new.po"
    update(locales / "messages.pot", po, "sr_Latn")
    text = po.read_text("utf-8")
    fields = dict(header_fields(text))
    assert fields["Plural-Forms"] == site_locales.SERBIAN_PLURAL_FORMS
    for placeholder in ("FIRST AUTHOR", "EMAIL@ADDRESS", "LL@li.org", "YEAR-MO-DA",
                        "FULL NAME", "LANGUAGE"):
        assert placeholder not in text
    assert not [p for p in check_catalog(po) if p.severity == "error" or p.code.startswith(
        "header")]


def test_a_new_article_passes_the_gate_as_extract_writes_it(tmp_path: Path) -> None:
    store_dir = tmp_path / "articles"
    shutil.copytree(CONTENT, store_dir, ignore=shutil.ignore_patterns(".*"))
    article = store_dir / "2026-12-01-new-note"
    article.mkdir()
    (article / "meta.json").write_text(json.dumps({"title": "A new note", "date": "2026-12-01",
                                                   "author": "Press Office"}))
    (article / "article.html").write_text("<p>Nothing translated yet.</p>\n<p>Second.</p>\n")
    extract_article(Store(store_dir), article.name)
    po_text = (article / "sr_Latn.po").read_text("utf-8")
    pot_text = (article / "article.pot").read_text("utf-8")
    for text in (po_text, pot_text):
        assert "FIRST AUTHOR" not in text and "EMAIL@ADDRESS" not in text
        assert "LL@li.org" not in text
    assert dict(header_fields(po_text))["Plural-Forms"] == site_locales.SERBIAN_PLURAL_FORMS
    args = ["catalogs", "--locales", str(LOCALES), "check", "--ci", "--root", str(ROOT),
            "--mapping", str(ROOT / "babel.cfg"), "--articles", str(store_dir)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "2026-12-01-new-note/sr_Latn.po" in result.output  # it was looked at (untranslated)


def test_the_gate_fails_on_a_broken_article_po(tmp_path: Path) -> None:
    store_dir = tmp_path / "articles"
    shutil.copytree(CONTENT, store_dir, ignore=shutil.ignore_patterns(".*"))
    po = next(store_dir.glob("*/sr_Latn.po"))
    po.write_text(po.read_text("utf-8").replace('msgstr "', 'msgstr "<b>', 3), "utf-8")
    args = ["catalogs", "--locales", str(LOCALES), "check", "--ci", "--root", str(ROOT),
            "--mapping", str(ROOT / "babel.cfg"), "--articles", str(store_dir)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert f"{po}:" in result.output


def test_readyz_publishes_no_server_paths(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/readyz").get_data(as_text=True)
    assert str(ROOT) not in body and "/work/" not in body and "glossary.txt" in body
