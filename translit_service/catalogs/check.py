"""Check a gettext catalog as ``msgfmt -c`` does, and more.

Rules are functions in a list (:data:`CATALOG_RULES`, :data:`PAIR_RULES`) that *return*
what they find, configured by a :class:`CheckConfig`; :func:`check_text` returns problems
(``path:line: severity: message [code]``); nothing is printed or raised for a bad catalog.

**What msgfmt -c rejects** is an error here too, on the entries msgfmt checks (translated,
not fuzzy, not obsolete; a plural entry with a translated ``msgstr[0]``): syntax, duplicate
entries, the wrong number of plural forms, leading or trailing newlines that differ (between
msgid and msgid_plural too), and format strings read by the entry's flag
(:mod:`~translit_service.catalogs.formats`).

**Stricter on purpose** (errors msgfmt does not raise, each for a reason the README gives):
the header's charset, ``Language`` and ``Plural-Forms`` for the catalog's locale; tags and
entities that differ (``&amp;`` and ``&`` count as the same text); a word mixing Latin and
Cyrillic letters; an open hand-edit conflict in a derived catalog; and, with
``always_format`` (the site's own catalogs, whose every string Jinja formats with ``%``),
every msgstr read as ``python-format`` even without the flag, so a lone ``%`` is an error.

**Warnings**: fuzzy entries, a translation in the other script, header defaults (errors with
``strict``); untranslated entries (errors with ``complete``: msgfmt compiles an incomplete
catalog, a project's gate may want every string); placeholders that differ in an entry with
no format flag (msgfmt does not check it); style (:mod:`~translit_service.catalogs.style`).

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
from ..engine import Transliterator, default_transliterator
from ..engine.detect import CYRILLIC_LETTER, LATIN_LETTER
from ..errors import CatalogError, DecodeError
from ..fileio import decode, read_text
from . import conflicts, formats, placeholders, plurals
from . import hashes as derived_hashes
from .style import STYLE_CODES, style_warnings
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
#: Warnings that ``strict`` leaves warnings: style, and what only the programmer can fix.
UNPROMOTED_CODES = STYLE_CODES | {"format-msgid"}


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
    """Every form translated (what the site serves as Serbian)."""
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def msgstrs(entry: polib.POEntry) -> list[str]:
    """The msgstr, or the plural forms in order."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural, key=int)]
    return [entry.msgstr]


def msgfmt_checks(entry: polib.POEntry) -> bool:
    """Whether ``msgfmt -c`` checks ``entry``: not obsolete, not fuzzy, not the header, and
    its first msgstr (``msgstr[0]`` of a plural entry) not empty."""
    if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
        return False
    forms = msgstrs(entry)
    return bool(forms and forms[0])


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
    script checks).  ``nplurals`` and ``plural_forms`` are set by the header rule for the
    rules after it."""

    path: str = "<catalog>"
    locale: str | None = None
    strict: bool = False
    transliterator: Transliterator = field(default_factory=default_transliterator)
    nplurals: int | None = None
    plural_forms: str | None = None
    #: Every msgstr is %-formatted when used, as the site's templates do (Jinja's newstyle
    #: gettext applies ``%`` even without variables): each is read as python-format.
    always_format: bool = False
    flags: tuple[str, ...] = ()  # the flags of the entry the pair rules are looking at
    #: What derive wrote into this catalog, when it is a derived one (its sidecar).
    derived_hashes: Mapping[str, str] = field(default_factory=dict)
    #: Untranslated entries are errors (a gate that wants every string translated).
    complete: bool = False
    #: Only errors matter (compile without --strict): rules may skip work that can only
    #: find warnings, such as reading a whole translation's script.
    errors_only: bool = False


CatalogRule = Callable[[polib.POFile, CheckConfig], Iterator[Finding]]
PairRule = Callable[[str, str, CheckConfig], Iterator[tuple[str, str, str]]]
# -- rules over the whole catalog ------------------------------------------------------------
def header_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Header: not fuzzy, charset UTF-8, Language and Plural-Forms right for the locale (the
    locale the path names: without one, a missing Language is a warning, as in msgfmt, and a
    missing Plural-Forms an error only when the catalog has plural entries)."""
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
    known = config.locale is not None
    if config.locale is None and named is not None:
        config.locale = named.locale  # no locale in the path: trust the header for the rest
    expected = locales.BY_LOCALE.get(config.locale or "")
    if not language:
        yield Finding(1, "header-language", "the header has no Language",
                      "error" if known else "warning")
    elif config.locale and (named is None or named.locale != config.locale):
        yield Finding(1, "header-language",
                      f"Language is {language!r} but the catalog is for {config.locale!r}")
    plural_forms = meta.get("Plural-Forms", "")
    nplurals = plurals.nplurals(plural_forms)
    if not plural_forms or nplurals is None:
        needed = expected is not None or any(e.msgid_plural and msgfmt_checks(e) for e in po)
        yield Finding(1, "plural-forms", "the header has no valid Plural-Forms",
                      "error" if needed else "warning")
    elif expected and not plurals.same_plural_rule(plural_forms, expected.plural_forms):
        # Compared by meaning (the same form for every n), never by spelling: CLDR and so
        # Babel have spelt Serbian's rule in more than one way.
        yield Finding(1, "plural-forms", f"Plural-Forms for {expected.locale} must mean "
                                         f"{expected.plural_forms!r}, not {plural_forms!r}")
        plural_forms = expected.plural_forms
        nplurals = plurals.nplurals(plural_forms)
    config.nplurals = nplurals
    config.plural_forms = plural_forms if nplurals is not None else None


