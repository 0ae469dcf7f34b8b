"""Build translit_service/catalogs/data/linebreak.txt: each code point's line-breaking class and
column width as GNU gettext 0.21 (``msgcat``, through libunistring 1.0) sees them.

    python tools/build_linebreak.py            # writes the table (needs uniseg, a dev dependency)
    python tools/build_linebreak.py --check    # and compares every code point with the
                                               # libunistring installed here (Debian: libunistring2)

gettext breaks PO strings with libunistring, which implements UAX #14 on the data of Unicode
14.0; Python 3.11's ``unicodedata`` is Unicode 14.0 as well, but it has no Line_Break property.
So the classes come from uniseg's copy of ``LineBreak.txt`` (Unicode 16.0), for the code points
Unicode 14.0 assigns (``unicodedata``), with:

* the defaults LineBreak.txt gives unassigned code points (ID in the ideograph blocks, PR in
  the currency block, the potential emoji of the Extended_Pictographic ranges as EB: gnulib
  lets them join a following emoji modifier as EB does, LB30b), AL elsewhere;
* the resolutions gnulib makes (AI, SA and XX as AL, CB as ID, CJ as NS; NL, CR and LF as BK
  for a string without newlines; an East Asian opening bracket is OW, which LB30 lets follow
  a letter or digit);
* the classes Unicode 15.0-16.0 changed, put back to what libunistring 1.0 has (``UNICODE_14``
  below: the Brahmic AK/AP/AS/VF/VI split of 15.1, some punctuation and digits).  They were
  found with ``--check``, which compares each code point's breaks in 120 contexts with
  libunistring's own answer, and must stay empty of differences.

Widths are libunistring's ``uc_width`` for a UTF-8 locale: 0 for combining and format
characters (Mn, Me, Cf) and Hangul medial vowels and final consonants, 2 for East Asian Wide
and Fullwidth characters and for the unassigned code points of the CJK blocks, 1 for the rest
(control characters count 0: gettext writes them escaped or not at all).

Licences: the Unicode Character Database is © Unicode, Inc., under the Unicode License v3
(https://www.unicode.org/license.txt); uniseg is MIT.  The table written is data about
Unicode characters, not code from either.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "translit_service" / "catalogs" / "data" / "linebreak.txt"

RESOLVED = {"AI": "AL", "SA": "AL", "XX": "AL", "SG": "AL", "CB": "ID", "CJ": "NS",
            "NL": "BK", "CR": "BK", "LF": "BK",
            # Unicode 15.1's Brahmic classes were letters and combining marks before it.
            "AK": "AL", "AP": "AL", "AS": "AL", "VF": "CM", "VI": "CM"}

# (first, last, class) where Unicode 14.0's Line_Break (as libunistring 1.0 has it) differs
# from uniseg's Unicode 16.0 after RESOLVED.
UNICODE_14: list[tuple[int, int, str]] = [
    (0x0600, 0x0605, "AL"), (0x06DD, 0x06DD, "AL"), (0x0890, 0x0891, "AL"),
    (0x08E2, 0x08E2, "AL"), (0x110BD, 0x110BD, "AL"), (0x110CD, 0x110CD, "AL"),
    (0x19DA, 0x19DA, "AL"), (0x2057, 0x2057, "AL"),
    (0x1B50, 0x1B59, "NU"), (0xA9D0, 0xA9D9, "NU"), (0xAA50, 0xAA59, "NU"),
    (0x11066, 0x1106F, "NU"), (0x11950, 0x11959, "NU"),
    (0x11052, 0x11065, "AL"), (0x1B5C, 0x1B5C, "AL"), (0xA9C1, 0xA9C6, "AL"),
    (0xA9CA, 0xA9CD, "AL"), (0xA9DE, 0xA9DF, "AL"), (0xAA5C, 0xAA5C, "AL"),
    (0x11049, 0x1104D, "AL"), (0x1B61, 0x1B6A, "AL"), (0x1B74, 0x1B7C, "AL"),
    (0xAA40, 0xAA42, "AL"), (0xAA44, 0xAA4B, "AL"), (0x1133D, 0x1133D, "AL"),
    (0x1135D, 0x1135D, "AL"), (0x11EF2, 0x11EF2, "AL"), (0x11EF7, 0x11EF8, "AL"),
    (0xA9CF, 0xA9CF, "AL"),
    (0x1DCD, 0x1DCD, "CM"), (0x1DFC, 0x1DFC, "CM"), (0xFE20, 0xFE2F, "CM"),
    (0x1107F, 0x1107F, "CM"),
    (0x1F10D, 0x1F10F, "ID"), (0x1F16D, 0x1F16F, "ID"), (0x1F1AD, 0x1F1AD, "ID"),
    (0x1F8B0, 0x1F8B1, "ID"),
    (0x2E56, 0x2E56, "CL"), (0x2E58, 0x2E58, "CL"), (0x2E5A, 0x2E5A, "CL"),
    (0x2E5C, 0x2E5C, "CL"),
    (0xFE10, 0xFE10, "IS"), (0xFE13, 0xFE14, "IS"),
]

# Unassigned code points, as LineBreak.txt 14.0 and EastAsianWidth.txt default them.
_IDEOGRAPHS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD),
               (0x30000, 0x3FFFD)]
_CURRENCY = [(0x20A0, 0x20CF)]
# uc_width's wide blocks (gnulib uniwidth/width.c), for code points not yet assigned.
_WIDE_BLOCKS = [(0x1100, 0x115F), (0x2E80, 0x303E), (0x3040, 0x4DBF), (0x4E00, 0xA4CF),
                (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE6F),
                (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x1F200, 0x1F2FF), (0x20000, 0x3FFFF)]
# Vowel signs libunistring counts as spacing although Unicode 14.0 says Mn.
_SPACING_MN = {0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F}


def _within(cp: int, ranges: list[tuple[int, int]]) -> bool:
    return any(first <= cp <= last for first, last in ranges)


def line_class(cp: int) -> str:
    """The class gettext's line breaking gives code point ``cp``."""
    from uniseg.emoji import extended_pictographic
    from uniseg.linebreak import line_break

    ch = chr(cp)
    if unicodedata.category(ch) == "Cn":
        if _within(cp, _IDEOGRAPHS):
            return "ID"
        if _within(cp, _CURRENCY):
            return "PR"
        if extended_pictographic(ch):
            return "EB"
        return "AL"
    name = str(line_break(ch).value)
    name = RESOLVED.get(name, name)
    if name == "OP" and unicodedata.east_asian_width(ch) in ("F", "W", "H"):
        return "OW"
    return name


