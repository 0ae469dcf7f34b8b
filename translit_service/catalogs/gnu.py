"""PO text laid out as GNU gettext lays it out (``msgcat``, ``msgmerge``, Poedit), so that a
file saved by any of them and run through our round changes no line nobody touched.

Babel and polib each wrap strings their own way; :func:`gnu_layout` re-wraps every string of a
PO text (``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr``, ``msgstr[n]``, in obsolete
``#~`` and previous ``#|`` entries too) as gettext's ``write-po.c`` does: 79 columns; a string
with a newline inside it, or one too long for its first line, starts with ``""``; one line per
``\\n``-ended portion, each broken where Unicode line breaking (UAX #14, as gnulib's
``ulc_width_linebreaks`` applies it) allows, escapes never split.  The whole file ends with one
newline.  Everything else (comments, references, flags) is copied as it is.

>>> print(gnu_layout('msgid "Short"\\nmsgstr "Kratko"\\n\\n'), end="")
msgid "Short"
msgstr "Kratko"
>>> print("\\n".join(wrap("msgid", "Line one\\nline two")))
msgid ""
"Line one\\n"
"line two"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from uniseg.linebreak import line_break_boundaries

#: GNU gettext's default page width (``msgcat --width``).
WIDTH = 79

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_UNESCAPES = {v: k for k, v in _ESCAPES.items()} | {"\\": "\\", '"': '"'}
# UAX #14 classes QU (quotation marks) and OP (opening punctuation), for the rule below.
_QUOTES = frozenset("\"'«»‘’‚‛“”„‟‹›⹂「」『』")
_OPENERS = frozenset("([{⁅⁽₍〈❨❪❬❮❰❲❴⟅⟦⟨⟪⟬⟮⦃⦅⦇⦉⦋⦍⦏⦑⦓⦕⦗⧘⧚⧼〈《「『【〔〖〘〚〝（［｛｟｢")
_INFIX = frozenset(".,:;")
_STRING = re.compile(r'^((?:#~\| |#~ |#\| )?)(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "')


def _width(ch: str) -> int:
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _escaped(portion: str) -> tuple[str, set[int]]:
    """The portion as it is written between quotes, and the indices no break may precede
    (inside an escape)."""
    out: list[str] = []
    prohibited: set[int] = set()
    for ch in portion:
        if ch in _ESCAPES or ch in '\\"':
            prohibited.update((len(out), len(out) + 1))
            out += ["\\", _ESCAPES.get(ch, ch)]
        else:
            out.append(ch)
    return "".join(out), prohibited


@lru_cache(maxsize=4096)
def _boundaries(text: str) -> tuple[int, ...]:
    """UAX #14's break opportunities in ``text`` (uniseg takes milliseconds on a long string,
    and a round lays the same strings out several times)."""
    return tuple(line_break_boundaries(text))


def _breaks(text: str, prohibited: set[int], width: int, start_column: int) -> list[int]:
    """Where gnulib's greedy ``u8_width_linebreaks`` breaks ``text`` (a break before each
    index returned), given the UAX #14 opportunities."""
    if start_column + sum(map(_width, text)) <= width:
        return []  # it fits: no break is taken, so none need be found
    possible = {b for b in _boundaries(text) if 0 < b < len(text)} - prohibited
    for b in list(possible):
        # gnulib (gettext 0.21) keeps UAX #14's older LB15, QU SP* × OP: no break between a
        # quotation mark, spaces and an opening bracket (Unicode 15.1 narrowed it).
        j = b - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j] in _QUOTES and text[b] in _OPENERS:
            possible.discard(b)
    for b in range(1, len(text)):
        # and breaks after an infix separator before a letter (which LB29, IS × AL, forbids).
        if text[b - 1] in _INFIX and text[b].isalpha() and b - 1 not in prohibited:
            possible.add(b)
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


def wrap(name: str, value: str, prefix: str = "", width: int = WIDTH) -> list[str]:
    """The lines GNU gettext writes for keyword ``name`` with string ``value`` (unescaped),
    each line starting with ``prefix`` (``#~ `` for an obsolete entry)."""
    portions: list[str] = []
    start = 0
    while True:
        end = value.find("\n", start)
        if end == -1 or end + 1 == len(value):
            portions.append(value[start:])
            break
        portions.append(value[start:end + 1])
        start = end + 1
    after_break = len(prefix) + 1  # the opening quote
    room = width - 1 - after_break  # and the closing one
    lines: list[str] = []
    first = True
    for number, portion in enumerate(portions):
        text, prohibited = _escaped(portion)
        if portion.endswith("\n"):
            prohibited.add(len(text) - 2)  # no break right before the final \n
        while True:
            start_column = len(prefix) + len(name) + 2 - after_break if first else 0
            breaks = _breaks(text, prohibited, room, start_column)
            if first and text and (number + 1 < len(portions) or breaks):
                lines.append(f'{prefix}{name} ""')
                first = False
                continue
            break
        cuts = [0, *breaks, len(text)]
        for a, b in pairwise(cuts):
            piece = f'"{text[a:b]}"'
            lines.append(f"{prefix}{name} {piece}" if first else prefix + piece)
            first = False
    return lines


def unescape(quoted: str) -> str:
    """The text a quoted PO string (without its quotes) stands for."""
    out: list[str] = []
    i = 0
    while i < len(quoted):
        ch = quoted[i]
        if ch == "\\" and i + 1 < len(quoted):
            out.append(_UNESCAPES.get(quoted[i + 1], "\\" + quoted[i + 1]))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def gnu_layout(text: str, width: int = WIDTH) -> str:
    """``text``, a PO file, with every string re-wrapped as GNU gettext writes it (see the
    module docstring); what is not a string is left alone."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _STRING.match(line)
        if match is None:
            out.append(line)
            i += 1
            continue
        prefix, name = match.group(1), match.group(2)
        parts = [line[match.end() - 1:]]
        i += 1
        while i < len(lines) and lines[i].startswith(prefix + '"'):
            parts.append(lines[i][len(prefix):])
            i += 1
        if not all(len(p) >= 2 and p.endswith('"') for p in parts):
            out.extend([line, *(prefix + p for p in parts[1:])])  # not ours to mend
            continue
        value = unescape("".join(p[1:-1] for p in parts))
        out.extend(wrap(name, value, prefix, width))
    return "\n".join(out).rstrip("\n") + "\n"
