"""The demo site: newsroom, article pages, search and the transliteration tool.

Server-rendered with Jinja, every UI string through gettext in the reader's variant; the
variant comes from ``?lang=`` (remembered in a cookie), the cookie, or Accept-Language.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, make_response, render_template, request
from werkzeug.exceptions import NotFound

from .. import locales
from ..articles import ArticleNotFound, NotPublished
from ..articles.render import percent
from ..articles.search import has_hit, marked, matches, snippet
from ..articles.summary import summary
from ..engine import FORMATS
from ..options import Options
from . import feeds, i18n, negotiation, strings
from .articles_api import service
from .errors import error_response
from .http import JSON_PREFIXES
from .negotiation import LANG_COOKIE
from .site_api import alternate_links, site_url, switcher_links
from .site_article import decorate, related
from .transliteration import configured_options, transliterator

bp = Blueprint("site", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static")

COOKIE_AGE = 365 * 24 * 3600
#: Static files under a content-hashed URL (?v=<hash>) never change: a year, immutable.
STATIC_IMMUTABLE = "public, max-age=31536000, immutable"
STATIC_PLAIN = "public, max-age=300"  # the same file without (or with a stale) hash
TOOL_LIMIT = 100_000  # characters the tool page converts
SEARCH_PAGE_SIZE = 10  # results on one page of /search
ARCHIVE_PAGE_SIZE = 10  # stories on one page of the front page's archive
LATEST_ON_404 = 3  # the latest news a 404 page offers
DESCRIPTION = 160  # characters of a page's meta/og description, cut at a word
OUTPUT_MIN_ROWS, OUTPUT_MAX_ROWS = 4, 40  # the tool's output boxes grow with the text


_HASHES: dict[str, tuple[float, str]] = {}


def static_hash(filename: str) -> str | None:
    """The first 12 hex digits of the SHA-256 of static file ``filename`` (None if it is
    not one), remembered until the file changes."""
    folder = bp.static_folder
    if folder is None:
        return None
    path = Path(folder) / filename
    try:
        stamp = path.stat().st_mtime
    except (OSError, ValueError):
        return None
    found = _HASHES.get(filename)
    if found is None or found[0] != stamp:
        found = _HASHES[filename] = (stamp, hashlib.sha256(path.read_bytes()).hexdigest()[:12])
    return found[1]


@bp.app_url_defaults
def _hashed_static_urls(endpoint: str, values: dict[str, Any]) -> None:
    """url_for('site.static', filename=…) everywhere gets ``?v=<content hash>``: the URL
    changes when the file does, so it can be cached for a year."""
    if endpoint == "site.static" and "v" not in values:
        digest = static_hash(str(values.get("filename", "")))
        if digest:
            values["v"] = digest


@bp.after_app_request
def _static_cache_lifetime(response: Response) -> Response:
    if request.endpoint == "site.static" and response.status_code in (200, 304):
        filename = (request.view_args or {}).get("filename", "")
        fresh = request.args.get("v") and request.args.get("v") == static_hash(filename)
        response.headers["Cache-Control"] = STATIC_IMMUTABLE if fresh else STATIC_PLAIN
    return response


def _chosen() -> negotiation.Negotiated:
    return negotiation.for_request()


def _page(template: str, status: int = 200, published: frozenset[str] | None = None,
          **context: object) -> Response:
    chosen = _chosen()
    variant = chosen.variant
    i18n.use_variant(variant)
    path = request.full_path.rstrip("?") if request.query_string else request.path
    html = render_template(
        template, variant=variant, switcher=switcher_links(path, variant),
        alternates=alternate_links(path, site_url(), published),
        home_href=f"/?lang={variant.tag}", newsroom_href=f"/?lang={variant.tag}",
        archive_href=f"/?lang={variant.tag}#archive", search_href="/search",
        feed_href=f"/feed.atom?lang={variant.tag}", contact="press@example.org",
        query=request.args.get("q", ""), **context)
    response = make_response(html, status)
    response.headers["Content-Language"] = variant.tag
    if status == 200 and request.method in ("GET", "HEAD"):
        # A page is the same for every reader of its variant (Vary says which): shared caches
        # may keep it as long as an edit may take to show (a cookie set below makes it private).
        response.headers["Cache-Control"] = (
            f"public, max-age={current_app.config['CONTENT_MAX_AGE']}")
    explicit = locales.variant_for(request.args.get("lang"))
    if explicit is not None:
        response.set_cookie(LANG_COOKIE, explicit.tag, max_age=COOKIE_AGE, samesite="Lax",
                            httponly=True)
    return response




@bp.app_errorhandler(404)
def not_found(error: NotFound) -> Response:
    """An unknown path: JSON under the API, else the site's 404 page in the reader's variant."""
    if request.path.startswith(JSON_PREFIXES):
        return error_response(404, "not_found", error.description or "not found")
    return _not_found_page()


def _not_found_page() -> Response:
    """The 404 page: what happened, a search box and the latest news."""
    latest = service().listing(_chosen().variant)[:LATEST_ON_404]
    return _page("site/error.html", 404, heading=strings.ERROR_HEADINGS[404],
                 message=strings.ERROR_MESSAGES[404], latest=latest, offer_search=True)


@bp.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page says: the site's icon."""
    response = make_response(bp.send_static_file("favicon.svg"))
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def _page_number(pages: int) -> int:
    """``?page=``, brought into 1..pages (a bad or stale number shows the nearest page)."""
    try:
        return min(max(1, int(request.args.get("page", "1"))), pages)
    except ValueError:
        return 1


