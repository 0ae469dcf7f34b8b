"""Check a gettext catalog as strictly as ``msgfmt -c``, and more.

Rules are functions in a list (:data:`CATALOG_RULES`, :data:`PAIR_RULES`) that *return*
what they find, configured by a :class:`CheckConfig`; :func:`check_text` returns problems
(``path:line: severity: message [code]``); nothing is printed or raised for a bad catalog.
Errors: syntax, header (Content-Type charset, Language, Plural-Forms), duplicate entries,
plural forms missing or of the wrong number, leading or trailing newlines that differ
(msgfmt -c), %-placeholders and ``{}`` placeholders that differ, tags and entities that
differ, and a word mixing Latin and Cyrillic letters in a Serbian catalog.  Warnings (errors
with ``strict=True``): untranslated and fuzzy entries, and a translation in the other script.

>>> text = ('msgid ""\\nmsgstr ""\\n"Content-Type: text/plain; charset=UTF-8\\\\n"\\n'
...         '"Language: sr_Latn\\\\n"\\n')
>>> problems = check_text(text, "x.po")
>>> [p.code for p in problems]
['plural-forms']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import polib

from .. import locales
from ..engine import CYRILLIC_LETTER, LATIN_LETTER, Transliterator, default_transliterator
from ..errors import CatalogError, DecodeError
from ..fileio import decode, read_text
from . import formats, placeholders, plurals
from . import hashes as derived_hashes
from .syntax import one_keyword_a_line, syntax_errors


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


class Finding(NamedTuple):
    """What a rule found: where, which rule, what, and how bad (before ``strict``)."""

    line: int
    code: str
    message: str
    severity: str = "error"


@dataclass
class CheckConfig:
    """What the rules read: the catalog's locale, strictness and the transliterator (for
    script checks).  ``nplurals`` is set by the header rule for the rules after it."""

    path: str = "<catalog>"
    locale: str | None = None
    strict: bool = False
    transliterator: Transliterator = field(default_factory=default_transliterator)
    nplurals: int | None = None
    #: Every msgstr is %-formatted when used, as the site's templates do (Jinja's newstyle
    #: gettext applies ``%`` even without variables): a stray % is then an error everywhere.
    always_format: bool = False
    flags: tuple[str, ...] = ()  # the flags of the entry the pair rules are looking at
    #: What derive wrote into this catalog, when it is a derived one (its sidecar).
    derived_hashes: Mapping[str, str] = field(default_factory=dict)


CatalogRule = Callable[[polib.POFile, CheckConfig], Iterator[Finding]]
PairRule = Callable[[str, str, CheckConfig], Iterator[tuple[str, str, str]]]


# -- rules over the whole catalog ------------------------------------------------------------
def header_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Header: not fuzzy, charset UTF-8, Language and Plural-Forms right for the locale."""
    meta = po.metadata
    if po.metadata_is_fuzzy:
        yield Finding(1, "header-fuzzy", "the header is marked fuzzy: msgfmt drops it, and "
                                         "with it the charset and plural forms")
    defaults = (("PO-Revision-Date", "YEAR-MO-DA"), ("Last-Translator", "FULL NAME"))
    for name, default in defaults:
        if meta.get(name, "").startswith(default):
            yield Finding(1, "header-default", f"header field {name!r} still has its initial "
                                               "default value", "warning")
    content_type = meta.get("Content-Type", "")
    charset = re.search(r"charset=([\w-]+)", content_type)
    if not charset or charset.group(1).lower() != "utf-8":
        yield Finding(1, "header-charset",
                      f"Content-Type must be 'text/plain; charset=UTF-8', not {content_type!r}")
    language = meta.get("Language", "")
    named = locales.variant_for(language)  # sr_Latn, sr@latin (GNU), sr-Latn…
    if config.locale is None and named is not None:
        config.locale = named.locale  # no locale in the path: trust the header for the rest
    expected = locales.BY_LOCALE.get(config.locale or "")
    if not language:
        yield Finding(1, "header-language", "the header has no Language")
    elif config.locale and (named is None or named.locale != config.locale):
        yield Finding(1, "header-language",
                      f"Language is {language!r} but the catalog is for {config.locale!r}")
    plural_forms = meta.get("Plural-Forms", "")
    nplurals = plurals.nplurals(plural_forms)
    if not plural_forms or nplurals is None:
        yield Finding(1, "plural-forms", "the header has no valid Plural-Forms")
    elif expected and not plurals.same_plural_rule(plural_forms, expected.plural_forms):
        # Compared by meaning (the same form for every n), never by spelling: CLDR and so
        # Babel have spelt Serbian's rule in more than one way.
        yield Finding(1, "plural-forms", f"Plural-Forms for {expected.locale} must mean "
                                         f"{expected.plural_forms!r}, not {plural_forms!r}")
        nplurals = plurals.nplurals(expected.plural_forms)
    config.nplurals = nplurals


