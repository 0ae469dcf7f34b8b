"""Front matter of Markdown documents (Hugo, Jekyll): only the values editors list as text.

A document may start with YAML between ``---`` lines, TOML between ``+++`` lines, or a JSON
object.  Keys, slugs, dates, booleans, URLs and layout names stay as they are; the values of
the keys chosen by key patterns (default :data:`TEXT_KEYS`: ``title``, ``description``,
``caption``… at any depth, ``menu.*.name``; see :mod:`translit_service.datafiles`) convert,
strings and lists of strings alike, block scalars and multi-line strings included, with
every other byte kept.

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

import json
import re
from collections.abc import Callable, Iterable

from .datafiles import TEXT_KEYS, convert_data
from .errors import DocumentError

__all__ = ["TEXT_KEYS", "convert_front_matter", "split_front_matter"]

_FENCES = {"---": "yaml", "+++": "toml"}


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter block with its fences, the rest)``; ``("", text)`` when there is none.
    A JSON object ends where the JSON parser says it does (a ``}`` in a string is text).

    >>> split_front_matter('{"title": "a}b", "slug": "x"}\\nTekst')
    ('{"title": "a}b", "slug": "x"}\\n', 'Tekst')
    """
    first = text.split("\n", 1)[0].rstrip("\r")
    if first in _FENCES:
        m = re.search(rf"^{re.escape(first)}[ \t]*\r?$\n?", text[len(first) + 1:], re.M)
        if m:
            end = len(first) + 1 + m.end()
            return text[:end], text[end:]
    elif re.match(r'\{\s*(?:"|$)', first):  # not "{{< shortcode >}}" nor "{#id}"
        try:
            _, end = json.JSONDecoder().raw_decode(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
            raise DocumentError("the front matter is not a JSON object", line) from None
        newline = text.find("\n", end)
        end = len(text) if newline == -1 else newline + 1
        return text[:end], text[end:]
    return "", text


def convert_front_matter(block: str, convert: Callable[[str], str],
                         keys: Iterable[str] = TEXT_KEYS) -> str:
    """The front matter ``block`` (fences included) with the values of ``keys`` converted."""
    patterns = tuple(keys)
    first = block.split("\n", 1)[0].rstrip("\r")
    if first.startswith("{"):
        return convert_data(block, "json", convert, patterns)
    head = len(first) + 1
    closing = block.rstrip("\r\n").rfind("\n") + 1
    inner = block[head:closing]
    try:
        converted = convert_data(inner, _FENCES[first], convert, patterns)
    except DocumentError as exc:
        line = exc.line + 1 if exc.line else None  # the document's line, past the fence
        raise DocumentError(f"front matter: {exc.message}", line) from None
    return block[:head] + converted + block[closing:]
