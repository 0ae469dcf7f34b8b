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


#: Inflectional endings (folded: no diacritics), longest first: Serbian's, and English's
#: (-s, -es, -ed, -ing, -ies, -ly, -y: "answered" finds "answer" and "answers").  A query word
#: loses one, if what is left has at least four letters: the rest starts every form of it.
ENDINGS = tuple(sorted(
    """ama ima ovima evima ove ovi ova ovo oga ome omu ega emu ije iju ima om em im og ih oj
    eg ej a e i o u""".split() + "ing ies ed es ly s y".split(), key=len, reverse=True))
MIN_STEM = 4


def stem(word: str) -> str:
    """The part of a (folded) word every one of its forms starts with.

    >>> stem("civilna"), stem("civilnoj"), stem("zastita"), stem("zastiti"), stem("rat")
    ('civiln', 'civiln', 'zastit', 'zastit', 'rat')
    >>> stem("answered"), stem("answers"), stem("queries"), stem("query"), stem("floods")
    ('answer', 'answer', 'quer', 'quer', 'flood')
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


def _forms(query: str) -> list[tuple[str, ...]]:
    """The stems of each query word (and their palatalised forms)."""
    return [_palatalised(stem(w)) for w in fold(query).split()]


def _hits(query: str, plain: str) -> list[tuple[int, int, int]]:
    """(start, end, which query word) of every word of ``plain`` that a query word finds."""
    forms = _forms(query)
    found = []
    for m in _WORD.finditer(plain):
        word = fold(m.group()).strip()
        for index, options in enumerate(forms):
            if word.startswith(options):
                found.append((m.start(), m.end(), index))
                break
    return found


def _plain(text: str) -> str:
    return _SPACE.sub(" ", _ENTITY.sub(" ", _TAG.sub(" ", text))).strip()


def marked(query: str, text: str) -> list[tuple[str, bool]]:
    """All of ``text`` (a title) as ``(part, is_match)`` pairs, every word the query finds
    marked, in whatever form and script it is written.

    >>> [p for p, hit in marked("civilna zaštita", "O civilnoj zaštiti tokom poplava") if hit]
    ['civilnoj', 'zaštiti']
    """
    plain = _plain(text)
    parts: list[tuple[str, bool]] = []
    pos = 0
    for start, end, _ in _hits(query, plain):
        if start > pos:
            parts.append((plain[pos:start], False))
        parts.append((plain[start:end], True))
        pos = end
    if pos < len(plain):
        parts.append((plain[pos:], False))
    return parts


def has_hit(query: str, text: str) -> bool:
    """True when some word of ``text`` is found by a word of ``query``."""
    return bool(_hits(query, _plain(text)))


def snippet(query: str, text: str, width: int = 200) -> list[tuple[str, bool]]:
    """A passage of ``text`` (HTML or plain, in any script) where the query's words occur:
    the window of about ``width`` characters holding the most different query words (the
    first such), every found word in it marked, as ``(part, is_match)`` pairs for the caller
    to mark up; the start of the text when no word matches.  Cut at spaces, with an ellipsis
    where it was cut.

    >>> parts = snippet("civilna zaštita", "Vežba civilne zaštite u Obrenovcu", 60)
    >>> [p for p, hit in parts if hit]
    ['civilne', 'zaštite']
    >>> "".join(p for p, _ in snippet("поплава", "Poplave su prošle. " * 3, 30))
    'Poplave su prošle. Poplave su…'
    >>> text = "Floods came. " + "Nothing here. " * 30 + "Answers to floods."
    >>> [p for p, hit in snippet("answer floods", text, 60) if hit]
    ['Answers', 'floods']
    """
    plain = _plain(text)
    hits = _hits(query, plain)
    start = 0
    if hits:
        def covered(first: int) -> int:
            begin = max(0, hits[first][0] - width // 4)
            return len({word for s, e, word in hits if begin <= s and e <= begin + width})

        best = max(range(len(hits)), key=lambda i: (covered(i), -i))
        anchor = hits[best][0]
        start = max(0, anchor - width // 4)
        if start:
            cut = plain.find(" ", start)
            start = cut + 1 if 0 <= cut < anchor else start
    end = min(len(plain), start + width)
    if end < len(plain):
        cut = plain.rfind(" ", start, end)
        end = cut if cut > start else end
    parts: list[tuple[str, bool]] = [("…", False)] if start else []
    pos = start
    for hit_start, hit_end, _ in hits:
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
