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


#: Serbian inflectional endings (folded: no diacritics), longest first.  A query word loses
#: one, if what is left has at least four letters: the rest matches every form of the word.
ENDINGS = tuple(sorted(
    """ama ima ovima evima ove ovi ova ovo oga ome omu ega emu ije iju ima om em im og ih oj
    eg ej a e i o u""".split(), key=len, reverse=True))
MIN_STEM = 4


def stem(word: str) -> str:
    """The part of a (folded) word every one of its forms starts with.

    >>> stem("civilna"), stem("civilnoj"), stem("zastita"), stem("zastiti"), stem("rat")
    ('civiln', 'civiln', 'zastit', 'zastit', 'rat')
    """
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[:-len(ending)]
    return word


def matches(query: str, *texts: str) -> bool:
    """Every word of ``query``, stemmed, starts a word somewhere in ``texts``: "civilna
    zaštita" finds "civilnoj zaštiti", in either script."""
    words = [stem(w) for w in fold(query).split()]
    if not words:
        return False
    haystack = " ".join(fold(t) for t in texts)
    return all(any(f" {form}" in haystack for form in _palatalised(w)) for w in words)


_SOFTER = {"k": "c", "g": "z", "h": "s"}  # vojnik -> vojnici, drug -> druzi, duh -> dusi


def _palatalised(word: str) -> tuple[str, ...]:
    """A stem and, when it ends in k, g or h, its form before -i (sibilarisation)."""
    if len(word) >= MIN_STEM and word[-1] in _SOFTER:
        return word, word[:-1] + _SOFTER[word[-1]]
    return (word,)
