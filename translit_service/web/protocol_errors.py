"""Requests gunicorn refuses before the application sees them, answered in the API's JSON.

gunicorn answers a request line over ``limit_request_line`` (414), headers over
``limit_request_fields``/``limit_request_field_size`` (431) or a malformed request (400) with an
HTML page of its own.  :func:`install` (called by gunicorn.conf.py) makes those answers
``{"error": {"code", "message"}}`` like every other error of the API, with the codes of
:data:`translit_service.web.errors.ERROR_CODES`.

>>> head, body = render(414, "URI Too Long", "Request Line is too large (9000 > 8190)")
>>> head.splitlines()[0]
'HTTP/1.1 414 URI Too Long'
>>> json.loads(body)["error"]["code"]
'uri_too_long'
"""

from __future__ import annotations

import json
from typing import Any

from .errors import HTTP_ERROR_CODES

_HINTS = {414: "; send the text in a POST body"}


def render(status: int, reason: str, message: str) -> tuple[str, bytes]:
    """The status line and headers, and the JSON body, of a protocol error."""
    code = HTTP_ERROR_CODES.get(status, "http_error")
    text = (message or reason)[:300] + _HINTS.get(status, "")
    body = json.dumps({"error": {"code": code, "message": text}}).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
            "Content-Type: application/json\r\nX-Content-Type-Options: nosniff\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head, body


def install() -> None:
    """Replace gunicorn's HTML error writer with the JSON one (in this process and the
    workers it forks)."""
    from gunicorn import util

    def write_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
        head, body = render(status_int, reason, mesg)
        util.write_nonblock(sock, head.encode("latin-1") + body)

    util.write_error = write_error
