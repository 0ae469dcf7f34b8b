"""Serve an article in a variant: English, the translator's script, or the other script.

The variant a translator did not write is derived: the translations are transliterated (in
HTML mode) before they are merged, so untranslated units stay English in every variant.  Below
the publishing threshold (default 80 % of units translated) a Serbian variant is not published.
Rendered variants are cached in an in-process LRU keyed by article id, variant and the
modification times and sizes of its files, so an edited ``.po`` shows at once.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from .. import locales
from ..catalogs import units
from ..engine import Transliterator, default_transliterator
from ..errors import CatalogError, TranslitError
from .dates import dateline, display_date
from .markdown import html_translations
from .segment import build, segment
from .store import ArticleError, ArticleFiles, Store

HEADLINE = "headline"
BYLINE = "byline"
KIND = "kind"  # the kind of article (meta.json "kind"), translated like the headline
TAG = "tag"  # each of meta.json's "tags"
PLACE = "place"  # the dateline's place (meta.json "place")
PLAIN_TEXT_CONTEXTS = (HEADLINE, BYLINE, KIND, TAG, PLACE)
_FIRST_PARAGRAPH = re.compile(r"\A(\s*<p(?:\s[^<>]*)?>)")


def percent(completeness: float) -> int:
    """A share as the whole percent it has reached (floor: 99.6 % is not "100 %"): the one
    rounding rule of the site, the API's note and the command line.

    >>> percent(0.9091), percent(0.996), percent(1.0)
    (90, 99, 100)
    """
    return int(completeness * 100 + 1e-9)


def with_dateline(html: str, text: str) -> str:
    """``html`` with ``text`` opening its first paragraph (none when it opens otherwise).

    >>> with_dateline("<p>Experts met.</p>", "BELGRADE, 4 June –")
    '<p><span class="dateline">BELGRADE, 4 June –</span> Experts met.</p>'
    """
    from markupsafe import escape

    return _FIRST_PARAGRAPH.sub(lambda m: f'{m.group(1)}<span class="dateline">'
                                          f"{escape(text)}</span> ", html, count=1)


class NotPublished(TranslitError):
    code = "not_published"
    http_status = 404

    def __init__(self, article_id: str, variant: locales.Variant, completeness: float) -> None:
        self.completeness = completeness
        super().__init__(f"article {article_id!r} is {percent(completeness)}% translated into "
                         f"{variant.tag}; it is published from the threshold up")


class Rendered(NamedTuple):
    id: str
    lang: str
    title: str
    date: str
    date_display: str
    author: str
    tags: tuple[str, ...]
    kind: str
    html: str
    completeness: float
    origin: str  # "source", "translation" or "derived"
    etag: str
    updated: str | None = None  # ISO date of the last change in substance
    updated_display: str | None = None


def read_translations(path: object) -> dict[tuple[str | None, str], str]:
    """(msgctxt, msgid) -> msgstr for the finished (translated, not fuzzy) entries."""
    try:
        return units.read_translations(str(path))
    except CatalogError as exc:
        raise ArticleError(str(exc)) from None


class ArticleService:
    """Renders article variants (cached, keyed by the files' stamps).

    ``engine`` is the transliterator for derived scripts, or a function returning the current
    one (the web application's, which is rebuilt when its data changes)."""

    def __init__(self, store: Store, threshold: float = 0.8, cache_size: int = 256, *,
                 engine: Transliterator | Callable[[], Transliterator] | None = None) -> None:
        self.store = store
        self._engine = engine
        self.threshold = threshold
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple[object, ...], Rendered] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def render(self, article_id: str, variant: locales.Variant, *,
               publish_only: bool = True) -> Rendered:
        files = self.store.files(article_id)
        key = (article_id, variant.tag, files.stamp())
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                self.hits += 1
        if cached is None:
            cached = self._render(files, variant)
            with self._lock:
                self.misses += 1
                self._cache[key] = cached
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        if publish_only and variant.script and cached.completeness < self.threshold:
            raise NotPublished(article_id, variant, cached.completeness)
        return cached

    def _translations(self, files: ArticleFiles,
                      variant: locales.Variant) -> tuple[dict[tuple[str | None, str], str], str]:
        if variant.locale in files.translations:
            return read_translations(files.translations[variant.locale]), "translation"
        other = next(iter(files.translations.values()), None)
        if other is None:
            return {}, "derived"
        to = variant.script or "latn"
        engine = self.engine
        return {key: engine.convert(
                    text, to, "text" if key[0] in PLAIN_TEXT_CONTEXTS else "html")
                for key, text in read_translations(other).items()}, "derived"

    @property
    def engine(self) -> Transliterator:
        """The transliterator in use now."""
        found = self._engine
        if found is None:
            return default_transliterator()
        return found if isinstance(found, Transliterator) else found()

    def _render(self, files: ArticleFiles, variant: locales.Variant) -> Rendered:
        meta = self.store.meta(files)
        html = self.store.source_html(files)
        title, author, origin, completeness = meta.title, meta.author, "source", 1.0
        kind, tags, place = meta.kind, tuple(meta.tags), meta.place
        if variant.script:
            translations, origin = self._translations(files, variant)
            if files.source.suffix == ".md":  # Markdown units: mapped onto the rendered HTML
                translations = {
                    **{k: v for k, v in translations.items() if k[0] in PLAIN_TEXT_CONTEXTS},
                    **html_translations(self.store.source_text(files), translations)}
            units = segment(html)
            built = build(html, translations, units, untranslated_lang="en")
            html = built.html
            headline = translations.get((HEADLINE, meta.title))
            title = headline or meta.title
            completeness = round((built.translated + bool(headline)) / (built.total + 1), 4)
            byline = translations.get((BYLINE, author))
            author = byline or self.engine.convert(author, variant.script)
            # Kind and tags from the translators' file, so a Serbian response is not half
            # English (an untranslated one stays English, as an untranslated paragraph does).
            kind = translations.get((KIND, meta.kind)) or meta.kind
            tags = tuple(translations.get((TAG, tag)) or tag for tag in meta.tags)
            place = translations.get((PLACE, meta.place)) or meta.place
        if place:
            html = with_dateline(html, dateline(place, meta.date, variant.locale))
        date_display = display_date(meta.date, variant.locale)
        updated = meta.updated.isoformat() if meta.updated else None
        updated_display = display_date(meta.updated, variant.locale) if meta.updated else None
        # Everything a response shows (tags, kind, completeness…), so that no change hides
        # behind an old ETag.
        body = {"id": files.id, "lang": variant.tag, "title": title, "html": html,
                "author": author, "date": meta.date.isoformat(), "date_display": date_display,
                "tags": list(tags), "kind": kind, "completeness": completeness,
                "origin": origin, "updated": updated}
        etag = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]
        return Rendered(files.id, variant.tag, title, meta.date.isoformat(), date_display,
                        author, tags, kind, html, completeness, origin, etag, updated,
                        updated_display)

    def available(self, article_id: str) -> dict[str, float]:
        """Completeness per variant tag (1.0 for English)."""
        return {v.tag: self.render(article_id, v, publish_only=False).completeness
                for v in locales.VARIANTS}

    def listing(self, variant: locales.Variant) -> list[Rendered]:
        """Every article, newest first, in ``variant`` where published, else in English."""
        out = []
        for article_id in self.store.ids():
            try:
                out.append(self.render(article_id, variant))
            except NotPublished:
                out.append(self.render(article_id, locales.BY_TAG["en"]))
        return sorted(out, key=lambda r: (r.date, r.id), reverse=True)
