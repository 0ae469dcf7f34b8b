"""Integration: a real gunicorn process on a free 127.0.0.1 port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def log_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gunicorn") / "access.log"


@pytest.fixture(scope="module")
def server(log_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "TRANSLIT_BIND": f"127.0.0.1:{port}", "TRANSLIT_WORKERS": "2"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile",
         str(log_path), "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
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
                    raise RuntimeError(f"gunicorn did not start: {proc.stderr.read()!r}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _post(url: str, payload: object) -> tuple[int, dict]:
    data = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def test_transliterate_over_http(server: str) -> None:
    status, body = _post(f"{server}/api/v1/transliterate", {"text": "Nadživeti LJUBAV", "to": "cyrl"})
    assert status == 200 and body["text"] == "Надживети ЉУБАВ"


def test_errors_over_http(server: str) -> None:
    status, body = _post(f"{server}/api/v1/transliterate", {"text": "x", "to": "greek"})
    assert status == 400 and body["error"]["code"] == "unknown_script"


def test_many_requests(server: str) -> None:
    for i in range(50):
        status, body = _post(f"{server}/api/v1/transliterate", {"text": f"vest {i}", "to": "cyrl"})
        assert status == 200 and body["text"] == f"вест {i}"


def test_request_id_is_echoed_and_logged(server: str, log_path: Path) -> None:
    req = urllib.request.Request(f"{server}/healthz", headers={"X-Request-ID": "it-42"})
    with urllib.request.urlopen(req, timeout=5) as r:
        assert r.headers["X-Request-ID"] == "it-42"
    deadline = time.monotonic() + 5
    while "id=it-42" not in log_path.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "id=it-42" in log_path.read_text()
