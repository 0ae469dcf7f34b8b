"""How one gettext entry's translation is derived in the other Serbian script.

:func:`derive_entry` is the one definition used by ``translit catalogs derive`` (through
:mod:`translit_service.catalogs.derive`) and by ``translit convert`` on ``.po`` files
(:mod:`translit_service.documents`), so the two never disagree.

It reads the msgid: a token the translator copied verbatim from the English source and that
is not a Serbian word stays Latin in Cyrillic (``„list-of“``, ``libpam``,
``gschemas.compiled``, ``x-content/*``), while names the Serbian catalogs write in Cyrillic
(``Nautilus`` -> ``Наутилус``) and Serbian words convert.

>>> from translit_service.engine import Transliterator
>>> engine = Transliterator()
>>> derive_entry("%(n)d files", ["%(n)d fajl", "", "%(n)d fajlova"], "cyrl", engine)
['%(n)d фајл', '', '%(n)d фајлова']
>>> derive_entry("Use the list-of format of libpam", ["Koristi format „list-of“ iz libpam"],
...              "cyrl", engine)
['Користи формат „list-of“ из libpam']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .engine import Transliterator
from .lexicon import english_words

# A token: letters and digits, joined by the characters of code, file names and options.
_TOKEN = re.compile(r"[A-Za-z0-9_*][A-Za-z0-9_.\-/*+:]*[A-Za-z0-9_*]|[A-Za-z]"
                    r"|[A-Za-zČĆŠŽĐčćšžđ]*[ČĆŠŽĐčćšžđ][A-Za-zČĆŠŽĐčćšžđ]*")
_QUOTED = re.compile(r"[„“\"'‘]([A-Za-z0-9_.\-/*+:]+)[“”\"'’]")


def copied_tokens(msgid: str, msgstr: str) -> frozenset[str]:
    """The tokens of ``msgstr`` that the translator copied from ``msgid`` and that are not
    Serbian: code-like (with digits, dots, hyphens, slashes…), lower-case words of three or
    more letters that are not Serbian, and English words that are not Serbian.

    >>> sorted(copied_tokens("Set the path of x-content/* in libpam for Nautilus",
    ...                      "Postavite path za x-content/* u libpam za Nautilus"))
    ['libpam', 'path', 'x-content/*']
    """
    source = set(_TOKEN.findall(msgid))
    if not source:
        return frozenset()
    english = english_words()
    kept = set()
    quoted = set(_QUOTED.findall(msgstr))
    for token in _TOKEN.findall(msgstr):
        if token not in source or token.startswith("_"):
            continue  # _Terminal: a mnemonic, not code
        if token in quoted and token.islower():
            kept.add(token)  # „never“: a value the program reads, quoted as in the msgid
            continue
        lowered = token.lower()
        if not token.isascii():
            kept.add(token)  # Serbian letters an English msgid names on purpose: č ć š ž đ
            continue
        upper = sum(ch.isupper() for ch in token)
        lower = sum(ch.islower() for ch in token)
        if upper >= lower:
            continue  # VPN, IPv6, UTF-8, S/MIME: acronyms follow the acronym policy
        if not token.isalpha():
            kept.add(token)  # x-content/*, gschemas.compiled, list-of
        elif token.islower() and len(token) >= 3 and (lowered not in english.all
                                                       or lowered in english.foreign):
            kept.add(token)  # libpam: not an English word that is Serbian too
        elif lowered in english.foreign:
            kept.add(token)
    return frozenset(kept)


def derive_entry(msgid: str, msgstrs: Sequence[str], to: str,
                 transliterator: Transliterator, *, flags: Iterable[str] = ()) -> list[str]:
    """The translations ``msgstrs`` of ``msgid`` written in script ``to``; empty ones stay
    empty.  ``flags`` (``python-format``, ``no-c-format``…) are the entry's flags; the
    engine keeps every placeholder of every format whatever they say, so a derived msgstr has
    the placeholders of its source (the catalog checker verifies it)."""
    out = []
    for text in msgstrs:
        if not text:
            out.append("")
            continue
        keep = copied_tokens(msgid, text) if to == "cyrl" and msgid else frozenset()
        out.append(transliterator.convert(text, to, keep=keep))
    return out
