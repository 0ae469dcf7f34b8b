"""One options object for every entry point, and one definition of its fields.

:class:`Options` is frozen and validated: an invalid value raises the matching
:class:`~translit_service.errors.InvalidOption` subclass when the object is made, never later in
the middle of a conversion.  Every entry point takes ``options=`` and keyword arguments as a
convenience (as ftfy's ``fix_text(text, config=None, **kwargs)``)::

    to_cyrillic(text, options=Options(dj_as="đ"))  ==  to_cyrillic(text, dj_as="đ")

:data:`FIELDS` is the single description of the options a client may set: the HTTP API's
JSON fields and query parameters, their OpenAPI schema and the CLI's click options are all
generated from it (:func:`api_schema`, :func:`click_options`), so they cannot drift.

>>> options = Options(lang="RS", dj_as="đ")
>>> options.lang, options.dj_as, options.foreign, options.restore_diacritics
('sr', 'đ', 'keep', False)
>>> Options(dj_as="dž")
Traceback (most recent call last):
...
translit_service.errors.InvalidOption: unknown dj_as 'dž'; valid values: dj, đ
>>> Options.merge(None, lang="me").lang
'me'
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import PurePath
from typing import Any, NamedTuple, TypeVar

from .errors import InvalidOption, TranslitError, UnknownLanguage

DJ_READINGS = ("dj", "đ")
FOREIGN_POLICIES = ("keep", "convert")

#: The Serbian language codes (Serbian and Montenegrin), which get the full rule set.
SERBIAN = ("sr", "me")
_LANGUAGE_ALIASES = {"rs": "sr", "cnr": "me", "uk": "ua", "be": "by", "sr-latn": "sr",
                     "sr-cyrl": "sr", "sr_latn": "sr", "sr_cyrl": "sr", "sr@latin": "sr"}


@functools.cache
def languages() -> tuple[str, ...]:
    """The language codes the engine accepts (aliases such as ``rs`` and ``uk`` aside): Serbian
    and Montenegrin, and every language cyrtranslit has tables for.

    >>> "sr" in languages() and "ru" in languages()
    True
    """
    from cyrtranslit.mapping import TRANSLIT_DICT

    others = {code for code in TRANSLIT_DICT if code not in _LANGUAGE_ALIASES}
    return tuple(sorted(set(SERBIAN) | others))


def normalise_language(lang: object) -> str:
    """``rs`` -> ``sr``, ``SR`` -> ``sr``; an unknown code raises :class:`UnknownLanguage`."""
    if isinstance(lang, str):
        code = _LANGUAGE_ALIASES.get(lang.lower(), lang.lower())
        if code in languages():
            return code
    raise UnknownLanguage("lang", lang, languages())


@dataclasses.dataclass(frozen=True)
class Options:
    """How text is converted.  Hashable, so an engine built for it can be cached by it.

    * ``lang``: ``sr`` (default), ``me`` (adds ś and ź) or another cyrtranslit language;
    * ``dj_as``: ``"dj"`` (default) or ``"đ"``, for text typed without diacritics;
    * ``latin_acronyms``: the acronyms kept in Latin inside Cyrillic (None: the lexicon's list);
    * ``foreign``: ``"keep"`` (default) keeps English words that are not Serbian in Latin
      (Google, Delete, path), ``"convert"`` converts them like any word;
    * ``glossary``: a :class:`~translit_service.glossary.Glossary` (words kept in Latin,
      custom mappings) or None;
    * ``restore_diacritics``: restore č ć š ž đ before converting Latin typed without them
      (:mod:`translit_service.diacritics`).
    """

    lang: str = "sr"
    dj_as: str = "dj"
    latin_acronyms: frozenset[str] | None = None
    foreign: str = "keep"
    glossary: Hashable | None = None
    restore_diacritics: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang", normalise_language(self.lang))
        if self.dj_as not in DJ_READINGS:
            raise InvalidOption("dj_as", self.dj_as, DJ_READINGS)
        if self.foreign not in FOREIGN_POLICIES:
            raise InvalidOption("foreign", self.foreign, FOREIGN_POLICIES)
        if not isinstance(self.restore_diacritics, bool):
            raise InvalidOption("restore_diacritics", self.restore_diacritics, ("true", "false"))
        acronyms = self.latin_acronyms
        if acronyms is not None and not isinstance(acronyms, frozenset):
            if isinstance(acronyms, str) or not isinstance(acronyms, Iterable):
                raise TypeError("latin_acronyms must be a collection of words, not a str")
            object.__setattr__(self, "latin_acronyms", frozenset(acronyms))

    @property
    def serbian(self) -> bool:
        """True for Serbian and Montenegrin, which get the full rule set."""
        return self.lang in SERBIAN

    @classmethod
    def merge(cls, options: Options | None = None, **overrides: Any) -> Options:
        """``options`` (or the defaults) with ``overrides`` applied; unknown names are a
        TypeError, as for any function."""
        base = options if options is not None else _DEFAULT
        if not overrides:
            return base
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise TypeError(f"unknown option {unknown[0]!r}; options: {', '.join(sorted(names))}")
        return dataclasses.replace(base, **overrides)

    def as_dict(self) -> dict[str, Any]:
        """The options a client can set, as JSON values (for /readyz and logs)."""
        values = {f.name: getattr(self, f.name) for f in FIELDS}
        glossary: Any = self.glossary
        values["glossary"] = (f"{PurePath(glossary.source).name} ({len(glossary.entries)} "
                              "entries)" if glossary is not None else None)  # no server paths
        return values


_DEFAULT = Options()


# ----------------------------------------------------------------------------- field table
class OptionField(NamedTuple):
    """One option a client may set, described once for the API, OpenAPI and the CLI."""

    name: str
    help: str
    choices: Callable[[], tuple[str, ...]]
    cli: str  # the click option's name
    closed: bool = True  # only the choices (False: aliases too, validated by Options)
    switch: bool = False  # on/off: true keeps the configured value, false turns it off


FIELDS: tuple[OptionField, ...] = (
    OptionField("lang", "Language of the text: sr (default), me (adds ś, ź), or another "
                "language cyrtranslit has tables for (ru, mk, ua, bg…).", languages, "--lang",
                closed=False),
    OptionField("dj_as", "How Latin 'dj' is read: as d + j (default), or as đ, for text typed "
                "without diacritics.", lambda: DJ_READINGS, "--dj-as"),
    OptionField("foreign", "English words that are not Serbian (Google, Delete, path): keep "
                "them in Latin (default) or convert them.", lambda: FOREIGN_POLICIES,
                "--foreign"),
    OptionField("glossary", "Apply the configured glossary (words kept in Latin, custom "
                "mappings); false converts without it.", lambda: ("true", "false"),
                "--glossary/--no-glossary", switch=True),
    OptionField("restore_diacritics", "Restore č ć š ž đ first, for Latin typed without them "
                "(sta radis -> šta radiš).", lambda: ("true", "false"),
                "--restore-diacritics/--no-restore-diacritics", switch=True),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)


def from_fields(values: Mapping[str, object], base: Options | None = None) -> Options:
    """Options from client-supplied values (JSON fields, query parameters, CLI options);
    ``None`` values are left at ``base``.  A value of the wrong type is an InvalidOption.

    >>> from_fields({"dj_as": "đ", "lang": None}).dj_as
    'đ'
    """
    given = {name: values[name] for name in FIELD_NAMES if values.get(name) is not None}
    for f in FIELDS:
        if f.name not in given:
            continue
        value = given[f.name]
        if f.switch and f.name == "glossary":
            on = _switch(f.name, value)
            if on:
                del given[f.name]  # the configured glossary stays
            else:
                given[f.name] = None
        elif f.switch:
            given[f.name] = _switch(f.name, value)
        elif not isinstance(value, str):
            raise InvalidOption(f.name, value, f.choices())
    try:
        return Options.merge(base, **given)
    except TypeError as exc:  # pragma: no cover - FIELD_NAMES are Options fields
        raise TranslitError(str(exc)) from None


def _switch(name: str, value: object) -> bool:
    """A switch's value: a JSON boolean, or a query/CLI string (true/false, on/off, 1/0)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "on", "1", "yes"):
        return True
    if isinstance(value, str) and value.lower() in ("false", "off", "0", "no"):
        return False
    raise InvalidOption(name, value, ("true", "false"))


def api_schema(query: bool = False) -> dict[str, dict[str, Any]]:
    """JSON Schema properties for the options, as the HTTP API accepts them (``query``: as
    query parameters, where a switch is the string true or false)."""
    schema: dict[str, dict[str, Any]] = {}
    for f in FIELDS:
        default = f.name == "glossary" or bool(getattr(_DEFAULT, f.name))
        if f.switch and not query:
            schema[f.name] = {"type": "boolean", "default": default, "description": f.help}
        elif f.switch:
            schema[f.name] = {"type": "string", "enum": ["true", "false"],
                              "default": "true" if default else "false", "description": f.help}
        else:
            schema[f.name] = {"type": "string", "enum": list(f.choices()),
                              "default": getattr(_DEFAULT, f.name), "description": f.help}
    return schema


F = TypeVar("F", bound=Callable[..., Any])


def click_options(command: F) -> F:
    """Decorate a click command with one option per field (``--lang``, ``--dj-as``); the
    command receives them as keyword arguments named after the fields."""
    import click

    for f in reversed(FIELDS):
        if f.switch:
            state = "on" if f.name == "glossary" else "off"
            command = click.option(f.cli, f.name, default=None,
                                   help=f"{f.help} [default: {state}]")(command)
            continue
        kind = click.Choice(f.choices(), case_sensitive=False) if f.closed else str
        command = click.option(f.cli, f.name, type=kind, default=None, metavar=None if f.closed
                               else "CODE", help=f"{f.help} [default: from settings, else "
                               f"{getattr(_DEFAULT, f.name)}]")(command)
    return command
