"""What a translation must carry over from its source: placeholders, tags and entities.

>>> python_format("%(count)d od %s i %%")
['%(count)d', '%s']
>>> brace_format("{name} i {0} i {{ literal }}")
['{0}', '{name}']
>>> markup("<b>Vesti</b> &nbsp; <a href='x'> %<PRId64>")
['&nbsp;', '</b>', '<a>', '<b>']
"""

from __future__ import annotations

import html
import re

from ..spans import ENTITY

# Python's %-format, space flag included: a checker must see every placeholder gettext's
# python-format sees.  (The engine's own pattern in spans.py leaves the space flag out, so that
# "50% dece" is not read as a placeholder and kept Latin.)
# The width starts with 1-9 (a leading 0 is a flag, as in printf), so that flags and width
# cannot both claim a run of zeros: "%000…0" is read in linear time, not quadratic.
_PERCENT = re.compile(
    r"%(?:\((?P<name>[^()]*)\))?(?:\d+\$)?[-#0 +]*(?:\*|[1-9]\d*)?(?:\.(?:\*|\d+))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?(?P<conv>[diouxXeEfFgGcrsa%])"
)
_BRACE = re.compile(r"\{\{|\}\}|\{([^{}\s]*)\}")
# Greedy up to ">" (a lazy body followed by optional "/" and spaces backtracks quadratically on
# "<a" and a long run of spaces); a self-closing slash is read from the body afterwards.
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:-]*)([^<>]*)>")
# printf's <inttypes.h> directives (%<PRId64>, %5$-<PRIu32>) look like tags and are not.
_SYSDEP = re.compile(r"(%[-+ #0'I\d.*$]*)<(PRI\w*>?)")


def python_format(text: str) -> list[str]:
    """The %-placeholders of ``text`` (``%%`` is a literal, not a placeholder), in order."""
    return [m.group() for m in _PERCENT.finditer(text) if m.group("conv") != "%"]


def stray_percents(text: str) -> list[int]:
    """Indices of the ``%`` signs that start no valid %-directive (``%%`` is valid): Python's
    ``text % values`` raises on each of them ("unsupported format character").

    >>> stray_percents("100%"), stray_percents("100%% i %(n)d"), stray_percents("5% manje")
    ([3], [], [1])
    """
    stray = []
    pos = text.find("%")
    while pos != -1:
        m = _PERCENT.match(text, pos)
        if m is None:
            stray.append(pos)
            pos = text.find("%", pos + 1)
        else:
            pos = text.find("%", m.end())
    return stray


def is_safe_format(text: str) -> bool:
    """True when ``text % values`` cannot fail on the string itself (every % is a directive).

    >>> is_safe_format("%(count)d vesti, 100%%"), is_safe_format("MLO Beograd 100%")
    (True, False)
    """
    return "%" not in text or not stray_percents(text)


def brace_format(text: str) -> list[str]:
    """The ``{field}`` placeholders of ``text`` (``{{``/``}}`` are literals), sorted."""
    return sorted(m.group() for m in _BRACE.finditer(text) if m.group(1) is not None)


def markup(text: str) -> list[str]:
    """The tags (by name, open/close/void; attributes ignored) and entities of ``text``,
    sorted, so that two texts with the same markup in another order compare equal."""
    tags = [f"<{m.group(1)}{m.group(2).lower()}{'/' if m.group(3).rstrip().endswith('/') else ''}>"
            for m in _TAG.finditer(_SYSDEP.sub(r"\1\2", text))]
    return sorted(tags + ENTITY.findall(text))


def _decoded(text: str) -> str:
    return ENTITY.sub(lambda m: html.unescape(m.group()), text)


def same_markup(source: str, translation: str) -> bool:
    """The same tags, and every character an entity of either text stands for as often in
    both, written as an entity or not: ``&amp;`` and ``&``, ``&mdash;`` and ``—``,
    ``&#160;`` and ``&nbsp;`` are the same text (what a browser shows).

    >>> same_markup("Tom &amp; Jerry &mdash; <b>now</b>", "Tom & Džeri — <b>sada</b>")
    True
    >>> same_markup("a&nbsp;b", "a b"), same_markup("<b>x</b>", "<i>x</i>")
    (False, False)
    """
    def tags(text: str) -> list[str]:
        return [t for t in markup(text) if t.startswith("<")]

    if tags(source) != tags(translation):
        return False
    characters = {html.unescape(e) for e in ENTITY.findall(source) + ENTITY.findall(translation)}
    plain_source, plain_translation = _decoded(source), _decoded(translation)
    return all(plain_source.count(c) == plain_translation.count(c) for c in characters)


def same_percent_placeholders(source: str, translation: str) -> bool:
    """Named or numbered (%1$s) placeholders may be reordered; plain ones must keep their order.

    >>> same_percent_placeholders("%(a)s %(b)s", "%(b)s %(a)s")
    True
    >>> same_percent_placeholders("%s %d", "%d %s")
    False
    """
    a, b = python_format(source), python_format(translation)
    if any("(" in p or "$" in p for p in a + b):
        return sorted(a) == sorted(b)
    return a == b


def same_placeholders_and_markup(source: str, derived: str) -> bool:
    """True when ``derived`` has exactly the %- and {}-placeholders, tags and entities of
    ``source`` (what derivation must never change).

    >>> same_placeholders_and_markup("%(n)d <b>vesti</b>", "%(n)d <b>вести</b>")
    True
    """
    return (python_format(source) == python_format(derived)
            and brace_format(source) == brace_format(derived)
            and markup(source) == markup(derived))
