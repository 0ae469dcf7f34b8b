"""Unicode line breaking (UAX #14) exactly as GNU gettext 0.21 applies it, table-driven.

``msgcat`` breaks a PO string with libunistring's ``ulc_width_linebreaks``: a pair table of
UAX #14's classes (the class of the last character that is not a space, the class of this one,
and whether spaces came between), a few rules outside the table (combining marks, zero-width
joiner and space, regional-indicator pairs, a Hebrew letter's hyphen), then a greedy choice of
the last opportunity that still fits.  This module does the same in one pass over the text.
The class and column width of each character come from ``data/linebreak.txt`` (built by
``tools/build_linebreak.py``: Unicode 14.0, the data libunistring 1.0 has), looked up once per
distinct character through ``str.translate``.

>>> possible_breaks("Run (now) a.b")
[4, 10, 12]
>>> width_breaks("Kratak red i jos jedan", 10, 0)
[7, 17]
>>> text_width("Ćao 日本")
8
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection
from pathlib import Path

DATA = Path(__file__).with_name("data") / "linebreak.txt"

#: The classes of the pair table, in its order; OW is an East Asian opening bracket (LB30
#: lets it follow a letter or digit), EB also stands for a potential future emoji (LB30b).
PAIR_CLASSES = ("OP CL CP QU GL NS EX SY IS PR PO NU AL HL ID IN HY BA BB B2 WJ H2 H3 JL JV JT "
                "RI EB EM OW").split()
#: The classes the rules outside the table handle.
OTHER_CLASSES = ("CM", "ZWJ", "SP", "ZW", "BK")
CLASSES = (*PAIR_CLASSES, *OTHER_CLASSES)

# The pair table (UAX #14 Table 2 as libunistring 1.0 resolves it): row = the class before
# (spaces skipped), column = the class after, in PAIR_CLASSES order.  "_" a direct break
# opportunity, "%" an indirect one (only after spaces), "^" no break even after spaces.
# libunistring's own deviations from Unicode show here: IS before AL may break (so that
# "text.</p>" can), a quotation mark never breaks before an opening bracket (the older LB15).
_PAIRS = (
    "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",  # OP
    "_^^%%^^^^%%____%%%__^_________",  # CL
    "_^^%%%^^^%%%%%_%%%__^_________",  # CP
    "^^^%%%^^^%%%%%%%%%%%^%%%%%%%%^",  # QU
    "%^^%%%^^^%%%%%%%%%%%^%%%%%%%%%",  # GL
    "_^^%%%^^^______%%%__^_________",  # NS
    "_^^%%%^^^______%%%__^_________",  # EX
    "_^^%%%^^^__%_%_%%%__^_________",  # SY
    "_^^%%%^^^__%___%%%__^_________",  # IS
    "%^^%%%^^^__%%%%%%%__^%%%%%_%%%",  # PR
    "%^^%%%^^^__%%%_%%%__^________%",  # PO
    "%^^%%%^^^%%%%%_%%%__^_________",  # NU
    "%^^%%%^^^%%%%%_%%%__^_________",  # AL
    "%^^%%%^^^%%%%%_%%%__^_________",  # HL
    "_^^%%%^^^_%____%%%__^_________",  # ID
    "_^^%%%^^^______%%%__^_________",  # IN
    "_^^%_%^^^__%___%%%__^_________",  # HY
    "_^^%_%^^^______%%%__^_________",  # BA
    "%^^%%%^^^%%%%%%%%%%%^%%%%%%%%%",  # BB
    "_^^%%%^^^______%%%_^^_________",  # B2
    "%^^%%%^^^%%%%%%%%%%%^%%%%%%%%%",  # WJ
    "_^^%%%^^^_%____%%%__^___%%____",  # H2
    "_^^%%%^^^_%____%%%__^____%____",  # H3
    "_^^%%%^^^_%____%%%__^%%%%_____",  # JL
    "_^^%%%^^^_%____%%%__^___%%____",  # JV
    "_^^%%%^^^_%____%%%__^____%____",  # JT
    "_^^%%%^^^______%%%__^_____%___",  # RI
    "_^^%%%^^^_%____%%%__^_______%_",  # EB
    "_^^%%%^^^_%____%%%__^_________",  # EM
    "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",  # OW
)
_N = len(CLASSES)
(_OP, _CL, _CP, _QU, _GL, _NS, _EX, _SY, _IS, _PR, _PO, _NU, _AL, _HL, _ID, _IN, _HY, _BA, _BB,
 _B2, _WJ, _H2, _H3, _JL, _JV, _JT, _RI, _EB, _EM, _OW, _CM, _ZWJ, _SP, _ZW, _BK) = range(_N)
_HL_BA = _N  # not a class: a Hebrew letter's hyphen or break-after, which LB21a glues on
# _BREAK[last * _N + this]: 2 direct, 1 indirect, 0 prohibited.
_BREAK = bytes(b for row in _PAIRS for b in (*("^%_".index(c) for c in row),
                                             *(0,) * len(OTHER_CLASSES)))

# A character's code for the one-pass loop: class * 3 + column width.
_CLASS_OF = bytes(code // 3 for code in range(_N * 3))
_WIDTH_OF = bytes([code % 3 for code in range(_N * 3)] + [0] * (256 - _N * 3))
POSSIBLE, MANDATORY = 2, 3


class _Codes(dict[int, str]):
    """code point -> its one-character code, looked up in the table on first sight."""

    def __init__(self, starts: list[int], codes: str) -> None:
        super().__init__()
        self._starts, self._codes = starts, codes

    def __missing__(self, cp: int) -> str:
        code = self._codes[bisect.bisect_right(self._starts, cp) - 1]
        self[cp] = code
        return code


@functools.cache
def _table() -> _Codes:
    starts: list[int] = []
    codes: list[str] = []
    index = {name: number for number, name in enumerate(CLASSES)}
    with open(DATA, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            span, name, width = line.split()
            starts.append(int(span.partition("..")[0], 16))
            codes.append(chr(index[name] * 3 + int(width)))
    table = _Codes(starts, "".join(codes))
    for cp in range(0xD800, 0xE000):  # lone surrogates: not characters, never broken at
        table[cp] = chr(_AL * 3 + 1)
    return table


def _encode(text: str) -> bytes:
    return text.translate(_table()).encode("latin-1")


def text_width(text: str) -> int:
    """The columns ``text`` takes on a terminal, as libunistring's ``uc_width`` counts them
    (combining marks 0, East Asian wide characters 2, control characters 0)."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(_encode(text).translate(_WIDTH_OF))


