"""Run N translit-service instances behind Debian's nginx (load balancer and shared cache).

    python deploy/cluster.py [--instances 2] [--port 8080] [--dir .cluster]
    python deploy/cluster.py --stop [--dir .cluster]

Starts N gunicorn instances on free loopback ports, waits until each answers /readyz, renders
deploy/nginx.conf.template into DIR and starts nginx (as the current user, everything in DIR,
no root needed) on 127.0.0.1:PORT (default $TRANSLIT_CLUSTER_PORT or 8080).  Ctrl+C or SIGTERM
stops all of it; ``--stop`` stops a cluster started in the background.

Then it checks every instance's /readyz once a second (the active health check that nginx's
open-source edition lacks): an instance that stops answering 200 is marked ``down`` in the
upstream and nginx reloads; back at 200, it is put back.  Each instance's drain file is
DIR/drain/PORT: ``touch`` it to take that instance out for maintenance, ``rm`` it to bring it
back.  DIR/upstreams says which instances nginx sends traffic to.
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import pwd
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"cluster: the process behind {url} exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise SystemExit(f"cluster: {url} did not answer in {seconds:.0f} s")
        time.sleep(0.1)


#: Failure accounting for each instance: this many failed attempts (a refused connection, a
#: reset, a timeout, a 502/503) within FAIL_TIMEOUT take it out of rotation for FAIL_TIMEOUT.
#: One worker killed mid-request is one failure (sync workers serve one request each), and
#: the instance's other workers go on serving: it must not take the instance out.
MAX_FAILS = 5
FAIL_TIMEOUT = "2s"


def server_lines(ports: list[int], down: frozenset[int] = frozenset()) -> list[str]:
    """The upstream's ``server`` lines: every instance with failure accounting, then every
    instance again as a ``backup`` without it.  nginx tries the backups only when no primary
    is left to try, so a request is never refused with "no live upstreams" because a burst of
    failures marked every instance failed at once (with ``max_fails=1`` a killed worker on
    each instance made every request 502 for seconds), and a retried request may go back to
    the instance it came from, whose other workers are alive.  A drained or dead instance is
    ``down`` in both (the health check decides that)."""
    lines = []
    for role in ("", " backup"):
        accounting = f" max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT}" if not role else \
            " max_fails=0"
        lines += [f"        server 127.0.0.1:{port}{role}{accounting}"
                  f"{' down' if port in down else ''};" for port in ports]
    return lines


#: nginx's own errors: status -> (code, message), in the service's JSON shape under the API.
NGINX_ERRORS = {
    400: ("bad_request", "the request cannot be read"),
    413: ("request_entity_too_large", "request body is over the proxy's limit"),
    414: ("uri_too_long", "the request line is too long; POST the text instead"),
    500: ("internal_error", "internal server error"),
    502: ("bad_gateway", "no instance of the service answered; try again"),
    503: ("service_unavailable", "the service is unavailable; try again"),
    504: ("gateway_timeout", "the service did not answer in time"),
}
_ERROR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{status}</title></head>
<body><h1>{status}</h1><p>{message}.</p></body></html>
"""


def write_error_pages(directory: Path) -> None:
    """DIR/errors/json/STATUS and DIR/errors/html/STATUS, which nginx answers its own errors
    with (no nginx version, the service's JSON shape under /api/)."""
    import json

    for kind in ("json", "html"):
        (directory / "errors" / kind).mkdir(parents=True, exist_ok=True)
    for status, (code, message) in NGINX_ERRORS.items():
        (directory / "errors" / "json" / str(status)).write_text(
            json.dumps({"error": {"code": code, "message": message}}) + "\n", "utf-8")
        (directory / "errors" / "html" / str(status)).write_text(
            _ERROR_PAGE.format(status=status, message=message[0].upper() + message[1:]), "utf-8")


def render(directory: Path, listen: str, ports: list[int], down: frozenset[int] = frozenset(),
           ) -> Path:
    """Write DIR/nginx.conf for these instances (those in ``down`` marked so: nginx sends
    them nothing) and return its path."""
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    write_error_pages(directory)
    user_line = ""
    if os.geteuid() == 0:  # else nginx hands its workers to nobody, who cannot write DIR
        user_line = (f"user {pwd.getpwuid(os.geteuid()).pw_name} "
                     f"{grp.getgrgid(os.getegid()).gr_name};")
    servers = "\n".join(server_lines(ports, down))
    text = string.Template(TEMPLATE.read_text("utf-8")).safe_substitute(
        user_line=user_line, prefix=str(directory), cache=str(directory / "cache"),
        listen=listen, servers=servers)
    conf = directory / "nginx.conf"
    partial = conf.with_suffix(".tmp")
    partial.write_text(text, "utf-8")
    partial.replace(conf)  # nginx never reads half a file
    (directory / "upstreams").write_text(
        "".join(f"127.0.0.1:{port} {'down' if port in down else 'up'}\n" for port in ports))
    return conf


