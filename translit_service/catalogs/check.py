"""Check a gettext catalog as strictly as ``msgfmt -c``, and more.

Checkers *return* problems (``path:line: severity: message [code]``); nothing is printed or
raised for a bad catalog.  Errors: syntax, header (Content-Type charset, Language,
Plural-Forms), duplicate entries, plural forms missing or of the wrong number, leading or
trailing newlines that differ (msgfmt -c), %-placeholders and ``{}`` placeholders that differ,
tags and entities that differ, and a word mixing Latin and Cyrillic letters in a Serbian
catalog.  Warnings (errors with ``strict=True``): untranslated and fuzzy entries, and a
translation in the other script.

>>> text = ('msgid ""\\nmsgstr ""\\n"Content-Type: text/plain; charset=UTF-8\\\\n"\\n'
...         '"Language: sr_Latn\\\\n"\\n')
>>> problems = check_text(text, "x.po")
>>> [p.code for p in problems]
['plural-forms']
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import polib

from .. import engine, locales
from . import placeholders
from .syntax import syntax_errors


class Problem(NamedTuple):
    path: str
    line: int
    severity: str  # "error" or "warning"
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message} [{self.code}]"


class Stats(NamedTuple):
    total: int
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def percent(self) -> float:
        return round(100 * self.translated / self.total, 1) if self.total else 100.0


_WORD = re.compile(r"[^\W\d_]+")


def locale_of(path: str | Path) -> str | None:
    """The locale a catalog's path names: ``locales/sr_Latn/LC_MESSAGES/messages.po`` or an
    article's ``sr_Latn.po``."""
    parts = Path(path).parts
    if "LC_MESSAGES" in parts:
        index = parts.index("LC_MESSAGES")
        return parts[index - 1] if index else None
    stem = Path(path).stem
    return stem if stem in locales.BY_LOCALE else None


def is_translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def stats(po: polib.POFile) -> Stats:
    entries = [e for e in po if not e.obsolete]
    fuzzy = sum(1 for e in entries if "fuzzy" in e.flags)
    translated = sum(1 for e in entries if "fuzzy" not in e.flags and is_translated(e))
    return Stats(len(entries), translated, fuzzy, len(entries) - translated - fuzzy)


def _nplurals(plural_forms: str) -> int | None:
    m = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    return int(m.group(1)) if m else None


def _normalise(plural_forms: str) -> str:
    return re.sub(r"\s+", "", plural_forms).rstrip(";")


