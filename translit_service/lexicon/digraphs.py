"""Digraph exceptions: where Latin ``dž nj lj`` (and ``dj`` read as ``đ``) are two letters.

Serbian Latin writes џ, њ, љ with two letters; across a morpheme boundary the same two letters
are two sounds and stay two Cyrillic letters (nad|živeti = надживети, in|jekcija =
инјекција).  The table (``data/digraph_exceptions.txt``) lists ``PREFIX|STEM`` lines; the
engine first turns every digraph into its Cyrillic letter and then asks a
:class:`DigraphSplitter` which of those letters stand on a listed boundary.

The splitter is a per-word lookup, not a regex with one alternative per line: the rare
letters are found with one character class, and each is looked up in a dict keyed by the
letter and its two neighbours, so the cost per letter does not grow with the table.

>>> splitter = DigraphSplitter(parse_exceptions(["nad|živ", "^tan|jug"]), dj_as_dje=False)
>>> splitter("naџiveti i Taњug, a ne ruчaњe")
'naджiveti i Taнјug, a ne ruчaњe'
>>> splitter("NAЏIVETI")
'NAДЖIVETI'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple


class DigraphException(NamedTuple):
    """One line of the table: ``prefix|stem``, ``^`` for word-start, tag ``dj``; a line
    starting with ``!`` is a veto (the digraph is one letter there, whatever else matches)."""

    prefix: str
    stem: str
    word_start: bool
    dj_only: bool
    veto: bool = False


def parse_exceptions(lines: Iterable[str]) -> tuple[DigraphException, ...]:
    """Parse ``[!][^]PREFIX|STEM [dj]`` lines (comments already dropped).

    >>> parse_exceptions(["^od|j dj", "!^od|žak"])[1]
    DigraphException(prefix='od', stem='žak', word_start=True, dj_only=False, veto=True)
    """
    entries = []
    for line in lines:
        word, _, tag = line.strip().partition(" ")
        veto = word.startswith("!")
        prefix, _, stem = word.lstrip("!").partition("|")
        if not prefix.lstrip("^") or not stem:
            raise ValueError(f"not a PREFIX|STEM line: {line!r}")
        entries.append(DigraphException(prefix.lstrip("^").lower(), stem.lower(),
                                        prefix.startswith("^"), tag.strip() == "dj", veto))
    return tuple(entries)


DIGRAPH_OF_PAIR = {"dž": "џ", "nj": "њ", "lj": "љ", "dj": "ђ"}
_SPLIT = {"џ": "дж", "њ": "нј", "љ": "лј", "ђ": "дј"}


def with_digraphs(latin: str, dj_as_dje: bool) -> str:
    """Write a table entry's digraphs as the splitter sees them (nadžnj -> nadžњ)."""
    for pair, letter in DIGRAPH_OF_PAIR.items():
        if pair != "dj" or dj_as_dje:
            latin = latin.replace(pair, letter)
    return latin


class _Rule(NamedTuple):
    before: str  # letters before the digraph letter (its first Latin letter excluded)
    stem: str  # letters after it (its second Latin letter excluded)
    word_start: bool


class _Node:
    """A node of the tree of ``before`` strings, read backwards from the digraph letter."""

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # rules whose ``before`` ends here: (word start?) -> (stems, vetoed stems)
        self.leaves: dict[bool, tuple[set[str], set[str]]] = {}


def _alternation(strings: set[str]) -> str:
    """A regex matching any of ``strings`` at the current position, longest first."""
    return "|".join(re.escape(text) for text in sorted(strings, key=lambda t: (-len(t), t)))


def _node_pattern(node: _Node, depth: int) -> str:
    """The pattern for one node, at ``depth`` letters before the digraph letter (the regex
    stands just after the letter, so the letter ``depth`` back is ``depth + 1`` behind)."""
    parts = []
    for word_start, (stems, vetoes) in sorted(node.leaves.items()):
        test = rf"(?<![^\W\d_]{'.' * (depth + 1)})" if word_start else ""
        if vetoes:
            test += f"(?!{_alternation(vetoes)})"
        if "" not in stems:
            test += f"(?={_alternation(stems)})"
        parts.append(test)
    for char, child in sorted(node.children.items()):
        inner = _node_pattern(child, depth + 1)
        parts.append(f"(?<={re.escape(char)}{'.' * (depth + 1)})(?:{inner})")
    return "|".join(parts) if parts else "(?!)"


class DigraphSplitter:
    """Split the Cyrillic digraph letters of a half-converted run that stand on a boundary.

    The table becomes one case-insensitive pattern shaped as a tree: the rare letter first
    (so the regex engine skips to the next џ, њ, љ), then, through nested lookbehinds, the
    letters before it one by one, then the stems after it as lookaheads.  A match is a split:
    no Python runs for the letters that stay one letter, and the cost per letter grows with
    the depth of the tree (the longest prefix), not with the number of lines.

    A veto line (``!prefix|stem``) applies to the lines with the same prefix (and ``^``): the
    digraph stays one letter where the veto's stem follows.
    """

    def __init__(self, entries: Iterable[DigraphException], dj_as_dje: bool) -> None:
        roots: dict[str, _Node] = {}
        self.size = 0
        vetoes: list[tuple[str, _Rule]] = []
        for entry in entries:
            if entry.dj_only and not dj_as_dje:
                continue
            pair = entry.prefix[-1] + entry.stem[0]
            if pair not in DIGRAPH_OF_PAIR or (pair == "dj" and not dj_as_dje):
                continue
            letter = DIGRAPH_OF_PAIR[pair]
            rule = _Rule(with_digraphs(entry.prefix[:-1], dj_as_dje),
                         with_digraphs(entry.stem[1:], dj_as_dje), entry.word_start)
            self.size += 1
            if entry.veto:
                vetoes.append((letter, rule))
                continue
            node = roots.setdefault(letter, _Node())
            for char in reversed(rule.before):
                node = node.children.setdefault(char, _Node())
            node.leaves.setdefault(rule.word_start, (set(), set()))[0].add(rule.stem)
        for letter, rule in vetoes:
            found = roots.get(letter)
            for char in reversed(rule.before):
                found = found.children.get(char) if found else None
            if found is not None and rule.word_start in found.leaves:
                found.leaves[rule.word_start][1].add(rule.stem)
        self.gate: re.Pattern[str] | None = None
        if roots:
            letters = "".join(sorted(roots))
            branches = "|".join(f"(?<=[{letter}{letter.upper()}])(?:{_node_pattern(node, 0)})"
                                for letter, node in sorted(roots.items()))
            # The class in both cases and outside the case-insensitive group, so that the
            # regex engine can skip to the next rare letter at C speed.
            self.gate = re.compile(f"[{letters}{letters.upper()}](?i:{branches})")

    @staticmethod
    def _split(match: re.Match[str]) -> str:
        found = match.group()
        pair = _SPLIT[found.lower()]
        if found.islower():
            return pair
        following = match.string[match.end():match.end() + 1]
        return pair.upper() if following.isupper() else pair[0].upper() + pair[1]

    def __call__(self, run: str, start: int = 0) -> str:
        """Split the boundary letters of ``run`` (``start``: where the first one may be)."""
        if self.gate is None:
            return run
        return self.gate.sub(self._split, run)