def is_ready(port: int) -> bool:
    """True when the instance on ``port`` answers /readyz with 200 within a second."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:  # refused, timed out, or an HTTP error status (503 draining)
        return False


class HealthCheck:
    """The readiness loop: /readyz decides which instances nginx sends traffic to."""

    def __init__(self, directory: Path, listen: str, ports: list[int],
                 nginx: subprocess.Popen[bytes]) -> None:
        self.directory, self.listen, self.ports, self.nginx = directory, listen, ports, nginx
        self.down: frozenset[int] = frozenset()

    def check(self) -> None:
        """Look at every instance once; on a change, render and reload nginx."""
        down = frozenset(port for port in self.ports if not is_ready(port))
        if down == set(self.ports):
            down = self.down  # none ready: keep routing as before (nginx retries the rest)
        if down == self.down:
            return
        for port in sorted(down - self.down):
            print(f"cluster: 127.0.0.1:{port} is not ready: taken out", file=sys.stderr,
                  flush=True)
        for port in sorted(self.down - down):
            print(f"cluster: 127.0.0.1:{port} is ready: back in", file=sys.stderr, flush=True)
        self.down = down
        render(self.directory, self.listen, self.ports, down)
        self.nginx.send_signal(signal.SIGHUP)  # reload: new workers take the new upstream


def start(instances: int, port: int, directory: Path) -> list[subprocess.Popen[bytes]]:
    """Start the instances and nginx; return the processes (nginx last).

    They share one process group of their own (the first instance leads it; gunicorn's and
    nginx's workers join their masters'), written to DIR/cluster.pgid before anything else:
    if this process is killed (SIGKILL, a crash), ``--stop`` or the next start find and stop
    what it left running, instead of an orphaned nginx holding the port."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("cluster: nginx is not installed (apt-get install -y nginx)")
    directory.mkdir(parents=True, exist_ok=True)
    if not take_lock(directory):
        raise SystemExit(f"cluster: a cluster is already running in {directory} (pid "
                         f"{running_manager(directory)}); stop it first (make cluster-stop)")
    if leftovers(directory):
        print(f"cluster: stopping what an earlier cluster in {directory} left running",
              file=sys.stderr, flush=True)
        stop_leftovers(directory)
    procs: list[subprocess.Popen[bytes]] = []
    ports = [free_port() for _ in range(instances)]
    (directory / "drain").mkdir(exist_ok=True)
    group = 0  # the first child starts the group, the others join it
    try:
        for instance_port in ports:
            env = {**os.environ, "TRANSLIT_BIND": f"127.0.0.1:{instance_port}",
                   "TRANSLIT_DRAIN_FILE": str(directory / "drain" / str(instance_port)),
                   "TRANSLIT_PROXY_HOPS": "1"}  # nginx: its X-Forwarded-* are the client's
            proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                     "wsgi:app"], cwd=ROOT, env=env, process_group=group)
            procs.append(proc)
            if not group:
                group = proc.pid
                (directory / "cluster.pgid").write_text(f"{group}\n")
        for instance_port, proc in zip(ports, procs, strict=True):
            wait_ready(f"http://127.0.0.1:{instance_port}/readyz", proc)
        conf = render(directory, f"127.0.0.1:{port}", ports)
        procs.append(subprocess.Popen([nginx, "-p", str(directory), "-c", str(conf),
                                       "-e", str(directory / "error.log")],
                                      process_group=group))
        wait_ready(f"http://127.0.0.1:{port}/readyz", procs[-1])
    except BaseException:
        stop(procs)
        stop_leftovers(directory)
        raise
    # Which process serves which port: for operators and for the tests that kill one.
    (directory / "instances").write_text(
        "".join(f"{port} {proc.pid}\n" for port, proc in zip(ports, procs, strict=False)))
    (directory / "cluster.pid").write_text(f"{os.getpid()}\n")
    return procs


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in reversed(procs):
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
            "utf-8", "replace")
    except OSError:
        return ""


LOCK_FILE = "cluster.lock"  # held (flock) by the running cluster.py; its pid inside
_held_lock: list[object] = []  # the open lock file, kept for the life of the process


