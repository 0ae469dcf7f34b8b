"""HTML mode: convert text nodes and reader-visible attributes, copy everything else.

The fragment is walked once with a small tokenizer that keeps every byte of the markup as it
was written (no parser round trip re-serialises it): tags, comments, doctype and entities are
copied; text nodes and the values of ``title`` and ``alt`` are handed to the text converter
(which itself keeps entities and placeholders).  The content of ``script``, ``style``, ``code``,
``pre``, ``kbd``, ``samp``, ``var`` and of any element with ``translate="no"`` is copied as it
is.  Template tags (Go's and Hugo's ``{{ }}``, Jinja's ``{% %}`` and ``{# #}``) are copied as
they are wherever they stand: in text, between attributes and inside attribute values, quotes
in them included.  Markup that does not parse (an unclosed tag, quote or template tag) is
copied unchanged from that point, and said to ``on_problem`` when the caller gives one (the
batch tool refuses such a file): nothing is ever lost.  Conversion never makes markup: a
converted text node or attribute value that would contain a tag or an entity the input did not
have is escaped (:func:`guard_text`).

>>> upper = str.upper
>>> convert_html('<p title="a">b <code>c</code> <img alt="d"></p><!-- e -->', upper)
'<p title="A">B <code>c</code> <img alt="D"></p><!-- e -->'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.entities import name2codepoint

from . import tables

_MARKUP_START = re.compile(r"<(?=[A-Za-z/!?])")
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_ATTRIBUTE_NAME = re.compile(r"""(?:[^\s"'<>/={]|\{(?![{%#]))+""")
_SPACES = re.compile(r"\s*")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED_PART = re.compile(r"""[^\s"'<>{]+|\{(?![{%#])""")
_TEMPLATE_OPEN = re.compile(r"\{[{%#]")
_TEMPLATE_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
# What the main loop stops at: markup, or a template tag.
_NEXT = re.compile(r"<(?=[A-Za-z/!?])|\{[{%#]")


class _Attribute:
    """One attribute as written: leading space, name, ``=`` with its spaces, value (with
    its quotes; "" when there is none); a template tag standing between attributes is an
    attribute with that name and no value."""

    __slots__ = ("end", "eq", "name", "space", "value")

    def __init__(self, space: str, name: str, eq: str, value: str, end: int) -> None:
        self.space, self.name, self.eq, self.value, self.end = space, name, eq, value, end

    def group(self, what: str = "") -> str:
        if what:
            return str(getattr(self, what))
        return self.space + self.name + self.eq + self.value


def template_end(html: str, pos: int) -> int:
    """Where the template tag opening at ``pos`` ends (-1: it does not close).

    >>> html = '{{ i18n "a}" }}x'
    >>> html[:template_end(html, 0)]
    '{{ i18n "a}" }}'
    """
    closer = _TEMPLATE_CLOSE[html[pos:pos + 2]]
    inside = pos + 2
    while True:
        close = html.find(closer, inside)
        quote = html.find('"', inside, close) if close != -1 else -1
        if quote == -1:
            return -1 if close == -1 else close + 2
        end_quote = _QUOTED_STRING_END.search(html, quote + 1)
        if end_quote is None:
            return -1
        inside = end_quote.end()


_QUOTED_STRING_END = re.compile(r'(?:[^"\\\n]|\\.)*"')


def _scan_attribute(html: str, pos: int) -> _Attribute | None:
    start = _SPACES.match(html, pos).end()  # type: ignore[union-attr]
    space = html[pos:start]
    if _TEMPLATE_OPEN.match(html, start):
        end = template_end(html, start)
        return None if end == -1 else _Attribute(space, html[start:end], "", "", end)
    m = _ATTRIBUTE_NAME.match(html, start)
    if m is None:
        return None
    name_end = m.end()
    eq = _EQUALS.match(html, name_end)
    if eq is None or eq.end() == len(html) or html[eq.end()] in ">":
        return _Attribute(space, m.group(), "", "", name_end)
    cursor = eq.end()
    quote = html[cursor]
    if quote in "\"'":
        end = _quoted_end(html, cursor + 1, quote)
        if end == -1:
            return None
        return _Attribute(space, m.group(), eq.group(), html[cursor:end], end)
    value_end = cursor
    while value_end < len(html):
        if _TEMPLATE_OPEN.match(html, value_end):
            end = template_end(html, value_end)
            if end == -1:
                return None
            value_end = end
            continue
        part = _UNQUOTED_PART.match(html, value_end)
        if part is None:
            break
        value_end = part.end()
    return _Attribute(space, m.group(), eq.group(), html[cursor:value_end], value_end)


def _quoted_end(html: str, pos: int, quote: str) -> int:
    """The end of a quoted value whose text starts at ``pos`` (after its closing quote),
    template tags inside it skipped whole (their own quotes do not close the value)."""
    while True:
        close = html.find(quote, pos)
        if close == -1:
            return -1
        opener = _TEMPLATE_OPEN.search(html, pos, close)
        if opener is None:
            return close + 1
        end = template_end(html, opener.start())
        if end == -1:
            return -1
        pos = end


def around_templates(text: str, convert: Callable[[str], str]) -> str:
    """``convert`` applied to the text between the (closed) template tags of ``text``.

    >>> around_templates('a {{ i18n "b" }} c', str.upper)
    'A {{ i18n "b" }} C'
    """
    if "{" not in text:
        return convert(text)
    out, pos = [], 0
    for m in _TEMPLATE_OPEN.finditer(text):
        if m.start() < pos:
            continue
        end = template_end(text, m.start())
        if end == -1:
            break
        out += [convert(text[pos:m.start()]) if m.start() > pos else "", text[m.start():end]]
        pos = end
    out.append(convert(text[pos:]) if pos < len(text) else "")
    return "".join(out)
_SPACE_AND_END = re.compile(r"\s*/?>")
# What would make converted text markup: a tag start, or a character reference (browsers
# read some named ones without the semicolon: "&lt" is "<").
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?:[A-Za-z][-.A-Za-z0-9]*|#[xX][0-9A-Fa-f]*|#[0-9]*);?")
_UNQUOTED_UNSAFE = re.compile(r"[\s\"'=<>`]")


def _no_new_entities(original: str, converted: str) -> str:
    """Escape the ``&`` of every entity in ``converted`` beyond those ``original`` had."""
    if "&" not in converted:
        return converted
    budget: dict[str, int] = {}
    for m in _ENTITY.finditer(original):
        budget[m.group()] = budget.get(m.group(), 0) + 1

    def keep_or_escape(m: re.Match[str]) -> str:
        left = budget.get(m.group(), 0)
        if left:
            budget[m.group()] = left - 1
            return m.group()
        return "&amp;" + m.group()[1:]

    return _ENTITY.sub(keep_or_escape, converted)


def guard_text(original: str, converted: str) -> str:
    """A converted text node that can only be text: a ``<`` that would start a tag is written
    ``&lt;`` and an entity the original did not have is written with ``&amp;`` (``-{<}-img``
    or Cyrillic ``<имг …>`` converted to Latin never becomes a live ``<img>``).

    >>> guard_text("-{<}-img src=x>", "<img src=x>")
    '&lt;img src=x>'
    """
    converted = _no_new_entities(original, converted)
    return _TAG_START.sub("&lt;", converted) if "<" in converted else converted


def _guard_value(original: str, converted: str, quote: str) -> str:
    """An attribute value that stays one value: its quote (or, unquoted, anything that would
    end it) escaped, and no entity that the original did not have."""
    converted = _no_new_entities(original, converted)
    if quote:
        return converted.replace(quote, "&#34;" if quote == '"' else "&#39;")
    return _UNQUOTED_UNSAFE.sub(lambda m: f"&#{ord(m.group())};", converted)
_END_TAG = re.compile(r"</([A-Za-z][^\s/>]*)[^>]*>")
# Elements whose content is raw text (no tags inside): copied up to their end tag.
_RAW_TEXT_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}


