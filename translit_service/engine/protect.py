"""The protect step: every protected span of a text for one conversion, merged, in one call.

A :class:`Protector` is built once per Transliterator and target script from its options and
lexicon.  It runs the scanner (:func:`~translit_service.spans.protected_spans`), adds the
glossary's entries, the foreign words (English words that are not Serbian, an Aho-Corasick
automaton in C) and the unit symbols after numbers, and merges them; short texts' spans are
remembered (a request's text is converted and its script detected: one scan).  It also says
which tokens of a text read their neighbours (:meth:`context_tokens`), which the token cache
must convert in context.

>>> from translit_service.lexicon import Lexicon
>>> from translit_service.options import Options
>>> protect = Protector(Options(), Lexicon.default(), "cyrl")
>>> [(s.keep, s.kind) for s in protect("Klikni Delete u %s na https://x.org")]
[('Delete', 'word'), ('%s', 'code'), ('https://x.org', 'address')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..glossary import Glossary, Hit
from ..lexicon import Lexicon
from ..options import Options
from ..spans import (
    Span,
    context_tokens,
    foreign_spans,
    has_trigger,
    protected_spans,
    unit_spans,
    word_page,
)

#: Texts up to this length have their protected spans remembered (UI strings, requests).
SHORT_TEXT = 2048
SPAN_CACHE_SIZE = 256


class Protector:
    """The protected spans of a text for a conversion to ``to`` (see the module docstring)."""

    def __init__(self, options: Options, lexicon: Lexicon, to: str) -> None:
        self.to = to
        self.serbian_words = options.serbian and to == "cyrl"
        self.acronyms = (options.latin_acronyms if options.latin_acronyms is not None
                         else lexicon.latin_acronyms)
        english = lexicon.english_words() if self.serbian_words else None
        self.english = english
        self._english_all = english.all if english else frozenset()
        self.foreign = bool(english and options.foreign == "keep")
        glossary = options.glossary
        self.glossary = glossary if isinstance(glossary, Glossary) and options.serbian else None
        self._short = lru_cache(maxsize=SPAN_CACHE_SIZE)(self._scan_tuple)
        #: Whether a text without a trigger character has no span for sure (no foreign
        #: words, units or glossary to look for): Cyrillic -> Latin.
        self.triggers_only = not self.serbian_words and self.glossary is None

    def nothing_to_protect(self, text: str) -> bool:
        """True when ``text`` has no protected span for certain, told by one regex search
        (only where :attr:`triggers_only`)."""
        return self.triggers_only and not has_trigger(text, False)

    def __call__(self, text: str) -> Sequence[Span]:
        """The spans of ``text``, in order, not overlapping."""
        if len(text) <= SHORT_TEXT:
            return self._short(text)
        return self.scan(text)

    def scan(self, text: str) -> list[Span]:
        found = protected_spans(text, serbian_words=self.serbian_words, acronyms=self.acronyms,
                                english=self._english_all)
        if self.glossary is not None:
            found = with_hits(found, self.glossary.find(text, self.to))
        if self.serbian_words:
            words = word_page(text)
            if self.foreign and self.english is not None:
                extra = foreign_spans(text, self.english, found, words)
                if extra:
                    found = sorted(found + extra)
            units = unit_spans(text, found, words)
            if units:
                found = sorted(found + units)
        return found

    def _scan_tuple(self, text: str) -> tuple[Span, ...]:
        return tuple(self.scan(text))

    def context_tokens(self, text: str) -> list[int]:
        """The indexes of the tokens of ``text.split(" ")`` whose spans depend on their
        neighbours: the scanner's (:func:`~translit_service.spans.context_tokens`), and
        those where a glossary entry of several words may start."""
        found = context_tokens(text, self.serbian_words)
        glossary = self.glossary
        if glossary is not None and glossary.has_heads(text, self.to):
            heads = [i for i, token in enumerate(text.split(" "))
                     if glossary.starts_phrase(token, self.to)]
            found = sorted(set(found) | set(heads))
        return found

    def clear(self) -> None:
        self._short.cache_clear()


def with_tokens(found: Sequence[Span], text: str, tokens: frozenset[str]) -> list[Span]:
    """Add spans for ``tokens`` standing whole in ``text`` (not inside a word), as the
    glossary's are added: markup, addresses and code win (a catalog entry's tokens copied
    from its msgid)."""
    pattern = re.compile(r"(?<![\w.\-/])(?:" + "|".join(
        re.escape(t) for t in sorted(tokens, key=len, reverse=True)) + r")(?![\w\-/])")
    hits = [Hit(m.start(), m.end(), m.group(), "") for m in pattern.finditer(text)]
    return with_hits(list(found), hits)


def with_hits(found: list[Span], hits: Sequence[Hit]) -> list[Span]:
    """Merge glossary hits into the scanner's spans: markup, addresses and code win (a
    glossary word inside a URL stays the URL); a glossary hit wins over a kept word.
    Linear: both lists are in order."""
    if not hits:
        return found
    strong = [s for s in found if s.kind != "word"]
    chosen = [Span(h.start, h.end, h.keep, "glossary") for h in hits
              if not _overlaps_any(h.start, h.end, strong)]
    if not chosen:
        return found
    words = [s for s in found if s.kind == "word" and not _overlaps_any(s.start, s.end, chosen)]
    return sorted(strong + words + chosen)


def _overlaps_any(start: int, end: int, spans: Sequence[Span]) -> bool:
    """True when ``[start, end)`` overlaps one of ``spans`` (in order, not overlapping)."""
    from bisect import bisect_right

    index = bisect_right(spans, (start, end)) - 1  # the last span starting at or before start
    for candidate in spans[max(index, 0):index + 2]:
        if candidate.start < end and start < candidate.end:
            return True
    return False
