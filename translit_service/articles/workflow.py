"""The translator's round for one article: extract units to .pot/.po, build HTML back."""

from __future__ import annotations

from typing import NamedTuple

from ..catalogs import update
from ..catalogs.units import Suggestion, Unit, prefill, write_template
from ..engine import Transliterator, default_transliterator
from .markdown import markdown_units
from .memory import Memory
from .render import BYLINE, HEADLINE, KIND, PLACE, PLAIN_TEXT_CONTEXTS, TAG, read_translations
from .segment import segment
from .store import TRANSLATION_LOCALES, Store


class Extracted(NamedTuple):
    pot: str
    po: str
    units: int
    translated: int
    fuzzy: int
    prefilled: int
    prefilled_fuzzy: int


def unit_format(markdown: bool, context: str | None) -> str:
    """The format of a unit (:mod:`~translit_service.articles.memory`): an attribute's or
    a lone image's alt text is plain ``text``, a block is its article's ``markdown`` or
    ``html``."""
    if context is not None:
        return "text"
    return "markdown" if markdown else "html"


def memory_for(store: Store, exclude: str, locale: str,
               engine: Transliterator | None = None) -> Memory:
    """Finished translations of every other article, in ``locale``'s script, each under its
    unit's format."""
    memory = Memory()
    script = "latn" if locale == "sr_Latn" else "cyrl"
    engine = engine or default_transliterator()
    for article_id in store.ids():
        if article_id == exclude:
            continue
        files = store.files(article_id)
        markdown = files.source.suffix == ".md"
        for po_locale, path in files.translations.items():
            for (context, msgid), text in read_translations(path).items():
                if context in PLAIN_TEXT_CONTEXTS:
                    continue
                if po_locale != locale:
                    text = engine.convert(text, script, "html")
                memory.add(msgid, text, article_id, unit_format(markdown, context))
    return memory


def extract_article(store: Store, article_id: str, locale: str | None = None, *,
                    engine: Transliterator | None = None) -> Extracted:
    """Write ``<id>/article.pot`` and create or update the translation ``.po``: existing
    translations kept, changed units fuzzy with the previous msgid, vanished ones obsolete,
    and untranslated units prefilled from the translation memory."""
    files = store.files(article_id)
    meta = store.meta(files)
    html = store.source_html(files)
    units = [Unit(meta.title, HEADLINE, (files.meta.name, 1), "The headline")]
    if meta.author:
        units.append(Unit(meta.author, BYLINE, (files.meta.name, 1),
                          "The byline: a person's name, or an office"))
    if meta.kind:
        units.append(Unit(meta.kind, KIND, (files.meta.name, 1),
                          "The kind of article (news, interview, speech, press note)"))
    units += [Unit(tag, TAG, (files.meta.name, 1), "A tag of the article")
              for tag in dict.fromkeys(meta.tags)]
    if meta.place:
        units.append(Unit(meta.place, PLACE, (files.meta.name, 1),
                          "The dateline's place (written in capitals before the date)"))
    if files.source.suffix == ".md":  # Markdown units, with their lines in the .md file
        units += [Unit(unit.msgid, unit.context, (files.source.name, unit.line),
                       "the alt text of an image" if unit.context == "alt"
                       else f"<{unit.element}> in Markdown")
                  for unit in markdown_units(store.source_text(files))]
    else:
        units += [Unit(unit.msgid, unit.context, (files.source.name, unit.line),
                       f"<{unit.element}>") for unit in segment(html)]
    pot = files.directory / "article.pot"
    write_template(pot, units, f"article {article_id}")
    if locale is None:
        locale = next(iter(files.translations), TRANSLATION_LOCALES[0])
    po_path = files.directory / f"{locale}.po"
    update(pot, po_path, locale, title=f"article {article_id}")
    memory = memory_for(store, article_id, locale, engine)
    markdown = files.source.suffix == ".md"
    formats = {unit.msgid: unit_format(markdown, unit.context) for unit in reversed(units)}

    def suggest(msgid: str) -> Suggestion | None:
        match = memory.lookup(msgid, formats.get(msgid, "text"))
        if match is None:
            return None
        return Suggestion(match.msgstr, match.exact, match.msgid,
                          f"translation memory: {match.score:.0%} match from {match.article}")

    done = prefill(po_path, suggest)
    return Extracted(str(pot), str(po_path), done.total, done.translated, done.fuzzy,
                     done.exact, done.close)
