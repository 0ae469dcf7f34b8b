"""GNU libunistring, the library msgcat breaks lines with, called directly (ctypes): the oracle
of catalogs/linebreak.py, a million times faster to ask than msgcat.  ``None`` where it is not
installed (Debian: libunistring2, a dependency of gettext), or is not version 1.0, the one
gettext 0.21 uses and our table follows (Unicode 14.0; 1.2 moved to 15.1's rules)."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Iterable

UTF8 = b"UTF-8"
# The overrides libunistring takes: UC_BREAK_UNDEFINED (keep its own answer), PROHIBITED.
UNDEFINED, PROHIBITED = 0, 1

# One character of each class of catalogs/linebreak.py (and a space, a combining accent, a zero
# width space and a line separator): the contexts a code point is tried in.
REPRESENTATIVES = ('(', '}', ')', '"', "\u00a0", "\u203c", "!", "/", ",", "$", "%", "0", "a",
                   "\u05d0", "\u4e00", "\u2026", "-", "\u2010", "\u00b4", "\u2014", "\u2060",
                   "\uac00", "\uac01", "\u1100", "\u1160", "\u11a8", "\U0001f1e6", "\u261d",
                   "\U0001f3fb", "\u3008", "\u0300", "\u200d", "\u200b", "\u2028")


def probes(ch: str) -> tuple[str, str]:
    """Two strings that put ``ch`` before and after every representative, with and without a
    space between: equal break opportunities in both mean the same class."""
    return ("".join(ch + r for r in REPRESENTATIVES) + ch,
            "".join(f"{ch} {r} " for r in REPRESENTATIVES) + ch)


class Libunistring:
    def __init__(self, lib: ctypes.CDLL) -> None:
        self.version = ctypes.c_int.in_dll(lib, "_libunistring_version").value
        u32 = ctypes.POINTER(ctypes.c_uint32)
        self._possible = lib.u32_possible_linebreaks_v2
        self._possible.argtypes = [u32, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p]
        self._possible.restype = None
        self._width_breaks = lib.u32_width_linebreaks_v2
        self._width_breaks.argtypes = [u32, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                                       ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
                                       ctypes.c_char_p]
        self._width_breaks.restype = ctypes.c_int
        self._uc_width = lib.uc_width
        self._uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
        self._uc_width.restype = ctypes.c_int

    @staticmethod
    def _array(text: str) -> ctypes.Array[ctypes.c_uint32]:
        return (ctypes.c_uint32 * len(text))(*map(ord, text))

    def possible_breaks(self, text: str) -> bytes:
        """One byte a character: 1 no break before it, 2 a break possible, 3 mandatory."""
        out = ctypes.create_string_buffer(len(text))
        self._possible(self._array(text), len(text), UTF8, out)
        return out.raw

    def width_breaks(self, text: str, width: int, start_column: int,
                     prohibited: Iterable[int] = ()) -> list[int]:
        """The indices ``u32_width_linebreaks_v2`` breaks before."""
        overrides = bytearray(len(text))
        for index in prohibited:
            overrides[index] = PROHIBITED
        out = ctypes.create_string_buffer(len(text))
        self._width_breaks(self._array(text), len(text), width, start_column, 0,
                           bytes(overrides), UTF8, out)
        return [i for i, kind in enumerate(out.raw) if kind == 2]

    def width(self, cp: int) -> int:
        """``uc_width``, control characters (-1) as 0."""
        return max(self._uc_width(cp, UTF8), 0)


@functools.cache
def libunistring() -> Libunistring | None:
    for name in ("libunistring.so.2", "libunistring.so.5", ctypes.util.find_library("unistring")):
        if not name:
            continue
        try:
            found = Libunistring(ctypes.CDLL(name))
        except (OSError, AttributeError, ValueError):
            continue
        return found if found.version >> 8 == 0x0100 else None
    return None
