"""Token-level rules of protection: what a space-free token is (an address, a file name, a
mnemonic), the foreign words and unit symbols of a text, and which tokens convert the same
wherever they stand (:func:`context_free`, :func:`context_tokens`).  The scanner
(:mod:`.scanner`) calls these; the engine's token cache relies on the last two."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .. import tables
from ..codepage import CodePage
from ..lexicon import EnglishWords


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


def opens_span(token: str) -> bool:
    """True when ``token`` opens something a later token may close (``-{``, ``<a``, ``{{``,
    ``<!--``): its span may reach any distance, not just the words around it.

    >>> opens_span("-{Novi"), opens_span("VI"), opens_span("<b>x</b>")
    (True, False, False)
    """
    return _READS_ON.search(token) is not None


# The same two tests over a whole text of space-separated tokens, each regex starting with a
# character class or a literal so that the regex engine skips to candidates in C: "<" unclosed
# before the next "<", a space or the end; a word of Roman letters (then looked up); a unit
# symbol after a space.
_READS_ON_TEXT = re.compile(r"-\{|<!--|\{[{%#]|<[^<> ]*(?:<| |$)")
_ROMAN_WORD = re.compile(r"[CDILMVX](?<!\w[CDILMVX])[CDILMVX]{0,2}(?!\w)")
_ROMAN_READ_AROUND = tables.ROMAN_LOOKALIKES | {"I", "V", "X"}
_UNIT_AFTER_SPACE = re.compile(rf" (?:{_UNIT_SYMBOLS})(?![\w/])")
_UNIT_AT_START = re.compile(rf"(?:{_UNIT_SYMBOLS})(?![\w/])")


def context_tokens(text: str, serbian_words: bool = True) -> list[int]:
    """The indexes of the tokens of ``text.split(" ")`` that are not :func:`context_free`,
    found in a few regex passes over the whole text (no Python work per token).

    >>> context_tokens("VI ste <a href='x'> i -{Novi Sad}- 35 mm")
    [0, 2, 5, 8]
    >>> text = "VI ste <a href='x'> i -{Novi Sad}- 35 mm"
    >>> [i for i, t in enumerate(text.split(" ")) if not context_free(t)]
    [0, 2, 5, 8]
    """
    found = _token_indexes(text, [m.start() for m in _READS_ON_TEXT.finditer(text)])
    if serbian_words:
        # As context_free reads a token: without underscores (spaces stay where they are).
        bare = text.replace("_", "") if "_" in text else text
        found |= _token_indexes(bare, [m.start() for m in _ROMAN_WORD.finditer(bare)
                                       if m.group() in _ROMAN_READ_AROUND])
        units = [m.start() + 1 for m in _UNIT_AFTER_SPACE.finditer(bare)]  # a token's start
        if _UNIT_AT_START.match(bare):
            units.insert(0, 0)
        found |= _token_indexes(bare, units)
    return sorted(found)


def _token_indexes(text: str, positions: list[int]) -> set[int]:
    """The token index (the spaces before it) of each position, in order, counted
    incrementally: linear in the text."""
    found: set[int] = set()
    count = previous = 0
    for pos in positions:
        count += text.count(" ", previous, pos)
        previous = pos
        found.add(count)
    return found

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


def _word_mapping() -> dict[str, str]:
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
    return mapping


_WORD_PAGE = CodePage(_word_mapping())


class _WordTable(dict[int, str]):
    """``str.translate``'s table for :func:`word_page` beyond the code page: a character not
    seen yet is classified once (in Python) and remembered, up to a bound (a text of a
    million distinct characters must not grow it without end); the rest is a lookup in C."""

    LIMIT = 1 << 16

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = (ch.lower() if ch.isascii() and ch.isalpha() else
                 "0" if ch.isdigit() or ch == "%" else "#" if ch.isalnum() else " ")
        if len(self) < self.LIMIT:
            self[code] = value
        return value


_WORD_TABLE = _WordTable({ord(k): v for k, v in _word_mapping().items()})


def word_page(text: str) -> str:
    """``text`` one char for one: ASCII letters lower-cased, digits and % as "0", other
    letters "#", everything else a space (the input of the foreign-word automaton, and a
    quick test for digits).

    >>> word_page("Ab1_ ž☃…"), word_page("Ab1_ ž")
    ('ab0# #  ', 'ab0# #')
    """
    return _WORD_PAGE.convert(text, _outside_word_page)


def _outside_word_page(run: str) -> str:
    return run.translate(_WORD_TABLE)


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
    index = 0  # taken is in order: walk it with the matches (linear, not matches x spans)
    for m in _UNIT.finditer(text):
        start, end = m.span(1)
        while index < len(taken) and taken[index].end <= start:
            index += 1
        if index < len(taken) and taken[index].start < end:
            continue
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

