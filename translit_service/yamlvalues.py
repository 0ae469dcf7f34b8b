"""YAML values rewritten where they stand (see :mod:`translit_service.datafiles`).

PyYAML's composer gives every scalar's start and end in the text.  A chosen string is
converted *in its own spelling* — a plain scalar over several lines keeps its lines, a block
scalar (``|``, ``>``) its indicator and indentation, a quoted one its quotes — and the result
is composed again: each scalar must be what it was, or, if chosen, its old value converted.
One that is not (the converter met a ``\\`` escape, or a Latin word became a YAML keyword
such as ``on``) is written as a double-quoted string of the converted value instead, which
YAML reads back exactly; anything else still wrong refuses the document.

>>> print(convert_yaml("title: |\\n  Prvi red\\n  drugi red\\nslug: prvi # x\\n", str.upper),
...       end="")
title: |
  PRVI RED
  DRUGI RED
slug: prvi # x
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator, Sequence

import yaml

from .datafiles import DATA_KEYS, KeySelector
from .errors import DocumentError

_STR = "tag:yaml.org,2002:str"
# libyaml's composer when PyYAML was built with it (ten times faster), else PyYAML's own;
# both give every mark's index in characters.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> list[yaml.Node]:
    try:
        return [node for node in yaml.compose_all(text, Loader=_LOADER) if node is not None]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DocumentError(f"not valid YAML: {exc.problem or exc.context}",
                            mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise DocumentError(f"not valid YAML: {exc}") from None
    except RecursionError:
        raise DocumentError("YAML nested too deeply") from None


def _scalars(documents: list[yaml.Node]) -> list[tuple[yaml.ScalarNode, tuple[str, ...] | None]]:
    """Every scalar in document order with the path of its value (None for a mapping key);
    a node reached again through an alias is listed once."""
    found: list[tuple[yaml.ScalarNode, tuple[str, ...] | None]] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[str, ...] | None]] = [(d, ()) for d in reversed(documents)]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.append((node, path))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path) for item in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            inner = path or ()
            for key, value in reversed(node.value):
                name = key.value if isinstance(key, yaml.ScalarNode) else ""
                stack.append((value, (*inner, str(name))))
                stack.append((key, None))
    return found


def _in_spelling(source: str, style: str | None, convert: Callable[[str], str]) -> str:
    """``source`` (one scalar as written) with its text converted and its syntax kept
    (``style`` as PyYAML gives it: None or "" plain, a quote, ``|`` or ``>``)."""
    if style in ("|", ">"):
        header, newline, body = source.partition("\n")
        return header + newline + convert(body)
    if style in ("'", '"'):
        return source[0] + convert(source[1:-1]) + source[-1]
    return convert(source)


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """The cyclic collector paused while a document's nodes are alive: it rescans every
    live node each time it runs, which made composing 1 MB of YAML superlinear (22x the
    time for 8x the text; 8.8x with the collector paused).  Nodes hold no cycles but an
    alias's, which the collector frees when it runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def convert_yaml(text: str, convert: Callable[[str], str],
                 patterns: Sequence[str] = DATA_KEYS) -> str:
    """``text`` with the strings chosen by ``patterns`` converted, the rest byte for byte."""
    with _without_cyclic_gc():
        return _convert_yaml(text, convert, patterns)


def _convert_yaml(text: str, convert: Callable[[str], str], patterns: Sequence[str]) -> str:
    before = _scalars(_compose(text))
    wanted = KeySelector(patterns)
    chosen = {i for i, (node, path) in enumerate(before)
              if path and node.tag == _STR and wanted(path)
              and convert(node.value) != node.value}
    if not chosen:
        return text
    quoted: set[int] = set()
    for _attempt in range(2):
        result = _splice(text, before, chosen, quoted, convert)
        after = _scalars(_compose(result))
        if len(after) != len(before):
            raise DocumentError("the YAML would not keep its structure when converted: "
                                "left alone")
        wrong = set()
        for i, ((old, _), (new, _)) in enumerate(zip(before, after, strict=True)):
            want = convert(old.value) if i in chosen else old.value
            if new.tag != old.tag or new.value != want:
                wrong.add(i)
        if not wrong:
            return result
        if wrong - chosen or wrong & quoted:
            break
        quoted |= wrong
    line = min(before[i][0].start_mark.line for i in wrong) + 1
    raise DocumentError("a value would not survive the conversion: left alone", line)


def _splice(text: str, scalars: list[tuple[yaml.ScalarNode, tuple[str, ...] | None]],
            chosen: set[int], quoted: set[int], convert: Callable[[str], str]) -> str:
    out, pos = [], 0
    for i in sorted(chosen, key=lambda i: scalars[i][0].start_mark.index):
        node = scalars[i][0]
        start, end = node.start_mark.index, node.end_mark.index
        source = text[start:end]
        if i in quoted or (node.style == '"' and "\\" in source):
            replacement = json.dumps(convert(node.value), ensure_ascii=False)
            if node.style in ("|", ">"):
                replacement += source[len(source.rstrip()):]  # a block scalar ends its line
        else:
            replacement = _in_spelling(source, node.style, convert)
        out += [text[pos:start], replacement]
        pos = end
    out.append(text[pos:])
    return "".join(out)
