"""What Poedit, Weblate and Lokalize do to a PO file when a translator saves it, simulated.

Each tool rewrites the whole file: its own wrapping (Poedit's writer wraps at 79 columns but
not where GNU does, translate-toolkit under Weblate at 77, Lokalize not at all), its own
header fields (``X-Generator``, ``X-Poedit-*``, the translator, the date; Weblate spells the
plural rule its own way), and keeps what it does not understand: comments, flags, the
``#~|`` previous msgid of obsolete entries.  polib does the rewriting here (its wrapping is
textwrap's, unlike GNU's, which is the point); :mod:`translit_service.catalogs.previous`
keeps the ``#~|`` lines polib would drop, as the tools do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polib

from translit_service.catalogs import previous


@dataclass
class Tool:
    name: str
    width: int  # polib's wrapwidth (0: no wrapping)
    fields: dict[str, str]  # the header fields its save writes
    language: str | None = None  # how it writes the Language field
    plural_forms: str | None = None  # how it spells the plural rule

    def save(self, path: Path, translations: Mapping[str, str | list[str]],
             comments: Mapping[str, str] | None = None) -> None:
        """Translate the entries of ``translations`` (msgid -> msgstr, or the plural forms)
        as a translator does in the tool (a fuzzy one is confirmed), add the translator
        ``comments``, and save the file as the tool writes it."""
        text, lifted = previous.lift(path.read_text("utf-8"))
        po = polib.pofile(text, wrapwidth=self.width)
        for entry in po:
            if entry.obsolete or entry.msgid not in translations:
                continue
            value = translations[entry.msgid]
            if isinstance(value, list):
                entry.msgstr_plural = dict(enumerate(value))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = None
                entry.previous_msgctxt = None
        for entry in po:
            note = (comments or {}).get(entry.msgid)
            if note and not entry.obsolete:
                entry.tcomment = "\n".join(filter(None, [entry.tcomment, note]))
        po.metadata.update(self.fields)
        if self.language:
            po.metadata["Language"] = self.language
        if self.plural_forms:
            po.metadata["Plural-Forms"] = self.plural_forms
        out = po.__unicode__() if hasattr(po, "__unicode__") else str(po)
        path.write_text(previous.restore(out, lifted), "utf-8")


SAVED = {"PO-Revision-Date": "2026-12-01 10:15+0100",
         "Last-Translator": "Ana Anić <ana@example.org>"}
POEDIT = Tool("Poedit", 79, {**SAVED, "X-Generator": "Poedit 3.4.2",
                             "X-Poedit-Basepath": "../../..",
                             "X-Poedit-SearchPath-0": "translit_service"},
              language="sr@latin")
WEBLATE = Tool("Weblate", 77, {**SAVED, "X-Generator": "Weblate 5.8.4",
                               "Language-Team": "Serbian (latin) <https://hosted.weblate.org/"
                                                "projects/mlo/ui/sr_Latn/>"},
               plural_forms="nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                            "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;")
LOKALIZE = Tool("Lokalize", 0, {**SAVED, "X-Generator": "Lokalize 23.08.5",
                                "Language-Team": "Serbian <kde-i18n-sr@kde.org>"})
TOOLS = (POEDIT, WEBLATE, LOKALIZE)


# -- reading a diff ------------------------------------------------------------------------------
_FIELD = re.compile(r'^"([A-Za-z][\w-]*): ')
_KEYWORD = re.compile(r'^(?:#~ )?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$')
_CONTINUED = re.compile(r'^(?:#~ )?"(.*)"$')


@dataclass
class Owners:
    """Which entry (``msgctxt|msgid``, as the file spells them) or header field every line of
    a PO text belongs to."""

    lines: list[str]
    owner: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        blocks: list[list[int]] = [[]]
        for i, line in enumerate(self.lines):
            if line.strip():
                blocks[-1].append(i)
            elif blocks[-1]:
                blocks.append([])
        self.owner = [""] * len(self.lines)
        for block in blocks:
            self._own(block)

    def _own(self, block: list[int]) -> None:
        values: dict[str, str] = {}
        current = None
        for i in block:
            line = self.lines[i]
            m = _KEYWORD.match(line)
            if m:
                current = m.group(1)
                values.setdefault(current, "")
                values[current] += m.group(2)
            elif (c := _CONTINUED.match(line)) and current:
                values[current] += c.group(1)
        name = f"{values.get('msgctxt', '')}|{values.get('msgid', '')}"
        field_name = "header"
        for i in block:
            if name != "|":
                self.owner[i] = name
                continue
            m = _FIELD.match(self.lines[i])  # the header: each line belongs to its field
            if m:
                field_name = "header:" + m.group(1)
            self.owner[i] = field_name if self.lines[i].startswith('"') else "header"


def changed_owners(before: str, after: str) -> set[str]:
    """The entries and header fields whose lines differ between ``before`` and ``after``."""
    import difflib

    old, new = Owners(before.split("\n")), Owners(after.split("\n"))
    owners = set()
    matcher = difflib.SequenceMatcher(None, old.lines, new.lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            owners.update(o for o in old.owner[i1:i2] + new.owner[j1:j2] if o)
            if not old.owner[i1:i2] + new.owner[j1:j2]:
                owners.add("(blank line)")
    return owners
