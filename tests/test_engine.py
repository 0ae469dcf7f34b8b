"""The public API: options, errors, bad input, HTML mode, detection, other languages."""

from __future__ import annotations

import re

import pytest

import translit_service as ts
from translit_service.errors import (
    InvalidOption,
    TranslitError,
    UnknownFormat,
    UnknownLanguage,
    UnknownScript,
)
from translit_service.glossary import Glossary


@pytest.mark.parametrize("bad", [None, b"bytes", 5, ["list"]])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        ts.to_cyrillic(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.to_latin(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.detect_script(bad)  # type: ignore[arg-type]


def test_empty_string() -> None:
    assert ts.to_cyrillic("") == "" and ts.to_latin("") == ""
    assert ts.transliterate("", to="latn", fmt="html") == ""


@pytest.mark.parametrize(
    ("kwargs", "error", "listed"),
    [
        ({"to": "greek"}, UnknownScript, "cyrl, latn"),
        ({"fmt": "markdown"}, UnknownFormat, "text, html"),
        ({"lang": "xx"}, UnknownLanguage, "sr"),
        ({"dj_as": "dž"}, InvalidOption, "dj, đ"),
    ],
)
def test_unknown_options_name_the_valid_values(kwargs: dict, error: type, listed: str) -> None:
    with pytest.raises(error) as info:
        ts.transliterate("x", **kwargs)
    assert isinstance(info.value, TranslitError) and isinstance(info.value, ValueError)
    assert listed in str(info.value)


def test_script_names_are_case_insensitive() -> None:
    assert ts.transliterate("Beograd", to="Cyrl") == "Београд"
    assert ts.transliterate("Београд", to="LATN") == "Beograd"


def test_lone_surrogates_and_controls_pass_through() -> None:
    text = "a\ud800b\x00c\x1bž\u200b"
    assert ts.to_cyrillic(text) == "а\ud800б\x00ц\x1bж\u200b"
    assert ts.to_latin("а\udfffб\x07") == "a\udfffb\x07"


def test_latin_acronyms_option_replaces_the_default() -> None:
    assert ts.to_cyrillic("PDF i ACME", latin_acronyms={"ACME"}) == "ПДФ и ACME"
    with pytest.raises(TypeError):
        ts.to_cyrillic("x", latin_acronyms="PDF")


def test_languages_include_cyrtranslit_ones() -> None:
    assert {"sr", "me", "mk", "ru", "ua", "bg"} <= set(ts.languages())
    assert ts.to_latin("Київ", lang="uk") == ts.to_latin("Київ", lang="ua")


def test_table_converter_results_are_not_retranslated() -> None:
    """The multi-letter pass of TableRun must not produce keys of the single-letter pass."""
    from cyrtranslit.mapping import TRANSLIT_DICT

    tables = {code: dict(value) for code, value in TRANSLIT_DICT.items()}
    for code, entry in tables.items():
        for direction in ("tocyrillic", "tolatin"):
            mapping = entry.get(direction) or {}
            singles = {k for k in mapping if len(k) == 1}
            produced = {ch for k, v in mapping.items() if len(k) > 1 for ch in v}
            assert not produced & singles, (code, direction, produced & singles)


class TestHtml:
    def test_text_nodes_and_title_alt_convert(self) -> None:
        html = '<p class="lj" title="Vesti" data-x="lj">Vesti &nbsp;<img alt="Slika" src="lj.png"></p>'
        assert ts.transliterate(html, to="cyrl", fmt="html") == (
            '<p class="lj" title="Вести" data-x="lj">Вести &nbsp;<img alt="Слика" src="lj.png"></p>'
        )

    @pytest.mark.parametrize("element", ["script", "style", "code", "pre", "kbd"])
    def test_verbatim_elements(self, element: str) -> None:
        html = f"<div>ljubav<{element}>ljubav <b>nj</b></{element}>ljubav</div>"
        assert ts.transliterate(html, fmt="html") == (
            f"<div>љубав<{element}>ljubav <b>nj</b></{element}>љубав</div>"
        )

    def test_nested_verbatim_and_translate_no(self) -> None:
        html = '<pre>a<pre>b</pre>c</pre>d<span translate="no">e<span>f</span>g</span>h'
        assert ts.transliterate(html, fmt="html") == (
            '<pre>a<pre>b</pre>c</pre>д<span translate="no">e<span>f</span>g</span>х'
        )

    def test_comments_doctype_and_entities_kept(self) -> None:
        html = "<!DOCTYPE html><!-- lj --><p>a &amp; b &#8212; c</p>"
        assert ts.transliterate(html, fmt="html") == "<!DOCTYPE html><!-- lj --><p>а &amp; б &#8212; ц</p>"

    def test_broken_markup_is_kept_not_lost(self) -> None:
        for html in ['<p title="unclosed>text', "<a href='x' text", "a < b i c > d", "</", "<"]:
            out = ts.transliterate(html, fmt="html")
            assert len(out) == len(html)

    def test_cyrillic_to_latin_html(self) -> None:
        assert ts.transliterate('<b title="Љубав">КЉУЧ</b>', to="latn", fmt="html") == (
            '<b title="Ljubav">KLJUČ</b>'
        )


class TestDetect:
    def test_verdicts(self) -> None:
        assert ts.detect_script("Beograd").script == "latn"
        assert ts.detect_script("Београд").script == "cyrl"
        assert ts.detect_script("Beograd Београд").script == "mixed"
        assert ts.detect_script("12 34 !").script == "none"
        assert ts.detect_script("").script == "none"

    def test_shares_ignore_protected_spans(self) -> None:
        found = ts.detect_script("Ово је Washington, https://example.com, NULL")
        assert found == ts.ScriptDetection("cyrl", 0.0, 1.0)

    def test_shares_add_up(self) -> None:
        found = ts.detect_script("abc где")
        assert found.latin + found.cyrillic == pytest.approx(1.0)
        assert found.script == "mixed"


@pytest.mark.parametrize(
    "pathological",
    ["a" * 1_000_000, "%" * 1_000_000, "{" * 1_000_000, "<" * 1_000_000, "-{" * 500_000,
     "a." * 500_000, "a@" * 500_000, "<b>" * 300_000, "X" * 1_000_000, "aB" * 500_000,
     "{{" + "a" * 1_000_000, "<!--" * 250_000, "&#" * 500_000, "lj" * 500_000, "_" * 1_000_000,
     "nadž" * 250_000, "-" * 1_000_000, "www." * 250_000, "http://" * 150_000],
    ids=lambda s: repr(s[:6]),
)
def test_pathological_megabyte_inputs_complete(pathological: str) -> None:
    """Every input of 1 MB converts (the benchmark's size sweep shows the time is linear)."""
    out = ts.to_cyrillic(pathological)
    assert isinstance(out, str)
    assert ts.transliterate(pathological, fmt="html") is not None


def test_a_transliterator_knows_when_its_data_changed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from translit_service import Transliterator
    from translit_service.lexicon import Lexicon

    table = tmp_path / "exceptions.txt"
    table.write_text("nad|živ\n", "utf-8")
    lexicon = Lexicon.default()._replace(sources=(table,))
    engine = Transliterator(lexicon=lexicon)
    assert engine.to_cyrillic("nadživeti") == "надживети" and not engine.is_stale()
    table.write_text("nad|živ\npod|žanr\n", "utf-8")
    os.utime(table, ns=(1, 1))
    assert engine.is_stale()
    assert engine.describe()["stale"] is True


def test_options_object_and_keywords_are_the_same(): # type: ignore[no-untyped-def]
    from translit_service import Options, Transliterator

    assert ts.to_cyrillic("Djordje", options=Options(dj_as="đ")) == ts.to_cyrillic(
        "Djordje", dj_as="đ") == Transliterator(dj_as="đ").to_cyrillic("Djordje") == "Ђорђе"
    with pytest.raises(TypeError, match="unknown option"):
        ts.to_cyrillic("x", dj="đ")


def _tags(html: str) -> list[tuple[str, ...]]:
    from html.parser import HTMLParser

    found: list[tuple[str, ...]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            found.append((tag, *sorted(name for name, _ in attrs)))

    Tags().feed(html)
    return found


@pytest.mark.parametrize(("html", "to"), [
    ("<p>-{<}-img src=x onerror=alert(1)></p>", "cyrl"),
    ("<p>-{<}-имг срц=x онеррор=алерт(1)></p>", "latn"),
    ("<p><мета хттп-еqуив=рефресх цонтент=0></p>", "latn"),
    ("<p>-{&}-lt;script> i -{&}-lt</p>", "cyrl"),
    ('<a title="-{&}-quot; onclick=x">a</a>', "latn"),
    ('<a title=-{"}-x>a</a>', "cyrl"),
])
def test_html_mode_never_turns_text_into_markup(html: str, to: str) -> None:
    out = ts.transliterate(html, to=to, fmt="html")
    assert _tags(out) == _tags(html), out
    assert not re.search(r"&lt(?!;)|<script", out), out


def test_a_translators_po_cannot_inject_markup_into_the_derived_page() -> None:
    from translit_service.documents import convert_document

    po = ('msgid "News"\nmsgstr "Вести <мета хттп-еqуив=\\"рефресх\\" цонтент=\\"0\\">"\n')
    out = convert_document(po, "po", "latn")
    from translit_service.articles.render import ArticleService  # noqa: F401  (the renderer)

    html = ts.transliterate("Вести <мета хттп-еqуив=\"рефресх\">", to="latn", fmt="html")
    assert "<meta" not in html and "&lt;meta" in html
    assert "мета" not in out


def test_html_documents_say_what_they_now_are() -> None:
    html = ('<html lang="sr-Latn"><head><meta name="description" content="Vesti iz Beograda">'
            '<meta property="og:title" content="Vesti"><meta name="viewport" content="x=y">'
            '</head><body><p>Pi&scaron;ite na Bir&#269;aninova 5, D&#382;udo &amp; karate</p>'
            '<input type="submit" value="Pošalji"> <input name="q" value="vesti" '
            'placeholder="Pretraga"> <button aria-label="Zatvori">x</button></body></html>')
    assert ts.transliterate(html, to="cyrl", fmt="html") == (
        '<html lang="sr-Cyrl"><head><meta name="description" content="Вести из Београда">'
        '<meta property="og:title" content="Вести"><meta name="viewport" content="x=y">'
        '</head><body><p>Пишите на Бирчанинова 5, Џудо &amp; карате</p>'
        '<input type="submit" value="Пошаљи"> <input name="q" value="vesti" '
        'placeholder="Претрага"> <button aria-label="Затвори">x</button></body></html>')


@pytest.mark.parametrize(("first", "then", "to"), [
    ("-{Novi Sad}- je grad", "Sad}- je", "cyrl"),  # swallowed by a -{ }- that opened before
    ("<a href='x'>vesti</a> sad", "href='x'>vesti</a>", "cyrl"),  # inside a tag
    ("Ukupno 35 mm", "mm je malo", "cyrl"),  # a unit after a number, a word alone
    ("Petar I Karađorđević", "I tako", "cyrl"),  # a numeral after a name, "i" alone
    ("DA LI voliš", "LI XIV", "cyrl"),
    ("-{Нови Сад}- је", "Сад}- је", "latn"),
])
def test_the_token_memo_never_reuses_a_word_read_in_context(first: str, then: str,
                                                            to: str) -> None:
    """A token whose conversion depended on the words around it in one text is not
    reused alone in the next (the memo learns only what converts the same anywhere)."""
    engine = ts.Transliterator()
    pipeline = engine.pipeline(to)
    for text in (first, then, first, then):
        assert engine.convert(text, to) == pipeline.convert(text)


def test_the_token_memo_respects_glossary_phrases() -> None:
    glossary = Glossary.parse("Hotel Moskva\nCoca-Cola = Кока-Кола\nNYC = Њујорк Сити\n")
    engine = ts.Transliterator(glossary=glossary)
    pipeline = engine.pipeline("cyrl")
    for text in ("Hotel Moskva i Coca Cola", "Hotel je lep", "Moskva", "NYC i Coca Cola",
                 "Cola i NYC grad"):
        assert engine.convert(text, "cyrl") == pipeline.convert(text)
    assert engine.to_cyrillic("Hotel Moskva, hotel") == "Hotel Moskva, хотел"
