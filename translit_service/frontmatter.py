"""Front matter of Markdown documents (Hugo, Jekyll): only the values editors list as text.

A document may start with YAML between ``---`` lines, TOML between ``+++`` lines, or a JSON
object.  Keys, slugs, dates, booleans, URLs and layout names stay as they are; the values of
the ``keys`` (default :data:`TEXT_KEYS`) convert, strings and lists of strings alike.

>>> doc = "---\\ntitle: Vesti\\nslug: vesti\\ntags: [vesti, Beograd]\\n---\\nTekst"
>>> block, body = split_front_matter(doc)
>>> print(convert_front_matter(block, str.upper), end="")
---
title: VESTI
slug: vesti
tags: [VESTI, BEOGRAD]
---
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

TEXT_KEYS = ("title", "description", "summary", "subtitle", "tags", "categories")

_FENCES = {"---": "yaml", "+++": "toml"}
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)(?P<sep>\s*[:=]\s*)(?P<value>.*?)(?P<end>\s*)$")
_ITEM_LINE = re.compile(r"^(?P<lead>\s+-\s+)(?P<value>.*?)(?P<end>\s*)$")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_JSON_PAIR = re.compile(r'"(?P<key>[^"\\]+)"\s*:\s*(?P<value>"(?:[^"\\]|\\.)*"|\[[^\]]*\])')


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter block with its fences, the rest)``; ``("", text)`` when there is none."""
    first = text.split("\n", 1)[0].rstrip("\r")
    if first in _FENCES:
        m = re.search(rf"^{re.escape(first)}[ \t]*\r?$\n?", text[len(first) + 1:], re.M)
        if m:
            end = len(first) + 1 + m.end()
            return text[:end], text[end:]
    elif first.startswith("{"):
        depth = 0
        for i, ch in enumerate(text):  # a JSON object: to its closing brace
            depth += ch == "{"
            depth -= ch == "}"
            if depth == 0:
                end = text.find("\n", i)
                end = len(text) if end == -1 else end + 1
                return text[:end], text[end:]
    return "", text


def _convert_scalar(value: str, convert: Callable[[str], str]) -> str:
    if value.startswith("[") and value.endswith("]"):
        items = [item.strip() for item in value[1:-1].split(",")]
        return "[" + ", ".join(_convert_scalar(item, convert) for item in items if item) + "]"
    if _STRING.fullmatch(value):
        return value[0] + convert(value[1:-1]) + value[-1]
    if not value or value in ("|", ">", "true", "false") or value[0] in "{&*!#":
        return value
    return convert(value)


def convert_front_matter(block: str, convert: Callable[[str], str],
                         keys: Iterable[str] = TEXT_KEYS) -> str:
    """The front matter ``block`` with the values of ``keys`` converted."""
    wanted = {k.lower() for k in keys}
    first = block.split("\n", 1)[0].rstrip("\r")
    if first.startswith("{"):
        return _JSON_PAIR.sub(
            lambda m: m.group() if m.group("key").lower() not in wanted else
            m.group()[:m.start("value") - m.start()] + _convert_json(m.group("value"), convert),
            block)
    out = []
    current = None
    for line in block.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        m = _KEY_LINE.match(body)
        item = _ITEM_LINE.match(body)
        if body.startswith("[") and _FENCES.get(first) == "toml":
            current = None  # a TOML table: its keys are not the page's
        elif m and not body[:1].isspace():
            current = m.group("key").lower()
            if current in wanted and m.group("value"):
                body = (m.group("key") + m.group("sep") + _convert_scalar(m.group("value"), convert)
                        + m.group("end"))
        elif item and current in wanted:
            body = item.group("lead") + _convert_scalar(item.group("value"), convert) + item.group(
                "end")
        out.append(body + ending)
    return "".join(out)


def _convert_json(value: str, convert: Callable[[str], str]) -> str:
    return _STRING.sub(lambda m: m.group()[0] + convert(m.group()[1:-1]) + m.group()[-1], value)
