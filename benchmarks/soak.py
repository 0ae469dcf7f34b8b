"""Soak: a bounded run of mixed requests against the real service on 127.0.0.1.

    make soak            (python -m benchmarks.soak [--seconds 60] [--clients 6])

API transliteration (JSON, batch, plain text, GET), detection, catalogs, switcher, article JSON
and fragments in all variants, site pages and a share of bad requests, from N client threads
for a bounded time.  Prints requests by status class (the run fails on any 5xx or connection
error) and the resident memory of the gunicorn master and workers before and after.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import signal
import threading
import time
from collections import Counter
from pathlib import Path

from benchmarks.http_load import free_port, start

ARTICLES = ["2021-06-04-civil-military-conference", "2022-03-15-interview-head-of-office",
            "2023-01-20-media-queries"]
LANGS = ["en", "sr-Latn", "sr-Cyrl"]


def requests(rng: random.Random) -> tuple[str, str, bytes | None, dict[str, str]]:
    json_headers = {"Content-Type": "application/json"}
    kind = rng.randrange(12)
    article, lang = rng.choice(ARTICLES), rng.choice(LANGS)
    if kind == 0:
        body = {"text": "Nadživeli smo LJUBAV, %(n)d vesti " * rng.randint(1, 50), "to": "cyrl"}
        return "POST", "/api/v1/transliterate", json.dumps(body).encode(), json_headers
    if kind == 1:
        body = {"texts": ["Љубав", "КЉУЧ", "<b>Вести</b>"] * 10, "to": "latn", "format": "html"}
        return "POST", "/api/v1/transliterate", json.dumps(body).encode(), json_headers
    if kind == 2:
        return "GET", f"/api/v1/transliterate?text=Beograd+{rng.randint(0, 99)}&to=cyrl", None, {}
    if kind == 3:
        plain = {"Content-Type": "text/plain"}
        return "POST", "/api/v1/detect", "Београд и Beograd".encode(), plain
    if kind == 4:
        return "GET", f"/api/v1/catalogs/{lang}", None, {}
    if kind == 5:
        return "GET", f"/api/v1/switcher?path=/news/{article}&lang={lang}", None, {}
    if kind == 6:
        return "GET", f"/api/v1/articles/{article}?lang={lang}", None, {}
    if kind == 7:
        return "GET", f"/articles/{article}.html?lang={lang}", None, {}
    if kind == 8:
        return "GET", f"/news/{article}?lang={lang}", None, {}
    if kind == 9:
        return "GET", f"/search?q=poplave&lang={lang}", None, {}
    if kind == 10:
        return "GET", "/api/v1/articles?lang=sr-Cyrl", None, {}
    bad = rng.choice([("POST", "/api/v1/transliterate", b"{bad", json_headers),
                      ("POST", "/api/v1/transliterate", b'{"text": "\xff"}', json_headers),
                      ("GET", "/api/v1/articles/..%2F..%2Fetc", None, {}),
                      ("GET", "/api/v1/catalogs/xx", None, {})])
    return bad


def rss_kib(master: int) -> int:
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(entry.name) != master and int(stat[1]) != master:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def client(port: int, stop: float, seed: int, counts: Counter[str], lock: threading.Lock) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    while time.monotonic() < stop:
        method, path, body, headers = requests(rng)
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            response.read()
            key = f"{response.status // 100}xx"
        except (OSError, http.client.HTTPException) as exc:
            key = f"error {type(exc).__name__}"
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        with lock:
            counts[key] += 1
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=6)
    args = parser.parse_args()
    port = free_port()
    proc = start("wsgi:app", port, 3)
    try:
        time.sleep(1)
        before = rss_kib(proc.pid)
        counts: Counter[str] = Counter()
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(port, stop, i, counts, lock))
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        after = rss_kib(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    total = sum(counts.values())
    by_class = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"\nsoak: {args.seconds:.0f} s, {args.clients} clients, {total} requests "
          f"({total / args.seconds:.0f}/s): {by_class}")
    print(f"  gunicorn RSS (master + workers): {before / 1024:.1f} MiB before, "
          f"{after / 1024:.1f} MiB after ({(after - before) / 1024:+.1f} MiB)")
    failed = sum(v for k, v in counts.items() if k.startswith(("5", "error")))
    print("  result: " + ("OK, no 5xx and no connection errors" if not failed else
                         f"FAILED: {failed} server errors"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
