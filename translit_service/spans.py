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

>>> [text for _, _, text in protected_spans("Pošalji %(count)d fajlova na ana@example.com")]
['%(count)d', 'ana@example.com']
>>> protected_spans("-{Beograd}- i Beograd")
[Span(start=0, end=11, keep='Beograd')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import NamedTuple

from . import tables
from .lexicon import Lexicon


class Span(NamedTuple):
    """A protected span: ``text[start:end]`` is replaced by ``keep`` in the output."""

    start: int
    end: int
    keep: str


_UPPER = tables.SR_LATIN_UPPER
_LOWER = tables.SR_LATIN_LOWER

# One alternative per kind of trigger; each starts with a character (class), which keeps the
# search fast.  Order matters only where two alternatives start at the same character.
_TRIGGER = re.compile(
    rf"""
    (?P<nc>-\{{)
  | (?P<pct>%(?=[(\d%a-zA-Z.#*+-]))
  | (?P<brace>\{{)
  | (?P<tag><(?=[A-Za-z/!?]))
  | (?P<entity>&(?=[#A-Za-z]))
  | (?P<url>:(?=//[^\s/]))
  | (?P<at>@(?=[\w-]))
  | (?P<dot>\.(?=[A-Za-z]))
  | (?P<path>/(?<![^\s(\["'=]/)(?=[\w~.-]))
  | (?P<opt>-(?<![^\s(\[{{"'=|,]-)-?(?=[A-Za-z]))
  | (?P<call>\((?=\))(?<=\w\())
  | (?P<ident>_)
  | (?P<foreign>[{tables.FOREIGN_LETTERS}])
  | (?P<upper>[{_UPPER}](?:(?<=[{_LOWER}].)|(?<![^\W\d_].)(?=[{_UPPER}0-9])))
    """,
    re.VERBOSE,
)

# The same triggers without groups, so that the regex engine can skip ahead to the next
# character of its first-character set; _TRIGGER then names the kind at that position.
_SINGLE_TRIGGERS = rf"-%{{<&@/_{tables.FOREIGN_LETTERS}"
_CANDIDATE = re.compile(
    rf"[{_SINGLE_TRIGGERS}{_UPPER}.:(]"
    rf"(?:(?<=[{_SINGLE_TRIGGERS}])|(?<=\.)(?=[A-Za-z])|(?<=:)(?=//)|(?<=\()(?=\))"
    rf"|(?<=[{_LOWER}][{_UPPER}])|(?<=[{_UPPER}])(?<![^\W\d_].)(?=[{_UPPER}0-9]))"
)
_FOREIGN = frozenset(tables.FOREIGN_LETTERS)

_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^()\s]{0,64})\))?(?:\d{1,3}\$)?[-#0+]*(?:\*|\d{1,4})?"
    r"(?:\.(?:\*|\d{1,4}))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsa%]"
)
_FORMAT_FIELD = re.compile(r"\{[^{}\s]{0,100}\}")
_TAG = re.compile(r"<(?:[A-Za-z][\w:.-]*|/[A-Za-z][\w:.-]*|[!?])[^<>]{0,2000}>")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_OPTION = re.compile(r"--?[A-Za-z][\w-]*(?:=[^\s\"'<>]*)?")
_WORD = re.compile(r"\w*")
# A "compound token": no spaces, brackets or quotes; URLs, e-mails, paths, file and host names.
_TOKEN_TAIL = re.compile(r"[^\s<>\"'()\[\]{}«»„“”‘’]*")
_TOKEN_BREAKS = frozenset(" \t\n\r\f\v<>\"'()[]{}«»„“”‘’")
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PATH = re.compile(r"(?:~|\.\.?)?/[\w~.-]")
_ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_TRAILING = ".,;:!?"
_NAME_CHARS = re.compile(r"[._-]")
_MAX_TOKEN = 4096
_NEIGHBOUR = 40


def _strip_trailing(token: str) -> str:
    """Drop sentence punctuation after a URL, e-mail or file name."""
    return token.rstrip(_TRAILING)


def classify_token(token: str) -> int:
    """Return how many leading characters of a space-free token are a URL, e-mail address,
    path, file name or host name (0 when it is none of these).

    >>> classify_token("https://example.com/a.html."), classify_token("messages.po,")
    (26, 11)
    >>> classify_token("rečenica.Sledeća")
    0
    """
    if len(token) > _MAX_TOKEN:
        return 0
    if _URL.match(token) or _PATH.match(token):
        return len(_strip_trailing(token))
    if "@" in token:
        m = _EMAIL.match(token)
        return len(_strip_trailing(m.group())) if m else 0
    core = _strip_trailing(token)
    head, dot, last = core.rpartition(".")
    known = last.lower() in tables.FILE_EXTENSIONS or last in tables.TOP_LEVEL_DOMAINS
    plain_head = _NAME_CHARS.sub("", head.lstrip("*"))
    return len(core) if dot and known and (not head or plain_head.isalnum()) else 0


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _context_word(text: str, start: int, end: int) -> str:
    """The word a Roman-numeral look-alike is read with: the next word of the same clause
    (VI vek, VI STE), or else the word before it (Luj XVI, KARLO VI)."""
    after = re.match(r"[ \t]*([^\W\d_]+)", text[end:end + _NEIGHBOUR])
    if after:
        return after.group(1)
    before = re.findall(r"[^\W\d_]+", text[max(0, start - _NEIGHBOUR):start])
    return before[-1] if before else ""