def duplicates_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """No two entries with the same context and msgid, obsolete ones included (msgfmt)."""
    seen = Counter((e.msgctxt, e.msgid) for e in po)
    for entry in po:
        if seen[(entry.msgctxt, entry.msgid)] > 1:
            yield Finding(entry.linenum or 0, "duplicate",
                          f"duplicate entry {entry.msgid[:40]!r}")


def plural_count_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Plural entries msgfmt checks have as many forms as the header says."""
    nplurals = config.nplurals
    for entry in po:
        if not entry.msgid_plural or nplurals is None or not msgfmt_checks(entry):
            continue
        indices = sorted(int(k) for k in entry.msgstr_plural)
        if indices != list(range(nplurals)):
            yield Finding(entry.linenum or 0, "plural-count",
                          f"{len(indices)} plural forms, the header says {nplurals}")


def newline_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Leading and trailing newlines agree, as msgfmt -c requires: the msgid's with the
    msgid_plural's and with each msgstr's (an empty plural form included)."""
    for entry in po:
        if not msgfmt_checks(entry):
            continue
        forms = msgstrs(entry)
        others = [("msgid_plural", entry.msgid_plural)] if entry.msgid_plural else []
        others += [(f"msgstr[{j}]" if entry.msgid_plural else "msgstr", text)
                   for j, text in enumerate(forms)]
        for edge, where in ((str.startswith, "begin"), (str.endswith, "end")):
            has = edge(entry.msgid, "\n")
            for name, text in others:
                if edge(text, "\n") != has:
                    yield Finding(entry.linenum or 0, "newline",
                                  f"msgid and {name} do not both {where} with \\n")


def _implied(flags: Iterable[str], config: CheckConfig) -> tuple[str, ...]:
    """The formats an entry is read in besides its flags: python-format in the site's
    catalogs (Jinja formats every msgstr), unless a flag says it is not one or is printf."""
    declared = formats.formats_of(list(flags))
    if not config.always_format or "no-python-format" in flags or any(
            f in declared for f in ("c-format", "objc-format")):
        return ()
    return ("python-format",)


def format_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Format strings as msgfmt -c checks them (:mod:`~translit_service.catalogs.formats`):
    every msgstr against the msgid, every plural form against the msgid_plural, relaxed for
    a form the plural rule uses for a single n; a msgid that is not a valid format string is
    not checked (a warning says so)."""
    indices = plurals.plural_indices(config.plural_forms or locales.ENGLISH_PLURAL_FORMS)
    for entry in po:
        if not msgfmt_checks(entry):
            continue
        forms, line = msgstrs(entry), entry.linenum or 0
        implied = _implied(entry.flags, config)
        for flag in formats.formats_of(entry.flags):
            source = entry.msgid_plural or entry.msgid
            reason = formats.invalid_reason(flag, source, translated=False)
            if reason is not None and flag not in implied:
                yield Finding(line, "format-msgid", f"{flag}: the msgid is not a valid {flag} "
                              f"string ({reason}), so msgfmt does not check this entry",
                              "warning")
        relaxed = (formats.single_n_forms(indices, entry.flags, len(forms))
                   if entry.msgid_plural else set())
        for code, message in formats.check_entry(entry.flags, entry.msgid,
                                                 entry.msgid_plural or None, forms,
                                                 relaxed=relaxed, implied=implied):
            yield Finding(line, code, message)


def pairs_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Each translated (msgid, msgstr) pair through every rule of :data:`PAIR_RULES` (a
    plural form against the msgid when it is English's singular, else the msgid_plural)."""
    nplurals = config.nplurals
    for entry in po:
        if not msgfmt_checks(entry):
            continue
        forms = msgstrs(entry)
        pairs = [(entry.msgid, entry.msgstr)] if not entry.msgid_plural else [
            (entry.msgid if j == 0 and nplurals == 2 else entry.msgid_plural, text)
            for j, text in enumerate(forms) if text]
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
                          f"{_clip(entry.msgid)!r}: a derived translation was edited by hand; "
                          + conflicts.resolution(config.path, entry))


def _clip(text: str, width: int = 50) -> str:
    """``text`` cut at a word boundary with an ellipsis when it is longer than ``width``."""
    if len(text) <= width:
        return text
    return (text[:width].rsplit(" ", 1)[0] or text[:width]) + "…"


