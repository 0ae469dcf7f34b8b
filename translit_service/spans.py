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
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

from . import tables
from .codepage import CodePage
from .lexicon import EnglishWords, Lexicon


class Span(NamedTuple):
    """A protected span: ``text[start:end]`` is replaced by ``keep`` in the output.

    ``kind`` says what it is: ``"nc"`` (an explicit ``-{ }-``), ``"markup"`` (a tag, comment or
    entity), ``"address"`` (a URL, e-mail address, path, file or host name), ``"code"``
    (placeholders, options, identifiers, calls) or ``"word"`` (foreign words, Roman
    numerals, acronyms, units).  Cyrillic to Latin converts Cyrillic letters in every kind but
    ``nc``, ``markup`` and ``address``: nothing written in Cyrillic needs protecting otherwise.
    """

    start: int
    end: int
    keep: str
    kind: str = "word"


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


_UNIT_SYMBOLS = (r"mm|cm|km|kg|mg|ml|Hz|kHz|MHz|GHz|dB|dpi|ppi|px|pt|ms|µs|ns|fps|kb/s|kB/s|"
                 r"Kb/s|Mb/s|MB/s|Gb/s|kbit/s|Mbit/s|kbps|Mbps|mAh|kWh|kW|MW|lm|lx")
#: Unit symbols kept in Latin after a number (35 mm, %d Hz).
UNIT_SYMBOLS = frozenset(_UNIT_SYMBOLS.split("|"))
# An opener a later token may close, or "<" without a ">" before the next "<".
_READS_ON = re.compile(r"-\{|<!--|\{[{%#]|<[^<>]*(?:<|$)")
_READS_AROUND = re.compile(
    "|".join(sorted(tables.ROMAN_LOOKALIKES | {"I", "V", "X"}, key=len, reverse=True)
             ).join((r"(?<!\w)(?:", r")(?!\w)"))
    + rf"|^(?:{_UNIT_SYMBOLS})(?![\w/])")


def context_free(token: str, serbian_words: bool = True) -> bool:
    """True when the protected spans of ``token``, a text without spaces, are the same
    wherever it stands between spaces: it opens nothing that a later token may close (``-{``,
    a tag, a comment, ``{{``), holds no Roman-numeral look-alike read from the words around
    it (``VI ste``, ``Petar I``) and is no unit symbol read from a number before it (``mm``
    in ``35 mm``).  Every other rule of the scanner looks no further than the token.

    >>> [context_free(t) for t in ("%(count)d", "<b>%s</b>:", "-{Novi", "<a", "VI", "mm")]
    [True, True, False, False, False, False]
    """
    if _READS_ON.search(token):
        return False  # <b>%s</b> is whole in its token, <a is not
    # Underscores out: _VI is a mnemonic whose word is VI.
    return not (serbian_words and _READS_AROUND.search(token.replace("_", "")))

_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^()\s]{0,64})\))?(?:\d{1,3}\$)?[-#0+'I]*(?:\*|\d{1,4})?"
    r"(?:\.(?:\*|\d{1,4}))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsa%]"
)
# strftime/date directives (%d.%m.%y, %H:%M:%S, %A, %b, %p…) and Objective-C's %@.
_STRFTIME = re.compile(r"%[-_0^#]?[EO]?[aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ+@]")
_HANDLE = re.compile(r"[#@][^\W_][\w.]*(?<!\.)")
_VERSION = re.compile(r"v\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.]+)?")
_SHELL_VARIABLE = re.compile(r"\$\{[^{}\s]{1,100}\}|\$[A-Za-z_][A-Za-z0-9_]{0,100}")
_KEY_PART = re.compile(r"[^\W_]+")
_FORMAT_FIELD = re.compile(r"\{[^{}\s]{0,100}\}")
_TAG = re.compile(r"<(?:[A-Za-z][\w:.-]*|/[A-Za-z][\w:.-]*|[!?])[^<>]{0,2000}>")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_OPTION = re.compile(r"--?[A-Za-z][\w-]*(?:=[^\s\"'<>]*)?")
_WORD = re.compile(r"\w*")
# A "compound token": no spaces, brackets or quotes; URLs, e-mails, paths, file and host names.
_TOKEN_TAIL = re.compile(r"[^\s<>\"'()\[\]{}«»„“”‘’]*")
_TOKEN_BREAKS = frozenset(" \t\n\r\f\v<>\"'()[]{}«»„“”‘’")
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S*")
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
    host, slash, _ = core.partition("/")
    if slash and "." in host and classify_token(host) == len(host):
        return len(core)  # a host name with a path: rts.rs/vesti, example.com/o-nama
    head, dot, last = core.rpartition(".")
    known = last.lower() in tables.FILE_EXTENSIONS or last in tables.TOP_LEVEL_DOMAINS
    plain_head = _NAME_CHARS.sub("", head.lstrip("*"))
    return len(core) if dot and known and (not head or plain_head.isalnum()) else 0


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]*$")


