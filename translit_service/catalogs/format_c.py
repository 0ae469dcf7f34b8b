"""printf format strings (``c-format``, ``objc-format``) read as GNU gettext 0.21 reads them.

Every argument a directive consumes gets a *type*, a point of the product
``kind × signedness × size`` that gettext's ``format-c.c`` encodes as bit flags:

* the **kind** is what the conversion reads: ``integer`` (``d i o u x X``), ``double``
  (``e E f F g G a A``), ``char`` (``c C``), ``string`` (``s S``), ``pointer`` (``p``),
  ``count`` (``n``, a pointer to an integer) or ``object`` (``@``, Objective-C only);
* the **signedness** matters for integers only: ``d i`` are signed, ``o u x X`` unsigned;
* the **size** is read from the length modifiers as a sequence (``h`` then ``h`` is ``char``,
  ``l`` then ``l`` is ``long long``, ``L`` and ``q`` are ``long long``, ``j`` ``intmax_t``,
  ``z``/``Z`` ``size_t``, ``t`` ``ptrdiff_t``; the last one wins otherwise), then kept as far
  as the kind has sizes: an integer or a count keeps them all, a double only ``long long``
  (``%Lf``; ``%lf`` is a plain double), a char or a string only "wide" (``l``/``ll``,
  ``%C``, ``%S``).  ``%<PRId64>``-style directives (ISO C 99 ``<inttypes.h>`` macros) read
  fixed-width integers.

Two directives for the same argument agree when their types are the same point.  That is
why ``%i`` and ``%d`` agree, ``%lld`` and ``%Ld`` agree, ``%f`` and ``%lf`` agree, and
``%d``/``%ld``, ``%d``/``%u``, ``%zu``/``%lu`` do not: ``printf`` would read a different
number of bytes, or read them differently, from what the program passed.

>>> check(parse("%d of %s"), parse("%2$s: %1$ld"))
["argument 1 is int ('%d') in the msgid but long int ('%1$ld') in the msgstr"]
>>> [str(a) for a in parse("%1$s: %2$'5.2Lf%% of %3$zu").arguments]
['char *', 'long double', 'size_t']
>>> parse("%d").arguments == parse("%i").arguments, parse("%d").arguments == parse("%u").arguments
(True, False)
"""

from __future__ import annotations

import re
from typing import NamedTuple

FLAGS = " +-#0'"
SIZES = "hlLqjzZt"
#: Conversions and the kind of argument each reads (None: no argument).
KINDS = {**dict.fromkeys("di", "integer"), **dict.fromkeys("ouxX", "integer"),
         **dict.fromkeys("eEfFgGaA", "double"), **dict.fromkeys("cC", "char"),
         **dict.fromkeys("sS", "string"), "p": "pointer", "n": "count", "@": "object",
         "%": None, "m": None}
_UNSIGNED = frozenset("ouxX")
_MACRO = re.compile(r"<PRI(?P<conv>[diouxX])(?P<width>MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))"
                    r"(?P<end>>?)")


class FormatError(ValueError):
    """The string is not a valid format string; the message says why.  ``stray``: because of
    a ``%`` that starts no directive (a percent sign that should be written ``%%``)."""

    def __init__(self, message: str, *, stray: bool = False) -> None:
        super().__init__(message)
        self.stray = stray


