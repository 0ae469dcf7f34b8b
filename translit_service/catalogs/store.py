"""The catalogs as the running service sees them: loaded once, reloaded when a file changes.

A ``.po`` edited while the server runs is picked up once it is *settled*: its size and
modification time the same at two looks :data:`SETTLE` seconds apart (or, at the first look,
last modified that long ago), so a file caught mid-write (an editor's save, ``cp``) is never
loaded, even when the part written so far parses (that served half-English pages).  The file
is read once: the checker and the loader see the same bytes, and the size and time are taken
from the open file before and after the read (a file that changed while it was read is not
settled).  An edit that does not parse, or fails the checker, keeps the last good version in
service and is reported by :meth:`CatalogStore.status` (and so by ``/readyz``); it is never
kept as the last good one.

The last good version is also kept on disk, compiled, beside the catalog
(``.messages.last-good.mo``): a worker that starts (or is recycled) while the ``.po`` is
broken serves that, so every worker serves the same strings and reports the same state.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..fileio import atomic_write
from . import previous
from .check import check_catalog
from .paths import po_path

LAST_GOOD = ".messages.last-good.mo"


class Loaded(NamedTuple):
    locale: str
    mo: bytes
    etag: str
    stamp: tuple[int, int]
    translations: gettext.GNUTranslations

    def messages(self) -> dict[str, Any]:
        """msgid -> msgstr (a list for plural entries); a context is written
        ``context\\u0004msgid`` as in gettext's own .mo files and Jed."""
        out: dict[str, Any] = {}
        catalog: dict[Any, str] = self.translations._catalog  # type: ignore[attr-defined]
        for key, value in catalog.items():
            if key == "":
                continue
            if isinstance(key, tuple):
                out.setdefault(key[0], []).append(value)
            else:
                out[key] = value
        return out


#: Seconds a catalog file must stay unchanged (size and modification time) before it is loaded.
SETTLE = 1.0


class NotSettled(Exception):
    """The file changed while it was read: read it again at a later look."""


