"""What derive wrote into a derived catalog, kept next to it where translators do not read it.

``derive`` notes, for each entry it translated, a short hash of the text it wrote; a text on
disk that no longer has its hash was edited by hand (a *conflict*).  The hashes live in a
sidecar file beside the catalog (``messages.po`` -> ``messages.derived.json``), not in the
catalog: Poedit and Weblate show a catalog's ``#.`` comments to translators as notes.  Older
catalogs carried them as ``#. derived: <hash>`` comments; :func:`legacy_marker` still reads
those, and the next derive moves them here.

>>> key(None, "Search", False), key("month", "May", False), key(None, "Old", True)
('Search', 'month\\x04May', '#~Old')
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CatalogError
from ..fileio import atomic_write

if TYPE_CHECKING:
    import polib

SUFFIX = ".derived.json"
FORMAT = "translit-service derived hashes 1"
LEGACY_MARKER = "derived: "


def sidecar(catalog: str | Path) -> Path:
    """The sidecar of ``catalog`` (``…/messages.po`` -> ``…/messages.derived.json``)."""
    path = Path(catalog)
    return path.with_name(path.stem + SUFFIX)


def key(context: str | None, msgid: str, obsolete: bool) -> str:
    """The sidecar's key of an entry: ``context\\x04msgid`` as in .mo files, ``#~`` first
    for an obsolete one."""
    return ("#~" if obsolete else "") + (f"{context}\x04" if context is not None else "") + msgid


def entry_key(entry: polib.POEntry) -> str:
    return key(entry.msgctxt, entry.msgid, bool(entry.obsolete))


def texts(entry: polib.POEntry) -> tuple[str, ...]:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural, key=int))
    return (entry.msgstr,)


def text_hash(entry: polib.POEntry) -> str:
    """The hash of an entry's translation (all its plural forms)."""
    return hashlib.sha1("\x00".join(texts(entry)).encode("utf-8")).hexdigest()[:10]


def legacy_marker(entry: polib.POEntry) -> str | None:
    """The hash of an old ``#. derived: <hash>`` comment, if the entry has one."""
    for line in (entry.comment or "").splitlines():
        if line.startswith(LEGACY_MARKER):
            return line[len(LEGACY_MARKER):].strip()
    return None


def drop_legacy_marker(entry: polib.POEntry) -> None:
    entry.comment = "\n".join(line for line in (entry.comment or "").splitlines()
                              if not line.startswith(LEGACY_MARKER))


def read(catalog: str | Path) -> dict[str, str]:
    """The hashes beside ``catalog`` (none when there is no sidecar)."""
    path = sidecar(catalog)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(f"cannot read the derived hashes: {exc}", str(path)) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in entries.items()):
        raise CatalogError("not a derived-hashes file", str(path))
    return entries


def dumps(hashes: Mapping[str, str]) -> str:
    """The sidecar's text: one entry a line, sorted, so that its diffs read well."""
    return json.dumps({"format": FORMAT, "entries": dict(sorted(hashes.items()))},
                      ensure_ascii=False, indent=1) + "\n"


def write(catalog: str | Path, hashes: Mapping[str, str]) -> bool:
    """Write the sidecar of ``catalog`` (atomically) unless it says this already; return
    whether it wrote.  No hashes and no sidecar: nothing is written."""
    path = sidecar(catalog)
    text = dumps(hashes)
    try:
        if path.read_text("utf-8") == text:
            return False
    except FileNotFoundError:
        if not hashes:
            return False
    atomic_write(path, text)
    return True
