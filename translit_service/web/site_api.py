"""Catalogs for the front end, and the language switcher."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from markupsafe import Markup, escape

from .. import locales
from ..catalogs.jed import jed_options
from . import fields, i18n, negotiation, strings
from .errors import BadRequest

bp = Blueprint("site_api", __name__, template_folder="templates")

#: ?format= of /api/v1/catalogs: our JSON, or Jed 1.x locale data (Jed, @wordpress/i18n).
CATALOG_FORMATS = ("json", "jed")



@bp.get("/api/v1/catalogs/<name>")
def catalog(name: str) -> Response:
    """A variant's UI messages; ``name`` is any name the site takes for it (``sr-Latn``,
    ``sr_Latn``, ``sr@latin``, ``sr`` for Cyrillic…), as ``?lang=`` and negotiation read it."""
    fields.query_only("format")
    variant = locales.variant_for(name)
    if variant is None:
        raise BadRequest(f"no catalog {name[:40]!r}; valid: "
                         f"{', '.join(v.tag for v in locales.VARIANTS)} (or sr_Latn, "
                         "sr@latin, sr…)", 404, "not_found")
    fmt = request.args.get("format", "json")
    if fmt not in CATALOG_FORMATS:
        raise BadRequest(f"unknown format {fmt[:40]!r}; valid values: {', '.join(CATALOG_FORMATS)}",
                         code="unknown_format")
    loaded = i18n.store().get(variant.locale)
    if loaded is None:
        raise BadRequest(f"the {variant.locale} catalog is not available", 503, "unavailable")
    if fmt == "jed":
        response = jsonify(jed_options(loaded.messages(), lang=variant.tag,
                                       plural_forms=variant.plural_forms))
    else:
        response = jsonify({"locale": variant.locale, "lang": variant.tag,
                            "plural_forms": variant.plural_forms, "messages": loaded.messages()})
    response.set_etag(loaded.etag if fmt == "json" else f"{loaded.etag}-{fmt}")
    response.headers["Content-Language"] = variant.tag
    response.headers["Cache-Control"] = (
        f"public, max-age={current_app.config['CONTENT_MAX_AGE']}")
    return response.make_conditional(request)  # type: ignore[return-value]


#: The longest ``path`` the switcher takes (the OpenAPI document's maxLength).
MAX_PATH = 2000


def _checked_path(path: str | None) -> str:
    if path is None:
        raise BadRequest("missing query parameter 'path'", code="missing_field")
    parts = urlsplit(path)
    if (not path or len(path) > MAX_PATH or not path.startswith("/") or path.startswith("//")
            or parts.scheme or parts.netloc or "\\" in path
            or any(ord(c) < 32 for c in path)):
        raise BadRequest("path must be a site path starting with a single '/'",
                         code="invalid_field")
    return path


def variant_href(path: str, variant: locales.Variant) -> str:
    """``path`` with its ``lang`` parameter set to ``variant`` (other parameters kept).

    >>> variant_href("/news/a?page=2&lang=en", locales.BY_TAG["sr-cyrl"])
    '/news/a?page=2&lang=sr-Cyrl'
    """
    parts = urlsplit(path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "lang"]
    query.append(("lang", variant.tag))
    return urlunsplit(("", "", parts.path, urlencode(query), parts.fragment))


def switcher_links(path: str, current: locales.Variant) -> list[dict[str, object]]:
    return [{"tag": v.tag, "label": v.label, "name": strings.VARIANT_NAMES[v.tag],
             "href": variant_href(path, v), "current": v == current} for v in locales.VARIANTS]


def alternate_links(path: str, base: str = "", only: frozenset[str] | None = None) -> Markup:
    """``<link rel="alternate" hreflang>`` for every variant (or those in ``only``: an
    article's published variants), and x-default."""
    links = [f'<link rel="alternate" hreflang="{v.tag}" '
             f'href="{escape(base + variant_href(path, v))}">' for v in locales.VARIANTS
             if only is None or v.tag in only]
    default = locales.DEFAULT
    links.append(f'<link rel="alternate" hreflang="x-default" '
                 f'href="{escape(base + variant_href(path, default))}">')
    return Markup("\n".join(links))


@bp.get("/api/v1/switcher")
def switcher() -> Response:
    fields.query_only("path", "lang")
    path = _checked_path(request.args.get("path"))
    lang = request.args.get("lang")
    if lang and locales.variant_for(lang) is None:
        raise BadRequest(f"unknown lang {lang[:40]!r}; valid: "
                         f"{', '.join(v.tag for v in locales.VARIANTS)}", code="unknown_lang")
    chosen = negotiation.for_request()
    i18n.use_variant(chosen.variant)
    html = render_template("site/_switcher.html", switcher=switcher_links(path, chosen.variant))
    response = jsonify({"lang": chosen.tag, "html": html.strip(),
                        "alternates": str(alternate_links(path, site_url()))})
    response.headers["Content-Language"] = chosen.tag
    response.headers["Cache-Control"] = (
        f"public, max-age={current_app.config['CONTENT_MAX_AGE']}")
    return response


def site_url() -> str:
    """The site's absolute base URL: ``SITE_URL`` when set, else the URL the request came to
    (so that ``hreflang`` links are absolute, as ``canonical`` is)."""
    configured: str = current_app.config.get("SITE_URL") or ""
    return (configured or request.host_url).rstrip("/")
