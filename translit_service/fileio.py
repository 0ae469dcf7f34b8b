"""Atomic file writes and an advisory lock: an interrupted run never leaves half a file.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> atomic_write(path, "Љубав\\n")
>>> path.read_text(encoding="utf-8")
'Љубав\\n'
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import DecodeError


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory, flushed to
    disk and renamed over the target: readers see the old file or the new one, never a mix.
    With ``backup=True`` the old file is kept as ``path~``.  File mode is kept when replacing."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        _fault("written")
        if target.exists():
            info = target.stat()
            os.chmod(tmp, info.st_mode & 0o7777)
            with contextlib.suppress(OSError):  # ownership: kept where we may set it
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    os.chown(tmp, info.st_uid, info.st_gid)
            if backup:
                _link_backup(target)
                _fault("backed-up")
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        _fault("replaced")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _fault(step: str) -> None:
    """Fault injection for the tests: ``TRANSLIT_FAULT=<step>`` kills the process (SIGKILL,
    no cleanup) at that step of a write, to prove that no step leaves a file half written."""
    if os.environ.get("TRANSLIT_FAULT") == step:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _link_backup(target: Path) -> None:
    """Make ``target~`` the current ``target`` (a hard link, or a copy where links are not
    possible) *before* the new file replaces it: at every instant the target path holds the
    old file or the new one, and the backup appears whole or not at all."""
    import shutil

    backup = target.with_name(target.name + "~")
    staging = target.with_name(f".{target.name}~.{os.getpid()}.tmp")
    try:
        os.link(target, staging)
    except OSError:
        shutil.copy2(target, staging)
    os.replace(staging, backup)


@contextlib.contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` (two processes deriving or updating the
    same catalog take turns); the lock file is ``.<name>.lock`` beside it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """Read a text file; bytes that are not valid in ``encoding`` raise
    :class:`~translit_service.errors.DecodeError` naming the path and the line.

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bad.txt"
    >>> _ = bad.write_bytes(b"ok\\n\\xff")
    >>> read_text(bad)
    Traceback (most recent call last):
    ...
    translit_service.errors.DecodeError: .../bad.txt:2: not valid UTF-8 (byte 3)
    """
    data = Path(path).read_bytes()
    return decode(data, str(path), encoding)


def decode(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` read from ``name``; a decode error names it and the line."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if encoding.lower().replace("-", "") == "utf8" else encoding
        raise DecodeError(name, data, exc.start, label) from None


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_any(data: bytes, name: str, encoding: str = "utf-8") -> tuple[str, bool]:
    r"""Decode a file's bytes: a byte-order mark decides (and is dropped), else ``encoding``
    (windows-1250 and iso-8859-2 are common in old Serbian files).  Returns the text and
    whether it was anything but plain UTF-8 (so that writing it back as UTF-8 changes it).

    >>> decode_any("Pišite".encode("cp1250"), "a.txt", "windows-1250")
    ('Pišite', True)
    >>> decode_any(b"\xef\xbb\xbfVesti", "a.txt")
    ('Vesti', True)
    """
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return decode(data[len(bom):], name, bom_encoding), True
    plain = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
    return decode(data, name, encoding), not plain
