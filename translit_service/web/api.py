"""The JSON API under /api/v1 (and the health checks)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ..engine import FORMATS, Transliterator
from ..errors import UnknownFormat
from ..locales import VARIANTS
from ..options import FIELD_NAMES
from . import fields, i18n
from . import openapi as openapi_doc
from .errors import ERROR_CODES, BadRequest
from .fields import check_charset
from .transliteration import configured_options, transliterator

#: The JSON fields of POST /api/v1/transliterate (and query parameters of GET): the text, the
#: target, the format, and every conversion option (generated from options.FIELDS).
TRANSLITERATE_FIELDS = ("text", "texts", "to", "format", *FIELD_NAMES)

bp = Blueprint("api", __name__, template_folder="templates")

CONTENT_LANGUAGE = {"cyrl": "sr-Cyrl", "latn": "sr-Latn"}


def _body_bytes() -> bytes:
    """The request body, whatever its framing: over the limit is a 413, also when the body
    comes in chunks with no Content-Length (never silently cut).  Read from the WSGI input
    once (kept for the request), without werkzeug's stream wrappers."""
    req = request._get_current_object()  # type: ignore[attr-defined]
    environ = req.environ
    cached: bytes | None = environ.get("translit.body")
    if cached is not None:
        return cached
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    length = req.content_length
    raw = environ.get("wsgi.input")
    if raw is None or length == 0:
        data = b""
    elif length is not None:
        if limit and length > limit:
            raise BadRequest(f"request body is over the limit of {limit} bytes", 413,
                             "request_entity_too_large")
        data = raw.read(length)
    elif limit:
        data = raw.read(limit + 1)
        if len(data) > limit:
            raise BadRequest(f"request body is over the limit of {limit} bytes", 413,
                             "request_entity_too_large")
    else:
        data = raw.read()
    environ["translit.body"] = data
    return data


def _body_text() -> str:
    data = _body_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"request body is not valid UTF-8 (byte {exc.start})",
                         code="invalid_utf8") from None


def _json_body(fields: tuple[str, ...]) -> dict[str, Any]:
    """The request's JSON object; fields other than ``fields`` are a 400 naming the valid ones."""
    try:
        payload = json.loads(_body_text())
    except json.JSONDecodeError as exc:
        raise BadRequest(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         code="malformed_json") from None
    except RecursionError:
        raise BadRequest("JSON nested too deeply", code="malformed_json") from None
    except ValueError as exc:  # an integer of thousands of digits, and the like
        raise BadRequest(f"malformed JSON: {exc}", code="malformed_json") from None
    if not isinstance(payload, dict):
        raise BadRequest("the JSON body must be an object")
    unknown = sorted(set(payload) - set(fields))
    if unknown:
        raise BadRequest(f"unknown field {unknown[0]!r}; valid fields: {', '.join(fields)}",
                         code="unknown_field")
    return payload


def _query() -> dict[str, str]:
    """The query parameters, decoded strictly: invalid UTF-8 is a 400, not U+FFFD."""
    raw = request.query_string.decode("latin-1")
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"query string is not valid UTF-8 (byte {exc.start})",
                         code="invalid_utf8") from None
    return dict(pairs)


def _translated(payload: dict[str, Any], status: int = 200) -> Response:
    response = jsonify(payload)
    response.status_code = status
    response.headers.add("Content-Language", CONTENT_LANGUAGE[payload["to"]])
    return response


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})


_ABSOLUTE_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^/\\\s:'\"]+)+[/\\]([^/\\\s:'\"]+)")


def _without_paths(text: str) -> str:
    """``text`` with every absolute path cut to its file name: /readyz is public, and the
    server's directory layout is nobody's business.

    >>> _without_paths("/srv/site/locales/sr_Latn/LC_MESSAGES/messages.po:3: bad")
    'messages.po:3: bad'
    """
    return _ABSOLUTE_PATH.sub(r"\1", text)


