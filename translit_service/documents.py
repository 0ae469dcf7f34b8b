"""Convert whole documents by format: plain text, HTML, Markdown and PO files.

* ``text``: everything, with the engine's protected spans;
* ``html``: text nodes and ``title``/``alt`` only (:mod:`translit_service.markup`);
* ``md``: Markdown prose; fenced and indented code blocks, code spans, link and image
  destinations, autolinks, raw HTML tags and link reference definitions are kept;
* ``po``: msgstr strings only (msgids, comments and the header stay), rewritten in place so
  that a file with nothing to convert comes back byte for byte;
* ``yaml``, ``toml``, ``json``: data files, the values of chosen keys only
  (:mod:`translit_service.datafiles`).

A document that cannot be converted whole (markup that does not parse, a data file or front
matter that does not) raises :class:`~translit_service.errors.DocumentError` with its line.

>>> convert_document("Vidi `kod` i [vesti](https://example.org/lj)", "md", "cyrl")
'Види `kod` и [вести](https://example.org/lj)'
>>> convert_document('msgid "News"\\nmsgstr "Vesti"\\n', "po", "cyrl")
'msgid "News"\\nmsgstr "Вести"\\n'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from .datafiles import DATA_KEYS, TEXT_KEYS, convert_data
from .engine import Transliterator, default_transliterator, normalise_script
from .entries import derive_entry
from .errors import DocumentError, UnknownFormat
from .frontmatter import convert_front_matter, split_front_matter
from .markup import convert_html
from .mdprose import convert_prose
from .options import Options

FORMATS = ("text", "html", "md", "po", "yaml", "toml", "json")
EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
              ".xhtml": "html", ".md": "md", ".markdown": "md", ".po": "po",
              ".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".json": "json"}


class DocumentKeys(NamedTuple):
    """Which values convert: ``front_matter`` in Markdown, ``data`` in data files (None:
    :data:`~translit_service.datafiles.DATA_KEYS`, or every value but ``id`` in ``i18n/``)."""

    front_matter: tuple[str, ...] = TEXT_KEYS
    data: tuple[str, ...] | None = None


DEFAULT_KEYS = DocumentKeys()


_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
# [label]: destination "title" / [^note]: text
_REFERENCE = re.compile(r"^(?P<head> {0,3}\[(?P<label>[^\]]+)\]:[ \t]*(?:<[^<>\n]*>|\S+))"
                        r"(?P<rest>.*)$")
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]]+\]:")
_TABLE_CAPTION = re.compile(r"^(?: {0,3})(?:Table)?:[ \t]")  # Pandoc's "Table: caption"


def detect_format(path: str | Path) -> str | None:
    """The format of a file by its extension (None when it is not one we convert)."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def convert_markdown(text: str, convert: Callable[[str], str]) -> str:
    """Apply ``convert`` to the prose of a Markdown document (see the module docstring)."""
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    previous_blank = True
    labels = frozenset(m.group("label").strip().lower() for m in (
        _REFERENCE.match(line) for line in text.splitlines()) if m)

    def flush() -> None:
        if prose:
            out.append(convert_prose("".join(prose), convert, labels))
            prose.clear()

    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if fence is not None:
            out.append(line)
            if stripped.lstrip().startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(stripped)
        indented = (stripped.startswith(("    ", "\t")) and previous_blank) or (
            stripped.startswith(("    ", "\t")) and out and out[-1].startswith(("    ", "\t")))
        reference = None if _FOOTNOTE.match(stripped) else _REFERENCE.match(stripped)
        caption = _TABLE_CAPTION.match(stripped)
        if opening:
            flush()
            fence = opening.group(2)[0] * 3
            out.append(line)
        elif indented and stripped.strip():
            flush()
            out.append(line)
        elif reference:
            flush()  # the label and destination stay; a title converts
            head = reference.group("head")
            label = reference.group("label")
            at = head.index("[") + 1
            out.append(head[:at] + convert(label) + head[at + len(label):]
                       + convert_prose(reference.group("rest"), convert) + line[len(stripped):])
        elif caption:
            flush()
            out.append(caption.group() + convert_prose(line[caption.end():], convert, labels))
        else:
            prose.append(line)
        previous_blank = not stripped.strip()
    flush()
    return "".join(out)


_PO_STRING_LINE = re.compile(
    r'^(?P<lead>(?:#~\s*)?(?:(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+)?)'
    r'"(?P<body>[^"\\]*(?:\\.[^"\\]*)*)"(?P<trail>\s*)$')  # unrolled: see catalogs/syntax.py
_UNESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_ESCAPES = {v: "\\" + k for k, v in _UNESCAPES.items()}


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _UNESCAPES.get(m.group(1), m.group()), body)


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


# Joins the lines of a wrapped msgstr while it is converted as one string; a private-use
# character, never in a catalog, that the engine passes through as a non-letter.
_LINE_JOIN = "\ue000"


_LANGUAGE_HEADER = re.compile(r'^(?P<lead>"Language:\s*)(?P<value>sr(?:[_@-][A-Za-z]+)*|sh)'
                              r'(?P<rest>\\n"\s*)$')


