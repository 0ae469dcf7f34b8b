"""Python format strings (``python-format``, ``python-brace-format``) read as GNU gettext 0.21
reads them (``format-python.c``, ``format-python-brace.c``).

**%-format.**  A directive takes an argument of a type; the types form a small lattice with
``any`` on top (``%.0s`` prints nothing, so it takes anything), the concrete types
``char`` (``%c``), ``string`` (``%s %r``), ``integer`` (``%d %i %u %o %x %X``) and ``float``
(``%e %E %f %g %G``) below it, and ``none`` for a named ``%(x)%``.  A name used twice takes the
*meet* of its two types (``%(n)d … %(n).0s`` is an integer; ``%(n)d … %(n)s`` is an error).
The translation may use fewer names than the msgid (a plural form for one ``n`` may leave the
number out) but none the msgid lacks; unnamed directives must keep count and types in order;
the two kinds cannot be mixed.  ``h``, ``l`` and ``L`` are accepted and mean nothing.

>>> check_percent(parse_percent("%(n)d of %(total)d"), parse_percent("%(total)d, %(n)s"))
["argument 'n' is integer ('%(n)d') in the msgid but string ('%(n)s') in the msgstr"]
>>> check_percent(parse_percent("%s: %d"), parse_percent("%d: %s"))[0]
"argument 1 is string ('%s') in the msgid but integer ('%d') in the msgstr"

**Brace format** (``str.format``).  gettext 0.21 names a field by everything between its
braces, format spec included: ``{n}``, ``{n.attr}``, ``{0[key]}``, ``{n:>5}`` are four
different fields, ``{}`` (automatic numbering) is not valid, and a lone ``}`` is text.

>>> sorted(parse_brace("{0} of {total:>5}, {{literal}}"))
['0', 'total:>5']
"""

from __future__ import annotations

from typing import NamedTuple

from .format_c import FormatError

PERCENT_TYPES = {"c": "char", **dict.fromkeys("sr", "string"),
                 **dict.fromkeys("diuoxX", "integer"), **dict.fromkeys("eEfgG", "float"),
                 "%": "none"}
_FLAGS = "-+ #0"


def meet(a: str, b: str) -> str | None:
    """The type a name used as ``a`` and as ``b`` must have (None: incompatible)."""
    return a if a == b or b == "any" else b if a == "any" else None


class PercentSpec(NamedTuple):
    """Named arguments (name -> (type, directive)) and unnamed ones (in order)."""

    named: dict[str, tuple[str, str]]
    unnamed: tuple[tuple[str, str], ...]


def parse_percent(text: str) -> PercentSpec:
    """The arguments of a ``python-format`` string; :class:`FormatError` when invalid."""
    named: dict[str, tuple[str, str]] = {}
    unnamed: list[tuple[str, str]] = []
    mixed = FormatError("named (%(name)s) and unnamed (%s, *) directives are mixed")
    n = len(text)
    i = text.find("%")
    number = 0
    while i != -1:
        start = i
        i += 1
        number += 1
        name = None
        if i < n and text[i] == "(":
            depth, j = 0, i + 1
            while j < n and (text[j] != ")" or depth):
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
            if j >= n:
                raise FormatError(f"the string ends in the middle of a directive "
                                  f"({text[start:start + 20]!r})")
            name, i = text[i + 1:j], j + 1
        while i < n and text[i] in _FLAGS:
            i += 1
        zero_precision = False
        for part in ("width", "precision"):
            if part == "precision":
                if i >= n or text[i] != ".":
                    break
                i += 1
                zero_precision = i < n and text[i].isdigit() and text[i].isascii()
            if i < n and text[i] == "*":
                if named:
                    raise mixed
                unnamed.append(("integer", "*"))
                i += 1
                zero_precision = False
            else:
                while i < n and text[i].isdigit() and text[i].isascii():
                    zero_precision = zero_precision and text[i] == "0"
                    i += 1
        if i < n and text[i] in "hlL":
            i += 1
        if i >= n:
            raise FormatError(f"the string ends in the middle of a directive "
                              f"({text[start:]!r}): write %% for a percent sign", stray=True)
        conversion = text[i]
        i += 1
        if conversion not in PERCENT_TYPES:
            lone = i - start == 2
            raise FormatError(f"in directive {number} ({text[start:i]!r}), {conversion!r} is "
                              "not a valid conversion specifier"
                              + (": write %% for a percent sign" if lone else ""), stray=lone)
        kind = "any" if conversion in "sr" and zero_precision else PERCENT_TYPES[conversion]
        directive = text[start:i]
        if name is not None:
            if unnamed:
                raise mixed
            if name in named:
                both = meet(named[name][0], kind)
                if both is None:
                    raise FormatError(f"the argument named {name!r} is used in incompatible "
                                      f"ways ({named[name][1]!r} and {directive!r})")
                named[name] = (both, named[name][1] if both == named[name][0] else directive)
            else:
                named[name] = (kind, directive)
        elif conversion != "%":
            if named:
                raise mixed
            unnamed.append((kind, directive))
        i = text.find("%", i)
    return PercentSpec(named, tuple(unnamed))


def _agree(a: str, b: str, strict: bool) -> bool:
    return a == b or (not strict and "any" in (a, b))


