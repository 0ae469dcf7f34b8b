"""How a request picks a variant: the one place that decides.

An explicit choice (URL parameter ``lang``, then the ``lang`` cookie) wins over
``Accept-Language`` (read by the table in :mod:`translit_service.locales`: readers of ``hr``,
``bs``, ``sh`` and ``sr-ME`` get Latin, readers of a language that is neither English nor
Serbian get English), then the default (Cyrillic) for a request without one.  Every response
whose content depends on the outcome says ``Vary: Cookie, Accept-Language`` whichever of them
decided (a shared cache cannot know which did): views call :func:`for_request`, and the
after-request hook in :mod:`translit_service.web.http` adds the header.

>>> negotiate(accept_language="en;q=0.5, sr-RS;q=0.9").tag
'sr-Cyrl'
>>> negotiate(param="sr_latn", accept_language="en").tag
'sr-Latn'
>>> negotiate(accept_language="de-DE, hr;q=0.5").tag, negotiate(accept_language="de").tag
('sr-Latn', 'en')
"""

from __future__ import annotations

import re
from typing import NamedTuple

from flask import request

from ..locales import DEFAULT, OTHER_LANGUAGES, Variant, variant_for, variant_for_reader

LANG_COOKIE = "lang"


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
    negotiated: bool  # True when Accept-Language decided

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
    ranges = parse_accept_language(accept_language or "")
    for lang, _ in ranges:
        if lang == "*":
            return Negotiated(default, True)
        found = variant_for(lang) or _neighbour(lang)
        if found:
            return Negotiated(found, True)
    if ranges:  # languages, none of them ours: the bilingual site's other language
        return Negotiated(variant_for_reader(ranges[0][0]), True)
    return Negotiated(default, bool(accept_language))


def _neighbour(lang: str) -> Variant | None:
    """The variant for a neighbour's language (hr, bs, cnr), None for any other."""
    found = variant_for_reader(lang)
    return found if found.tag != OTHER_LANGUAGES else None


#: The WSGI environ key that marks a request whose response depends on the variant.
VARIES_ON_VARIANT = "translit.varies_on_variant"


def for_request() -> Negotiated:
    """The variant of the current request (``?lang=``, the ``lang`` cookie, Accept-Language).

    Calling it marks the response as depending on the cookie and on Accept-Language, so
    :mod:`translit_service.web.http` adds ``Vary: Cookie, Accept-Language`` to it, whatever
    its status and whichever of them decided."""
    request.environ[VARIES_ON_VARIANT] = True
    return negotiate(request.args.get("lang"), request.cookies.get(LANG_COOKIE),
                     request.headers.get("Accept-Language"))