# A run of one repeated character of these classes changes nothing after its first character
# (no break inside it, the same state after it): the loop visits only the first.
_SAME = re.compile(b"|".join(re.escape(bytes([cls * 3 + width])) + b"+"
                             for cls in (_AL, _NU, _HL, _SP, _CM) for width in (0, 1, 2))
                   + b"|.", re.DOTALL)


def _kinds(codes: bytes) -> bytearray:
    """The kind of break before each character: 0 none, POSSIBLE or MANDATORY."""
    kinds = bytearray(len(codes))
    pairs = _BREAK
    last = prev = _BK
    seen_space = False
    regional = 0  # regional indicators right before this character
    for step in _SAME.finditer(codes):
        i = step.start()
        this = codes[i] // 3
        if this == _BK:
            kinds[i] = MANDATORY
            last = _BK
            seen_space = False
        elif this == _SP:
            seen_space = True
        elif this == _ZW:
            last = _ZW
            seen_space = False
        elif this in (_CM, _ZWJ):
            # LB9: X CM is X; after a space, a zero width space or at the start it is AL.
            if last == _BK:
                last, seen_space = _AL, False
            elif last == _ZW or seen_space:
                kinds[i] = POSSIBLE
                last, seen_space = _AL, False
        else:
            if last == _BK or prev in (_ZWJ, _HL_BA):
                pass  # LB2 (start of text), LB8a (after ZWJ), LB21a (HL HY × / HL BA ×)
            elif last == _ZW:
                kinds[i] = POSSIBLE  # LB8
            elif last == _RI and this == _RI:
                if seen_space or regional % 2 == 0:
                    kinds[i] = POSSIBLE  # LB30a: flags pair up
            else:
                allowed = pairs[last * _N + this]
                if allowed == 2 or (allowed == 1 and seen_space):
                    kinds[i] = POSSIBLE
            last, seen_space = this, False
        prev = _HL_BA if prev == _HL and this in (_HY, _BA) else this
        regional = regional + 1 if this == _RI else 0
    return kinds


def possible_breaks(text: str) -> list[int]:
    """The indices before which UAX #14, as gettext applies it, allows a line break."""
    return [i for i, kind in enumerate(_kinds(_encode(text))) if kind == POSSIBLE]


def break_kinds(text: str) -> bytes:
    """Per character, libunistring's own code: 1 no break before it, 2 possible, 3 mandatory
    (what ``u32_possible_linebreaks`` writes; for comparing with it)."""
    return bytes(kind or 1 for kind in _kinds(_encode(text)))


class Opportunities:
    """A text's break opportunities (after gettext's overrides) and column widths, computed
    once: :meth:`breaks` lays it out for any width and start column."""

    def __init__(self, text: str, prohibited: Collection[int] = ()) -> None:
        codes = _encode(text)
        self.kinds = _kinds(codes)
        for index in prohibited:
            self.kinds[index] = 0
        self.widths = codes.translate(_WIDTH_OF)

    def breaks(self, width: int, start_column: int) -> list[int]:
        """Where ``u32_width_linebreaks`` breaks the text for lines of ``width`` columns, the
        first starting at ``start_column``: the indices a line break goes before."""
        widths = self.widths
        result: list[int] = []
        last_p = -1
        last_column, piece_width = start_column, 0
        start = 0
        for i, kind in enumerate(self.kinds):
            if not kind:
                continue
            piece_width += sum(widths[start:i])
            start = i
            if last_p >= 0 and last_column + piece_width > width:
                result.append(last_p)
                last_column = 0
            if kind == MANDATORY:  # the line separator itself takes no column
                last_p, last_column, piece_width = -1, 0, 0
                start = i + 1
            else:
                last_p, last_column, piece_width = i, last_column + piece_width, 0
        piece_width += sum(widths[start:])
        if last_p >= 0 and last_column + piece_width > width:
            result.append(last_p)
        return result


def width_breaks(text: str, width: int, start_column: int,
                 prohibited: Collection[int] = ()) -> list[int]:
    """Where ``u32_width_linebreaks`` breaks ``text`` for lines of ``width`` columns, the first
    starting at ``start_column``: the indices a line break goes before.  ``prohibited`` are
    indices where no break may go (gettext's overrides: inside an escape sequence)."""
    return Opportunities(text, prohibited).breaks(width, start_column)
