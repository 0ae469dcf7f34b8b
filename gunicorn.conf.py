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
