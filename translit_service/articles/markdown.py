"""Markdown articles translated as Markdown, as po4a's and mdpo's Markdown modes do.

A translator of ``article.md`` gets Markdown units, not rendered HTML: every heading,
paragraph, list item, quoted paragraph and table cell is one unit whose inline Markdown
(``*emphasis*``, ``[links](…)``) stays in it; an image that stands alone in its paragraph is
a unit of its own holding only its alt text (context ``alt``); code blocks are left out; each
unit's reference is its line in the ``.md`` file.

To render, a translated unit becomes what its English rendered to in HTML, so the HTML steps
(untranslated units marked ``lang="en"``, completeness, derived scripts) stay the same.

>>> [(u.context, u.msgid, u.line) for u in markdown_units(
...     "## Visit\\n\\nThe *head* met\\nthem.\\n\\n![The office](o.jpg)\\n\\n    code\\n")]
[(None, 'Visit', 1), (None, 'The *head* met them.', 3), ('alt', 'The office', 6)]
>>> html_translations("## Visit\\n", {(None, "Visit"): "Poseta"})
{(None, 'Visit'): 'Poseta'}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from markdown_it import MarkdownIt

#: CommonMark with tables (GitHub's pipe tables): the articles' Markdown.
_PARSER = MarkdownIt("commonmark").enable("table")
_MARKDOWN_SPECIAL = re.compile(r"[\\\[\]]")  # escaped in a translated alt text


class MarkdownUnit(NamedTuple):
    context: str | None  # None for block text, "alt" for a lone image's alt text
    msgid: str  # the unit's Markdown (inline syntax kept, whitespace made single spaces)
    line: int  # 1-based line of the block in the .md file
    element: str  # the HTML element it renders to (p, h2, li…), for the translator's note
    source: str  # the block's Markdown as written (a lone image: ``![alt](src)``)


def render_markdown(source: str) -> str:
    """An article's Markdown as HTML."""
    return str(_PARSER.render(source))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _render_inline(markdown: str) -> str:
    return _squash(str(_PARSER.renderInline(markdown)))


def markdown_units(source: str) -> list[MarkdownUnit]:
    """The translation units of a Markdown document, in order."""
    tokens = _PARSER.parse(source)
    units: list[MarkdownUnit] = []
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.content.strip():
            continue
        opener = tokens[index - 1] if index else token
        element = opener.tag or "p"
        line = (opener.map or token.map or [0])[0] + 1
        children = [c for c in token.children or () if c.type != "softbreak"]
        if len(children) == 1 and children[0].type == "image":
            alt = _squash(children[0].content)
            if alt and token.content.startswith("!["):
                units.append(MarkdownUnit("alt", alt, line, "img", token.content))
            continue
        msgid = _squash(token.content)
        units.append(MarkdownUnit(None, msgid, line, element, msgid))
    return units


def html_translations(source: str, translations: Mapping[tuple[str | None, str], str],
                      ) -> dict[tuple[str | None, str], str]:
    """``translations`` of ``source``'s Markdown units, keyed and written as the HTML units
    of its rendering (a lone image: the ``alt`` of its ``<img>``)."""
    out: dict[tuple[str | None, str], str] = {}
    for unit in markdown_units(source):
        found = translations.get((unit.context, unit.msgid))
        if not found:
            continue
        if unit.context == "alt":
            # The image alone in its paragraph renders to a paragraph unit holding the <img>.
            _, sep, rest = unit.source.partition("](")
            alt = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", found)
            out[(None, _render_inline(unit.source))] = _render_inline(f"![{alt}{sep}{rest}")
        else:
            out[(None, _render_inline(unit.source))] = _render_inline(found)
    return out
