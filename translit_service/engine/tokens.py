"""Conversion through the token cache: text seen before in any arrangement costs a dictionary
lookup a token, text never seen costs one scan of its distinct new tokens.

Most space-free tokens convert the same wherever they stand: every per-stretch step, and every
rule of the scanner but a few, look no further than the token
(:func:`~translit_service.spans.context_tokens` names the exceptions: an opener a later token
may close, a Roman-numeral look-alike read from its neighbours, a unit read from the number
before it; and the glossary's phrases).  So for a text:

1. all tokens known: ``" ".join(map(young.__getitem__, text.split(" ")))``, in C;
2. else the distinct tokens not known are learnt in bulk: those that read their neighbours
   are remembered as None ("read in context"), the others are joined and scanned once as one
   text (each converts in it as it does alone), split back and remembered;
3. then, when the text has tokens to read in context, only windows around them are scanned
   (from the word before to a few after the word after: Roman-numeral look-alikes, units;
   to the token that closes what a token opens: ``-{Novi Sad}-``, ``<a href="…">``; widened
   while a protected span reaches the window's end), the rest comes from the cache.

A text of mostly new tokens is scanned whole instead, and learnt from the result (aligned
token by token, but for tokens that read their neighbours and those inside a span with a
space); a long one only when it comes back (a doorkeeper: its first sight costs the scan
alone), and not at all in the direction where scanning is as fast as looking up (Cyrillic to
Latin).

The cache (:class:`~.cache.TokenCache`) is bounded; ``tests/test_properties.py`` checks that
any cache state gives what the composed pipeline gives for the whole text.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from ..spans import Span, opens_span
from .cache import TokenCache, batch_bytes

#: Longer tokens are converted, not remembered.
MAX_TOKEN = 256
#: Tokens after one to read in context that its window takes at least.
WINDOW = 4
#: Texts of this many tokens or more are looked up in two passes (a list, then a join), so
#: that one with tokens to read in context does not pay the lookups twice.
LONG = 64
#: Long texts remembered as seen once (their hashes).
SEEN = 256


class CachedConverter:
    """``__call__(text)``: ``text`` converted as ``convert_prepared`` converts it whole, through
    ``cache`` (see the module docstring).  ``prepare``: the whole-text steps (they keep every
    space); ``spans``: the protect step; ``convert_prepared(text, spans, convert_part)``: the
    per-stretch steps (``convert_part``, this converter, converts the visible attributes of a
    tag in the text); ``context_tokens``: which tokens read their neighbours."""

    def __init__(self, cache: TokenCache, prepare: Callable[[str], str],
                 spans: Callable[[str], Sequence[Span]],
                 convert_prepared: Callable[..., str],
                 context_tokens: Callable[[str], list[int]], *, long_texts: bool = True,
                 unprotected: Callable[[str], bool] | None = None) -> None:
        self.cache = cache
        self.prepare = prepare
        self.spans = spans
        self.convert_prepared = convert_prepared
        self.context_tokens = context_tokens
        #: Whether long texts go through the cache (where scanning costs more than
        #: looking up: Latin -> Cyrillic); else they are scanned, which is as fast.
        self.long_texts = long_texts
        #: Hashes of long new texts seen once: a long text is learnt when seen again (its
        #: first sight pays the scan alone, as a doorkeeper admits only what comes back).
        self.seen: OrderedDict[int, None] = OrderedDict()
        #: Tells a text with nothing to protect, which converts faster than it is looked up.
        self.unprotected = unprotected

    def scan(self, text: str) -> str:
        """``text`` converted whole, without the cache."""
        prepared = self.prepare(text)
        return self.convert_prepared(prepared, self.spans(prepared), self)

    def __call__(self, text: str) -> str:
        if self.unprotected is not None and self.unprotected(text):
            return self.convert_prepared(self.prepare(text), ())  # one regex search told
        tokens = text.split(" ")
        if len(tokens) < LONG:
            try:  # a None (a token to read in context) in the join raises TypeError
                return " ".join(map(self.cache.young.__getitem__, tokens))
            except (KeyError, TypeError):
                return self.convert_new(text, tokens)
        if not self.long_texts:
            return self.scan(text)
        young = self.cache.young
        try:
            values = list(map(young.__getitem__, tokens))
        except KeyError:
            sample = tokens[::max(1, len(tokens) // 32)]
            if 2 * sum(t not in young for t in sample) > len(sample):
                return self.first_sight(text, tokens)
            return self.convert_new(text, tokens)
        try:
            return " ".join(values)
        except TypeError:  # tokens to read in context: a long text has some
            return self.convert_in_context(text, tokens, values)

    def convert_new(self, text: str, tokens: list[str]) -> str:
        """Steps 2 and 3 of the module docstring."""
        cache = self.cache
        young = cache.young
        if not cache.old and 2 * sum(map(young.__contains__, tokens)) < len(tokens):
            return self.scan_and_learn(text, tokens)  # mostly new: one scan of the text
        distinct = list(dict.fromkeys(tokens))
        unknown = [t for t in distinct if t not in young]
        if unknown and cache.old:
            unknown = cache.promote(unknown)
            if 2 * len(unknown) > len(distinct):
                return self.scan_and_learn(text, tokens)
        if unknown:
            learnt = self.learn(unknown)
            if learnt is None or not cache.fits(batch_bytes(learnt)):
                return self.scan(text)  # spaces moved, or too many new tokens at once
            cache.add(learnt, keep=distinct)
        try:
            result = " ".join(map(cache.young.__getitem__, tokens))
        except TypeError:  # tokens to read in context
            result = self.convert_in_context(text, tokens,
                                             list(map(cache.young.__getitem__, tokens)))
        if unknown and max(map(len, unknown)) > MAX_TOKEN:
            cache.forget([t for t in unknown if len(t) > MAX_TOKEN])
        return result

    def learn(self, unknown: list[str]) -> dict[str, str | None] | None:
        """What each of ``unknown`` (distinct tokens) converts to alone, or None for those
        that read their neighbours: the others joined and scanned as one text.  None when
        the conversion did not keep the spaces (a glossary replacement with a space)."""
        prepared = self.prepare(" ".join(unknown))
        context = self.context_tokens(prepared)
        entries: dict[str, str | None] = {}
        rest = unknown
        if context:
            entries = dict.fromkeys([unknown[i] for i in context])
            if len(entries) == len(unknown):
                return entries
            rest = [t for t in unknown if t not in entries]
            prepared = self.prepare(" ".join(rest))
        values = self.convert_prepared(prepared, self.spans(prepared), self).split(" ")
        if len(values) != len(rest):
            return None
        entries.update(zip(rest, values, strict=True))
        return entries

    def first_sight(self, text: str, tokens: list[str]) -> str:
        """A long text of mostly new tokens: scanned, and learnt only when it comes back."""
        key = hash(text)
        if key in self.seen:
            del self.seen[key]
            return self.scan_and_learn(text, tokens)
        self.seen[key] = None
        if len(self.seen) > SEEN:
            self.seen.popitem(last=False)
        return self.scan(text)

    def scan_and_learn(self, text: str, tokens: list[str]) -> str:
        """A text of mostly new tokens: scanned whole, and its tokens learnt from the result
        (not those that read their neighbours, remembered as None, nor those inside a
        protected span that crosses a space; nothing when the spaces moved)."""
        prepared = self.prepare(text)
        spans = self.spans(prepared)
        respaced: list[Span] = []
        converted = self.convert_prepared(prepared, spans, self, respaced)
        values = converted.split(" ")
        if respaced or len(values) != len(tokens):
            return converted
        entries: dict[str, str | None] = dict(zip(tokens, values, strict=True))
        for index in _inside_spaced_spans(prepared, spans):
            entries.pop(tokens[index], None)
        for index in self.context_tokens(prepared):
            entries[tokens[index]] = None
        if max(map(len, entries), default=0) > MAX_TOKEN:
            entries = {t: v for t, v in entries.items() if len(t) <= MAX_TOKEN}
        if self.cache.fits(batch_bytes(entries)):
            self.cache.add(entries)
        return converted

    def convert_in_context(self, text: str, tokens: list[str],
                           values: list[str | None]) -> str:
        """Step 3: ``text`` (its ``tokens`` all in the cache, converted: ``values``), those
        to read in context (None) scanned in windows from the word before them to at least
        :data:`WINDOW` after the word after, widened until no protected span reaches the
        window's last token; the rest from the cache.  The window of a token that opens a
        span a later one may close (``-{``, ``<a``) reaches the token that closes it."""
        context = []
        index = -1
        try:
            while True:
                index = values.index(None, index + 1)
                context.append(index)
        except ValueError:
            pass
        out: list[str] = []
        pos, count, k = 0, len(tokens), 0
        while k < len(context):
            start = max(pos, _word_before(tokens, context[k]))
            end = _window_end(tokens, context[k])
            while True:
                while k < len(context) and _word_before(tokens, context[k]) < end:
                    end = max(end, _window_end(tokens, context[k]))
                    k += 1
                prepared = self.prepare(" ".join(tokens[start:end]))
                spans = self.spans(prepared)
                if end == count or not spans or spans[-1].end <= prepared.rfind(" "):
                    break
                end = min(count, end + (end - start))  # a span may go on: a wider window
            if start > pos:
                out.append(" ".join(values[pos:start]))  # type: ignore[arg-type]
            out.append(self.convert_prepared(prepared, spans, self))
            pos = end
        if pos < count:
            out.append(" ".join(values[pos:]))  # type: ignore[arg-type]
        return " ".join(out)


_OPENERS = (("-{", "}-"), ("<!--", "-->"), ("{{", "}}"), ("{%", "%}"), ("{#", "#}"))


def _window_end(tokens: list[str], index: int) -> int:
    """Where the window of ``tokens[index]`` (a token to read in context) ends: past the
    word after it and :data:`WINDOW` more, or past the token that closes what it opens."""
    end = min(len(tokens), _word_after(tokens, index) + 1 + WINDOW)
    token = tokens[index]
    if not opens_span(token):
        return end
    needs: list[tuple[str, ...]] = []
    for opener, closer in _OPENERS:
        at = token.rfind(opener)
        if at != -1 and token.find(closer, at + len(opener)) == -1:
            needs.append((closer,))
    at = token.rfind("<")
    if at != -1 and token.find(">", at) == -1:
        needs.append((">", "<"))  # a tag ends at ">", or is no tag at the next "<"
    last = index
    while needs and last + 1 < len(tokens):
        last += 1
        following = tokens[last]
        needs = [need for need in needs if not any(mark in following for mark in need)]
    return len(tokens) if needs else max(end, last + 1)


def _word_before(tokens: list[str], index: int) -> int:
    """The index of the token before ``tokens[index]`` over empty and tab-only tokens (runs
    of spaces): the word the scanner may read with it."""
    index -= 1
    while index > 0 and not tokens[index].strip(" \t"):
        index -= 1
    return max(index, 0)


def _word_after(tokens: list[str], index: int) -> int:
    """The index of the token after ``tokens[index]`` over empty and tab-only tokens."""
    index += 1
    while index < len(tokens) - 1 and not tokens[index].strip(" \t"):
        index += 1
    return index


def _inside_spaced_spans(text: str, spans: Sequence[Span]) -> list[int]:
    """The indexes of the tokens of ``text.split(" ")`` that a span with a space in it
    covers (spaces counted incrementally: linear in the text)."""
    found: list[int] = []
    count = previous = 0
    for start, end, _, _ in spans:
        if text.find(" ", start, end) == -1:
            continue
        count += text.count(" ", previous, start)
        inside = text.count(" ", start, end)
        found.extend(range(count, count + inside + 1))
        count += inside
        previous = end
    return found
