"""Gettext in templates, per request: the variant's compiled catalog from the CatalogStore.

Jinja's i18n extension calls the functions below, which read the translations chosen for the
current request (``flask.g``), so one application serves all three variants at once.
"""

from __future__ import annotations

import gettext
from typing import Any

from flask import Flask, current_app, g

from ..catalogs import CatalogStore
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


def _gettext(message: str) -> str:
    return _translations().gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


def _pgettext(context: str, message: str) -> str:
    return _translations().pgettext(context, message)


def _npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations().npgettext(context, singular, plural, n)


def init_app(app: Flask) -> None:
    app.extensions["catalogs"] = CatalogStore(app.config["LOCALES_DIR"])
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext)
    app.jinja_env.policies["ext.i18n.trimmed"] = True


def translate(message: str, **variables: Any) -> str:
    """gettext in Python code, formatted like the templates' newstyle gettext."""
    text = _gettext(message)
    return text % variables if variables else text
