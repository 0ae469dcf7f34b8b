"""Derive one Serbian script's catalog from the other's.

:func:`derive_text` transliterates every msgstr and plural form of the source catalog (markup,
entities, placeholders and URLs kept by the engine) and keeps everything else: msgid, msgctxt,
comments, references, flags (fuzzy stays fuzzy), previous msgids, obsolete entries and the
header, except ``Language``, which names the target.

**Manual edits in the derived catalog.** Derive records the hash of the text it wrote for each
entry (:attr:`Derived.hashes`; written to a sidecar next to the catalog, see
:mod:`~translit_service.catalogs.hashes`, where translators' tools do not show it).  When a
derived catalog already exists, each entry is compared with what derive would write now:

* same text: nothing to do;
* the recorded hash matches the text on disk: derive wrote it, so it is replaced;
* it does not match: a translator edited a derived entry by hand.  The edit is kept and
  reported as a **conflict** (derive exits non-zero) naming the file, the entry and the
  commands that resolve it: revert the edit (``force``), or make it the translator's own
  (``keep_edits``, which drops its hash);
* no hash: the entry is the translator's own; it is kept and listed as *manual*.

``force=True`` overwrites conflicts and manual entries alike; ``force_entries`` and
``keep_entries`` do the same for the entries they name (a msgid, or ``context|msgid``: see
:mod:`~translit_service.catalogs.conflicts`), so one conflict is resolved, not all at once.

>>> source = 'msgid ""\\nmsgstr ""\\n"Language: sr_Latn\\\\n"\\n\\nmsgid "News"\\nmsgstr "Vesti"\\n'
>>> derived = derive_text(source, "cyrl")
>>> print(derived.text.rstrip().split("\\n\\n")[1])
msgid "News"
msgstr "Вести"
>>> derived.hashes
{'News': '00eb7277d2'}
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import NamedTuple

import polib

from .. import locales
from ..engine import Transliterator, default_transliterator
from ..entries import derive_entry
from ..errors import CatalogError, DecodeError, UnknownScript
from ..fileio import read_text
from . import conflicts, headers, placeholders, plurals
from . import hashes as derived_hashes
from .check import Problem
from .gnu import gnu_layout
from .syntax import syntax_errors

_TARGET_LOCALE = {"cyrl": "sr_Cyrl", "latn": "sr_Latn"}


class Derived(NamedTuple):
    text: str
    conflicts: list[Problem]  # hand edits of derived entries: kept, and an error
    manual: list[Problem]  # entries without a recorded hash that differ: kept, for information
    problems: list[Problem]  # header problems of the source (Plural-Forms)
    #: What derive wrote, entry by entry (hashes.py): the sidecar's content.
    hashes: dict[str, str]


_texts = derived_hashes.texts
_hash = derived_hashes.text_hash


def _parse(text: str, path: str) -> polib.POFile:
    errors = syntax_errors(text)
    if errors:
        line, message = errors[0]
        raise CatalogError(message, path, line)
    try:
        return polib.pofile(text, wrapwidth=78)
    except (OSError, ValueError) as exc:  # what our lexer let through and polib did not
        where = re.search(r"line (\d+)", str(exc))
        raise CatalogError(str(exc), path, int(where.group(1)) if where else None) from None


def _clip(text: str, width: int = 60) -> str:
    """``text`` cut at a word boundary with an ellipsis when it is longer than ``width``."""
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] or text[:width]
    return cut + "…"


def derive_text(source: str, to: str, *, existing: str | None = None, source_path: str = "",
                target_path: str = "", force: bool = False,
                transliterator: Transliterator | None = None,
                hashes: Mapping[str, str] | None = None, keep_edits: bool = False,
                force_entries: Collection[str] = (),
                keep_entries: Collection[str] = ()) -> Derived:
    """Derive the catalog text for script ``to`` from the ``source`` catalog text.

    ``existing`` is the derived catalog as it is, ``hashes`` what derive wrote into it (its
    sidecar; old ``#. derived:`` comments count too).  A hand edit is kept: a *conflict* when
    derive had written the entry, unless ``keep_edits`` (or ``keep_entries``, for the entries
    it names) makes the edit the translator's own (no hash is kept for it from then on);
    ``force`` (``force_entries``) writes the derived text over it."""
    if to not in _TARGET_LOCALE:
        raise UnknownScript("script", to, tuple(_TARGET_LOCALE))
    engine = transliterator or default_transliterator()
    po = _parse(source, source_path or "<source>")
    target_locale = _TARGET_LOCALE[to]
    problems = []
    plural_forms = po.metadata.get("Plural-Forms", "")
    if not plurals.same_plural_rule(plural_forms, locales.SERBIAN_PLURAL_FORMS):
        problems.append(Problem(source_path, 1, "error", "plural-forms",
                                f"source Plural-Forms {plural_forms!r} is not Serbian's"))
    nplurals = plurals.nplurals(plural_forms)
    for entry in po:
        if entry.msgid_plural and nplurals and not entry.obsolete and any(
                entry.msgstr_plural.values()) and len(entry.msgstr_plural) != nplurals:
            problems.append(Problem(source_path, entry.linenum or 0, "error", "plural-count",
                                    f"{_clip(entry.msgid)!r}: {len(entry.msgstr_plural)} "
                                    f"plural forms, the header says {nplurals}"))
    po.metadata["Language"] = target_locale
    written: dict[str, str] = {}
    for entry in po:
        source_texts = _texts(entry)
        if entry.msgid_plural:
            keys = sorted(entry.msgstr_plural, key=int)
            converted = derive_entry(entry.msgid, [entry.msgstr_plural[k] for k in keys], to,
                                     engine, flags=entry.flags)
            entry.msgstr_plural.update(zip(keys, converted, strict=True))
        entry.msgstr = derive_entry(entry.msgid, [entry.msgstr], to, engine,
                                    flags=entry.flags)[0]
        for before_text, after_text in zip(source_texts, _texts(entry), strict=True):
            if not placeholders.same_placeholders_and_markup(before_text, after_text):
                problems.append(Problem(source_path, entry.linenum or 0, "error", "derived",
                                        f"{entry.msgid[:50]!r}: deriving changed a "
                                        f"placeholder, tag or entity ({after_text[:60]!r})"))
        derived_hashes.drop_legacy_marker(entry)
        if any(_texts(entry)):
            written[derived_hashes.entry_key(entry)] = _hash(entry)
    named = [e for e in po if not e.obsolete]
    for option, names in (("--force-entry", force_entries), ("--keep-edit", keep_entries)):
        for key in sorted(set(names)):
            if not any(conflicts.matches(e, {key}) for e in named):
                problems.append(Problem(target_path, 0, "error", "no-entry",
                                        f"{option} {key!r}: no entry has this msgid "
                                        "(or context|msgid)"))
    text = gnu_layout(_own_tool_fields(str(po), existing))
    if existing is None or existing == text:
        return Derived(text, [], [], problems, written)  # on disk already: no edit to keep
    conflicted, manual = _keep_hand_edits(
        po, _parse(existing, target_path or "<target>"), target_path, dict(hashes or {}),
        written, force=force, keep_edits=keep_edits, force_entries=force_entries,
        keep_entries=keep_entries)
    if conflicted or manual:
        text = gnu_layout(_own_tool_fields(str(po), existing))  # with the edits kept
    return Derived(text, conflicted, manual, problems, written)


def _keep_hand_edits(po: polib.POFile, existing: polib.POFile, target_path: str,
                     recorded_hashes: Mapping[str, str], written: dict[str, str], *,
                     force: bool, keep_edits: bool, force_entries: Collection[str],
                     keep_entries: Collection[str]) -> tuple[list[Problem], list[Problem]]:
    """Put back into ``po`` (derived) the entries of ``existing`` (the catalog on disk) that a
    translator edited, and return them as conflicts and manual entries (module docstring);
    ``written`` (the hashes) follows."""
    old = {(entry.msgctxt, entry.msgid, bool(entry.obsolete)): entry for entry in existing}
    conflicted: list[Problem] = []
    manual: list[Problem] = []
    for entry in po:
        before = old.get((entry.msgctxt, entry.msgid, bool(entry.obsolete)))
        if before is None or _texts(before) == _texts(entry):
            continue
        if force or conflicts.matches(entry, force_entries):
            continue
        if not any(_texts(before)):
            continue  # an empty derived entry is never a hand edit: derive it again
        name = derived_hashes.entry_key(entry)
        recorded = recorded_hashes.get(name) or derived_hashes.legacy_marker(before)
        if recorded == _hash(before):
            continue  # derive wrote what is on disk: replace it
        if keep_edits or conflicts.matches(entry, keep_entries):
            recorded = None  # the translator's own from now on
        edited, derived = _texts(before)[0], _texts(entry)[0]
        message = (f"{_clip(entry.msgid)!r}: kept the hand-edited translation "
                   f"{_clip(edited)!r}; derive would write {_clip(derived)!r}")
        if recorded:
            message += "; " + conflicts.resolution(target_path or "sr_Cyrl", entry)
        where = Problem(target_path, (before.linenum or 0), "error" if recorded else "info",
                        "conflict" if recorded else "manual", message)
        (conflicted if recorded else manual).append(where)
        entry.msgstr, entry.msgstr_plural = before.msgstr, before.msgstr_plural
        entry.comment = before.comment
        derived_hashes.drop_legacy_marker(entry)
        if recorded:
            written[name] = recorded  # still derive's: the conflict stays open
        else:
            written.pop(name, None)
    return conflicted, manual


def _own_tool_fields(text: str, existing: str | None) -> str:
    """The derived header with the ``X-`` fields (a tool's: ``X-Generator``, ``X-Poedit-*``…)
    of the derived file itself, not its source's: Poedit on sr_Latn says nothing of sr_Cyrl.

    >>> new = 'msgid ""\\nmsgstr ""\\n"Language: sr_Cyrl\\\\n"\\n"X-Generator: Poedit 3.4\\\\n"\\n'
    >>> old = 'msgid ""\\nmsgstr ""\\n"Language: sr_Cyrl\\\\n"\\n"X-Generator: Lokalize 23\\\\n"\\n'
    >>> headers.header_fields(_own_tool_fields(new, old))
    [('Language', 'sr_Cyrl'), ('X-Generator', 'Lokalize 23')]
    """
    fields = headers.header_fields(text)
    if not fields:
        return text
    own = headers.header_fields(existing or "")
    return headers.with_fields(text, [(n, v) for n, v in fields if not n.startswith("X-")]
                               + [(n, v) for n, v in own if n.startswith("X-")])


def derive_catalog(source_path: str | Path, to: str, target_path: str | Path | None = None, *,
                   force: bool = False, transliterator: Transliterator | None = None,
                   keep_edits: bool = False, force_entries: Collection[str] = (),
                   keep_entries: Collection[str] = ()) -> Derived:
    """Derive the catalog for script ``to`` next to ``source_path`` (``…/sr_Latn/LC_MESSAGES/
    messages.po`` -> ``…/sr_Cyrl/LC_MESSAGES/messages.po``, or ``sr_Latn.po`` ->
    ``sr_Cyrl.po``) and return the result without writing it (see :func:`write_derived`)."""
    source = Path(source_path)
    target = Path(target_path) if target_path else default_target(source, to)
    try:
        text = read_text(source)
        existing = read_text(target) if target.exists() else None
    except DecodeError as exc:
        raise CatalogError(f"not valid UTF-8 (byte {exc.position})", exc.path, exc.line) from None
    except OSError as exc:
        raise CatalogError(exc.strerror or str(exc), str(exc.filename or source)) from None
    return derive_text(text, to, existing=existing, source_path=str(source),
                       target_path=str(target), force=force, transliterator=transliterator,
                       hashes=derived_hashes.read(target), keep_edits=keep_edits,
                       force_entries=force_entries, keep_entries=keep_entries)


def default_target(source: Path, to: str) -> Path:
    locale = _TARGET_LOCALE[to]
    other = _TARGET_LOCALE["latn" if to == "cyrl" else "cyrl"]
    parts = list(source.parts)
    if other in parts:
        parts[len(parts) - 1 - parts[::-1].index(other)] = locale
        return Path(*parts)
    if source.stem == other:
        return source.with_name(locale + source.suffix)
    raise CatalogError(f"cannot tell the {locale} catalog's path from this path; give one",
                       str(source))
