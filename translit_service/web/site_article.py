"""What the article page adds to an article: photo credits, section anchors, scrollable
tables, related articles, and what search engines and link previews read of it.

The article's HTML is the site's own (the store's files, merged by the renderer), so a few
patterns over its elements are enough; the reader's text never reaches here unescaped.

>>> html, sections = decorate('<figure data-credit="Ana"><img src="a.svg" alt=""><figcaption>'
...     'A hall.</figcaption></figure><h2>One</h2><h2>Two</h2>', "Photo: %(credit)s".__mod__,
...     "Table")
>>> html.split("<figcaption>")[1].split("</figcaption>")[0]
'A hall. <span class="credit">Photo: Ana</span>'
>>> sections
[Section(id='section-1', title='One'), Section(id='section-2', title='Two')]
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import escape

from ..articles import Rendered

_FIGURE = re.compile(r'<figure\b([^<>]*?)\sdata-credit="([^"]*)"([^<>]*)>(.*?)</figure>', re.S)
_H2 = re.compile(r"<h2(\s[^<>]*)?>(.*?)</h2>", re.S)
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_TAGS = re.compile(r"<[^<>]*>")
RELATED = 3  # related articles under an article


class Section(NamedTuple):
    id: str
    title: str


def decorate(html: str, credit: Callable[[dict[str, str]], str],
             table_label: str) -> tuple[str, list[Section]]:
    """``html`` with each figure's ``data-credit`` shown in its caption (``credit`` formats
    the catalog's ``Photo: %(credit)s``), an id on each ``<h2>`` (returned as the sections),
    and each table in a region that scrolls on a narrow screen."""

    def figure(match: re.Match[str]) -> str:
        before, name, after, inner = match.groups()
        line = f'<span class="credit">{escape(credit({"credit": html_module.unescape(name)}))}' \
               "</span>"
        if "</figcaption>" in inner:
            inner = inner.replace("</figcaption>", f" {line}</figcaption>", 1)
        else:
            inner = f"{inner}<figcaption>{line}</figcaption>"
        return f"<figure{before}{after}>{inner}</figure>"

    sections: list[Section] = []

    def heading(match: re.Match[str]) -> str:
        attributes, inner = match.group(1) or "", match.group(2)
        found = re.search(r'\sid="([^"]*)"', attributes)
        ident = found.group(1) if found else f"section-{len(sections) + 1}"
        sections.append(Section(ident, " ".join(html_module.unescape(_TAGS.sub("", inner))
                                                .split())))
        if found:
            return match.group(0)
        return f'<h2 id="{ident}"{attributes}>{inner}</h2>'

    def table(match: re.Match[str]) -> str:
        return (f'<div class="table-scroll" role="region" tabindex="0" '
                f'aria-label="{escape(table_label)}">{match.group(0)}</div>')

    html = _FIGURE.sub(figure, html)
    html = _H2.sub(heading, html)
    return _TABLE.sub(table, html), sections


def related(current: Rendered, candidates: Sequence[Rendered],
            count: int = RELATED) -> list[Rendered]:
    """Up to ``count`` other articles, those sharing most tags with ``current`` first, then
    the newest."""
    mine = set(current.tags)
    others = [c for c in candidates if c.id != current.id]
    others.sort(key=lambda c: (c.date, c.id), reverse=True)
    others.sort(key=lambda c: len(mine & set(c.tags)), reverse=True)  # stable: newest within
    return others[:count]
