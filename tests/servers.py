"""Start the real service under gunicorn on a free 127.0.0.1 port (integration tests)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def gunicorn(access_log: Path | None = None, workers: int = 2,
             env: dict[str, str] | None = None, extra: tuple[str, ...] = ()) -> Iterator[str]:
    """Run ``gunicorn -c gunicorn.conf.py wsgi:app``; yield its base URL once /readyz answers."""
    port = free_port()
    environment = {**os.environ, "TRANSLIT_BIND": f"127.0.0.1:{port}",
                   "TRANSLIT_WORKERS": str(workers), **(env or {})}
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
    if access_log:
        command += ["--access-logfile", str(access_log)]
    proc = subprocess.Popen([*command, *extra, "wsgi:app"], cwd=ROOT, env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    stderr = proc.stderr.read() if proc.stderr else b""
                    raise RuntimeError(f"gunicorn did not start: {stderr[-2000:]!r}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
