"""Catalog messages as Jed 1.x ``locale_data``: what Jed, Tannin (``@wordpress/i18n``) and
other gettext-style JavaScript libraries read, so a front end needs no glue code.

The domain's header entry ``""`` carries ``domain``, ``lang`` and ``plural_forms``; every
other key is a msgid (``context\\u0004msgid`` with a context) and its value the list of
translations (one, or one per plural form), as Jed 1.x expects.

>>> data = jed_options({"Search": "Претрага", "month\\u0004May": "мај",
...                     "%(n)d article": ["%(n)d чланак", "%(n)d чланка", "%(n)d чланака"]},
...                    lang="sr-Cyrl", plural_forms="nplurals=3; plural=0;")
>>> data["domain"], data["locale_data"]["messages"][""]["lang"]
('messages', 'sr-Cyrl')
>>> data["locale_data"]["messages"]["Search"], len(data["locale_data"]["messages"]["%(n)d article"])
(['Претрага'], 3)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DOMAIN = "messages"


def jed_options(messages: Mapping[str, str | list[str]], *, lang: str, plural_forms: str,
                domain: str = DOMAIN) -> dict[str, Any]:
    """The options ``new Jed(options)`` takes: ``{"domain", "locale_data": {domain: …}}``
    (``@wordpress/i18n``'s ``setLocaleData`` takes ``locale_data[domain]``).  Empty
    translations are left out, so the library falls back to the msgid."""
    entries: dict[str, Any] = {"": {"domain": domain, "lang": lang, "plural_forms": plural_forms}}
    for key, value in messages.items():
        forms = [value] if isinstance(value, str) else list(value)
        if key and any(forms):
            entries[key] = forms
    return {"domain": domain, "locale_data": {domain: entries}}
