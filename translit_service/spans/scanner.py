"""Find the parts of a text that must not be transliterated.

:func:`protected_spans` scans a text once, left to right, and returns the spans to copy as they
are: format placeholders, markup and entities, URLs, e-mail addresses, paths and file names,
command-line options, identifiers, foreign words, Roman numerals, technical acronyms and
explicit ``-{ … }-`` no-convert spans (whose markers are dropped).  Everything between two
spans is a *run* that the engine converts.

The scanner never backtracks over what it has passed: a cheap trigger regex finds the next
character that may start something protected, and a small handler decides.  Each handler looks
at most at the token around its trigger, and the scan resumes after it, so the work is linear in
the length of the text whatever it contains.

>>> [s.keep for s in protected_spans("Pošalji %(count)d fajlova na ana@example.com")]
['%(count)d', 'ana@example.com']
>>> protected_spans("-{Beograd}- i Beograd")
[Span(start=0, end=11, keep='Beograd', kind='nc')]
"""


from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from .. import tables
from ..lexicon import Lexicon
from .tokens import (
    _FORMAT_FIELD,
    _HANDLE,
    _KEY_PART,
    _MAX_TOKEN,
    _NEIGHBOUR,
    _NEXT_WORD,
    _OPTION,
    _PLACEHOLDER,
    _PREVIOUS_WORD,
    _ROMAN,
    _SHELL_VARIABLE,
    _STRFTIME,
    _TAG,
    _TOKEN_BREAKS,
    _TOKEN_TAIL,
    _VERSION,
    _WORD,
    ENTITY,
    Span,
    _is_mnemonic,
    _is_shouting,
    _is_word_char,
    classify_token,
    whole_token,
)

_UPPER = tables.SR_LATIN_UPPER
_LOWER = tables.SR_LATIN_LOWER

# One alternative per kind of trigger; each starts with a character (class), which keeps the
# search fast.  Order matters only where two alternatives start at the same character.
_FOREIGN_CLASS = re.escape(tables.FOREIGN_LETTERS)
_TRIGGER = re.compile(
    rf"""
    (?P<nc>-\{{)
  | (?P<pct>%(?=[(\d%a-zA-Z.#*+@^_'-]))
  | (?P<brace>\{{)
  | (?P<tag><(?=[A-Za-z/!?]))
  | (?P<entity>&(?=[#A-Za-z]))
  | (?P<url>:(?=//))
  | (?P<tag_word>[#@](?<![\w#@][#@])(?=[^\W\d_]))
  | (?P<at>@(?=[\w-]))
  | (?P<dot>\.(?=[A-Za-z]))
  | (?P<path>/(?<![^\s(\["'=}}]/)(?=[\w~.-]))
  | (?P<opt>-(?<![^\s(\[{{"'=|,]-)-?(?=[A-Za-z]))
  | (?P<call>\((?=\))(?<=\w\())
  | (?P<var>\$(?=[{{A-Za-z_]))
  | (?P<version>v(?<![\w.]v)(?=\d+\.\d))
  | (?P<plus>\+(?<=\w\+)(?=\w))
  | (?P<unit>°(?=[CFK](?!\w)))
  | (?P<ident>_)
  | (?P<foreign>[{_FOREIGN_CLASS}])
  | (?P<upper>[{_UPPER}](?:(?<=[{_LOWER}].)|(?<![^\W\d_].)(?=[{_UPPER}0-9])
                          |(?<=[IVX])(?<![^\W\d_].)(?!\w)))
    """,
    re.VERBOSE,
)

