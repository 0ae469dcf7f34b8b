"""Articles: segmentation, extract/build, translation memory, variants, cache, ids, HTTP."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from translit_service import locales
from translit_service.app import create_app
from translit_service.articles import (
    ArticleNotFound,
    ArticleService,
    Store,
    build,
    extract_article,
    segment,
)
from translit_service.cli import main

CONTENT = Path(__file__).resolve().parent.parent / "content" / "articles"
CONFERENCE = "2021-06-04-civil-military-conference"
INTERVIEW = "2022-03-15-interview-head-of-office"
PRESS = "2023-01-20-media-queries"
CYRL, LATN, EN = (locales.BY_TAG[t] for t in ("sr-cyrl", "sr-latn", "en"))


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns(".*.lock"))
    return target


def _squash(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


COMPLEX = """<h1>Title <small>sub</small></h1>
<p>One <a href="/x" title="Go there">link</a>,
   two   spaces.</p>
<ul><li><p>Nested paragraph</p></li><li>Plain item</li></ul>
<pre><code>not translated</code></pre>
<figure><img src="a.jpg" alt="An image"><figcaption>Caption &amp; more</figcaption></figure>
<table><tr><th>Head</th><td>Cell</td></tr></table>
<script>var p = "<p>no</p>";</script>
<p>   </p>
"""


@pytest.mark.parametrize("article", [CONFERENCE, INTERVIEW, PRESS, None])
def test_identity_translation_round_trips(article: str | None) -> None:
    html = (CONTENT / article / "article.html").read_text() if article else COMPLEX
    units = segment(html)
    identity = {(u.context, u.msgid): u.msgid for u in units}
    built = build(html, identity)
    assert _squash(built.html) == _squash(html)
    assert built.translated == built.total == len(units)


def test_units_are_innermost_blocks_and_outside_attributes() -> None:
    units = [(u.context, u.msgid, u.element) for u in segment(COMPLEX)]
    assert units == [
        (None, "Title <small>sub</small>", "h1"),
        (None, 'One <a href="/x" title="Go there">link</a>, two spaces.', "p"),
        (None, "Nested paragraph", "p"),
        (None, "Plain item", "li"),
        ("alt", "An image", "alt"),
        (None, "Caption &amp; more", "figcaption"),
        (None, "Head", "th"),
        (None, "Cell", "td"),
    ]


def test_build_translates_attributes_and_falls_back() -> None:
    html = '<img alt="An image"><p>Kept</p><p>Changed</p>'
    built = build(html, {("alt", "An image"): 'Slika "x"', (None, "Changed"): "Promenjeno"})
    assert built.html == '<img alt="Slika &quot;x&quot;"><p>Kept</p><p>Promenjeno</p>'
    assert (built.translated, built.total) == (2, 3)


def test_extracting_an_unchanged_article_changes_no_byte(store_dir: Path) -> None:
    """Neither the .pot (not even its POT-Creation-Date) nor the .po: a no-op run is one."""
    files = sorted(store_dir.glob("*/*.po*"))
    before = {path: path.read_bytes() for path in files}
    for article in sorted(p.name for p in store_dir.iterdir() if p.is_dir()):
        extract_article(Store(store_dir), article)
    assert {path: path.read_bytes() for path in files} == before


def test_changed_paragraph_becomes_fuzzy_with_previous_msgid(store_dir: Path) -> None:
    source = store_dir / PRESS / "article.html"
    old = "Accreditation"
    source.write_text(source.read_text().replace(f"<h2>{old}</h2>", "<h2>Accreditations</h2>"))
    result = extract_article(Store(store_dir), PRESS)
    po = polib.pofile(result.po)
    entry = po.find("Accreditations")
    assert entry is not None and "fuzzy" in entry.flags
    assert entry.previous_msgid == old and entry.msgstr == "Akreditacija"


def test_translation_memory_prefills_exact_and_close(store_dir: Path) -> None:
    new = store_dir / "2024-05-01-new-visit"
    new.mkdir()
    (new / "meta.json").write_text(json.dumps(
        {"title": "A new visit", "date": "2024-05-01", "author": "Jelena Marković"}))
    (new / "article.html").write_text(
        "<h2>Accreditation</h2>\n"
        "<p>Participants agreed to hold a joint exercise next autumn near Obrenovac, one of the "
        "towns hit hardest in 2014.</p>\n<p>Completely new words here.</p>\n")
    result = extract_article(Store(store_dir), new.name)
    assert (result.prefilled, result.prefilled_fuzzy) == (1, 1)
    po = polib.pofile(result.po)
    exact = po.find("Accreditation")
    assert exact is not None and exact.msgstr == "Akreditacija" and "fuzzy" not in exact.flags
    close = next(e for e in po if e.msgid.startswith("Participants agreed"))
    assert "fuzzy" in close.flags and close.msgstr.startswith("Učesnici su se dogovorili")
    assert "translation memory" in close.tcomment and CONFERENCE in close.tcomment
    assert close.previous_msgid.endswith("next spring near Obrenovac, one of the towns hit hardest in 2014.")
    assert po.find("Completely new words here.").msgstr == ""  # type: ignore[union-attr]


def test_memory_converts_between_scripts(store_dir: Path) -> None:
    new = store_dir / "2024-05-02-cyrillic"
    new.mkdir()
    (new / "meta.json").write_text(json.dumps({"title": "T", "date": "2024-05-02"}))
    (new / "article.html").write_text("<h2>Accreditation</h2>")
    result = extract_article(Store(store_dir), new.name, locale="sr_Cyrl")
    assert polib.pofile(result.po).find("Accreditation").msgstr == "Акредитација"  # type: ignore[union-attr]


def test_variants_and_dates(store_dir: Path) -> None:
    service = ArticleService(Store(store_dir))
    cyr = service.render(CONFERENCE, CYRL)
    lat = service.render(CONFERENCE, LATN)
    en = service.render(CONFERENCE, EN)
    assert (en.date_display, lat.date_display, cyr.date_display) == (
        "4 June 2021", "4. juna 2021.", "4. јуна 2021.")  # genitive months (issue 27)
    # The dateline as each variant's news writes it: place in capitals, en dash.
    assert en.html.startswith('<p><span class="dateline">BELGRADE, 4 June –</span> Experts')
    assert lat.html.startswith('<p><span class="dateline">BEOGRAD, 4. juna –</span> Stručnjaci')
    assert cyr.html.startswith('<p><span class="dateline">БЕОГРАД, 4. јуна –</span> Стручњаци')
    assert cyr.title == "Конференција у Београду о цивилној заштити током поплава"
    assert (lat.origin, cyr.origin, en.origin) == ("translation", "derived", "source")
    assert 'href="https://example.org/conference-2021"' in cyr.html
    assert 'alt="Учесници конференције у згради Министарства одбране"' in cyr.html
    assert cyr.author == "Јелена Марковић"
    assert service.render(PRESS, CYRL).author == "Канцеларија за односе с јавношћу"


def test_untranslated_units_stay_english_in_both_scripts(store_dir: Path) -> None:
    service = ArticleService(Store(store_dir))
    for variant in (LATN, CYRL):
        rendered = service.render(INTERVIEW, variant)
        assert "regular open days for students." in rendered.html
        assert rendered.completeness == pytest.approx(10 / 11, abs=1e-4)


def test_threshold_hides_incomplete_variants(store_dir: Path) -> None:
    service = ArticleService(Store(store_dir), threshold=0.95)
    with pytest.raises(Exception, match="90% translated"):  # one rounding rule: floor
        service.render(INTERVIEW, CYRL)
    listed = {r.id: r.lang for r in service.listing(CYRL)}
    assert listed[INTERVIEW] == "en" and listed[PRESS] == "sr-Cyrl"


def test_edited_po_invalidates_the_cache(store_dir: Path) -> None:
    service = ArticleService(Store(store_dir))
    first = service.render(PRESS, CYRL)
    assert service.render(PRESS, CYRL) is first and service.hits == 1
    po = store_dir / PRESS / "sr_Latn.po"
    po.write_text(po.read_text().replace('msgstr "Akreditacija"', 'msgstr "Akreditacije"'))
    stat = po.stat()
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = service.render(PRESS, CYRL)
    assert "Акредитације" in second.html and second.etag != first.etag


@pytest.mark.parametrize("bad", ["../etc", "/etc/passwd", "a\x00b", "a" * 81, "A-Upper", "",
                                 "..", "a/b", "a\\b", "-leading", "%2e%2e"])
def test_hostile_ids_never_reach_the_file_system(store_dir: Path, bad: str) -> None:
    with pytest.raises(ArticleNotFound):
        Store(store_dir).files(bad)


def test_symlink_out_of_the_store_is_refused(store_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    shutil.copytree(store_dir / PRESS, outside)
    (store_dir / "escape").symlink_to(outside)
    with pytest.raises(ArticleNotFound):
        Store(store_dir).files("escape")


# ----------------------------------------------------------------------------- HTTP
@pytest.fixture
def articles_client(store_dir: Path) -> FlaskClient:
    return create_app({"TESTING": True, "CONTENT_DIR": store_dir}).test_client()


def test_article_json(articles_client: FlaskClient) -> None:
    r = articles_client.get(f"/api/v1/articles/{CONFERENCE}?lang=sr-Cyrl")
    body = r.get_json()
    assert r.status_code == 200 and r.headers["Content-Language"] == "sr-Cyrl"
    assert {"id", "lang", "title", "date", "html", "completeness", "alternates"} <= set(body)
    assert body["alternates"]["en"].endswith("lang=en")
    assert r.headers["X-Translation-Completeness"] == "1.0000"
    again = articles_client.get(f"/api/v1/articles/{CONFERENCE}?lang=sr-Cyrl",
                                headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304


def test_fragment_and_negotiation(articles_client: FlaskClient) -> None:
    r = articles_client.get(f"/articles/{PRESS}.html", headers={"Accept-Language": "sr-Latn"})
    assert r.mimetype == "text/html" and r.headers["Content-Language"] == "sr-Latn"
    assert "Akreditacija" in r.get_data(as_text=True) and "Accept-Language" in r.headers["Vary"]


def test_listing_pages(articles_client: FlaskClient) -> None:
    r = articles_client.get("/api/v1/articles?lang=sr-Latn&per_page=2&page=2")
    body = r.get_json()
    assert (body["total"], body["pages"], len(body["articles"])) == (5, 3, 2)
    first = articles_client.get("/api/v1/articles?lang=sr-Latn").get_json()["articles"]
    assert [a["date"] for a in first] == sorted((a["date"] for a in first), reverse=True)
    assert first[0]["title"] == "Najavljeni jesenji kursevi za mlade oficire"
    for query in ("page=0", "per_page=1000", "page=x"):
        assert articles_client.get(f"/api/v1/articles?{query}").status_code == 400


@pytest.mark.parametrize("path", ["/api/v1/articles/..%2F..%2Fetc%2Fpasswd", "/api/v1/articles/%00",
                                  "/api/v1/articles/" + "a" * 300, "/articles/..%2Fx.html",
                                  "/api/v1/articles/nope"])
def test_bad_ids_are_404_json(articles_client: FlaskClient, path: str) -> None:
    r = articles_client.get(path)
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_found"


def test_unpublished_is_404_with_reason(store_dir: Path) -> None:
    client = create_app({"TESTING": True, "CONTENT_DIR": store_dir,
                         "PUBLISH_THRESHOLD": 0.95}).test_client()
    r = client.get(f"/api/v1/articles/{INTERVIEW}?lang=sr-Cyrl")
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_published"
    assert client.get(f"/api/v1/articles/{INTERVIEW}?lang=en").status_code == 200


def test_broken_meta_is_500_without_paths(articles_client: FlaskClient, store_dir: Path) -> None:
    (store_dir / PRESS / "meta.json").write_text("{broken")
    r = articles_client.get(f"/api/v1/articles/{PRESS}?lang=en")
    assert r.status_code == 500 and str(store_dir) not in r.get_data(as_text=True)


def test_unknown_lang_is_400(articles_client: FlaskClient) -> None:
    assert articles_client.get(f"/api/v1/articles/{PRESS}?lang=fr").status_code == 400


# ----------------------------------------------------------------------------- CLI
def test_cli_round(store_dir: Path) -> None:
    runner = CliRunner()
    base = ["articles", "--root", str(store_dir)]
    listed = runner.invoke(main, [*base, "list"])
    assert listed.exit_code == 0 and "90%" in listed.output  # as the page says (floor)
    built = runner.invoke(main, [*base, "build", PRESS, "--lang", "sr-Cyrl"])
    assert built.exit_code == 0 and "Акредитација" in built.output
    assert runner.invoke(main, [*base, "extract", "--all"]).exit_code == 0
    assert runner.invoke(main, [*base, "extract", "../nope"]).exit_code == 1
    assert runner.invoke(main, [*base, "extract"]).exit_code == 2
    low = runner.invoke(main, [*base, "build", INTERVIEW, "--lang", "xx"])
    assert low.exit_code == 2


def test_markdown_source_is_rendered(store_dir: Path) -> None:
    article = store_dir / "2024-06-01-markdown-note"
    article.mkdir()
    (article / "meta.json").write_text(json.dumps({"title": "Note", "date": "2024-06-01"}))
    (article / "article.md").write_text("## Accreditation\n\nSend your *press card*.\n")
    service = ArticleService(Store(store_dir))
    en = service.render(article.name, EN)
    assert en.html == "<h2>Accreditation</h2>\n<p>Send your <em>press card</em>.</p>\n"
    result = extract_article(Store(store_dir), article.name)
    assert result.prefilled == 1  # "Accreditation" from the press note's translation


def test_markdown_articles_are_translated_as_markdown(store_dir: Path) -> None:
    """Markdown units (inline syntax kept), a lone image's alt text on its own, code left out,
    references to the .md lines; the translation renders into the page in both scripts."""
    article = store_dir / "2024-06-02-markdown-units"
    article.mkdir()
    (article / "meta.json").write_text(json.dumps({"title": "Units", "date": "2024-06-02"}))
    (article / "article.md").write_text(
        "# Visit\n\nThe *head* of the office met\n[the press](https://example.org).\n\n"
        "![The press room](/static/photos/press-room.svg)\n\n- First point\n- Second point\n\n"
        "```\nmake run\n```\n\n| Office | Phone |\n|---|---|\n| Press | 011 |\n")
    result = extract_article(Store(store_dir), article.name)
    po = polib.pofile(result.po)
    units = [(e.msgctxt, e.msgid, e.occurrences) for e in po
             if e.msgctxt not in ("headline", "byline", "kind", "tag")]
    assert units == [
        (None, "Visit", [("article.md", "1")]),
        (None, "The *head* of the office met [the press](https://example.org).",
         [("article.md", "3")]),
        ("alt", "The press room", [("article.md", "6")]),
        (None, "First point", [("article.md", "8")]),
        (None, "Second point", [("article.md", "9")]),
        (None, "Office", [("article.md", "15")]),
        (None, "Phone", [("article.md", "15")]),
        (None, "Press", [("article.md", "17")]),
        (None, "011", [("article.md", "17")]),
    ]
    translations = {"Visit": "Poseta", "The press room": "Sala za medije",
                    "The *head* of the office met [the press](https://example.org).":
                        "*Šef* kancelarije primio je [novinare](https://example.org).",
                    "First point": "Prva tačka", "Office": "Kancelarija"}
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, entry.msgstr)
    po.save()
    service = ArticleService(Store(store_dir))
    latin = service.render(article.name, locales.BY_TAG["sr-latn"], publish_only=False)
    assert "<h1>Poseta</h1>" in latin.html
    assert '<em>Šef</em> kancelarije primio je <a href="https://example.org">novinare</a>.' in latin.html
    assert 'alt="Sala za medije"' in latin.html and "Prva tačka" in latin.html
    assert '<span lang="en">Second point</span>' in latin.html  # untranslated: marked English
    assert "make run" in latin.html  # the code block, never a unit
    assert "<th>Kancelarija</th>" in latin.html  # a table cell
    cyrillic = service.render(article.name, locales.BY_TAG["sr-cyrl"], publish_only=False)
    assert "<h1>Посета</h1>" in cyrillic.html and 'alt="Сала за медије"' in cyrillic.html
    assert '<a href="https://example.org">новинаре</a>' in cyrillic.html


def test_the_article_etag_covers_the_whole_body(client) -> None:  # type: ignore[no-untyped-def]
    from translit_service.web.articles_api import service

    first = client.get(f"/api/v1/articles/{CONFERENCE}?lang=en")
    with client.application.app_context():
        articles = service()
    original = articles.store.meta

    def with_other_tags(files):  # type: ignore[no-untyped-def]
        meta = original(files)
        return meta._replace(tags=(*meta.tags, "novo"))

    articles._cache.clear()
    articles.store.meta = with_other_tags  # type: ignore[method-assign]
    try:
        again = client.get(f"/api/v1/articles/{CONFERENCE}?lang=en",
                           headers={"If-None-Match": first.headers["ETag"]})
    finally:
        articles.store.meta = original  # type: ignore[method-assign]
        articles._cache.clear()
    assert again.status_code == 200 and "novo" in again.get_json()["tags"]


@pytest.mark.parametrize(("lang", "kind", "tags"), [
    ("en", "press note", ["press note", "media"]),
    ("sr-Latn", "saopštenje", ["saopštenje", "mediji"]),
    ("sr-Cyrl", "саопштење", ["саопштење", "медији"]),
])
def test_kind_and_tags_come_from_the_translators_file(client: FlaskClient, lang: str,
                                                      kind: str, tags: list[str]) -> None:
    """A Serbian response is not half English: kind and tags are units of the article's .po
    (msgctxt "kind" and "tag"), translated in sr_Latn and derived for sr-Cyrl."""
    body = client.get(f"/api/v1/articles/2023-01-20-media-queries?lang={lang}").get_json()
    assert (body["kind"], body["tags"]) == (kind, tags)
    pot = (CONTENT / "2023-01-20-media-queries" / "article.pot").read_text("utf-8")
    assert 'msgctxt "kind"\nmsgid "press note"' in pot and 'msgctxt "tag"\nmsgid "media"' in pot
