"""Extract, update and compile catalogs in-process through Babel's API (no shelling out).

Every write is atomic (:func:`translit_service.fileio.atomic_write`), and each catalog is
checked before it is compiled: a catalog with errors is reported and left uncompiled, and the
run carries on with the others.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ..errors import CatalogError
from ..fileio import atomic_write, locked
from . import headers, previous, project
from .check import Problem, check_catalog
from .gnu import gnu_layout

WIDTH = 78


def _dump(catalog: Catalog, *, old: bytes = b"", plural_forms: str | None = None,
          **options: bool) -> bytes:
    """The catalog as GNU gettext lays it out, with the header fields of ``old`` (the file
    it was read from) that Babel does not write kept, and ``plural_forms`` when given."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, **options)
    text = _mend_previous(buffer.getvalue()).decode("utf-8")
    text = headers.merge_fields(text, old.decode("utf-8", "replace"), plural_forms=plural_forms)
    return gnu_layout(text).encode("utf-8")


_PREVIOUS_START = re.compile(rb'^#\| (?:msgctxt|msgid|msgid_plural) "')


def _mend_previous(data: bytes) -> bytes:
    """Babel (2.18) wraps a long previous msgid (``#| msgid "…``) over comment lines without
    the quotes, which msgfmt, polib and our lexer reject; put each back on one line.

    >>> print(_mend_previous(b'#| msgid "a long\\n#| text."\\nmsgid "x"\\n').decode(), end="")
    #| msgid "a long text."
    msgid "x"
    """
    lines = data.split(b"\n")
    out: list[bytes] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if _PREVIOUS_START.match(line) and not line.endswith(b'"'):
            parts = [line]
            while i < len(lines) and lines[i].startswith(b"#| ") and not _PREVIOUS_START.match(
                    lines[i]) and not lines[i].startswith(b'#| "'):
                parts.append(lines[i][3:])
                i += 1
                if parts[-1].endswith(b'"'):
                    break
            line = b" ".join(parts)
        out.append(line)
    return b"\n".join(out)


# A call of one of the keywords Babel extracts (_, gettext, ngettext, pgettext…).
_KEYWORD_CALL = re.compile(rb"\b(?:" + b"|".join(re.escape(k.encode()) for k in DEFAULT_KEYWORDS)
                           + rb")\s*\(")
# Extraction methods by the names babel.cfg uses, resolved here instead of through the
# installed packages' entry points (which Babel scans on every run).
_METHODS: dict[str, Any] = {"jinja2": "jinja2.ext:babel_extract"}


def extract_python_calls(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                         options: Any) -> Iterator[Any]:
    """Babel's Python extractor, on the files that call a keyword at all: most of a package
    calls none, and tokenizing it was most of extract's time."""
    data = fileobj.read()
    if not _KEYWORD_CALL.search(data):
        return iter(())
    return extract_python(io.BytesIO(data), keywords, comment_tags, options)


def extract(root: Path, mapping_file: Path, pot: Path) -> int:
    """Extract the UI strings under ``root`` per ``mapping_file`` (babel.cfg) into ``pot``;
    return how many messages were found."""
    with open(mapping_file, encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(mapping_file))  # type: ignore[no-untyped-call]
    methods = dict(_METHODS, python=extract_python_calls)
    method_map = [(pattern, methods.get(method, method)) for pattern, method in method_map]
    catalog = project.template_catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=DEFAULT_KEYWORDS,
        comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    pot.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(pot, _dump(catalog, sort_output=False))
    return len(catalog)


def _stable(data: bytes) -> object:
    """What a no-op run must not change: everything but the header's dates and the names of
    the tools that wrote it (``Generated-By``, ``X-Generator``)."""
    return headers.stable(data.decode("utf-8", "replace"))


def same_catalog_text(a: bytes, b: bytes) -> bool:
    """True when two catalogs' texts differ at most in their header dates and tool names.

    >>> a = b'msgid ""\\nmsgstr ""\\n"Generated-By: Babel 2.18.0\\\\n"\\n'
    >>> same_catalog_text(a, a.replace(b"2.18.0", b"2.19.0"))
    True
    """
    return _stable(a) == _stable(b)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` (atomically) unless the file already says the same apart from its
    dates and tool names, as ``pybabel update --ignore-pot-creation-date`` does: a run that
    changes nothing leaves every file byte for byte as it was, whichever Babel wrote it.
    Returns whether it wrote."""
    try:
        if _stable(path.read_bytes()) == _stable(data):
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True


class Updated(NamedTuple):
    path: Path
    created: bool
    fuzzy: int
    obsolete: int


def update(pot: Path, po: Path, locale: str, *,
           title: str = "the translit-service UI strings") -> Updated:
    """Merge ``pot`` into ``po``: translations kept, changed ones fuzzy (with the previous
    msgid), removed ones kept as obsolete ``#~`` entries; a missing ``po`` is created."""
    with open(pot, "rb") as handle:
        template = read_po(handle)
    with locked(po):
        created = not po.exists()
        old = b""
        lifted: dict[previous.Key, list[str]] = {}
        if created:
            catalog = project.new_catalog(locale, title)
        else:
            old = po.read_bytes()
            try:
                plain, lifted = previous.lift(old.decode("utf-8"))  # Babel refuses #~| lines
                catalog = read_po(io.BytesIO(plain.encode("utf-8")), locale=locale,
                                  abort_invalid=True)
            except Exception as exc:  # Babel raises PoFileError and friends
                raise CatalogError(f"cannot read: {exc}", str(po)) from None
        catalog.update(template, update_header_comment=False, update_creation_date=False)
        if locale == "en":
            # The source language: every message is its own translation (as msgen does),
            # so nobody fills in copies by hand, and a fuzzy guess is never right.
            for message in catalog:
                if message.id and (not message.string or message.fuzzy):
                    message.string = message.id
                    message.flags.discard("fuzzy")
                    message.previous_id = []
        po.parent.mkdir(parents=True, exist_ok=True)
        data = _dump(catalog, old=old, ignore_obsolete=False, include_previous=True,
                     plural_forms=project.plural_forms(locale) if created else None)
        if lifted:
            data = gnu_layout(previous.restore(data.decode("utf-8"), lifted)).encode("utf-8")
        write_if_changed(po, data)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    return Updated(po, created, fuzzy, len(catalog.obsolete))


def compile_catalog(po: Path, *, strict: bool = False) -> tuple[Path | None, list[Problem]]:
    """Check ``po`` and, if it has no errors, write its ``.mo`` beside it (without
    ``strict``, only errors are looked for: warnings never stop a compile)."""
    problems = check_catalog(po, strict=strict, always_format=True, errors_only=not strict)
    if any(p.severity == "error" for p in problems):
        return None, problems
    catalog = read_catalog(po)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    mo = po.with_suffix(".mo")
    atomic_write(mo, buffer.getvalue())
    return mo, problems


def read_catalog(po: Path, locale: str | None = None) -> Catalog:
    """The catalog at ``po`` as Babel reads it, ``#~|`` lines (which Babel misreads) aside."""
    plain, _ = previous.lift(po.read_bytes().decode("utf-8", "replace"))
    return read_po(io.BytesIO(plain.encode("utf-8")), locale=locale)

