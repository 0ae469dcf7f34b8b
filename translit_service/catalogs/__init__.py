"""Gettext catalogs: extract, update, compile (Babel), derive and check (polib + our lexer).

This package is the only place that imports polib and ``babel.messages``.
"""

from .check import Problem, Stats, check_catalog, check_text, stats
from .derive import Derived, derive_catalog, derive_text
from .store import CatalogStore
from .workflow import (
    catalogs_under,
    compile_catalog,
    extract,
    po_path,
    same_catalog_text,
    update,
)

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
