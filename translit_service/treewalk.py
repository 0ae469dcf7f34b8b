"""Planning a batch conversion: which files of the trees and paths given are converted, and
what becomes of the rest (copied or linked into a mirror, or skipped, each with its reason).

A directory is walked recursively (hidden directories and ``node_modules`` are not); files
are chosen by extension or by ``include`` globs, minus ``exclude`` globs (``.gitignore``
patterns), minus a multilingual site's other languages.  Every file is one job: two paths to
one file (a symlink in the tree to another of its files, a file named twice) are one job, so
no two writers ever race for a file.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pathspec

from .documents import EXTENSIONS, FORMATS, detect_format
from .fileio import is_leftover


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
            if is_leftover(name):
                continue  # an interrupted run's temporary file: recovered, never converted
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
