"""What must not be transliterated: the protected spans of a text.

:mod:`.scanner` finds them in one left-to-right pass (placeholders, markup, addresses, code,
identifiers, Roman numerals, acronyms, ``-{ }-``); :mod:`.tokens` holds the token-level rules
(addresses and file names, mnemonics, foreign words, unit symbols, and which tokens convert
the same wherever they stand).

>>> [s.keep for s in protected_spans("Pošalji %(count)d fajlova na ana@example.com")]
['%(count)d', 'ana@example.com']
"""

from __future__ import annotations

from .scanner import has_trigger, protected_spans
from .tokens import (
    ENTITY,
    UNIT_SYMBOLS,
    Span,
    classify_token,
    context_free,
    context_tokens,
    foreign_spans,
    opens_span,
    unit_spans,
    whole_token,
    word_page,
)

__all__ = ["ENTITY", "UNIT_SYMBOLS", "Span", "classify_token", "context_free", "context_tokens",
           "foreign_spans", "has_trigger", "opens_span", "protected_spans", "unit_spans",
           "whole_token", "word_page"]