def _is_mnemonic(word: str, english: frozenset[str] = frozenset()) -> bool:
    """A menu label with a gettext accelerator marker, not an identifier: ``_Otvori``,
    ``_kao``, ``Fas_cikle``, ``no_vom``, ``u_desno`` (one underscore, letters only); an
    identifier is in capitals (``GOBJECT_DEBUG``), capitalised after the underscore
    (``Page_Up``, ``KP_Down``) or made of two ``english`` words (``max_count``).

    >>> [_is_mnemonic(w, frozenset({"max", "count"}))
    ...  for w in ("_Otvori", "Fas_cikle", "no_vom", "Page_Up", "max_count", "_a_b")]
    [True, True, True, False, False, False]
    """
    if word.count("_") != 1:
        return False
    head, _, tail = word.partition("_")
    if not (head + tail).isalpha() or not tail:
        return False
    if not head:
        return tail.islower() or (tail[0].isupper() and (len(tail) == 1 or tail[1:].islower()))
    sentence_case = head[0].isupper() and (len(head) == 1 or head[1:].islower())
    if not tail.islower() or not (head.islower() or sentence_case):
        return False
    return not (head.lower() in english and tail in english)


def _is_shouting(word: str, acronyms: frozenset[str]) -> bool:
    """An all-caps Serbian word: a sign that the sentence is written in capitals."""
    return (len(word) > 1 and word.isupper() and word not in acronyms
            and not _ROMAN.fullmatch(word))


def _word_page() -> CodePage:
    """ASCII letters lower-cased, other letters and digits '#', everything else a space: the
    words of a text, one char for one, for the foreign-word automaton."""
    mapping = {}
    for code in range(128):
        ch = chr(code)
        mapping[ch] = (ch.lower() if ch.isalpha() else "0" if ch.isdigit() or ch == "%"
                       else "#" if ch == "_" else " ")
    for ch in tables.SR_LATIN_UPPER + tables.SR_LATIN_LOWER + tables.SERBIAN_CYRILLIC:
        mapping.setdefault(ch, "#")
    for ch in tables.COMMON_PUNCTUATION:
        mapping.setdefault(ch, "#" if ch.isalpha() else " ")
    return CodePage(mapping)


_WORD_PAGE = _word_page()


def word_page(text: str) -> str:
    """``text`` one char for one: ASCII letters lower-cased, digits and % as "0", other
    letters "#", everything else a space (the input of the foreign-word automaton, and a
    quick test for digits)."""
    words = _WORD_PAGE(text)
    if words is None:  # a character outside the page
        words = "".join(ch.lower() if ch.isascii() and ch.isalpha() else
                        "0" if ch.isdigit() or ch == "%" else "#" if ch.isalnum() else " "
                        for ch in text)
    return words