def duplicates_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """No two entries with the same context and msgid, obsolete ones included (msgfmt)."""
    seen = Counter((e.msgctxt, e.msgid) for e in po)
    for entry in po:
        if seen[(entry.msgctxt, entry.msgid)] > 1:
            yield Finding(entry.linenum or 0, "duplicate",
                          f"duplicate entry {entry.msgid[:40]!r}")


def plural_count_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Plural entries have as many forms as the header says."""
    nplurals = config.nplurals
    for entry in po:
        if entry.obsolete or not entry.msgid_plural or nplurals is None:
            continue
        if entry.msgstr_plural and any(entry.msgstr_plural.values()):
            indices = sorted(int(k) for k in entry.msgstr_plural)
            if indices != list(range(nplurals)):
                yield Finding(entry.linenum or 0, "plural-count",
                              f"{len(indices)} plural forms, the header says {nplurals}")


def pairs_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Each translated (msgid, msgstr) pair through every rule of :data:`PAIR_RULES`."""
    nplurals = config.nplurals
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags or not is_translated(entry):
            continue
        pairs = [(entry.msgid, entry.msgstr)] if not entry.msgid_plural else [
            (entry.msgid if int(k) == 0 and nplurals == 2 else entry.msgid_plural, v)
            for k, v in sorted(entry.msgstr_plural.items(), key=lambda kv: int(kv[0]))
        ]
        config.flags = tuple(entry.flags)
        for source, translation in pairs:
            for rule in PAIR_RULES:
                for code, message, severity in rule(source, translation, config):
                    yield Finding(entry.linenum or 0, code, message, severity)


def derived_marker_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """A derived entry whose text no longer has the hash derive recorded (in the catalog's
    sidecar, or an old ``#. derived:`` comment) was edited by hand: an open conflict until
    it is reverted or made the translator's own."""
    recorded = dict(config.derived_hashes)
    for entry in po:
        if entry.obsolete:
            continue
        marker = recorded.get(derived_hashes.entry_key(entry)) or derived_hashes.legacy_marker(
            entry)
        if marker is not None and any(derived_hashes.texts(entry)) and (
                derived_hashes.text_hash(entry) != marker):
            yield Finding(entry.linenum or 0, "conflict",
                          f"{entry.msgid[:40]!r}: a derived translation was edited by hand; "
                          "revert it (derive --force) or make it the translator's own "
                          "(derive --keep-edits)")


