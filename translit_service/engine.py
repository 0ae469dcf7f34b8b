"""The transliterator: Serbian Latin ⇄ Cyrillic, and the other cyrtranslit languages.

A :class:`Transliterator` is built for one :class:`~translit_service.options.Options` and
owns what it compiles.  To reach a script it runs a :class:`Pipeline`: the text is split by
:func:`~translit_service.spans.protected_spans` into protected spans, copied as they are, and
*runs*, passed through the pipeline's named steps.  A Serbian Latin run takes three linear
steps:

1. ``digraphs``: ``lj nj dž`` (and ``dj`` with ``dj_as="đ"``) become one Cyrillic letter, with
   ``str.replace``;
2. ``exceptions``: a digraph letter on a morpheme boundary becomes two letters again
   (naџiveti -> naджiveti), looked up per letter in the lexicon's table
   (:class:`~translit_service.lexicon.DigraphSplitter`);
3. ``letters``: every other letter in one pass through an 8-bit code page
   (:mod:`translit_service.codepage`: ``codecs.charmap_encode``/``charmap_decode``, several
   times faster than ``str.translate``), or with ``str.translate`` when the run holds a
   character outside the page.

Cyrillic to Latin is the same code page (or ``str.translate``) plus one regex that writes
``Љ Њ Џ`` as ``LJ NJ DŽ`` next to another capital letter (КЉУЧ -> KLJUČ), and as ``Lj Nj Dž``
otherwise (Љубав -> Ljubav).

Text is mostly words seen before, so each pipeline keeps a *token memo*: what each
space-free token converted to, for the tokens that convert the same wherever they stand
(:func:`~translit_service.spans.context_free`).  A text made of such tokens, all seen before,
is one dictionary lookup a token (``" ".join(map(memo.__getitem__, text.split(" ")))``);
any other text is scanned as above, and its tokens are learnt from the result.

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
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import tables
from .codepage import CodePage
from .diacritics import Restorer
from .errors import UnknownFormat, UnknownScript
from .glossary import Glossary, Hit
from .lexicon import DigraphSplitter, Lexicon, english_words
from .markup import convert_html
from .options import DJ_READINGS, Options, languages
from .spans import (
    UNIT_SYMBOLS,
    Span,
    context_free,
    foreign_spans,
    has_trigger,
    protected_spans,
    unit_spans,
    word_page,
)

SCRIPTS = ("cyrl", "latn")
FORMATS = ("text", "html")
__all__ = ["DJ_READINGS", "FORMATS", "SCRIPTS", "Options", "Pipeline", "ScriptDetection", "Step",
           "Transliterator", "detect_script", "languages", "to_cyrillic", "to_latin",
           "transliterate"]

_Run = Callable[[str], str]


def _require_str(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


# --------------------------------------------------------------------------- Serbian runs
class _SerbianToCyrillic:
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
        fast = self.page(run) if self.page else None
        return fast if fast is not None else run.translate(self.table)

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


class Step(NamedTuple):
    """One named step of a pipeline: a function from a run of text to a run of text."""

    name: str
    function: _Run


def _compose(steps: tuple[Step, ...]) -> _Run:
    functions = [step.function for step in steps]
    if len(functions) == 1:
        return functions[0]

    def run_all(run: str) -> str:
        for function in functions:
            run = function(run)
        return run

    return run_all


class Pipeline(NamedTuple):
    """What a :class:`Transliterator` does to reach one script: protect, then run the steps
    over every stretch of text between protected spans."""

    to: str
    steps: tuple[Step, ...]
    run: _Run
    serbian_words: bool  # protect foreign words, Roman numerals and acronyms
    restore: bool = False  # restore diacritics first (a step on the whole text)
    #: Space-free tokens seen before: their conversion, or None where something may be
    #: protected (see :meth:`Transliterator._convert_chunks`).
    tokens: dict[str, str | None] | None = None


class Transliterator:
    """Converts text with one set of :class:`~translit_service.options.Options`.

    It holds what it compiled (one :class:`Pipeline` per target script, built on first use)
    and its caches (the protected spans of recent short texts), so an application builds one
    and keeps it (``app.extensions["translit"]``), a CLI run builds one, and batch workers
    get one each through their pool initializer.  The word tables come from a
    :class:`~translit_service.lexicon.Lexicon`, the packaged one unless another is given,
    read on first use; :meth:`is_stale` tells when its files changed on disk.

    >>> engine = Transliterator(dj_as="đ")
    >>> engine.convert("Djordje i odjednom", to="cyrl")
    'Ђорђе и одједном'
    >>> [step.name for step in engine.pipeline("cyrl").steps]
    ['digraphs', 'exceptions', 'letters']
    >>> engine.detect_script("Ђорђе").script
    'cyrl'
    """

    #: Texts up to this length have their protected spans remembered (UI strings, requests).
    SHORT_TEXT = 2048
    SPAN_CACHE_SIZE = 256
    #: The token memo forgets what it learnt past this many tokens.
    MEMO_SIZE = 20_000

    def __init__(self, options: Options | None = None, *, lexicon: Lexicon | None = None,
                 **kwargs: Any) -> None:
        self.options = Options.merge(options, **kwargs)
        self._lexicon = lexicon
        self._pipelines: dict[str, Pipeline] = {}
        self._stamp: tuple[tuple[str, int, int], ...] | None = None
        self._short_spans = lru_cache(maxsize=self.SPAN_CACHE_SIZE)(self._scan_short)
        # Detection's token memo: letters outside protected spans, Latin and Cyrillic.
        self._letters: tuple[dict[str, int | None], dict[str, int | None]] = ({}, {})

    def __repr__(self) -> str:
        return f"Transliterator({self.options!r})"

    # -- data ----------------------------------------------------------------------------
    @property
    def lexicon(self) -> Lexicon:
        """The word tables (read on first use)."""
        if self._lexicon is None:
            self._lexicon = Lexicon.default()
        if self._stamp is None:
            self._stamp = _stamp(self._lexicon.sources)
        return self._lexicon

    @property
    def acronyms(self) -> frozenset[str]:
        found = self.options.latin_acronyms
        return found if found is not None else self.lexicon.latin_acronyms

    def is_stale(self) -> bool:
        """True when a data file this instance read has changed since (rebuild it then)."""
        if self._lexicon is None or self._stamp is None:
            return False
        return _stamp(self._lexicon.sources) != self._stamp

    def reloaded(self) -> Transliterator:
        """A new instance with the same options and freshly read data files."""
        return Transliterator(self.options, lexicon=Lexicon.load())

    def describe(self) -> dict[str, Any]:
        """What /readyz reports: the options, the data files and the table sizes."""
        lexicon = self.lexicon
        return {"options": self.options.as_dict(),
                "digraph_exceptions": len(lexicon.digraph_exceptions),
                "latin_acronyms": len(self.acronyms),
                "data_files": [p.name for p in lexicon.sources],
                "stale": self.is_stale()}

    # -- pipelines -----------------------------------------------------------------------
    def pipeline(self, to: str) -> Pipeline:
        """The steps that convert text to script ``to`` (built on first use)."""
        found = self._pipelines.get(to)
        if found is None:
            if to not in SCRIPTS:
                raise UnknownScript("script", to, SCRIPTS)
            found = self._pipelines[to] = self._build(to)
        return found

    def _build(self, to: str) -> Pipeline:
        options = self.options
        lang = options.lang
        steps: tuple[Step, ...]
        if options.serbian and to == "cyrl":
            dj_as_dje = options.dj_as == "đ"
            splitter = DigraphSplitter(self.lexicon.digraph_exceptions, dj_as_dje)
            converter = _SerbianToCyrillic(splitter, dj_as_dje, lang == "me")
            # The converter's own call runs its three steps without three calls per run.
            return Pipeline(to, converter.steps(), converter, True, options.restore_diacritics,
                            None if options.restore_diacritics else {})
        elif options.serbian:
            steps = _SerbianToLatin(lang == "me").steps()
        else:
            entry = _cyrtranslit_tables()[lang]
            steps = (Step("letters", _TableRun(dict(entry["tocyrillic" if to == "cyrl"
                                                            else "tolatin"]))),)
        return Pipeline(to, steps, _compose(steps), options.serbian and to == "cyrl", False, {})

    # -- protection ----------------------------------------------------------------------
    def _scan(self, text: str, to: str) -> list[Span]:
        """The protect step: the scanner's spans, the glossary's entries, foreign words."""
        serbian_words = self.options.serbian and to == "cyrl"
        english = english_words() if serbian_words else None
        found = protected_spans(text, serbian_words=serbian_words, acronyms=self.acronyms,
                                english=english.all if english else frozenset())
        glossary = self.options.glossary
        if isinstance(glossary, Glossary) and self.options.serbian:
            found = _with_glossary(found, glossary.find(text, to))
        if serbian_words:
            words = word_page(text)
            if english and self.options.foreign == "keep":
                extra = foreign_spans(text, english, found, words)
                if extra:
                    found = sorted(found + extra)
            units = unit_spans(text, found, words)
            if units:
                found = sorted(found + units)
        return found

    def _scan_short(self, text: str, to: str) -> tuple[Span, ...]:
        return tuple(self._scan(text, to))

    def spans(self, text: str, to: str = "cyrl") -> Sequence[Span]:
        """The protected spans of ``text`` for a conversion to ``to`` (remembered for short
        texts, so that converting a text and detecting its script scan it once)."""
        if len(text) <= self.SHORT_TEXT:
            return self._short_spans(text, to)
        return self._scan(text, to)

    # -- conversion ----------------------------------------------------------------------
    def _convert_text(self, text: str, pipeline: Pipeline, keep: frozenset[str] = frozenset(),
                      ) -> str:
        memo = pipeline.tokens
        if memo is None or keep:
            return self._convert_scanned(text, pipeline, keep)
        if len(text) <= _CHUNK:
            try:  # a None (a token to read in context) in the join raises TypeError
                return " ".join(map(memo.__getitem__, text.split(" ")))  # type: ignore[arg-type]
            except (KeyError, TypeError):  # a token not seen yet, or one to read in context
                pass
        return self._convert_chunks(text, pipeline, memo)

    def _convert_chunks(self, text: str, pipeline: Pipeline, memo: dict[str, str | None],
                        ) -> str:
        """``text`` converted token by token through ``memo`` up to the first token that
        must be read in context, and scanned whole from the word before it.

        Text is mostly words seen before, and most space-free tokens convert the same
        wherever they stand: every step of a run, and most rules of the scanner, look no
        further than the token (:func:`~translit_service.spans.context_free` names the
        exceptions, which look at most one word back).  So a text made of such tokens costs
        one dictionary lookup a token, and no protected span crosses into what follows them.
        Long texts go by chunks of about ``_CHUNK`` characters, cut after a space.
        """
        if len(memo) >= self.MEMO_SIZE:
            memo.clear()
        if len(text) <= _CHUNK:
            tokens = text.split(" ")
            unseen = {t for t in tokens if t not in memo}
            if 0 < len(unseen) <= _FEW_UNSEEN and all(self._context_free(t, pipeline)
                                                       for t in unseen):
                # A word or two not seen before (a name, a number): each alone is cheaper
                # than the whole text.
                new = {t: self._convert_alone(t, pipeline) for t in unseen}
                memo.update((t, v) for t, v in new.items() if len(t) <= _MEMO_TOKEN)
                found = [new[t] if t in new else memo.get(t) for t in tokens]
                if None not in found:
                    return " ".join(found)  # type: ignore[arg-type]
            converted = self._convert_scanned(text, pipeline)
            self._learn(tokens, converted, pipeline, memo)
            return converted
        out: list[str] = []  # converted chunks, to be joined with the spaces they end with
        start = 0
        while start < len(text):
            end = _chunk_end(text, start)
            tokens = text[start:end].split(" ")
            if end < len(text):
                tokens.pop()  # "" after the chunk's last space, which the join puts back
            try:
                out.append(" ".join(map(memo.__getitem__, tokens)))  # type: ignore[arg-type]
            except (KeyError, TypeError):
                stop = self._first_in_context(tokens, pipeline, memo)
                if stop < len(tokens):
                    # Scan from the word before the token to read in context; what comes
                    # before that word is all context-free (converted again: it happens once).
                    pos = start + sum(len(t) + 1 for t in tokens[:stop])
                    restart = _word_before(text, pos)
                    head = self._convert_chunks(text[:restart], pipeline, memo) if restart else ""
                    return head + self._convert_scanned(text[restart:], pipeline)
                # All context-free: the chunk converts alone as it does in the text.
                out.append(self._convert_scanned(" ".join(tokens), pipeline))
                self._learn(tokens, out[-1], pipeline, memo)
            start = end
        return " ".join(out)

    def _convert_alone(self, token: str, pipeline: Pipeline) -> str:
        """A context-free ``token`` converted alone; one without letters (a number, a
        date) in which nothing is protected takes the run's steps only."""
        if _LETTER.search(token) is None and not has_trigger(token, pipeline.serbian_words):
            glossary = self.options.glossary
            if not (isinstance(glossary, Glossary) and glossary.has_letterless_keys
                    and glossary.find(token, pipeline.to)):
                return self._convert_scanned(token, pipeline, spans=())
        return self._convert_scanned(token, pipeline)

    def _first_in_context(self, tokens: list[str], pipeline: Pipeline,
                          memo: dict[str, str | None]) -> int:
        """The index of the first of ``tokens`` to read in context (``len(tokens)`` if
        none); one found so is remembered as such."""
        for index, token in enumerate(tokens):
            if token in memo:
                if memo[token] is None:
                    return index
            elif not self._context_free(token, pipeline):
                if len(token) <= _MEMO_TOKEN:
                    memo[token] = None
                return index
        return len(tokens)

    def _context_free(self, token: str, pipeline: Pipeline) -> bool:
        """True when ``token`` (a text without spaces) converts the same alone as in any
        text (see :func:`~translit_service.spans.context_free`; and the glossary's
        entries of several words)."""
        glossary = self.options.glossary
        if token.isalpha() and token.islower() and token not in UNIT_SYMBOLS:
            if glossary is None:
                return True  # a word in small letters: nothing opens or reads around it
        else:
            if pipeline.to == "cyrl" and not token.isascii():
                token = unicodedata.normalize("NFC", token)
            if not context_free(token, pipeline.serbian_words):
                return False
        return not (isinstance(glossary, Glossary) and self.options.serbian
                    and glossary.starts_phrase(token, pipeline.to))

    def _learn(self, tokens: list[str], converted: str, pipeline: Pipeline,
               memo: dict[str, str | None]) -> None:
        """Remember the tokens not seen before from ``converted``, the text they make
        (joined with spaces) scanned and converted whole, up to the first token to read in
        context (marked None): a protected span that crosses tokens starts in such a token,
        so cut at its spaces, the text gives each token before it what it converts to alone.

        The cut is right when the conversion kept every space, which it does but for a
        glossary entry of several words or one whose replacement has a space; with such a
        glossary, only a text of context-free tokens is cut (no entry of several words
        starts in it, so where the count of spaces held, each held).
        """
        values = converted.split(" ")
        if len(values) != len(tokens):
            return
        stop = self._first_in_context(tokens, pipeline, memo)
        glossary = self.options.glossary
        if (stop < len(tokens) and isinstance(glossary, Glossary) and self.options.serbian
                and glossary.changes_spaces(pipeline.to)):
            return
        memo.update((token, value) for token, value in zip(tokens[:stop], values[:stop],
                                                           strict=True)
                    if token not in memo and len(token) <= _MEMO_TOKEN)

    def _convert_scanned(self, text: str, pipeline: Pipeline, keep: frozenset[str] = frozenset(),
                         spans: Sequence[Span] | None = None) -> str:
        """``text`` converted between its protected spans (``spans``: when the caller has
        them, for ``text`` as it is after the normalisation below)."""
        if not text:
            return text
        if pipeline.restore:
            text = self.restore(text)
        latin = pipeline.to == "latn"
        if not latin and not text.isascii() and not unicodedata.is_normalized("NFC", text):
            # Composed first, so that a decomposed letter (s + U+030C) changes nothing about
            # what is protected: an e-mail address is one whatever its letters' encoding.
            # (Cyrillic -> Latin composes its output instead: Е + U+0301 -> É.)
            text = unicodedata.normalize("NFC", text)
        run = pipeline.run
        if spans is None:
            spans = self.spans(text, pipeline.to)
        if keep:
            spans = _with_tokens(spans, text, keep)
        if not spans:
            result = run(text)
            if latin and not result.isascii() and not unicodedata.is_normalized("NFC", result):
                result = unicodedata.normalize("NFC", result)
            return result
        out: list[str] = []
        pos = 0
        for start, end, kept, kind in spans:
            if start > pos:
                out.append(run(text[pos:start]))
            if latin and kind not in _KEPT_IN_CYRILLIC and CYRILLIC_LETTER.search(kept):
                # Nothing in Cyrillic needs protecting: --domain=ДОМЕН, ${ПРОМЕНЉИВА}.
                kept = run(kept)
            elif kind == "markup" and _TEXT_ATTRIBUTE.search(kept):
                # A tag in a text (a catalog's msgstr): what readers see of it converts
                kept = convert_html(kept, lambda part: self._convert_text(part, pipeline))
            out.append(kept)
            pos = end
        if pos < len(text):
            out.append(run(text[pos:]))
        result = "".join(out)
        if latin and not result.isascii() and not unicodedata.is_normalized("NFC", result):
            result = unicodedata.normalize("NFC", result)  # Е + U+0301 -> É, not E + U+0301
        return result

    def text_converter(self, to: str) -> _Run:
        """A function converting plain text to ``to``, for callers that convert many texts
        (the module's :func:`to_cyrillic` and :func:`to_latin` are two of them).

        >>> Transliterator().text_converter("sr-Cyrl")("Ljubav i %s")
        'Љубав и %s'
        """
        pipeline = self.pipeline(_script(to))
        convert_text = self._convert_text
        memo = pipeline.tokens
        if memo is None:
            return lambda text: convert_text(_require_str(text), pipeline)
        lookup = memo.__getitem__

        def convert(text: str) -> str:
            if type(text) is str and len(text) <= _CHUNK:  # convert()'s first step, inline
                try:
                    return " ".join(map(lookup, text.split(" ")))  # type: ignore[arg-type]
                except (KeyError, TypeError):
                    return self._convert_chunks(text, pipeline, memo)
            return convert_text(_require_str(text), pipeline)

        return convert

    def convert(self, text: str, to: str = "cyrl", fmt: str = "text", *,
                keep: Iterable[str] = ()) -> str:
        """Convert ``text`` to the script ``to``; ``fmt="html"`` converts text nodes and
        reader-visible attributes only (see :func:`transliterate`).  ``keep``: tokens to
        leave as they are wherever they stand as whole tokens (a catalog entry's tokens
        copied from its msgid)."""
        if type(text) is not str:
            _require_str(text)
        pipeline = self._pipelines.get(to)
        if pipeline is None:
            pipeline = self.pipeline(_script(to))
        tokens = frozenset(keep) if keep else _NO_TOKENS
        if fmt == "text":
            return self._convert_text(text, pipeline, tokens)
        if fmt == "html":
            lang_tag = None
            if self.options.serbian:
                lang_tag = "sr-Cyrl" if pipeline.to == "cyrl" else "sr-Latn"
            return convert_html(text, lambda part: self._convert_text(part, pipeline, tokens),
                                lang_tag=lang_tag)
        raise UnknownFormat("format", fmt, FORMATS)

    def restore(self, text: str) -> str:
        """``text`` with č ć š ž đ restored (outside what the scanner protects)."""
        spans = protected_spans(text, acronyms=self.acronyms)
        return Restorer.default().restore(text, [(s.start, s.end) for s in spans])

    def to_cyrillic(self, text: str) -> str:
        return self.convert(text, "cyrl")

    def to_latin(self, text: str) -> str:
        return self.convert(text, "latn")

    def detect_script(self, text: str) -> ScriptDetection:
        """See :func:`detect_script`.  Letters are counted token by token, remembered for
        the tokens that read the same anywhere (as the conversion's token memo does)."""
        text = _require_str(text)
        if len(text) <= _CHUNK:
            tokens = text.split(" ")
            latin, cyrillic = self._letters
            for _ in range(2):  # from the memo; again once the unseen tokens are learnt
                try:
                    return _verdict_of(sum(map(latin.__getitem__, tokens)),  # type: ignore[arg-type]
                                       sum(map(cyrillic.__getitem__, tokens)))  # type: ignore[arg-type]
                except (KeyError, TypeError):
                    if not self._learn_letters(tokens):
                        break
        return _verdict(_unprotected(text, self.spans(text)))

    def _learn_letters(self, tokens: list[str]) -> bool:
        """Count the letters outside protected spans of the tokens not seen before, each
        scanned alone (a few a call, so that a new text costs little more than counting it
        whole); True when every token now has its counts."""
        latin, cyrillic = self._letters
        if any(latin.get(t, 0) is None for t in tokens):
            return False
        if len(latin) >= self.MEMO_SIZE:
            latin.clear()
            cyrillic.clear()
        unseen = list(dict.fromkeys(t for t in tokens if t not in latin))
        done = len(unseen) <= _FEW_UNSEEN
        pipeline = self.pipeline("cyrl")
        counts: tuple[int | None, int | None]
        for token in unseen[:_FEW_UNSEEN]:
            if _LETTER.search(token) is None and context_free(token):
                counts = (0, 0)  # a number, a date: no letters, protected or not
            elif self._context_free(token, pipeline):
                rest = _unprotected(token, self.spans(token, "cyrl"))
                counts = (LATIN_LETTER.subn("", rest)[1], CYRILLIC_LETTER.subn("", rest)[1])
            else:
                counts, done = (None, None), False
            if len(token) <= _MEMO_TOKEN:
                latin[token], cyrillic[token] = counts
            else:
                done = False
        return done


