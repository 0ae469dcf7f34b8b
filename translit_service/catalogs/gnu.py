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
from itertools import pairwise

from .linebreak import Opportunities, text_width

#: GNU gettext's default page width (``msgcat --width``).
WIDTH = 79

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_UNESCAPES = {v: k for k, v in _ESCAPES.items()} | {"\\": "\\", '"': '"'}
_ESCAPE_TABLE = str.maketrans({ch: "\\" + code for ch, code in _ESCAPES.items()}
                              | {"\\": "\\\\", '"': '\\"'})
_ESCAPED = re.compile(r"\\.", re.DOTALL)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
# A string: its keyword line, then every line that starts with the same prefix and a quote.
_BLOCK = re.compile(r'^((?:#~\| |#~ |#\| )?)(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "'
                    r'[^\n]*\n(?:\1"[^\n]*\n)*', re.MULTILINE)


def _escaped(portion: str) -> tuple[str, list[int]]:
    """The portion as it is written between quotes, and the indices no break may precede:
    the character after an escape's backslash (gettext's overrides; before the backslash
    UAX #14 decides)."""
    text = portion.translate(_ESCAPE_TABLE)
    if "\\" not in text:
        return text, []
    return text, [m.start() + 1 for m in _ESCAPED.finditer(text)]


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
            prohibited.append(len(text) - 2)  # no break right before the final \n
        total = text_width(text)
        opportunities: Opportunities | None = None
        while True:
            start_column = len(prefix) + len(name) + 2 - after_break if first else 0
            if start_column + total <= room:
                breaks = []  # it fits: no UAX #14 pass
            else:
                opportunities = opportunities or Opportunities(text, prohibited)
                breaks = opportunities.breaks(room, start_column)
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
    if "\\" not in quoted:
        return quoted
    return _UNESCAPE.sub(lambda m: _UNESCAPES.get(m.group(1), m.group(0)), quoted)


def _laid_out(quoted: str, opening: int, width: int) -> bool:
    """Whether a string written on one line, ``quoted`` after ``opening`` columns (keyword,
    space and quote), is already what gettext writes: it fits, ends the only ``\\n`` it
    has, and spells its escapes as gettext does."""
    if '"' not in quoted and "\\" not in quoted and quoted.isprintable():
        return opening + text_width(quoted) + 1 <= width  # the common case, quickly
    if "\\" in quoted:
        newline = quoted.find("\\n")
        if (newline != -1 and newline != len(quoted) - 2) or \
                _escaped(unescape(quoted))[0] != quoted:
            return False
    elif quoted.translate(_ESCAPE_TABLE) != quoted:
        return False  # a raw tab or control character gettext would escape
    return opening + text_width(quoted) + 1 <= width


def _relaid(match: re.Match[str], width: int) -> str:
    """One string (its keyword line and continuation lines) as gettext writes it."""
    prefix, name, block = match.group(1), match.group(2), match.group(0)
    opening = match.end(2) - match.start() + 2  # keyword, space and quote
    if block.count("\n") == 1 and block.endswith('"\n') and len(block) > opening + 1 \
            and _laid_out(block[opening:-2], opening, width):
        return block  # one line that fits, as gettext writes it: nothing to do
    lines = block.split("\n")[:-1]
    parts = [lines[0][match.end(2) - match.start() + 1:], *(line[len(prefix):]
                                                           for line in lines[1:])]
    if not all(len(p) >= 2 and p.endswith('"') for p in parts):
        return block  # not ours to mend
    value = unescape("".join(p[1:-1] for p in parts))
    return "\n".join(wrap(name, value, prefix, width)) + "\n"


def gnu_layout(text: str, width: int = WIDTH) -> str:
    """``text``, a PO file, with every string re-wrapped as GNU gettext writes it (see the
    module docstring); what is not a string is left alone."""
    if not text.endswith("\n"):
        text += "\n"
    laid = _BLOCK.sub(lambda match: _relaid(match, width), text)
    return laid.rstrip("\n") + "\n"