class Arg(NamedTuple):
    """One argument's type: a point of kind × signedness × size (see the module docstring)."""

    kind: str
    size: str = ""  # "", char, short, long, long long, intmax_t, size_t, …, wide
    unsigned: bool = False

    def __str__(self) -> str:
        if self.kind == "integer":
            fixed = self.size.endswith("_t") and self.size not in ("size_t", "ptrdiff_t")
            if fixed:  # intmax_t, int64_t, int_least8_t…: uintmax_t, uint64_t…
                return ("u" if self.unsigned else "") + self.size
            names = {"": "int", "char": "char", "short": "short", "long": "long int",
                     "long long": "long long int", "size_t": "size_t",
                     "ptrdiff_t": "ptrdiff_t"}
            name = names[self.size]
            if self.size in ("size_t", "ptrdiff_t"):  # %zd reads a ssize_t, %tu unsigned
                return {("size_t", False): "ssize_t", ("ptrdiff_t", True): "unsigned ptrdiff_t"
                        }.get((self.size, self.unsigned), self.size)
            prefix = "unsigned " if self.unsigned else "signed " if self.size == "char" else ""
            return prefix + name
        if self.kind == "count":
            return ({"": "int", "long long": "long long"}.get(self.size, self.size)) + " *"
        return {("double", ""): "double", ("double", "long long"): "long double",
                ("char", ""): "char", ("char", "wide"): "wint_t",
                ("string", ""): "char *", ("string", "wide"): "wchar_t *",
                ("pointer", ""): "void *", ("object", ""): "object (%@)"}[self.kind, self.size]


class Spec(NamedTuple):
    """What a format string asks for: argument types in order (``%n$`` resolved), and the
    directive that asked for each (for messages)."""

    arguments: tuple[Arg, ...]
    directives: tuple[str, ...]


def _size(modifiers: str) -> str:
    """The size a run of length modifiers means, as gettext 0.21 folds them (one at a time)."""
    size = ""
    for m in modifiers:
        if m == "h":
            size = "char" if size in ("short", "char") else "short"
        elif m == "l":
            size = "long long" if size in ("long", "long long") else "long"
        elif m in "Lq":
            size = "long long"
        else:
            size = {"j": "intmax_t", "z": "size_t", "Z": "size_t", "t": "ptrdiff_t"}[m]
    return size


def _arg(conversion: str, size: str) -> Arg:
    kind = KINDS[conversion]
    assert kind is not None
    if kind in ("integer", "count"):
        return Arg(kind, size, conversion in _UNSIGNED)
    if kind == "double":
        return Arg(kind, "long long" if size == "long long" else "")
    if kind in ("char", "string"):
        wide = conversion in "CS" or size in ("long", "long long")
        return Arg(kind, "wide" if wide else "")
    return Arg(kind)


def _macro(text: str, i: int) -> tuple[Arg, int]:
    """``<PRId64>`` and friends at ``text[i] == '<'``: the argument and where it ends."""
    m = _MACRO.match(text, i)
    if m is None:
        raise FormatError(f"the token after '<' in {text[i:i + 12]!r} is not the name of a "
                          "format specifier macro (ISO C 99 section 7.8.1)")
    if not m.group("end"):
        raise FormatError(f"the token after '<' in {text[i:i + 12]!r} is not followed by '>'")
    width = m.group("width")
    kind = width.rstrip("0123456789")  # "", LEAST, FAST, MAX, PTR
    bits = width[len(kind):]
    size = {"MAX": "intmax_t", "PTR": "intptr_t", "": f"int{bits}_t"}.get(
        kind, f"int_{kind.lower()}{bits}_t")
    return Arg("integer", size, m.group("conv") in _UNSIGNED), m.end()


def _number(text: str, i: int) -> tuple[int | None, int]:
    """An ``m$`` at ``text[i]``: (m, the index after '$'), else (None, i)."""
    j = i
    while j < len(text) and text[j].isdigit() and text[j].isascii():
        j += 1
    if j > i and j < len(text) and text[j] == "$":
        return int(text[i:j]), j + 1
    return None, i


