"""The catalogs as the running service sees them: loaded once, reloaded when a file changes.

A ``.po`` edited while the server runs is picked up at the next request (the store compares
file modification times and sizes); an edit that does not parse, or fails the checker, keeps
the last good version in service and is reported by :meth:`CatalogStore.status` (and so by
``/readyz``).

The last good version is also kept on disk, compiled, beside the catalog
(``.messages.last-good.mo``): a worker that starts (or is recycled) while the ``.po`` is
broken serves that, so every worker serves the same strings and reports the same state.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import threading
from pathlib import Path
from typing import Any, NamedTuple

from babel.messages.mofile import write_mo

from ..fileio import atomic_write
from .check import check_catalog
from .paths import po_path
from .workflow import read_catalog

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


class CatalogStore:
    """Compiled catalogs by locale, from ``<root>/<locale>/LC_MESSAGES/messages.po``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._loaded: dict[str, Loaded] = {}
        self._errors: dict[str, str] = {}
        self._failed: dict[str, tuple[int, int]] = {}  # stamp of a file that failed to load
        self._lock = threading.Lock()

    def _stamp(self, path: Path) -> tuple[int, int]:
        stat = path.stat()
        return (stat.st_mtime_ns, stat.st_size)

    def _load(self, locale: str, path: Path, stamp: tuple[int, int]) -> Loaded:
        # The site formats every string (Jinja's newstyle gettext): a stray % is refused here,
        # so the last good catalog stays in service instead of every page answering 500.
        errors = [p for p in check_catalog(path, locale=locale, always_format=True)
                  if p.severity == "error"]
        if errors:
            raise ValueError(str(errors[0]))
        catalog = read_catalog(path, locale)
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
        """The catalog of ``locale``, reloaded if its file changed; None if there never was a
        good one."""
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
            try:
                loaded = self._load(locale, path, stamp)
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