def take_lock(directory: Path) -> bool:
    """Become the cluster of ``directory``: an exclusive flock on DIR/cluster.lock, held until
    this process ends however it ends (the kernel lets go of a killed process's locks), with
    this pid written in it.  False when another live cluster.py holds it."""
    import fcntl

    handle = (directory / LOCK_FILE).open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return False
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    _held_lock.append(handle)
    return True


def running_manager(directory: Path) -> int | None:
    """The pid of the live cluster.py that holds ``directory``'s lock, else None (a pid file
    left by a killed one says nothing: its lock went with it)."""
    import fcntl

    path = directory / LOCK_FILE
    if _held_lock or not path.exists():
        return None
    with path.open("r") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:  # held: alive; its pid is written right after it took the lock
            deadline = time.monotonic() + 2
            while (pid := _read_pid(path)) is None and time.monotonic() < deadline:
                time.sleep(0.05)
            return pid or 0  # 0: alive, pid unknown (never a pid to signal)
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def leftovers(directory: Path) -> list[int]:
    """The processes of the cluster's group still alive (gunicorn and nginx, masters and
    workers), found in /proc by their group; only ours (their command line names gunicorn
    or nginx), so that a group id reused since is left alone."""
    group = _read_pid(directory / "cluster.pgid")
    if group is None:
        return []
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z" and (
                "gunicorn" in (command := _command(int(entry.name))) or "nginx" in command):
            found.append(int(entry.name))
    return found


def stop_leftovers(directory: Path, seconds: float = 20) -> int:
    """SIGTERM what the cluster in ``directory`` left running, SIGKILL what is still there
    after ``seconds``; remove its pid files.  Returns how many processes there were."""
    found = leftovers(directory)
    alive = found
    for signum in (signal.SIGTERM, signal.SIGKILL):
        for pid in alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)
        deadline = time.monotonic() + seconds
        while (alive := leftovers(directory)) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not alive:
            break
    for name in ("cluster.pid", "cluster.pgid"):
        (directory / name).unlink(missing_ok=True)
    return len(found)


def stop_cluster(directory: Path) -> int:
    """``--stop``: ask the running cluster.py to stop (it stops its processes), else stop what
    a killed one left; 1 when there was nothing to stop."""
    manager = running_manager(directory)
    if manager is not None:
        if manager <= 0:
            print(f"cluster: {directory / LOCK_FILE} is held but names no pid", file=sys.stderr)
            return 1
        os.kill(manager, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while running_manager(directory) is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        if running_manager(directory) is None:
            stop_leftovers(directory)  # normally nothing: it stopped them itself
            return 0
        print(f"cluster: pid {manager} did not stop in 60 s", file=sys.stderr)
        return 1
    if leftovers(directory):
        count = stop_leftovers(directory)
        print(f"cluster: the cluster's manager was gone; stopped the {count} processes it "
              "left", file=sys.stderr)
        return 0
    stale = (directory / "cluster.pid").exists() or (directory / "cluster.pgid").exists()
    if stale:
        stop_leftovers(directory)
    if stale:
        print("cluster: no cluster running (removed a stale pid file)", file=sys.stderr)
        return 0
    print(f"cluster: no cluster running in {directory}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=2, help="gunicorn instances (2)")
    parser.add_argument("--port", type=int,
                        default=int(os.environ.get("TRANSLIT_CLUSTER_PORT", "8080")),
                        help="nginx listens on 127.0.0.1:PORT ($TRANSLIT_CLUSTER_PORT or 8080)")
    parser.add_argument("--dir", type=Path, default=ROOT / ".cluster",
                        help="nginx's prefix: config, pid, logs, temp files, cache (.cluster)")
    parser.add_argument("--stop", action="store_true", help="stop a cluster started before")
    args = parser.parse_args(argv)
    directory = args.dir.resolve()
    if args.stop:
        return stop_cluster(directory)
    if args.instances < 1:
        parser.error("--instances must be at least 1")
    procs = start(args.instances, args.port, directory)
    ports = [int(line.split()[0]) for line in
             (directory / "instances").read_text().splitlines()]
    health = HealthCheck(directory, f"127.0.0.1:{args.port}", ports, procs[-1])

    def on_signal(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    print(f"cluster: {args.instances} instances behind nginx on http://127.0.0.1:{args.port}/"
          " (Ctrl+C stops)", flush=True)
    try:
        while procs[-1].poll() is None:  # nginx
            health.check()
            time.sleep(1)
        print("cluster: nginx exited; stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(procs)
        stop_leftovers(directory)  # their workers, should a master have left any


if __name__ == "__main__":
    sys.exit(main())
