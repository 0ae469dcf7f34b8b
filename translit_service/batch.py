"""Batch conversion of files and trees: planning, converting (in processes), no writing.

:func:`plan` turns command-line paths into jobs (a directory is walked recursively; files are
chosen by extension or by ``include`` globs, minus ``exclude`` globs) and into the entries that
are not converted (copied or linked into a mirror, or skipped, each with its reason);
:func:`convert_all` converts the jobs, in worker processes with ``workers > 1``, and yields
outcomes in job order, so the output never depends on the number of workers.  Writing is the
caller's business.

Every file is converted once: two paths to one file (a symlink in the tree to another of its
files, a file named twice) are one job, so no two writers ever race for a file.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pathspec

from .datafiles import I18N_KEYS
from .documents import (
    DEFAULT_KEYS,
    EXTENSIONS,
    FORMATS,
    DocumentKeys,
    convert_document,
    detect_format,
)
from .engine import Transliterator
from .errors import DecodeError, DocumentError, TranslitError
from .fileio import Decoded, decode_file
from .options import Options


class Job(NamedTuple):
    source: Path
    relative: Path  # where it goes below --out (the input's own directory name kept)
    fmt: str


class Entry(NamedTuple):
    """A path that is not converted: ``action`` is "copy" (into the mirror, as it is),
    "link" (a symlink recreated in the mirror, pointing at ``link``) or "skip" (said why)."""

    source: Path
    relative: Path
    action: str
    message: str = ""
    link: str = ""


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "path: message" failures

    def skip(self, source: Path | str, message: str) -> None:
        self.entries.append(Entry(Path(source), Path(), "skip", message))


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
    return Path(relative).suffix.lower() in EXTENSIONS and not _other_language(Path(relative))


def _other_language(path: Path) -> bool:
    """A file of a multilingual site in a language that is not Serbian, by Hugo's names:
    ``post.en.md`` (a translation of ``post.md``) and ``i18n/en.toml``.

    >>> [_other_language(Path(p)) for p in ("a.en.md", "a.sr-latn.md", "i18n/de.toml",
    ...                                     "i18n/sr.yaml", "a.v2.md", "data/en.json")]
    [True, False, True, False, False, False]
    """
    parts = path.name.split(".")
    code = parts[-2] if len(parts) >= 3 else ""
    if not code and "i18n" in path.parts[:-1] and len(parts) == 2:
        code = parts[0]
    if not code:
        return False
    pieces = code.replace("-", "_").split("_")
    pieces = [pieces[0].lower()] + [p.title() if len(p) == 4 else p.upper() for p in pieces[1:]]
    if pieces[0] in ("sr", "sh"):
        return False
    from babel import localedata

    return bool(localedata.exists("_".join(pieces)))


@functools.lru_cache(maxsize=32)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


#: Directories that are never a site's own text: packages a build tool installed.
_NEVER_WALKED = frozenset({"node_modules", "__pycache__"})


def _inside(root: str, real: str) -> bool:
    return os.path.commonpath([root, real]) == root


def _base(argument: str) -> Path:
    """Below ``--out``, a directory keeps its own name unless given with a trailing slash,
    as rsync does: ``content`` -> ``OUT/content/…``, ``content/`` -> ``OUT/…``.

    >>> _base("site/content"), _base("site/content/"), _base(".")
    (PosixPath('content'), PosixPath('.'), PosixPath('.'))
    """
    if argument.endswith(("/", os.sep)):
        return Path()
    return Path(Path(argument).name or ".")


def plan(paths: Sequence[str | Path], fmt: str = "auto", include: Sequence[str] = (),
         exclude: Sequence[str] = (), follow_symlinks: bool = False, *, mirror: bool = False,
         copy_others: bool = False, avoid: Sequence[Path] = ()) -> Plan:
    """Jobs for ``paths`` and what else was found.  A symlink that points outside the tree is
    skipped (and said) unless ``follow_symlinks``; one inside it is recreated as a link with
    ``mirror`` (for ``--out``) and otherwise left to its target, converted under its own
    name.  Files that are not regular (a FIFO, a socket) are skipped; with ``copy_others``
    the mirror gets a copy of every file that is not converted.  Directories in ``avoid``
    (the output) are not walked.  A named file of a type we do not know is skipped unless
    ``fmt`` says what it is."""
    result = Plan()
    avoided = {os.path.realpath(p) for p in avoid}
    for argument in paths:
        path = Path(argument)
        if path.is_dir():
            _walk(path, _base(str(argument)), result, fmt, include, exclude, follow_symlinks,
                  mirror, copy_others, avoided)
        elif os.path.lexists(path):
            _named_file(path, result, fmt)
        else:
            result.problems.append(f"{shown(path)}: no such file or directory")
    if not mirror:
        result.jobs = _one_job_per_file(result)
    return result


def _named_file(path: Path, result: Plan, fmt: str) -> None:
    try:
        info = path.stat()
    except OSError:
        result.skip(path, "a broken symlink: left alone")
        return
    if not stat.S_ISREG(info.st_mode):
        result.skip(path, "not a regular file: left alone")
        return
    job_fmt = fmt if fmt != "auto" else detect_format(path)
    if job_fmt is None:
        known = " ".join(sorted(EXTENSIONS))
        result.skip(path, f"not a type we convert ({known}): left alone; --format "
                          f"{'|'.join(FORMATS)} says what it is")
        return
    result.jobs.append(Job(path, Path(path.name), job_fmt))


def _walk(top: Path, base: Path, result: Plan, fmt: str, include: Sequence[str],
          exclude: Sequence[str], follow_symlinks: bool, mirror: bool, copy_others: bool,
          avoided: set[str]) -> None:
    root = os.path.realpath(top)
    seen_dirs = {root}
    found: list[Path] = []  # the files to convert, relative to ``top``
    entries: dict[Path, Entry] = {}
    for folder, dirs, files in os.walk(top, followlinks=follow_symlinks):
        kept = []
        for name in sorted(dirs):
            full = os.path.join(folder, name)
            real = os.path.realpath(full)
            relative = Path(os.path.relpath(full, top))
            if name.startswith(".") or name in _NEVER_WALKED or real in avoided:
                continue
            if os.path.islink(full):
                if _inside(root, real) and mirror:
                    entries[relative] = Entry(Path(full), base / relative, "link",
                                              link=_link_text(full, root, real))
                    continue
                if not _inside(root, real) and not follow_symlinks:
                    entries[relative] = Entry(Path(full), base / relative, "skip",
                                              f"a symlink to {shown(real)}, outside the tree: "
                                              "left alone (--follow-symlinks converts it)")
                    continue
                if not follow_symlinks or real in seen_dirs:
                    continue  # inside the tree: walked under its own name
            seen_dirs.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in files:
            full = os.path.join(folder, name)
            relative = Path(os.path.relpath(full, top))
            wanted = _wanted(str(relative), include, exclude)
            entry = _classify(Path(full), base / relative, root, wanted, follow_symlinks,
                              mirror, copy_others)
            if entry is None:
                found.append(relative)
            elif entry.action != "none":
                entries[relative] = entry
    for relative in sorted(found):
        job_fmt = fmt if fmt != "auto" else detect_format(relative) or "text"
        result.jobs.append(Job(top / relative, base / relative, job_fmt))
    result.entries.extend(entries[key] for key in sorted(entries))


def _classify(full: Path, relative: Path, root: str, wanted: bool, follow_symlinks: bool,
              mirror: bool, copy_others: bool) -> Entry | None:
    """None for a file to convert, else what becomes of it (action "none": nothing, not
    even a word)."""
    try:
        info = os.lstat(full)
    except OSError as exc:
        return Entry(full, relative, "skip", exc.strerror or str(exc))
    if stat.S_ISLNK(info.st_mode):
        real = os.path.realpath(full)
        if not os.path.exists(full):
            return Entry(full, relative, "skip", "a broken symlink: left alone")
        if _inside(root, real):
            if mirror:
                return Entry(full, relative, "link", link=_link_text(str(full), root, real))
            if not wanted:
                return Entry(full, relative, "none")
            return Entry(full, relative, "skip",
                         f"a symlink to {shown(real)}, in the tree: converted under that name")
        if not follow_symlinks:
            if not wanted and not copy_others:
                return Entry(full, relative, "none")
            return Entry(full, relative, "skip", f"a symlink to {shown(real)}, outside the "
                                                 "tree: left alone (--follow-symlinks "
                                                 "converts it)")
        info = os.stat(full)
    if not stat.S_ISREG(info.st_mode):
        return Entry(full, relative, "skip", "not a regular file: left alone")
    if wanted:
        return None
    if mirror and copy_others:
        return Entry(full, relative, "copy")
    return Entry(full, relative, "none")


def _link_text(full: str, root: str, real: str) -> str:
    """What a symlink recreated in the mirror points at: its own text when that is
    relative, else the relative path from where it stands to its target's place."""
    text = os.readlink(full)
    if not os.path.isabs(text):
        return text
    here = os.path.dirname(os.path.relpath(os.path.join(os.path.realpath(
        os.path.dirname(full)), os.path.basename(full)), root))
    return os.path.relpath(os.path.relpath(real, root), here or ".")


