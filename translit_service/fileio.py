"""Atomic file writes and an advisory lock: an interrupted run never leaves half a file.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> atomic_write(path, "Љубав\\n")
>>> path.read_text(encoding="utf-8")
'Љубав\\n'
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .errors import DecodeError


def _temporary_name(target: Path, kind: str = "") -> Path:
    """``.NAME.PID.RANDOM.tmp`` (``.NAME~.PID.RANDOM.tmp`` for a backup being made): hidden,
    beside the target, and naming the process that made it, so that a later run can tell
    its own leftovers from another live run's (:func:`recover`)."""
    return target.with_name(f".{target.name}{kind}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory, flushed to
    disk and renamed over the target: readers see the old file or the new one, never a mix.
    With ``backup=True`` the old file is kept as ``path~``.  File mode is kept when replacing.

    A run killed at any step leaves the old file or the new one at ``path``, a whole backup
    or none, and at most one hidden temporary file of its own, which :func:`recover` removes.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = _temporary_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        fault_point("written")
        if target.exists():
            info = target.stat()
            os.chmod(tmp, info.st_mode & 0o7777)
            with contextlib.suppress(OSError):  # ownership: kept where we may set it
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    os.chown(tmp, info.st_uid, info.st_gid)
            if backup:
                _link_backup(target)
                fault_point("backed-up")
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        fault_point("replaced")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def fault_point(step: str) -> None:
    """Fault injection for the tests: ``TRANSLIT_FAULT=<step>`` kills the process (SIGKILL,
    no cleanup) at that step of a write, to prove that no step leaves a file half written.
    ``TRANSLIT_FAULT=<step>@<n>`` kills it at the n-th time that step is reached."""
    wanted = os.environ.get("TRANSLIT_FAULT")
    if not wanted or not wanted.startswith(step):
        return
    name, _, nth = wanted.partition("@")
    if name != step:
        return
    _FAULT_COUNTS[step] = _FAULT_COUNTS.get(step, 0) + 1
    if _FAULT_COUNTS[step] == int(nth or 1):
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


_FAULT_COUNTS: dict[str, int] = {}


def is_leftover(name: str) -> bool:
    """Whether ``name`` is one of our temporary files (never converted, copied or shown).

    >>> is_leftover(".a.md.4242.0123abcd.tmp"), is_leftover("a.md")
    (True, False)
    """
    return _LEFTOVER.match(name) is not None


def backup_path(target: Path) -> Path:
    """Where ``--backup`` keeps the old ``target``: ``target~``."""
    return target.with_name(target.name + "~")


def _link_backup(target: Path) -> None:
    """Make ``target~`` the current ``target`` (a hard link, or a copy where links are not
    possible) *before* the new file replaces it: at every instant the target path holds the
    old file or the new one, and the backup appears whole or not at all."""
    import shutil

    backup = backup_path(target)
    if is_own_backup(target, backup):
        return  # a run killed after the backup was made: it is already the old file
    staging = _temporary_name(target, "~")
    try:
        os.link(target, staging)
    except OSError:
        shutil.copy2(target, staging)
    try:
        fault_point("staged")
        os.replace(staging, backup)
    finally:
        # rename(2) of two names of one file does nothing: never leave the staging name
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staging)


def is_own_backup(target: Path, backup: Path) -> bool:
    """Whether ``backup`` is another name of ``target`` itself, as :func:`atomic_write`
    leaves it when killed between making the backup and replacing the target."""
    try:
        a, b = os.stat(target), os.stat(backup, follow_symlinks=False)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


_LEFTOVER = re.compile(r"\.(?P<name>.+?)(?P<kind>~?)\.(?P<pid>[0-9]+)\.[0-9a-f]{8}\.tmp\Z", re.S)


def recover(path: str | os.PathLike[str]) -> list[Path]:
    """Remove what an interrupted :func:`atomic_write` of ``path`` left behind: hidden
    temporary files (``.NAME.PID.RANDOM.tmp``) of processes that are no longer running.
    Returns the files removed.  The target and its backup are whole whatever the step at
    which a run died; only these names can be left over, and another live run's are kept.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".a.txt.999999999.0123abcd.tmp").write_text("half")
    >>> [p.name for p in recover(folder / "a.txt")], sorted(folder.iterdir())
    (['.a.txt.999999999.0123abcd.tmp'], [])
    """
    return Leftovers().recover(path)


