"""What a front page shows of an article: its first picture and a standfirst.

>>> html = '<p>BELGRADE, May 4 - A long first paragraph.</p><p><img src="/a.svg" alt="A hall"></p>'
>>> lead = summary(html)
>>> lead.image, lead.alt, lead.standfirst
('/a.svg', 'A hall', 'BELGRADE, May 4 - A long first paragraph.')
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import NamedTuple

STANDFIRST = 240  # characters at most, cut at a space


class Summary(NamedTuple):
    image: str | None  # the first <img>'s src
    alt: str
    standfirst: str  # the first paragraph's text, shortened


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
    text = next((" ".join(p.split()) for p in reader.paragraphs if p.strip()), "")
    if len(text) > length:
        cut = text.rfind(" ", 0, length)
        text = text[:cut if cut > 0 else length].rstrip(" ,;:-–") + "…"
    return Summary(reader.image, reader.alt, text)