class _Checker:
    def __init__(self, path: str, locale: str | None, strict: bool) -> None:
        self.path = path
        self.locale = locale
        self.strict = strict
        self.problems: list[Problem] = []

    def add(self, line: int, code: str, message: str, severity: str = "error") -> None:
        if severity == "warning" and self.strict:
            severity = "error"
        self.problems.append(Problem(self.path, line, severity, code, message))

    def header(self, po: polib.POFile) -> int | None:
        meta = po.metadata
        if po.metadata_is_fuzzy:
            self.add(1, "header-fuzzy", "the header is marked fuzzy: msgfmt drops it, and with "
                                        "it the charset and plural forms")
        defaults = (("PO-Revision-Date", "YEAR-MO-DA"), ("Last-Translator", "FULL NAME"))
        for field, default in defaults:
            if meta.get(field, "").startswith(default):
                self.add(1, "header-default", f"header field {field!r} still has its initial "
                                              "default value", "warning")
        content_type = meta.get("Content-Type", "")
        charset = re.search(r"charset=([\w-]+)", content_type)
        if not charset or charset.group(1).lower() != "utf-8":
            self.add(1, "header-charset",
                     f"Content-Type must be 'text/plain; charset=UTF-8', not {content_type!r}")
        language = meta.get("Language", "")
        if self.locale is None and language in locales.BY_LOCALE:
            self.locale = language  # no locale in the path: trust the header for the rest
        expected = locales.BY_LOCALE.get(self.locale or language)
        if not language:
            self.add(1, "header-language", "the header has no Language")
        elif self.locale and language != self.locale:
            self.add(1, "header-language",
                     f"Language is {language!r} but the catalog is for {self.locale!r}")
        plural_forms = meta.get("Plural-Forms", "")
        nplurals = _nplurals(plural_forms)
        if not plural_forms or nplurals is None:
            self.add(1, "plural-forms", "the header has no valid Plural-Forms")
        elif expected and _normalise(plural_forms) != _normalise(expected.plural_forms):
            self.add(1, "plural-forms", f"Plural-Forms for {expected.locale} must be "
                                        f"{expected.plural_forms!r}, not {plural_forms!r}")
            nplurals = _nplurals(expected.plural_forms)
        return nplurals

    def entry(self, entry: polib.POEntry, nplurals: int | None) -> None:
        line = entry.linenum or 0
        if entry.msgid_plural and nplurals is not None and entry.msgstr_plural and any(
            entry.msgstr_plural.values()
        ):
            indices = sorted(int(k) for k in entry.msgstr_plural)
            if indices != list(range(nplurals)):
                self.add(line, "plural-count", f"{len(indices)} plural forms, the header says "
                                               f"{nplurals}")
        if "fuzzy" in entry.flags or not is_translated(entry):
            return
        pairs = [(entry.msgid, entry.msgstr)] if not entry.msgid_plural else [
            (entry.msgid if int(k) == 0 and nplurals == 2 else entry.msgid_plural, v)
            for k, v in sorted(entry.msgstr_plural.items(), key=lambda kv: int(kv[0]))
        ]
        for source, translation in pairs:
            self.pair(line, source, translation)

    def pair(self, line: int, source: str, translation: str) -> None:
        for edge, where in ((str.startswith, "begin"), (str.endswith, "end")):
            if edge(source, "\n") != edge(translation, "\n"):
                self.add(line, "newline", f"msgid and msgstr do not both {where} with \\n")
        if not placeholders.same_percent_placeholders(source, translation):
            self.add(line, "placeholders", "%-placeholders differ: "
                     f"{placeholders.python_format(source)} vs "
                     f"{placeholders.python_format(translation)}")
        if placeholders.brace_format(source) != placeholders.brace_format(translation):
            self.add(line, "placeholders", "{}-placeholders differ: "
                     f"{placeholders.brace_format(source)} vs "
                     f"{placeholders.brace_format(translation)}")
        if placeholders.markup(source) != placeholders.markup(translation):
            self.add(line, "markup", f"tags or entities differ: {placeholders.markup(source)} "
                                     f"vs {placeholders.markup(translation)}")
        variant = locales.BY_LOCALE.get(self.locale or "")
        if variant and variant.script:
            for word in _WORD.findall(translation):
                if engine.CYRILLIC_LETTER.search(word) and engine.LATIN_LETTER.search(word):
                    self.add(line, "mixed-script", f"word {word!r} mixes Latin and Cyrillic")
            found = engine.detect_script(translation).script
            other = {"latn": "cyrl", "cyrl": "latn"}[variant.script]
            if found == other:
                self.add(line, "script", f"translation is in the wrong script for "
                                         f"{variant.locale}", "warning")

    def counts(self, po: polib.POFile) -> None:
        for entry in po:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                self.add((entry.linenum or 0), "fuzzy", "fuzzy entry", "warning")
            elif not is_translated(entry):
                self.add((entry.linenum or 0), "untranslated", "untranslated entry", "warning")

    def duplicates(self, po: polib.POFile) -> None:
        seen = Counter((e.msgctxt, e.msgid) for e in po if not e.obsolete)
        for entry in po:
            if not entry.obsolete and seen[(entry.msgctxt, entry.msgid)] > 1:
                self.add((entry.linenum or 0), "duplicate", f"duplicate entry {entry.msgid[:40]!r}")


def check_text(text: str, path: str = "<catalog>", *, locale: str | None = None,
               strict: bool = False) -> list[Problem]:
    """Check a catalog's text; see the module docstring for the rules."""
    checker = _Checker(path, locale or locale_of(path), strict)
    for line, message in syntax_errors(text):
        checker.add(line, "syntax", message)
    if checker.problems:
        return checker.problems
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as exc:
        checker.add(1, "syntax", str(exc))
        return checker.problems
    nplurals = checker.header(po)
    checker.duplicates(po)
    for entry in po:
        if not entry.obsolete:
            checker.entry(entry, nplurals)
    checker.counts(po)
    return sorted(checker.problems, key=lambda p: (p.line, p.code))


def check_catalog(path: str | Path, *, locale: str | None = None,
                  strict: bool = False) -> list[Problem]:
    """Check the catalog file at ``path`` (unreadable or non-UTF-8 files are problems too)."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [Problem(name, 0, "error", "io", exc.strerror or str(exc))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [Problem(name, line, "error", "encoding", "not valid UTF-8")]
    return check_text(text, name, locale=locale, strict=strict)
