"""One place that turns errors into JSON responses: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from ..articles.store import ArticleError, ArticleNotFound
from ..errors import TranslitError

log = logging.getLogger(__name__)


class BadRequest(TranslitError):
    """A request the API cannot read (malformed JSON, a missing field, invalid UTF-8)."""

    code = "bad_request"

    def __init__(self, message: str, status: int = 400, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        if code:
            self.code = code


def error_response(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def register(app: Flask) -> None:
    @app.errorhandler(BadRequest)
    def _bad_request(error: BadRequest) -> Response:
        return error_response(error.status, error.code, str(error))

    @app.errorhandler(ArticleNotFound)
    def _not_found(error: ArticleNotFound) -> Response:
        return error_response(404, "not_found", str(error))

    @app.errorhandler(ArticleError)
    def _broken_content(error: ArticleError) -> Response:
        # The message names files on the server: log it, never send it.
        log.error("article content error: %s", error)
        return error_response(500, "content_error", "the article's files cannot be read")

    @app.errorhandler(TranslitError)
    def _translit_error(error: TranslitError) -> Response:
        return error_response(400, error.code, str(error))

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
