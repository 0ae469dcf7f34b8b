"""The site's conversion table: words to keep in Latin, and custom mappings.

What no rule can know, editors write down (as MediaWiki's conversion tables do).  A glossary
is a UTF-8 text file, one entry a line::

    # comments start with "#"
    PDF                       # keep in Latin inside Cyrillic text
    Ministry of Defence       # several words: kept as one
    Facebook = Фејсбук        # Latin = Cyrillic: written so in each script

Entries match whole words, case-insensitively, and keep the case pattern of the text
(``FACEBOOK`` -> ``ФЕЈСБУК``, ``facebook`` -> ``фејсбук``).  A mapping also covers the word's
inflected forms, a Serbian ending of up to four lower-case letters after it, which is converted
as usual (``Facebooku`` -> ``Фејсбуку``, ``Facebook-om`` -> ``Фејсбук-ом``).  A mapping works in
both directions (``Фејсбук`` -> ``Facebook`` in Latin output).

All entries are found by one Aho-Corasick automaton per direction, in C, so the cost of a
glossary hardly depends on its size.

>>> g = Glossary.parse("PDF\\nFacebook = Фејсбук\\n")
>>> [(s.keep, s.ending) for s in g.find("Pošalji PDF na Facebooku", "cyrl")]
[('PDF', ''), ('Фејсбук', 'u')]
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, NamedTuple

from .codepage import CodePage
from .errors import ConfigurationError

MAX_ENDING = 4


_PAGES: dict[str, CodePage] = {}


def _page(to: str) -> CodePage:
    """Text one char for one, in one byte a char: letters of the source script lower-cased
    (Serbian Latin and Cyrillic letters onto Latin-1 code points of their own), everything
    else a space.  Case-insensitive, word-bounded matching then runs on bytes."""
    if to not in _PAGES:
        mapping = {chr(c): (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}
        extra = "čćđšž" + "абвгдђежзијклљмнњопрстћуфхцчџш"
        for offset, letter in enumerate(extra):
            mapping[letter] = mapping[letter.upper()] = chr(0xA1 + offset)
        for ch in "\u00a0„“”‘’‚–—…«»°·•€§©®™×":
            mapping[ch] = " "
        _PAGES[to] = CodePage(mapping)
    return _PAGES[to]


def _through(page: CodePage, text: str) -> str:
    """``text`` through ``page``; a character outside it stands for itself (never a space)."""
    mapped = page(text)
    if mapped is not None:
        return mapped
    return "".join(page(ch) or ch.lower()[:1] or ch for ch in text)


class GlossaryError(ConfigurationError):
    """A glossary file that cannot be read; the message says ``path:line``."""

    code = "glossary_error"


class Entry(NamedTuple):
    latin: str
    cyrillic: str | None  # None: keep the Latin in both scripts


class Hit(NamedTuple):
    """A glossary match: ``text[start:end]`` becomes ``keep``, then ``ending`` (converted)."""

    start: int
    end: int
    keep: str
    ending: str


def _cased(target: str, source: str) -> str:
    """Write ``target`` in the case pattern of ``source`` (all caps, all lower, or as given)."""
    letters = [ch for ch in source if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return target.upper()
    if letters and all(ch.islower() for ch in letters):
        return target.lower()
    return target


class Glossary:
    """Parsed entries and their automata; hashable by content, so it can be an option."""

    def __init__(self, entries: list[Entry], source: str = "<glossary>") -> None:
        self.entries = tuple(entries)
        self.source = source
        self.digest = hashlib.sha256(repr(self.entries).encode()).hexdigest()[:16]
        self._automata: dict[str, Any] = {}
        self._heads: dict[str, frozenset[str]] = {}
        #: An entry without a letter (a number): only then can a token without letters match.
        self.has_letterless_keys = any(
            not any(ch.isalpha() for ch in key) for entry in self.entries
            for key in (entry.latin, entry.cyrillic or "x"))

    def __repr__(self) -> str:
        return f"Glossary({self.source!r}, {len(self.entries)} entries)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Glossary) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def parse(cls, text: str, source: str = "<glossary>") -> Glossary:
        entries = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            latin, sep, cyrillic = (part.strip() for part in line.partition("="))
            if not latin or (sep and not cyrillic):
                raise GlossaryError(f"{source}:{number}: expected 'Latin' or 'Latin = Cyrillic'")
            entries.append(Entry(" ".join(latin.split()),
                                 " ".join(cyrillic.split()) if sep else None))
        return cls(entries, source)

    @classmethod
    def from_file(cls, path: str | Path) -> Glossary:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise GlossaryError(f"{path}: {exc.strerror or exc}") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise GlossaryError(f"{path}:{line}: not valid UTF-8") from None
        return cls.parse(text, str(path))

    def _automaton(self, to: str) -> Any:
        """Keys in the source script of a conversion to ``to``, through :func:`_page`, each
        after a space (so that they only match at the start of a word)."""
        if to not in self._automata:
            import ahocorasick

            page = _page(to)
            automaton = ahocorasick.Automaton()
            heads = set()
            for entry in self.entries:
                if to == "cyrl":
                    key, value = entry.latin, entry.cyrillic
                elif entry.cyrillic is not None:
                    key, value = entry.cyrillic, entry.latin
                else:
                    key, value = entry.latin, None
                paged = _through(page, key)
                automaton.add_word(" " + paged, (len(key), value))
                words = paged.split()
                if len(words) > 1:
                    heads.add(words[0])
            if len(automaton):
                automaton.make_automaton()
            self._automata[to] = automaton
            self._heads[to] = frozenset(heads)
        return self._automata[to]

    def starts_phrase(self, token: str, to: str) -> bool:
        """True when an entry of several words (or parts: ``Coca-Cola``) may start in
        ``token``, a text without spaces, and go on past it.

        >>> g = Glossary.parse("Ministry of Defence\\nFacebook = Фејсбук")
        >>> [g.starts_phrase(t, "cyrl") for t in ("(Ministry", "Facebooku", "ministar")]
        [True, False, False]
        """
        heads = self._heads.get(to)
        if heads is None:
            self._automaton(to)
            heads = self._heads[to]
        return bool(heads) and not heads.isdisjoint(_through(_page(to), token).split())

    def has_heads(self, text: str, to: str) -> bool:
        """True when a word of ``text`` may start an entry of several words: a test of the
        whole text before :meth:`starts_phrase` is asked token by token.

        >>> Glossary.parse("Ministry of Defence").has_heads("the Ministry", "cyrl")
        True
        """
        heads = self._heads.get(to)
        if heads is None:
            self._automaton(to)
            heads = self._heads[to]
        return bool(heads) and not heads.isdisjoint(_through(_page(to), text).split())

    def changes_spaces(self, to: str) -> bool:
        """True when a match may take or give spaces: an entry of several words (``Coca
        Cola``, or ``Coca-Cola``, which matches ``Coca Cola`` too) or a replacement with a
        space in it."""
        if to not in self._heads:
            self._automaton(to)
        return bool(self._heads[to]) or any(" " in (entry.cyrillic or "") for entry in
                                            self.entries)

    def find(self, text: str, to: str) -> list[Hit]:
        """The entries in ``text`` for a conversion to ``to``, longest first where they
        overlap, as :class:`Hit` (the replacement, and an inflectional ending)."""
        automaton = self._automaton(to)
        if not len(automaton):
            return []
        hits: list[Hit] = []
        # " " + the text through the page: one byte a character, so the automaton runs at C
        # speed; a match " key" ends at end_index and its word starts len(key) before.
        for end_index, (length, value) in automaton.iter_long(" " + _through(_page(to), text)):
            start = end_index - length
            end = start + length
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            ending = ""
            after = end
            while after < len(text) and text[after].isalpha():
                after += 1
            if after > end:
                tail = text[end:after]
                if value is None or len(tail) > MAX_ENDING or not tail.islower():
                    continue  # inside a longer word
                ending = tail
            if value is None and after == end:  # HTML5, MP3: a kept word takes its digits
                while after < len(text) and text[after].isdigit():
                    after += 1
                end = after
            if after < len(text) and (text[after].isalnum() or text[after] == "_"):
                continue
            keep = text[start:end] if value is None else _cased(value, text[start:end])
            hits.append(Hit(start, end, keep, ending))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        chosen: list[Hit] = []
        for hit in hits:
            if chosen and hit.start < chosen[-1].end + len(chosen[-1].ending):
                continue
            chosen.append(hit)
        return chosen
