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
        code = (error.name or "error").lower().replace(" ", "_")
        response = error_response(status, code, error.description or error.name)
        if status == 405 and error.get_response().headers.get("Allow"):
            response.headers["Allow"] = error.get_response().headers["Allow"]
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        from .http import request_id

        log.exception("unhandled error, request id %s", request_id())
        return error_response(500, "internal_error", "internal server error")
