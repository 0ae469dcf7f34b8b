"""The project's own values for every catalog header it writes, instead of Babel's
placeholders (``FIRST AUTHOR <EMAIL@ADDRESS>``, ``LANGUAGE <LL@li.org>``) and instead of
Babel's spelling of a plural rule, which changes between Babel releases.

>>> catalog = new_catalog("sr_Latn")
>>> catalog.language_team, catalog.msgid_bugs_address
('Serbian <press@example.org>', 'press@example.org')
>>> plural_forms("sr_Cyrl") == locales.SERBIAN_PLURAL_FORMS
True
"""

from __future__ import annotations

from datetime import UTC, datetime

from babel.messages.catalog import Catalog

from .. import __version__, locales

PROJECT = "translit-service"
COPYRIGHT_HOLDER = "translit-service authors"
BUGS_ADDRESS = "press@example.org"
TEAM = "MLO Belgrade Public Affairs <press@example.org>"
LANGUAGE_TEAMS = {"en": "English <press@example.org>", "sr_Latn": "Serbian <press@example.org>",
                  "sr_Cyrl": "Serbian <press@example.org>"}

_TEMPLATE_COMMENT = ("# Translation template of {title}.\n"
                     "# Copyright (C) {year} translit-service authors\n"
                     "# This file is distributed under the MIT licence, as the project is.\n#")
_CATALOG_COMMENT = ("# {language} translation of {title}.\n"
                    "# Copyright (C) {year} translit-service authors\n"
                    "# This file is distributed under the MIT licence, as the project is.\n#")
_LANGUAGES = {"en": "English", "sr_Latn": "Serbian (Latin script)",
              "sr_Cyrl": "Serbian (Cyrillic script)"}


def plural_forms(locale: str) -> str | None:
    """The project's canonical ``Plural-Forms`` for ``locale`` (None for one it has none)."""
    variant = locales.BY_LOCALE.get(locale) or locales.variant_for(locale)
    return variant.plural_forms if variant else None


def _now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def template_catalog(title: str = "the translit-service UI strings",
                     project: str = PROJECT) -> Catalog:
    """An empty template (``.pot``) with the project's header (fuzzy, as gettext's templates
    are: a template is never compiled)."""
    catalog = Catalog(project=project, version=__version__, copyright_holder=COPYRIGHT_HOLDER,
                      msgid_bugs_address=BUGS_ADDRESS, charset="utf-8", fuzzy=True,
                      last_translator=TEAM, language_team=TEAM)
    catalog.header_comment = _TEMPLATE_COMMENT.format(title=title, year=_now().year)
    return catalog


def new_catalog(locale: str, title: str = "the translit-service UI strings",
                project: str = PROJECT) -> Catalog:
    """An empty catalog for ``locale`` with the project's header, not fuzzy (msgfmt would
    drop a fuzzy header, and its charset and plural forms with it), and the project's own
    ``Plural-Forms``."""
    now = _now()
    catalog = Catalog(locale=locale, project=project, version=__version__,
                      copyright_holder=COPYRIGHT_HOLDER, msgid_bugs_address=BUGS_ADDRESS,
                      charset="utf-8", fuzzy=False, last_translator=TEAM,
                      language_team=LANGUAGE_TEAMS.get(locale, TEAM), revision_date=now)
    rule = plural_forms(locale)
    if rule is not None:
        catalog.mime_headers = [("Plural-Forms", rule)]
    catalog.header_comment = _CATALOG_COMMENT.format(
        language=_LANGUAGES.get(locale, locale), title=title, year=now.year)
    return catalog
