"""A pipeline: the steps a Transliterator runs to reach one script.

Whole-text steps first (``restore`` diacritics, ``normalise`` to NFC), then ``protect``
(:class:`~.protect.Protector`: the spans to copy as they are), then the per-stretch steps
(``digraphs``, ``exceptions``, ``letters``) over every stretch between protected spans.  The
steps are what runs: :meth:`Pipeline.convert` composes them; the converter's fused call is used
instead only when the steps are exactly its defaults (``fused``), and a property test checks
that both give the same text.

>>> from translit_service import Transliterator
>>> pipeline = Transliterator().pipeline("cyrl")
>>> pipeline.names()
['normalise', 'protect', 'digraphs', 'exceptions', 'letters']
>>> pipeline.convert("Ljubav i %s")
'Љубав и %s'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from ..markup import convert_html
from ..spans import Span
from .converters import Run, Step
from .detect import CYRILLIC_LETTER
from .protect import Protector, with_tokens

#: Kinds of protected spans whose Cyrillic stays Cyrillic in Latin output: explicit -{ }-,
#: markup, and addresses (an internationalised domain or path is another address in Latin).
KEPT_IN_CYRILLIC = frozenset({"nc", "markup", "address", "glossary"})
_MAY_RESPACE = frozenset({"glossary", "markup"})
_TEXT_ATTRIBUTE = re.compile(r"^<[A-Za-z].*?\s(?:title|alt)\s*=", re.IGNORECASE | re.DOTALL)


def compose(steps: Sequence[Step]) -> Run:
    """One function running ``steps`` in order."""
    functions = [step.function for step in steps]
    if len(functions) == 1:
        return functions[0]

    def run_all(run: str) -> str:
        for function in functions:
            run = function(run)
        return run

    return run_all


def normalise(text: str) -> str:
    """NFC, so that a decomposed letter (s + U+030C) changes nothing about what is protected:
    an e-mail address is one whatever its letters' encoding."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


class Pipeline:
    """See the module docstring.  ``fused``: one function equal to the composed ``steps``
    (the converter's own call), or None to compose them."""

    def __init__(self, to: str, text_steps: Sequence[Step], protector: Protector,
                 steps: Sequence[Step], fused: Run | None = None) -> None:
        self.to = to
        self.text_steps = tuple(text_steps)
        self.protector = protector
        self.steps = tuple(steps)
        self.fused = fused is not None
        self.run: Run = fused if fused is not None else compose(self.steps)
        self.serbian_words = protector.serbian_words
        #: Whole-text steps that read a word's neighbours (restoring diacritics) make every
        #: token depend on its context: no token cache then.
        self.cacheable = all(step.name == "normalise" for step in self.text_steps)
        self._latin = to == "latn"

    def names(self) -> list[str]:
        """The names of the steps, in the order they run."""
        return [s.name for s in self.text_steps] + ["protect"] + [s.name for s in self.steps]

    def prepare(self, text: str) -> str:
        """``text`` through the whole-text steps."""
        for step in self.text_steps:
            text = step.function(text)
        return text

    def convert(self, text: str, keep: frozenset[str] = frozenset(),
                convert_part: Callable[[str], str] | None = None) -> str:
        """``text`` converted by every step (``keep``: tokens left as they are wherever they
        stand whole; ``convert_part``: how the visible attributes of a tag in the text
        convert, default this pipeline)."""
        if not text:
            return text
        text = self.prepare(text)
        spans: Sequence[Span] = self.protector(text)
        if keep:
            spans = with_tokens(spans, text, keep)
        return self.convert_prepared(text, spans, convert_part)

    def convert_prepared(self, text: str, spans: Sequence[Span],
                         convert_part: Callable[[str], str] | None = None,
                         respaced: list[Span] | None = None) -> str:
        """``text`` (through the whole-text steps already) converted between ``spans``;
        the spans whose output has more or fewer spaces than they had are added to
        ``respaced`` when it is given (a glossary replacement, a tag's converted title)."""
        run, latin = self.run, self._latin
        if not spans:
            result = run(text)
        else:
            out: list[str] = []
            pos = 0
            for start, end, kept, kind in spans:
                if start > pos:
                    out.append(run(text[pos:start]))
                if latin and kind not in KEPT_IN_CYRILLIC and CYRILLIC_LETTER.search(kept):
                    # Nothing in Cyrillic needs protecting: --domain=ДОМЕН, ${ПРОМЕНЉИВА}.
                    kept = run(kept)
                elif kind == "markup" and _TEXT_ATTRIBUTE.search(kept):
                    # A tag in a text (a catalog's msgstr): what readers see of it converts.
                    kept = convert_html(kept, convert_part or self.convert)
                if respaced is not None and kind in _MAY_RESPACE and (
                        kept.count(" ") != text.count(" ", start, end)):
                    respaced.append(Span(start, end, kept, kind))
                out.append(kept)
                pos = end
            if pos < len(text):
                out.append(run(text[pos:]))
            result = "".join(out)
        if latin and not result.isascii() and not unicodedata.is_normalized("NFC", result):
            result = unicodedata.normalize("NFC", result)  # Е + U+0301 -> É, not E + U+0301
        return result