class CatalogStore:
    """Compiled catalogs by locale, from ``<root>/<locale>/LC_MESSAGES/messages.po``.

    ``settle``: see :data:`SETTLE`; ``clock``/``wall``: the monotonic and the file-system
    clocks (tests drive them)."""

    def __init__(self, root: Path, settle: float = SETTLE, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.root = root
        self.settle = settle
        self._clock, self._wall = clock, wall
        self._loaded: dict[str, Loaded] = {}
        self._errors: dict[str, str] = {}
        self._failed: dict[str, tuple[int, int]] = {}  # stamp of a file that failed to load
        self._seen: dict[str, tuple[tuple[int, int], float]] = {}  # a new stamp, first seen
        self._lock = threading.Lock()

    def _stamp(self, path: Path) -> tuple[int, int]:
        stat = path.stat()
        return (stat.st_mtime_ns, stat.st_size)

    def _settled(self, locale: str, stamp: tuple[int, int]) -> bool:
        """True once ``stamp`` has stayed the same for ``settle`` seconds (two looks), or
        was already that old at the first look."""
        now = self._clock()
        seen = self._seen.get(locale)
        if seen is None or seen[0] != stamp:
            self._seen[locale] = (stamp, now)
            return self._wall() - stamp[0] / 1e9 >= self.settle
        return now - seen[1] >= self.settle

    @staticmethod
    def _read(path: Path) -> tuple[bytes, tuple[int, int]]:
        """The file's bytes and the stamp they belong to (NotSettled: it changed meanwhile)."""
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            data = handle.read()
            after = os.fstat(handle.fileno())
        stamp = (before.st_mtime_ns, before.st_size)
        if stamp != (after.st_mtime_ns, after.st_size) or len(data) != before.st_size:
            raise NotSettled(str(path))
        return data, stamp

    def _load(self, locale: str, path: Path, data: bytes, stamp: tuple[int, int]) -> Loaded:
        # The site formats every string (Jinja's newstyle gettext): a stray % is refused here,
        # so the last good catalog stays in service instead of every page answering 500.
        # Checked and loaded from the same bytes: a file swapped between a check and a load
        # was served (and kept as the last good one) without being checked.
        errors = [p for p in check_catalog(path, locale=locale, always_format=True, data=data)
                  if p.severity == "error"]
        if errors:
            raise ValueError(str(errors[0]))
        plain, _ = previous.lift(data.decode("utf-8", "replace"))  # #~| lines aside, as
        catalog = read_po(io.BytesIO(plain.encode("utf-8")), locale=locale)  # read_catalog does
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        mo = buffer.getvalue()
        self._keep_last_good(path.with_name(LAST_GOOD), mo)
        return self._loaded_from(locale, mo, stamp)

    @staticmethod
    def _loaded_from(locale: str, mo: bytes, stamp: tuple[int, int]) -> Loaded:
        translations = gettext.GNUTranslations(io.BytesIO(mo))
        etag = hashlib.sha256(mo).hexdigest()[:32]
        return Loaded(locale, mo, etag, stamp, translations)

    @staticmethod
    def _keep_last_good(path: Path, mo: bytes) -> None:
        try:
            if not path.exists() or path.read_bytes() != mo:
                atomic_write(path, mo)
        except OSError:
            pass  # a read-only tree: workers then agree only while the .po stays good

    def _last_good(self, locale: str, path: Path, stamp: tuple[int, int]) -> Loaded | None:
        try:
            mo = path.with_name(LAST_GOOD).read_bytes()
            return self._loaded_from(locale, mo, stamp)
        except (OSError, ValueError):
            return None

    def get(self, locale: str) -> Loaded | None:
        """The catalog of ``locale``, reloaded if its file changed and has settled; None if
        there never was a good one."""
        path = po_path(self.root, locale)
        with self._lock:
            current = self._loaded.get(locale)
            try:
                stamp = self._stamp(path)
            except OSError as exc:
                self._errors[locale] = f"{path}: {exc.strerror}"
                return current
            if current is not None and current.stamp == stamp:
                return current
            if self._failed.get(locale) == stamp:
                return current  # the same broken file: checked once, not at every request
            if not self._settled(locale, stamp):
                if current is None:  # a fresh worker: the last good version, if there is one
                    current = self._last_good(locale, path, (0, -1))
                    if current is not None:
                        self._loaded[locale] = current
                        return current
                else:
                    return current
            try:
                data, stamp = self._read(path)
            except NotSettled:
                self._seen.pop(locale, None)
                return current if current is not None else self._last_good(locale, path,
                                                                            (0, -1))
            except OSError as exc:
                self._errors[locale] = f"{path}: {exc.strerror}"
                return current
            try:
                loaded = self._load(locale, path, data, stamp)
            except Exception as exc:  # a broken edit: keep serving the last good version
                self._errors[locale] = str(exc)
                self._failed[locale] = stamp
                if current is None:  # a fresh worker: the last good version from disk
                    current = self._last_good(locale, path, stamp)
                    if current is not None:
                        self._loaded[locale] = current
                return current
            self._loaded[locale] = loaded
            self._errors.pop(locale, None)
            self._failed.pop(locale, None)
            return loaded

    def status(self, locales: tuple[str, ...]) -> dict[str, tuple[str, str]]:
        """Per locale, ``(state, detail)``: state ``"ok"``, ``"degraded"`` (the last edit is
        broken; the last good version is served) or ``"missing"`` (never loaded)."""
        result = {}
        for locale in locales:
            loaded = self.get(locale)
            error = self._errors.get(locale, "")
            if loaded is None:
                result[locale] = ("missing", error or "not loaded")
            elif error:
                result[locale] = ("degraded", f"{error} (serving the last good version)")
            else:
                result[locale] = ("ok", "ok")
        return result
