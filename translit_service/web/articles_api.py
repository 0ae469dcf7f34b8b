"""Articles over HTTP: the list, one article as JSON, and the bare HTML fragment."""

from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from .. import locales
from ..articles import ArticleService, NotPublished, Rendered, Store
from . import fields, negotiation
from .errors import BadRequest

bp = Blueprint("articles_api", __name__)
MAX_PAGE = 100_000  # the highest ?page= of the list (the OpenAPI document's maximum)


def service() -> ArticleService:
    found: ArticleService = current_app.extensions["articles"]
    return found


def init_app(app: Flask) -> None:
    complete_only = bool(app.config.get("PUBLISH_ONLY_COMPLETE"))
    app.extensions["articles"] = ArticleService(
        Store(app.config["CONTENT_DIR"]),
        threshold=1.0 if complete_only else float(app.config["PUBLISH_THRESHOLD"]),
        cache_size=int(app.config["ARTICLE_CACHE_SIZE"]),
        engine=app.extensions["translit"].get)


def _variant() -> negotiation.Negotiated:
    param = request.args.get("lang")
    if param is not None and locales.variant_for(param) is None:
        raise BadRequest(f"unknown lang {param[:40]!r}; valid: "
                         f"{', '.join(v.tag for v in locales.VARIANTS)}", code="unknown_lang")
    return negotiation.for_request()


def _alternates(article_id: str) -> dict[str, str]:
    published = {}
    for tag, completeness in service().available(article_id).items():
        if tag == "en" or completeness >= service().threshold:
            published[tag] = f"/api/v1/articles/{article_id}?lang={tag}"
    return published


def _headers(response: Response, rendered: Rendered, chosen: negotiation.Negotiated) -> Response:
    response.headers["Content-Language"] = rendered.lang
    response.headers["X-Translation-Completeness"] = f"{rendered.completeness:.4f}"
    response.headers["Cache-Control"] = (
        f"public, max-age={current_app.config['CONTENT_MAX_AGE']}")
    # The hash of the whole body (alternates included), not only of the article's text.
    response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:32])
    return response.make_conditional(request)  # type: ignore[return-value]


def _render(article_id: str, chosen: negotiation.Negotiated) -> Rendered:
    try:
        return service().render(article_id, chosen.variant)
    except NotPublished as exc:
        raise BadRequest(str(exc), 404, "not_published") from None


@bp.get("/api/v1/articles/<article_id>")
def article(article_id: str) -> Response:
    fields.query_only("lang")
    chosen = _variant()
    rendered = _render(article_id, chosen)
    body = {"id": rendered.id, "lang": rendered.lang, "title": rendered.title,
            "date": rendered.date, "date_display": rendered.date_display,
            "author": rendered.author, "tags": list(rendered.tags), "kind": rendered.kind,
            "html": rendered.html, "completeness": rendered.completeness,
            "origin": rendered.origin, "alternates": _alternates(article_id)}
    return _headers(jsonify(body), rendered, chosen)


@bp.get("/articles/<article_id>.html")
def fragment(article_id: str) -> Response:
    fields.query_only("lang")
    chosen = _variant()
    rendered = _render(article_id, chosen)
    return _headers(Response(rendered.html, mimetype="text/html"), rendered, chosen)


@bp.get("/api/v1/articles")
def listing() -> Response:
    fields.query_only("lang", "page", "per_page")
    chosen = _variant()
    page = _integer("page", 1)
    per_page = _integer("per_page", 10)
    if not 1 <= page <= MAX_PAGE or not 1 <= per_page <= 100:
        raise BadRequest(f"page must be between 1 and {MAX_PAGE} and per_page between 1 and 100",
                         code="invalid_field")
    items = service().listing(chosen.variant)
    chunk = items[(page - 1) * per_page: page * per_page]
    body = {
        "lang": chosen.tag, "page": page, "per_page": per_page, "total": len(items),
        "pages": max(1, -(-len(items) // per_page)),
        "articles": [{"id": r.id, "lang": r.lang, "title": r.title, "date": r.date,
                      "date_display": r.date_display, "author": r.author,
                      "completeness": r.completeness,
                      "url": f"/api/v1/articles/{r.id}?lang={r.lang}"} for r in chunk],
    }
    response = jsonify(body)
    response.headers["Content-Language"] = chosen.tag
    response.headers["Cache-Control"] = (
        f"public, max-age={current_app.config['CONTENT_MAX_AGE']}")
    return response


def _integer(name: str, default: int) -> int:
    """A query parameter that is a decimal integer (``+1``, `` 1`` and ``1.0`` are not)."""
    value = request.args.get(name)
    if value is None:
        return default
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise BadRequest(f"parameter {name!r} must be an integer, not {value[:20]!r}",
                         code="invalid_field")
    return int(value)
