"""What a front page, a description and a feed show of an article: its first picture, a
standfirst cut at a word, and a summary of whole sentences.

>>> html = '<p>BELGRADE, May 4 – A long first paragraph.</p><p><img src="/a.svg" alt="A hall"></p>'
>>> lead = summary(html)
>>> lead.image, lead.alt, lead.standfirst
('/a.svg', 'A hall', 'BELGRADE, May 4 – A long first paragraph.')
>>> sentences("<p>One. Two three.</p><h2>Heading</h2><p>Four.</p>", 20)
'One. Two three.'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple

STANDFIRST = 240  # characters at most, cut at a space
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*(?=\s|$)")


class Summary(NamedTuple):
    image: str | None  # the first <img>'s src
    alt: str
    standfirst: str  # the first paragraph's text, shortened
    paragraphs: tuple[str, ...] = ()  # the text of every paragraph (headings left out)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.image: str | None = None
        self.alt = ""
        self.paragraphs: list[str] = []
        self._in_p = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and self.image is None:
            values = dict(attrs)
            self.image, self.alt = values.get("src"), values.get("alt") or ""
        elif tag == "p":
            self._in_p = True
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_p = False

    def handle_data(self, data: str) -> None:
        if self._in_p:
            self.paragraphs[-1] += data


def summary(html: str, length: int = STANDFIRST) -> Summary:
    """The first image and the first paragraph with text, cut to ``length`` characters at a
    space (with an ellipsis) when longer.

    >>> summary("<p>" + "word " * 80 + "</p>", 20).standfirst
    'word word word word…'
    """
    reader = _Reader()
    reader.feed(html)
    reader.close()
    paragraphs = tuple(" ".join(p.split()) for p in reader.paragraphs if p.strip())
    return Summary(reader.image, reader.alt, shorten(paragraphs[0] if paragraphs else "", length),
                   paragraphs)


def shorten(text: str, length: int) -> str:
    """``text`` cut at the last space before ``length`` characters, with an ellipsis (as it
    is when it fits).

    >>> shorten("Experts met in Belgrade on Friday", 20)
    'Experts met in…'
    """
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[:cut if cut > 0 else length].rstrip(" ,;:-–") + "…"


def sentences(html: str, length: int = 300) -> str:
    """The article's paragraphs as running text, cut after the last whole sentence that fits
    in ``length`` characters (at a word, with an ellipsis, when not even one does): a feed
    reader's summary, headings left out so that none is glued to a paragraph."""
    text = " ".join(summary(html).paragraphs)
    if len(text) <= length:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, length + 1) if m.end() <= length]
    return text[:ends[-1]] if ends else shorten(text, length)
