"""TOML string values found where they stand (see :mod:`translit_service.datafiles`).

A small scanner of TOML's grammar (tables, arrays of tables, dotted and quoted keys, inline
tables, arrays, the four kinds of strings) yields each string value's path and offsets; the
document was parsed by ``tomllib`` first, and is parsed again after the rewrite, so the
scanner only has to find strings, never to judge the document.

>>> [p for p, s, e in toml_strings('a = "x"\\n[b.c]\\nd = ["y", {e = "z"}]\\n[[f]]\\ng = "w"')]
[('a',), ('b', 'c', 'd'), ('b', 'c', 'd', 'e'), ('f', 'g')]
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator

from .datafiles import Path, ScanError, load_string

_TOML_STRING = re.compile(r'"""(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"{0,2}"""'
                          r"|'''(?:[^']|'{1,2}(?!'))*'{0,2}'''"
                          r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\n]*\'')
_TOML_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_OTHER = re.compile(r"[^\s,\]}#]+(?:[ T][0-9][^\s,\]}#]*)?")
_TOML_SPACE = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_TOML_INLINE_SPACE = re.compile(r"[ \t]*")


def _toml_key(text: str, pos: int) -> tuple[Path, int]:
    """A dotted key at ``pos``: its parts and where it ends."""
    parts: list[str] = []
    while True:
        pos = _TOML_INLINE_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] in "\"'":
            m = _TOML_STRING.match(text, pos)
            if m is None:
                raise ScanError("an unclosed quoted key", pos)
            parts.append(load_string(m.group(), "TOML"))
        else:
            m = _TOML_BARE_KEY.match(text, pos)
            if m is None:
                raise ScanError("a key expected", pos)
            parts.append(m.group())
        pos = _TOML_INLINE_SPACE.match(text, m.end()).end()  # type: ignore[union-attr]
        if not text.startswith(".", pos):
            return tuple(parts), pos
        pos += 1


def toml_strings(text: str) -> Iterator[tuple[Path, int, int]]:
    """``(path, start, end)`` of every string value of a TOML document (arrays of tables
    and arrays take their key's path).

    >>> [p for p, s, e in toml_strings('a = "x"\\n[b.c]\\nd = ["y", {e = "z"}]\\n[[f]]\\ng = "w"')]
    [('a',), ('b', 'c', 'd'), ('b', 'c', 'd', 'e'), ('f', 'g')]
    """
    table: Path = ()
    pos = 0
    length = len(text)
    while True:
        pos = _TOML_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= length:
            return
        if text[pos] == "[":
            double = text.startswith("[[", pos)
            key, pos = _toml_key(text, pos + (2 if double else 1))
            closer = "]]" if double else "]"
            if not text.startswith(closer, pos):
                raise ScanError("an unclosed table header", pos)
            table, pos = key, pos + len(closer)
            continue
        key, pos = _toml_key(text, pos)
        if not text.startswith("=", pos):
            raise ScanError("'=' expected", pos)
        pos = yield from _toml_value(text, pos + 1, (*table, *key))


def _toml_value(text: str, pos: int, path: Path) -> Generator[tuple[Path, int, int], None, int]:
    """The strings of one value (iterative over nested arrays and inline tables); returns
    where the value ends."""
    stack: list[tuple[str, Path]] = []  # open "[" or "{" with the path inside it
    while True:
        pos = _TOML_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            raise ScanError("a value expected", pos)
        ch = text[pos]
        if stack and ch == ",":
            pos += 1
            continue
        if stack and ch in "]}":
            stack.pop()
            pos += 1
            if not stack:
                return pos
            continue
        if stack and stack[-1][0] == "{":
            key, pos = _toml_key(text, pos)
            if not text.startswith("=", pos):
                raise ScanError("'=' expected", pos)
            pos = _TOML_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            ch = text[pos] if pos < len(text) else ""
            inner: Path = (*stack[-1][1], *key)
        else:
            inner = stack[-1][1] if stack else path
        if ch in "[{":
            stack.append((ch, inner))
            pos += 1
            continue
        if ch in "\"'":
            m = _TOML_STRING.match(text, pos)
            if m is None:
                raise ScanError("an unclosed string", pos)
            yield inner, m.start(), m.end()
        else:
            m = _TOML_OTHER.match(text, pos)
            if m is None:
                raise ScanError(f"unexpected {ch!r}", pos)
        pos = m.end()
        if not stack:
            return pos


_TOML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n",
                 "\f": "\\f", "\r": "\\r"}
_TOML_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_TOML_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


_BASIC_UNSAFE = re.compile(r'[\\"\x00-\x08\x0a-\x1f\x7f]')
_MULTILINE_UNSAFE = re.compile(r'[\\\x00-\x08\x0a-\x1f\x7f]|"(?=""|\Z)')


def _toml_basic(value: str, multiline: bool = False) -> str:
    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        if multiline and ch == "\n":
            return ch
        return _TOML_ESCAPES.get(ch, f"\\u{ord(ch):04X}")

    if multiline:  # a quote is escaped only where it would end the string
        return '"""' + _MULTILINE_UNSAFE.sub(escape, value) + '"""'
    return '"' + _BASIC_UNSAFE.sub(escape, value) + '"'


def toml_literal(source: str, value: str) -> str:
    """``value`` as a TOML string of the kind ``source`` was (a literal string that cannot
    hold it becomes a basic string of the same kind)."""
    lead = "\n" if source[3:4] == "\n" else ""
    if source.startswith("'''"):
        if "'''" not in value and not value.endswith("'") and \
                not _TOML_CONTROL_MULTILINE.search(value):
            return "'''" + lead + value + "'''"
        return '"""' + lead + _toml_basic(value, multiline=True)[3:]
    if source.startswith('"""'):
        return '"""' + lead + _toml_basic(value, multiline=True)[3:]
    if source.startswith("'") and "'" not in value and not _TOML_CONTROL.search(value):
        return "'" + value + "'"
    return _toml_basic(value)
