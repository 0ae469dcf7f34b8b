"""The transliterator: Serbian Latin ⇄ Cyrillic, and the other cyrtranslit languages.

A text is split by :func:`~translit_service.spans.protected_spans` into protected spans, copied
as they are, and *runs*, converted here.  A Serbian run is converted in three linear passes:

1. the digraphs ``lj nj dž`` (and ``dj`` with ``dj_as="đ"``) become one Cyrillic letter, with
   ``str.replace``;
2. digraph exceptions (``data/digraph_exceptions.txt``): a digraph letter on a morpheme
   boundary becomes two letters again (naџiveti -> naджiveti), found by one regex that looks
   for the rare letters џ, њ, љ only;
3. every other letter in one pass through an 8-bit code page (:mod:`translit_service.codepage`:
   ``codecs.charmap_encode``/``charmap_decode``, several times faster than ``str.translate``),
   or with ``str.translate`` when the run holds a character outside the page.

Cyrillic to Latin is the same code page (or ``str.translate``) plus one regex that writes
``Љ Њ Џ`` as ``LJ NJ DŽ`` next to another capital letter (КЉУЧ -> KLJUČ), and as ``Lj Nj Dž``
otherwise (Љубав -> Ljubav).

>>> to_cyrillic("Nadživeli smo injekcije, LJUBAV i %(count)d vesti.")
'Надживели смо инјекције, ЉУБАВ и %(count)d вести.'
>>> to_latin("КЉУЧ и Љубав")
'KLJUČ i Ljubav'
>>> transliterate("<b title='Vesti'>Vesti</b>", to="cyrl", fmt="html")
"<b title='Вести'>Вести</b>"
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from . import tables
from .codepage import CodePage
from .errors import UnknownFormat, UnknownLanguage, UnknownScript
from .markup import convert_html
from .spans import protected_spans

SCRIPTS = ("cyrl", "latn")
FORMATS = ("text", "html")
DJ_READINGS = ("dj", "đ")

_Run = Callable[[str], str]


def _require_str(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


# --------------------------------------------------------------------------- Serbian runs
_DIGRAPH_OF_PAIR = {"dž": "џ", "nj": "њ", "lj": "љ", "dj": "ђ"}


def _with_digraphs(latin: str, dj_as_dje: bool) -> str:
    """Write the digraphs of a table entry as the exception regex will see them (nadžnj -> ...њ)."""
    for pair, letter in _DIGRAPH_OF_PAIR.items():
        if pair != "dj" or dj_as_dje:
            latin = latin.replace(pair, letter)
    return latin


def _exception_pattern(dj_as_dje: bool) -> re.Pattern[str]:
    """One regex matching every Cyrillic digraph letter that stands on a morpheme boundary.

    It runs after the digraphs were replaced, so it looks for the rare letters џ, њ, љ (and ђ)
    and checks the Latin letters around them: nadživeti -> naџiveti, where "na" + џ + "iv"
    matches the table line nad|živ, so џ goes back to д + ж.
    """
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for entry in tables.DIGRAPH_EXCEPTIONS:
        if entry.dj_only and not dj_as_dje:
            continue
        letter = _DIGRAPH_OF_PAIR[entry.prefix[-1] + entry.stem[0]]
        # Fixed-width lookbehinds: the prefix (with the letter itself), and for word-start
        # entries no letter before the prefix.
        before = re.escape(_with_digraphs(entry.prefix[:-1], dj_as_dje)) + letter
        behind = rf"(?<={before})"
        if entry.word_start:
            behind += rf"(?<![^\W\d_]{before})"
        stem = _with_digraphs(entry.stem[1:], dj_as_dje)
        by_letter.setdefault(letter, []).append((behind, stem))
    groups = []
    for letter, entries in sorted(by_letter.items()):
        # Cheap tests first: which letter this is, and the first letter of some stem after it.
        firsts = "".join(sorted({stem[0].lower() + stem[0].upper() for _, stem in entries if stem}))
        ahead = rf"(?=[{firsts}])" if all(stem for _, stem in entries) else ""
        alternatives = "|".join(f"{behind}(?={re.escape(stem)})" for behind, stem in entries)
        groups.append(rf"(?<=[{letter}{letter.upper()}]){ahead}(?i:{alternatives})")
    # A plain character class first lets the regex engine skip to the next rare letter.
    letters = "".join(sorted(by_letter)) + "".join(sorted(by_letter)).upper()
    return re.compile(rf"[{letters}](?:{'|'.join(groups)})")


_SPLIT_DIGRAPH = {"џ": "дж", "њ": "нј", "љ": "лј", "ђ": "дј"}


def _split_digraph(match: re.Match[str]) -> str:
    """џ -> дж; Џ -> ДЖ before a capital (NADŽIVETI), Дж otherwise (Djeca -> Дјеца)."""
    letter = match.group()
    pair = _SPLIT_DIGRAPH[letter.lower()]
    if letter.islower():
        return pair
    following = match.string[match.end():match.end() + 1]
    return pair.upper() if following.isupper() else pair[0].upper() + pair[1]


class _SerbianToCyrillic:
    def __init__(self, dj_as_dje: bool, montenegrin: bool) -> None:
        self.exceptions = _exception_pattern(dj_as_dje)
        digraphs = {k: v for k, v in tables.SR_LAT_TO_CYR.items() if len(k) == 2}
        if dj_as_dje:
            digraphs.update(tables.DJ_AS_DJE)
        # Digraphs with a capital second letter (LJ, nJ) are rare: one test gates all of them.
        self.digraphs = tuple((k, v) for k, v in digraphs.items() if k[1].islower())
        self.capital_digraphs = tuple((k, v) for k, v in digraphs.items() if k[1].isupper())
        self.capital_seconds = tuple(sorted({k[1] for k, _ in self.capital_digraphs}))
        letters: dict[str, str] = {k: v for k, v in tables.SR_LAT_TO_CYR.items() if len(k) == 1}
        letters.update(tables.SR_LIGATURES)
        if montenegrin:
            letters.update({v: k for k, v in tables.ME_EXTRA_CYR_TO_LAT.items()})
        self.table = str.maketrans(letters)
        # Cyrillic letters pass through: the digraph steps put them in the run before the
        # letter-by-letter step, and mixed text may hold them already.
        self.page = None if montenegrin else CodePage(
            letters, passthrough=tables.SERBIAN_CYRILLIC + tables.COMMON_PUNCTUATION)

    def __call__(self, run: str) -> str:
        if not run.isascii() and not unicodedata.is_normalized("NFC", run):
            run = unicodedata.normalize("NFC", run)
        for latin, cyrillic in self.digraphs:
            if latin in run:
                run = run.replace(latin, cyrillic)
        if any(letter in run for letter in self.capital_seconds):
            for latin, cyrillic in self.capital_digraphs:
                if latin in run:
                    run = run.replace(latin, cyrillic)
        run = self.exceptions.sub(_split_digraph, run)
        fast = self.page(run) if self.page else None
        return fast if fast is not None else run.translate(self.table)


_CYR_UPPER = "\u0400-\u042f"
_UPPER_DIGRAPH = re.compile(
    # The letter first, so that the regex engine can skip to the next Љ, Њ or Џ.
    rf"[ЉЊЏ](?:(?=[{_CYR_UPPER}{tables.SR_LATIN_UPPER}])|(?<=[{_CYR_UPPER}{tables.SR_LATIN_UPPER}].))"
)
_UPPER_DIGRAPH_LATIN = {"Љ": "LJ", "Њ": "NJ", "Џ": "DŽ"}


class _SerbianToLatin:
    def __init__(self, montenegrin: bool) -> None:
        self.table = str.maketrans(tables.SR_CYR_TO_LAT)
        self.montenegrin = montenegrin
        self.page = None if montenegrin else CodePage(
            tables.SR_CYR_TO_LAT,
            passthrough=tables.SR_LATIN_UPPER + tables.SR_LATIN_LOWER + tables.COMMON_PUNCTUATION)

    @staticmethod
    def _upper(match: re.Match[str]) -> str:
        return _UPPER_DIGRAPH_LATIN[match.group()]

    def __call__(self, run: str) -> str:
        if self.montenegrin and "\u0301" in run:
            for cyrillic, latin in tables.ME_EXTRA_CYR_TO_LAT.items():
                run = run.replace(cyrillic, latin)
        if "Љ" in run or "Њ" in run or "Џ" in run:
            run = _UPPER_DIGRAPH.sub(self._upper, run)
        fast = self.page(run) if self.page else None
        return fast if fast is not None else run.translate(self.table)


# --------------------------------------------------------------------------- other languages
class _TableRun:
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


def _cyrtranslit_tables() -> dict[str, dict[str, dict[str, str]]]:
    from cyrtranslit.mapping import TRANSLIT_DICT

    return {code: dict(value) for code, value in TRANSLIT_DICT.items()}


_SERBIAN = ("sr", "me")
_ALIASES = {"rs": "sr", "cnr": "me", "uk": "ua", "be": "by", "sr-latn": "sr", "sr-cyrl": "sr"}


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """The language codes the engine accepts (aliases such as ``rs`` and ``uk`` aside).

    >>> "sr" in languages() and "ru" in languages()
    True
    """
    others = {code for code in _cyrtranslit_tables() if code not in _ALIASES}
    return tuple(sorted(set(_SERBIAN) | others))


def _normalise_lang(lang: object) -> str:
    if isinstance(lang, str):
        code = _ALIASES.get(lang.lower(), lang.lower())
        if code in languages():
            return code
    raise UnknownLanguage("lang", lang, languages())


@lru_cache(maxsize=64)
def _run_converter(to: str, lang: str, dj_as_dje: bool) -> _Run:
    if lang in _SERBIAN:
        if to == "cyrl":
            return _SerbianToCyrillic(dj_as_dje, lang == "me")
        return _SerbianToLatin(lang == "me")
    entry = _cyrtranslit_tables()[lang]
    return _TableRun(dict(entry["tocyrillic" if to == "cyrl" else "tolatin"]))


def _convert(text: str, run: _Run, serbian_words: bool, acronyms: frozenset[str]) -> str:
    spans = protected_spans(text, serbian_words=serbian_words, acronyms=acronyms)
    if not spans:
        return run(text)
    out: list[str] = []
    pos = 0
    for start, end, keep in spans:
        if start > pos:
            out.append(run(text[pos:start]))
        out.append(keep)
        pos = end
    if pos < len(text):
        out.append(run(text[pos:]))
    return "".join(out)


def _acronyms(latin_acronyms: Iterable[str] | None) -> frozenset[str]:
    if latin_acronyms is None:
        return tables.LATIN_ACRONYMS
    if isinstance(latin_acronyms, str):
        raise TypeError("latin_acronyms must be a collection of words, not a str")
    return frozenset(latin_acronyms)


def _text_converter(to: str, lang: str, dj_as: str, latin_acronyms: Iterable[str] | None) -> _Run:
    if to not in SCRIPTS:
        raise UnknownScript("script", to, SCRIPTS)
    code = _normalise_lang(lang)
    if dj_as not in DJ_READINGS:
        raise UnknownFormat("dj_as", dj_as, DJ_READINGS)
    run = _run_converter(to, code, dj_as == "đ")
    serbian = code in _SERBIAN and to == "cyrl"
    acronyms = _acronyms(latin_acronyms)
    return lambda text: _convert(text, run, serbian, acronyms) if text else text


# --------------------------------------------------------------------------- public API
def to_cyrillic(text: str, *, lang: str = "sr", dj_as: str = "dj",
                latin_acronyms: Iterable[str] | None = None) -> str:
    """Convert Latin script to Cyrillic, leaving protected spans as they are.

    ``dj_as="đ"`` reads ``dj`` as ``đ``, for text typed without diacritics (see the README for
    the risks); ``latin_acronyms`` replaces the default list of acronyms kept in Latin.

    >>> to_cyrillic("Tanjug: XXI vek, NATO i PDF na https://example.com")
    'Танјуг: XXI век, НАТО и PDF на https://example.com'
    >>> to_cyrillic("Djordje i odjednom", dj_as="đ")
    'Ђорђе и одједном'
    """
    return _text_converter("cyrl", lang, dj_as, latin_acronyms)(_require_str(text))


def to_latin(text: str, *, lang: str = "sr") -> str:
    """Convert Cyrillic script to Latin, leaving protected spans as they are.

    >>> to_latin("ЉУБАВ, Љубав, ЉУ, џак")
    'LJUBAV, Ljubav, LJU, džak'
    """
    return _text_converter("latn", lang, "dj", None)(_require_str(text))


def transliterate(text: str, to: str = "cyrl", fmt: str = "text", lang: str = "sr", *,
                  dj_as: str = "dj", latin_acronyms: Iterable[str] | None = None) -> str:
    """Convert ``text`` to the script ``to`` (``"cyrl"`` or ``"latn"``).

    With ``fmt="html"`` only text nodes and ``title``/``alt`` attribute values convert; tags,
    entities and the content of ``script``, ``style``, ``code``, ``pre`` (and of any element
    with ``translate="no"``) are copied as they are.

    >>> transliterate("Ljubav", to="cyrl")
    'Љубав'
    >>> transliterate("x", to="greek")
    Traceback (most recent call last):
    ...
    translit_service.errors.UnknownScript: unknown script 'greek'; valid values: cyrl, latn
    """
    _require_str(text)
    script = to.lower() if isinstance(to, str) else to
    convert = _text_converter(script, lang, dj_as, latin_acronyms)
    if fmt == "text":
        return convert(text)
    if fmt == "html":
        return convert_html(text, convert)
    raise UnknownFormat("format", fmt, FORMATS)


# --------------------------------------------------------------------------- detection
class ScriptDetection(NamedTuple):
    """What :func:`detect_script` found: the verdict and the share of each script's letters."""

    script: str
    latin: float
    cyrillic: float


