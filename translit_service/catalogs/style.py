"""What pofilter warns about and a Serbian translator wants to hear: style, never errors.

:func:`style_warnings` looks at one msgid/msgstr pair and returns ``(code, message)`` for a
blank translation, changed URLs or e-mail addresses, changed ``href``/``src`` values,
different leading or trailing whitespace, a new double space, end punctuation lost or added,
and a doubled word.  The checker reports them as warnings that ``--strict`` leaves warnings
(:data:`STYLE_CODES`): a translator may have good reasons for each.

>>> style_warnings("Done.", "Gotovo")
[('end-punctuation', 'end punctuation lost or added')]
>>> style_warnings("See https://example.org/a", "Vidi https://example.org/a")
[]
"""

from __future__ import annotations

import re

# An address starts where a run of its characters starts: one try a run, not one a character
# (linear on a megabyte without an @).
_URL_OR_EMAIL = re.compile(
    r"(?:https?|ftp)://[^\s<>\"')\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_END = ".!?:;…"
#: The style warnings (pofilter's): reported, never made errors by --strict.
STYLE_CODES = frozenset({"blank", "urls", "link-attributes", "whitespace", "double-space",
                         "end-punctuation", "doubled-word"})


def style_warnings(source: str, translation: str) -> list[tuple[str, str]]:
    """The style warnings of ``translation`` of ``source`` (see the module docstring)."""
    if translation and not translation.strip():
        return [("blank", "the translation is only whitespace")]
    found = []
    if sorted(_URL_OR_EMAIL.findall(source)) != sorted(_URL_OR_EMAIL.findall(translation)):
        found.append(("urls", "URLs or e-mail addresses differ from the msgid's"))
    links = [a or b for a, b in _LINK_ATTRIBUTE.findall(source)]
    if links != [a or b for a, b in _LINK_ATTRIBUTE.findall(translation)]:
        found.append(("link-attributes", "href or src values differ from the msgid's"))
    for where, first, second in (("leading", source[:1], translation[:1]),
                                 ("trailing", source[-1:], translation[-1:])):
        if first.isspace() != second.isspace():
            found.append(("whitespace", f"{where} whitespace differs from the msgid's"))
    if "  " in translation and "  " not in source:
        found.append(("double-space", "a double space the msgid does not have"))
    if (source.rstrip()[-1:] in _END) != (translation.rstrip()[-1:] in _END) and source.strip():
        found.append(("end-punctuation", "end punctuation lost or added"))
    doubled = _DOUBLED.search(translation)
    if doubled and not _DOUBLED.search(source) and not doubled.group(1).isdigit():
        found.append(("doubled-word", f"doubled word {doubled.group()!r}"))
    return found
