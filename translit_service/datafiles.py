"""Data files and front matter (YAML, TOML, JSON): convert the values of chosen keys, keep
every other byte.

Keys are chosen by *key patterns* matched against a value's dotted path (list items take
their list's path): ``title`` is a key named so at any depth, ``params.caption`` and
``menu.*.name`` are whole paths (``*`` one key, ``**`` any number of keys), and ``!id``
excludes; the last pattern that matches decides, as in ``.gitignore``.  Keys never convert.

Each format is read by a scanner that knows where every string value starts and ends
(PyYAML's composer for YAML, :mod:`translit_service.yamlvalues`; small scanners of our own
for JSON, here, and TOML, :mod:`translit_service.tomlvalues`), only those
stretches are rewritten, and the result is parsed again and compared with what it must be:
the same document with exactly the chosen strings converted.  A file that would come out
any other way is refused (:class:`~translit_service.errors.DocumentError`), never written.

>>> print(convert_data('title = "Vesti" # naslov\\nslug = "vesti"\\n[params]\\n'
...                    'caption = "Beograd"\\n', "toml", str.upper), end="")
title = "VESTI" # naslov
slug = "vesti"
[params]
caption = "BEOGRAD"
"""

from __future__ import annotations

import fnmatch
import functools
import json
import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from fnmatch import fnmatchcase
from typing import Any

from .errors import DocumentError

Convert = Callable[[str], str]
Path = tuple[str, ...]

#: Front matter: what readers see of a page (Hugo's and Jekyll's names), at any depth.
TEXT_KEYS = ("title", "linktitle", "subtitle", "description", "summary", "caption", "alt",
             "author", "authors", "tags", "categories", "keywords", "menu.**.name")
#: Data files (``data/*.json``, a site's config): the same, and labels and texts.
DATA_KEYS = (*TEXT_KEYS, "label", "text", "translation", "zero", "one", "two", "few", "many",
             "other")
#: Translation files (Hugo's ``i18n/*.toml``): every value but an ``id``.
I18N_KEYS = ("**", "!id")


@functools.lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[tuple[bool, Path], ...]:
    out = []
    for pattern in patterns:
        negated = pattern.startswith("!")
        parts = tuple(pattern.lstrip("!").lower().split("."))
        if len(parts) == 1 and parts != ("**",):
            parts = ("**", *parts)
        out.append((not negated, parts))
    return tuple(out)


States = tuple[frozenset[int], ...]  # per pattern: the positions it may have reached


