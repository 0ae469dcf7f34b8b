"""Catalogs: checker rules on broken fixtures, derive, update/extract/compile, store."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from translit_service import catalogs
from translit_service.catalogs import check_catalog, derive_text
from translit_service.errors import CatalogError

DATA = Path(__file__).parent / "data" / "catalogs"
ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
MSGFMT = shutil.which("msgfmt")


def codes(name: str, **kwargs: object) -> set[str]:
    return {p.code for p in check_catalog(DATA / name, **kwargs) if p.severity == "error"}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fixture", "code", "kwargs"),
    [
        ("syntax.po", "syntax", {}),
        ("header_charset.po", "header-charset", {}),
        ("header_language.po", "header-language", {"locale": "sr_Latn"}),
        ("header_fuzzy.po", "header-fuzzy", {}),
        ("plural_forms.po", "plural-forms", {}),
        ("plural_count.po", "plural-count", {}),
        ("placeholders_percent.po", "format", {}),  # python-format: read as msgfmt does
        ("placeholders_brace.po", "format", {}),
        ("markup.po", "markup", {}),
        ("mixed_script.po", "mixed-script", {}),
        ("newline.po", "newline", {}),
        ("duplicate.po", "duplicate", {}),
        ("no_header.po", "plural-forms", {"locale": "sr_Latn"}),
        ("invalid_utf8.po", "encoding", {}),
        ("fuzzy_untranslated.po", "fuzzy", {"strict": True}),
        ("fuzzy_untranslated.po", "untranslated", {"complete": True}),
        ("wrong_script.po", "script", {"strict": True}),
    ],
)
def test_each_rule_catches_its_fixture(fixture: str, code: str, kwargs: dict) -> None:
    assert code in codes(fixture, **kwargs)
    assert not codes("good.po", **kwargs), "the rule must not fire on a good catalog"


def test_problems_carry_path_and_line() -> None:
    (problem,) = check_catalog(DATA / "syntax.po")
    assert str(problem).startswith(f"{DATA / 'syntax.po'}:8: error: unterminated string")


def test_warnings_without_strict() -> None:
    problems = check_catalog(DATA / "fuzzy_untranslated.po")
    assert {p.severity for p in problems} == {"warning"}


def test_percent_placeholders_may_be_reordered_when_named() -> None:
    text = (DATA / "good.po").read_text() + (
        '\n#, python-format\nmsgid "%(a)s and %(b)s"\nmsgstr "%(b)s i %(a)s"\n')
    assert not [p for p in catalogs.check_text(text, "x.po") if p.severity == "error"]


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    (problem,) = check_catalog(tmp_path / "nope.po")
    assert problem.code == "io"


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt not installed (apt-get install gettext)")
def test_rejects_what_msgfmt_rejects_and_pybabel_accepts(tmp_path: Path) -> None:
    """A plural entry with 2 forms where the header says 3: Babel compiles it, msgfmt -c
    refuses it, and so do we."""
    path = DATA / "plural_count.po"
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    write_mo(io.BytesIO(), catalog)  # what `pybabel compile` does: no error
    assert MSGFMT is not None
    result = subprocess.run([MSGFMT, "-c", "-o", str(tmp_path / "x.mo"), str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "plural-count" in codes("plural_count.po")


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt not installed (apt-get install gettext)")
@pytest.mark.parametrize("locale", ["en", "sr_Latn", "sr_Cyrl"])
def test_shipped_catalogs_pass_msgfmt_and_our_strict_check(locale: str) -> None:
    path = catalogs.po_path(LOCALES, locale)
    assert MSGFMT is not None
    subprocess.run([MSGFMT, "-c", "-o", "/dev/null", str(path)], check=True)
    assert check_catalog(path, strict=True) == []


# ----------------------------------------------------------------------------- derive
def test_shipped_cyrillic_catalog_is_the_derived_one() -> None:
    source = catalogs.po_path(LOCALES, "sr_Latn")
    target = catalogs.po_path(LOCALES, "sr_Cyrl")
    # derived as `translit catalogs derive` does: with the configured options (the glossary)
    from translit_service.engine import Transliterator
    from translit_service.settings import load

    engine = Transliterator(load(environ={}, path=None).options)
    result = catalogs.derive_catalog(source, "cyrl", target, transliterator=engine)
    assert result.conflicts == [] and result.problems == []
    assert result.text == target.read_text("utf-8")


def test_derive_round_trip_restores_the_latin_catalog() -> None:
    latin = polib.pofile(str(catalogs.po_path(LOCALES, "sr_Latn")))
    cyrillic = polib.pofile(derive_text(catalogs.po_path(LOCALES, "sr_Latn").read_text(), "cyrl").text)
    back = polib.pofile(derive_text(str(cyrillic), "latn").text)
    assert [(e.msgid, e.msgstr, e.msgstr_plural) for e in back] == [
        (e.msgid, e.msgstr, {k: v for k, v in e.msgstr_plural.items()}) for e in latin]


SOURCE = r'''# Translator header comment.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: sr_Latn\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

# A translator's note.
#. A developer's note.
#: site/_header.html:3
#, fuzzy, python-format
#| msgid "Old %(name)s"
msgctxt "menu"
msgid "Hello %(name)s"
msgstr "Zdravo <b>%(name)s</b> &nbsp; https://example.org/lj"

#, python-format
msgid "%(num)d article"
msgid_plural "%(num)d articles"
msgstr[0] "%(num)d članak"
msgstr[1] "%(num)d članka"
msgstr[2] "%(num)d članaka"

msgid "Untranslated"
msgstr ""

#~ msgid "Gone"
#~ msgstr "Nestalo"
'''


def test_derive_keeps_everything_but_the_text_and_language() -> None:
    derived = polib.pofile(derive_text(SOURCE, "cyrl").text)
    assert derived.metadata["Language"] == "sr_Cyrl"
    assert derived.header.strip() == "Translator header comment."
    hello = derived.find("Hello %(name)s", msgctxt="menu")
    assert hello is not None
    assert hello.msgstr == "Здраво <b>%(name)s</b> &nbsp; https://example.org/lj"
    assert hello.flags == ["fuzzy", "python-format"]
    assert hello.tcomment == "A translator's note."
    assert hello.comment == "A developer's note."  # no note for translators from derive
    assert hello.occurrences == [("site/_header.html", "3")]
    assert hello.previous_msgid == "Old %(name)s"
    plural = derived.find("%(num)d article")
    assert plural is not None
    assert list(plural.msgstr_plural.values()) == ["%(num)d чланак", "%(num)d чланка", "%(num)d чланака"]
    assert derived.find("Untranslated").msgstr == ""  # type: ignore[union-attr]
    (obsolete,) = derived.obsolete_entries()
    assert (obsolete.msgid, obsolete.msgstr) == ("Gone", "Нестало")


def test_derive_reports_wrong_plural_forms() -> None:
    wrong = SOURCE.replace("nplurals=3; plural=(n%10==1", "nplurals=2; plural=(n%10==1")
    assert derive_text(wrong, "cyrl").problems[0].code == "plural-forms"


def test_derive_refuses_entries_with_the_wrong_number_of_plural_forms() -> None:
    source = SOURCE + ('\nmsgid "%(n)d file"\nmsgid_plural "%(n)d files"\n'
                       'msgstr[0] "%(n)d fajl"\nmsgstr[1] "%(n)d fajla"\n')
    problems = derive_text(source, "cyrl").problems
    assert [p.code for p in problems] == ["plural-count"] and "2 plural forms" in problems[0].message


def test_gnu_locale_names_are_accepted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from translit_service.catalogs import check_text

    header = SOURCE.replace("Language: sr_Latn", "Language: sr@latin")
    assert "header-language" not in [p.code for p in check_text(header, "x/sr_Latn/LC_MESSAGES/"
                                                                        "messages.po")]


def test_derive_refuses_a_broken_source() -> None:
    with pytest.raises(CatalogError) as info:
        derive_text((DATA / "syntax.po").read_text(), "cyrl", source_path="s.po")
    assert str(info.value).startswith("s.po:8:")


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def test_hand_edit_of_a_derived_entry_is_a_conflict_and_kept() -> None:
    first = derive_text(SOURCE, "cyrl")
    edited = _edit(first.text, 'msgstr[1] "%(num)d чланка"', 'msgstr[1] "%(num)d текста"')
    again = derive_text(SOURCE, "cyrl", existing=edited, target_path="t.po", hashes=first.hashes)
    assert [p.code for p in again.conflicts] == ["conflict"]
    assert "t.po:" in str(again.conflicts[0]) and "--keep-edits" in str(again.conflicts[0])
    assert '"%(num)d текста"' in again.text
    assert again.hashes == first.hashes  # the conflict stays open until resolved
    forced = derive_text(SOURCE, "cyrl", existing=edited, force=True, hashes=first.hashes)
    assert forced.conflicts == [] and forced.text == first.text


def test_keep_edits_makes_a_hand_edit_the_translators_own() -> None:
    first = derive_text(SOURCE, "cyrl")
    owned = _edit(first.text, "Здраво <b>", "Поздрав <b>")
    kept = derive_text(SOURCE, "cyrl", existing=owned, hashes=first.hashes, keep_edits=True)
    assert kept.conflicts == [] and [p.code for p in kept.manual] == ["manual"]
    assert "menu\x04Hello %(name)s" not in kept.hashes  # derive no longer claims it
    again = derive_text(SOURCE, "cyrl", existing=kept.text, hashes=kept.hashes)
    assert again.conflicts == [] and "Поздрав <b>" in again.text


def test_an_entry_derive_has_no_hash_for_is_the_translators_own() -> None:
    first = derive_text(SOURCE, "cyrl")
    owned = _edit(first.text, "Здраво <b>", "Поздрав <b>")
    hashes = {k: v for k, v in first.hashes.items() if not k.startswith("menu\x04Hello")}
    again = derive_text(SOURCE, "cyrl", existing=owned, hashes=hashes)
    assert again.conflicts == [] and [p.code for p in again.manual] == ["manual"]
    assert "Поздрав <b>" in again.text


def test_old_derived_comments_move_to_the_sidecar() -> None:
    """Catalogs written before the sidecar carried '#. derived: <hash>' comments: derive reads
    them (an edit is still a conflict), writes none, and returns them as hashes."""
    first = derive_text(SOURCE, "cyrl")
    hello = first.hashes["menu\x04Hello %(name)s"]
    legacy = _edit(first.text, 'msgctxt "menu"', f'#. derived: {hello}\nmsgctxt "menu"')
    migrated = derive_text(SOURCE, "cyrl", existing=legacy)
    assert "derived:" not in migrated.text and migrated.text == first.text
    assert migrated.hashes == first.hashes
    edited = _edit(legacy, "Здраво <b>", "Поздрав <b>")
    assert [p.code for p in derive_text(SOURCE, "cyrl", existing=edited).conflicts] == ["conflict"]


def test_source_change_replaces_derived_text_without_conflict() -> None:
    first = derive_text(SOURCE, "cyrl")
    changed = _edit(SOURCE, '"Zdravo <b>', '"Dobar dan, <b>')
    again = derive_text(changed, "cyrl", existing=first.text, hashes=first.hashes)
    assert again.conflicts == [] and "Добар дан, <b>" in again.text


def test_derive_is_idempotent() -> None:
    first = derive_text(SOURCE, "cyrl")
    again = derive_text(SOURCE, "cyrl", existing=first.text, hashes=first.hashes)
    assert (again.text, again.hashes) == (first.text, first.hashes)


# ----------------------------------------------------------------------------- workflow
def _project(tmp_path: Path, greeting: str) -> Path:
    root = tmp_path / "project"
    (root / "pkg" / "templates").mkdir(parents=True, exist_ok=True)
    (root / "pkg" / "views.py").write_text(f"_ = str\nTITLE = _({greeting!r})\n")
    (root / "pkg" / "templates" / "page.html").write_text(
        "<p>{{ _('Search our content') }}</p>{% trans n=3 %}{{ n }} story{% pluralize %}{{ n }} stories{% endtrans %}")
    (root / "babel.cfg").write_text("[python: pkg/**.py]\n[jinja2: pkg/templates/**.html]\n")
    return root


def test_extract_update_compile_round(tmp_path: Path) -> None:
    root = _project(tmp_path, "Newsroom")
    locales_dir = tmp_path / "locales"
    pot = locales_dir / "messages.pot"
    assert catalogs.extract(root, root / "babel.cfg", pot) == 3
    po = catalogs.po_path(locales_dir, "sr_Latn")
    assert catalogs.update(pot, po, "sr_Latn").created
    catalog = polib.pofile(str(po))
    catalog.find("Newsroom").msgstr = "Pres-centar"  # type: ignore[union-attr]
    catalog.find("Search our content").msgstr = "Pretražite naš sadržaj"  # type: ignore[union-attr]
    catalog.save()
    # The source string changes: the old translation becomes fuzzy with the previous msgid,
    # and a string that disappears is kept as obsolete.
    root = _project(tmp_path, "Newsroom today")
    (root / "pkg" / "templates" / "page.html").write_text("<p>{{ _('Search') }}</p>")
    catalogs.extract(root, root / "babel.cfg", pot)
    result = catalogs.update(pot, po, "sr_Latn")
    updated = polib.pofile(str(po))
    today = updated.find("Newsroom today")
    assert today is not None and "fuzzy" in today.flags
    assert today.msgstr == "Pres-centar" and today.previous_msgid == "Newsroom"
    assert sorted(e.msgid for e in updated.obsolete_entries()) == ["%(n)s story",
                                                                   "Search our content"]
    assert result.obsolete == 2
    mo, _ = catalogs.compile_catalog(po)
    assert mo is not None and mo.exists()


def test_compile_refuses_a_broken_catalog(tmp_path: Path) -> None:
    po = tmp_path / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    shutil.copy(DATA / "plural_count.po", po)
    mo, problems = catalogs.compile_catalog(po)
    assert mo is None and not po.with_suffix(".mo").exists()
    assert any(p.code == "plural-count" for p in problems)


def test_update_reports_an_unreadable_catalog(tmp_path: Path) -> None:
    root = _project(tmp_path, "Newsroom")
    pot = tmp_path / "messages.pot"
    catalogs.extract(root, root / "babel.cfg", pot)
    po = tmp_path / "sr.po"
    po.write_bytes(b'msgid "a"\nmsgstr "\xff\n')
    with pytest.raises(CatalogError):
        catalogs.update(pot, po, "sr_Latn")
    assert po.read_bytes() == b'msgid "a"\nmsgstr "\xff\n'  # untouched


def test_compile_looks_for_errors_only_unless_strict(tmp_path: Path) -> None:
    """A wrong-script translation is a warning: compile (which ignores warnings) does not read
    the script at all, and compile --strict refuses the catalog for it."""
    po = tmp_path / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    shutil.copy(DATA / "wrong_script.po", po)
    assert "script" in {p.code for p in check_catalog(po)}
    mo, problems = catalogs.compile_catalog(po)
    assert mo is not None and not problems
    mo, problems = catalogs.compile_catalog(po, strict=True)
    assert mo is None and [p.code for p in problems] == ["script"]
