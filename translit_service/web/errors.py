"""One place that turns errors into JSON responses: ``{"error": {"code", "message"}}``.

Every :class:`~translit_service.errors.TranslitError` carries its status (``http_status``)
and whether its message may be shown (``expose``); one handler reads them.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from ..errors import TranslitError

log = logging.getLogger(__name__)

#: Every ``error.code`` the service answers with, and what it means: the OpenAPI document's
#: enum (tests/test_openapi.py checks that every code the code base can send is here).
ERROR_CODES: dict[str, str] = {
    "bad_request": "The request cannot be read (a JSON body that is not an object, a protocol "
                   "error gunicorn refuses before the application sees it).",
    "malformed_json": "The body is not JSON (the message says where), or is nested too deeply.",
    "invalid_utf8": "The body or the query string is not valid UTF-8 (the message gives the "
                    "byte).",
    "unsupported_charset": "The Content-Type names a charset other than UTF-8.",
    "unsupported_media_type": "A Content-Type the operation does not take.",
    "unknown_field": "A JSON field or query parameter the operation does not take; the "
                     "message lists the valid ones.",
    "missing_field": "A required field or query parameter is missing.",
    "invalid_field": "A field of the wrong type or shape: a number or null for a string, "
                     "anything but true or false for a boolean, text and texts together, a "
                     "path that is not a site path, a page out of range.",
    "invalid_option": "A value outside an option's enum (dj_as, foreign); the message lists "
                      "the valid ones.",
    "unknown_script": "A 'to' value that names no script; the message lists the valid ones.",
    "unknown_format": "A 'format' value the operation does not know.",
    "unknown_language": "A 'lang' option (the language of the text) the engine has no tables "
                        "for.",
    "unknown_lang": "A 'lang' parameter (the site's variant) that is not en, sr-Latn or "
                    "sr-Cyrl or a tag of those.",
    "batch_too_large": "More texts in one batch than the service's limit.",
    "request_entity_too_large": "A body over the service's size limit.",
    "uri_too_long": "A query string (or ?text=) over the limit: POST the text instead.",
    "request_header_fields_too_large": "Request headers over the server's limits.",
    "not_found": "No such resource (article, catalog, path).",
    "not_published": "The article is not published in that variant (below the threshold).",
    "method_not_allowed": "The path does not take this method (Allow lists those it does).",
    "unavailable": "A catalog the service never managed to load.",
    "article_error": "An article's files cannot be read (details are logged, not sent).",
    "catalog_error": "A catalog cannot be read (details are logged, not sent).",
    "glossary_error": "The glossary cannot be read (details are logged, not sent).",
    "settings_error": "The service's settings cannot be read (details are logged).",
    "configuration_error": "The service is misconfigured (details are logged).",
    "invalid_encoding": "A file that is not in its declared encoding (command line).",
    "invalid_document": "A document that cannot be converted whole: markup, front matter or "
                        "a data file that does not parse (command line).",
    "files_failed": "Some files could not be converted (command line).",
    "problems_found": "A check found problems (command line).",
    "translit_error": "Any other error of the library.",
    "http_error": "Another HTTP error (the status says which).",
    "internal_error": "An unexpected error; the request id (X-Request-ID) finds it in the log.",
}

#: The code of an HTTP error raised by Flask/werkzeug (routing, limits), by status.
HTTP_ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                    413: "request_entity_too_large", 414: "uri_too_long",
                    415: "unsupported_media_type", 431: "request_header_fields_too_large",
                    500: "internal_error"}


class BadRequest(TranslitError):
    """A request the API cannot read (malformed JSON, a missing field, invalid UTF-8)."""

    code = "bad_request"

    def __init__(self, message: str, status: int = 400, code: str | None = None) -> None:
        super().__init__(message)
        self.http_status = status
        if code:
            self.code = code


def error_response(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def register(app: Flask) -> None:
    @app.errorhandler(TranslitError)
    def _translit_error(error: TranslitError) -> Response:
        if error.expose:
            return error_response(error.http_status, error.code, str(error))
        # The message names files on the server: log it, never send it.
        log.error("%s: %s", error.code, error)
        return error_response(error.http_status, error.code,
                              "the service's files for this request cannot be read")

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        status = error.code or 500
        code = HTTP_ERROR_CODES.get(status, "http_error")
        response = error_response(status, code, error.description or error.name)
        if status == 405 and error.get_response().headers.get("Allow"):
            response.headers["Allow"] = error.get_response().headers["Allow"]
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        from .http import request_id

        log.exception("unhandled error, request id %s", request_id())
        return error_response(500, "internal_error", "internal server error")
