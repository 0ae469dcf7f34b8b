"""What search engines and feed readers read: /sitemap.xml and /feed.atom?lang=<variant>.

URLs are absolute: ``SITE_URL`` (a setting) when set, else the URL the request came to.  The
sitemap lists every article in every published variant, each with ``xhtml:link`` alternates
to the others; each variant has its own Atom feed, newest first.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from flask import Blueprint, Response, request

from .. import locales
from ..articles.summary import sentences
from .articles_api import service
from .errors import BadRequest
from .site_api import site_url

bp = Blueprint("feeds", __name__)
FEED_SUMMARY = 300  # characters of an entry's summary, whole sentences


def published_variants(article_id: str) -> list[locales.Variant]:
    articles = service()
    done = articles.available(article_id)
    return [v for v in locales.VARIANTS
            if v.tag == "en" or done.get(v.tag, 0) >= articles.threshold]


def article_url(article_id: str, variant: locales.Variant) -> str:
    return f"{site_url()}/news/{article_id}?lang={variant.tag}"


@bp.get("/sitemap.xml")
def sitemap() -> Response:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for article_id in service().store.ids():
        variants = published_variants(article_id)
        source = service().render(article_id, locales.BY_TAG["en"])
        date = source.updated or source.date
        for variant in variants:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(article_url(article_id, variant))}</loc>")
            lines.append(f"    <lastmod>{date}</lastmod>")
            for other in variants:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other.tag}" '
                             f"href={quoteattr(article_url(article_id, other))}/>")
            lines.append("  </url>")
    lines.append("</urlset>")
    response = Response("\n".join(lines) + "\n", mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.get("/feed.atom")
def feed() -> Response:
    tag = request.args.get("lang", locales.DEFAULT.tag)
    variant = locales.variant_for(tag)
    if variant is None:
        raise BadRequest(f"unknown lang {tag[:40]!r}; valid: "
                         f"{', '.join(v.tag for v in locales.VARIANTS)}", code="unknown_lang")
    base = site_url()
    items = [r for r in service().listing(variant) if r.lang == variant.tag][:50]
    updated = max((item.updated or item.date for item in items), default="1970-01-01") + \
        "T00:00:00Z"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{variant.tag}">',
             f"  <title>{escape(_site_name(variant))}</title>",
             f"  <id>{escape(base)}/feed.atom?lang={variant.tag}</id>",
             f'  <link rel="self" href="{escape(base)}/feed.atom?lang={variant.tag}"/>',
             f'  <link rel="alternate" href="{escape(base)}/?lang={variant.tag}"/>',
             f"  <updated>{updated}</updated>"]
    for item in items:
        url = article_url(item.id, variant)
        summary = sentences(item.html, FEED_SUMMARY)
        lines += ["  <entry>",
                  f"    <title>{escape(item.title)}</title>",
                  f"    <id>{escape(url)}</id>",
                  f'    <link rel="alternate" href="{escape(url)}"/>',
                  f"    <published>{item.date}T00:00:00Z</published>",
                  f"    <updated>{item.updated or item.date}T00:00:00Z</updated>",
                  f"    <author><name>{escape(item.author or _site_name(variant))}</name></author>",
                  f"    <summary>{escape(summary)}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    response = Response("\n".join(lines) + "\n", mimetype="application/atom+xml")
    response.headers["Content-Language"] = variant.tag
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def _site_name(variant: locales.Variant) -> str:
    from flask import g

    from . import i18n, strings

    previous = g.get("variant")
    i18n.use_variant(variant)
    name = i18n.translate(strings.SITE_NAME)
    if previous is not None:
        i18n.use_variant(previous)
    return name