def _is_shouting(word: str, acronyms: frozenset[str]) -> bool:
    """An all-caps Serbian word: a sign that the sentence is written in capitals."""
    return (len(word) > 1 and word.isupper() and word not in acronyms
            and not _ROMAN.fullmatch(word))


class _Scanner:
    """State of one left-to-right scan (see the module docstring)."""

    def __init__(self, text: str, serbian_words: bool, acronyms: frozenset[str]) -> None:
        self.text = text
        self.serbian_words = serbian_words
        self.acronyms = acronyms
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

    def _protect(self, start: int, end: int, keep: str | None = None) -> int:
        self.spans.append(Span(start, end, self.text[start:end] if keep is None else keep))
        self.floor = end
        return end

    # -- handlers: each returns the index to resume the scan from -----------------------------
    def no_convert(self, pos: int) -> int:
        close = self._find_closer("}-", pos + 2)
        if close == -1:
            return pos + 2
        return self._protect(pos, close + 2, self.text[pos + 2:close])

    def placeholder(self, pos: int) -> int:
        m = _PLACEHOLDER.match(self.text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

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
            return self._protect(pos, close + 3) if close != -1 else pos + 1
        m = _TAG.match(text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def entity(self, pos: int) -> int:
        m = ENTITY.match(self.text, pos)
        return self._protect(pos, m.end()) if m else pos + 1

    def compound(self, pos: int) -> int:
        """URL, e-mail, path, file or host name: classify the whole space-free token."""
        if pos < self.rejected_until:
            return pos + 1
        text, start = self.text, pos
        while start > self.floor and text[start - 1] not in _TOKEN_BREAKS:
            start -= 1
        m = _TOKEN_TAIL.match(text, pos)
        end = m.end() if m else pos
        length = classify_token(text[start:end])
        if length:
            return self._protect(start, start + length)
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
        keep = (
            ("_" in word and word.strip("_") != "")
            or (self.serbian_words and not _FOREIGN.isdisjoint(word))
            or self._upper_word_is_latin(word, start, end)
        )
        return self._protect(start, end) if keep else max(end, pos + 1)

    def _upper_word_is_latin(self, word: str, start: int, end: int) -> bool:
        acronyms = self.acronyms
        if self.serbian_words and (word in acronyms or word.rstrip("0123456789") in acronyms):
            return True  # PDF, HTML5, MP3
        if not word.isupper():
            # camelCase, iPhone, McDonald; "LJubav" (a capital digraph) has no lower-upper pair
            return any(a.islower() and b.isupper() for a, b in pairwise(word))
        if not self.serbian_words:
            return False
        if len(word) > 1 and _ROMAN.fullmatch(word):
            if word in tables.ROMAN_LOOKALIKES:
                return not _is_shouting(_context_word(self.text, start, end), self.acronyms)
            return True
        return False

    # -- the scan --------------------------------------------------------------------------
    def run(self) -> list[Span]:
        handlers: dict[str, Callable[[int], int]] = {
            "nc": self.no_convert, "pct": self.placeholder, "brace": self.brace,
            "tag": self.tag, "entity": self.entity, "url": self.compound, "at": self.compound,
            "dot": self.compound, "path": self.compound, "opt": self.option, "call": self.call,
        }
        search, match, text = _CANDIDATE.search, _TRIGGER.match, self.text
        pos = 0
        while (candidate := search(text, pos)) is not None:
            m = match(text, candidate.start())
            if m is None:
                pos = candidate.start() + 1
                continue
            handler = handlers.get(m.lastgroup or "")
            pos = handler(m.start()) if handler else self.word(m.start())
        return self.spans


def protected_spans(text: str, *, serbian_words: bool = True,
                    acronyms: frozenset[str] | None = None) -> list[Span]:
    """Return the protected spans of ``text``, in order and not overlapping.

    ``serbian_words`` turns on the rules that only make sense for Serbian Latin: words with
    q/w/x/y, Roman numerals and the ``acronyms`` kept in Latin (default: the lexicon's list).
    A :class:`~translit_service.engine.Transliterator` remembers the spans of short texts.

    >>> [s.keep for s in protected_spans("XXI vek, REGEX 18, PDF i NATO, --no-debug, Page_Up")]
    ['XXI', 'REGEX', 'PDF', '--no-debug', 'Page_Up']
    """
    if acronyms is None:
        acronyms = Lexicon.default().latin_acronyms
    return _Scanner(text, serbian_words, acronyms).run()
