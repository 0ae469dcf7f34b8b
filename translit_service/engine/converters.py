"""The per-stretch steps of a conversion: what turns a run of text between protected spans
into the other script.

* :class:`SerbianToCyrillic`: ``digraphs`` (lj nj dž, and dj with ``dj_as="đ"``, become one
  letter), ``exceptions`` (a digraph letter on a morpheme boundary becomes two again:
  naџiveti -> naджiveti, from the lexicon's table) and ``letters`` (every other letter, through
  an 8-bit code page in C, :mod:`translit_service.codepage`);
* :class:`SerbianToLatin`: ``letters`` (the code page, and ``Љ Њ Џ`` as ``LJ NJ DŽ`` next to
  another capital: КЉУЧ -> KLJUČ, Љубав -> Ljubav);
* :class:`TableRun`: the other languages, from cyrtranslit's character tables.

Each converter's ``steps()`` are the named steps a :class:`~.pipeline.Pipeline` composes; its
``__call__`` is the same steps fused into one call, which the pipeline uses when its steps are
these defaults (a property test checks that the two agree).

>>> to_cyr = SerbianToCyrillic(DigraphSplitter([], False), False, False)
>>> to_cyr("Ljubav i džak"), [step.name for step in to_cyr.steps()]
('Љубав и џак', ['digraphs', 'exceptions', 'letters'])
>>> SerbianToLatin(False)("КЉУЧ и Љубав")
'KLJUČ i Ljubav'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .. import tables
from ..codepage import CodePage
from ..lexicon import DigraphSplitter

Run = Callable[[str], str]


class Step(NamedTuple):
    """One named step of a pipeline: a function from a run of text to a run of text."""

    name: str
    function: Run


class SerbianToCyrillic:
    """The three steps of a Serbian Latin run: digraphs, exceptions, letters."""

    def __init__(self, splitter: DigraphSplitter, dj_as_dje: bool, montenegrin: bool) -> None:
        self.exceptions = splitter
        self.exceptions_gate = splitter.gate.search if splitter.gate else None
        digraphs = {k: v for k, v in tables.SR_LAT_TO_CYR.items() if len(k) == 2}
        if dj_as_dje:
            digraphs.update(tables.DJ_AS_DJE)
        # Digraphs with a capital second letter (LJ, nJ) are rare: one test gates all of them.
        self.pairs = tuple((k, v) for k, v in digraphs.items() if k[1].islower())
        self.capital_pairs = tuple((k, v) for k, v in digraphs.items() if k[1].isupper())
        self.capital_seconds = tuple(sorted({k[1] for k, _ in self.capital_pairs}))
        every = dict(digraphs)
        self._digraph_letter = lambda m: every[m.group()]
        self._digraph_sub = re.compile("|".join(
            sorted(map(re.escape, every), key=len, reverse=True))).sub
        letters: dict[str, str] = {k: v for k, v in tables.SR_LAT_TO_CYR.items() if len(k) == 1}
        letters.update(tables.SR_LIGATURES)
        letters.update(tables.SR_MISDECODED)
        letters.update({latin: cyrillic for cyrillic, latin in tables.SR_ACCENTED.items()})
        if montenegrin:
            letters.update({v: k for k, v in tables.ME_EXTRA_CYR_TO_LAT.items()})
        self.table = str.maketrans(letters)
        # Cyrillic letters pass through: the digraph steps put them in the run before the
        # letter-by-letter step, and mixed text may hold them already.
        # Foreign letters (é, ü…) are protected before this step: they need no room here.
        punctuation = "".join(ch for ch in tables.COMMON_PUNCTUATION if not ch.isalpha())
        self.page = None if montenegrin else CodePage(
            letters, passthrough=tables.SERBIAN_CYRILLIC + punctuation)

    def digraphs(self, run: str) -> str:
        if len(run) > 256:
            # Long prose: one regex pass with a dict lookup per digraph beats one
            # str.replace pass per digraph (about 10 % on a million characters).
            return self._digraph_sub(self._digraph_letter, run)
        for latin, cyrillic in self.pairs:
            if latin in run:
                run = run.replace(latin, cyrillic)
        if any(letter in run for letter in self.capital_seconds):
            for latin, cyrillic in self.capital_pairs:
                if latin in run:
                    run = run.replace(latin, cyrillic)
        return run

    def letters(self, run: str) -> str:
        if self.page is None:
            return run.translate(self.table)
        return self.page.convert(run, self._translate)

    def _translate(self, run: str) -> str:
        return run.translate(self.table)

    def steps(self) -> tuple[Step, ...]:
        return (Step("digraphs", self.digraphs), Step("exceptions", self.exceptions),
                Step("letters", self.letters))

    def __call__(self, run: str) -> str:
        """The three steps fused into one call (runs are many and short in catalog text)."""
        run = self.digraphs(run)
        if self.exceptions_gate is not None:
            first = self.exceptions_gate(run)
            if first is not None:
                run = self.exceptions(run, first.start())
        if self.page is None:
            return run.translate(self.table)
        return self.page.convert(run, self._translate)


_CYR_UPPER = "\u0400-\u042f"
_UPPER_DIGRAPH = re.compile(
    # The letter first, so that the regex engine can skip to the next Љ, Њ or Џ.
    rf"[ЉЊЏ](?:(?=[{_CYR_UPPER}{tables.SR_LATIN_UPPER}])|(?<=[{_CYR_UPPER}{tables.SR_LATIN_UPPER}].))"
)
_UPPER_DIGRAPH_LATIN = {"Љ": "LJ", "Њ": "NJ", "Џ": "DŽ"}


class SerbianToLatin:
    def __init__(self, montenegrin: bool) -> None:
        letters = {**tables.SR_CYR_TO_LAT, **tables.SR_ACCENTED}
        self.table = str.maketrans(letters)
        self.montenegrin = montenegrin
        self.page = None if montenegrin else CodePage(
            letters,
            passthrough=tables.SR_LATIN_UPPER + tables.SR_LATIN_LOWER + tables.COMMON_PUNCTUATION)

    @staticmethod
    def _upper(match: re.Match[str]) -> str:
        return _UPPER_DIGRAPH_LATIN[match.group()]

    def steps(self) -> tuple[Step, ...]:
        return (Step("letters", self),)

    def __call__(self, run: str) -> str:
        if self.montenegrin and "\u0301" in run:
            for cyrillic, latin in tables.ME_EXTRA_CYR_TO_LAT.items():
                run = run.replace(cyrillic, latin)
        if "Љ" in run or "Њ" in run or "Џ" in run:
            run = _UPPER_DIGRAPH.sub(self._upper, run)
        if self.page is None:
            return run.translate(self.table)
        return self.page.convert(run, self._translate)

    def _translate(self, run: str) -> str:
        return run.translate(self.table)


# --------------------------------------------------------------------------- other languages
class TableRun:
    """A converter built from one of cyrtranslit's character tables.

    Multi-letter keys are matched longest first in one regex pass; single letters go through
    ``str.translate``.  Both passes are linear (cyrtranslit's own loop is quadratic).
    """

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping
        multi = sorted((k for k in mapping if len(k) > 1), key=len, reverse=True)
        self.multi = re.compile("|".join(map(re.escape, multi))) if multi else None
        self.table = str.maketrans({k: v for k, v in mapping.items() if len(k) == 1})

    def _lookup(self, match: re.Match[str]) -> str:
        return self.mapping[match.group()]

    def __call__(self, run: str) -> str:
        if self.multi is not None:
            # Multi-letter results are never keys of the single-letter table (checked in tests).
            run = self.multi.sub(self._lookup, run)
        return run.translate(self.table)