#: Elements and attributes whose values readers see besides ``title``/``alt`` (which every
#: element has): a button's label, a page's description and its social-media cards.
_INPUT_LABELS = frozenset({"submit", "button", "reset"})
_LABELLED = frozenset({"optgroup", "option", "track"})  # their label="" is shown
_META_TEXT = frozenset({"description", "keywords", "og:title", "og:description",
                        "og:site_name", "twitter:title", "twitter:description",
                        "twitter:image:alt", "og:image:alt"})
_LETTER_REFERENCE = re.compile(
    r"&(?:([A-Za-z][A-Za-z0-9]{1,31})|#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6}));")


def decode_letters(text: str) -> str:
    """Character references that stand for letters become the letters (Pi&scaron;ite ->
    Pišite, Bir&#269;aninova -> Birčaninova), so that they convert; others (&amp; &nbsp;
    &lt;) stay as written.

    >>> decode_letters("Pi&scaron;ite, D&#382;udo &amp; Bir&#x10D;aninova&nbsp;5")
    'Pišite, Džudo &amp; Birčaninova&nbsp;5'
    """
    if "&" not in text:
        return text

    def letter(m: re.Match[str]) -> str:
        name, decimal, hexadecimal = m.groups()
        if name:
            code = name2codepoint.get(name)
        else:
            code = int(decimal) if decimal else int(hexadecimal, 16)
        if code is None or code > 0x10FFFF or not chr(code).isalpha():
            return m.group()
        return chr(code)

    return _LETTER_REFERENCE.sub(letter, text)


