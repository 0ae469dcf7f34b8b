"""Where `translit convert` puts its results: in place, into a mirror, or as a diff.

Every write is atomic (:func:`translit_service.fileio.atomic_write`) and begins by removing
what an interrupted run left (:func:`translit_service.fileio.recover`); an in-place write
refuses a file that changed since it was read and one whose hard links it would split (its
own backup link, left by a run killed after making it, does not count).
"""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
from pathlib import Path

from .. import batch
from ..fileio import Leftovers, atomic_write, extra_links, fault_point


class Skipped(Exception):
    """A file deliberately left alone (counted apart from failures)."""


class Changed(OSError):
    """A file that changed between being read and being replaced."""


def write_in_place(outcome: batch.Outcome, backup: bool,
                   leftovers: Leftovers | None = None) -> list[str]:
    """Replace the file an outcome was read from (through a symlink, the file it names: the
    link stays a link); returns notes (leftovers removed)."""
    assert outcome.decoded is not None
    real = outcome.job.source.resolve()
    notes = [f"removed {batch.shown(p.name)}, left by an interrupted run"
             for p in (leftovers or Leftovers()).recover(real)]
    others = extra_links(real)
    if others:
        raise Skipped(f"has {others + 1} hard links; replacing it would split them: "
                      "left alone")
    if outcome.stamp is not None and batch.Stamp.of(os.stat(real)) != outcome.stamp:
        raise Changed(0, "changed while it was being converted: left alone (run again)")
    atomic_write(real, outcome.decoded.encode(outcome.text), backup=backup)
    return notes


def write_mirrored(outcome: batch.Outcome, out_dir: Path,
                   leftovers: Leftovers | None = None) -> list[str]:
    assert outcome.decoded is not None
    target = out_dir / outcome.job.relative
    target.parent.mkdir(parents=True, exist_ok=True)
    notes = [f"removed {batch.shown(p.name)}, left by an interrupted run"
             for p in (leftovers or Leftovers()).recover(target)]
    atomic_write(target, outcome.decoded.encode(outcome.text))
    return notes


def mirror_entry(entry: batch.Entry, out_dir: Path, leftovers: Leftovers | None = None) -> bool:
    """Copy a file or recreate a symlink in the mirror; False when it was already there
    (same size and time for a copy, same target for a link)."""
    target = out_dir / entry.relative
    target.parent.mkdir(parents=True, exist_ok=True)
    (leftovers or Leftovers()).recover(target)
    if entry.action == "link":
        if target.is_symlink() and os.readlink(target) == entry.link:
            return False
        staging = target.with_name(f".{target.name}.{os.getpid()}.00000000.tmp")
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
        os.symlink(entry.link, staging)
        os.replace(staging, target)
        return True
    source = entry.source.stat()
    with contextlib.suppress(OSError):
        existing = os.stat(target, follow_symlinks=False)
        if (existing.st_size, existing.st_mtime_ns) == (source.st_size, source.st_mtime_ns):
            return False
    staging = target.with_name(f".{target.name}.{os.getpid()}.00000000.tmp")
    try:
        shutil.copy2(entry.source, staging)
        fault_point("copied")
        os.replace(staging, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
        raise
    return True


def unified_diff(outcome: batch.Outcome, cwd: Path) -> str | None:
    """A diff of an outcome against its file as read, with paths relative to ``cwd``
    (``a/PATH`` and ``b/PATH``, so ``patch -p1`` applies it there); a last line without a
    newline is marked ``\\ No newline at end of file``, as diff(1) marks it.  None for a
    file that is not UTF-8 (a text diff cannot change a file's encoding)."""
    decoded = outcome.decoded
    if decoded is None or decoded.encoding != "utf-8":
        return None
    name = batch.shown(os.path.relpath(outcome.job.source, cwd))
    mark = "\ufeff" if decoded.bom else ""  # patch compares bytes: the mark is on line 1
    original = mark + (outcome.original if outcome.original is not None else "")
    lines = difflib.unified_diff(original.splitlines(keepends=True),
                                 (mark + outcome.text).splitlines(keepends=True), f"a/{name}",
                                 f"b/{name}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