def progress_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Fuzzy and untranslated entries (warnings; errors with ``strict``)."""
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            yield Finding(entry.linenum or 0, "fuzzy", "fuzzy entry", "warning")
        elif not is_translated(entry):
            yield Finding(entry.linenum or 0, "untranslated", "untranslated entry", "warning")


# -- rules over one msgid/msgstr pair ----------------------------------------------------------
def newline_rule(source: str, translation: str,
                 config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """Leading and trailing newlines agree (msgfmt -c)."""
    for edge, where in ((str.startswith, "begin"), (str.endswith, "end")):
        if edge(source, "\n") != edge(translation, "\n"):
            yield "newline", f"msgid and msgstr do not both {where} with \\n", "error"


def format_rule(source: str, translation: str,
                config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """The formats the entry's flags declare, read as ``msgfmt -c`` reads them
    (:mod:`~translit_service.catalogs.formats`): printf's ``%n$`` reordering, width and
    ``%i``/``%d`` are fine in c-format; named fields may repeat or move."""
    for flag in formats.formats_of(config.flags):
        for message in formats.compare(flag, source, translation):
            yield "format", f"{flag}: {message}", "error"


def placeholder_rule(source: str, translation: str,
                     config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """%-placeholders and {}-placeholders agree, in an entry that declares no format (one
    that does is :func:`format_rule`'s), unless a ``no-…-format`` flag says they are text."""
    declared = formats.formats_of(config.flags)
    percent_declared = any(f in declared for f in ("c-format", "objc-format", "python-format"))
    percent_off = any(f in config.flags for f in ("no-c-format", "no-python-format"))
    if (not percent_declared and not percent_off
            and not placeholders.same_percent_placeholders(source, translation)):
        yield ("placeholders", "%-placeholders differ: "
               f"{placeholders.python_format(source)} vs "
               f"{placeholders.python_format(translation)}", "error")
    if ("python-brace-format" not in declared and "no-python-brace-format" not in config.flags
            and placeholders.brace_format(source) != placeholders.brace_format(translation)):
        yield ("placeholders", "{}-placeholders differ: "
               f"{placeholders.brace_format(source)} vs "
               f"{placeholders.brace_format(translation)}", "error")


def stray_percent_rule(source: str, translation: str,
                       config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """A ``%`` that starts no directive breaks ``msgstr % values`` ("unsupported format
    character"): an error in a format string (a ``python-format``/``c-format`` entry, or any
    entry of a catalog whose strings are always formatted, as the site's are), and whenever
    the msgid itself has none; write ``%%`` for a literal percent sign."""
    if "%" not in translation or "no-python-format" in config.flags or any(
            f in formats.formats_of(config.flags) for f in ("c-format", "objc-format")):
        return  # printf directives are format_rule's (%p, %'d, %@ are valid there)
    stray = placeholders.stray_percents(translation)
    if not stray:
        return
    formatted = (config.always_format or "python-format" in config.flags
                 or "c-format" in config.flags)
    source_is_clean = not placeholders.stray_percents(source)
    if not (formatted or source_is_clean):
        return
    near = translation[max(0, stray[0] - 12):stray[0] + 3]
    severity = "error" if formatted or "%" in source else "warning"
    yield ("stray-percent", f"a % that starts no placeholder ({near!r}): it breaks formatting; "
                            "write %% for a percent sign", severity)


def markup_rule(source: str, translation: str,
                config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """Tags and entities agree."""
    if placeholders.markup(source) != placeholders.markup(translation):
        yield ("markup", f"tags or entities differ: {placeholders.markup(source)} "
                         f"vs {placeholders.markup(translation)}", "error")


def script_rule(source: str, translation: str,
                config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """In a Serbian catalog: no word mixing scripts; the translation in the catalog's script."""
    variant = locales.BY_LOCALE.get(config.locale or "")
    if not (variant and variant.script):
        return
    for word in _WORD.findall(translation):
        if CYRILLIC_LETTER.search(word) and LATIN_LETTER.search(word):
            yield "mixed-script", f"word {word!r} mixes Latin and Cyrillic", "error"
    found = config.transliterator.detect_script(translation).script
    other = {"latn": "cyrl", "cyrl": "latn"}[variant.script]
    if found == other:
        yield ("script", f"translation is in the wrong script for {variant.locale}",
               "warning")


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


def style_rule(source: str, translation: str,
               config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """What pofilter warns about and a Serbian translator wants to hear (warnings only):
    a blank translation, changed URLs or e-mail addresses, changed href/src values,
    different leading or trailing whitespace, a new double space, end punctuation lost or
    added, a doubled word."""
    if translation and not translation.strip():
        yield "blank", "the translation is only whitespace", "warning"
        return
    if sorted(_URL_OR_EMAIL.findall(source)) != sorted(_URL_OR_EMAIL.findall(translation)):
        yield "urls", "URLs or e-mail addresses differ from the msgid's", "warning"
    links = [a or b for a, b in _LINK_ATTRIBUTE.findall(source)]
    if links != [a or b for a, b in _LINK_ATTRIBUTE.findall(translation)]:
        yield "link-attributes", "href or src values differ from the msgid's", "warning"
    for where, first, second in (("leading", source[:1], translation[:1]),
                                 ("trailing", source[-1:], translation[-1:])):
        if first.isspace() != second.isspace():
            yield "whitespace", f"{where} whitespace differs from the msgid's", "warning"
    if "  " in translation and "  " not in source:
        yield "double-space", "a double space the msgid does not have", "warning"
    if (source.rstrip()[-1:] in _END) != (translation.rstrip()[-1:] in _END) and source.strip():
        yield "end-punctuation", "end punctuation lost or added", "warning"
    doubled = _DOUBLED.search(translation)
    if doubled and not _DOUBLED.search(source) and not doubled.group(1).isdigit():
        yield "doubled-word", f"doubled word {doubled.group()!r}", "warning"


#: The rules, in order; add one by appending (a function returning findings).
PAIR_RULES: list[PairRule] = [newline_rule, format_rule, placeholder_rule, stray_percent_rule,
                              markup_rule, script_rule, style_rule]
CATALOG_RULES: list[CatalogRule] = [header_rule, duplicates_rule, plural_count_rule,
                                    pairs_rule, derived_marker_rule, progress_rule]


def check_text(text: str, path: str = "<catalog>", *, locale: str | None = None,
               strict: bool = False, transliterator: Transliterator | None = None,
               rules: Iterable[CatalogRule] | None = None,
               always_format: bool = False,
               derived: Mapping[str, str] | None = None) -> list[Problem]:
    """Check a catalog's text with ``rules`` (default :data:`CATALOG_RULES`); see the
    module docstring for what they check (``derived``: the hashes derive recorded)."""
    config = CheckConfig(path, locale or locale_of(path), strict,
                         transliterator or default_transliterator(),
                         always_format=always_format, derived_hashes=derived or {})

    text, origin = one_keyword_a_line(text)  # msgfmt reads 'msgid "2" msgstr "2"' too

    def problem(found: Finding) -> Problem:
        severity = ("error" if found.severity == "warning" and strict
                    and found.code not in STYLE_CODES else found.severity)
        line = origin[found.line - 1] if 1 <= found.line <= len(origin) else found.line
        return Problem(path, line, severity, found.code, found.message)

    syntax = [problem(Finding(line, "syntax", message)) for line, message in syntax_errors(text)]
    if syntax:
        return syntax
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as exc:
        return [problem(Finding(1, "syntax", str(exc)))]
    problems = [problem(found) for rule in (CATALOG_RULES if rules is None else rules)
                for found in rule(po, config)]
    return sorted(problems, key=lambda p: (p.line, p.code))


def check_catalog(path: str | Path, *, locale: str | None = None, strict: bool = False,
                  transliterator: Transliterator | None = None,
                  always_format: bool = False, data: bytes | None = None) -> list[Problem]:
    """Check the catalog file at ``path`` (unreadable or non-UTF-8 files are problems too).
    ``data``: the file's bytes, when the caller has read them and goes on to use them (the
    service's catalog store checks and loads the same bytes, never the file read twice)."""
    name = str(path)
    try:
        text = read_text(path) if data is None else decode(data, name)
    except DecodeError as exc:
        return [Problem(name, exc.line, "error", "encoding", "not valid UTF-8")]
    except OSError as exc:
        return [Problem(name, 0, "error", "io", exc.strerror or str(exc))]
    try:
        recorded = derived_hashes.read(path)
    except CatalogError as exc:
        return [Problem(exc.path or name, 0, "error", "derived-hashes", exc.message)]
    return check_text(text, name, locale=locale, strict=strict, transliterator=transliterator,
                      always_format=always_format, derived=recorded)
