"""Cross-cutting HTTP behaviour: request ids, CORS, ETags on translated responses."""

from __future__ import annotations

import logging
import os
import re

from flask import Flask, Response, current_app, g, request

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

_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id() -> str:
    """The request's id: the client's ``X-Request-ID`` when it is a safe token, else a new
    random one (made once per request)."""
    found: str | None = g.get("request_id")
    if found is None:
        incoming = request.headers.get("X-Request-ID", "")
        found = incoming if _REQUEST_ID.fullmatch(incoming) else os.urandom(16).hex()
        g.request_id = found
    return found


def _finish(response: Response) -> Response:
    rid = request_id()
    response.headers["X-Request-ID"] = rid
    origin = request.headers.get("Origin")
    allowed = current_app.config["CORS_ORIGINS"]
    if allowed:  # the CORS headers depend on Origin, whether this one is allowed or not
        response.vary.add("Origin")
    if g.get("varies_on_variant"):  # see negotiation.for_request
        response.vary.update(("Cookie", "Accept-Language"))
    if "Set-Cookie" in response.headers:  # a response that sets a cookie is this reader's
        response.headers["Cache-Control"] = "private, no-cache"
    if origin and (origin in allowed or "*" in allowed):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "ETag, X-Request-ID, Content-Language"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = (
                "Content-Type, X-Request-ID, If-None-Match"
            )
            response.headers["Access-Control-Max-Age"] = "600"
    if (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and "Content-Language" in response.headers
        and not response.direct_passthrough
    ):
        # Strong ETag from the content (which differs per variant); 304 when the client has
        # it already.  POST responses are not cacheable and get none.
        response.add_etag()
        response.make_conditional(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.content_type.startswith("text/html"):
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
    log.info("%s %s %s id=%s", request.method, request.path, response.status_code, rid)
    return response


def register(app: Flask) -> None:
    app.after_request(_finish)
