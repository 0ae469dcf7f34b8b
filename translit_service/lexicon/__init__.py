"""Word data the engine reads: digraph exceptions and the acronyms kept in Latin.

Data lives apart from logic, in ``lexicon/data/*.txt`` (one entry a line, a header that says
where the entries come from and under which licence).  Nothing is read at import: a
:class:`Lexicon` loads its files on first use, once per process (gunicorn's ``preload_app``
then shares the pages between workers), and knows which files it read, so that an owner can
tell when to rebuild.

>>> lexicon = Lexicon.default()
>>> ("nad", "živ", False, False, False) in lexicon.digraph_exceptions
True
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

from .digraphs import DigraphException, DigraphSplitter, parse_exceptions

__all__ = ["DigraphException", "DigraphSplitter", "EnglishWords", "Lexicon", "data_path",
           "english_words"]


def data_path(name: str) -> Path:
    """The path of a file in ``lexicon/data``."""
    return Path(str(files("translit_service.lexicon").joinpath("data").joinpath(name)))


def data_lines(name: str) -> list[str]:
    """The entries of a data file: comments (``#`` to the end of the line) and blanks dropped."""
    text = data_path(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


class Lexicon(NamedTuple):
    """The word tables one :class:`~translit_service.engine.Transliterator` reads.  The
    bigger ones (English words, the diacritics tables) are read on first use and kept in
    ``loaded``; every file is in ``sources``, so that a changed file makes the owner's
    instance stale (:meth:`~translit_service.engine.Transliterator.is_stale`)."""

    digraph_exceptions: tuple[DigraphException, ...]
    latin_acronyms: frozenset[str]
    sources: tuple[Path, ...] = ()
    loaded: dict[str, Any] | None = None

    def english_words(self) -> EnglishWords:
        """The English word lists (``english_words.txt.gz``), read on first use."""
        if self.loaded is None:
            return english_words()
        found = self.loaded.get("english")
        if found is None:
            found = self.loaded["english"] = read_english_words()
        return found

    @staticmethod
    def load() -> Lexicon:
        """Read the packaged tables now (see :meth:`default` for the shared copy): the
        hand-made digraph exceptions, those generated from the Serbian dictionary
        (tools/build_lexicon.py) and the acronyms kept in Latin."""
        hand, generated, acronyms = ("digraph_exceptions.txt", "digraph_exceptions_hunspell.txt",
                                     "latin_acronyms.txt")
        exceptions = parse_exceptions(data_lines(hand))
        sources = [data_path(hand), data_path(acronyms)]
        if data_path(generated).exists():
            exceptions += parse_exceptions(data_lines(generated))
            sources.append(data_path(generated))
        sources += [data_path(name) for name in LAZY_FILES if data_path(name).exists()]
        return Lexicon(exceptions, frozenset(data_lines(acronyms)), tuple(sources), {})

    @staticmethod
    @functools.cache
    def default() -> Lexicon:
        """The packaged tables, read on the first call and shared by the whole process."""
        return Lexicon.load()

    def with_exceptions(self, lines: Iterable[str]) -> Lexicon:
        """The same lexicon with more digraph-exception lines (``prefix|stem [dj]``)."""
        extra = parse_exceptions(lines)
        return self._replace(digraph_exceptions=self.digraph_exceptions + extra)


#: Shorter English words are too often Serbian abbreviations (feb, apr, avg: months).
MIN_FOREIGN_LENGTH = 4


class EnglishWords:
    """English words (wordfreq, Zipf >= 3), and those of them that are not Serbian, with an
    Aho-Corasick automaton over the latter (built on first use) that finds them in C."""

    def __init__(self, all_words: frozenset[str], foreign: frozenset[str]) -> None:
        self.all = all_words
        self.foreign = foreign
        self._automaton: Any = None

    @property
    def automaton(self) -> Any:
        """Matches `` word `` (space on both sides) for every foreign word."""
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for word in self.foreign:
                if len(word) >= MIN_FOREIGN_LENGTH:
                    automaton.add_word(f" {word} ", len(word))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


#: The files read on first use, not at load (watched all the same).
LAZY_FILES = ("english_words.txt.gz", "diacritics.tsv.gz", "diacritics_forms.bin.gz")


def english_words() -> EnglishWords:
    """The English word lists of the shared lexicon (:meth:`Lexicon.default`)."""
    return Lexicon.default().english_words()


def read_english_words() -> EnglishWords:
    """``english_words.txt.gz`` (built by tools/build_lexicon.py), read now."""
    path = data_path("english_words.txt.gz")
    if not path.exists():
        return EnglishWords(frozenset(), frozenset())
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip()]
    words = frozenset(line.split("\t")[0] for line in lines)
    foreign = frozenset(line for line in lines if "\t" not in line)
    return EnglishWords(words, foreign)