def _unquoted(value: str | None) -> str:
    return (value or "").strip("\"'").strip().lower()


def _value_converter(convert: Callable[[str], str], quote: str) -> Callable[[str], str]:
    return lambda part: _guard_value(part, convert(decode_letters(part)), quote)


def _parse_start_tag(html: str, pos: int, convert: Callable[[str], str] | None,
                     attributes: frozenset[str], lang_tag: str | None = None,
                     ) -> tuple[str, int, str, bool, bool] | None:
    """Parse ``<name attr=...>`` at ``pos``; return (markup, end, name, self_closing,
    no_translate) with the text attributes converted, or None if the tag never closes."""
    m = _TAG_NAME.match(html, pos + 1)
    if m is None:
        return None
    name = m.group().lower()
    parts: list[str | _Attribute] = [html[pos:m.end()]]
    cursor = m.end()
    while True:
        end = _SPACE_AND_END.match(html, cursor)
        if end is not None:
            parts.append(end.group())
            break
        if html.startswith("/", cursor):  # a stray slash, as in <br / class=x>
            parts.append("/")
            cursor += 1
            continue
        attr = _scan_attribute(html, cursor)
        if attr is None or attr.end == cursor:
            return None
        cursor = attr.end
        parts.append(attr)
    found = {p.group("name").lower(): p.group("value") for p in parts if not isinstance(p, str)}
    no_translate = _unquoted(found.get("translate")) == "no"
    visible = set(attributes)
    if name == "input" and _unquoted(found.get("type")) in _INPUT_LABELS:
        visible.add("value")
    if name in _LABELLED:
        visible.add("label")
    if name == "meta" and (_unquoted(found.get("name")) in _META_TEXT
                           or _unquoted(found.get("property")) in _META_TEXT):
        visible.add("content")
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        attr_name, value = part.group("name").lower(), part.group("value")
        quote = value[0] if value and value[0] in "\"'" else ""
        inner = value[1:-1] if quote and value else (value or "")
        if value and convert is not None and attr_name in visible:
            inner = around_templates(inner, _value_converter(convert, quote))
        elif (value and lang_tag and _unquoted(value).split("-")[0] in ("sr", "sh")
              and (attr_name in ("lang", "xml:lang") or (
                  name == "meta" and attr_name == "content"
                  and _unquoted(found.get("http-equiv")) == "content-language"))):
            inner = lang_tag  # the document says what it now is (hreflang on a link names
            # another document's language, and stays)
        else:
            out.append(part.group())
            continue
        out.append(f"{part.group('space')}{part.group('name')}{part.group('eq')}"
                   f"{quote}{inner}{quote}")
    return "".join(out), end.end(), name, end.group().endswith("/>"), no_translate


