"""A faster ``str.translate`` for text that fits in an 8-bit code page.

``str.translate`` looks every character up in a dict, creating an int object for each one
above U+00FF: on Serbian text that is most of the time the engine spends.  CPython's charmap
codecs do the same mapping in C without creating objects: ``codecs.charmap_encode`` walks a
compiled trie (``codecs.charmap_build``) from characters to bytes, and ``codecs.charmap_decode``
maps the bytes back through a table.  A :class:`CodePage` lays the characters a run is
expected to hold (ASCII, the letters to convert, the letters earlier steps produce, common
punctuation) out on 256 byte values, converts through encode and decode, and answers None when
a character does not fit, so that the caller falls back to ``str.translate``.

>>> page = CodePage({"a": "а", "b": "б"}, passthrough="„“")
>>> page("ab „c“"), page("ab ☃")
('аб „c“', None)
"""

from __future__ import annotations

import codecs
import threading
from collections.abc import Callable, Mapping

_UNDEFINED = "\ufffe"  # what the charmap codecs read as "no character here"
_OUTSIDE = threading.local()  # the runs of characters outside the page, found by _mark


def _mark(error: UnicodeError) -> tuple[str, int]:
    """The encoder's error handler: note the run of characters outside the page, and encode
    NULs in its place (the caller copies the run itself)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    runs = _OUTSIDE.runs
    if len(runs) >= 64 and len(runs) * 32 > error.end:
        raise _Scattered  # a text full of such characters: one str.translate is cheaper
    runs.append((error.start, error.end))
    return "\x00" * (error.end - error.start), error.end


class _Scattered(Exception):
    pass


codecs.register_error("translit.outside-page", _mark)


class CodePage:
    def __init__(self, mapping: Mapping[str, str], passthrough: str = "") -> None:
        sources: list[str] = [chr(i) for i in range(128)]
        sources += [k for k in mapping if len(k) == 1 and ord(k) >= 128]
        sources += [ch for ch in dict.fromkeys(passthrough) if ch not in mapping and ord(ch) >= 128]
        sources = list(dict.fromkeys(sources))
        if len(sources) > 256:
            raise ValueError(f"{len(sources)} characters do not fit in a code page")
        targets = [mapping.get(ch, ch) for ch in sources]
        self._encoding = codecs.charmap_build("".join(sources).ljust(256, _UNDEFINED))
        if all(len(t) == 1 for t in targets):
            self._decoding: str | dict[int, str] = "".join(targets).ljust(256, _UNDEFINED)
        else:  # one byte to several characters (Љ -> Lj): the dict form of the table
            self._decoding = dict(enumerate(targets))

    def __call__(self, text: str) -> str | None:
        try:
            encoded, _ = codecs.charmap_encode(text, "strict", self._encoding)
        except UnicodeEncodeError:
            return None
        return codecs.charmap_decode(encoded, "strict", self._decoding)[0]

    def convert(self, text: str, outside: Callable[[str], str]) -> str:
        """``text`` through the page, and each run of characters outside it through
        ``outside`` (in Python, once a run: a long text with a few such characters stays in
        C, where ``__call__`` would give up on the whole text).  A text where such runs are
        dense goes through ``outside`` whole: ``outside`` must convert any text.

        >>> CodePage({"a": "а"}).convert("a☃a", lambda run: f"[{run}]")
        'а[☃]а'
        """
        runs: list[tuple[int, int]] = []
        _OUTSIDE.runs = runs
        try:
            encoded, _ = codecs.charmap_encode(text, "translit.outside-page", self._encoding)
        except _Scattered:
            return outside(text)
        decode, table = codecs.charmap_decode, self._decoding
        if not runs:
            return decode(encoded, "strict", table)[0]
        out: list[str] = []
        pos = 0  # one byte a character: positions in ``encoded`` are positions in ``text``
        for start, end in runs:
            if start > pos:
                out.append(decode(encoded[pos:start], "strict", table)[0])
            out.append(outside(text[start:end]))
            pos = end
        if pos < len(encoded):
            out.append(decode(encoded[pos:], "strict", table)[0])
        return "".join(out)
