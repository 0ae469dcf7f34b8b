"""Markdown prose: what converts and what is kept, found in one pass (linear in the text).

Kept as written: code spans (a run of backticks closes only at a run of the same length,
CommonMark's rule, found through an index of the runs instead of a backtracking regex), link
and image destinations, footnote labels (``[^note]``), autolinks, raw HTML tags (their
``title``/``alt`` convert),
``<script>``/``<style>``/``<pre>``/``<code>`` blocks and comments, Hugo shortcodes (their
``title``/``caption``/``alt`` values convert) and attribute lists (``{#id .class}``).  Link
and image titles, footnote texts, table captions and the rest convert; a reference label
(``[text][label]``, ``[label]`` of a defined reference) converts alone, as its definition's
label does, so that the two keep matching.

>>> convert_prose('Vidi `kod` i [vesti](https://x.org/lj "Naslov")[^lj]', str.upper)
'VIDI `kod` I [VESTI](https://x.org/lj "NASLOV")[^lj]'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from .markup import convert_html

Convert = Callable[[str], str]

_INTERESTING = re.compile(r"`+|\]\(|\]\[|\[\^|\[|<|\{\{[<%]|\{[#.:]")
_TICKS = re.compile(r"`+")
_DESTINATION = re.compile(r"\]\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
_TITLE_CLOSE = {'"': '"', "'": "'", "(": ")"}
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_RAW_BLOCK = re.compile(r"<(script|style|pre|code|textarea)\b", re.IGNORECASE)
_SHORTCODE_VALUE = re.compile(
    r"""\b(title|caption|alt|attr|description)(\s*=\s*)("[^"\n]*"|'[^'\n]*')""")
_ATTRIBUTE_LIST = re.compile(r"\{[#.:][^{}\n]*\}")
_LABEL = re.compile(r"\[([^\[\]\n]{1,999})\](?![(\[:])")
_SPACES = re.compile(r"[ \t]*\n?[ \t]*")


