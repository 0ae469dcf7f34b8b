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


_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def snippet(query: str, text: str, width: int = 200) -> list[tuple[str, bool]]:
    """A passage of ``text`` (HTML or plain, in any script) around the first word that
    ``query`` finds, as ``(part, is_match)`` pairs for the caller to mark up; the start of the
    text when no word matches.  The passage is about ``width`` characters, cut at spaces,
    with an ellipsis where it was cut.

    >>> parts = snippet("civilna zaštita", "Vežba civilne zaštite u Obrenovcu", 60)
    >>> [p for p, hit in parts if hit]
    ['civilne', 'zaštite']
    >>> "".join(p for p, _ in snippet("поплава", "Poplave su prošle. " * 3, 30))
    'Poplave su prošle. Poplave su…'
    """
    plain = _SPACE.sub(" ", _ENTITY.sub(" ", _TAG.sub(" ", text))).strip()
    forms = tuple(f for w in fold(query).split() for f in _palatalised(stem(w)))
    hits = [m.span() for m in _WORD.finditer(plain)
            if forms and fold(m.group()).strip().startswith(forms)]
    start = 0
    if hits:
        start = max(0, hits[0][0] - width // 3)
        if start:
            cut = plain.find(" ", start)
            start = cut + 1 if 0 <= cut < hits[0][0] else start
    end = min(len(plain), start + width)
    if end < len(plain):
        cut = plain.rfind(" ", start, end)
        end = cut if cut > start else end
    parts: list[tuple[str, bool]] = [("…", False)] if start else []
    pos = start
    for hit_start, hit_end in hits:
        if hit_start < start or hit_end > end:
            continue
        if hit_start > pos:
            parts.append((plain[pos:hit_start], False))
        parts.append((plain[hit_start:hit_end], True))
        pos = hit_end
    if end > pos:
        parts.append((plain[pos:end], False))
    if end < len(plain):
        parts.append(("…", False))
    return parts