CYRILLIC_LETTER = re.compile(r"[\u0400-\u0481\u048a-\u052f]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
MIXED_BELOW = 0.9


def detect_script(text: str) -> ScriptDetection:
    """Tell which script a text is written in, ignoring what would never be converted
    (URLs, placeholders, markup, foreign words, acronyms).

    ``script`` is ``"latn"`` or ``"cyrl"`` when at least 90 % of the letters are in that
    script, ``"mixed"`` below that and ``"none"`` when there are no letters.

    >>> detect_script("Ovo je tekst o NATO-u.")
    ScriptDetection(script='latn', latin=1.0, cyrillic=0.0)
    >>> detect_script("Ово је текст, https://example.com").script
    'cyrl'
    >>> detect_script("1234").script
    'none'
    """
    text = _require_str(text)
    spans = protected_spans(text)
    if spans:
        parts, pos = [], 0
        for start, end, _ in spans:
            parts.append(text[pos:start])
            pos = end
        parts.append(text[pos:])
        text = " ".join(parts)
    cyrillic = CYRILLIC_LETTER.subn("", text)[1]
    latin = LATIN_LETTER.subn("", text)[1]
    total = cyrillic + latin
    if not total:
        return ScriptDetection("none", 0.0, 0.0)
    latin_share, cyrillic_share = round(latin / total, 4), round(cyrillic / total, 4)
    if latin_share >= MIXED_BELOW:
        return ScriptDetection("latn", latin_share, cyrillic_share)
    if cyrillic_share >= MIXED_BELOW:
        return ScriptDetection("cyrl", latin_share, cyrillic_share)
    return ScriptDetection("mixed", latin_share, cyrillic_share)
