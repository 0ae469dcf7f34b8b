"""The production setup, run for real: gunicorn instances behind Debian's nginx (deploy/)."""

from __future__ import annotations

import gzip
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
if NGINX is None:
    pytest.skip("nginx is not installed (apt-get install -y nginx); the cluster tests did not "
                "run", allow_module_level=True)

pytestmark = pytest.mark.integration


def _cluster_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("cluster", ROOT / "deploy" / "cluster.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLUSTER_DIRS: dict[str, Path] = {}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python deploy/cluster.py`` as an operator runs it; yields nginx's base URL."""
    port = free_port()
    directory = tmp_path_factory.mktemp("cluster")
    content = tmp_path_factory.mktemp("content") / "articles"  # a copy the tests may edit
    shutil.copytree(ROOT / "content" / "articles", content)
    env = {**os.environ, "TRANSLIT_CONTENT_DIR": str(content), "TRANSLIT_CONTENT_MAX_AGE": "1"}
    proc = subprocess.Popen([sys.executable, str(ROOT / "deploy" / "cluster.py"), "--port",
                             str(port), "--dir", str(directory)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not (directory / "cluster.pid").exists():
            assert proc.poll() is None, "deploy/cluster.py exited"
            assert time.monotonic() < deadline, "the cluster did not start"
            time.sleep(0.2)
        CLUSTER_DIRS[base] = directory
        CLUSTER_DIRS[base + "#content"] = content
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert not (directory / "cluster.pid").exists()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        data = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return response.status, dict(response.headers), data.decode("utf-8")


def test_the_template_renders_for_the_current_user(tmp_path: Path) -> None:
    conf = _cluster_module().render(tmp_path, "127.0.0.1:1", [2, 3]).read_text("utf-8")
    assert "server 127.0.0.1:2 " in conf and "server 127.0.0.1:3 " in conf
    assert "${" not in conf
    assert (os.geteuid() == 0) == ("\nuser " in conf)
    subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                    "-e", str(tmp_path / "error.log")], check=True, capture_output=True)


def test_the_second_get_is_answered_from_the_cache(cluster: str) -> None:
    url = f"{cluster}/api/v1/transliterate?text=Ljubav%20i%20nad%C5%BEiveti&to=cyrl"
    _, first, body = get(url)
    _, second, again = get(url)
    assert first["X-Cache-Status"] == "MISS"
    assert second["X-Cache-Status"] == "HIT"
    assert body == again and "Љубав и надживети" in body


@pytest.mark.parametrize("path", [
    # The API refuses parameters it does not take (issue 27): its own make the cache keys.
    "/api/v1/catalogs/sr_Cyrl?format=json",
    "/api/v1/articles/2021-06-04-civil-military-conference?lang=sr-Cyrl",
    "/news/2021-06-04-civil-military-conference?n=1",
    "/?n=1",
])
def test_catalogs_articles_and_pages_are_cached_and_revalidated(cluster: str, path: str) -> None:
    """Every kind of cacheable GET is a HIT the second time, and once its max-age is over
    (content_max_age is 1 s here) nginx asks again with the service's ETag: REVALIDATED."""
    reader = {"Accept-Language": "sr-Cyrl"}
    statuses = [get(cluster + path, reader)[1]["X-Cache-Status"] for _ in range(2)]
    assert statuses == ["MISS", "HIT"], path
    time.sleep(2.5)  # nginx counts validity in whole seconds: 1 s may last until the next
    assert get(cluster + path, reader)[1]["X-Cache-Status"] == "REVALIDATED", path


@pytest.mark.parametrize("order", [("latn", "cyrl", "en", "none"), ("none", "en", "cyrl", "latn")])
def test_variants_never_leak_through_the_cache(cluster: str, order: tuple[str, ...]) -> None:
    page = f"/?order={'-'.join(order)}"  # a fresh cache key for each order
    clients = {"latn": {"Accept-Language": "sr-Latn"}, "cyrl": {"Cookie": "lang=sr-Cyrl"},
               "en": {"Accept-Language": "en"}, "none": {}}
    want = {"latn": 'lang="sr-Latn"', "cyrl": 'lang="sr-Cyrl"', "en": 'lang="en"',
            "none": None}
    seen = {}
    for _ in range(2):
        for name in order:
            _, _, body = get(cluster + page, clients[name])
            seen.setdefault(name, body)
            assert body == seen[name], f"{name} got another client's page"
            if want[name]:
                assert want[name] in body.split("<body")[0]


def test_compressed_where_it_pays(cluster: str) -> None:
    _, headers, _ = get(f"{cluster}/", {"Accept-Encoding": "gzip", "Accept-Language": "en"})
    assert headers.get("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in headers.get("Vary", "")


def test_every_instance_gives_the_same_etag(cluster: str) -> None:
    """A cache revalidates against whichever instance it reaches: the ETags must agree.
    (Asked as nginx asks, with the site's Host: pages name their canonical URL by it.)"""
    ports = (CLUSTER_DIRS[cluster] / "instances").read_text().split()[::2]
    assert len(ports) == 2
    for path in ("/api/v1/transliterate?text=Ljubav&to=cyrl", "/",
                 "/news/2021-06-04-civil-military-conference"):
        tags = {get(f"http://127.0.0.1:{port}{path}", {"Accept-Language": "sr-Cyrl",
                                                              "Host": "example.org"})[1]
                .get("ETag") for port in ports}
        assert len(tags) == 1 and None not in tags, (path, tags)


def test_an_edit_reaches_every_instance_and_the_cache(cluster: str) -> None:
    """A translator's edit is served everywhere once the content max-age (1 s here) is over."""
    article = "2021-06-04-civil-military-conference"
    po = CLUSTER_DIRS[cluster + "#content"] / article / "sr_Latn.po"
    path = f"/api/v1/articles/{article}?lang=sr-Latn"
    get(cluster + path)
    assert get(cluster + path)[1]["X-Cache-Status"] == "HIT"
    text = po.read_text("utf-8")
    start = text.index('msgstr "', text.index("msgid", text.index("msgstr") + 1)) + 8
    po.write_text(text[:start] + "Izmenjeno: " + text[start:], "utf-8")
    time.sleep(2)
    ports = (CLUSTER_DIRS[cluster] / "instances").read_text().split()[::2]
    for url in [cluster + path, *(f"http://127.0.0.1:{port}{path}" for port in ports)]:
        assert "Izmenjeno: " in get(url)[2], url


def test_slow_clients_do_not_starve_the_workers(cluster: str) -> None:
    """50 connections that trickle a request body a byte a second hold nginx connections, not
    sync gunicorn workers (3 per instance here): a normal client keeps being served."""
    host, port = cluster.removeprefix("http://").split(":")
    slow = []
    try:
        for _ in range(50):
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(b"POST /api/v1/transliterate HTTP/1.1\r\nHost: x\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
            slow.append(sock)
        for second in range(3):
            for sock in slow:
                sock.sendall(b" ")
            for n in range(5):
                status, _, body = get(f"{cluster}/api/v1/transliterate?text=spor{second}{n}"
                                      "&to=cyrl")
                assert status == 200 and f"спор{second}{n}" in body
            time.sleep(1)
    finally:
        for sock in slow:
            sock.close()


def _wait_for(path: Path, text: str, present: bool = True, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while (text in path.read_text()) != present:
        assert time.monotonic() < deadline, f"{path} never {'had' if present else 'lost'} {text!r}"
        time.sleep(0.2)


def test_readyz_takes_an_instance_out_and_back(cluster: str) -> None:
    """The drain file makes one instance's /readyz say 503; the cluster's health check marks
    it down in nginx; frozen (SIGSTOP) it then gets no request, or they would hang."""
    directory = CLUSTER_DIRS[cluster]
    port, pid = (directory / "instances").read_text().split()[:2]
    drain = directory / "drain" / port
    drain.touch()
    try:
        _wait_for(directory / "upstreams", f"127.0.0.1:{port} down")
        assert f"127.0.0.1:{port} max_fails=1 fail_timeout=5s down;" in (
            directory / "nginx.conf").read_text()
        time.sleep(1)  # nginx's old workers finish with the old upstream
        frozen = [int(pid), *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
        for victim in frozen:
            os.kill(victim, signal.SIGSTOP)
        try:
            for n in range(20):  # uncached: each goes to an instance, within a second
                began = time.monotonic()
                status, _, body = get(f"{cluster}/api/v1/transliterate?text=odmor{n}&to=cyrl")
                assert status == 200 and f"одмор{n}" in body
                assert time.monotonic() - began < 1
        finally:
            for victim in frozen:
                os.kill(victim, signal.SIGCONT)
    finally:
        drain.unlink(missing_ok=True)
    _wait_for(directory / "upstreams", f"127.0.0.1:{port} down", present=False)


def test_killing_an_instance_fails_no_request(cluster: str) -> None:
    """Last in this file: it takes an instance away (SIGKILL, as the OOM killer would)."""
    pid = int((CLUSTER_DIRS[cluster] / "instances").read_text().split()[1])
    workers = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for victim in [pid, *map(int, workers)]:  # the master and its workers: nothing answers
        os.kill(victim, signal.SIGKILL)
    for n in range(20):  # uncached requests, so each goes to an instance
        status, _, body = get(f"{cluster}/api/v1/transliterate?text=kuca{n}&to=cyrl")
        assert status == 200 and f"куца{n}" in body