@bp.get("/readyz")
def readyz() -> Response:
    """Ready when the engine's tables and every catalog are loaded.  A catalog whose last edit
    does not parse is still served from its last good version: 200, status "degraded", and
    the problem; a catalog that never loaded is a 503.  While the ``DRAIN_FILE`` setting names
    a file that exists, 503 "draining": how an operator takes the instance out of its load
    balancer (and ``rm`` brings it back) without stopping it."""
    drain = current_app.config.get("DRAIN_FILE")
    if drain and Path(drain).exists():
        response = jsonify({"status": "draining", "drain_file": Path(drain).name})
        response.status_code = 503
        return response
    engine = transliterator()
    engine.pipeline("cyrl")  # tables load on first use
    status = i18n.store().status(tuple(v.locale for v in VARIANTS))
    states = {state for state, _ in status.values()}
    overall = "unavailable" if "missing" in states else "degraded" if "degraded" in states \
        else "ready"
    page = _page_renders()
    if page != "ok":
        overall = "unavailable"
    response = jsonify({"status": overall,
                        "catalogs": {locale: _without_paths(detail)
                                     for locale, (_, detail) in status.items()},
                        "page": page, "engine": engine.describe()})
    response.status_code = 503 if overall == "unavailable" else 200
    return response


#: Query parameters of POST /api/v1/transliterate (the target and options of a text/plain or
#: text/html body; defaults under a JSON body's own fields).
POST_QUERY = ("to", *FIELD_NAMES)
GET_QUERY = ("text", "to", "format", *FIELD_NAMES)


def _query_options(args: dict[str, str]) -> dict[str, str]:
    return {name: args[name] for name in FIELD_NAMES if name in args}


#: The page /readyz renders: the newsroom in Cyrillic goes through negotiation, the catalogs,
#: the article store and its cache, the engine and the templates (cached after the first time).
READY_PAGE = ("/", {"Accept-Language": "sr-Cyrl"})


