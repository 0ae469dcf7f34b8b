"""The header entry of a PO text (``msgid ""``): read its fields, write them back, and compare
two catalogs without the lines that only say *when* or *with which tool* they were written.

Babel drops the header fields it does not know (``X-Generator: Poedit 3.4.2``, ``X-Poedit-*``,
``X-Crowdin-*``) and writes its own ``Generated-By: Babel <version>``; :func:`merge_fields`
puts a translator tool's fields back, and :func:`stable` is what a round that changes nothing
must not change, so that a newer Babel (or a translator's tool) alone never makes a file
"changed".

>>> text = ('msgid ""\\nmsgstr ""\\n"Language: sr_Latn\\\\n"\\n"X-Generator: Poedit 3.4.2\\\\n"\\n'
...         '"Generated-By: Babel 2.19.0\\\\n"\\n\\nmsgid "a"\\nmsgstr "b"\\n')
>>> header_fields(text)
[('Language', 'sr_Latn'), ('X-Generator', 'Poedit 3.4.2'), ('Generated-By', 'Babel 2.19.0')]
>>> stable(text) == stable(text.replace("2.19.0", "2.18.0").replace("3.4.2", "3.5"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .gnu import unescape

#: Fields that only name the tool that wrote the file.
TOOL_FIELDS = frozenset({"generated-by", "x-generator"})
#: Fields that only say when it was written.
DATE_FIELDS = frozenset({"pot-creation-date", "po-revision-date"})
VOLATILE_FIELDS = TOOL_FIELDS | DATE_FIELDS
#: The fields Babel writes itself (the rest are a tool's or a translator's, and are kept).
BABEL_FIELDS = frozenset({
    "project-id-version", "report-msgid-bugs-to", "pot-creation-date", "po-revision-date",
    "last-translator", "language", "language-team", "plural-forms", "mime-version",
    "content-type", "content-transfer-encoding", "generated-by",
})

_QUOTED = re.compile(r'^"(.*)"\s*$')


class _Header:
    """Where the header's msgstr lines are in a list of lines (``start`` to ``end``)."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.start = self.end = -1
        for i, line in enumerate(lines):
            if line.startswith("#") or not line.strip():
                continue
            if line.strip() != 'msgid ""':
                return  # the first entry is not a header
            j = i + 1
            while j < len(lines) and _QUOTED.match(lines[j]):
                j += 1  # a msgid "" continued (never, but do not misread it)
            if j < len(lines) and lines[j].startswith("msgstr "):
                self.start = j
                self.end = j + 1
                while self.end < len(lines) and _QUOTED.match(lines[self.end]):
                    self.end += 1
            return

    def __bool__(self) -> bool:
        return self.start >= 0


def _value(lines: Sequence[str], header: _Header) -> str:
    first = lines[header.start][len("msgstr "):].strip()
    parts = [first, *lines[header.start + 1:header.end]]
    return "".join(unescape(m.group(1)) for p in parts if (m := _QUOTED.match(p.strip())))


def header_fields(text: str) -> list[tuple[str, str]]:
    """The header's ``Name: value`` fields, in order (empty when there is no header)."""
    lines = text.split("\n")
    header = _Header(lines)
    if not header:
        return []
    fields = []
    for line in _value(lines, header).split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields.append((name.strip(), value.strip()))
    return fields


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def with_fields(text: str, fields: Iterable[tuple[str, str]]) -> str:
    """``text`` with its header's fields replaced by ``fields`` (one quoted line each; run
    :func:`~translit_service.catalogs.gnu.gnu_layout` after to wrap long ones)."""
    lines = text.split("\n")
    header = _Header(lines)
    if not header:
        return text
    body = ['msgstr ""'] + [f'"{_quote(name)}: {_quote(value)}\\n"' for name, value in fields]
    return "\n".join([*lines[:header.start], *body, *lines[header.end:]])


def merge_fields(new: str, old: str, *, plural_forms: str | None = None) -> str:
    """``new`` (as Babel wrote it) with the header fields of ``old`` that Babel does not
    write put back after its own, and ``Plural-Forms`` set to ``plural_forms`` when given.

    >>> old = 'msgid ""\\nmsgstr ""\\n"Language: sr\\\\n"\\n"X-Poedit-Basepath: ..\\\\n"\\n'
    >>> new = 'msgid ""\\nmsgstr ""\\n"Language: sr\\\\n"\\n'
    >>> header_fields(merge_fields(new, old))
    [('Language', 'sr'), ('X-Poedit-Basepath', '..')]
    """
    fields = header_fields(new)
    if not fields:
        return new
    if plural_forms is not None:
        fields = [(n, plural_forms if n.lower() == "plural-forms" else v) for n, v in fields]
        if not any(n.lower() == "plural-forms" for n, _ in fields):
            fields.append(("Plural-Forms", plural_forms))
    known = {n.lower() for n, _ in fields}
    fields += [(n, v) for n, v in header_fields(old)
               if n.lower() not in BABEL_FIELDS and n.lower() not in known]
    return with_fields(new, fields)


def stable(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """What two versions of a catalog must share to count as the same: the header fields
    but the dates and tool names, and everything after the header as it is."""
    lines = text.split("\n")
    header = _Header(lines)
    if not header:
        return (), text
    fields = tuple((n, v) for n, v in header_fields(text) if n.lower() not in VOLATILE_FIELDS)
    return fields, "\n".join([*lines[:header.start], *lines[header.end:]])
