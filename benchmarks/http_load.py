"""HTTP load: the service against a minimal Flask app, same gunicorn settings, same run.

    make bench-http          (python -m benchmarks.http_load [--seconds 10] [--clients 8])

Starts each app with gunicorn.conf.py on a free 127.0.0.1 port, drives it with N client
threads on keep-alive connections for a bounded time, and prints requests/s, p50/p99 latency
and errors for a small POST /api/v1/transliterate; then the same through Debian's ``wrk``,
whose C client leaves more of the CPU to the servers.  Both print the ratio to the minimal
app.  Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Nadživeli smo LJUBAV, %(count)d vesti broj {}."


_COUNTER = itertools.count()


def body(number: int) -> bytes:
    """A small request whose text differs every time (no cache can answer for the server)."""
    return json.dumps({"text": TEXT.format(number), "to": "cyrl"}).encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(app: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TRANSLIT_BIND": f"127.0.0.1:{port}", "TRANSLIT_WORKERS": str(workers),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile",
         "/dev/null", app], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{app} did not start")


def client(port: int, stop: float, latencies: list[float], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json"}
    while time.monotonic() < stop:
        began = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/transliterate", body(next(_COUNTER)), headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(str(response.status))
        except (OSError, http.client.HTTPException) as exc:
            errors.append(type(exc).__name__)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            continue
        latencies.append(time.perf_counter() - began)
    conn.close()


def load(port: int, seconds: float, clients: int) -> tuple[list[float], list[str], float]:
    """Drive one server for ``seconds``; return latencies, errors and the elapsed time."""
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(port, stop, latencies, errors))
               for _ in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.monotonic() - began


#: wrk's request: the same small POST, its text numbered so that no cache can answer.
WRK_SCRIPT = """
counter = 0
request = function()
  counter = counter + 1
  local body = '{"text": "Nadživeli smo LJUBAV, %(count)d vesti broj ' .. counter
    .. '.", "to": "cyrl"}'
  return wrk.format("POST", "/api/v1/transliterate", {["Content-Type"] = "application/json"}, body)
end
"""


def wrk_rps(port: int, seconds: float, clients: int) -> float | None:
    """Requests/s that Debian's ``wrk`` (a C load generator) reaches, or None without wrk."""
    import re
    import shutil
    import tempfile

    if shutil.which("wrk") is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".lua", encoding="utf-8") as script:
        script.write(WRK_SCRIPT)
        script.flush()
        out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{max(1, round(seconds))}s",
                              "-s", script.name, f"http://127.0.0.1:{port}/"],
                             capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk saw failed requests on port {port}:\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return float(found.group(1)) if found else None


def summarise(latencies: list[float], errors: list[str], elapsed: float) -> dict[str, float]:
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan"),
        "errors": len(errors),
        "requests": len(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per app (default 10)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternating bursts per app, so that drift hits both alike")
    args = parser.parse_args()
    apps = {"echo (minimal Flask)": "benchmarks.hello_app:app", "translit-service": "wsgi:app"}
    servers = {}
    try:
        for name, app in apps.items():
            port = free_port()
            servers[name] = (port, start(app, port, args.workers))
        for port, _ in servers.values():  # warm up: imports, caches
            client(port, time.monotonic() + 1, [], [])
        totals: dict[str, tuple[list[float], list[str], float]] = {
            name: ([], [], 0.0) for name in apps}
        for _ in range(args.rounds):
            for name, (port, _) in servers.items():
                latencies, errors, elapsed = load(port, args.seconds / args.rounds, args.clients)
                all_latencies, all_errors, all_elapsed = totals[name]
                totals[name] = (all_latencies + latencies, all_errors + errors,
                                all_elapsed + elapsed)
        wrk_totals = dict.fromkeys(apps, 0.0)
        for _ in range(args.rounds):
            for name, (port, _) in servers.items():
                rps = wrk_rps(port, args.seconds / args.rounds, args.clients)
                wrk_totals[name] += (rps or 0.0) / args.rounds
    finally:
        for _, proc in servers.values():
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    results = {name: summarise(*totals[name]) for name in apps}
    print(f"\nPOST /api/v1/transliterate, {args.clients} clients, {args.seconds:.0f} s per app in "
          f"{args.rounds} alternating bursts, gunicorn sync x{args.workers}, 127.0.0.1")
    base = results["echo (minimal Flask)"]["rps"]
    for name, r in results.items():
        print(f"  {name:<24} {r['rps']:8.0f} req/s  p50 {r['p50']:6.2f} ms  p99 {r['p99']:6.2f} ms"
              f"  errors {r['errors']:.0f}/{r['requests']:.0f}  ({r['rps'] / base:.2f}x echo)")
    wrk_base = wrk_totals["echo (minimal Flask)"]
    if wrk_base:
        print(f"\nthe same through wrk (-t2 -c{args.clients}, same bursts):")
        for name, rps in wrk_totals.items():
            print(f"  {name:<24} {rps:8.0f} req/s  ({rps / wrk_base:.2f}x echo)")
    else:
        print("\nwrk is not installed (apt-get install -y wrk): its figures are not shown")


if __name__ == "__main__":
    main()