def _unprotected(text: str, spans: Sequence[Span]) -> str:
    """``text`` with its protected spans replaced by spaces (what detection counts)."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end, _, _ in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return " ".join(parts)


_NO_TOKENS: frozenset[str] = frozenset()
_LETTER = re.compile(r"[^\W\d_]")
#: Longer texts go through a pipeline's token memo in chunks of about this many characters.
_CHUNK = 8192
#: Longer tokens are converted, not remembered.
_MEMO_TOKEN = 256
#: A short text with up to this many tokens not seen before converts them one by one.
_FEW_UNSEEN = 2


def _word_before(text: str, pos: int) -> int:
    """Where the token before ``pos`` (a token's start) begins, over spaces and tabs: the
    word that the scanner's rules may read with the one at ``pos``."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    while pos > 0 and text[pos - 1] != " ":
        pos -= 1
    return pos


def _chunk_end(text: str, start: int) -> int:
    """Where the chunk of ``text`` from ``start`` ends: after the last space within
    ``_CHUNK`` characters (or the first one past them), or at the end."""
    if len(text) - start <= _CHUNK:
        return len(text)
    cut = text.rfind(" ", start, start + _CHUNK)
    if cut == -1:
        cut = text.find(" ", start + _CHUNK)
    return len(text) if cut == -1 else cut + 1

#: Kinds of protected spans whose Cyrillic stays Cyrillic in Latin output: explicit -{ }-,
#: markup, and addresses (an internationalised domain or path is another address in Latin).
_KEPT_IN_CYRILLIC = frozenset({"nc", "markup", "address", "glossary"})
_TEXT_ATTRIBUTE = re.compile(r"^<[A-Za-z].*?\s(?:title|alt)\s*=", re.IGNORECASE | re.DOTALL)


def _with_tokens(found: Sequence[Span], text: str, tokens: frozenset[str]) -> list[Span]:
    """Add spans for ``tokens`` standing whole in ``text`` (not inside a word), as the
    glossary's are added: markup, addresses and code win."""
    pattern = re.compile(r"(?<![\w.\-/])(?:" + "|".join(
        re.escape(t) for t in sorted(tokens, key=len, reverse=True)) + r")(?![\w\-/])")
    hits = [Hit(m.start(), m.end(), m.group(), "") for m in pattern.finditer(text)]
    return _with_glossary(list(found), hits)


def _with_glossary(found: list[Span], hits: Sequence[Hit]) -> list[Span]:
    """Merge glossary hits into the scanner's spans: markup, addresses and code win (a
    glossary word inside a URL stays the URL); a glossary hit wins over a kept word."""
    if not hits:
        return found
    strong = [s for s in found if s.kind != "word"]
    chosen = [Span(h.start, h.end, h.keep, "glossary") for h in hits
              if not any(s.start < h.end and h.start < s.end for s in strong)]
    if not chosen:
        return found
    words = [s for s in found if s.kind == "word"
             and not any(g.start < s.end and s.start < g.end for g in chosen)]
    return sorted(strong + words + chosen)


#: The names a script goes by (case-insensitive): cyrl, sr-Cyrl, sr_Cyrl, Cyrl, cyrillic;
#: latn, sr-Latn, sr_Latn, sr@latin, latin.
SCRIPT_NAMES = {**{name: "cyrl" for name in ("cyrl", "sr-cyrl", "sr_cyrl", "cyrillic")},
                **{name: "latn" for name in ("latn", "sr-latn", "sr_latn", "sr@latin", "latin")}}


def normalise_script(to: object) -> str:
    """``"cyrl"`` or ``"latn"`` for any name a script goes by; else UnknownScript.

    >>> normalise_script("sr-Cyrl"), normalise_script("Latn"), normalise_script("sr@latin")
    ('cyrl', 'latn', 'latn')
    """
    script = SCRIPT_NAMES.get(to.lower()) if isinstance(to, str) else None
    if script is None:
        raise UnknownScript("script", to, SCRIPTS)
    return script


_script = normalise_script


def _stamp(paths: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in paths:
        try:
            info = path.stat()
            stamps.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)


def _cyrtranslit_tables() -> dict[str, dict[str, dict[str, str]]]:
    from cyrtranslit.mapping import TRANSLIT_DICT

    return {code: dict(value) for code, value in TRANSLIT_DICT.items()}


_DEFAULT_OPTIONS = Options()


def default_transliterator(options: Options | None = None) -> Transliterator:
    """The instance the module-level functions share for ``options`` (one per distinct
    options, at most 16, built on first use).  Applications own theirs instead.

    >>> default_transliterator() is default_transliterator(Options())
    True
    """
    return _shared(_DEFAULT_OPTIONS if options is None else options)


@lru_cache(maxsize=16)
def _shared(options: Options) -> Transliterator:
    return Transliterator(options)

_default: list[Transliterator] = []  # the instance for default options, without hashing them


def _first_to_cyrillic(text: str) -> str:
    global _default_to_cyrillic
    _default_to_cyrillic = _engine(None, {}).text_converter("cyrl")
    return _default_to_cyrillic(text)


def _first_to_latin(text: str) -> str:
    global _default_to_latin
    _default_to_latin = _engine(None, {}).text_converter("latn")
    return _default_to_latin(text)


# The default instance's text converters, which the module's functions call (bound on first
# use: one call less than going through the instance, for callers that convert many strings).
_default_to_cyrillic: _Run = _first_to_cyrillic
_default_to_latin: _Run = _first_to_latin


def _engine(options: Options | None, kwargs: dict[str, Any]) -> Transliterator:
    if options is None and not kwargs:
        if not _default:
            _default.append(default_transliterator(_DEFAULT_OPTIONS))
        return _default[0]
    return default_transliterator(Options.merge(options, **kwargs))


# --------------------------------------------------------------------------- public API
def to_cyrillic(text: str, *, options: Options | None = None, **kwargs: Any) -> str:
    """Convert Latin script to Cyrillic, leaving protected spans as they are.

    Keyword arguments are :class:`~translit_service.options.Options` fields: ``dj_as="đ"``
    reads ``dj`` as ``đ``, for text typed without diacritics (see the README for the risks);
    ``latin_acronyms`` replaces the default list of acronyms kept in Latin; ``lang``.

    >>> to_cyrillic("Tanjug: XXI vek, NATO i PDF na https://example.com")
    'Танјуг: XXI век, НАТО и ПДФ на https://example.com'
    >>> to_cyrillic("Djordje i odjednom", dj_as="đ")
    'Ђорђе и одједном'
    """
    if options is None and not kwargs:
        return _default_to_cyrillic(text)
    return _engine(options, kwargs).convert(text, "cyrl")


def to_latin(text: str, *, options: Options | None = None, **kwargs: Any) -> str:
    """Convert Cyrillic script to Latin, leaving protected spans as they are.

    >>> to_latin("ЉУБАВ, Љубав, ЉУ, џак")
    'LJUBAV, Ljubav, LJU, džak'
    """
    if options is None and not kwargs:
        return _default_to_latin(text)
    return _engine(options, kwargs).convert(text, "latn")


def transliterate(text: str, to: str = "cyrl", fmt: str = "text", lang: str | None = None, *,
                  options: Options | None = None, **kwargs: Any) -> str:
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
    if lang is not None:
        kwargs["lang"] = lang
    return _engine(options, kwargs).convert(text, to, fmt)

# --------------------------------------------------------------------------- detection
class ScriptDetection(NamedTuple):
    """What :func:`detect_script` found: the verdict and the share of each script's letters."""

    script: str
    latin: float
    cyrillic: float


CYRILLIC_LETTER = re.compile(r"[\u0400-\u0481\u048a-\u052f]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
MIXED_BELOW = 0.9


def _verdict(text: str) -> ScriptDetection:
    return _verdict_of(LATIN_LETTER.subn("", text)[1], CYRILLIC_LETTER.subn("", text)[1])


def _verdict_of(latin: int, cyrillic: int) -> ScriptDetection:
    total = cyrillic + latin
    if not total:
        return ScriptDetection("none", 0.0, 0.0)
    latin_share, cyrillic_share = round(latin / total, 4), round(cyrillic / total, 4)
    if latin_share >= MIXED_BELOW:
        return ScriptDetection("latn", latin_share, cyrillic_share)
    if cyrillic_share >= MIXED_BELOW:
        return ScriptDetection("cyrl", latin_share, cyrillic_share)
    return ScriptDetection("mixed", latin_share, cyrillic_share)


def detect_script(text: str, *, options: Options | None = None,
                  **kwargs: Any) -> ScriptDetection:
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
    return _engine(options, kwargs).detect_script(text)
