"""A strict reader of PO syntax: what msgfmt rejects, with the line where it happens.

polib and Babel both read some broken files without a word (an unterminated string, a
``msgstr`` with no ``msgid``).  This lexer walks the file line by line and returns every
problem it finds, so a catalog is judged before any library interprets it.

>>> syntax_errors('msgid "a"\\nmsgstr "b\\n')
[(2, 'unterminated string')]
>>> syntax_errors('msgid "a"\\nmsgstr "b"\\n')
[]
"""

from __future__ import annotations

import re

# "Unrolled" so that the regex engine repeats a character class, not an alternation (which
# keeps a backtracking frame per character and slows down on very long strings).
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_KEYWORD_LINE = re.compile(
    rf"(?P<obsolete>#~\s*)?(?P<prev>#\|\s*)?(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<n>\d+)\])?)"
    rf"\s+(?P<str>{_STRING})\s*$"
)
_CONTINUATION = re.compile(rf"(?P<obsolete>#~\s*)?(?P<prev>#\|\s*)?(?P<str>{_STRING})\s*$")
_LOOSE_KEYWORD = re.compile(r"(?:#~\s*)?(msgctxt|msgid_plural|msgid|msgstr)")
_STATE_AFTER = {"msgctxt": "ctxt", "msgid": "id", "msgid_plural": "plural", "msgstr": "str"}
_VALID_ESCAPE = re.compile(r'\\(?:[ntrabfv"\\\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+)')


_ESCAPE = re.compile(r"\\.")


def _bad_escape(string: str) -> str | None:
    body = string[1:-1]
    if "\\" not in body:
        return None
    for match in _ESCAPE.finditer(body):
        if not _VALID_ESCAPE.match(body, match.start()):
            return match.group()
    return None


def syntax_errors(text: str) -> list[tuple[int, str]]:
    """Return ``(line, message)`` for each syntax error of a PO file's text."""
    errors: list[tuple[int, str]] = []
    state = "start"  # start | ctxt | id | plural | str
    last_kw_line = 0
    plural_indices: list[int] = []

    def end_entry(line: int) -> None:
        if state in ("ctxt", "id", "plural"):
            errors.append((last_kw_line, "entry has no msgstr"))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith(("#~", "#|"))):
            if not line and state != "start":
                end_entry(number)
                state = "start"
            elif line and state in ("ctxt", "id", "plural"):
                errors.append((number, "comment inside an entry (comments go before msgctxt "
                                       "or msgid)"))
            continue
        if line.startswith("#|"):
            continue  # previous msgid (fuzzy context): not checked further
        m = _KEYWORD_LINE.match(line)
        if m is None:
            if _CONTINUATION.match(line):
                if state == "start":
                    errors.append((number, "string without a keyword"))
                bad = _bad_escape(_CONTINUATION.match(line).group("str"))  # type: ignore[union-attr]
                if bad:
                    errors.append((number, f"invalid escape sequence {bad!r}"))
                continue
            if line.startswith("#~"):
                continue  # obsolete comment lines
            unbalanced = line.count('"') % 2 == 1
            if unbalanced or (line.startswith(("msg", '"')) and not line.endswith('"')):
                errors.append((number, "unterminated string"))
            else:
                errors.append((number, f"cannot parse: {raw[:60]!r}"))
            loose = _LOOSE_KEYWORD.match(line)
            if loose:  # carry on as if the keyword were well formed: one error, not two
                state = _STATE_AFTER[loose.group(1)]
                last_kw_line = number
            continue
        bad = _bad_escape(m.group("str"))
        if bad:
            errors.append((number, f"invalid escape sequence {bad!r}"))
        keyword = m.group("kw")
        if keyword == "msgctxt":
            if state not in ("start", "str"):
                errors.append((number, "msgctxt inside an entry"))
            state = "ctxt"
        elif keyword == "msgid":
            if state in ("id", "plural"):
                errors.append((number, "msgid follows msgid without a msgstr"))
            state = "id"
            plural_indices = []
        elif keyword == "msgid_plural":
            if state != "id":
                errors.append((number, "msgid_plural without a msgid"))
            state = "plural"
        elif m.group("n") is not None:
            index = int(m.group("n"))
            if state not in ("plural", "str") or (state == "str" and not plural_indices):
                errors.append((number, "msgstr[n] in an entry without msgid_plural"))
            elif index != len(plural_indices):
                errors.append((number, f"msgstr[{index}] out of order (expected "
                                       f"msgstr[{len(plural_indices)}])"))
            plural_indices.append(index)
            state = "str"
        else:
            if state == "plural":
                errors.append((number, "plural entry needs msgstr[0], msgstr[1]…, not msgstr"))
            elif state not in ("id",):
                errors.append((number, "msgstr without a msgid"))
            state = "str"
        last_kw_line = number
    end_entry(last_kw_line)
    return errors


_KEYWORD = r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)"
_TWO_ON_ONE_LINE = re.compile(
    rf'^(?P<prefix>\s*(?:#~\s*)?)(?P<first>{_KEYWORD}\s+"(?:[^"\\]|\\.)*")\s+'
    rf'(?P<rest>{_KEYWORD}\s+".*)$')


def one_keyword_a_line(text: str) -> tuple[str, list[int]]:
    """``text`` with entries written on one line (``msgid "2" msgstr "2"``, which msgfmt
    accepts) split one keyword a line, and for each line of the result the line of ``text``
    it comes from.

    >>> one_keyword_a_line('msgid "2" msgstr "2"\\n')
    ('msgid "2"\\nmsgstr "2"\\n', [1, 1, 2])
    """
    lines: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        while (m := _TWO_ON_ONE_LINE.match(line)) is not None:
            lines.append(m.group("prefix") + m.group("first"))
            origin.append(number)
            line = m.group("prefix") + m.group("rest")
        lines.append(line)
        origin.append(number)
    return "\n".join(lines), origin