@bp.get("/")
def newsroom() -> Response:
    """The front page: the newest story as the lead (picture and standfirst), then the
    archive by year, ARCHIVE_PAGE_SIZE stories a page (``?page=``); ``?year=`` shows one
    year's stories (the breadcrumbs' year links)."""
    variant = _chosen().variant
    items = service().listing(variant)
    year = request.args.get("year", "")
    if re.fullmatch(r"\d{4}", year):
        lead, rest = None, [item for item in items if item.date[:4] == year]
    else:
        year, lead, rest = "", (items[0] if items else None), items[1:]
    pages = max(1, -(-len(rest) // ARCHIVE_PAGE_SIZE))
    page = _page_number(pages)
    if page > 1:
        lead = None
    by_year: dict[str, list[object]] = {}
    for item in rest[(page - 1) * ARCHIVE_PAGE_SIZE:page * ARCHIVE_PAGE_SIZE]:
        by_year.setdefault(item.date[:4], []).append(item)

    def page_href(number: int) -> str:
        query = {"lang": variant.tag, **({"year": year} if year else {}), "page": number}
        return "/?" + urlencode(query) + "#archive"

    return _page("site/newsroom.html", items=items, lead=lead, by_year=by_year,
                 lead_summary=summary(lead.html) if lead else None, page=page, pages=pages,
                 year_shown=year,
                 previous_href=page_href(page - 1) if page > 1 else None,
                 next_href=page_href(page + 1) if page < pages else None)


@bp.get("/news/<article_id>")
def article(article_id: str) -> Response:
    variant = _chosen().variant
    i18n.use_variant(variant)  # the credit lines below are translated before the page
    try:
        rendered = service().render(article_id, variant)
        note = None
    except NotPublished:
        rendered = service().render(article_id, locales.BY_TAG["en"])
        note = "unpublished"
    except ArticleNotFound:
        return _not_found_page()
    threshold = service().threshold
    published = frozenset(tag for tag, done in service().available(article_id).items()
                          if tag == "en" or done >= threshold)
    shown = locales.BY_TAG[rendered.lang.lower()]
    engine = transliterator()

    def credit(values: dict[str, str]) -> str:
        """The credit line in the page's language: a name the catalog translates (the
        office's own, "MLO Belgrade"), else the name in the page's script."""
        name = values["credit"]
        translated = i18n.translate(name)
        if translated == name and shown.script:
            translated = engine.convert(name, shown.script)
        return i18n.translate(strings.PHOTO_CREDIT, credit=translated)

    html, sections = decorate(rendered.html, credit, i18n.translate(strings.TABLE_LABEL))
    lead = summary(rendered.html, DESCRIPTION)
    base = site_url()
    image = lead.image and (lead.image if "://" in lead.image else base + lead.image)
    og_locale = locales.OPEN_GRAPH_LOCALES[shown.tag]
    og_alternates = sorted({locales.OPEN_GRAPH_LOCALES[tag] for tag in published} - {og_locale})
    return _page("site/article.html", article=rendered, html=html, sections=sections,
                 note=note, published=published, year=rendered.date[:4], title=rendered.title,
                 canonical=feeds.article_url(article_id, shown), description=lead.standfirst,
                 image=image, image_alt=lead.alt, og_locale=og_locale,
                 og_alternates=og_alternates, percent=percent(rendered.completeness),
                 related=related(rendered, service().listing(variant)))


@bp.get("/search")
def search() -> Response:
    query = request.args.get("q", "")[:200]
    variant = _chosen().variant
    results = []  # (the article as shown, every published variant of it)
    if query.strip():
        for article_id in service().store.ids():
            versions = []
            for v in locales.VARIANTS:
                try:
                    versions.append(service().render(article_id, v))
                except NotPublished:
                    continue
            if matches(query, *(t for r in versions for t in (r.title, r.html, r.author))):
                shown_as = next((r for r in versions if r.lang == variant.tag), versions[0])
                results.append((shown_as, versions))
    results.sort(key=lambda r: (r[0].date, r[0].id), reverse=True)  # newest first
    pages = max(1, -(-len(results) // SEARCH_PAGE_SIZE))
    page = _page_number(pages)
    shown = [_result(query, item, versions)
             for item, versions in results[(page - 1) * SEARCH_PAGE_SIZE:page * SEARCH_PAGE_SIZE]]

    def page_href(number: int) -> str:
        return "/search?" + urlencode({"q": query, "lang": variant.tag, "page": number})

    return _page("site/search.html", results=results, shown=shown,
                 searched=bool(query.strip()), page=page, pages=pages,
                 previous_href=page_href(page - 1) if page > 1 else None,
                 next_href=page_href(page + 1) if page < pages else None)


def _result(query: str, item: Any, versions: list[Any]) -> dict[str, Any]:
    """A search result: its title with the found words marked, and a snippet where they
    occur, from the text shown or, when the words were found in another variant (a Serbian
    query, an English page), from that variant's text, in its language."""
    source = next((r for r in [item, *versions] if has_hit(query, r.html)), item)
    return {"item": item, "title": marked(query, item.title), "snippet": snippet(query,
                                                                                 source.html),
            "snippet_lang": source.lang}


@bp.route("/tool", methods=["GET", "POST"])
def tool() -> Response:
    posted = request.form.get("text", "") if request.method == "POST" else ""
    text = posted[:TOOL_LIMIT]
    fmt = request.form.get("format", "text")
    fmt = fmt if fmt in FORMATS else "text"
    restore = request.method == "POST" and request.form.get("restore") == "1"
    engine = transliterator(Options.merge(configured_options(), restore_diacritics=restore))
    # Restoration for both outputs, the Latin one too (the engine restores for either).
    latin = engine.convert(text, "latn", fmt) if text else ""
    cyrillic = engine.convert(text, "cyrl", fmt) if text else ""
    separator = "," if _chosen().variant.tag == "en" else "."
    return _page("site/tool.html", text=text, fmt=fmt, latin=latin, cyrillic=cyrillic,
                 restore=restore, limit=TOOL_LIMIT, truncated=len(posted) > TOOL_LIMIT,
                 limit_display=f"{TOOL_LIMIT:,}".replace(",", separator),
                 rows=output_rows(latin, cyrillic))


def output_rows(*outputs: str) -> int:
    """Rows for the output boxes: as many as the longest output takes at about 60
    characters a line (at least 4, at most 40; longer output scrolls in its box).

    >>> output_rows("short"), output_rows("line\\n" * 12), output_rows("x" * 100_000)
    (4, 13, 40)
    """
    lines = max((sum(1 + len(line) // 60 for line in text.split("\n")) for text in outputs),
                default=0)
    return min(max(lines, OUTPUT_MIN_ROWS), OUTPUT_MAX_ROWS)