def convert_html(html: str, convert: Callable[[str], str], *,
                 attributes: frozenset[str] = tables.HTML_TEXT_ATTRIBUTES,
                 lang_tag: str | None = None,
                 on_problem: Callable[[int, str], None] | None = None) -> str:
    """Apply ``convert`` to the text nodes and text attributes of an HTML fragment;
    ``on_problem(offset, message)`` hears of markup that does not parse (copied as it is).

    >>> convert_html("<p>a<pre>b<pre>c</pre>d</pre>e</p>", str.upper)
    '<p>A<pre>b<pre>c</pre>d</pre>E</p>'
    >>> convert_html('<span translate="no">a</span>b <a href="x">c', str.upper)
    '<span translate="no">a</span>B <a href="x">C'
    >>> convert_html('<a href="{{ .URL }}" title="{{ i18n "home" }} x">{{ .T }} y</a>', str.upper)
    '<a href="{{ .URL }}" title="{{ i18n "home" }} X">{{ .T }} Y</a>'
    """

    def problem(at: int, message: str) -> None:
        if on_problem is not None:
            on_problem(at, message)

    out: list[str] = []
    verbatim: list[str] = []  # stack of open elements whose content is copied as is
    pos, length = 0, len(html)
    while pos < length:
        m = _NEXT.search(html, pos)
        end = -1
        while m is not None and html[m.start()] == "{":
            # A template tag is text to the converter (whose scanner keeps it as it is),
            # unless it holds a "<" that would read as markup: then it is copied apart.
            end = template_end(html, m.start())
            if end != -1 and "<" in html[m.start():end]:
                break
            if end == -1 and not html.startswith("{#", m.start()):  # "{#" alone is text
                problem(m.start(), f"an unclosed template tag {html[m.start():m.start() + 2]}")
            m = _NEXT.search(html, end if end != -1 else m.start() + 2)
        stop = m.start() if m else length
        if stop > pos:
            text = html[pos:stop]
            out.append(text if verbatim else guard_text(text, convert(decode_letters(text))))
        if m is None:
            break
        pos = stop
        if html[pos] == "{":
            out.append(html[pos:end])
            pos = end
            continue
        if html.startswith("<!--", pos):
            close = html.find("-->", pos + 4)
            if close == -1:
                problem(pos, "an unclosed comment <!--")
            end = length if close == -1 else close + 3
            out.append(html[pos:end])
            pos = end
            continue
        if html.startswith(("<!", "<?"), pos):
            close = html.find(">", pos)
            if close == -1:
                problem(pos, f"an unclosed {html[pos:pos + 2]}")
            end = length if close == -1 else close + 1
            out.append(html[pos:end])
            pos = end
            continue
        if html.startswith("</", pos):
            end_tag = _END_TAG.match(html, pos)
            if end_tag is None:
                problem(pos, "an end tag that does not close")
                out.append(html[pos:])
                break
            name = end_tag.group(1).lower()
            if verbatim and verbatim[-1] == name:
                verbatim.pop()
            out.append(end_tag.group())
            pos = end_tag.end()
            continue
        parsed = _parse_start_tag(html, pos, None if verbatim else convert, attributes,
                                  None if verbatim else lang_tag)
        if parsed is None:
            problem(pos, "a tag that does not parse (an unclosed tag, quote or template "
                         "tag); the rest is copied as it is")
            out.append(html[pos:])  # an unclosed tag: keep the rest as it is
            break
        markup, pos, name, self_closing, no_translate = parsed
        out.append(markup)
        if name in _RAW_TEXT_END and not self_closing:
            raw_end = _RAW_TEXT_END[name].search(html, pos)
            if raw_end is None:
                problem(pos, f"<{name}> without </{name}>")
            end = length if raw_end is None else raw_end.start()
            out.append(html[pos:end])
            pos = end
            continue
        if self_closing or name in tables.HTML_VOID_ELEMENTS:
            continue
        if verbatim:
            if name == verbatim[-1]:
                verbatim.append(name)
        elif no_translate or name in tables.HTML_VERBATIM_ELEMENTS:
            verbatim.append(name)
    return "".join(out)
