"""The site's three variants and how a request picks one.

Catalog directories use Babel/CLDR identifiers (``en``, ``sr_Latn``, ``sr_Cyrl``); HTTP uses
BCP 47 tags (``en``, ``sr-Latn``, ``sr-Cyrl``).  :func:`negotiate` is the one place that
decides: an explicit choice (URL parameter, then cookie) wins over ``Accept-Language``; bare
``sr`` and ``sr-RS`` mean Cyrillic; ``sr-Latn-*``, ``sr-ME`` and ``sh`` mean Latin.

>>> negotiate(accept_language="en;q=0.5, sr-RS;q=0.9").tag
'sr-Cyrl'
>>> negotiate(param="sr_latn", accept_language="en").tag
'sr-Latn'
>>> variant_for("bogus") is None
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

SERBIAN_PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
ENGLISH_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


class Variant(NamedTuple):
    """One of the site's variants."""

    tag: str  # BCP 47, for HTTP and HTML
    locale: str  # Babel/CLDR identifier, the catalog directory
    script: str | None  # target script for transliteration ("latn"/"cyrl"), None for English
    label: str  # the switcher's label
    plural_forms: str


VARIANTS: tuple[Variant, ...] = (
    Variant("en", "en", None, "Eng", ENGLISH_PLURAL_FORMS),
    Variant("sr-Latn", "sr_Latn", "latn", "Lat.", SERBIAN_PLURAL_FORMS),
    Variant("sr-Cyrl", "sr_Cyrl", "cyrl", "Ћир.", SERBIAN_PLURAL_FORMS),
)
BY_LOCALE = {v.locale: v for v in VARIANTS}
BY_TAG = {v.tag.lower(): v for v in VARIANTS}
DEFAULT = BY_TAG["sr-cyrl"]

_LATIN_REGIONS = {"me", "ba", "hr"}


def variant_for(name: str | None) -> Variant | None:
    """The variant a tag or locale name stands for (``sr-Latn``, ``sr_Latn``, ``sr-latn-RS``,
    ``sr``, ``sh``, ``en-GB``…), or None.

    >>> variant_for("sr_Cyrl").tag, variant_for("sr-ME").tag, variant_for("en-GB").tag
    ('sr-Cyrl', 'sr-Latn', 'en')
    """
    if not name or len(name) > 35 or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        return None
    parts = re.split(r"[-_]", name.lower())
    language, rest = parts[0], parts[1:]
    if language == "en":
        return BY_TAG["en"]
    if language == "sh":
        return BY_TAG["sr-latn"]
    if language != "sr":
        return None
    if "latn" in rest:
        return BY_TAG["sr-latn"]
    if "cyrl" in rest:
        return BY_TAG["sr-cyrl"]
    if any(part in _LATIN_REGIONS for part in rest):
        return BY_TAG["sr-latn"]
    return BY_TAG["sr-cyrl"]


def parse_accept_language(header: str) -> list[tuple[str, float]]:
    """Language ranges by preference (highest q first; ties keep header order); malformed
    parts are skipped.

    >>> parse_accept_language("sr-Latn-RS, en;q=0.8, *;q=0.1, bad;q=x")
    [('sr-Latn-RS', 1.0), ('en', 0.8), ('*', 0.1)]
    """
    ranges: list[tuple[str, float]] = []
    for part in header.split(",")[:50]:
        lang, _, params = part.strip().partition(";")
        lang = lang.strip()
        if not lang or not re.fullmatch(r"[A-Za-z0-9*_-]{1,35}", lang):
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if 0 < quality <= 1:
            ranges.append((lang, quality))
    return sorted(ranges, key=lambda item: -item[1])


class Negotiated(NamedTuple):
    variant: Variant
    negotiated: bool  # True when Accept-Language decided (responses then Vary on it)

    @property
    def tag(self) -> str:
        return self.variant.tag


def negotiate(param: str | None = None, cookie: str | None = None,
              accept_language: str | None = None, default: Variant = DEFAULT) -> Negotiated:
    """Pick the variant: ``param``, then ``cookie``, then ``Accept-Language``, then ``default``."""
    for explicit in (param, cookie):
        found = variant_for(explicit)
        if found:
            return Negotiated(found, False)
    for lang, _ in parse_accept_language(accept_language or ""):
        found = variant_for(lang)
        if found:
            return Negotiated(found, True)
    return Negotiated(default, bool(accept_language))
