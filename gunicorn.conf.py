"""gunicorn settings (override any of them on the command line or with GUNICORN_CMD_ARGS)."""

import multiprocessing
import os

bind = os.environ.get("TRANSLIT_BIND", "127.0.0.1:8000")
# Transliteration is CPU-bound: one sync worker per core plus one, so a slow request does not
# stall the others; sync workers behind a buffering proxy are the robust choice.
workers = int(os.environ.get("TRANSLIT_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
limit_request_line = 8190
# The app (and its word tables, read in wsgi.py) is loaded once in the master and shared with
# the workers' memory pages.
preload_app = True
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(L)ss id=%({x-request-id}o)s'
errorlog = "-"

# Requests gunicorn refuses itself (a request line over limit_request_line: 414, headers over
# the limits: 431, a malformed request: 400) get the API's JSON error body, not an HTML page.
from translit_service.web.protocol_errors import install as _json_protocol_errors  # noqa: E402

_json_protocol_errors()

# The scheme comes from X-Forwarded-Proto only through the app's ProxyFix, for as many proxies
# as the proxy_hops setting trusts (0 by default; deploy/cluster.py sets 1 for its nginx):
# gunicorn's own rule would believe any client on 127.0.0.1.
secure_scheme_headers: dict[str, str] = {}


# ----------------------------------------------------------------------------- one write
# gunicorn writes a response's head and its body in two system calls.  A worker killed
# between them (the OOM killer, a deploy, a crash) leaves the proxy a head and no body: nginx
# has passed the head on and cannot retry the request elsewhere, so the client gets a
# truncated response.  Here the head waits for the first body bytes and both go out in one
# sendall: a worker dies before its response or after it, and a killed worker's request is
# retried on the next instance (tests/test_cluster.py, the soak with worker kills).
from gunicorn import util as _util  # noqa: E402
from gunicorn.http import wsgi as _wsgi  # noqa: E402


class OneWriteResponse(_wsgi.Response):  # type: ignore[misc]
    """gunicorn's Response, the head held back until the first body bytes (for a response
    with no body, sent as before by ``close``)."""

    _hold = False
    _held: bytes | None = None

    def send_headers(self) -> None:
        if self._hold and not self.headers_sent:
            lines = self.default_headers()
            lines.extend(f"{name}: {value}\r\n" for name, value in self.headers)
            self._held = _util.to_bytestring("{}\r\n".format("".join(lines)), "latin-1")
            self.headers_sent = True
            return
        super().send_headers()

    def write(self, arg: bytes) -> None:
        self._hold = bool(arg) and not self.headers_sent and not self.chunked
        try:
            super().write(arg)
        finally:
            self._hold = False
            held, self._held = self._held, None
            if held is not None:  # write() sent no body after all (HEAD, 304, an error)
                _util.write(self.sock, held)

    def _emit_body(self, data: bytes) -> None:
        held, self._held = self._held, None
        if held is None:
            super()._emit_body(data)
        else:
            self.sock.sendall(held + data)


_wsgi.Response = OneWriteResponse  # wsgi.create() builds every sync worker's responses