# The same triggers without groups, so that the regex engine can skip ahead to the next
# character of its first-character set; _TRIGGER then names the kind at that position.
_SINGLE_TRIGGERS = rf"\-%{{<&@/_$+°#{_FOREIGN_CLASS}"
_CANDIDATE = re.compile(
    rf"[{_SINGLE_TRIGGERS}{_UPPER}.:(v]"
    rf"(?:(?<=[{_SINGLE_TRIGGERS}])|(?<=\.)(?=[A-Za-z])|(?<=:)(?=//)|(?<=\()(?=\))"
    rf"|(?<=[{_LOWER}][{_UPPER}])|(?<=[{_UPPER}])(?<![^\W\d_].)(?=[{_UPPER}0-9])"
    rf"|(?<=[IVX])(?<![^\W\d_].)(?!\w)|(?<=v)(?<![\w.]v)(?=\d+\.\d))"
)
# Without the triggers that only Serbian Latin words need (capitals, foreign letters): what
# a scan for another script looks for (Cyrillic -> Latin keeps markup, addresses, -{ }-).
_PLAIN_TRIGGERS = r"\-%{<&@/_$+°#"
_CANDIDATE_PLAIN = re.compile(
    rf"[{_PLAIN_TRIGGERS}.:(]"
    rf"(?:(?<=[{_PLAIN_TRIGGERS}])|(?<=\.)(?=[A-Za-z])|(?<=:)(?=//)|(?<=\()(?=\)))"
)
_FOREIGN = frozenset(tables.FOREIGN_LETTERS)


def has_trigger(text: str, serbian_words: bool = True) -> bool:
    """True when ``text`` holds a character where the scanner may start a protected span.

    >>> has_trigger("Otvori datoteku"), has_trigger("Otvori %s"), has_trigger("NATO")
    (False, True, True)
    """
    return (_CANDIDATE if serbian_words else _CANDIDATE_PLAIN).search(text) is not None


