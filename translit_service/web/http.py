"""Cross-cutting HTTP behaviour: request ids, CORS, ETags on translated responses."""

from __future__ import annotations

import logging
import os
import re

from flask import Flask, Response, current_app, jsonify, request

from .negotiation import VARIES_ON_VARIANT

log = logging.getLogger("translit_service.requests")

#: Sent with every HTML page: no inline script or style, nothing from other origins.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}

#: Response headers a browser script on an allowed origin may read.
EXPOSED_HEADERS = "ETag, X-Request-ID, Content-Language, X-Translation-Completeness"
#: Paths whose every answer is JSON (OPTIONS included); the rest is the site's HTML.
JSON_PREFIXES = ("/api/", "/articles/", "/healthz", "/readyz")

_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id() -> str:
    """The request's id: the client's ``X-Request-ID`` when it is a safe token, else a new
    random one (made once per request)."""
    environ = request.environ
    found: str | None = environ.get("translit.request_id")
    if found is None:
        incoming = environ.get("HTTP_X_REQUEST_ID", "")
        found = incoming if _REQUEST_ID.fullmatch(incoming) else os.urandom(16).hex()
        environ["translit.request_id"] = found
    return found


def _finish(response: Response) -> Response:
    req = request._get_current_object()  # type: ignore[attr-defined]
    environ = req.environ
    headers = response.headers
    rid = request_id()
    headers.add("X-Request-ID", rid)  # no view sets it: add, not replace
    origin = environ.get("HTTP_ORIGIN")
    allowed = current_app.config["CORS_ORIGINS"]
    if allowed:  # the CORS headers depend on Origin, whether this one is allowed or not
        response.vary.add("Origin")
    if environ.get(VARIES_ON_VARIANT):  # see negotiation.for_request
        response.vary.update(("Cookie", "Accept-Language"))
    if "Set-Cookie" in headers:  # a response that sets a cookie is this reader's
        headers["Cache-Control"] = "private, no-cache"
    method = req.method
    if origin and (origin in allowed or "*" in allowed):
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if method == "OPTIONS":
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = "Content-Type, X-Request-ID, If-None-Match"
            headers["Access-Control-Max-Age"] = "600"
    if (
        method in ("GET", "HEAD")
        and response.status_code == 200
        and "Content-Language" in headers
        and not response.direct_passthrough
    ):
        # Strong ETag from the content (which differs per variant); 304 when the client has
        # it already.  POST responses are not cacheable and get none.
        response.add_etag()
        response.make_conditional(req)
    content_type = response.content_type or ""
    if content_type.startswith("text/html"):
        for header, value in SECURITY_HEADERS.items():
            headers.setdefault(header, value)
    elif "X-Content-Type-Options" not in headers:
        headers.add("X-Content-Type-Options", "nosniff")
    if log.isEnabledFor(logging.INFO):
        log.info("%s %s %s id=%s", method, req.path, response.status_code, rid)
    return response


def _options() -> Response | None:
    """OPTIONS on an API path: JSON naming the methods (and ``Allow``), not the empty HTML
    answer Flask gives by default (CORS preflight headers are added in :func:`_finish`)."""
    if request.method != "OPTIONS" or not request.path.startswith(JSON_PREFIXES):
        return None
    adapter = current_app.url_map.bind_to_environ(request.environ)
    methods = sorted(adapter.allowed_methods(request.path))
    if not methods:  # no such path: the 404 handler answers
        return None
    response = jsonify({"allow": methods})
    response.headers["Allow"] = ", ".join(methods)
    response.headers["Cache-Control"] = "public, max-age=600"
    return response


def register(app: Flask) -> None:
    app.before_request(_options)
    app.after_request(_finish)
