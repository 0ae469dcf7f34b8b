"""One settings source for the service and the CLI: a TOML file, then environment variables.

The file is ``translit.toml`` in the working directory, or the one ``TRANSLIT_SETTINGS`` names
(a missing named file is an error; a missing default file is not).  Every key is optional;
:data:`DEFAULTS` lists them all.  An environment variable ``TRANSLIT_<KEY>`` (upper case)
overrides the file, and ``TRANSLIT_OPTIONS_<FIELD>`` overrides one conversion option::

    # translit.toml
    locales_dir = "locales"
    max_batch = 500
    [options]
    dj_as = "dj"

:func:`load` returns a :class:`Settings`; ``create_app`` turns it into Flask config and
``translit`` reads the same, so the site and the batch tools convert alike.

>>> s = load(environ={"TRANSLIT_MAX_BATCH": "7", "TRANSLIT_OPTIONS_DJ_AS": "đ"}, path=None)
>>> s.values["MAX_BATCH"], s.options.dj_as
(7, 'đ')
>>> load(environ={"TRANSLIT_MAX_BATCH": "many"}, path=None)
Traceback (most recent call last):
...
translit_service.settings.SettingsError: TRANSLIT_MAX_BATCH: expected an integer, got 'many'

Every value is checked against :data:`SCHEMA` when it is read (:func:`validate`): a negative
cache size, ``max-age = -1``, a ``nan`` threshold or ``max_batch = true`` stop the start with
the file or variable named, never a 500 on every page later.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from .errors import ConfigurationError, TranslitError
from .glossary import Glossary
from .options import FIELD_NAMES, Options, from_fields

_ROOT = Path(__file__).resolve().parent.parent


class Setting(NamedTuple):
    """One setting, described once: its key, default, kind and bounds.  :data:`SCHEMA` is the
    single definition :func:`load` validates against (and :data:`DEFAULTS`, the README's table
    and translit.example.toml list the same keys).

    ``kind``: ``path`` (a string; ``""`` only where ``empty`` says it means "none"), ``int``
    and ``float`` (``low``..``high``, inclusive; no booleans, no fractions for an ``int``,
    no nan or infinity), ``origins`` (a list of ``scheme://host[:port]`` or ``*``) and
    ``url`` (``""`` or ``http(s)://host[:port]``, no path), ``bool`` (true or false)."""

    key: str
    default: Any
    kind: str
    help: str
    low: float | None = None
    high: float | None = None
    empty: bool = False


SCHEMA: tuple[Setting, ...] = (
    Setting("LOCALES_DIR", str(_ROOT / "locales"), "path",
            "<locale>/LC_MESSAGES/messages.po"),
    Setting("CONTENT_DIR", str(_ROOT / "content" / "articles"), "path",
            "one folder per article"),
    Setting("MAX_CONTENT_LENGTH", 1024 * 1024, "int",
            "bytes of a request body; larger is 413", low=1),
    Setting("MAX_BATCH", 1000, "int", "texts in one {\"texts\": [...]} request", low=1),
    Setting("MAX_QUERY_TEXT", 2000, "int", "characters of ?text= for GET", low=1),
    Setting("CACHE_MAX_AGE", 86400, "int",
            "seconds, Cache-Control of cacheable GET responses", low=0),
    Setting("CONTENT_MAX_AGE", 60, "int",
            "seconds an article or site-API response may be cached (edits)", low=0),
    Setting("CORS_ORIGINS", [], "origins",
            "origins allowed to call the API from a browser; [\"*\"] for any"),
    Setting("PUBLISH_THRESHOLD", 0.8, "float",
            "share of an article's units translated before it is published", low=0, high=1),
    Setting("PUBLISH_ONLY_COMPLETE", False, "bool",
            "true: a translation is published only when complete"),
    Setting("ARTICLE_CACHE_SIZE", 256, "int",
            "rendered article variants kept in memory (LRU); 0 keeps none", low=0),
    Setting("SITE_URL", "", "url",
            "scheme://host prefix for absolute links; the request's own URL when empty"),
    Setting("GLOSSARY", str(_ROOT / "glossary.txt"), "path",
            "words kept in Latin, custom mappings; \"\" for none", empty=True),
    Setting("DRAIN_FILE", "", "path",
            "while this file exists, /readyz answers 503 \"draining\"; \"\" never", empty=True),
    Setting("PROXY_HOPS", 0, "int",
            "reverse proxies in front of the service whose X-Forwarded-For, -Proto and -Host "
            "are trusted (0: none, the request is taken as it came)", low=0, high=10),
)
BY_KEY = {setting.key: setting for setting in SCHEMA}
#: Every setting with its default (the README lists the same).
DEFAULTS: dict[str, Any] = {setting.key: setting.default for setting in SCHEMA}
SETTINGS_FILE = "translit.toml"


class SettingsError(ConfigurationError):
    """A settings file or variable that cannot be read; names the file or the variable."""

    code = "settings_error"


class Settings(NamedTuple):
    """What :func:`load` read: the values (upper-case keys), the default conversion options,
    and where they came from."""

    values: dict[str, Any]
    options: Options
    source: str | None
    explicit: frozenset[str] = frozenset()  # keys the file or the environment set

    def path_or(self, key: str, fallback: str) -> str:
        """The setting ``key`` when the file or environment set it, else ``fallback`` (the
        CLI's paths are relative to the working directory unless configured)."""
        return str(self.values[key]) if key in self.explicit else fallback


_INTEGER = re.compile(r"[+-]?[0-9]+")
_HOST = r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?"  # name or [IPv6], port
_ORIGIN = re.compile(rf"https?://{_HOST}")
_URL = _ORIGIN


def validate(key: str, value: object, where: str | None = None) -> Any:
    """``value`` for the setting ``key`` as the service uses it (a string from the
    environment parsed, a TOML value checked), or a :class:`SettingsError` naming ``where``
    (the variable, or the file and key) and what is allowed.

    >>> validate("MAX_BATCH", "500"), validate("PUBLISH_THRESHOLD", 1)
    (500, 1.0)
    >>> validate("ARTICLE_CACHE_SIZE", -1, "s.toml: article_cache_size")
    Traceback (most recent call last):
    ...
    translit_service.settings.SettingsError: s.toml: article_cache_size: must be at least 0, got -1
    >>> validate("MAX_BATCH", True, "s.toml: max_batch")
    Traceback (most recent call last):
    ...
    translit_service.settings.SettingsError: s.toml: max_batch: expected an integer, got True
    """
    setting = BY_KEY[key]
    name = where or key.lower()
    kind = setting.kind
    if kind == "int":
        number: float = _integer(name, value)
    elif kind == "float":
        number = _number(name, value)
    elif kind == "origins":
        return _origins(name, value)
    elif kind == "bool":
        return _boolean(name, value)
    else:
        if isinstance(value, PurePath):
            value = str(value)
        if not isinstance(value, str):
            raise SettingsError(f"{name}: expected a string, got {value!r}")
        if "\0" in value:
            raise SettingsError(f"{name}: a NUL character in {value!r}")
        if kind == "url":
            value = value.rstrip("/")
            if value and not _URL.fullmatch(value):
                raise SettingsError(f"{name}: expected \"\" or http(s)://host[:port] with no "
                                    f"path, got {value!r}")
        elif not value and not setting.empty:
            raise SettingsError(f"{name}: must not be empty")
        return value
    if setting.low is not None and number < setting.low:
        raise SettingsError(f"{name}: must be at least {_plain(setting.low)}, got {value!r}")
    if setting.high is not None and number > setting.high:
        raise SettingsError(f"{name}: must be at most {_plain(setting.high)}, got {value!r}")
    return number


def _plain(bound: float) -> str:
    return str(int(bound)) if bound == int(bound) else str(bound)


_BOOLEAN_WORDS = {"true": True, "1": True, "yes": True, "on": True,
                  "false": False, "0": False, "no": False, "off": False}


def _boolean(name: str, value: object) -> bool:
    """A boolean from TOML (true/false only: not 1, not "yes") or a word from the
    environment (true/false, 1/0, yes/no, on/off)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _BOOLEAN_WORDS:
        return _BOOLEAN_WORDS[value.strip().lower()]
    raise SettingsError(f"{name}: expected true or false, got {value!r}")


def _integer(name: str, value: object) -> int:
    """An int from TOML (not a boolean, not a float such as 1.9) or a decimal string."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value)
    raise SettingsError(f"{name}: expected an integer, got {value!r}")


def _number(name: str, value: object) -> float:
    """A finite float from TOML (an int is one too, a boolean is not) or a string."""
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        raise SettingsError(f"{name}: expected a finite number, got {value!r}")
    return number


def _origins(name: str, value: object) -> list[str]:
    """Origins from a TOML list or a comma-separated variable
    (``TRANSLIT_CORS_ORIGINS="https://a,https://b"``)."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{name}: expected a list of origins, got {value!r}")
    for origin in value:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise SettingsError(f"{name}: {origin!r} is not an origin (scheme://host[:port], "
                                "no path, or \"*\" for any)")
    return list(value)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise SettingsError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: {exc}") from None


def load(environ: Mapping[str, str] | None = None, path: str | Path | bool | None = True,
         ) -> Settings:
    """Read the settings: :data:`DEFAULTS`, then the file, then the environment.

    ``path=True`` (default) means ``$TRANSLIT_SETTINGS`` or ``./translit.toml`` if it exists;
    ``None`` reads no file.
    """
    env = os.environ if environ is None else environ
    if path is True:
        named = env.get("TRANSLIT_SETTINGS")
        path = Path(named) if named else (Path(SETTINGS_FILE) if Path(SETTINGS_FILE).is_file()
                                           else None)
    raw: dict[str, Any] = _read_file(Path(path)) if isinstance(path, str | Path) else {}
    file_options = raw.pop("options", {})
    if not isinstance(file_options, dict):
        raise SettingsError(f"{path}: [options] must be a table")
    values = dict(DEFAULTS)
    explicit: set[str] = set()
    for key, value in raw.items():
        name = key.upper()
        if name not in DEFAULTS:
            raise SettingsError(f"{path}: unknown setting {key!r}; settings: "
                                f"{', '.join(k.lower() for k in DEFAULTS)}")
        values[name] = validate(name, value, f"{path}: {key}")
        explicit.add(name)
    for name in DEFAULTS:
        variable = f"TRANSLIT_{name}"
        if variable in env:
            values[name] = validate(name, env[variable], variable)
            explicit.add(name)
    given = {k: v for k, v in file_options.items()}
    if "glossary" in given:
        raise SettingsError(f"{path}: the glossary is a path: set glossary = \"file\" outside "
                            "[options]")
    for field in FIELD_NAMES:
        variable = f"TRANSLIT_OPTIONS_{field.upper()}"
        if variable in env:
            given[field] = env[variable]
    unknown = sorted(set(given) - set(FIELD_NAMES))
    if unknown:
        raise SettingsError(f"{path}: unknown option {unknown[0]!r}; options: "
                            f"{', '.join(FIELD_NAMES)}")
    try:
        options = from_fields(given)
    except TranslitError as exc:
        raise SettingsError(f"{path or 'environment'}: {exc}") from None
    glossary_path = values["GLOSSARY"]
    if glossary_path and (Path(glossary_path).is_file() or "GLOSSARY" in explicit):
        options = Options.merge(options, glossary=Glossary.from_file(glossary_path))
    return Settings(values, options, str(path) if path else None, frozenset(explicit))
