"""The transliterator: Serbian Latin ⇄ Cyrillic, and the other cyrtranslit languages.

A :class:`Transliterator` is built for one :class:`~translit_service.options.Options` and owns
what it compiles: per target script a :class:`~.pipeline.Pipeline` of named steps —
whole-text steps (``restore``, ``normalise``), ``protect`` (a :class:`~.protect.Protector`:
placeholders, markup, addresses, code, foreign words, acronyms, the glossary), and per-stretch
steps over the text between protected spans (``digraphs``, ``exceptions``, ``letters``,
:mod:`.converters`) — and a bounded token cache (:mod:`.cache`, :mod:`.tokens`) through which
words seen before, in any arrangement, cost a dictionary lookup.  :mod:`.detect` tells which
script a text is in; :mod:`.explain` says which rule did what; :mod:`.defaults` holds the
module-level functions and the one cache of instances behind them.

>>> to_cyrillic("Nadživeli smo injekcije, LJUBAV i %(count)d vesti.")
'Надживели смо инјекције, ЉУБАВ и %(count)d вести.'
>>> to_latin("КЉУЧ и Љубав")
'KLJUČ i Ljubav'
>>> transliterate("<b title='Vesti'>Vesti</b>", to="cyrl", fmt="html")
"<b title='Вести'>Вести</b>"
"""

from __future__ import annotations

from ..options import DJ_READINGS, Options, languages
from .cache import TokenCache
from .converters import Step
from .defaults import (
    Transliterators,
    default_transliterator,
    detect_script,
    to_cyrillic,
    to_latin,
    transliterate,
)
from .detect import CYRILLIC_LETTER, LATIN_LETTER, MIXED_BELOW, ScriptDetection
from .explain import Explanation
from .pipeline import Pipeline
from .scripts import FORMATS, SCRIPT_NAMES, SCRIPTS, normalise_script
from .transliterator import Transliterator

__all__ = ["CYRILLIC_LETTER", "DJ_READINGS", "FORMATS", "LATIN_LETTER", "MIXED_BELOW",
           "SCRIPTS", "SCRIPT_NAMES", "Explanation", "Options", "Pipeline", "ScriptDetection",
           "Step", "TokenCache", "Transliterator", "Transliterators", "default_transliterator",
           "detect_script", "languages", "normalise_script", "to_cyrillic", "to_latin",
           "transliterate"]