def _page_renders() -> str:
    """"ok" when a real page renders with a 200, else what went wrong (the details go to the
    log: a setting that breaks every page must not leave the instance "ready")."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    path, headers = READY_PAGE
    try:
        with app.test_request_context(path, headers=headers):
            adapter = app.url_map.bind("localhost")
            endpoint, args = adapter.match(path)
            page = app.make_response(app.view_functions[endpoint](**args))
        if page.status_code == 200:
            return "ok"
        return f"the page {path} answered {page.status_code}"
    except Exception:  # a broken page is the finding; it must not be a 500 of /readyz
        current_app.logger.exception("/readyz: the page %s does not render", path)
        return f"the page {path} does not render (see the log)"


@bp.post("/api/v1/transliterate")
def transliterate_post() -> Response:
    args = _query()
    fields.only(POST_QUERY, args)
    check_charset()
    base = fields.options_from(_query_options(args), configured_options(), query=True)
    to = fields.script_value(args["to"], query=True) if "to" in args else "cyrl"
    mimetype = request.mimetype
    if mimetype in ("text/plain", "text/html"):
        fmt = "html" if mimetype == "text/html" else "text"
        out = transliterator(base).convert(_body_text(), to, fmt)
        response = Response(out, mimetype=mimetype)
        response.headers["Content-Language"] = CONTENT_LANGUAGE[to]
        return response
    if mimetype != "application/json":
        raise BadRequest(f"unsupported content type {mimetype or '(none)'!r}; send "
                         "application/json, text/plain or text/html", 415, "unsupported_media_type")
    payload = _json_body(TRANSLITERATE_FIELDS)
    if "to" in payload:
        to = fields.script_value(payload["to"])
    fmt = fields.string_value(payload, "format", "text")
    if fmt not in FORMATS:
        raise UnknownFormat("format", fmt, FORMATS)
    engine = transliterator(fields.options_from(payload, base))
    if "texts" in payload:
        if "text" in payload:
            raise BadRequest("send 'text' or 'texts', not both", code="invalid_field")
        texts = payload["texts"]
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise BadRequest("field 'texts' must be a list of strings", code="invalid_field")
        _check_batch(len(texts))
        converted = [engine.convert(t, to, fmt) for t in texts]
        source = engine.detect_script(" ".join(texts)).script
        return _translated({"texts": converted, "from": source, "to": to})
    text = fields.string_value(payload, "text")
    out = engine.convert(text, to, fmt)
    return _translated({"text": out, "from": engine.detect_script(text).script, "to": to})


def _check_batch(count: int) -> None:
    limit = current_app.config["MAX_BATCH"]
    if count > limit:
        raise BadRequest(f"batch of {count} texts is over the limit of {limit}", 413,
                         "batch_too_large")


@bp.get("/api/v1/transliterate")
def transliterate_get() -> Response:
    args = _query()
    fields.only(GET_QUERY, args)
    text = fields.string_value(args, "text", query=True)
    if len(text) > current_app.config["MAX_QUERY_TEXT"]:
        raise BadRequest("text is too long for GET; POST it instead", 414, "uri_too_long")
    to = fields.script_value(args["to"], query=True) if "to" in args else "cyrl"
    fmt = args.get("format", "text")
    if fmt not in FORMATS:
        raise UnknownFormat("format", fmt, FORMATS)
    engine = transliterator(fields.options_from(_query_options(args), configured_options(),
                                                query=True))
    out = engine.convert(text, to, fmt)
    response = _translated({"text": out, "from": engine.detect_script(text).script, "to": to})
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['CACHE_MAX_AGE']}"
    return response


def _detection(engine: Transliterator, text: str) -> dict[str, Any]:
    found = engine.detect_script(text)
    return {"script": found.script, "latin": found.latin, "cyrillic": found.cyrillic}


@bp.post("/api/v1/detect")
def detect() -> Response:
    """The script of a text, or of each text of a batch, counting the letters a conversion
    would change: words kept in Latin (English words, acronyms, URLs, code) do not count."""
    fields.only((), _query())
    check_charset()
    engine = transliterator()
    if request.mimetype == "application/json":
        payload = _json_body(("text", "texts"))
        if "texts" in payload:
            if "text" in payload:
                raise BadRequest("send 'text' or 'texts', not both", code="invalid_field")
            texts = payload["texts"]
            if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                raise BadRequest("field 'texts' must be a list of strings", code="invalid_field")
            _check_batch(len(texts))
            return jsonify({"results": [_detection(engine, t) for t in texts]})
        text = fields.string_value(payload, "text")
    elif request.mimetype == "text/plain":
        text = _body_text()
    else:
        raise BadRequest(f"unsupported content type {request.mimetype or '(none)'!r}; send "
                         "application/json or text/plain", 415, "unsupported_media_type")
    return jsonify(_detection(engine, text))


@bp.get("/api/v1/openapi.json")
def openapi() -> Response:
    fields.only((), _query())
    response = jsonify(_document())
    response.headers["Cache-Control"] = f"public, max-age={DOCUMENT_MAX_AGE}"
    return response


@bp.get("/api/v1/docs")
def docs() -> Response:
    fields.only((), _query())
    response = Response(render_template("api_docs.html", doc=_document(),
                                        view=openapi_doc.docs_view(_document()),
                                        codes=sorted(ERROR_CODES.items())),
                        mimetype="text/html")
    response.headers["Cache-Control"] = f"public, max-age={DOCUMENT_MAX_AGE}"
    return response


DOCUMENT_MAX_AGE = 300  # seconds: the document changes with a deployment


def _document() -> dict[str, Any]:
    """The OpenAPI document with this service's limits."""
    config = current_app.config
    return openapi_doc.document(max_batch=config["MAX_BATCH"],
                                max_query_text=config["MAX_QUERY_TEXT"])
