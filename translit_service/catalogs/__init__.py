"""Gettext catalogs: extract, update, compile (Babel), derive and check (polib + our lexer).

This package is the only place that imports polib and ``babel.messages``.  Its names are
imported on first use (PEP 562), so that a command that only derives never loads Babel's
extraction machinery, and ``translit --help`` loads none of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .check import Problem, Stats, check_catalog, check_text, stats
    from .derive import Derived, derive_catalog, derive_text
    from .paths import catalogs_under, po_path
    from .store import CatalogStore
    from .workflow import compile_catalog, extract, same_catalog_text, update

_HOME = {
    "Problem": "check", "Stats": "check", "check_catalog": "check", "check_text": "check",
    "stats": "check",
    "Derived": "derive", "derive_catalog": "derive", "derive_text": "derive",
    "CatalogStore": "store",
    "catalogs_under": "paths", "po_path": "paths",
    "compile_catalog": "workflow", "extract": "workflow", "same_catalog_text": "workflow",
    "update": "workflow",
}

__all__ = [
    "CatalogStore",
    "Derived",
    "Problem",
    "Stats",
    "catalogs_under",
    "check_catalog",
    "check_text",
    "compile_catalog",
    "derive_catalog",
    "derive_text",
    "extract",
    "po_path",
    "same_catalog_text",
    "stats",
    "update",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
