"""The site's three variants: data, and the names that stand for each.

Catalog directories use Babel/CLDR identifiers (``en``, ``sr_Latn``, ``sr_Cyrl``; GNU's
``sr@latin`` too); HTTP uses BCP 47 tags (``en``, ``sr-Latn``, ``sr-Cyrl``).  Bare ``sr`` and
``sr-RS`` mean Cyrillic; ``sr-Latn-*``, ``sr-ME`` and ``sh`` mean Latin.  How a request picks
one is the web layer's business (:mod:`translit_service.web.negotiation`); what an
``Accept-Language`` range gets is :func:`variant_for_reader`, by this table (first row that
matches, a range matching its prefixes: ``hr-HR`` is ``hr``):

* ``sr-Latn…``, ``sr-ME``, ``sr-BA``, ``sr-HR``, ``sh``: sr-Latn (Serbian in Latin, by script
  or by region);
* ``sr-Cyrl…``, ``sr``, ``sr-RS`` and any other ``sr-*``: sr-Cyrl (Serbian, Cyrillic by
  default);
* ``hr``, ``bs``, ``cnr`` (Montenegrin): sr-Latn (their readers read Serbian in Latin); with a
  ``Cyrl`` subtag (``bs-Cyrl``): sr-Cyrl;
* ``en…``: en;
* ``*``: sr-Cyrl, the site's default;
* any other language: en, the bilingual site's other language;
* no header: sr-Cyrl, the site's default (``x-default``).

>>> [variant_for_reader(tag).tag for tag in ("hr-HR", "bs", "bs-Cyrl", "sh", "de")]
['sr-Latn', 'sr-Latn', 'sr-Cyrl', 'sr-Latn', 'en']

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

#: Languages that are not Serbian whose readers read one of its variants (negotiation only:
#: ``?lang=hr`` is not a name of a variant).
#: A Cyrl subtag (bs-Cyrl) gets Cyrillic.
NEIGHBOURS = {"hr": "sr-latn", "bs": "sr-latn", "cnr": "sr-latn"}
#: The variant for readers of any other language: English.
OTHER_LANGUAGES = "en"

#: Open Graph locales (language_TERRITORY, as og:locale wants them): both Serbian variants
#: are sr_RS (the script is in hreflang), English is British like the site's spelling.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "sr-Latn": "sr_RS", "sr-Cyrl": "sr_RS"}


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


def variant_for_reader(tag: str) -> Variant:
    """The variant for a reader whose ``Accept-Language`` names ``tag`` (one range, not
    ``*``): a variant's own name, a neighbour's language, else English (see the table above).

    >>> variant_for_reader("sr-ME").tag, variant_for_reader("fr-CA").tag
    ('sr-Latn', 'en')
    """
    found = variant_for(tag)
    if found is not None:
        return found
    parts = re.split(r"[-_]", tag.lower())
    if parts[0] in NEIGHBOURS:
        return BY_TAG["sr-cyrl" if "cyrl" in parts[1:] else NEIGHBOURS[parts[0]]]
    return BY_TAG[OTHER_LANGUAGES]
