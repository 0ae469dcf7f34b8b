"""Gettext in templates, per request: the variant's compiled catalog from the CatalogStore.

Jinja's i18n extension calls the functions below, which read the translations chosen for the
current request (``flask.g``), so one application serves all three variants at once.
"""

from __future__ import annotations

import gettext
from typing import Any

from flask import Flask, current_app, g

from ..catalogs import CatalogStore
from ..catalogs.placeholders import is_safe_format
from ..catalogs.store import SETTLE
from ..locales import Variant

_NULL = gettext.NullTranslations()


def store() -> CatalogStore:
    found: CatalogStore = current_app.extensions["catalogs"]
    return found


def use_variant(variant: Variant) -> None:
    """Translate this request's templates into ``variant``."""
    loaded = store().get(variant.locale)
    g.translations = loaded.translations if loaded else _NULL
    g.variant = variant


def _translations() -> gettext.NullTranslations:
    found: gettext.NullTranslations = g.get("translations", _NULL)
    return found


def _safe(text: str, source: str) -> str:
    """Templates %-format every string: a translation that cannot be formatted falls back to
    its source (the checker and the catalog store refuse such catalogs; this is the last net)."""
    return text if text is source or "%" not in text or is_safe_format(text) else source


def _gettext(message: str) -> str:
    return _safe(_translations().gettext(message), message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _safe(_translations().ngettext(singular, plural, n), singular if n == 1 else plural)


def _pgettext(context: str, message: str) -> str:
    return _safe(_translations().pgettext(context, message), message)


def _npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _safe(_translations().npgettext(context, singular, plural, n),
                 singular if n == 1 else plural)


def init_app(app: Flask) -> None:
    # CATALOG_SETTLE (tests): seconds an edited .po must stay unchanged before it is loaded.
    app.extensions["catalogs"] = CatalogStore(app.config["LOCALES_DIR"],
                                              settle=app.config.get("CATALOG_SETTLE", SETTLE))
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext)
    app.jinja_env.policies["ext.i18n.trimmed"] = True


def translate(message: str, **variables: Any) -> str:
    """gettext in Python code, formatted like the templates' newstyle gettext."""
    text = _gettext(message)
    return text % variables if variables else text
