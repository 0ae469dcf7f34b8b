"""How a request picks a variant: the one place that decides.

An explicit choice (URL parameter ``lang``, then the ``lang`` cookie) wins over
``Accept-Language``, then the default (Cyrillic).  Every response whose content depends on the
outcome must say ``Vary: Cookie, Accept-Language`` whichever of them decided (a shared cache
cannot know which did); see :func:`translit_service.web.http.vary_on_variant`.

>>> negotiate(accept_language="en;q=0.5, sr-RS;q=0.9").tag
'sr-Cyrl'
>>> negotiate(param="sr_latn", accept_language="en").tag
'sr-Latn'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..locales import DEFAULT, Variant, variant_for


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
