"""How one gettext entry's translation is derived in the other Serbian script.

:func:`derive_entry` is the one definition used by ``translit catalogs derive`` (through
:mod:`translit_service.catalogs.derive`) and by ``translit convert`` on ``.po`` files
(:mod:`translit_service.documents`), so the two never disagree.

>>> from translit_service.engine import Transliterator
>>> derive_entry("%(n)d files", ["%(n)d fajl", "", "%(n)d fajlova"], "cyrl", Transliterator())
['%(n)d фајл', '', '%(n)d фајлова']
"""

from __future__ import annotations

from collections.abc import Sequence

from .engine import Transliterator


def derive_entry(msgid: str, msgstrs: Sequence[str], to: str,
                 transliterator: Transliterator, *, flags: Sequence[str] = ()) -> list[str]:
    """The translations ``msgstrs`` of ``msgid`` written in script ``to``; empty ones stay
    empty.  ``flags`` (``python-format``, ``no-c-format``…) are the entry's flags."""
    convert = transliterator.text_converter(to)
    return [convert(text) if text else "" for text in msgstrs]
