"""Format strings checked as ``msgfmt -c`` (GNU gettext 0.21) checks them: by the entry's flag.

An entry flagged ``c-format``, ``objc-format``, ``python-format`` or ``python-brace-format``
(or ``possible-…-format``, which msgfmt checks too) is read with that language's grammar
(:mod:`~translit_service.catalogs.format_c`, :mod:`~translit_service.catalogs.format_python`)
and each translation is compared with the msgid, or with the msgid_plural in a plural entry:

* a msgid that is not a valid format string is not checked (msgfmt's rule: the programmer's
  string decides what the format is, and an invalid one says nothing);
* a msgstr that is not valid is an error (``printf`` or ``%`` would fail or misprint);
* the arguments must agree, type for type (see the modules for the type lattices).  The
  comparison is *strict* (the same arguments) except for a plural form that serves a single
  ``n`` (English's ``msgstr[0]``, or any form the ``range:`` flag narrows to one ``n``):
  there the translation may leave arguments out (``"one file"`` for ``"%d files"``).

:func:`compare` returns the problems (an empty list when msgfmt would be content).

>>> compare("c-format", "%s of %s", "%2$s od %1$s"), compare("c-format", "%2s", "%3s")
([], [])
>>> compare("c-format", "%d of %d", "%d od %ld")
["argument 2 is int ('%d') in the msgid but long int ('%ld') in the msgstr"]
>>> compare("python-format", "%(n)d", "%(n)s")
["argument 'n' is integer ('%(n)d') in the msgid but string ('%(n)s') in the msgstr"]
>>> compare("python-brace-format", "{0}{1}{2}", "{2}{1}{0}")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from . import format_c, format_python
from .format_c import FormatError

#: The formats we read, each with its flag's two negations and its "possible" form.
FORMAT_FLAGS = ("c-format", "objc-format", "python-format", "python-brace-format")
NEGATIONS = {f: "no-" + f for f in FORMAT_FLAGS}
IMPOSSIBLE = {f: "impossible-" + f for f in FORMAT_FLAGS}
POSSIBLE = {f: "possible-" + f for f in FORMAT_FLAGS}
#: Flags whose directives are %-directives (what a stray % breaks).
PERCENT_FORMATS = ("c-format", "objc-format", "python-format")

_Parser = Callable[[str, bool], Any]
_Checker = Callable[..., list[str]]
_LANGUAGES: dict[str, tuple[_Parser, _Checker]] = {
    "c-format": (lambda text, translated: format_c.parse(text, translated=translated),
                 format_c.check),
    "objc-format": (lambda text, translated: format_c.parse(text, translated=translated,
                                                            objc=True), format_c.check),
    "python-format": (lambda text, translated: format_python.parse_percent(text),
                      format_python.check_percent),
    "python-brace-format": (lambda text, translated: format_python.parse_brace(text),
                            format_python.check_brace),
}


def formats_of(flags: Sequence[str]) -> list[str]:
    """The formats an entry's flags ask msgfmt to check (``c-format`` or
    ``possible-c-format``; a ``no-``/``impossible-`` flag wins, as in msgfmt).

    >>> formats_of(["fuzzy", "python-format"]), formats_of(["c-format", "no-c-format"])
    (['python-format'], [])
    """
    return [f for f in FORMAT_FLAGS
            if (f in flags or POSSIBLE[f] in flags)
            and NEGATIONS[f] not in flags and IMPOSSIBLE[f] not in flags]


def _parse(flag: str, text: str, translated: bool) -> Any:
    return _LANGUAGES[flag][0](text, translated)


def invalid_reason(flag: str, text: str, *, translated: bool = True) -> FormatError | None:
    """Why ``text`` is not a valid ``flag`` string (the error), or None when it is."""
    try:
        _parse(flag, text, translated)
    except FormatError as exc:
        return exc
    return None


def _problems(flag: str, source: str, translation: str, strict: bool,
              names: tuple[str, str]) -> list[tuple[str, str]]:
    """``(code, message)`` for each problem: ``stray-percent`` for a msgstr made invalid by a
    ``%`` that starts no directive, ``format`` for the rest."""
    try:
        wanted = _parse(flag, source, False)
    except FormatError:
        return []
    try:
        found = _parse(flag, translation, True)
    except FormatError as exc:
        return [("stray-percent" if exc.stray else "format",
                 f"the {names[1]} is not a valid {flag} string: {exc}")]
    problems = [("format", message)
                for message in _LANGUAGES[flag][1](wanted, found, strict=strict, names=names)]
    if flag == "python-brace-format":  # stricter than msgfmt 0.21, which reads it as text
        lone = format_python.single_closing_brace(translation)
        if lone is not None and format_python.single_closing_brace(source) is None:
            problems.append(("format", f"the {names[1]} has a single '}}' "
                             f"({translation[max(0, lone - 10):lone + 1]!r}): str.format raises "
                             "ValueError on it; write '}}' for a brace"))
    return problems


def compare(flag: str, source: str, translation: str, *, strict: bool = True,
            names: tuple[str, str] = ("msgid", "msgstr")) -> list[str]:
    """What ``msgfmt -c`` finds wrong with ``translation`` of ``source`` in format ``flag``
    (nothing when ``source`` itself is not a valid format string: see the module)."""
    return [message for _, message in _problems(flag, source, translation, strict, names)]


_RANGE = re.compile(r"range:\s*(\d+)\s*\.\.\s*(\d+)")


def single_n_forms(plural_indices: Sequence[int] | None, flags: Sequence[str],
                   nplurals: int) -> set[int]:
    """The plural forms that serve so few ``n`` that msgfmt compares them relaxed: a form
    the rule gives fewer than 5 of 0..1000 (English's singular serves n = 1 only), or one
    the entry's ``range: a..b`` flag narrows to at most one ``n``.

    >>> single_n_forms([1, 0] + [1] * 999, [], 2), single_n_forms(None, [], 2)
    ({0}, set())
    """
    if plural_indices is None:
        return set()
    table = list(plural_indices[:1001])
    forms = {j for j in range(nplurals) if table.count(j) < 5}
    for flag in flags:
        m = _RANGE.fullmatch(flag.strip())
        if m:
            low, high = int(m.group(1)), min(int(m.group(2)), int(m.group(1)) + 1000)
            window = [plural_indices[n] for n in range(low, high + 1)
                      if n < len(plural_indices)]
            forms |= {j for j in range(nplurals) if window.count(j) <= 1}
    return forms


def check_entry(flags: Sequence[str], msgid: str, msgid_plural: str | None,
                msgstrs: Sequence[str], *, relaxed: set[int] | frozenset[int] = frozenset(),
                implied: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The format problems of one entry as msgfmt -c finds them, ``(code, message)``: each
    msgstr (each plural form ``msgstr[j]``) against the msgid (the msgid_plural in a plural
    entry), relaxed for the forms in ``relaxed``.  ``implied`` formats are checked as if
    flagged, and with a msgid that is not valid the msgstr is checked on its own (for a caller
    that knows every string is formatted, whatever its msgid says: the site's catalogs).

    >>> check_entry(["python-format"], "%(n)d file", "%(n)d files", ["jedan fajl", "%(n)d"],
    ...             relaxed={0})
    []
    >>> check_entry([], "Done: 100", None, ["Gotovo: 100%"], implied=["python-format"])[0][0]
    'stray-percent'
    """
    source = msgid_plural if msgid_plural is not None else msgid
    plural = msgid_plural is not None
    declared = formats_of(flags)
    problems = []
    for flag in [*declared, *(f for f in implied if f not in declared)]:
        alone = flag in implied and invalid_reason(flag, source, translated=False) is not None
        for j, text in enumerate(msgstrs):
            names = ("msgid_plural" if plural else "msgid", f"msgstr[{j}]" if plural else "msgstr")
            if alone:
                reason = invalid_reason(flag, text)
                found = [("stray-percent" if reason.stray else "format",
                          f"the {names[1]} is not a valid {flag} string: {reason}")
                         ] if reason else []
            else:
                strict = not (plural and len(msgstrs) > 1 and j in relaxed)
                found = _problems(flag, source, text, strict, names)
            problems += [(code, f"{flag}: {message}") for code, message in found]
    return problems