def check_percent(msgid: PercentSpec, msgstr: PercentSpec, *, strict: bool = True,
                  names: tuple[str, str] = ("msgid", "msgstr")) -> list[str]:
    """What is wrong with ``msgstr``'s arguments against ``msgid``'s (``strict``: the same
    names; else the msgstr may leave some out, and ``any`` agrees with every type)."""
    one, two = names
    if (msgid.named and msgstr.unnamed) or (msgid.unnamed and msgstr.named):
        kinds = ("a mapping (%(name)s)", "a tuple (%s)")
        first, second = kinds if msgid.named else kinds[::-1]
        return [f"the {one}'s directives expect {first}, the {two}'s {second}"]
    problems = [f"the {two}'s {msgstr.named[name][1]!r} has no argument {name!r} in the {one}"
                for name in sorted(set(msgstr.named) - set(msgid.named))]
    if strict:
        problems += [f"the {two} has no directive for {msgid.named[name][1]!r}"
                     for name in sorted(set(msgid.named) - set(msgstr.named))]
    problems += [f"argument {name!r} is {msgid.named[name][0]} ({msgid.named[name][1]!r}) in "
                 f"the {one} but {msgstr.named[name][0]} ({msgstr.named[name][1]!r}) in the {two}"
                 for name in sorted(set(msgid.named) & set(msgstr.named))
                 if not _agree(msgid.named[name][0], msgstr.named[name][0], strict)]
    wanted, found = msgid.unnamed, msgstr.unnamed
    if len(wanted) != len(found):
        problems.append(f"number of format specifications in the {one} ({len(wanted)}) and "
                        f"the {two} ({len(found)}) does not match")
    else:
        pairs = enumerate(zip(wanted, found, strict=True), start=1)
        problems += [f"argument {k} is {a[0]} ({a[1]!r}) in the {one} but {b[0]} ({b[1]!r}) in "
                     f"the {two}" for k, (a, b) in pairs if not _agree(a[0], b[0], strict)]
    return problems


def _identifier(text: str, i: int, digits: bool) -> int:
    """The end of an identifier (or, with ``digits``, a number) at ``text[i]``, else ``i``."""
    n = len(text)
    if i < n and text[i].isascii() and (text[i].isalpha() or text[i] == "_"):
        i += 1
        while i < n and text[i].isascii() and (text[i].isalnum() or text[i] == "_"):
            i += 1
    elif digits:
        while i < n and text[i].isascii() and text[i].isdigit():
            i += 1
    return i


def _field(text: str, i: int, top: bool, number: int) -> tuple[str | None, int]:
    """The field at ``text[i] == '{'``: its name (None for ``{{``) and where it ends."""
    n = len(text)
    i += 1
    if i < n and text[i] == "{":
        return None, i + 1
    start = i
    end = _identifier(text, i, digits=True)
    if end == i:
        what = repr(text[i]) if i < n else "the end of the string"
        raise FormatError(f"in field {number}, {what} cannot start a field name")
    i = end
    while i < n and text[i] in ".[":
        after = _identifier(text, i + 1, digits=text[i] == "[")
        if after == i + 1:
            kind = "getattr" if text[i] == "." else "getitem"
            what = repr(text[i + 1]) if i + 1 < n else "the end of the string"
            raise FormatError(f"in field {number}, {what} cannot start a {kind} argument")
        if text[i] == "[":
            if after >= n or text[after] != "]":
                raise FormatError(f"in field {number}, an unterminated getitem argument")
            after += 1
        i = after
    if i < n and text[i] == ":":
        if not top:
            raise FormatError(f"in field {number}, no more nesting is allowed in a format "
                              "specifier")
        i += 1
        if i < n and text[i] == "{":
            _, i = _field(text, i, False, number)
        else:  # [[fill]align][sign][#][0][width][.precision][type]
            if i + 1 < n and text[i + 1] in "<>=^":
                i += 2
            elif i < n and text[i] in "<>=^":
                i += 1
            for optional in ("+- ", "#", "0"):
                if i < n and text[i] in optional:
                    i += 1
            while i < n and text[i].isascii() and text[i].isdigit():
                i += 1
            if i < n and text[i] == ".":
                i += 1
                while i < n and text[i].isascii() and text[i].isdigit():
                    i += 1
            if i < n and text[i] in "bcdoxXneEfFgG%":
                i += 1
        if i >= n or text[i] != "}":
            raise FormatError(f"the string ends in the middle of field {number} "
                              f"({text[start - 1:i + 1]!r})")
    if i >= n or text[i] != "}":
        raise FormatError(f"field {number} ({text[start - 1:i + 1]!r}) is not closed by '}}' "
                          "(gettext 0.21 knows no !r/!s conversions)")
    return text[start:i], i + 1


def parse_brace(text: str) -> set[str]:
    """The fields of a ``python-brace-format`` string; :class:`FormatError` when invalid."""
    fields: set[str] = set()
    i = text.find("{")
    while i != -1:
        name, i = _field(text, i, True, len(fields) + 1)
        if name is not None:
            fields.add(name)
        i = text.find("{", i)
    return fields


def single_closing_brace(text: str) -> int | None:
    """Where ``text`` has a ``}`` that closes no field and is not doubled, or None:
    ``str.format`` raises ``ValueError: Single '}' encountered`` on it (gettext 0.21 reads
    it as text).

    >>> single_closing_brace("{n}} of {{x}}"), single_closing_brace("{n:{w}} of {{x}}")
    (3, None)
    """
    depth, i = 0, 0
    while i < len(text):
        pair = text[i:i + 2]
        if depth == 0 and pair in ("{{", "}}"):
            i += 2
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return None


def check_brace(msgid: set[str], msgstr: set[str], *, strict: bool = True,
                names: tuple[str, str] = ("msgid", "msgstr")) -> list[str]:
    """Fields of one side missing from the other (with ``strict``; else none is an error)."""
    one, two = names
    if not strict:
        return []
    return ([f"the {two} has no {{{name}}}" for name in sorted(msgid - msgstr)]
            + [f"the {two}'s {{{name}}} is not in the {one}" for name in sorted(msgstr - msgid)])
