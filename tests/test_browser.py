"""The site in a real browser: Debian's headless Chromium driven by Playwright, against the
real gunicorn server on 127.0.0.1.

Skipped, with the reason printed (pytest -rs), when Chromium or Playwright is missing; CI
installs both (.ci/run).  With TRANSLIT_SCREENSHOTS=1 the screenshots are written to
docs/screenshots/ (the README shows them); otherwise to a temporary directory.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import ROOT, gunicorn
from translit_service import detect_script

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    pytest.skip("playwright is not installed (pip install -e .[dev])", allow_module_level=True)
if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium); browser tests "
                "did not run", allow_module_level=True)

pytestmark = pytest.mark.integration
ARTICLE = "/news/2021-06-04-civil-military-conference"
COURSES = "/news/2023-10-05-training-courses"  # a Markdown table
SPEECH = "/news/2023-06-12-speech-defence-reform"  # sections
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with gunicorn() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-US", viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("TRANSLIT_SCREENSHOTS") == "1":
        target = ROOT / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        return target
    return tmp_path_factory.mktemp("screenshots")


def _script(page: Page, selector: str) -> str:
    return detect_script(page.inner_text(selector)).script


def test_switcher_changes_every_part_of_the_page(page: Page, base: str, shots: Path) -> None:
    page.goto(base + ARTICLE)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Belgrade conference looks at civil protection in floods")
    assert page.inner_text(".dates time") == "4 June 2021"
    assert page.inner_text(".body .dateline") == "BELGRADE, 4 June –"

    page.click("nav.switcher >> text=Ћир.")
    expect(page.locator("html")).to_have_attribute("lang", "sr-Cyrl")
    expect(page.locator("h1")).to_have_text("Конференција у Београду о цивилној заштити током поплава")
    assert page.inner_text(".dates time") == "4. јуна 2021."
    assert page.inner_text(".body .dateline") == "БЕОГРАД, 4. јуна –"
    assert page.inner_text(".breadcrumbs").split("\n")[0].startswith("МЛО Београд")
    for part in (".breadcrumbs", "article .body", ".byline", ".site-footer"):
        assert _script(page, part) == "cyrl", part
    assert "Бирчанинова 5" in page.inner_text(".site-footer")
    expect(page.locator('nav.switcher a[aria-current="true"]')).to_have_text("Ћир.")
    page.screenshot(path=str(shots / "article-sr-Cyrl.png"), full_page=True)

    page.click("nav.switcher >> text=Lat.")
    expect(page.locator("h1")).to_have_text("Konferencija u Beogradu o civilnoj zaštiti tokom poplava")
    assert page.inner_text(".dates time") == "4. juna 2021."
    for part in (".breadcrumbs", "article .body", ".site-footer"):
        assert _script(page, part) == "latn", part
    assert "Birčaninova 5" in page.inner_text(".site-footer")
    page.screenshot(path=str(shots / "article-sr-Latn.png"), full_page=True)

    page.click("nav.switcher >> text=Eng")
    expect(page.locator("h1")).to_have_text("Belgrade conference looks at civil protection in floods")
    assert "Birčaninova 5, Ministry of Defence Building" in page.inner_text(".site-footer")
    page.screenshot(path=str(shots / "article-en.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_front_page_looks_like_a_news_site(browser: Browser, base: str, shots: Path,
                                               width: int) -> None:
    """The lead story (picture, standfirst), the rest by date; the footer's address printed
    once and no empty column; on a phone, tap targets of 24 px and inputs of 16 px."""
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  extra_http_headers={"Accept-Language": "sr-Latn"})
    tab = context.new_page()
    try:
        tab.goto(base + "/")
        lead = tab.locator("article.lead")
        expect(lead.locator("h2")).to_have_text("Najavljeni jesenji kursevi za mlade oficire")
        image = lead.locator("img.lead-image")
        expect(image).to_have_attribute("alt", "Mladi oficiri za klupama u učionici Vojne akademije")
        assert tab.evaluate("i => i.complete && i.naturalWidth > 0", image.element_handle())
        assert lead.locator(".standfirst").inner_text().startswith("BEOGRAD, 5. oktobra – ")
        dates = [t.get_attribute("datetime") for t in tab.locator("#archive time").all()]
        assert dates and dates == sorted(dates, reverse=True)  # the rest, newest first
        footer = tab.locator(".site-footer").inner_text()
        assert footer.count("Birčaninova 5") == 1
        sections = tab.locator(".site-footer > section").all()
        boxes = [s.bounding_box() for s in sections]
        total = tab.locator(".site-footer").bounding_box()
        assert all(b is not None for b in boxes) and total is not None
        if width >= 1000:  # three columns filling the row: no empty one
            assert len({round(b["y"]) for b in boxes}) == 1  # type: ignore[index]
            right = max(b["x"] + b["width"] for b in boxes)  # type: ignore[index]
            assert right > total["x"] + total["width"] * 0.85
        else:
            small = tab.evaluate("""() => [...document.querySelectorAll(
                'a, button, input, textarea, select')].filter(e => e.offsetParent !== null)
                .filter(e => e.getBoundingClientRect().height < 24)
                .map(e => e.outerHTML.slice(0, 80))""")
            assert small == []
            fonts = tab.evaluate("""() => [...document.querySelectorAll('input, textarea')]
                .map(e => parseFloat(getComputedStyle(e).fontSize))""")
            assert fonts and min(fonts) >= 16
        tab.screenshot(path=str(shots / f"front-sr-Latn-{width}.png"), full_page=True)
        tab.click("header a.tool-link")  # the tool, linked from every page's header
        expect(tab.locator("h1")).to_have_text("Preslovljavanje")
    finally:
        context.close()


def test_choice_is_remembered(page: Page, base: str) -> None:
    page.goto(base + ARTICLE)
    page.click("nav.switcher >> text=Ћир.")
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "sr-Cyrl")
    page.goto(base + "/")  # no ?lang=: the cookie decides
    expect(page.locator("h1")).to_have_text("Прес-центар")
    assert page.url.endswith("/")


def test_latin_query_finds_cyrillic_result(page: Page, base: str, shots: Path) -> None:
    page.goto(base + "/?lang=sr-Cyrl")
    page.fill("#q", "poplave Obrenovac")
    page.press("#q", "Enter")
    result = page.locator("ul.articles > li > a")
    expect(result).to_have_count(2)  # the conference, and the course on floods in Obrenovac
    expect(result.nth(1)).to_have_text("Конференција у Београду о цивилној заштити током поплава")
    page.screenshot(path=str(shots / "search-sr-Cyrl.png"), full_page=True)
    page.fill("#q", "Бирчанинова нема такве речи")
    page.press("#q", "Enter")
    expect(page.locator("p.empty")).to_be_visible()


def test_tool_page_shows_both_scripts(page: Page, base: str, shots: Path) -> None:
    page.goto(base + "/tool?lang=sr-Latn")
    page.fill("#text", "Ljubav i <b title=\"Vest\">nadživeti</b> &nbsp; NATO")
    page.check('input[name="format"][value="html"]')
    page.click("form.tool button[type=submit]")
    assert page.input_value("#out-cyrl") == 'Љубав и <b title="Вест">надживети</b> &nbsp; НАТО'
    assert page.input_value("#out-latn") == 'Ljubav i <b title="Vest">nadživeti</b> &nbsp; NATO'
    expect(page.locator("form.tool button[type=submit]")).to_have_text("Preslovi")  # a verb
    page.click('button.copy[data-target="out-cyrl"]')
    expect(page.locator('button.copy[data-target="out-cyrl"]')).to_have_text("Kopirano")


def test_tool_page_announces_keeps_and_states_its_limit(page: Page, base: str) -> None:
    """The copy is announced (a live region), the text survives a switch of script, and the
    size limit is stated (and enforced in the box; a longer POST says what was cut)."""
    page.goto(base + "/tool?lang=sr-Latn")
    box = page.locator("#text")
    assert box.get_attribute("maxlength") == "100000"
    expect(page.locator("#" + (box.get_attribute("aria-describedby") or "none"))).to_have_text(
        "Najviše 100.000 znakova.")
    page.fill("#text", "Vesti iz Beograda")
    page.click("form.tool button[type=submit]")
    status = page.locator("#tool-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    page.click('button.copy[data-target="out-latn"]')
    expect(status).to_have_text("Kopirano")
    page.click('.switcher a[hreflang="sr-Cyrl"]')  # the reader switches script
    expect(page.locator("h1")).to_have_text("Пресловљавање")
    assert page.input_value("#text") == "Vesti iz Beograda"
    assert page.input_value("#out-cyrl") == "Вести из Београда"
    over = page.request.post(base + "/tool?lang=en", form={"text": "a" * 100_001})
    assert "Only the first 100,000 characters were converted" in over.text()


def test_tool_page_escapes_script_payloads(page: Page, base: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + "/tool")
    payload = "</textarea><script>alert('x')</script><img src=x onerror=alert(1)>"
    page.fill("#text", payload)
    page.click("form.tool button[type=submit]")
    assert page.input_value("#text") == payload
    assert dialogs == []
    assert page.locator("script:not([src])").count() == 0


def test_tool_page_restores_diacritics_when_asked(page: Page, base: str) -> None:
    page.goto(base + "/tool?lang=sr-Latn")
    expect(page.get_by_label("Tekst kucan bez č ć š ž đ")).not_to_be_checked()
    page.fill("#text", "sta radis, cujemo se sutra u cetiri")
    page.get_by_label("Tekst kucan bez č ć š ž đ").check()
    page.click("form.tool button[type=submit]")
    assert page.input_value("#out-latn") == "šta radiš, čujemo se sutra u četiri"
    assert page.input_value("#out-cyrl") == "шта радиш, чујемо се сутра у четири"
    expect(page.get_by_label("Tekst kucan bez č ć š ž đ")).to_be_checked()
    page.get_by_label("Tekst kucan bez č ć š ž đ").uncheck()
    page.click("form.tool button[type=submit]")
    assert page.input_value("#out-cyrl") == "ста радис, цујемо се сутра у цетири"


AXE = (Path(__file__).resolve().parent / "vendor" / "axe" / "axe.min.js").read_text("utf-8")
A11Y_PAGES = ["/", ARTICLE, "/search?q=beograd", "/search?q=zzzz", "/tool", "/vesti",
              "/api/v1/docs", "/news/2022-03-15-interview-head-of-office", COURSES, SPEECH,
              "/news/2023-01-20-media-queries", "/?year=2023",
              "POST /tool"]  # the tool page with its results


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["en", "sr-Latn", "sr-Cyrl"])
def test_axe_finds_no_accessibility_violation(browser: Browser, base: str, width: int,
                                              lang: str) -> None:
    """axe-core (every rule it runs by default: WCAG 2 A/AA and best practices) on every
    page, in every variant, at desktop and phone widths."""
    context = browser.new_context(bypass_csp=True,  # to inject axe; the site's CSP is strict
                                  viewport={"width": width, "height": 900},
                                  extra_http_headers={"Accept-Language": lang})
    tab = context.new_page()
    try:
        found = {}
        for path in A11Y_PAGES:
            if path == "POST /tool":
                tab.goto(base + "/tool")
                tab.fill("#text", "Vesti iz Beograda")
                tab.click("form.tool button[type=submit]")
            else:
                tab.goto(base + path)
            tab.evaluate(AXE)
            violations = tab.evaluate(
                "async () => (await axe.run()).violations.map(v => "
                "`${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target).join(' | ')}`)")
            if violations:
                found[path] = violations
        assert not found, found
    finally:
        context.close()


# ------------------------------------------------------------------- issue 27, in a browser
def _context(browser: Browser, width: int, lang: str = "en") -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  extra_http_headers={"Accept-Language": lang})
    return context.new_page()


LINE_STARTS = """sel => {
  // The first visible character of every line the element's text is laid out on.
  const root = document.querySelector(sel), range = document.createRange(), lines = new Map();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (!node.data[i].trim()) continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const top = Math.round(rect.top);
      if (!lines.has(top) || rect.left < lines.get(top).left) lines.set(top, {left: rect.left, ch: node.data[i]});
    }
  }
  return [...lines.keys()].sort((a, b) => a - b).map(k => lines.get(k).ch);
}"""


@pytest.mark.parametrize("lang", ["en", "sr-Latn", "sr-Cyrl"])
def test_breadcrumbs_never_start_a_line_with_a_slash_on_a_phone(browser: Browser, base: str,
                                                                lang: str) -> None:
    tab = _context(browser, 390, lang)
    try:
        for path in (ARTICLE, SPEECH, COURSES):
            tab.goto(base + path)
            starts = tab.evaluate(LINE_STARTS, ".breadcrumbs")
            assert len(starts) >= 2 and "/" not in starts, (path, starts)
    finally:
        tab.context.close()


def test_article_page_as_a_newsroom_shows_it(browser: Browser, base: str, shots: Path) -> None:
    """Kind, dates, credit, tags, sections, related, feed link; the table styled and
    scrolling inside its own box on a phone, never the page."""
    for width in (1280, 390):
        tab = _context(browser, width, "sr-Latn")
        try:
            tab.goto(base + SPEECH)
            expect(tab.locator("article .kind")).to_have_text("govor")
            expect(tab.locator(".toc li")).to_have_count(3)
            tab.click(".toc >> text=Šta sledi")
            assert tab.url.endswith("#section-3")
            assert tab.evaluate("document.getElementById('section-3').getBoundingClientRect()"
                                ".top") < 200  # the link took the reader there
            expect(tab.locator(".related li")).to_have_count(3)
            expect(tab.locator(".site-footer a.feed")).to_be_visible()
            tab.goto(base + COURSES)
            cell = tab.locator(".body td").first
            assert tab.evaluate("c => getComputedStyle(c).borderBottomStyle", cell.element_handle()) \
                == "solid"
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            tab.screenshot(path=str(shots / f"article-table-sr-Latn-{width}.png"), full_page=True)
            tab.goto(base + "/news/2023-01-20-media-queries")
            expect(tab.locator(".body figcaption .credit")).to_have_text("Foto: MLO Beograd")
            expect(tab.locator(".dates .updated time")).to_have_text("1. februara 2023.")
            expect(tab.locator(".tags a")).to_have_count(2)
            tab.screenshot(path=str(shots / f"article-sr-Latn-{width}.png"), full_page=True)
        finally:
            tab.context.close()


def test_a_404_lets_the_reader_search_and_read_on(browser: Browser, base: str,
                                                  shots: Path) -> None:
    for width in (1280, 390):
        tab = _context(browser, width, "sr-Cyrl")
        try:
            response = tab.goto(base + "/vesti/stara-adresa")
            assert response is not None and response.status == 404
            expect(tab.locator("main .related li")).to_have_count(3)
            tab.screenshot(path=str(shots / f"not-found-sr-Cyrl-{width}.png"), full_page=True)
            tab.fill("#q404", "poplave")
            tab.press("#q404", "Enter")
            expect(tab.locator("ul.results-list > li").first).to_be_visible()
        finally:
            tab.context.close()


def test_the_archive_pages_on(browser: Browser, base: str) -> None:
    from translit_service.web import site

    assert site.ARCHIVE_PAGE_SIZE >= 4  # the content fits one page; the pager is tested in
    tab = _context(browser, 1280, "en")   # tests/test_site_news.py with a smaller page
    try:
        tab.goto(base + "/")
        tab.click(".breadcrumbs >> text=News Archive")
        expect(tab.locator("#archive li")).to_have_count(4)
        tab.goto(base + ARTICLE)
        tab.click(".breadcrumbs >> text=2021")
        expect(tab.locator("#archive-title")).to_have_text("News Archive: 2021")
        expect(tab.locator("#archive li")).to_have_count(1)
    finally:
        tab.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_tool_outputs_grow_with_what_was_pasted(browser: Browser, base: str, shots: Path,
                                                width: int) -> None:
    tab = _context(browser, width, "sr-Latn")
    try:
        tab.goto(base + "/tool")
        tab.fill("#text", "Vesti")
        tab.click("form.tool button[type=submit]")
        short = tab.evaluate("document.getElementById('out-latn').clientHeight")
        text = "\n".join(f"{i}. Nadživeli smo poplave, injekcije i Tanjug javlja iz Beograda."
                         for i in range(1, 9))
        tab.fill("#text", text)
        tab.click("form.tool button[type=submit]")
        for box in ("out-latn", "out-cyrl"):
            sizes = tab.evaluate(f"(e => [e.scrollHeight, e.clientHeight])("
                                 f"document.getElementById('{box}'))")
            assert sizes[0] <= sizes[1] + 2, (box, sizes)  # all of it shows, no inner scroll
            assert sizes[1] > short * 2
        tab.screenshot(path=str(shots / f"tool-sr-Latn-{width}.png"), full_page=True)
    finally:
        tab.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_search_marks_and_the_docs_page_wrap(browser: Browser, base: str, shots: Path,
                                             width: int) -> None:
    tab = _context(browser, width, "sr-Latn")
    try:
        tab.goto(base + "/search?q=civilna+za%C5%A1tita&lang=sr-Latn")
        marks = tab.locator(".results-list a mark").all_inner_texts()
        assert "zaštiti" in marks and "civilnoj" in marks
        tab.screenshot(path=str(shots / f"search-sr-Latn-{width}.png"), full_page=True)
        tab.goto(base + "/search?q=answered&lang=en")
        assert {m.lower() for m in tab.locator(".snippet mark").all_inner_texts()} >= {"answers"}
        tab.goto(base + "/api/v1/docs")
        wide = tab.evaluate("""() => [...document.querySelectorAll('pre, table')]
            .filter(e => e.scrollWidth > e.clientWidth + 1).length""")
        assert wide == 0 and tab.evaluate("document.documentElement.scrollWidth") <= width
        text = tab.inner_text("main")
        assert "\\u0027" not in text and "\\u003c" not in text
        tab.evaluate("document.getElementById('transliterate').scrollIntoView()")
        tab.screenshot(path=str(shots / f"api-docs-{width}.png"))  # the viewport: it is long
    finally:
        tab.context.close()