def column_width(cp: int) -> int:
    ch = chr(cp)
    category = unicodedata.category(ch)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return 0
    if category == "Cn":
        return 2 if _within(cp, _WIDE_BLOCKS) else 1
    if (category in ("Mn", "Me", "Cf") and cp not in _SPACING_MN) \
            or 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def properties() -> Iterator[tuple[int, str, int]]:
    corrections = {cp: name for first, last, name in UNICODE_14
                   for cp in range(first, last + 1)}
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # not characters; a Python str can hold them, UTF-8 cannot
        yield cp, corrections.get(cp) or line_class(cp), column_width(cp)


def ranges() -> list[tuple[int, int, str, int]]:
    out: list[tuple[int, int, str, int]] = []
    for cp, name, width in properties():
        adjacent = out and (out[-1][1] == cp - 1 or (out[-1][1], cp) == (0xD7FF, 0xE000))
        if adjacent and out[-1][2:] == (name, width):
            out[-1] = (out[-1][0], cp, name, width)  # (a range may span the surrogates)
        else:
            out.append((cp, cp, name, width))
    return out


HEADER = """\
# Line-breaking class and column width of every code point, as GNU gettext 0.21 (msgcat,
# libunistring 1.0, Unicode 14.0) sees them; read by translit_service/catalogs/linebreak.py.
# Generated by tools/build_linebreak.py from the Unicode Character Database (uniseg's
# LineBreak.txt 16.0 put back to 14.0, Python's unicodedata 14.0); do not edit by hand.
# Unicode data (c) Unicode, Inc., Unicode License v3 (https://www.unicode.org/license.txt).
# One line a range of code points: first..last class width (hexadecimal code points).
"""


def write(path: Path = OUT) -> int:
    table = ranges()
    lines = [f"{first:04X}..{last:04X} {name} {width}" for first, last, name, width in table]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "\n".join(lines) + "\n", "utf-8")
    return len(lines)


def check() -> int:
    """Every code point's class and width against libunistring's; the number that differ."""
    sys.path.insert(0, str(ROOT))
    from tests.unistring import libunistring, probes

    lib = libunistring()
    if lib is None:
        print("libunistring is not installed here: nothing to compare with", file=sys.stderr)
        return 1
    from translit_service.catalogs import linebreak

    wrong = 0
    for cp, _name, width in properties():
        if lib.width(cp) != width:
            print(f"U+{cp:04X}: width {width}, libunistring {lib.width(cp)}")
            wrong += 1
        for probe in probes(chr(cp)):
            if lib.possible_breaks(probe) != linebreak.break_kinds(probe):
                print(f"U+{cp:04X}: breaks differ from libunistring's in {probe!r}")
                wrong += 1
                break
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare every code point with the installed libunistring")
    args = parser.parse_args()
    count = write()
    print(f"{OUT.relative_to(ROOT)}: {count} ranges")
    if args.check:
        wrong = check()
        print(f"{wrong} code point(s) differ from libunistring")
        sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
