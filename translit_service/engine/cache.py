"""A bounded token cache: what each space-free token converts to, for tokens that convert the
same wherever they stand.

Two generations, as a generational garbage collector keeps them: lookups go to ``young`` (so
that a text whose tokens are all known is one ``dict.__getitem__`` a token, in C); a token
found only in ``old`` moves back to ``young`` when a text needs it.  When ``young`` grows past
its share of the budget, ``old`` is dropped and ``young`` becomes ``old``: recently used tokens
survive, memory stays flat whatever the stream of text (a worker fed an endless stream of
unique tokens keeps at most two generations).  While nothing is dropped, ``young`` may take the
whole limit: a working set that fits is never split between the generations.

The budget is per process (:data:`BUDGET`, 64 MB by default, estimated from the strings'
sizes) and shared by every cache alive, so that many option sets (each a Transliterator with
its own cache) cannot multiply it: a cache may hold what the others leave of it (at least an
eighth), and a rotation drops the other caches' old generations while the total is over.

>>> cache = TokenCache(limit=1_000)
>>> cache.add({"vesti": "вести"})
>>> cache.young["vesti"], len(cache)
('вести', 1)
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Iterable, Mapping
from typing import Any

#: Bytes all token caches of the process may hold together (an estimate of the strings and
#: the dictionaries' slots; see :func:`batch_bytes`).
BUDGET = 64 * 1024 * 1024
#: Bytes an entry costs besides its characters: two string headers and a dict slot (measured:
#: about 200 with tracemalloc on Serbian words).
ENTRY_OVERHEAD = 200
#: What a cache may add before it looks at the others (and what each is sure of).
HEADROOM = BUDGET // 64

_ALIVE: weakref.WeakSet[TokenCache] = weakref.WeakSet()


def batch_bytes(tokens: Collection[str]) -> int:
    """The estimated bytes of entries for ``tokens``: the overhead, and 2 bytes a character
    for the token and as many for its value (a conversion is about as long).  In C."""
    return ENTRY_OVERHEAD * len(tokens) + 4 * sum(map(len, tokens))


class TokenCache:
    """See the module docstring.  ``limit``: bytes this cache may hold (default: what the
    budget leaves after the other caches)."""

    def __init__(self, limit: int | None = None) -> None:
        self.young: dict[str, Any] = {}  # str (a conversion), int (letter counts) or None
        self.old: dict[str, Any] = {}
        self.size = 0  # estimated bytes of young
        self.old_size = 0
        self._limit = limit
        #: Up to this many bytes the cache grows without a look at the other caches; past
        #: it, :attr:`limit` is computed and the budget enforced (once a :data:`HEADROOM`).
        self.free = HEADROOM
        _ALIVE.add(self)

    @property
    def limit(self) -> int:
        """Bytes this cache may hold (both generations): what the budget leaves after the
        other caches, at least :data:`HEADROOM`."""
        if self._limit is not None:
            return self._limit
        others = sum(c.size + c.old_size for c in list(_ALIVE) if c is not self)
        return max(HEADROOM, BUDGET - others)

    def fits(self, size: int) -> bool:
        """Whether one text's new entries of ``size`` bytes may be remembered at once."""
        return size <= HEADROOM or size <= self.limit * 3 // 4

    def __len__(self) -> int:
        return len(self.young) + len(self.old)

    @property
    def bytes(self) -> int:
        """Estimated bytes held by both generations."""
        return self.size + self.old_size

    def promote(self, tokens: Iterable[str]) -> list[str]:
        """Move those of ``tokens`` found in ``old`` back to ``young``; return the others
        (the tokens this cache does not know)."""
        old = self.old
        if not old:
            return tokens if isinstance(tokens, list) else list(tokens)
        unknown, moved = [], []
        young = self.young
        for token in tokens:
            if token in old:
                young[token] = old.pop(token)
                moved.append(token)
            else:
                unknown.append(token)
        if moved:
            size = batch_bytes(moved)
            self.size += size
            self.old_size = max(0, self.old_size - size)
        return unknown

    def add(self, entries: Mapping[str, Any], keep: Iterable[str] = ()) -> None:
        """Remember ``entries``.  Past the limit, ``old`` goes; and when ``young`` holds
        half the limit it becomes ``old``, after which ``keep`` (the tokens of the text
        being converted) come back to ``young``, so that the text's own tokens are all in
        ``young`` afterwards."""
        added = batch_bytes(entries)
        if self.size + self.old_size + added > self.free:
            limit = self.limit
            if self.size + self.old_size + added > limit:
                self.old, self.old_size = {}, 0
                if self.size + added > limit // 2 and self.young:
                    self.old, self.old_size = self.young, self.size
                    self.young, self.size = {}, 0
                    self.promote(keep)
                    if self.size + self.old_size + added > limit:
                        self.old, self.old_size = {}, 0  # one text as big as the cache
            _enforce_budget(self, added)
            self.free = self.size + self.old_size + added + HEADROOM
        self.young.update(entries)
        self.size += added

    def forget(self, tokens: Collection[str]) -> None:
        """Drop ``tokens`` from ``young`` (those added for one text only: too long to keep)."""
        young = self.young
        for token in tokens:
            young.pop(token, None)
        self.size = max(0, self.size - batch_bytes(tokens))

    def clear(self) -> None:
        self.young, self.old, self.size, self.old_size = {}, {}, 0, 0


def _enforce_budget(keeping: TokenCache, adding: int) -> None:
    """While all caches together (with ``adding`` bytes about to go into ``keeping``) hold
    more than the budget, drop the other caches' old generations, then the other caches,
    biggest first (many option sets in one process)."""
    caches = [c for c in list(_ALIVE) if c is not keeping]
    total = sum(c.bytes for c in caches) + keeping.bytes + adding
    for cache in sorted(caches, key=lambda c: -c.old_size):
        if total <= BUDGET:
            return
        total -= cache.old_size
        cache.old, cache.old_size = {}, 0
    for cache in sorted(caches, key=lambda c: -c.size):
        if total <= BUDGET:
            return
        total -= cache.size
        cache.young, cache.size = {}, 0


def total_bytes() -> int:
    """Estimated bytes held by every token cache of the process."""
    return sum(cache.bytes for cache in list(_ALIVE))
