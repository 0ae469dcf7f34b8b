"""The module-level functions, and the one cache of Transliterators behind them.

:class:`Transliterators` keeps at most ``size`` instances, one per distinct options, the least
recently used dropped first; every instance shares one lexicon (read once per process).  The
module's functions use one such cache (:func:`default_transliterator`); the web app keeps its
own (its configured options, rebuilt when a data file changes).  Each instance's token caches
draw on the process-wide budget of :mod:`.cache`, so the number of option sets in use never
multiplies memory.

>>> default_transliterator() is default_transliterator(Options())
True
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ..lexicon import Lexicon
from ..options import Options
from .detect import ScriptDetection
from .transliterator import Transliterator

_DEFAULT_OPTIONS = Options()


class Transliterators:
    """At most ``size`` Transliterators, by options (least recently used dropped first)."""

    def __init__(self, size: int = 16, lexicon: Lexicon | None = None) -> None:
        self.size = size
        self.lexicon = lexicon
        self._instances: OrderedDict[Options, Transliterator] = OrderedDict()

    def get(self, options: Options | None = None) -> Transliterator:
        options = _DEFAULT_OPTIONS if options is None else options
        found = self._instances.get(options)
        if found is None:
            found = self._instances[options] = Transliterator(options, lexicon=self.lexicon)
            while len(self._instances) > self.size:
                self._instances.popitem(last=False)
        else:
            self._instances.move_to_end(options)
        return found

    def __len__(self) -> int:
        return len(self._instances)

    def clear(self) -> None:
        self._instances.clear()


#: The instances behind the module's functions.
DEFAULTS = Transliterators()


def default_transliterator(options: Options | None = None) -> Transliterator:
    """The instance the module-level functions share for ``options`` (see
    :class:`Transliterators`).  Applications own theirs instead."""
    return DEFAULTS.get(options)


def _engine(options: Options | None, kwargs: dict[str, Any]) -> Transliterator:
    return DEFAULTS.get(Options.merge(options, **kwargs) if kwargs else options)


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
    return _engine(options, kwargs).convert(text, "cyrl")


def to_latin(text: str, *, options: Options | None = None, **kwargs: Any) -> str:
    """Convert Cyrillic script to Latin, leaving protected spans as they are.

    >>> to_latin("ЉУБАВ, Љубав, ЉУ, џак")
    'LJUBAV, Ljubav, LJU, džak'
    """
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
