"""Search article titles and bodies in either script.

Text and query are folded the same way: to Latin, lower case, diacritics dropped (č -> c,
đ -> dj), markup removed.  So "Bircaninova", "Birčaninova" and "Бирчанинова" all find each
other, and a query typed in Latin finds an article read in Cyrillic.

>>> fold("Конференција у БЕОГРАДУ, ђаци") == fold("konferencija u Beogradu, djaci")
True
"""

from __future__ import annotations

import re
import unicodedata

from .. import engine

_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&[#\w]+;")
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    latin = engine.to_latin(_ENTITY.sub(" ", _TAG.sub(" ", text))).lower()
    latin = latin.replace("đ", "dj")
    decomposed = unicodedata.normalize("NFKD", latin)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " " + _NON_WORD.sub(" ", plain).strip() + " "


def matches(query: str, *texts: str) -> bool:
    """Every word of ``query`` starts a word somewhere in ``texts``."""
    words = fold(query).split()
    if not words:
        return False
    haystack = " ".join(fold(t) for t in texts)
    return all(f" {w}" in haystack for w in words)
