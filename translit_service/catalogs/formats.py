"""Format strings read as ``msgfmt -c`` reads them: by the entry's flag.

``c-format`` (and ``objc-format``, which adds ``%@``) is printf's grammar: ``%n$`` reordering,
flags (``'`` included), width, precision, length, and a conversion whose argument type must
stay the same (``%i`` for ``%d`` is fine, so is ``%3s`` for ``%2s``).  ``python-format`` is
Python's ``%`` operator: named ``%(name)s`` (any number of times, in any order) or positional
``%s`` (same count and types, no ``%n$``).  ``python-brace-format`` is ``str.format``: the
fields used (``{}`` counts 0, 1, 2…).  :func:`compare` returns what ``msgfmt -c`` would
complain about, or an empty list.

>>> compare("c-format", "%s of %s", "%2$s od %1$s"), compare("c-format", "%2s", "%3s")
([], [])
>>> compare("python-format", "%s of %s", "%2$s od %1$s")
["invalid directive in the msgstr: '%2$s'"]
>>> compare("python-brace-format", "{}{}{}", "{2}{1}{0}")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: The flags whose format msgfmt checks, and the one that turns each off.
FORMAT_FLAGS = ("c-format", "objc-format", "python-format", "python-brace-format")
NEGATIONS = {"c-format": "no-c-format", "objc-format": "no-objc-format",
             "python-format": "no-python-format", "python-brace-format": "no-python-brace-format"}

# A width starts with 1-9 (a leading 0 is a flag), so that flags and width cannot both claim a
# run of zeros: "%000…0" is read in linear time, not quadratic.
_C = re.compile(
    r"%(?:(?P<pos>[1-9]\d*)\$)?(?P<flags>[-+ #0'I]*)"
    r"(?P<width>\*(?:[1-9]\d*\$)?|[1-9]\d*)?(?:\.(?P<prec>\*(?:[1-9]\d*\$)?|\d*))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|Z|t)?(?P<conv>[diouxXbBeEfFgGaAcspnm%@])")
_PY = re.compile(
    r"%(?:\((?P<name>[^()]*)\))?(?P<flags>[-+ #0]*)(?P<width>\*|[1-9]\d*)?(?:\.(?P<prec>\*|\d+))?"
    r"(?P<len>[hlL])?(?P<conv>[diouxXeEfFgGcrsa%])")
_C_TYPES = {**dict.fromkeys("diouxXbB", "integer"), **dict.fromkeys("eEfFgGaA", "float"),
            "c": "char", "s": "string", "p": "pointer", "n": "count", "@": "object"}
_PY_TYPES = {**dict.fromkeys("diouxX", "integer"), **dict.fromkeys("eEfFgG", "float"),
             "c": "char", **dict.fromkeys("rsa", "any")}


class FormatError(ValueError):
    """A directive the format does not have."""


def _c_arguments(text: str, objc: bool) -> dict[int, str]:
    """Argument position -> type of a printf string."""
    arguments: dict[int, str] = {}
    sequential = 0
    pos = text.find("%")
    while pos != -1:
        m = _C.match(text, pos)
        if m is None or (m.group("conv") == "@" and not objc):
            raise FormatError(text[pos:pos + 4])
        conv = m.group("conv")
        if conv != "%":
            for star in (m.group("width"), m.group("prec")):
                if star and star.startswith("*"):
                    sequential += 1
                    number = int(star[1:-1]) if star.endswith("$") else sequential
                    arguments[number] = "integer"
            if conv != "m":  # %m (glibc: strerror(errno)) takes no argument
                sequential += 1
                number = int(m.group("pos")) if m.group("pos") else sequential
                arguments[number] = _C_TYPES[conv]
        pos = text.find("%", m.end())
    return arguments


def _python_arguments(text: str) -> tuple[dict[str, str], list[str]]:
    """Named arguments (name -> type) and positional ones (types, in order)."""
    named: dict[str, str] = {}
    positional: list[str] = []
    pos = text.find("%")
    while pos != -1:
        m = _PY.match(text, pos)
        if m is None:
            raise FormatError(text[pos:pos + 4])
        if m.group("conv") != "%":
            if m.group("name") is not None:
                named[m.group("name")] = _PY_TYPES[m.group("conv")]
            else:
                positional.append(_PY_TYPES[m.group("conv")])
        pos = text.find("%", m.end())
    if named and positional:
        raise FormatError("named and unnamed directives mixed")
    return named, positional


def _brace_fields(text: str) -> set[str]:
    fields: set[str] = set()
    automatic = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "{}" and text[i:i + 2] in ("{{", "}}"):
            i += 2
            continue
        if ch == "}":
            raise FormatError("a } without its {")
        if ch == "{":
            end = text.find("}", i)
            if end == -1 or "{" in text[i + 1:end]:
                raise FormatError(text[i:i + 12])
            name = re.split(r"[!:.\[]", text[i + 1:end], maxsplit=1)[0]
            if name == "":
                name = str(automatic)
                automatic += 1
            fields.add(name)
            i = end + 1
            continue
        i += 1
    return fields


def _compare_c(source: str, translation: str, objc: bool) -> list[str]:
    wanted, found = _c_arguments(source, objc), _c_arguments(translation, objc)
    problems = [f"argument {n} is a {found[n]} in the msgstr, a {kind} in the msgid"
                for n, kind in sorted(wanted.items()) if n in found and found[n] != kind]
    problems += [f"the msgstr has no directive for argument {n}"
                 for n in sorted(set(wanted) - set(found))]
    problems += [f"the msgstr's argument {n} is not in the msgid"
                 for n in sorted(set(found) - set(wanted))]
    return problems


def _compare_python(source: str, translation: str) -> list[str]:
    (names, positions), (got_names, got_positions) = (_python_arguments(source),
                                                      _python_arguments(translation))
    problems = [f"the msgstr has no %({name})…" for name in sorted(set(names) - set(got_names))]
    problems += [f"the msgstr's %({name})… is not in the msgid"
                 for name in sorted(set(got_names) - set(names))]
    problems += [f"%({name})… is a {got_names[name]} in the msgstr, a {kind} in the msgid"
                 for name, kind in sorted(names.items())
                 if name in got_names and got_names[name] not in (kind, "any")
                 and kind != "any"]
    if positions != got_positions and not (got_names and not positions):
        problems.append(f"the unnamed directives differ: {positions} vs {got_positions}")
    return problems


def _compare_brace(source: str, translation: str) -> list[str]:
    wanted, found = _brace_fields(source), _brace_fields(translation)
    return ([f"the msgstr has no {{{name}}}" for name in sorted(wanted - found)]
            + [f"the msgstr's {{{name}}} is not in the msgid" for name in sorted(found - wanted)])


_COMPARE: dict[str, Callable[[str, str], list[str]]] = {
    "c-format": lambda s, t: _compare_c(s, t, objc=False),
    "objc-format": lambda s, t: _compare_c(s, t, objc=True),
    "python-format": _compare_python,
    "python-brace-format": _compare_brace,
}


def compare(flag: str, source: str, translation: str) -> list[str]:
    """What ``msgfmt -c`` finds wrong with ``translation`` of ``source`` in format ``flag``."""
    for text, where in ((source, "msgid"), (translation, "msgstr")):
        try:
            _COMPARE[flag](text, text)
        except FormatError as exc:
            lone = exc.args[0][:1] == "%" and not exc.args[0][1:2].strip("-+ #0'.")
            hint = " (a lone %: write %% for a percent sign)" if lone else ""
            return [f"invalid directive in the {where}: {exc.args[0]!r}{hint}"]
    return _COMPARE[flag](source, translation)


def formats_of(flags: tuple[str, ...] | list[str]) -> list[str]:
    """The formats an entry's flags ask to check (its ``no-…-format`` flags win)."""
    return [f for f in FORMAT_FLAGS if f in flags and NEGATIONS[f] not in flags]
