"""Translation memory: earlier articles' translations, offered for a new article's units.

An exact match (same English unit) is prefilled as a finished translation; a close match is
prefilled **fuzzy**, with the matched English as the previous msgid so that Poedit, Lokalize and
Weblate show the translator what changed.  "Close" means a ``difflib.SequenceMatcher`` ratio of
at least :data:`FUZZY_THRESHOLD` (0.75: about one word in four may differ) between the English
units; shorter candidates are skipped cheaply when their lengths alone rule them out.

**Formats.**  A unit is ``html`` (an HTML article's block, inline tags and entities kept),
``markdown`` (a Markdown article's block, inline Markdown kept) or ``text`` (an alt text, an
attribute).  A translation is offered only to a unit of its own format, or, when neither its
English nor its translation has any markup of either format (no ``<``, ``&``, ``*``,
``_``, backquote, brackets…), to a unit of another: a Markdown unit never gets
``<em>…</em>`` prefilled, an HTML unit never ``*…*``.

>>> tm = Memory({"The head of the office met the minister.":
...              ("Šef kancelarije sastao se sa ministrom.", "a")})
>>> tm.lookup("The head of the office met the minister.").exact
True
>>> match = tm.lookup("The head of the office met the ministers.")
>>> (match.exact, match.score >= FUZZY_THRESHOLD)
(False, True)
>>> tm.lookup("Something else entirely.") is None
True
>>> tm.add("Read the <em>report</em>.", "Pročitajte <em>izveštaj</em>.", "b", "html")
>>> tm.lookup("Read the <em>report</em>.", "markdown") is None
True
>>> tm.lookup("The head of the office met the minister.", "markdown").msgstr
'Šef kancelarije sastao se sa ministrom.'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

FUZZY_THRESHOLD = 0.75
FORMATS = ("html", "markdown", "text")
#: What would be read as markup in one format or the other (an HTML tag or entity; Markdown's
#: emphasis, code, links, images, escapes and inline HTML).
_MARKUP = re.compile(r"[<>&*_`\[\]\\]|!\[")


def is_plain(text: str) -> bool:
    """True when ``text`` reads the same as HTML, as Markdown and as plain text.

    >>> is_plain("Civil protection in 2014"), is_plain("*Civil* protection"), is_plain("A &amp; B")
    (True, False, False)
    """
    return _MARKUP.search(text) is None


class Match(NamedTuple):
    msgid: str  # the English unit that matched
    msgstr: str
    article: str  # where the translation comes from
    score: float
    exact: bool


class Memory:
    def __init__(self, entries: Mapping[str, tuple[str, str]] | None = None, *,
                 format: str = "html") -> None:
        """``entries``: English unit -> (translation, article id), all of ``format``."""
        self._units: dict[str, dict[str, tuple[str, str]]] = {f: {} for f in FORMATS}
        for msgid, (text, article) in (entries or {}).items():
            self.add(msgid, text, article, format)

    def add(self, msgid: str, msgstr: str, article: str, format: str = "html") -> None:
        """Remember ``msgstr`` as the translation of the ``format`` unit ``msgid`` (the first
        translation of a unit is kept)."""
        if format not in self._units:
            raise ValueError(f"unknown unit format {format!r}, not one of {FORMATS}")
        self._units[format].setdefault(msgid, (msgstr, article))

    def _candidates(self, format: str) -> Iterator[tuple[str, tuple[str, str]]]:
        """The units a ``format`` unit may take a translation from: its own format's, then the
        plain ones of the others."""
        yield from self._units[format].items()
        for other, units in self._units.items():
            if other != format:
                yield from ((msgid, found) for msgid, found in units.items()
                            if is_plain(msgid) and is_plain(found[0]))

    def lookup(self, msgid: str, format: str = "html") -> Match | None:
        """The best translation for the ``format`` unit ``msgid``: an exact one, else the
        closest above :data:`FUZZY_THRESHOLD`, else None."""
        found = self._units[format].get(msgid)
        if found is None:
            found = next((f for m, f in self._candidates(format) if m == msgid), None)
        if found:
            return Match(msgid, found[0], found[1], 1.0, True)
        best: Match | None = None
        for source, (text, article) in self._candidates(format):
            shorter, longer = sorted((len(source), len(msgid)))
            if not longer or 2 * shorter / (shorter + longer) < FUZZY_THRESHOLD:
                continue  # the ratio can never reach the threshold
            matcher = difflib.SequenceMatcher(None, msgid, source, autojunk=False)
            if matcher.quick_ratio() < FUZZY_THRESHOLD:
                continue
            score = matcher.ratio()
            if score >= FUZZY_THRESHOLD and (best is None or score > best.score):
                best = Match(source, text, article, round(score, 3), False)
        return best
