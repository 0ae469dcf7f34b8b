"""Which script a text is written in, ignoring what would never be converted (URLs,
placeholders, markup, foreign words, acronyms).

The letters outside protected spans are counted; a :class:`Detector` remembers each token's
counts (in a :class:`~.cache.TokenCache`, as ``latin << 32 | cyrillic`` so that one ``sum`` in
C adds both), for the tokens whose spans do not depend on their neighbours.

>>> verdict_of(latin=9, cyrillic=1)
ScriptDetection(script='latn', latin=0.9, cyrillic=0.1)
>>> verdict_of(0, 0).script
'none'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..spans import Span
from .cache import TokenCache

CYRILLIC_LETTER = re.compile(r"[\u0400-\u0481\u048a-\u052f]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
#: A text is in one script when at least this share of its letters are.
MIXED_BELOW = 0.9
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1
#: A text with more new tokens than this is counted whole; its tokens are not learnt.
_LEARN_AT_ONCE = 16


class ScriptDetection(NamedTuple):
    """What detection found: the verdict and the share of each script's letters."""

    script: str
    latin: float
    cyrillic: float


def verdict_of(latin: int, cyrillic: int) -> ScriptDetection:
    """The verdict for these letter counts (see :data:`MIXED_BELOW`)."""
    total = cyrillic + latin
    if not total:
        return ScriptDetection("none", 0.0, 0.0)
    latin_share, cyrillic_share = round(latin / total, 4), round(cyrillic / total, 4)
    if latin_share >= MIXED_BELOW:
        return ScriptDetection("latn", latin_share, cyrillic_share)
    if cyrillic_share >= MIXED_BELOW:
        return ScriptDetection("cyrl", latin_share, cyrillic_share)
    return ScriptDetection("mixed", latin_share, cyrillic_share)


def unprotected(text: str, spans: Sequence[Span]) -> str:
    """``text`` with its protected spans replaced by spaces (what detection counts)."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end, _, _ in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return " ".join(parts)


def letters(text: str) -> int:
    """``latin << 32 | cyrillic``: the letters of ``text``, both counts in one int."""
    return LATIN_LETTER.subn("", text)[1] << _SHIFT | CYRILLIC_LETTER.subn("", text)[1]


class Detector:
    """Counts the letters of a text outside the spans ``spans`` gives, through a cache of
    tokens' counts; ``context_tokens`` names the tokens that must be counted in context."""

    def __init__(self, spans: Callable[[str], Sequence[Span]],
                 context_tokens: Callable[[str], list[int]]) -> None:
        self.spans = spans
        self.context_tokens = context_tokens
        self.cache = TokenCache()

    def __call__(self, text: str) -> ScriptDetection:
        tokens = text.split(" ")
        try:
            total = sum(map(self.cache.young.__getitem__, tokens))
        except (KeyError, TypeError):
            total = self._count_new(text, tokens)
        return verdict_of(total >> _SHIFT, total & _LOW)

    def _count_new(self, text: str, tokens: list[str]) -> int:
        total = letters(unprotected(text, self.spans(text)))
        cache = self.cache
        unknown = cache.promote(t for t in dict.fromkeys(tokens) if t not in cache.young)
        if not unknown or len(unknown) > _LEARN_AT_ONCE:
            return total
        context = set(self.context_tokens(" ".join(unknown)))
        cache.add({token: None if index in context else
                   letters(unprotected(token, self.spans(token)))
                   for index, token in enumerate(unknown) if len(token) <= 256})
        return total
