"""The GNU layout as it was before issue 22: uniseg's UAX #14 (Unicode 16.0, pure Python) and
two of gnulib's rules patched on.  Kept as the baseline of benchmarks/bench_catalogs.py and as
a second opinion in tests/test_gnu_linebreak.py; catalogs/gnu.py no longer uses it.  Known to
differ from msgcat where Unicode 16.0's rules differ from libunistring 1.0's (LB15a/b, LB20a,
LB25, a break at the start of a string) and before an escape's backslash, which it refused."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

from uniseg.linebreak import line_break_boundaries

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_QUOTES = frozenset("\"'«»‘’‚‛“”„‟‹›⹂「」『』")
_OPENERS = frozenset("([{⁅⁽₍〈❨❪❬❮❰❲❴⟅⟦⟨⟪⟬⟮⦃⦅⦇⦉⦋⦍⦏⦑⦓⦕⦗⧘⧚⧼〈《「『【〔〖〘〚〝（［｛｟｢")
_INFIX = frozenset(".,:;")


def _width(ch: str) -> int:
    if unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _escaped(portion: str) -> tuple[str, set[int]]:
    out: list[str] = []
    prohibited: set[int] = set()
    for ch in portion:
        if ch in _ESCAPES or ch in '\\"':
            prohibited.update((len(out), len(out) + 1))
            out += ["\\", _ESCAPES.get(ch, ch)]
        else:
            out.append(ch)
    return "".join(out), prohibited


def possible_breaks(text: str) -> list[int]:
    """uniseg's opportunities with gnulib's older LB15 (QU SP* × OP) and IS ÷ AL."""
    possible = {b for b in line_break_boundaries(text) if 0 < b < len(text)}
    for b in list(possible):
        j = b - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j] in _QUOTES and text[b] in _OPENERS:
            possible.discard(b)
    for b in range(1, len(text)):
        if text[b - 1] in _INFIX and text[b].isalpha():
            possible.add(b)
    return sorted(possible)


def _breaks(text: str, prohibited: set[int], width: int, start_column: int) -> list[int]:
    possible = set(possible_breaks(text)) - prohibited
    result: list[int] = []
    last_p: int | None = None
    last_column, piece_width = start_column, 0
    for i, ch in enumerate(text):
        if i in possible:
            if last_p is not None and last_column + piece_width > width:
                result.append(last_p)
                last_column = 0
            last_p, last_column, piece_width = i, last_column + piece_width, 0
        piece_width += _width(ch)
    if last_p is not None and last_column + piece_width > width:
        result.append(last_p)
    return result


def wrap(name: str, value: str, prefix: str = "", width: int = 79) -> list[str]:
    """The lines of keyword ``name`` with string ``value``, as catalogs/gnu.py wrote them."""
    portions: list[str] = []
    start = 0
    while True:
        end = value.find("\n", start)
        if end == -1 or end + 1 == len(value):
            portions.append(value[start:])
            break
        portions.append(value[start:end + 1])
        start = end + 1
    after_break = len(prefix) + 1
    room = width - 1 - after_break
    lines: list[str] = []
    first = True
    for number, portion in enumerate(portions):
        text, prohibited = _escaped(portion)
        if portion.endswith("\n"):
            prohibited.add(len(text) - 2)
        while True:
            start_column = len(prefix) + len(name) + 2 - after_break if first else 0
            breaks = _breaks(text, prohibited, room, start_column)
            if first and text and (number + 1 < len(portions) or breaks):
                lines.append(f'{prefix}{name} ""')
                first = False
                continue
            break
        for a, b in pairwise([0, *breaks, len(text)]):
            piece = f'"{text[a:b]}"'
            lines.append(f"{prefix}{name} {piece}" if first else prefix + piece)
            first = False
    return lines