class KeySelector:
    """:func:`selected` for one document.  A pattern that names a key at any depth
    (``title``, ``*_alt``, ``**``) is decided by the last key alone, all of them by one
    regular expression; a pattern with a path (``menu.*.name``) is a small automaton stepped
    one key at a time, its states remembered per path, so a value costs one step past its
    parent's (matching every pattern afresh against every path was quadratic in depth)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        compiled = _compiled(tuple(patterns))
        self.wanted = [wanted for wanted, _ in compiled]
        self.paths = [(i, parts) for i, (_, parts) in enumerate(compiled)
                      if not (len(parts) <= 2 and parts[0] == "**"
                              and "**" not in parts[1:])]
        simple = [(i, parts[1] if len(parts) == 2 else "*") for i, (_, parts)
                  in enumerate(compiled) if (i, parts) not in self.paths]
        # the last pattern that matches decides: alternatives in reverse order
        self.last_key = re.compile("|".join(
            f"(?P<p{i}>{fnmatch.translate(glob).removesuffix(chr(92) + 'Z')})"
            for i, glob in reversed(simple)) or "(?!)", re.S)
        self.by_key: dict[str, int] = {}
        start = tuple(self._closure(parts, frozenset({0})) for _, parts in self.paths)
        self.states: dict[Path, States] = {(): start}

    @staticmethod
    def _closure(parts: Path, positions: frozenset[int]) -> frozenset[int]:
        found = set(positions)
        for position in positions:
            while position < len(parts) and parts[position] == "**":
                position += 1
                found.add(position)
        return frozenset(found)

    def _step(self, states: States, key: str) -> States:
        out = []
        for (_, parts), positions in zip(self.paths, states, strict=True):
            after = {p if parts[p] == "**" else p + 1 for p in positions if p < len(parts)
                     and (parts[p] == "**" or fnmatchcase(key, parts[p]))}
            out.append(self._closure(parts, frozenset(after)))
        return tuple(out)

    def _states_of(self, path: Path) -> States:
        known = len(path)
        while path[:known] not in self.states:
            known -= 1
        states = self.states[path[:known]]
        for depth in range(known, len(path)):
            states = self._step(states, path[depth].lower())
            if len(self.states) < 100_000:
                self.states[path[:depth + 1]] = states
        return states

    def __call__(self, path: Path) -> bool:
        if not path:
            return False
        key = path[-1].lower()
        best = self.by_key.get(key)
        if best is None:
            m = self.last_key.fullmatch(key)
            best = int(m.lastgroup[1:]) if m and m.lastgroup else -1
            if len(self.by_key) < 100_000:
                self.by_key[key] = best
        if self.paths:
            for (i, parts), positions in zip(self.paths, self._states_of(path), strict=True):
                if i > best and len(parts) in positions:
                    best = i
        return best >= 0 and self.wanted[best]


def selected(path: Path, patterns: Sequence[str]) -> bool:
    """Whether the value at ``path`` converts under ``patterns``.

    >>> selected(("params", "caption"), TEXT_KEYS), selected(("menu", "main", "name"), TEXT_KEYS)
    (True, True)
    >>> selected(("slug",), TEXT_KEYS), selected(("name",), TEXT_KEYS)
    (False, False)
    >>> selected(("home", "id"), I18N_KEYS), selected(("home", "other"), I18N_KEYS)
    (False, True)
    """
    return KeySelector(patterns)(path)


def _expected(data: Any, convert: Convert, chosen: KeySelector, path: Path = ()) -> Any:
    """``data`` (as a parser loads it) with the chosen strings converted."""
    if isinstance(data, dict):
        return {k: _expected(v, convert, chosen, (*path, str(k))) for k, v in data.items()}
    if isinstance(data, list):
        return [_expected(v, convert, chosen, path) for v in data]
    if isinstance(data, str) and path and chosen(path):
        return convert(data)
    return data


def convert_data(text: str, fmt: str, convert: Convert, patterns: Sequence[str] = DATA_KEYS,
                 ) -> str:
    """``text``, a ``yaml``, ``toml`` or ``json`` document, with the values of the keys
    chosen by ``patterns`` converted and every other byte as it was."""
    if fmt == "yaml":
        from .yamlvalues import convert_yaml

        return convert_yaml(text, convert, patterns)
    if fmt == "toml":
        from .tomlvalues import toml_literal, toml_strings

        return _rewrite(text, toml_strings(text), convert, patterns, toml_literal,
                        _load_toml, "TOML")
    if fmt == "json":
        return _rewrite(text, json_strings(text), convert, patterns, _json_literal,
                        _load_json, "JSON")
    raise ValueError(f"not a data format: {fmt!r}")


def _rewrite(text: str, strings: Iterator[tuple[Path, int, int]], convert: Convert,
             patterns: Sequence[str], literal: Callable[[str, str], str],
             load: Callable[[str], Any], label: str) -> str:
    before = load(text)  # refuses a document that does not parse, before anything else
    chosen = KeySelector(patterns)
    out, pos = [], 0
    try:
        for path, start, end in strings:
            if not chosen(path):
                continue
            source = text[start:end]
            value = load_string(source, label)
            converted = convert(value)
            if converted != value:
                out += [text[pos:start], literal(source, converted)]
                pos = end
    except ScanError as exc:
        raise DocumentError(f"not valid {label}: {exc.args[0]}", _line(text, exc.args[1])) \
            from None
    except (ValueError, KeyError):  # a literal the scanner cut wrong: the parser refused it
        raise DocumentError(f"the {label} could not be read value by value: left alone",
                            _line(text, pos)) from None
    out.append(text[pos:])
    result = "".join(out)
    try:
        expected = _expected(before, convert, chosen)
    except RecursionError:
        raise DocumentError(f"the {label} is nested too deeply") from None
    if load(result) != expected:
        raise DocumentError(f"the {label} would not keep its structure when converted: "
                            "left alone")
    return result


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not valid JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise DocumentError("JSON nested too deeply") from None


def _load_toml(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise DocumentError(f"not valid TOML: {exc}", int(m.group(1)) if m else None) \
            from None
    except RecursionError:
        raise DocumentError("TOML nested too deeply") from None


def load_string(literal: str, label: str) -> str:
    """The value of one string literal of ``label`` (JSON or TOML), read by the parser."""
    value = json.loads(literal) if label == "JSON" else tomllib.loads(f"x = {literal}")["x"]
    assert isinstance(value, str)
    return value


class ScanError(Exception):
    """(message, offset): a scanner met what it cannot read (the parser said it was fine)."""


# --- JSON -------------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_OTHER = re.compile(r"[^\s,\]}:]+")
_SPACE = re.compile(r"\s*")


def json_strings(text: str) -> Iterator[tuple[Path, int, int]]:
    """``(path, start, end)`` of every string *value* of the JSON document in ``text``
    (object keys are not values); iterative, so any depth is fine.

    >>> [(p, s, e) for p, s, e in json_strings('{"a": {"b": ["x"]}, "c": 1, "d": "y"}')]
    [(('a', 'b'), 13, 16), (('d',), 33, 36)]
    """
    frames: list[list[Any]] = []  # [kind "{" or "[", path, key read (None: a key is next)]
    pos = 0
    while True:
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return
        ch = text[pos]
        if ch in ",:":
            pos += 1
            continue
        if ch in "}]":
            if not frames:
                raise ScanError(f"unexpected {ch!r}", pos)
            frames.pop()
            pos += 1
            if not frames:
                return
            _value_done(frames)
            continue
        if frames and frames[-1][0] == "{" and frames[-1][2] is None:
            m = _JSON_STRING.match(text, pos)
            if m is None:
                raise ScanError("a key expected", pos)
            frames[-1][2] = json.loads(m.group())
            pos = m.end()
            continue
        path: Path = ()
        if frames:
            kind, outer, key = frames[-1]
            path = (*outer, key) if kind == "{" else outer
        if ch in "{[":
            frames.append([ch, path, None])
            pos += 1
            continue
        if ch == '"':
            m = _JSON_STRING.match(text, pos)
            if m is None:
                raise ScanError("an unclosed string", pos)
            yield path, m.start(), m.end()
        else:
            m = _JSON_OTHER.match(text, pos)
            if m is None:
                raise ScanError(f"unexpected {ch!r}", pos)
        pos = m.end()
        if not frames:
            return
        _value_done(frames)


def _value_done(frames: list[list[Any]]) -> None:
    if frames[-1][0] == "{":
        frames[-1][2] = None


def _json_literal(source: str, value: str) -> str:
    """``value`` as a JSON string written as ``source`` was: with ``\\u`` escapes for what is
    not ASCII when the source had them and no other non-ASCII character."""
    ascii_only = source.isascii() and "\\u" in source
    return json.dumps(value, ensure_ascii=ascii_only)
