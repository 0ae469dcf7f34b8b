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


def render(directory: Path, listen: str, ports: list[int], down: frozenset[int] = frozenset(),
           ) -> Path:
    """Write DIR/nginx.conf for these instances (those in ``down`` marked so: nginx sends
    them nothing) and return its path."""
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    user_line = ""
    if os.geteuid() == 0:  # else nginx hands its workers to nobody, who cannot write DIR
        user_line = (f"user {pwd.getpwuid(os.geteuid()).pw_name} "
                     f"{grp.getgrgid(os.getegid()).gr_name};")
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s"
                        f"{' down' if port in down else ''};" for port in ports)
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
    """Start the instances and nginx; return the processes (nginx last)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("cluster: nginx is not installed (apt-get install -y nginx)")
    directory.mkdir(parents=True, exist_ok=True)
    procs: list[subprocess.Popen[bytes]] = []
    ports = [free_port() for _ in range(instances)]
    (directory / "drain").mkdir(exist_ok=True)
    for instance_port in ports:
        env = {**os.environ, "TRANSLIT_BIND": f"127.0.0.1:{instance_port}",
               "TRANSLIT_DRAIN_FILE": str(directory / "drain" / str(instance_port))}
        proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                 "wsgi:app"], cwd=ROOT, env=env)
        procs.append(proc)
    try:
        for instance_port, proc in zip(ports, procs, strict=True):
            wait_ready(f"http://127.0.0.1:{instance_port}/readyz", proc)
        conf = render(directory, f"127.0.0.1:{port}", ports)
        procs.append(subprocess.Popen([nginx, "-p", str(directory), "-c", str(conf),
                                       "-e", str(directory / "error.log")]))
        wait_ready(f"http://127.0.0.1:{port}/readyz", procs[-1])
    except BaseException:
        stop(procs)
        raise
    # Which process serves which port: for operators and for the tests that kill one.
    (directory / "instances").write_text(
        "".join(f"{port} {proc.pid}\n" for port, proc in zip(ports, procs, strict=False)))
    (directory / "cluster.pid").write_text(str(os.getpid()))
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
        pid_file = directory / "cluster.pid"
        if not pid_file.exists():
            print(f"cluster: no cluster running ({pid_file} is missing)", file=sys.stderr)
            return 1
        os.kill(int(pid_file.read_text()), signal.SIGTERM)
        return 0
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
        (directory / "cluster.pid").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