def foreign_spans(text: str, english: EnglishWords, taken: Sequence[Span],
                  words: str | None = None) -> list[Span]:
    """Spans for the words of ``text`` that are English and not Serbian (Google, Delete,
    path), widened to their token (Coca-Cola), left out where ``taken`` (the scanner's spans)
    already covers them.  One pass of an Aho-Corasick automaton in C over the text's words;
    Python runs only for the hits.

    >>> from translit_service.lexicon import english_words
    >>> [s.keep for s in foreign_spans("Klikni Delete u Google Chrome-u", english_words(), [])]
    ['Delete', 'Google', 'Chrome']
    """
    if not english.foreign:
        return []
    if words is None:
        words = word_page(text)
    found: list[Span] = []
    floor = index = 0
    for end, length in english.automaton.iter(f" {words} "):
        start = end - length - 1  # the match is " word " in " text ": word = text[start:…]
        stop = start + length
        while index < len(taken) and taken[index].end <= start:
            floor = max(floor, taken[index].end)
            index += 1
        if (index < len(taken) and taken[index].start < stop) or start < floor:
            continue  # inside or across something protected already
        if stop - start > 1 and text[start:stop].isupper():
            continue  # HTTP, JPEG: capitals are acronyms, and the acronym policy decides
        ceiling = taken[index].start if index < len(taken) else len(text)
        # Across a hyphen or an apostrophe (Coca-Cola, McDonald's), not a slash: the word
        # on the other side of "Azija/Oral" is Serbian.
        start, stop = whole_token(text, start, stop, floor, ceiling, joiners="-'’")
        found.append(Span(start, stop, text[start:stop], "word"))
        floor = stop
    return found


# Unit symbols after a number or a numeric placeholder stay in Latin (SI symbols): 35 mm,
# %d Hz, 128 kb/s.  Only symbols of two or more letters: "5 m" is too often a Serbian word.
# A digit (or a numeric placeholder's letter) first, so that the regex engine skips to it.
_UNIT = re.compile(rf"(?:[0-9]|%(?:\.[0-9])?[dfiugs])[ \u00a0]?({_UNIT_SYMBOLS})(?![\w/])")


def unit_spans(text: str, taken: Sequence[Span], words: str | None = None) -> list[Span]:
    """Spans for unit symbols after numbers (35 mm, %d Hz) that nothing covers yet
    (``words``: :func:`word_page` of the text, when the caller has it).

    >>> [s.keep for s in unit_spans("35 mm, %d Hz i 128 kb/s, a ne mm", [])]
    ['mm', 'Hz', 'kb/s']
    """
    if "0" not in (word_page(text) if words is None else words):
        return []  # no digit, no %: a fast scan instead of a regex over the whole text
    found = []
    for m in _UNIT.finditer(text):
        start, end = m.span(1)
        if not any(s.start < end and start < s.end for s in taken):
            found.append(Span(start, end, m.group(1), "word"))
    return found


def whole_token(text: str, start: int, end: int, floor: int,
                ceiling: int | None = None, joiners: str = "-/'’") -> tuple[int, int]:
    """Widen a kept word to the token it belongs to, so that no token is written in two
    scripts (Wi-Fi, Rolls-Royce, AC/DC, McDonald's), but not over a Serbian case ending
    after a hyphen (PDF-a, Facebook-om stay PDF-а, Facebook-ом as Serbian writes them);
    never below ``floor`` nor past ``ceiling``."""
    limit = len(text) if ceiling is None else ceiling
    while end < limit - 1 and text[end] in joiners and text[end + 1].isalnum():
        part = _WORD.match(text, end + 1)
        assert part is not None
        if part.end() > limit or (text[end] == "-" and part.group().islower()
                                  and len(part.group()) <= 4):
            break
        end = part.end()
    while (start - 1 > floor and text[start - 1] in joiners and text[start - 1] not in "'’"
           and _is_word_char(text[start - 2])):
        before = start - 1
        while before > floor and _is_word_char(text[before - 1]):
            before -= 1
        start = before
    return start, end


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
