"""Catalogs as lists of units, for callers that must not know polib or Babel (the articles).

* :func:`write_template`: a ``.pot`` from units (context, msgid, location, comment);
* :func:`read_translations`: (msgctxt, msgid) -> msgstr of the finished entries of a ``.po``;
* :func:`prefill`: fill untranslated entries of a ``.po`` from a lookup (translation memory);
* :func:`catalog_stats`: the counts of a ``.po`` file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

import polib
from babel.messages.pofile import write_po

from ..errors import CatalogError
from ..fileio import atomic_write, locked
from . import project as project_values
from .check import Stats, stats
from .gnu import gnu_layout
from .workflow import write_if_changed

WIDTH = 78


class Unit(NamedTuple):
    """One translatable unit of a template."""

    msgid: str
    context: str | None
    location: tuple[str, int]
    comment: str


class Suggestion(NamedTuple):
    """What a lookup proposes for an untranslated msgid."""

    msgstr: str
    exact: bool
    previous_msgid: str  # the msgid the suggestion was translated from
    note: str  # a translator comment for fuzzy suggestions


class Prefilled(NamedTuple):
    total: int
    translated: int
    fuzzy: int
    exact: int
    close: int


def write_template(path: Path, units: Iterable[Unit], project: str) -> None:
    """Write a ``.pot`` holding ``units``, atomically."""
    template = project_values.template_catalog(title=project, project=project)
    for unit in units:
        template.add(unit.msgid, context=unit.context, locations=[unit.location],
                     auto_comments=[unit.comment] if unit.comment else [])
    buffer = io.BytesIO()
    write_po(buffer, template, width=WIDTH)
    # Unchanged units leave the file as it was (its POT-Creation-Date included).
    write_if_changed(path, gnu_layout(buffer.getvalue().decode("utf-8")).encode("utf-8"))


def _read(path: Path | str) -> polib.POFile:
    try:
        return polib.pofile(str(path), wrapwidth=WIDTH)
    except (OSError, ValueError) as exc:
        raise CatalogError(str(exc), str(path)) from None


def read_translations(path: Path | str) -> dict[tuple[str | None, str], str]:
    """(msgctxt, msgid) -> msgstr for the finished (translated, not fuzzy) entries."""
    return {(e.msgctxt, e.msgid): e.msgstr for e in _read(path)
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


def prefill(path: Path, lookup: Callable[[str], Suggestion | None]) -> Prefilled:
    """Fill the untranslated entries of the ``.po`` at ``path`` from ``lookup``: exact
    suggestions as translations, close ones fuzzy with the previous msgid and a note."""
    with locked(path):
        po = _read(path)
        exact = close = 0
        for entry in po:
            if entry.obsolete or entry.msgstr or "fuzzy" in entry.flags:
                continue
            found = lookup(entry.msgid)
            if found is None:
                continue
            entry.msgstr = found.msgstr
            if found.exact:
                exact += 1
            else:
                close += 1
                entry.flags.append("fuzzy")
                entry.previous_msgid = found.previous_msgid
                entry.tcomment = "\n".join(filter(None, [entry.tcomment, found.note]))
        if exact or close:
            atomic_write(path, gnu_layout(str(po)))
    numbers = stats(po)
    return Prefilled(numbers.total, numbers.translated, numbers.fuzzy, exact, close)


def catalog_stats(path: Path | str) -> Stats:
    """Total, translated, fuzzy and untranslated entries of the ``.po`` at ``path``."""
    return stats(_read(path))