def _one_job_per_file(result: Plan) -> list[Job]:
    """The jobs with each file once (by device and inode): a path that is not a symlink wins
    over one that is, else the first; the others are skipped and said."""
    chosen: dict[tuple[int, int], Job] = {}
    order: list[tuple[int, int]] = []
    for job in result.jobs:
        try:
            info = job.source.stat()
        except OSError:
            key = (-1, len(order))
        else:
            key = (info.st_dev, info.st_ino)
        first = chosen.get(key)
        if first is None:
            chosen[key] = job
            order.append(key)
            continue
        if first.source.is_symlink() and not job.source.is_symlink():
            chosen[key], job = job, first
        result.skip(job.source, f"the same file as {shown(chosen[key].source)}: converted once")
    return [chosen[key] for key in order]


def collisions(jobs: Sequence[Job], entries: Sequence[Entry] = ()) -> list[str]:
    """Inputs that ``--out`` would write to the same path (``a/x.txt`` and ``b/x.txt`` given
    as two arguments), as ``path: message`` lines."""
    first: dict[Path, Path] = {}
    found = []
    items = [(j.source, j.relative) for j in jobs]
    items += [(e.source, e.relative) for e in entries if e.action != "skip"]
    for source, relative in items:
        if relative in first:
            found.append(f"{shown(source)}: would overwrite the output of "
                         f"{shown(first[relative])} ({shown(relative)}); "
                         "convert them in two runs or with --in-place")
        else:
            first[relative] = source
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
