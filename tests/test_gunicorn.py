"""Integration: a real gunicorn process on a free 127.0.0.1 port."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import gunicorn

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def log_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gunicorn") / "access.log"


@pytest.fixture(scope="module")
def server(log_path: Path) -> Iterator[str]:
    with gunicorn(access_log=log_path) as base:
        yield base


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


def test_a_stray_percent_edited_under_a_running_server_keeps_pages_up(tmp_path: Path) -> None:
    import os
    import shutil

    from tests.servers import ROOT

    locales = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", locales, ignore=shutil.ignore_patterns("*.mo", ".*.lock"))
    po = locales / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    with gunicorn(workers=2, env={"TRANSLIT_LOCALES_DIR": str(locales)}) as base:
        for _ in range(4):  # every worker loads the good catalog (and keeps it on disk)
            with urllib.request.urlopen(f"{base}/?lang=sr-Latn", timeout=5) as r:
                assert r.status == 200
        po.write_text(po.read_text("utf-8").replace('msgstr "Pretraga"',
                                                    'msgstr "MLO Beograd 100%"'), "utf-8")
        stat = po.stat()  # settled: last modified longer ago than the store waits for
        os.utime(po, ns=(stat.st_atime_ns, time.time_ns() - 10_000_000_000))
        states = set()
        for path in ("/?lang=sr-Latn", "/?lang=sr-Cyrl", "/tool?lang=sr-Latn") * 4:
            with urllib.request.urlopen(f"{base}{path}", timeout=5) as r:
                assert r.status == 200
                assert "100%" not in r.read().decode()
            with urllib.request.urlopen(f"{base}/readyz", timeout=5) as r:
                states.add(json.load(r)["status"])
        assert states == {"degraded"}


def test_a_chunked_body_over_the_limit_is_413(server: str) -> None:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(server)
    body = b'{"text": "' + b"a" * (1024 * 1024) + b'tail"}'

    def chunks():  # type: ignore[no-untyped-def]
        for i in range(0, len(body), 65536):
            yield body[i:i + 65536]

    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("POST", "/api/v1/transliterate", body=chunks(),
                       headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = connection.getresponse()
    assert response.status == 413, response.read()[:200]
    small = b'{"text": "Vesti", "to": "cyrl"}'
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("POST", "/api/v1/transliterate", body=iter([small[:10], small[10:]]),
                       headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = connection.getresponse()
    assert response.status == 200 and json.load(response)["text"] == "Вести"


class _Recorder:
    """A socket that records each sendall."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []

    def sendall(self, data: bytes) -> None:
        self.writes.append(bytes(data))


def _response_class():  # type: ignore[no-untyped-def]
    import importlib.util

    from gunicorn.http import wsgi

    spec = importlib.util.spec_from_file_location(
        "gunicorn_conf", Path(__file__).resolve().parent.parent / "gunicorn.conf.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    original = wsgi.Response
    spec.loader.exec_module(module)
    assert wsgi.Response is module.OneWriteResponse  # what gunicorn then builds
    wsgi.Response = original  # this test process goes on with gunicorn as it was
    return module.OneWriteResponse


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_response_head_and_body_go_out_in_one_write(method: str) -> None:
    """A worker killed between a head and its body leaves nginx a response it can neither
    finish nor retry (the soak through nginx saw it): one sendall for both."""
    from types import SimpleNamespace

    from gunicorn.config import Config

    request = SimpleNamespace(version=(1, 1), method=method, should_close=lambda: True)
    sock = _Recorder()
    response = _response_class()(request, sock, Config())
    response.start_response("200 OK", [("Content-Type", "application/json"),
                                       ("Content-Length", "11")])
    response.write(b'{"a": "ok"}')
    response.close()
    assert len(sock.writes) == 1
    head, _, body = sock.writes[0].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and b"Content-Length: 11" in head
    assert body == (b'{"a": "ok"}' if method == "GET" else b"")


def test_a_response_without_a_body_still_sends_its_head() -> None:
    from types import SimpleNamespace

    from gunicorn.config import Config

    request = SimpleNamespace(version=(1, 1), method="GET", should_close=lambda: True)
    sock = _Recorder()
    response = _response_class()(request, sock, Config())
    response.start_response("304 Not Modified", [("ETag", '"x"')])
    response.write(b"")
    response.close()
    assert len(sock.writes) == 1 and sock.writes[0].startswith(b"HTTP/1.1 304 Not Modified")
