"""Batch conversion of files and trees: planning, converting (in processes), no writing.

:func:`plan` turns command-line paths into jobs (a directory is walked recursively; files are
chosen by extension or by ``include`` globs, minus ``exclude`` globs), :func:`convert_all`
converts them, in worker processes with ``workers > 1``, and yields outcomes in job order, so
the output never depends on the number of workers.  Writing is the caller's business.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pathspec

from .documents import EXTENSIONS, FORMATS, convert_document, detect_format
from .engine import Transliterator
from .errors import DecodeError, TranslitError
from .fileio import decode_any
from .frontmatter import TEXT_KEYS
from .options import Options


class Job(NamedTuple):
    source: Path
    relative: Path  # path below the argument it came from (mirrored under --out)
    fmt: str


class Outcome(NamedTuple):
    job: Job
    status: str  # "converted", "unchanged" or "failed"
    text: str  # the converted text ("" when failed)
    chars: int
    message: str


def _wanted(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Patterns as .gitignore reads them (pathspec's GitIgnoreSpec): ``vendor`` and
    ``vendor/`` a directory anywhere, ``**/drafts/*``, ``*.txt`` a name anywhere.

    >>> _wanted("a/vendor/x.md", (), ("vendor/",)), _wanted("x/drafts/y.md", (), ("**/drafts/*",))
    (False, False)
    """
    path = relative.replace(os.sep, "/")
    if exclude and _spec(tuple(exclude)).match_file(path):
        return False
    if include:
        return bool(_spec(tuple(include)).match_file(path))
    return Path(relative).suffix.lower() in EXTENSIONS


@functools.lru_cache(maxsize=32)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def plan(paths: Sequence[Path], fmt: str = "auto", include: Sequence[str] = (),
         exclude: Sequence[str] = (), follow_symlinks: bool = False,
         ) -> tuple[list[Job], list[str]]:
    """Jobs for ``paths`` and the problems found while looking (``path: message``).  A file
    reached through a symlink that points outside the tree is left out (and said) unless
    ``follow_symlinks``."""
    jobs: list[Job] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            root = os.path.realpath(path)
            for folder, dirs, files in os.walk(path, followlinks=follow_symlinks):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    full = os.path.join(folder, name)
                    relative = os.path.relpath(full, path)
                    if not _wanted(relative, include, exclude):
                        continue
                    real = os.path.realpath(full)
                    if not follow_symlinks and os.path.commonpath([root, real]) != root:
                        problems.append(f"{shown(full)}: a symlink to {shown(real)}, outside "
                                        "the tree: left alone (--follow-symlinks converts it)")
                        continue
                    found.append(Path(relative))
            for relative_path in sorted(found):
                job_fmt = fmt if fmt != "auto" else detect_format(relative_path) or "text"
                jobs.append(Job(path / relative_path, relative_path, job_fmt))
        elif path.exists():
            job_fmt = fmt if fmt != "auto" else detect_format(path) or "text"
            jobs.append(Job(path, Path(path.name), job_fmt))
        else:
            problems.append(f"{shown(path)}: no such file or directory")
    return jobs, problems


def collisions(jobs: Sequence[Job]) -> list[str]:
    """Inputs that ``--out`` would write to the same path (``a/x.txt`` and ``b/x.txt`` given
    as two arguments), as ``path: message`` lines."""
    first: dict[Path, Job] = {}
    found = []
    for job in jobs:
        if job.relative in first:
            found.append(f"{shown(job.source)}: would overwrite the output of "
                         f"{shown(first[job.relative].source)} ({shown(job.relative)}); "
                         "convert them in two runs or with --in-place")
        else:
            first[job.relative] = job
    return found


def shown(path: object) -> str:
    r"""A path as it can be printed on one line: control characters (a newline in a file
    name) escaped.

    >>> shown("a" + chr(10) + "b.txt")
    'a\\nb.txt'
    """
    text = str(path)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def convert_job(job: Job, to: str, engine: Transliterator,
                front_matter_keys: tuple[str, ...] = TEXT_KEYS,
                encoding: str = "utf-8") -> Outcome:
    """Read, decode and convert one file; every failure is an outcome, never an exception.
    The result is always UTF-8 text (a file in another encoding, or with a byte-order mark,
    counts as converted even if no letter changed)."""
    try:
        text, reencoded = decode_any(job.source.read_bytes(), str(job.source), encoding)
    except DecodeError as exc:
        return Outcome(job, "failed", "", 0,
                       f"line {exc.line}: not valid {exc.encoding} (byte {exc.position})")
    except OSError as exc:
        return Outcome(job, "failed", "", 0, exc.strerror or str(exc))
    try:
        converted = convert_document(text, job.fmt if job.fmt in FORMATS else "text", to,
                                     transliterator=engine, front_matter_keys=front_matter_keys)
    except TranslitError as exc:
        return Outcome(job, "failed", "", 0, str(exc))
    status = "unchanged" if converted == text and not reencoded else "converted"
    return Outcome(job, status, converted, len(text), "")


# A worker process's transliterator, built once by the pool initializer (not pickled per job).
_worker_engine: Transliterator | None = None


def _start_worker(options: Options, parent: int) -> None:
    global _worker_engine
    _worker_engine = Transliterator(options)
    _watch_parent(parent)


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (killed, say): a worker of a
    dead parent would otherwise wait for work forever."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _convert_in_worker(args: tuple[Job, str, tuple[str, ...], str]) -> Outcome:
    assert _worker_engine is not None, "the pool initializer did not run"
    return convert_job(args[0], args[1], _worker_engine, args[2], args[3])


def convert_all(jobs: Sequence[Job], to: str, engine: Transliterator | None = None,
                workers: int = 1, front_matter_keys: tuple[str, ...] = TEXT_KEYS,
                encoding: str = "utf-8") -> Iterator[Outcome]:
    """Convert ``jobs`` in order with ``engine`` (default options if None); with
    ``workers > 1`` in that many processes, each building its own transliterator once."""
    engine = engine or Transliterator()
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield convert_job(job, to, engine, front_matter_keys, encoding)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                             initargs=(engine.options, os.getpid())) as pool:
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        yield from pool.map(_convert_in_worker,
                            [(job, to, front_matter_keys, encoding) for job in jobs],
                            chunksize=chunk)
