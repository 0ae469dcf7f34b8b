"""Where a project's catalogs live: ``<locales>/<locale>/LC_MESSAGES/messages.po``.

A module of its own, without Babel, so that finding a catalog costs no import of the
extraction machinery.

>>> from pathlib import Path
>>> po_path(Path("locales"), "sr_Cyrl").as_posix()
'locales/sr_Cyrl/LC_MESSAGES/messages.po'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

DOMAIN = "messages"


def po_path(locales_dir: Path, locale: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalogs_under(locales_dir: Path, only: Iterable[str] = ()) -> list[Path]:
    """The ``.po`` files of ``locales_dir`` (all locales, or those in ``only``), sorted."""
    wanted = set(only)
    return sorted(p for p in locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
                  if not wanted or p.parent.parent.name in wanted)