class Leftovers:
    """:func:`recover` for a whole run: each directory is listed once (a dead process makes
    no new files, so the first listing holds all there is), so recovering before every
    write of a tree costs one listing per directory, not one per file."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, dict[str, list[str]]] = {}

    def recover(self, path: str | os.PathLike[str]) -> list[Path]:
        target = Path(path)
        found = self._by_folder.get(target.parent)
        if found is None:
            found = self._by_folder[target.parent] = _list_leftovers(target.parent)
        removed: list[Path] = []
        for name in found.pop(target.name, []):
            leftover = target.with_name(name)
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                removed.append(leftover)
        return removed


def _list_leftovers(folder: Path) -> dict[str, list[str]]:
    """The leftovers of dead processes in ``folder``, by the name of their target."""
    found: dict[str, list[str]] = {}
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in sorted(names):
        m = _LEFTOVER.match(name)
        if m is None:
            continue
        pid = int(m.group("pid"))
        if pid != os.getpid() and _running(pid):
            continue
        found.setdefault(m.group("name"), []).append(name)
    return found


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def extra_links(target: Path) -> int:
    """How many hard links ``target`` has besides itself and its own ``--backup`` link (a
    backup made by a run that was killed before it replaced the file)."""
    links = os.stat(target).st_nlink - 1
    return links - 1 if links and is_own_backup(target, backup_path(target)) else links


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


def text_encoding(name: str) -> str:
    """The canonical name of a text encoding (``windows-1250`` -> ``cp1250``); ValueError for
    an unknown name or a codec that is not a text encoding (base64, hex, rot13).

    >>> text_encoding("windows-1250"), text_encoding("UTF-8")
    ('cp1250', 'utf-8')
    >>> text_encoding("base64")
    Traceback (most recent call last):
    ...
    ValueError: 'base64' is not a text encoding (it turns bytes into bytes or text into text)
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding (it turns bytes into bytes or "
                         "text into text)")
    return info.name


# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_UNICODE = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                      "utf-32-be"})
# Characters no text file holds; an 8-bit decode that yields them read the wrong code page
# (iso-8859-2 reads windows-1250's š, 0x9A, as a C1 control) or a UTF-16/32 file without
# its mark (NULs between the letters).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class Decoded(NamedTuple):
    """A file's text and how to write it back: ``encoding`` (what it was read as), ``bom``
    (the byte-order mark it had) and ``output`` (what it is written as: its own encoding for
    Unicode files, UTF-8 for 8-bit code pages, which cannot hold the other script)."""

    text: str
    encoding: str
    bom: bytes = b""

    @property
    def output(self) -> str:
        return self.encoding if self.encoding in _UNICODE else "utf-8"

    def encode(self, text: str) -> bytes:
        """``text`` as this file is written back (its mark kept)."""
        return self.bom + text.encode(self.output)

    @property
    def plain(self) -> bool:
        """Read as UTF-8 without a mark (written back the same way)."""
        return self.encoding == "utf-8" and not self.bom

    def describe(self) -> str:
        """What was read and written, for the per-file report.

        >>> Decoded("x", "cp1250").describe()
        'read as cp1250, written as UTF-8'
        """
        mark = " with a byte-order mark" if self.bom else ""
        output = self.output.upper() if self.output in _UNICODE else self.output
        shown = self.encoding.upper() if self.encoding in _UNICODE else self.encoding
        if self.encoding == self.output:
            return f"read and written as {shown}{mark}"
        return f"read as {shown}{mark}, written as {output}"


def decode_file(data: bytes, name: str, fallback: str = "utf-8") -> Decoded:
    r"""Decode a file's bytes: a byte-order mark decides (UTF-8, UTF-16 or UTF-32); valid
    UTF-8 is UTF-8; anything else is read as ``fallback`` (windows-1250 and iso-8859-2 are
    common in old Serbian files) and refused (:class:`DecodeError`) unless it decodes to
    text that encodes back to the same bytes and holds no control characters.

    >>> decode_file("Pišite".encode("cp1250"), "a.txt", "windows-1250")
    Decoded(text='Pišite', encoding='cp1250', bom=b'')
    >>> decode_file("Pišite".encode("utf-8"), "a.txt", "windows-1250").encoding
    'utf-8'
    >>> decode_file(b"\xef\xbb\xbfVesti", "a.txt").bom
    b'\xef\xbb\xbf'
    >>> decode_file("Pišite".encode("utf-32"), "a.txt").text
    'Pišite'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_checked(data[len(bom):], name, encoding), encoding, bom)
    fallback = text_encoding(fallback)
    try:
        return Decoded(_checked(data, name, "utf-8"), "utf-8")
    except DecodeError:
        if fallback == "utf-8":
            raise
    return Decoded(_checked(data, name, fallback), fallback)


def _checked(data: bytes, name: str, encoding: str) -> str:
    text = decode(data, name, "UTF-8" if encoding == "utf-8" else encoding)
    bad = _CONTROL.search(text)
    if bad is not None:
        # the byte where it came from: exact for 8-bit code pages, the line for the others
        position = len(text[:bad.start()].encode(encoding))
        raise DecodeError(name, data, position, f"text in {encoding} "
                          f"(it holds the control character U+{ord(bad.group()):04X})")
    if text.encode(encoding) != data:
        raise DecodeError(name, data, 0, f"{encoding} that encodes back to the same bytes")
    return text