def convert_po(text: str, convert: Callable[[str, str], str],
               language: str | None = None) -> str:
    """Convert the msgstr strings of a PO file's text; everything else stays byte for byte.

    A msgstr wrapped over several lines is converted as one string (a tag or a word split
    across lines stays whole) and written back on the same lines; ``convert(msgstr, msgid)``
    gets the entry's msgid too.  With ``language`` a Serbian ``Language`` header names it.
    """
    out: list[str] = []
    keyword = ""
    msgid_empty = False
    header = False
    msgid_parts: list[str] = []
    pending: list[tuple[re.Match[str], str]] = []  # the lines of the msgstr being read

    def flush() -> None:
        if not pending:
            return
        pieces = [_unescape(m.group("body")) for m, _ in pending]
        whole = _LINE_JOIN.join(pieces)
        converted = convert(whole, "".join(msgid_parts)) if "".join(pieces) else whole
        parts = converted.split(_LINE_JOIN)
        if len(parts) != len(pending):  # the joiner was lost: convert line by line
            parts = [convert(piece, "".join(msgid_parts)) if piece else piece
                     for piece in pieces]
        for (m, ending), piece, original in zip(pending, parts, pieces, strict=True):
            if piece == original:
                out.append(m.string + ending)
            else:
                out.append(f'{m.group("lead")}"{_escape(piece)}"{m.group("trail")}{ending}')
        pending.clear()

    for line in text.splitlines(keepends=True):
        body_line = line.rstrip("\r\n")
        ending = line[len(body_line):]
        m = _PO_STRING_LINE.match(body_line)
        if m is None or m.group("kw"):
            flush()
        if m is None:
            out.append(line)
            if not body_line.strip():
                keyword, msgid_empty, header = "", False, False
            continue
        if m.group("kw"):
            keyword = m.group("kw")
            if keyword == "msgid":
                msgid_empty = m.group("body") == ""
                header = False
                msgid_parts = []
            elif keyword.startswith("msgstr"):
                header = msgid_empty
        elif keyword == "msgid":
            msgid_empty = msgid_empty and m.group("body") == ""
        if keyword in ("msgid", "msgid_plural"):
            msgid_parts.append(_unescape(m.group("body")))
        if keyword.startswith("msgstr") and not header:
            pending.append((m, ending))
            continue
        if header and language:
            found = _LANGUAGE_HEADER.match(body_line)
            if found:
                line = f"{found.group('lead')}{language}{found.group('rest')}{ending}"
        out.append(line)
    flush()
    return "".join(out)


def convert_document(text: str, fmt: str, to: str, lang: str | None = None, *,
                     transliterator: Transliterator | None = None,
                     front_matter_keys: Iterable[str] | None = None,
                     keys: DocumentKeys = DEFAULT_KEYS) -> str:
    """Convert ``text`` in format ``fmt`` to script ``to`` with ``transliterator`` (default:
    one with default options, or with ``lang``); ``keys`` choose the values of front matter
    and data files that convert (``front_matter_keys`` is the older spelling of the first).

    >>> convert_document('{"title": "a } b", "slug": "vesti"}\\nVesti', "md", "cyrl")
    '{"title": "а } б", "slug": "vesti"}\\nВести'
    """
    if fmt not in FORMATS:
        raise UnknownFormat("format", fmt, FORMATS)
    if front_matter_keys is not None:
        keys = keys._replace(front_matter=tuple(front_matter_keys))
    engine = transliterator or default_transliterator(Options(lang=lang or "sr"))
    if fmt == "text":
        return engine.convert(text, to, fmt)
    if fmt == "html":
        return _convert_html_document(text, to, engine)
    convert = engine.text_converter(to)
    if fmt == "md":
        block, body = split_front_matter(text)
        head = convert_front_matter(block, convert, keys.front_matter) if block else ""
        return head + convert_markdown(body, convert)
    if fmt in ("yaml", "toml", "json"):
        return convert_data(text, fmt, convert, DATA_KEYS if keys.data is None else keys.data)
    language = ("sr_Cyrl" if to == "cyrl" else "sr_Latn") if engine.options.serbian else None
    return convert_po(text, lambda msgstr, msgid: derive_entry(msgid, [msgstr], to, engine)[0],
                      language)


def _convert_html_document(text: str, to: str, engine: Transliterator) -> str:
    """A whole HTML file: as ``Transliterator.convert(fmt="html")``, but markup that does not
    parse refuses the file (with its line) instead of being copied as it is."""
    problems: list[tuple[int, str]] = []
    lang_tag = None
    if engine.options.serbian:
        lang_tag = "sr-Cyrl" if normalise_script(to) == "cyrl" else "sr-Latn"
    result = convert_html(text, engine.text_converter(to), lang_tag=lang_tag,
                          on_problem=lambda at, message: problems.append((at, message)))
    if problems:
        at, message = problems[0]
        raise DocumentError(message, text.count("\n", 0, at) + 1)
    return result
