"""The file-based article store: ``<root>/<id>/``.

Each article directory holds ``article.html`` (the English fragment; or ``article.md``,
rendered with markdown-it-py), ``meta.json`` (``title``, ``date``, ``author``, ``tags``,
``kind``; optional ``place``, the dateline's, and ``updated``, the date of the last change
readers should know of) and the translation the translator works in, ``sr_Latn.po`` or
``sr_Cyrl.po``.
Ids are validated against an allow-list pattern before any path is built, and the resolved
directory must lie inside the root: no id reaches a file outside the store.

>>> valid_id("2021-06-04-defence-reform"), valid_id("../etc"), valid_id("a" * 81)
(True, False, False)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import TranslitError

ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
SOURCE_NAMES = ("article.html", "article.md")
TRANSLATION_LOCALES = ("sr_Latn", "sr_Cyrl")


class ArticleNotFound(TranslitError):
    code = "not_found"
    http_status = 404


class ArticleError(TranslitError):
    """An article's files are unreadable or malformed."""

    code = "article_error"
    http_status = 500
    expose = False  # the message names files on the server


def valid_id(article_id: str) -> bool:
    return bool(ID_PATTERN.fullmatch(article_id))


class Meta(NamedTuple):
    title: str
    date: dt.date
    author: str
    tags: tuple[str, ...]
    kind: str
    place: str = ""  # the dateline's place ("Belgrade"); none: no dateline
    updated: dt.date | None = None  # when the article last changed in substance


class ArticleFiles(NamedTuple):
    id: str
    directory: Path
    source: Path
    meta: Path
    translations: dict[str, Path]  # locale -> .po that exists

    def stamp(self) -> tuple[tuple[str, int, int], ...]:
        """Modification times and sizes of every file the article is built from."""
        paths = [self.source, self.meta, *self.translations.values()]
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir()
                      if p.is_dir() and valid_id(p.name) and self._source(p) is not None)

    @staticmethod
    def _source(directory: Path) -> Path | None:
        for name in SOURCE_NAMES:
            if (directory / name).is_file():
                return directory / name
        return None

    def files(self, article_id: str) -> ArticleFiles:
        if not valid_id(article_id):
            raise ArticleNotFound(f"no article {article_id[:40]!r}")
        directory = (self.root / article_id).resolve()
        if directory.parent != self.root or not directory.is_dir():
            raise ArticleNotFound(f"no article {article_id!r}")
        source = self._source(directory)
        if source is None:
            raise ArticleNotFound(f"article {article_id!r} has no article.html")
        translations = {loc: directory / f"{loc}.po" for loc in TRANSLATION_LOCALES
                        if (directory / f"{loc}.po").is_file()}
        return ArticleFiles(article_id, directory, source, directory / "meta.json", translations)

    def meta(self, files: ArticleFiles) -> Meta:
        try:
            data: dict[str, Any] = json.loads(files.meta.read_text("utf-8"))
            updated = data.get("updated")
            return Meta(str(data["title"]), dt.date.fromisoformat(str(data["date"])),
                        str(data.get("author", "")), tuple(map(str, data.get("tags", ()))),
                        str(data.get("kind", "news")), str(data.get("place", "")),
                        dt.date.fromisoformat(str(updated)) if updated else None)
        except FileNotFoundError:
            raise ArticleError(f"{files.meta}: missing") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise ArticleError(f"{files.meta}: {exc}") from None

    def source_text(self, files: ArticleFiles) -> str:
        """The article's source as written (HTML, or Markdown for ``article.md``)."""
        try:
            return files.source.read_text("utf-8")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{files.source}: not valid UTF-8 (byte {exc.start})") from None

    def source_html(self, files: ArticleFiles) -> str:
        text = self.source_text(files)
        if files.source.suffix == ".md":
            from .markdown import render_markdown

            return render_markdown(text)
        return text