class _Finder:
    """``str.find`` that remembers: a closer searched for again from a point before the
    last place it was found (or not found) costs nothing, so searching for the close of
    many unclosed openers stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: dict[str, tuple[int, int]] = {}

    def find(self, needle: str, start: int, ignore_case: bool = False) -> int:
        if needle in self.last:
            searched_from, found = self.last[needle]
            if searched_from <= start and (found == -1 or found >= start):
                return found
        if ignore_case:
            m = re.compile(re.escape(needle), re.IGNORECASE).search(self.text, start)
            found = m.start() if m else -1
        else:
            found = self.text.find(needle, start)
        self.last[needle] = (start, found)
        return found


class _Runs:
    """Every backtick run of a text by length, to find the next one of a length at once."""

    def __init__(self, text: str) -> None:
        self.by_length: dict[int, list[int]] = {}
        for m in _TICKS.finditer(text):
            self.by_length.setdefault(len(m.group()), []).append(m.start())

    def next_of(self, length: int, after: int) -> int:
        starts = self.by_length.get(length, [])
        i = bisect.bisect_left(starts, after)
        return starts[i] if i < len(starts) else -1


def convert_prose(text: str, convert: Convert, labels: frozenset[str] = frozenset()) -> str:
    """``text`` (paragraphs of Markdown) with its prose converted; ``labels``: the link
    reference labels the document defines (lowercase), kept where ``[label]`` uses one."""
    out: list[str] = []
    pos = 0  # start of the prose not yet converted
    cursor = 0
    runs: _Runs | None = None
    finder = _Finder(text)
    length = len(text)

    def keep(start: int, end: int, replacement: str | None = None) -> None:
        nonlocal pos
        if start > pos:
            out.append(convert(text[pos:start]))
        out.append(text[start:end] if replacement is None else replacement)
        pos = end

    while cursor < length:
        m = _INTERESTING.search(text, cursor)
        if m is None:
            break
        start, token = m.start(), m.group()
        cursor = m.end()
        if token[0] == "`":
            if runs is None:
                runs = _Runs(text)
            close = runs.next_of(len(token), m.end())
            if close != -1:
                keep(start, close + len(token))
                cursor = close + len(token)
        elif token == "](":
            end = _link_destination(text, start, finder)
            if end is not None:
                keep(start, end[0])
                if end[1] > end[0]:
                    keep(end[0], end[1], end[3] + convert(text[end[0] + 1:end[2]]) +
                         text[end[2]:end[1]])
                cursor = pos
        elif token in ("][", "[^"):
            close = text.find("]", m.end(), m.end() + 1000)
            if close != -1 and "\n" not in text[m.end():close]:
                # a reference's label converts alone, as its definition's does (they keep
                # matching); a footnote's label is not shown and stays
                label = text[m.end():close]
                keep(start, close + 1, token + (convert(label) if token == "][" else label)
                     + "]")
                cursor = close + 1
        elif token == "[":
            used = _LABEL.match(text, start)
            if used and used.group(1).strip().lower() in labels:
                keep(start, used.end(), "[" + convert(used.group(1)) + "]")
                cursor = used.end()
        elif token == "<":
            cursor = _angle(text, start, finder, keep, convert) or cursor
        elif token.startswith("{{"):
            closer = ">}}" if token == "{{<" else "%}}"
            close = finder.find(closer, m.end())
            if close != -1:
                source = text[start:close + 3]
                keep(start, close + 3, _SHORTCODE_VALUE.sub(
                    lambda v: v.group(1) + v.group(2) + v.group(3)[0] +
                    convert(v.group(3)[1:-1]) + v.group(3)[-1], source))
                cursor = close + 3
        else:
            attributes = _ATTRIBUTE_LIST.match(text, start)
            if attributes:
                keep(start, attributes.end())
                cursor = attributes.end()
    if pos < length:
        out.append(convert(text[pos:]))
    return "".join(out)


def _link_destination(text: str, start: int, finder: _Finder,
                      ) -> tuple[int, int, int, str] | None:
    """For ``](dest "title")`` at ``start``: (end of what is kept before the title, end of
    the title with its closing quote and parenthesis, end of the title's text, the
    opening quote); None when it is not a destination."""
    m = _DESTINATION.match(text, start)
    if m is None:
        return None
    after = _SPACES.match(text, m.end()).end()  # type: ignore[union-attr]
    if text.startswith(")", after):
        return after + 1, after + 1, after + 1, ""
    if after == m.end() or after >= len(text) or text[after] not in _TITLE_CLOSE:
        return None
    quote = text[after]
    close = finder.find(_TITLE_CLOSE[quote], after + 1)
    if close == -1 or "\n\n" in text[after:close]:
        return None
    end = _SPACES.match(text, close + 1).end()  # type: ignore[union-attr]
    if not text.startswith(")", end):
        return None
    return after, end + 1, close, quote


def _angle(text: str, start: int, finder: _Finder,
           keep: Callable[[int, int, str | None], None], convert: Convert) -> int | None:
    """An autolink, comment, raw block or tag at ``start``: kept; returns where to go on."""
    if text.startswith("<!--", start):
        close = finder.find("-->", start + 4)
        if close != -1:
            keep(start, close + 3, None)
            return close + 3
        return None
    auto = _AUTOLINK.match(text, start)
    if auto:
        keep(start, auto.end(), None)
        return auto.end()
    raw = _RAW_BLOCK.match(text, start)
    if raw:
        name = raw.group(1).lower()
        close = finder.find(f"</{name}", raw.end(), ignore_case=True)
        if close != -1:
            gt = text.find(">", close)
            end = len(text) if gt == -1 else gt + 1
            keep(start, end, None)
            return end
        return None
    tag = _TAG.match(text, start)
    if tag:
        keep(start, tag.end(), convert_html(tag.group(), convert))
        return tag.end()
    return None
