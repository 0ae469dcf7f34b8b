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
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ConfigurationError, TranslitError
from .glossary import Glossary
from .options import FIELD_NAMES, Options, from_fields

_ROOT = Path(__file__).resolve().parent.parent

#: Every setting, with its default and what it means (the README lists the same).
DEFAULTS: dict[str, Any] = {
    "LOCALES_DIR": str(_ROOT / "locales"),  # <locale>/LC_MESSAGES/messages.po
    "CONTENT_DIR": str(_ROOT / "content" / "articles"),  # one folder per article
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # bytes of a request body; larger is 413
    "MAX_BATCH": 1000,  # texts in one {"texts": [...]} request
    "MAX_QUERY_TEXT": 2000,  # characters of ?text= for GET
    "CACHE_MAX_AGE": 86400,  # seconds, Cache-Control of cacheable GET responses
    "CONTENT_MAX_AGE": 60,  # seconds an article or site-API response may be cached (edits)
    "CORS_ORIGINS": [],  # origins allowed to call the API from a browser; ["*"] for any
    "PUBLISH_THRESHOLD": 0.8,  # share of an article's units translated before it is published
    "PUBLISH_ONLY_COMPLETE": False,  # true: a translation is published only when complete
    "ARTICLE_CACHE_SIZE": 256,  # rendered article variants kept in memory (LRU)
    "SITE_URL": "",  # scheme://host prefix for hreflang links; relative links when empty
    "GLOSSARY": str(_ROOT / "glossary.txt"),  # words kept in Latin, custom mappings; "" none
    "DRAIN_FILE": "",  # while this file exists, /readyz answers 503 "draining"; "" never
}
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


def _coerce(name: str, value: object, default: object) -> Any:
    """Convert a value from the environment (a string) or TOML to the default's type."""
    if isinstance(default, bool):
        if isinstance(value, str) and value.lower() in ("1", "true", "yes", "0", "false", "no"):
            return value.lower() in ("1", "true", "yes")
        if isinstance(value, bool):
            return value
        raise SettingsError(f"{name}: expected true or false, got {value!r}")
    if isinstance(default, int):
        try:
            return int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise SettingsError(f"{name}: expected an integer, got {value!r}") from None
    if isinstance(default, float):
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise SettingsError(f"{name}: expected a number, got {value!r}") from None
    if isinstance(default, list):
        if isinstance(value, str):  # TRANSLIT_CORS_ORIGINS="https://a,https://b"
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        raise SettingsError(f"{name}: expected a list of strings, got {value!r}")
    if not isinstance(value, str):
        raise SettingsError(f"{name}: expected a string, got {value!r}")
    return value


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
        values[name] = _coerce(f"{path}: {key}", value, DEFAULTS[name])
        explicit.add(name)
    for name, default in DEFAULTS.items():
        variable = f"TRANSLIT_{name}"
        if variable in env:
            values[name] = _coerce(variable, env[variable], default)
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
