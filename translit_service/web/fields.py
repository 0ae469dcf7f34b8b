"""What the API reads from a request, exactly as its OpenAPI document describes it.

Every reader returns a valid value or raises :class:`~translit_service.web.errors.BadRequest`
(or the library's :class:`~translit_service.errors.InvalidOption`) with a documented code, so a
request the schema refuses is refused here too, and one it allows is taken:

* booleans are JSON ``true``/``false`` in a body and ``true``/``false`` in a query string
  (``"yes"``, ``0`` and ``null`` are ``invalid_field``);
* enum values are the enum's, spelled as it spells them (``lang: "RS"`` is refused);
* ``null`` for a string field is ``invalid_field`` ("must be a string"), never "missing";
* a query parameter or a field the operation does not take is ``unknown_field``;
* a body's ``charset`` is UTF-8 or refused by name.

>>> script_value("sr-Latn"), switch_value("glossary", "false", query=True)
('latn', False)
>>> switch_value("glossary", "yes", query=True)
Traceback (most recent call last):
...
translit_service.web.errors.BadRequest: parameter 'glossary' must be true or false, not 'yes'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask import request

from ..engine import SCRIPT_NAMES
from ..errors import InvalidOption, UnknownLanguage, UnknownScript
from ..options import FIELDS, Options, from_fields
from .errors import BadRequest

#: The ``to`` values the API takes, exactly as spelt here (the OpenAPI enum), with the names
#: generated clients give them: the script code, the site's BCP 47 tags, its CLDR locales,
#: GNU's locale, the English names and the ISO 15924 codes.
SCRIPT_VALUE_NAMES: dict[str, str] = {
    "cyrl": "CYRL", "latn": "LATN", "sr-Cyrl": "SR_CYRL", "sr-Latn": "SR_LATN",
    "sr_Cyrl": "SR_CYRL_LOCALE", "sr_Latn": "SR_LATN_LOCALE", "sr@latin": "SR_LATIN_GNU",
    "cyrillic": "CYRILLIC", "latin": "LATIN", "Cyrl": "ISO_CYRL", "Latn": "ISO_LATN"}
SCRIPT_VALUES: tuple[str, ...] = tuple(SCRIPT_VALUE_NAMES)
_SCRIPT_OF = {name: SCRIPT_NAMES[name.lower()] for name in SCRIPT_VALUES}
#: Charsets a body may name (UTF-8, and ASCII, which is a part of it).
UTF8_NAMES = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})
_SWITCHES = {f.name for f in FIELDS if f.switch}


def _where(name: str, query: bool) -> str:
    return f"parameter {name!r}" if query else f"field {name!r}"


def script_value(value: object, *, query: bool = False) -> str:
    """``cyrl`` or ``latn`` for a ``to`` value of the enum; else ``unknown_script``."""
    if value is None and not query:
        raise BadRequest("field 'to' must be a string, not null", code="invalid_field")
    if not isinstance(value, str):
        raise BadRequest(f"{_where('to', query)} must be a string", code="invalid_field")
    found = _SCRIPT_OF.get(value)
    if found is None:
        raise UnknownScript("script", value, SCRIPT_VALUES)
    return found


def string_value(payload: Mapping[str, Any], name: str, default: str | None = None, *,
                 query: bool = False) -> str:
    """A required (or defaulted) string field; null and other types are ``invalid_field``."""
    if name not in payload:
        if default is None:
            kind = "query parameter" if query else "field"
            raise BadRequest(f"missing {kind} {name!r}", code="missing_field")
        return default
    value = payload[name]
    if not isinstance(value, str):
        shown = "null" if value is None else type(value).__name__
        raise BadRequest(f"{_where(name, query)} must be a string, not {shown}",
                         code="invalid_field")
    return value


def switch_value(name: str, value: object, *, query: bool = False) -> bool:
    """A boolean: ``true``/``false`` (JSON booleans in a body, those words in a query)."""
    if query and value in ("true", "false"):
        return value == "true"
    if not query and isinstance(value, bool):
        return value
    shown = "null" if value is None else repr(value)
    raise BadRequest(f"{_where(name, query)} must be true or false, not {shown}",
                     code="invalid_field")


def options_from(values: Mapping[str, Any], base: Options, *, query: bool = False) -> Options:
    """The conversion options a request set (``values``: a JSON body or the query), over
    ``base``, each value checked against its enum exactly."""
    given: dict[str, object] = {}
    for f in FIELDS:
        if f.name not in values:
            continue
        value = values[f.name]
        if f.name in _SWITCHES:
            given[f.name] = switch_value(f.name, value, query=query)
            continue
        if value is None or not isinstance(value, str):
            shown = "null" if value is None else type(value).__name__
            raise BadRequest(f"{_where(f.name, query)} must be a string, not {shown}",
                             code="invalid_field")
        if value not in f.choices():
            error = UnknownLanguage if f.name == "lang" else InvalidOption
            raise error(f.name, value, f.choices())
        given[f.name] = value
    return from_fields(given, base) if given else base


def only(names: Iterable[str], present: Iterable[str], *, query: bool = True) -> None:
    """``unknown_field`` for the first of ``present`` that is not one of ``names``."""
    allowed = tuple(names)
    unknown = sorted(set(present) - set(allowed))
    if unknown:
        kind = "query parameter" if query else "field"
        valid = ", ".join(allowed) if allowed else "none"
        raise BadRequest(f"unknown {kind} {unknown[0]!r}; valid: {valid}", code="unknown_field")


def query_only(*names: str) -> None:
    """Refuse query parameters the current operation does not take."""
    only(names, request.args.keys())


def check_charset() -> None:
    """The body's charset, when the Content-Type names one, must be UTF-8."""
    charset = request.mimetype_params.get("charset")
    if charset is not None and charset.strip().lower() not in UTF8_NAMES:
        raise BadRequest(f"only UTF-8 is accepted (got charset={charset[:40]})", 415,
                         "unsupported_charset")
