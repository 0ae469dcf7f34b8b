"""Batch conversion of files and trees: planning (:mod:`translit_service.treewalk`),
converting (in processes), no writing.

:func:`plan` turns command-line paths into jobs and into the entries that are not converted;
:func:`convert_all` converts the jobs, in worker processes with ``workers > 1``, and yields
outcomes in job order, so the output never depends on the number of workers.  Writing is the
caller's business.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from .datafiles import I18N_KEYS
from .documents import DEFAULT_KEYS, FORMATS, DocumentKeys, convert_document
from .engine import Transliterator
from .errors import DecodeError, DocumentError, TranslitError
from .fileio import Decoded, decode_file
from .options import Options
from .treewalk import Entry, Job, Plan, collisions, plan, shown

__all__ = ["Entry", "Job", "Outcome", "Plan", "Stamp", "collisions", "convert_all",
           "convert_job", "plan", "read_regular", "shown"]


class Stamp(NamedTuple):
    """What a file was when it was read: a write refuses a file that changed since."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> Stamp:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class Outcome(NamedTuple):
    job: Job
    status: str  # "converted", "unchanged" or "failed"
    text: str  # the converted text ("" when failed)
    chars: int
    message: str
    line: int | None = None  # where the failure is, when known
    decoded: Decoded | None = None  # how it was read (and is to be written)
    stamp: Stamp | None = None
    original: str | None = None  # the text as read, when asked for (diffs)


def read_regular(path: Path) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and what it was when read; a FIFO or a device raises OSError
    at once (opened without blocking, checked before reading), so nothing ever hangs."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file: left alone")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), info
    finally:
        os.close(fd)


def _keys_for(job: Job, keys: DocumentKeys) -> DocumentKeys:
    """Data files in an ``i18n`` directory (Hugo's) are all text but their ``id``s."""
    if keys.data is None and "i18n" in job.source.parts[:-1]:
        return keys._replace(data=I18N_KEYS)
    return keys


def convert_job(job: Job, to: str, engine: Transliterator, keys: DocumentKeys = DEFAULT_KEYS,
                encoding: str = "utf-8", keep_original: bool = False) -> Outcome:
    """Read, decode and convert one file; every failure is an outcome, never an exception.
    A file read from an 8-bit code page counts as converted even if no letter changed (it is
    written back as UTF-8); Unicode files keep their encoding and byte-order mark."""
    try:
        data, info = read_regular(job.source)
        decoded = decode_file(data, str(job.source), encoding)
    except DecodeError as exc:
        return Outcome(job, "failed", "", 0,
                       f"not valid {exc.encoding} (byte {exc.position})", exc.line)
    except OSError as exc:
        return Outcome(job, "failed", "", 0, exc.strerror or str(exc))
    text = decoded.text
    try:
        converted = convert_document(text, job.fmt if job.fmt in FORMATS else "text", to,
                                     transliterator=engine, keys=_keys_for(job, keys))
    except DocumentError as exc:
        return Outcome(job, "failed", "", 0, exc.message, exc.line)
    except TranslitError as exc:
        return Outcome(job, "failed", "", 0, str(exc))
    except (RecursionError, MemoryError) as exc:
        return Outcome(job, "failed", "", 0, f"too deep or too large to convert ({exc!r})")
    except Exception as exc:  # a bug must not end the run: this file fails, said plainly
        return Outcome(job, "failed", "", 0, f"could not be converted (an error of ours, "
                                             f"please report it: {exc!r})")
    reencoded = decoded.output != decoded.encoding
    status = "unchanged" if converted == text and not reencoded else "converted"
    return Outcome(job, status, converted, len(text), "", None, decoded, Stamp.of(info),
                   text if keep_original else None)


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


def _convert_in_worker(args: tuple[Job, str, DocumentKeys, str, bool]) -> Outcome:
    assert _worker_engine is not None, "the pool initializer did not run"
    return convert_job(args[0], args[1], _worker_engine, args[2], args[3], args[4])


def convert_all(jobs: Sequence[Job], to: str, engine: Transliterator | None = None,
                workers: int = 1, keys: DocumentKeys = DEFAULT_KEYS,
                encoding: str = "utf-8", keep_original: bool = False) -> Iterator[Outcome]:
    """Convert ``jobs`` in order with ``engine`` (default options if None); with
    ``workers > 1`` in that many processes, each building its own transliterator once."""
    engine = engine or Transliterator()
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield convert_job(job, to, engine, keys, encoding, keep_original)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                             initargs=(engine.options, os.getpid())) as pool:
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        yield from pool.map(_convert_in_worker,
                            [(job, to, keys, encoding, keep_original) for job in jobs],
                            chunksize=chunk)
