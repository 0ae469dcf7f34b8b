"""The translator's round for one article: extract units to .pot/.po, build HTML back."""

from __future__ import annotations

import io
from typing import NamedTuple

import polib
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from .. import __version__, engine
from ..catalogs import update
from ..fileio import atomic_write, locked
from .memory import Memory
from .render import BYLINE, HEADLINE, PLAIN_TEXT_CONTEXTS, read_translations
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


def memory_for(store: Store, exclude: str, locale: str) -> Memory:
    """Finished translations of every other article, in ``locale``'s script."""
    entries: dict[str, tuple[str, str]] = {}
    script = "latn" if locale == "sr_Latn" else "cyrl"
    for article_id in store.ids():
        if article_id == exclude:
            continue
        files = store.files(article_id)
        for po_locale, path in files.translations.items():
            for (context, msgid), text in read_translations(path).items():
                if context in PLAIN_TEXT_CONTEXTS or msgid in entries:
                    continue
                if po_locale != locale:
                    text = engine.transliterate(text, to=script, fmt="html")
                entries[msgid] = (text, article_id)
    return Memory(entries)


def extract_article(store: Store, article_id: str, locale: str | None = None) -> Extracted:
    """Write ``<id>/article.pot`` and create or update the translation ``.po``: existing
    translations kept, changed units fuzzy with the previous msgid, vanished ones obsolete,
    and untranslated units prefilled from the translation memory."""
    files = store.files(article_id)
    meta = store.meta(files)
    html = store.source_html(files)
    template = Catalog(project=f"article {article_id}", version=__version__, charset="utf-8")
    template.add(meta.title, context=HEADLINE, locations=[(files.meta.name, 1)],
                 auto_comments=["The headline"])
    if meta.author:
        template.add(meta.author, context=BYLINE, locations=[(files.meta.name, 1)],
                     auto_comments=["The byline: a person's name, or an office"])
    for unit in segment(html):
        template.add(unit.msgid, context=unit.context, locations=[(files.source.name, unit.line)],
                     auto_comments=[f"<{unit.element}>"])
    buffer = io.BytesIO()
    write_po(buffer, template, width=78)
    pot = files.directory / "article.pot"
    atomic_write(pot, buffer.getvalue())
    if locale is None:
        locale = next(iter(files.translations), TRANSLATION_LOCALES[0])
    po_path = files.directory / f"{locale}.po"
    update(pot, po_path, locale)
    with locked(po_path):
        po = polib.pofile(str(po_path), wrapwidth=78)
        memory = memory_for(store, article_id, locale)
        exact = close = 0
        for entry in po:
            if entry.obsolete or entry.msgstr or "fuzzy" in entry.flags:
                continue
            match = memory.lookup(entry.msgid)
            if match is None:
                continue
            entry.msgstr = match.msgstr
            if match.exact:
                exact += 1
            else:
                close += 1
                entry.flags.append("fuzzy")
                entry.previous_msgid = match.msgid
                entry.tcomment = "\n".join(filter(None, [
                    entry.tcomment,
                    f"translation memory: {match.score:.0%} match from {match.article}"]))
        if exact or close:
            atomic_write(po_path, str(po))
    done = sum(1 for e in po if not e.obsolete and e.msgstr and "fuzzy" not in e.flags)
    fuzzy = sum(1 for e in po if not e.obsolete and "fuzzy" in e.flags)
    total = sum(1 for e in po if not e.obsolete)
    return Extracted(str(pot), str(po_path), total, done, fuzzy, exact, close)
