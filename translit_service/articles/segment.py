"""Split an HTML fragment into translation units, and merge translations back.

Like po4a and html2po: every innermost block of text (paragraphs, headings, list items,
captions, quotes, table cells…) is one unit whose inline markup (``<a href>``, ``<em>``) stays
inside the unit for the translator, and every ``alt`` and ``title`` attribute is a unit of its
own (context ``alt`` / ``title``).  Whitespace inside a unit is normalised to single spaces.
Building replaces each unit's text by its translation, or leaves the English when there is none.

>>> units = segment('<h2>Visit</h2>\\n<p>The <em>head</em>\\n  met '
...                 '<img alt="Photo" src="a.jpg"> them.</p>')
>>> [(u.context, u.msgid) for u in units]
[(None, 'Visit'), (None, 'The <em>head</em> met <img alt="Photo" src="a.jpg"> them.')]
>>> [(u.context, u.msgid) for u in segment('<figure><img alt="The office" src="o.jpg"></figure>')]
[('alt', 'The office')]
>>> merged = build('<h2>Visit</h2>', {(None, "Visit"): "Poseta"})
>>> merged.html, merged.translated, merged.total
('<h2>Poseta</h2>', 1, 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from .. import tables

UNIT_ELEMENTS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd figcaption caption td th blockquote summary label button "
    "legend option".split()
)
SKIPPED_ELEMENTS = frozenset({"script", "style", "pre", "code", "template"})
VOID_ELEMENTS = tables.HTML_VOID_ELEMENTS
TEXT_ATTRIBUTES = tables.HTML_TEXT_ATTRIBUTES

# A quoted attribute value may not contain "<": an unclosed quote then fails at the next tag
# instead of scanning to the end of the document for every tag (quadratic on hostile input);
# an unclosed comment runs to the end of the document, as in browsers, for the same reason.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][\w:-]*)((?:[^'\"<>]|\"[^\"<]*\"|'[^'<]*')*)>", re.S)
_ATTRIBUTE = re.compile(r"""\s([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')""")
_SPACE = re.compile(r"\s+")
_HAS_TEXT = re.compile(r"[^\W\d_]")


class Unit(NamedTuple):
    """One translation unit: ``html[start:end]`` is its source text."""

    context: str | None  # None for element text, "alt"/"title" for attribute values
    msgid: str
    start: int
    end: int
    line: int
    element: str


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def segment(html: str) -> list[Unit]:
    """Return the translation units of ``html`` in document order."""
    units: list[Unit] = []
    open_units: list[tuple[str, int, int]] = []  # (element, content start, depth)
    stack: list[str] = []
    skip_depth = 0
    for m in _TOKEN.finditer(html):
        closing, name, attrs = m.group(1), (m.group(2) or "").lower(), m.group(3) or ""
        if not name:  # a comment
            continue
        if closing:
            if name in stack:
                while stack:
                    top = stack.pop()
                    if top in SKIPPED_ELEMENTS:
                        skip_depth -= 1
                    if open_units and open_units[-1][2] == len(stack) and open_units[-1][0] == top:
                        element, start, _ = open_units.pop()
                        text = normalise(html[start:m.start()])
                        if _HAS_TEXT.search(text):
                            units.append(Unit(None, text, start, m.start(),
                                              html.count("\n", 0, start) + 1, element))
                    if top == name:
                        break
            continue
        if skip_depth == 0:
            for a in _ATTRIBUTE.finditer(attrs):
                attr = a.group(1).lower()
                value = a.group(3) if a.group(3) is not None else a.group(4)
                if attr in TEXT_ATTRIBUTES and _HAS_TEXT.search(value):
                    begin = m.start(3) + a.start(3 if a.group(3) is not None else 4)
                    units.append(Unit(attr, normalise(value), begin, begin + len(value),
                                      html.count("\n", 0, begin) + 1, attr))
        if name in VOID_ELEMENTS or attrs.rstrip().endswith("/"):
            continue
        if name in SKIPPED_ELEMENTS:
            skip_depth += 1
        elif name in UNIT_ELEMENTS and skip_depth == 0:
            if open_units:  # an inner block: the inner one is the unit, not the container
                open_units.pop()
            open_units.append((name, m.end(), len(stack)))
        stack.append(name)
    # An attribute inside a unit's text travels with that unit (the translator sees the whole
    # <img alt="…"> in its paragraph); only attributes outside every unit are units of their own.
    blocks = [(u.start, u.end) for u in units if u.context is None]
    units = [u for u in units if u.context is None
             or not any(start <= u.start < end for start, end in blocks)]
    units.sort(key=lambda u: u.start)
    return units


class Built(NamedTuple):
    html: str
    translated: int
    total: int

    @property
    def completeness(self) -> float:
        return round(self.translated / self.total, 4) if self.total else 1.0


def build(html: str, translations: Mapping[tuple[str | None, str], str],
          units: list[Unit] | None = None, untranslated_lang: str | None = None) -> Built:
    """Replace every unit that has a translation; the rest stays as it was, and with
    ``untranslated_lang`` an untranslated text unit says its language (``<span lang="en">``),
    so that a Serbian page does not claim its English sentences are Serbian."""
    found = segment(html) if units is None else units
    out: list[str] = []
    pos = translated = 0
    for unit in found:
        text = translations.get((unit.context, unit.msgid))
        out.append(html[pos:unit.start])
        if text:
            translated += 1
            out.append(text.replace('"', "&quot;") if unit.context else text)
        elif untranslated_lang and unit.context is None:
            out.append(f'<span lang="{untranslated_lang}">{html[unit.start:unit.end]}</span>')
        else:
            out.append(html[unit.start:unit.end])
        pos = unit.end
    out.append(html[pos:])
    return Built("".join(out), translated, len(found))