class _Scanner:
    """State of one left-to-right scan (see the module docstring)."""

    def __init__(self, text: str, serbian_words: bool, acronyms: frozenset[str],
                 english: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.serbian_words = serbian_words
        self.acronyms = acronyms
        self.english = english
        self.spans: list[Span] = []
        self.floor = 0  # nothing before this index may become part of a new span
        self.rejected_until = 0  # compound token found not to be protected ends here
        self.closers: dict[str, int] = {}  # memo: next index of a closing delimiter

    # -- helpers ---------------------------------------------------------------------------
    def _find_closer(self, closer: str, pos: int) -> int:
        """Index of the next ``closer`` at or after ``pos`` (-1 if none), memoised so a text full
        of unclosed openers is still scanned once."""
        found = self.closers.get(closer)
        if found is None or (found != -1 and found < pos):
            found = self.text.find(closer, pos)
            self.closers[closer] = found
        return found

    def _word_bounds(self, pos: int) -> tuple[int, int]:
        text, start = self.text, pos
        while start > self.floor and _is_word_char(text[start - 1]):
            start -= 1
        m = _WORD.match(text, pos)
        return start, m.end() if m else pos

    def _protect(self, start: int, end: int, keep: str | None = None, kind: str = "code") -> int:
        self.spans.append(Span(start, end, self.text[start:end] if keep is None else keep, kind))
        self.floor = end
        return end

    # -- handlers: each returns the index to resume the scan from -----------------------------
    def no_convert(self, pos: int) -> int:
        close = self._find_closer("}-", pos + 2)
        if close == -1:
            return pos + 2
        return self._protect(pos, close + 2, self.text[pos + 2:close], "nc")

    def placeholder(self, pos: int) -> int:
        m = _PLACEHOLDER.match(self.text, pos) or _STRFTIME.match(self.text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def handle(self, pos: int) -> int:
        """@MODSrbija, #vesti: a handle or a hashtag is a name, kept as typed (an e-mail
        address, which also has an @, is the compound handler's)."""
        text = self.text
        glued = pos and not text[pos - 1].isspace() and text[pos - 1] not in "([\"'„“"
        if text[pos] == "@" and glued:
            return self.compound(pos)
        m = _HANDLE.match(text, pos)
        if m is None:
            return pos + 1
        end = m.end()
        if text[pos] == "@" and end < len(text) and text[end] in "@.":
            return self.compound(pos)
        return self._protect(pos, end)

    def version(self, pos: int) -> int:
        m = _VERSION.match(self.text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def variable(self, pos: int) -> int:
        """``$VAR`` and ``${VAR}``: shell and template variables."""
        m = _SHELL_VARIABLE.match(self.text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def key_combination(self, pos: int) -> int:
        """``Ctrl+Alt+Del``, ``Shift+F10``: a ``+``-joined token with a key name stays whole."""
        text, start = self.text, pos
        while start > self.floor and (_is_word_char(text[start - 1]) or text[start - 1] == "+"):
            start -= 1
        end = pos
        while end < len(text) and (_is_word_char(text[end]) or
                                   (text[end] == "+" and end + 1 < len(text)
                                    and _is_word_char(text[end + 1]))):
            end += 1
        parts = _KEY_PART.findall(text[start:end])
        if any(part.lower() in tables.KEY_NAMES for part in parts):
            return self._protect(start, end)
        return pos + 1

    def unit(self, pos: int) -> int:
        """°C, °F, K: a unit stays in Latin script."""
        return self._protect(pos, pos + 2, kind="word")

    def brace(self, pos: int) -> int:
        text = self.text
        pair = text[pos:pos + 2]
        closer = {"{{": "}}", "{%": "%}", "{#": "#}"}.get(pair)
        if closer:
            close = self._find_closer(closer, pos + 2)
            if close != -1 and close - pos <= _MAX_TOKEN:
                return self._protect(pos, close + 2)
        m = _FORMAT_FIELD.match(text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def tag(self, pos: int) -> int:
        text = self.text
        if text.startswith("<!--", pos):
            close = self._find_closer("-->", pos + 4)
            return self._protect(pos, close + 3, kind="markup") if close != -1 else pos + 1
        m = _TAG.match(text, pos)
        return self._protect(pos, m.end(), kind="markup") if m else pos + 1

    def entity(self, pos: int) -> int:
        m = ENTITY.match(self.text, pos)
        return self._protect(pos, m.end(), kind="markup") if m else pos + 1

    def compound(self, pos: int) -> int:
        """URL, e-mail, path, file or host name: classify the whole space-free token."""
        if pos < self.rejected_until:
            return pos + 1
        text, start = self.text, pos
        while start > self.floor and text[start - 1] not in _TOKEN_BREAKS:
            start -= 1
        m = _TOKEN_TAIL.match(text, pos)
        end = m.end() if m else pos
        token = text[start:end]
        length = classify_token(token)
        if length:
            return self._protect(start, start + length, kind="address")
        if self.serbian_words and end - start > 1 and not _FOREIGN.isdisjoint(token):
            # A space-free token with letters Serbian lacks (x.y.z, foo@bar@…): code or a
            # foreign name, kept whole (and scanned once, whatever it holds).
            return self._protect(start, end, kind="word")
        self.rejected_until = end
        return pos + 1

    def option(self, pos: int) -> int:
        m = _OPTION.match(self.text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def call(self, pos: int) -> int:
        start, _ = self._word_bounds(pos)
        return self._protect(start, pos + 2) if start < pos else pos + 1

    def word(self, pos: int) -> int:
        """Identifiers, camelCase, foreign words, Roman numerals and acronyms."""
        text = self.text
        start, end = self._word_bounds(pos)
        # A word glued to a dot, @ or :// may be part of a URL, e-mail or file name.
        if end < len(text) - 1 and text[end] in ".@:/" and not text[end + 1].isspace():
            resume = self.compound(end)
            if self.spans and self.spans[-1].start <= start < self.spans[-1].end:
                return resume
        word = text[start:end]
        if (word.startswith("_") and word.endswith("_") and len(word) > 2
                and word[1:-1].isalpha()):
            return max(end, pos + 1)  # _kurziv_: Markdown emphasis around a word
        if "_" in word and word.strip("_") != "" and not _is_mnemonic(word, self.english):
            return self._protect(start, end)  # GOBJECT_DEBUG, Page_Up, max_count
        keep = (
            (self.serbian_words and not _FOREIGN.isdisjoint(word))
            or self._upper_word_is_latin(word.replace("_", "") if "_" in word else word,
                                         start, end)
        )
        if not keep:
            return max(end, pos + 1)
        start, end = whole_token(text, start, end, self.floor)
        return self._protect(start, end, kind="word")

    def _upper_word_is_latin(self, word: str, start: int, end: int) -> bool:
        acronyms = self.acronyms
        if self.serbian_words and (word in acronyms or word.rstrip("0123456789") in acronyms):
            return True  # TRUE, NULL, MB (the default list), or a caller's
        if not word.isupper():
            # camelCase, iPhone, McDonald; "LJubav" (a capital digraph) has no lower-upper pair
            if word[1:].islower() or word.islower():
                return False
            return any(a.islower() and b.isupper() for a, b in pairwise(word))
        if not self.serbian_words:
            return False
        if len(word) == 1:
            return word in "IVX" and self._single_numeral(start, end)
        if _ROMAN.fullmatch(word):
            if word in tables.ROMAN_LOOKALIKES:
                return self._lookalike_is_numeral(start, end)
            return True
        return False

    def _neighbours(self, start: int, end: int) -> tuple[str, str]:
        """The words right before and after ``text[start:end]`` in the same clause."""
        text = self.text
        after = _NEXT_WORD.match(text, end, min(len(text), end + _NEIGHBOUR))
        before = _PREVIOUS_WORD.search(text, max(0, start - _NEIGHBOUR), start)
        return (before.group(1) if before else "", after.group(1) if after else "")

    def _lookalike_is_numeral(self, start: int, end: int) -> bool:
        """VI vek, Luj XIV: a numeral.  DA LI, MI SMO (capitals around it), MI smo, VI ste (a
        pronoun before an auxiliary verb): a word."""
        before, after = self._neighbours(start, end)
        if _is_shouting(before, self.acronyms) or _is_shouting(after, self.acronyms):
            return False
        return after.lower() not in tables.SERBIAN_AUXILIARIES

    def _single_numeral(self, start: int, end: int) -> bool:
        """Petar I Karađorđević, Aleksandar I: a lone I, V or X after a name is a numeral
        (elsewhere I is the conjunction, written in capitals)."""
        before, after = self._neighbours(start, end)
        named = len(before) > 1 and before[0].isupper() and before[1:].islower()
        return named and (not after or after[0].isupper()) and not _is_shouting(
            after, self.acronyms)

    # -- the scan --------------------------------------------------------------------------
    def run(self, pos: int = 0) -> list[Span]:
        """Scan from ``pos`` (where the first candidate is, when the caller found it)."""
        handlers = _HANDLERS
        candidates = _CANDIDATE if self.serbian_words else _CANDIDATE_PLAIN
        search, match, text = candidates.search, _TRIGGER.match, self.text
        word = _Scanner.word
        while (candidate := search(text, pos)) is not None:
            m = match(text, candidate.start())
            if m is None:
                pos = candidate.start() + 1
                continue
            handler = handlers.get(m.lastgroup or "", word)
            pos = handler(self, m.start())
        return self.spans


#: The handler of each kind of trigger (the others are words).
_HANDLERS: dict[str, Callable[[_Scanner, int], int]] = {
    "nc": _Scanner.no_convert, "pct": _Scanner.placeholder, "brace": _Scanner.brace,
    "tag": _Scanner.tag, "entity": _Scanner.entity, "url": _Scanner.compound,
    "at": _Scanner.compound, "dot": _Scanner.compound, "path": _Scanner.compound,
    "opt": _Scanner.option, "call": _Scanner.call, "var": _Scanner.variable,
    "plus": _Scanner.key_combination, "unit": _Scanner.unit, "tag_word": _Scanner.handle,
    "version": _Scanner.version,
}


def protected_spans(text: str, *, serbian_words: bool = True,
                    acronyms: frozenset[str] | None = None,
                    english: frozenset[str] = frozenset()) -> list[Span]:
    """Return the protected spans of ``text``, in order and not overlapping.

    ``serbian_words`` turns on the rules that only make sense for Serbian Latin: words with
    q/w/x/y, Roman numerals and the ``acronyms`` kept in Latin (default: the lexicon's list).
    A :class:`~translit_service.engine.Transliterator` remembers the spans of short texts.

    >>> [s.keep for s in protected_spans("XXI vek, REGEX 18, NULL i NATO, --no-debug, Page_Up")]
    ['XXI', 'REGEX', 'NULL', '--no-debug', 'Page_Up']
    """
    first = (_CANDIDATE if serbian_words else _CANDIDATE_PLAIN).search(text)
    if first is None:
        return []
    if acronyms is None:
        acronyms = Lexicon.default().latin_acronyms
    return _Scanner(text, serbian_words, acronyms, english).run(first.start())
