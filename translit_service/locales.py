"""The site's three variants: data, and the names that stand for each.

Catalog directories use Babel/CLDR identifiers (``en``, ``sr_Latn``, ``sr_Cyrl``; GNU's
``sr@latin`` too); HTTP uses BCP 47 tags (``en``, ``sr-Latn``, ``sr-Cyrl``).  Bare ``sr`` and
``sr-RS`` mean Cyrillic; ``sr-Latn-*``, ``sr-ME`` and ``sh`` mean Latin.  How a request picks
one is the web layer's business (:mod:`translit_service.web.negotiation`).

>>> variant_for("sr@latin").tag, variant_for("sr").tag
('sr-Latn', 'sr-Cyrl')
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
    if not name or len(name) > 35 or not re.fullmatch(r"[A-Za-z0-9_@-]+", name):
        return None
    parts = re.split(r"[-_@]", name.lower())
    language, rest = parts[0], parts[1:]
    if language == "en":
        return BY_TAG["en"]
    if language == "sh":
        return BY_TAG["sr-latn"]
    if language != "sr":
        return None
    if "latn" in rest or "latin" in rest:
        return BY_TAG["sr-latn"]
    if "cyrl" in rest:
        return BY_TAG["sr-cyrl"]
    if any(part in _LATIN_REGIONS for part in rest):
        return BY_TAG["sr-latn"]
    return BY_TAG["sr-cyrl"]
