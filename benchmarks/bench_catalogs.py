"""Catalog tools at the speed of the tools translators know (issue 22), in one run:

    python -m benchmarks.bench_catalogs [--entries 4000] [--rounds 3] [--code DIR]

* ``translit catalogs derive`` of a 4,000-entry catalog (whole CLI process, CPU time of the
  child) against polib reading and writing the same file in this process: the ratio;
  and the share of derive's own time that the engine's conversion takes;
* ``make catalogs`` (its five commands) on a copy of the site's catalogs;
* start-up: ``translit --help`` against a bare ``python -c pass``;
* GNU line layout: strings per second, and against the uniseg-based layout it replaced
  (tests/uniseg_layout.py) on the same strings.

The catalog is built from the dev split of the evaluation corpus (tests/data/eval/dev.jsonl.gz:
msgid and Latin msgstr, first 4,000 distinct msgids), never from reserved catalogs.  Times are
CPU times (user + system), the best of ``--rounds``, so that other work on the machine
changes them little.  ``--code DIR`` runs the CLI from another source tree (an old checkout:
``git archive <commit> | tar -x -C DIR``) for the "before" column; the in-process rows then
stay this tree's.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib

from translit_service import locales
from translit_service.catalogs import derive as derive_module
from translit_service.catalogs import gnu
from translit_service.engine import Transliterator

ROOT = Path(__file__).resolve().parent.parent
TRANSLIT = Path(sys.executable).with_name("translit")


def build_catalog(path: Path, entries: int) -> int:
    """A catalog of ``entries`` real msgid/msgstr pairs (the dev split), laid out as GNU
    gettext writes it; returns its size in bytes."""
    with gzip.open(ROOT / "tests" / "data" / "eval" / "dev.jsonl.gz", "rt",
                   encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Project-Id-Version": "bench", "Language": "sr_Latn", "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit",
                   "Plural-Forms": locales.SERBIAN_PLURAL_FORMS}
    seen: set[str] = set()
    for row in rows:
        if row["msgid"] in seen:
            continue
        seen.add(row["msgid"])
        po.append(polib.POEntry(msgid=row["msgid"], msgstr=row["latn"],
                                occurrences=[(f"src/{row['package']}.c", str(len(seen)))]))
        if len(po) == entries:
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(gnu.gnu_layout(str(po)), "utf-8")
    return path.stat().st_size


def child_cpu(command: list[str], cwd: Path | None = None,
              env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cpu(fn: Callable[[], object]) -> float:
    began = time.process_time()
    fn()
    return time.process_time() - began


def environment(code: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def derive_vs_polib(tmp: Path, entries: int, rounds: int, code: Path | None) -> None:
    locales_dir = tmp / "locales"
    source = locales_dir / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    size = build_catalog(source, entries)
    target = locales_dir / "sr_Cyrl"
    env = environment(code)
    command = [str(TRANSLIT), "catalogs", "--locales", str(locales_dir), "derive"]
    copy = tmp / "polib.po"
    derive_times, again_times, polib_times = [], [], []
    for _ in range(rounds):
        shutil.rmtree(target, ignore_errors=True)
        derive_times.append(child_cpu(command, env=env))
        again_times.append(child_cpu(command, env=env))  # up to date: nothing to write
        polib_times.append(cpu(lambda: polib.pofile(str(source)).save(str(copy))))
    derive, again, baseline = min(derive_times), min(again_times), min(polib_times)
    print(f"\ncatalogs derive: {entries:,} entries, {size / 1e3:.0f} kB (dev split); CPU time,"
          f" best of {rounds}; ratio = time / polib's load + save of the same file")
    print(f"  polib.pofile() + save()            {baseline:7.3f} s   1.0x")
    print(f"  translit catalogs derive (process) {derive:7.3f} s  {derive / baseline:5.1f}x"
          "  (goal <= 10x)")
    print(f"  the same, catalog up to date       {again:7.3f} s  {again / baseline:5.1f}x")
    engine_share(source, derive)


def engine_share(source: Path, process_seconds: float) -> None:
    """derive_text in this process, with the engine's convert() timed apart."""
    text = source.read_text("utf-8")
    engine = Transliterator()
    engine.convert("Zdravo", "cyrl")  # its tables and lexicon loaded before timing
    spent = [0.0]
    convert = engine.convert

    def timed(*args: object, **kwargs: object) -> str:
        began = time.process_time()
        try:
            return convert(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.process_time() - began

    engine.convert = timed  # type: ignore[method-assign]
    total = cpu(lambda: derive_module.derive_text(text, "cyrl", transliterator=engine))
    print(f"  in process: derive_text {total:.3f} s, of which the engine's convert() "
          f"{spent[0]:.3f} s ({spent[0] / total:.0%}; {spent[0] / process_seconds:.0%} of the "
          "process)")


def make_catalogs(tmp: Path, rounds: int, code: Path | None) -> None:
    env = environment(code)
    steps = [["extract"], ["update"], ["derive", "--from", "sr_Latn", "--to", "sr_Cyrl"],
             ["check"], ["compile"]]
    best_cpu, best_wall = float("inf"), float("inf")
    for _ in range(rounds):
        work = tmp / "site-locales"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(ROOT / "locales", work)
        began, spent = time.perf_counter(), 0.0
        for step in steps:
            spent += child_cpu([str(TRANSLIT), "catalogs", "--locales", str(work), *step],
                               cwd=ROOT, env=env)
        best_cpu, best_wall = min(best_cpu, spent), min(best_wall, time.perf_counter() - began)
    print(f"\nmake catalogs on the site's catalogs (extract, update, derive, check, compile; "
          f"five processes): {best_cpu:.2f} s CPU, {best_wall:.2f} s wall (goal <= 3 s)")


def start_up(rounds: int, code: Path | None) -> None:
    env = environment(code)
    bare = min(child_cpu([sys.executable, "-c", "pass"]) for _ in range(rounds * 2))
    imported = min(child_cpu([sys.executable, "-c", "import translit_service.cli"], env=env)
                   for _ in range(rounds * 2))
    helped = min(child_cpu([str(TRANSLIT), "--help"], env=env) for _ in range(rounds * 2))
    print(f"\nstart-up, CPU time: python -c pass {bare:.3f} s; import translit_service.cli "
          f"{imported:.3f} s ({imported / bare:.1f}x); translit --help {helped:.3f} s "
          f"({helped / bare:.1f}x; goal < 0.5 s)")


def layout(entries: int, rounds: int) -> None:
    from tests import uniseg_layout

    source = Path(tempfile.mkdtemp()) / "po"
    build_catalog(source, entries)
    po = polib.pofile(str(source))
    values = [v for entry in po for v in (entry.msgid, entry.msgstr)]
    chars = sum(map(len, values))
    new = min(cpu(lambda: [gnu.wrap("msgstr", v) for v in values]) for _ in range(rounds))
    old = cpu(lambda: [uniseg_layout.wrap("msgstr", v) for v in values])
    long = [v for v in values if len(v) > 70]
    new_long = min(cpu(lambda: [gnu.wrap("msgstr", v) for v in long]) for _ in range(rounds))
    old_long = cpu(lambda: [uniseg_layout.wrap("msgstr", v) for v in long])
    shutil.rmtree(source.parent)
    print(f"\nGNU line layout of {len(values):,} catalog strings ({chars / 1e3:.0f} k chars), "
          "CPU time; ratio = time / the uniseg-based layout's")
    print(f"  all strings:        {new * 1e3:8.1f} ms ({len(values) / new:9,.0f} strings/s)  "
          f"uniseg {old * 1e3:9.1f} ms  {new / old:.4f}x")
    print(f"  the {len(long):,} longer than a line: {new_long * 1e3:6.1f} ms "
          f"({sum(map(len, long)) / new_long / 1e6:.2f} M chars/s)  uniseg {old_long * 1e3:9.1f}"
          f" ms  {new_long / old_long:.4f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--layout-entries", type=int, default=500,
                        help="entries for the layout comparison (uniseg is slow)")
    parser.add_argument("--code", type=Path, help="run the CLI from this source tree")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        derive_vs_polib(tmp, args.entries, args.rounds, args.code)
        make_catalogs(tmp, args.rounds, args.code)
        start_up(args.rounds, args.code)
    layout(args.layout_entries, args.rounds)


if __name__ == "__main__":
    main()