def progress_rule(po: polib.POFile, config: CheckConfig) -> Iterator[Finding]:
    """Fuzzy and untranslated entries (warnings; errors with ``strict`` and ``complete``)."""
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            yield Finding(entry.linenum or 0, "fuzzy", "fuzzy entry", "warning")
        elif not is_translated(entry):
            yield Finding(entry.linenum or 0, "untranslated", "untranslated entry", "warning")


# -- rules over one msgid/msgstr pair ----------------------------------------------------------
def placeholder_rule(source: str, translation: str,
                     config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """%- and {}-placeholders that differ in an entry whose format no flag declares (nor the
    catalog implies): msgfmt does not check it, so a warning, unless a ``no-…-format`` flag
    says the placeholders are text."""
    declared = formats.formats_of(config.flags) + list(_implied(config.flags, config))
    percent_off = any(f in config.flags for f in ("no-c-format", "no-python-format"))
    hint = "; msgfmt does not check an entry without a format flag: flag it if it is one"
    if (not any(f in declared for f in formats.PERCENT_FORMATS) and not percent_off
            and not placeholders.same_percent_placeholders(source, translation)):
        yield ("placeholders", "%-placeholders differ: "
               f"{placeholders.python_format(source)} vs "
               f"{placeholders.python_format(translation)}{hint}", "warning")
    if ("python-brace-format" not in declared and "no-python-brace-format" not in config.flags
            and placeholders.brace_format(source) != placeholders.brace_format(translation)):
        yield ("placeholders", "{}-placeholders differ: "
               f"{placeholders.brace_format(source)} vs "
               f"{placeholders.brace_format(translation)}{hint}", "warning")


def stray_percent_rule(source: str, translation: str,
                       config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """A ``%`` that starts no directive where the msgid has none, in an entry read in no
    %-format (in one that is, :func:`format_rule` makes it an error): a warning, since
    ``msgstr % values`` would fail if the string is formatted after all."""
    declared = formats.formats_of(config.flags) + list(_implied(config.flags, config))
    if "%" not in translation or "no-python-format" in config.flags or any(
            f in declared for f in formats.PERCENT_FORMATS):
        return
    stray = placeholders.stray_percents(translation)
    if stray and not placeholders.stray_percents(source):
        near = translation[max(0, stray[0] - 12):stray[0] + 3]
        yield ("stray-percent", f"a % that starts no placeholder ({near!r}) would break "
                                "formatting; write %% if this string is formatted", "warning")


def markup_rule(source: str, translation: str,
                config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """Tags and entities agree (an entity and the character it stands for are the same)."""
    if not placeholders.same_markup(source, translation):
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
    if config.errors_only and not config.strict:
        return  # what follows can only warn
    found = config.transliterator.detect_script(translation).script
    other = {"latn": "cyrl", "cyrl": "latn"}[variant.script]
    if found == other:
        yield ("script", f"translation is in the wrong script for {variant.locale}",
               "warning")


def style_rule(source: str, translation: str,
               config: CheckConfig) -> Iterator[tuple[str, str, str]]:
    """pofilter's style warnings (:mod:`~translit_service.catalogs.style`)."""
    for code, message in style_warnings(source, translation):
        yield code, message, "warning"


#: The rules, in order; add one by appending (a function returning findings).
PAIR_RULES: list[PairRule] = [placeholder_rule, stray_percent_rule, markup_rule, script_rule,
                              style_rule]
CATALOG_RULES: list[CatalogRule] = [header_rule, duplicates_rule, plural_count_rule,
                                    newline_rule, format_rule, pairs_rule, derived_marker_rule,
                                    progress_rule]




def check_text(text: str, path: str = "<catalog>", *, locale: str | None = None,
               strict: bool = False, transliterator: Transliterator | None = None,
               rules: Iterable[CatalogRule] | None = None,
               always_format: bool = False,
               derived: Mapping[str, str] | None = None,
               complete: bool = False, errors_only: bool = False) -> list[Problem]:
    """Check a catalog's text with ``rules`` (default :data:`CATALOG_RULES`); see the
    module docstring for what they check (``derived``: the hashes derive recorded;
    ``errors_only``: warnings may be left unreported, as compile ignores them)."""
    config = CheckConfig(path, locale or locale_of(path), strict,
                         transliterator or default_transliterator(),
                         always_format=always_format, derived_hashes=derived or {},
                         complete=complete, errors_only=errors_only)

    text, origin = one_keyword_a_line(text)  # msgfmt reads 'msgid "2" msgstr "2"' too

    def problem(found: Finding) -> Problem:
        severity = found.severity
        if severity == "warning" and (complete if found.code == "untranslated" else
                                      strict and found.code not in UNPROMOTED_CODES):
            severity = "error"
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
                  always_format: bool = False, complete: bool = False,
                  errors_only: bool = False, data: bytes | None = None) -> list[Problem]:
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
                      always_format=always_format, derived=recorded, complete=complete,
                      errors_only=errors_only)
