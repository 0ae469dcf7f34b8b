"""What a pipeline did to each part of a text, for a translator asking "why did this stay
Latin?" (as ftfy's ``fix_and_explain``): :func:`explain` lists the whole-text steps that
changed the text, every protected span with the rule that protected it, and every stretch
between them with the steps that changed it.  Not a hot path: it re-runs the steps one by
one."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ..spans.tokens import (
    _EMAIL,
    _OPTION,
    _PLACEHOLDER,
    _ROMAN,
    _SHELL_VARIABLE,
    _STRFTIME,
    _URL,
    _VERSION,
    UNIT_SYMBOLS,
)
from ..tables import FOREIGN_LETTERS

if TYPE_CHECKING:
    from .pipeline import Pipeline


class Explanation(NamedTuple):
    """One part of the text: where (in the text after the whole-text steps), what it was,
    what it became, and the rule or steps that made it so."""

    start: int
    end: int
    text: str
    result: str
    rule: str


def _reason(kind: str, kept: str, pipeline: Pipeline) -> str:
    """Why a span of this ``kind`` holding ``kept`` was protected, in a few words."""
    protector = pipeline.protector
    if kind == "nc":
        return "no-convert span -{ }-"
    if kind == "glossary":
        return "glossary entry"
    if kind == "markup":
        return ("HTML comment" if kept.startswith("<!--") else "character reference"
                if kept.startswith("&") else "HTML tag")
    if kind == "address":
        return ("URL" if _URL.match(kept) else "e-mail address" if _EMAIL.fullmatch(kept)
                else "path" if kept.startswith(("/", "~", "./", "../")) else "file or host name")
    if kind == "code":
        for pattern, name in ((_PLACEHOLDER, "format placeholder"),
                              (_STRFTIME, "date format directive"),
                              (_OPTION, "command-line option"), (_SHELL_VARIABLE, "variable"),
                              (_VERSION, "version number")):
            if pattern.fullmatch(kept):
                return name
        if kept.startswith(("{{", "{%", "{#")):
            return "template tag"
        if kept.startswith("{"):
            return "format field"
        if kept.startswith(("@", "#")):
            return "handle or hashtag"
        if "+" in kept:
            return "key combination"
        if kept.endswith("()"):
            return "function call"
        return "identifier (code)"
    # a kept word
    if kept in UNIT_SYMBOLS or kept.startswith("°"):
        return "unit symbol"
    if kept in protector.acronyms or kept.rstrip("0123456789") in protector.acronyms:
        return "acronym kept in Latin (latin_acronyms)"
    if _ROMAN.fullmatch(kept):
        return "Roman numeral"
    if any(ch in FOREIGN_LETTERS for ch in kept):
        return "letters Serbian does not have (q w x y, ä é …)"
    english = protector.english
    if english is not None and re.sub(r"[-'’].*", "", kept).lower() in english.foreign:
        return "foreign word (English, not Serbian)"
    if any(a.islower() and b.isupper() for a, b in pairwise(kept)):
        return "camelCase name"
    return "kept word (name or code)"


def explain(pipeline: Pipeline, text: str) -> list[Explanation]:
    """See the module docstring."""
    found: list[Explanation] = []
    prepared = text
    for step in pipeline.text_steps:
        after = step.function(prepared)
        if after != prepared:
            found.append(Explanation(0, len(after), prepared, after, f"{step.name} (whole text)"))
        prepared = after
    pos = 0

    def stretch(start: int, end: int) -> None:
        part = prepared[start:end]
        changed = []
        result = part
        for step in pipeline.steps:
            after = step.function(result)
            if after != result:
                changed.append(step.name)
            result = after
        found.append(Explanation(start, end, part, result, ", ".join(changed) or "unchanged"))

    for start, end, kept, kind in pipeline.protector(prepared):
        if start > pos:
            stretch(pos, start)
        found.append(Explanation(start, end, prepared[start:end], kept,
                                 f"protect: {_reason(kind, kept, pipeline)}"))
        pos = end
    if pos < len(prepared):
        stretch(pos, len(prepared))
    return found
