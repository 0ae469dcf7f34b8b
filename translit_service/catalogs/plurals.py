"""Plural rules compared by what they mean, not by how they are spelt.

CLDR (and so Babel) has written Serbian's rule in more than one way over the years; gettext
only cares which form each ``n`` gets.  Two ``Plural-Forms`` are the same when they have the
same ``nplurals`` and give every ``n`` from 0 to :data:`CHECKED_UP_TO` the same index
(a rule built from ``%``, comparisons and ``?:`` over small moduli repeats well before that).

>>> old = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
...        "(n%100<10 || n%100>=20) ? 1 : 2);")
>>> new = ("nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && "
...        "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);")
>>> same_plural_rule(old, new)
True
>>> same_plural_rule(old, "nplurals=2; plural=(n != 1);")
False
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

CHECKED_UP_TO = 10_000

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_PLURAL = re.compile(r"plural\s*=\s*(.+?)\s*;?\s*$", re.S)


def nplurals(plural_forms: str) -> int | None:
    """The ``nplurals`` a ``Plural-Forms`` value declares, or None."""
    m = _NPLURALS.search(plural_forms)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=64)
def plural_indices(plural_forms: str) -> tuple[int, ...] | None:
    """The plural index of every n in 0..CHECKED_UP_TO, or None when the value is not a
    valid rule (gettext's own parser reads the expression: no ``eval`` of catalog text)."""
    count = nplurals(plural_forms)
    m = _PLURAL.search(plural_forms)
    if count is None or m is None:
        return None
    try:
        rule = gettext.c2py(m.group(1))
        indices = tuple(rule(n) for n in range(CHECKED_UP_TO + 1))
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError):
        return None
    if any(not 0 <= i < count for i in indices):
        return None
    return indices


def same_plural_rule(a: str, b: str) -> bool:
    """True when the two ``Plural-Forms`` values mean the same (see the module docstring)."""
    if a == b:
        return True
    if nplurals(a) != nplurals(b):
        return False
    first, second = plural_indices(a), plural_indices(b)
    return first is not None and first == second
