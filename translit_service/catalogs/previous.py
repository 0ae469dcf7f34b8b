"""The previous msgid of an obsolete entry (``#~| msgid "…"``), kept through Babel.

msgmerge and Lokalize write the msgid an obsolete entry had before it went fuzzy as ``#~|``
lines; Babel (2.18) refuses them (``abort_invalid``) or misreads them, polib drops them.
:func:`lift` takes them out of a PO text, keyed by the obsolete entry they belong to, and
:func:`restore` puts them back before that entry once Babel has written the catalog again,
so a translator's tool's lines survive the round.

>>> text = '#~| msgid "Old"\\n#~ msgid "Old, changed"\\n#~ msgstr "Staro"\\n'
>>> plain, lifted = lift(text)
>>> plain
'#~ msgid "Old, changed"\\n#~ msgstr "Staro"\\n'
>>> restore(plain, lifted) == text
True
"""

from __future__ import annotations

import re

from .gnu import unescape

_PREVIOUS = re.compile(r"^#~\|")
_OBSOLETE_FIELD = re.compile(r'^#~ (msgctxt|msgid) "(.*)"\s*$')
_OBSOLETE_CONTINUED = re.compile(r'^#~ "(.*)"\s*$')

Key = tuple[str | None, str]


def _key_at(lines: list[str], i: int) -> tuple[Key | None, int]:
    """The (msgctxt, msgid) of the obsolete entry whose fields start at ``lines[i]``, and
    the index after its msgid."""
    fields: dict[str, str] = {}
    while i < len(lines):
        m = _OBSOLETE_FIELD.match(lines[i])
        if m is None or m.group(1) in fields:
            break
        value, i = [m.group(2)], i + 1
        while i < len(lines) and (c := _OBSOLETE_CONTINUED.match(lines[i])):
            value.append(c.group(1))
            i += 1
        fields[m.group(1)] = "".join(unescape(v) for v in value)
        if m.group(1) == "msgid":
            return (fields.get("msgctxt"), fields["msgid"]), i
    return None, i


def lift(text: str) -> tuple[str, dict[Key, list[str]]]:
    """``text`` without its ``#~|`` lines, and those lines by the obsolete entry after them."""
    lines = text.split("\n")
    out: list[str] = []
    lifted: dict[Key, list[str]] = {}
    i = 0
    while i < len(lines):
        if not _PREVIOUS.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        start = i
        while i < len(lines) and _PREVIOUS.match(lines[i]):
            i += 1
        key, _ = _key_at(lines, i)
        if key is None:  # not followed by an obsolete entry: leave them where they are
            out += lines[start:i]
        else:
            lifted[key] = lines[start:i]
    return "\n".join(out), lifted


def restore(text: str, lifted: dict[Key, list[str]]) -> str:
    """``text`` with the lines :func:`lift` took put back before their obsolete entries."""
    if not lifted:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        starts = _OBSOLETE_FIELD.match(lines[i]) and (not out or not out[-1].startswith("#~ "))
        if starts:
            key, end = _key_at(lines, i)
            if key in lifted:
                out += lifted.pop(key)
            out += lines[i:end]
            i = end
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