def parse(text: str, *, translated: bool = False, objc: bool = False) -> Spec:
    """The arguments ``text`` asks for (``translated``: a msgstr, where glibc's ``I`` flag is
    allowed); :class:`FormatError` when it is not a valid format string."""
    numbered: list[tuple[int, Arg, str]] = []
    unnumbered: list[tuple[Arg, str]] = []
    directive_no = 0

    def take(number: int | None, arg: Arg, directive: str) -> None:
        if (number is None and numbered) or (number is not None and unnumbered):
            raise FormatError("numbered (%n$, *n$) and unnumbered directives are mixed")
        if number is None:
            unnumbered.append((arg, directive))
        else:
            numbered.append((number, arg, directive))

    i = text.find("%")
    while i != -1:
        start = i
        i += 1
        directive_no += 1
        number, i = _number(text, i)
        if number == 0:
            raise FormatError(f"in directive {directive_no}, argument number 0 is not a "
                              "positive integer")
        pending: list[tuple[int | None, str]] = []  # the * of width and precision
        while i < len(text) and (text[i] in FLAGS or (translated and text[i] == "I")):
            i += 1
        for part in ("width", "precision"):
            if part == "precision":
                if i >= len(text) or text[i] != ".":
                    break
                i += 1
            if i < len(text) and text[i] == "*":
                star, i = _number(text, i + 1)
                if star == 0:
                    raise FormatError(f"in directive {directive_no}, the {part}'s argument "
                                      "number 0 is not a positive integer")
                pending.append((star, part))
            else:
                while i < len(text) and text[i].isdigit() and text[i].isascii():
                    i += 1
        for star, _part in pending:
            take(star, Arg("integer"), "*")
        if i < len(text) and text[i] == "<":
            arg, i = _macro(text, i)
            take(number, arg, text[start:i])
        else:
            j = i
            while i < len(text) and text[i] in SIZES:
                i += 1
            if i >= len(text):
                raise FormatError("the string ends in the middle of a directive "
                                  f"({text[start:]!r}): write %% for a percent sign",
                                  stray=True)
            conversion = text[i]
            i += 1
            if (conversion == "@" and not objc) or conversion not in KINDS:
                lone = i - start == 2
                raise FormatError(f"in directive {directive_no} ({text[start:i]!r}), "
                                  f"{conversion!r} is not a valid conversion specifier"
                                  + (": write %% for a percent sign" if lone else ""),
                                  stray=lone)
            if KINDS[conversion] is not None:
                take(number, _arg(conversion, _size(text[j:i - 1])), text[start:i])
        i = text.find("%", i)
    if not numbered:
        return Spec(tuple(a for a, _ in unnumbered), tuple(d for _, d in unnumbered))
    by_number: dict[int, tuple[Arg, str]] = {}
    for number, arg, directive in numbered:
        seen = by_number.setdefault(number, (arg, directive))
        if seen[0] != arg:
            raise FormatError(f"argument {number} is read in incompatible ways "
                              f"({seen[1]!r} and {directive!r})")
    for expected, number in enumerate(sorted(by_number), start=1):
        if number != expected:
            raise FormatError(f"the string refers to argument {number} but ignores "
                              f"argument {expected}")
    ordered = [by_number[n] for n in sorted(by_number)]
    return Spec(tuple(a for a, _ in ordered), tuple(d for _, d in ordered))


def check(msgid: Spec, msgstr: Spec, *, strict: bool = True,
          names: tuple[str, str] = ("msgid", "msgstr")) -> list[str]:
    """What is wrong with ``msgstr``'s arguments against ``msgid``'s (gettext's
    ``format_check``): the same count (``strict``; else the msgstr may use fewer, as a
    plural form for a single n may) and, argument by argument, the same type."""
    one, two = names
    wanted, found = msgid.arguments, msgstr.arguments
    if len(wanted) != len(found) if strict else len(found) > len(wanted):
        return [f"number of format specifications in {one!r} ({len(wanted)}) and {two!r} "
                f"({len(found)}) does not match"]
    return [f"argument {n} is {wanted[n - 1]} ({msgid.directives[n - 1]!r}) in the {one} but "
            f"{found[n - 1]} ({msgstr.directives[n - 1]!r}) in the {two}"
            for n in range(1, len(found) + 1) if found[n - 1] != wanted[n - 1]]
