"""Translation memory: earlier articles' translations, offered for a new article's units.

An exact match (same English unit) is prefilled as a finished translation; a close match is
prefilled **fuzzy**, with the matched English as the previous msgid so that Poedit, Lokalize and
Weblate show the translator what changed.  "Close" means a ``difflib.SequenceMatcher`` ratio of
at least :data:`FUZZY_THRESHOLD` (0.75: about one word in four may differ) between the English
units; shorter candidates are skipped cheaply when their lengths alone rule them out.

>>> tm = Memory({"The head of the office met the minister.":
...              ("Šef kancelarije sastao se sa ministrom.", "a")})
>>> tm.lookup("The head of the office met the minister.").exact
True
>>> match = tm.lookup("The head of the office met the ministers.")
>>> (match.exact, match.score >= FUZZY_THRESHOLD)
(False, True)
>>> tm.lookup("Something else entirely.") is None
True
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import NamedTuple

FUZZY_THRESHOLD = 0.75


class Match(NamedTuple):
    msgid: str  # the English unit that matched
    msgstr: str
    article: str  # where the translation comes from
    score: float
    exact: bool


class Memory:
    def __init__(self, entries: Mapping[str, tuple[str, str]]) -> None:
        """``entries``: English unit -> (translation, article id)."""
        self.entries = dict(entries)

    def lookup(self, msgid: str) -> Match | None:
        found = self.entries.get(msgid)
        if found:
            return Match(msgid, found[0], found[1], 1.0, True)
        best: Match | None = None
        for source, (text, article) in self.entries.items():
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
