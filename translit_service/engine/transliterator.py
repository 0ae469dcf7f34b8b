"""The :class:`Transliterator`: one set of options, its pipelines, protectors and caches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..diacritics import Restorer
from ..errors import UnknownFormat, UnknownScript
from ..lexicon import DigraphSplitter, Lexicon
from ..markup import convert_html
from ..options import Options
from ..spans import Span
from .cache import TokenCache
from .converters import Run, SerbianToCyrillic, SerbianToLatin, Step, TableRun
from .detect import Detector, ScriptDetection
from .explain import Explanation, explain
from .pipeline import Pipeline, normalise
from .protect import Protector
from .scripts import FORMATS, SCRIPTS, normalise_script
from .tokens import CachedConverter

_NO_TOKENS: frozenset[str] = frozenset()


class Transliterator:
    """Converts text with one set of :class:`~translit_service.options.Options`.

    It holds what it compiled (one :class:`~.pipeline.Pipeline` per target script, built on
    first use, each with its :class:`~.protect.Protector` and bounded token cache), so an
    application builds one and keeps it (``app.extensions["translit"]``), a CLI run builds
    one, and batch workers get one each through their pool initializer.  The word tables come
    from a :class:`~translit_service.lexicon.Lexicon`, the packaged one unless another is
    given, read on first use; :meth:`is_stale` tells when its files changed on disk.

    A maintainer adds a step by overriding :meth:`steps` (a subclass): the pipeline then
    composes the steps it is given (the fused call is only for the defaults).

    >>> engine = Transliterator(dj_as="đ")
    >>> engine.convert("Djordje i odjednom", to="cyrl")
    'Ђорђе и одједном'
    >>> [step.name for step in engine.pipeline("cyrl").steps]
    ['digraphs', 'exceptions', 'letters']
    >>> engine.detect_script("Ђорђе").script
    'cyrl'
    """

    def __init__(self, options: Options | None = None, *, lexicon: Lexicon | None = None,
                 **kwargs: Any) -> None:
        self.options = Options.merge(options, **kwargs)
        self._lexicon = lexicon
        self._pipelines: dict[str, Pipeline] = {}
        self._converters: dict[str, Run] = {}
        self._stamp: tuple[tuple[str, int, int], ...] | None = None
        self._detector: Detector | None = None
        self._defaults: dict[str, tuple[tuple[Step, ...], Run]] = {}

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
        return type(self)(self.options, lexicon=Lexicon.load())

    def describe(self) -> dict[str, Any]:
        """What /readyz reports: the options, the data files and the table sizes."""
        lexicon = self.lexicon
        return {"options": self.options.as_dict(),
                "digraph_exceptions": len(lexicon.digraph_exceptions),
                "latin_acronyms": len(self.acronyms),
                "data_files": [p.name for p in lexicon.sources],
                "stale": self.is_stale()}

    # -- pipelines -----------------------------------------------------------------------
    def default_steps(self, to: str) -> tuple[tuple[Step, ...], Run]:
        """The standard per-stretch steps for ``to``, and their fused call (built once)."""
        found = self._defaults.get(to)
        if found is None:
            found = self._defaults[to] = self._build_steps(to)
        return found

    def _build_steps(self, to: str) -> tuple[tuple[Step, ...], Run]:
        options = self.options
        if options.serbian and to == "cyrl":
            dj_as_dje = options.dj_as == "đ"
            splitter = DigraphSplitter(self.lexicon.digraph_exceptions, dj_as_dje)
            converter = SerbianToCyrillic(splitter, dj_as_dje, options.lang == "me")
            return converter.steps(), converter
        if options.serbian:
            to_latin = SerbianToLatin(options.lang == "me")
            return to_latin.steps(), to_latin
        from cyrtranslit.mapping import TRANSLIT_DICT

        table = TableRun(dict(TRANSLIT_DICT[options.lang]["tocyrillic" if to == "cyrl"
                                                            else "tolatin"]))
        return (Step("letters", table),), table

    def steps(self, to: str) -> tuple[Step, ...]:
        """The per-stretch steps of the pipeline to ``to`` (override to add one)."""
        return self.default_steps(to)[0]

    def text_steps(self, to: str) -> tuple[Step, ...]:
        """The whole-text steps before protection: restoring diacritics (an option, for
        Serbian), normalising to NFC (before converting to Cyrillic)."""
        found = []
        if self.options.restore_diacritics and self.options.serbian:
            found.append(Step("restore", self.restore))
        if to == "cyrl":
            found.append(Step("normalise", normalise))
        return tuple(found)

    def pipeline(self, to: str) -> Pipeline:
        """The steps that convert text to script ``to`` (built on first use)."""
        found = self._pipelines.get(to)
        if found is None:
            if to not in SCRIPTS:
                raise UnknownScript("script", to, SCRIPTS)
            defaults, fused = self.default_steps(to)
            steps = self.steps(to)
            same = len(steps) == len(defaults) and all(
                a.name == b.name and a.function == b.function
                for a, b in zip(steps, defaults, strict=True))
            found = Pipeline(to, self.text_steps(to), Protector(self.options, self.lexicon, to),
                             steps, fused if same else None)
            self._pipelines[to] = found
        return found

    def spans(self, text: str, to: str = "cyrl") -> Sequence[Span]:
        """The protected spans of ``text`` for a conversion to ``to``."""
        return self.pipeline(normalise_script(to)).protector(text)

    # -- conversion ----------------------------------------------------------------------
    def text_converter(self, to: str) -> Run:
        """A function converting plain text to ``to``, through the pipeline's token cache
        (for callers that convert many texts).

        >>> Transliterator().text_converter("sr-Cyrl")("Ljubav i %s")
        'Љубав и %s'
        """
        script = normalise_script(to)
        found = self._converters.get(script)
        if found is None:
            pipeline = self.pipeline(script)
            if pipeline.cacheable:
                protector = pipeline.protector
                found = CachedConverter(TokenCache(), pipeline.prepare, protector,
                                        pipeline.convert_prepared, protector.context_tokens,
                                        long_texts=script == "cyrl",
                                        unprotected=protector.nothing_to_protect
                                        if protector.triggers_only else None)
            else:
                found = pipeline.convert
            self._converters[script] = found
        return found

    def token_cache(self, to: str) -> TokenCache | None:
        """The token cache of the conversion to ``to`` (None where there is none)."""
        converter = self.text_converter(to)
        return converter.cache if isinstance(converter, CachedConverter) else None

    def convert(self, text: str, to: str = "cyrl", fmt: str = "text", *,
                keep: Iterable[str] = ()) -> str:
        """Convert ``text`` to the script ``to``; ``fmt="html"`` converts text nodes and
        reader-visible attributes only (see :func:`~.defaults.transliterate`).  ``keep``:
        tokens to leave as they are wherever they stand as whole tokens (a catalog entry's
        tokens copied from its msgid)."""
        if type(text) is not str:
            require_str(text)
        convert = self._converters.get(to) or self.text_converter(to)
        tokens = frozenset(keep) if keep else _NO_TOKENS
        if tokens:
            pipeline = self.pipeline(normalise_script(to))

            def convert(part: str) -> str:
                return pipeline.convert(part, tokens)
        if fmt == "text":
            return convert(text)
        if fmt == "html":
            lang_tag = None
            if self.options.serbian:
                lang_tag = "sr-Cyrl" if normalise_script(to) == "cyrl" else "sr-Latn"
            return convert_html(text, convert, lang_tag=lang_tag)
        raise UnknownFormat("format", fmt, FORMATS)

    def restore(self, text: str) -> str:
        """``text`` with č ć š ž đ restored (outside what the scanner protects)."""
        from ..spans import protected_spans

        spans = protected_spans(text, acronyms=self.acronyms)
        return self.restorer.restore(text, [(s.start, s.end) for s in spans])

    @property
    def restorer(self) -> Restorer:
        """The diacritics tables, read on first use and kept with the lexicon (whose
        ``sources`` watch their files)."""
        loaded = self.lexicon.loaded
        found = loaded.get("restorer") if loaded is not None else None
        if found is None:
            found = Restorer.load() if loaded is not None else Restorer.default()
            if loaded is not None:
                loaded["restorer"] = found
        return found

    def to_cyrillic(self, text: str) -> str:
        return self.convert(text, "cyrl")

    def to_latin(self, text: str) -> str:
        return self.convert(text, "latn")

    def detect_script(self, text: str) -> ScriptDetection:
        """See :func:`~.defaults.detect_script`."""
        require_str(text)
        if self._detector is None:
            protector = self.pipeline("cyrl").protector
            self._detector = Detector(protector, protector.context_tokens)
        return self._detector(text)

    def explain(self, text: str, to: str = "cyrl") -> list[Explanation]:
        """Which steps and which protections applied to which part of ``text`` (for "why
        did this stay Latin?").

        >>> [(e.text, e.rule) for e in Transliterator().explain("Google i lj", "cyrl")]
        [('Google', 'protect: foreign word (English, not Serbian)'), (' i lj', 'digraphs, letters')]
        """
        return explain(self.pipeline(normalise_script(to)), text)


def require_str(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def _stamp(paths: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in paths:
        try:
            info = path.stat()
            stamps.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)
