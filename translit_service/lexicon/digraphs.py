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
    """One line of the table: ``prefix|stem``, ``^`` for word-start, tag ``dj``."""

    prefix: str
    stem: str
    word_start: bool
    dj_only: bool


def parse_exceptions(lines: Iterable[str]) -> tuple[DigraphException, ...]:
    """Parse ``[^]PREFIX|STEM [dj]`` lines (comments already dropped).

    >>> parse_exceptions(["^od|j dj"])
    (DigraphException(prefix='od', stem='j', word_start=True, dj_only=True),)
    """
    entries = []
    for line in lines:
        word, _, tag = line.strip().partition(" ")
        prefix, _, stem = word.partition("|")
        if not prefix.lstrip("^") or not stem:
            raise ValueError(f"not a PREFIX|STEM line: {line!r}")
        entries.append(DigraphException(prefix.lstrip("^").lower(), stem.lower(),
                                        prefix.startswith("^"), tag.strip() == "dj"))
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


class DigraphSplitter:
    """Split the Cyrillic digraph letters of a half-converted run that stand on a boundary."""

    def __init__(self, entries: Iterable[DigraphException], dj_as_dje: bool) -> None:
        self.rules: dict[str, list[_Rule]] = {}
        # Which neighbours a letter's windows use: (previous letter?, next letter?)
        self.shapes: dict[str, set[tuple[bool, bool]]] = {}
        self.size = 0
        for entry in entries:
            if entry.dj_only and not dj_as_dje:
                continue
            pair = entry.prefix[-1] + entry.stem[0]
            if pair not in DIGRAPH_OF_PAIR or (pair == "dj" and not dj_as_dje):
                continue
            letter = DIGRAPH_OF_PAIR[pair]
            rule = _Rule(with_digraphs(entry.prefix[:-1], dj_as_dje),
                         with_digraphs(entry.stem[1:], dj_as_dje), entry.word_start)
            window = rule.before[-1:] + letter + rule.stem[:1]
            self.rules.setdefault(window, []).append(rule)
            self.shapes.setdefault(letter, set()).add((bool(rule.before), bool(rule.stem)))
            self.size += 1
        self.gate = self._gate()
        self.regular = all(shape == (True, True) for shapes in self.shapes.values()
                           for shape in shapes)

    def _gate(self) -> re.Pattern[str] | None:
        """One regex that finds the letters worth a lookup, tested in C: a digraph letter
        whose two letters before and two after begin or end some rule.  It is shaped as a
        tree (the letter, the letter before it, the one before that, then the two after), so
        its cost per letter is bounded by the alphabet, not by the table."""
        tree: dict[str, dict[str, dict[str, set[str]]]] = {}
        for window, rules in self.rules.items():
            letter = next(ch for ch in window if ch in _SPLIT)
            for rule in rules:
                last = rule.before[-1:] or "*"
                second = rule.before[-2:-1] or ("^" if rule.word_start and rule.before else "*")
                tree.setdefault(letter, {}).setdefault(last, {}).setdefault(
                    second, set()).add(rule.stem[:2])

        def cls(chars: set[str] | str) -> str:
            both = "".join(sorted(set(chars) | {c.upper() for c in chars}))
            return f"[{re.escape(both)}]"

        def ahead(stems: set[str]) -> str:
            if "" in stems:
                return ""
            by_first: dict[str, set[str]] = {}
            for stem in stems:
                by_first.setdefault(stem[0], set()).add(stem[1:])
            branches = []
            for first, rests in sorted(by_first.items()):
                rest = "" if "" in rests else cls({r[0] for r in rests})
                branches.append(cls(first) + rest)
            # Letters with the same continuations share one branch.
            return f"(?={'|'.join(branches)})"

        alternatives = []
        for letter, by_last in sorted(tree.items()):
            branches = []
            for last, by_second in sorted(by_last.items()):
                seconds = []
                for second, stems in sorted(by_second.items()):
                    if second == "*":
                        seconds.append(ahead(stems))
                    elif second == "^":
                        seconds.append(rf"(?<![^\W\d_]..){ahead(stems)}")
                    else:
                        seconds.append(f"(?<={cls(second)}..){ahead(stems)}")
                behind = "" if last == "*" else f"(?<={cls(last)}.)"
                branches.append(f"{behind}(?:{'|'.join(seconds)})")
            alternatives.append(f"(?<={cls(letter)})(?:{'|'.join(branches)})")
        if not alternatives:
            return None
        # The class first, so that the regex engine skips to the next rare letter.
        return re.compile(f"{cls(''.join(tree))}(?:{'|'.join(alternatives)})")

    def _splits_at(self, run: str, i: int, letter: str) -> bool:
        for use_before, use_stem in self.shapes[letter]:
            window = ((run[i - 1].lower() if use_before and i else "") + letter
                      + (run[i + 1:i + 2].lower() if use_stem else ""))
            if self._rule_matches(run, i, self.rules.get(window, ())):
                return True
        return False

    @staticmethod
    def _rule_matches(run: str, i: int, rules: Iterable[_Rule]) -> bool:
        for rule in rules:
            start = i - len(rule.before)
            if start < 0 or run[start:i].lower() != rule.before:
                continue
            if run[i + 1:i + 1 + len(rule.stem)].lower() != rule.stem:
                continue
            if rule.word_start and start and run[start - 1].isalpha():
                continue
            return True
        return False

    def __call__(self, run: str, start: int = 0) -> str:
        """Split the boundary letters of ``run`` (from index ``start`` on)."""
        if self.gate is None:
            return run
        out: list[str] | None = None
        pos = 0
        rules = self.rules
        regular = self.regular
        for m in self.gate.finditer(run, start):
            i = m.start()
            found = m.group()
            if regular:  # every rule has letters on both sides: one window, one lookup
                candidates = rules.get(run[i - 1:i + 2].lower()) if i else None
                if candidates is None or not self._rule_matches(run, i, candidates):
                    continue
            elif not self._splits_at(run, i, found.lower()):
                continue
            pair = _SPLIT[found.lower()]
            if not found.islower():
                following = run[i + 1:i + 2]
                pair = pair.upper() if following.isupper() else pair[0].upper() + pair[1]
            if out is None:
                out = []
            out.append(run[pos:i])
            out.append(pair)
            pos = i + 1
        if out is None:
            return run
        out.append(run[pos:])
        return "".join(out)
