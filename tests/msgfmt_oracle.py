"""Our checker against ``msgfmt -c`` on the same entries, many at a time.

:func:`generate` draws catalog entries from a :class:`random.Random` (so that hypothesis can
drive it through ``st.randoms()`` and a measurement can replay a seed): format strings of
each language msgfmt checks (printf with flags, widths, ``*``, precisions, length modifiers,
``%n$`` reordering, ``%<PRId64>``; Python's named and unnamed ``%``; ``str.format`` fields
with attributes, keys and format specs) and translations made from them by the edits
translators make, right and wrong: reordering, a changed length modifier or conversion, a
dropped or added argument, a lone ``%``, a lost newline, a plural form without the number.

:func:`verdicts` writes N entries into one PO file, runs ``msgfmt -c -o /dev/null`` once and
maps its ``file:line:`` errors back to the entries; our checker reads the same file.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translit_service.catalogs import check_text

MSGFMT = shutil.which("msgfmt")
SERBIAN = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);")
ENGLISH = "nplurals=2; plural=(n != 1);"
FORMATS = ("c-format", "objc-format", "python-format", "python-brace-format")
_WORDS = ("file", "of", "by", "Vesti", "x", "", " ", ", ", ": ", "100", "(x,y) = (", "a.b",
          "Beograd", "+")


@dataclass
class Entry:
    flags: list[str]
    msgid: str
    msgstrs: list[str]
    msgid_plural: str | None = None
    why: str = ""  # how the translation was made (for a failure's message)
    extra: dict[str, str] = field(default_factory=dict)

    def text(self, number: int) -> list[str]:
        def q(s: str) -> str:
            return json.dumps(s, ensure_ascii=False)

        lines = [f"#, {', '.join(self.flags)}"] if self.flags else []
        lines.append(f'msgctxt "e{number}"')
        lines.append(f"msgid {q(self.msgid)}")
        if self.msgid_plural is None:
            lines.append(f"msgstr {q(self.msgstrs[0])}")
        else:
            lines.append(f"msgid_plural {q(self.msgid_plural)}")
            lines += [f"msgstr[{j}] {q(s)}" for j, s in enumerate(self.msgstrs)]
        return lines


# -- format strings -----------------------------------------------------------------------------
_C_CONVERSIONS = "diouxXeEfFgGaAcCsSpnm%" + "@b"
_C_SIZES = ("", "", "", "hh", "h", "l", "ll", "L", "q", "j", "z", "Z", "t", "lh", "hl", "lll")


def _c_directive(r: random.Random, number: int | None, translated: bool) -> str:
    flags = "".join(r.sample(" +-#0'" + ("I" if translated else ""), r.choice((0, 0, 1, 2))))
    numbered = (number is not None) != (r.random() < 0.05)  # now and then the other style
    star = f"*{r.randint(1, 3)}$" if numbered else "*"
    width = r.choice(("", "", "", "5", "12", star))
    precision = r.choice(("", "", "", ".", ".2", "." + star))
    if r.random() < 0.05:
        return "%" + ("" if number is None else f"{number}$") + "<PRI" + r.choice(
            "diouxXq") + r.choice(("64", "32", "MAX", "PTR", "LEAST8", "FAST16", "6")) + (
            ">" if r.random() < 0.9 else "")
    conversion = r.choice(_C_CONVERSIONS)
    return ("%" + ("" if number is None else f"{number}$") + flags + width + precision
            + r.choice(_C_SIZES) + conversion)


def _retype(r: random.Random, directive: str, kind: str) -> str:
    """``directive`` with its length modifier or conversion changed."""
    if kind.startswith("python"):
        return re.sub(r"[hlL]?[a-zA-Z%]$", r.choice("dsirxfcegX%") if r.random() < 0.8 else
                      r.choice(("ld", "hs", "Lf", ".0s", "a", "F")), directive)
    tail = re.search(r"[hlLqjzZt]*[a-zA-Z%@]$", directive)
    if tail is None:  # %<PRId64>
        return _c_directive(r, None, False)
    return directive[:tail.start()] + r.choice(_C_SIZES) + (
        r.choice(_C_CONVERSIONS) if r.random() < 0.5 else directive[-1])


def _python_directive(r: random.Random, name: str | None, translated: bool) -> str:
    flags = "".join(r.sample("-+ #0", r.choice((0, 0, 1))))
    width = r.choice(("", "", "3", "*"))
    precision = r.choice(("", "", ".2", ".0", ".", ".*"))
    if name is not None and r.random() < 0.9:
        width, precision = width.replace("*", ""), precision.replace("*", "")
    size = r.choice(("", "", "", "h", "l", "L", "ll"))
    conversion = r.choice("sdiuoxXeEfFgGcr%a") if r.random() < 0.95 else r.choice("yq$")
    head = "%" if name is None else f"%({name})"
    return head + flags + width + precision + size + conversion


def _brace_field(r: random.Random, name: str) -> str:
    chain = r.choice(("", "", "", ".attr", "[0]", "[key]", ".", "[", "[0", "!r"))
    spec = r.choice(("", "", "", ":", ":>5", ":.2f", ":x", ":*^10", ":s", ":,", ":{w}",
                     ":{w:x}", ":{}", ":05d"))
    return "{" + name + chain + spec + "}"


def _pieces(r: random.Random, kind: str, count: int) -> list[str]:
    """``count`` directives of ``kind`` (as strings), with their argument numbers or names."""
    if kind in ("c-format", "objc-format"):
        numbered = r.random() < 0.3
        return [_c_directive(r, i + 1 if numbered else None, False) for i in range(count)]
    if kind == "python-format":
        names = r.sample(("n", "name", "count", "a(b)", "x"), k=min(count, 5))
        named = r.random() < 0.5
        return [_python_directive(r, names[i % len(names)] if named else None, False)
                for i in range(count)]
    names = r.choice((["0", "1", "2"], ["name", "n", "total"], ["", "", ""], ["a", "0", ""]))
    return [_brace_field(r, names[i % 3]) for i in range(count)] + (
        [r.choice(("{{", "}}", "}", "{"))] if r.random() < 0.15 else [])


def _join(r: random.Random, pieces: Sequence[str]) -> str:
    out = [r.choice(_WORDS)]
    for piece in pieces:
        out += [piece, r.choice(_WORDS)]
    return "".join(out)


def _translate(r: random.Random, pieces: list[str], kind: str) -> tuple[list[str], str]:
    """A translation's directives made from the msgid's by one of a translator's edits."""
    edit = r.choice(("same", "same", "reorder", "retype", "drop", "add", "stray", "renumber",
                     "duplicate", "fresh"))
    out = list(pieces)
    if edit == "reorder" and len(out) > 1:
        if kind in ("c-format", "objc-format") and "$" not in "".join(out):
            out = [p.replace("%", f"%{i + 1}$", 1) if p.startswith("%") else p
                   for i, p in enumerate(out)]
        r.shuffle(out)
    elif edit == "retype" and out:
        i = r.randrange(len(out))
        out[i] = _retype(r, out[i], kind) if not out[i].startswith("{") else _brace_field(
            r, r.choice(("0", "name", "n", "")))
    elif edit == "drop" and out:
        out.pop(r.randrange(len(out)))
    elif edit == "add":
        out.insert(r.randint(0, len(out)), _pieces(r, kind, 1)[0])
    elif edit == "stray":
        out.insert(r.randint(0, len(out)), r.choice(
            ("}", "{", "}}", "{{") if kind == "python-brace-format" else
            ("%", "% ", "%y", "5% ", "%%", "%1%")))
    elif edit == "renumber" and out and kind in ("c-format", "objc-format"):
        i = r.randrange(len(out))
        out[i] = re.sub(r"^%(\d+\$)?", lambda m: f"%{r.randint(0, 4)}$", out[i])
    elif edit == "duplicate" and out:
        out.append(r.choice(out))
    elif edit == "fresh":
        out = _pieces(r, kind, r.randint(0, 3))
    if kind in ("c-format", "objc-format") and r.random() < 0.1:
        out = [p.replace("%", "%I", 1) if p.startswith("%") and "$" not in p else p
               for p in out]
    return out, edit


def _newlines(r: random.Random, text: str) -> str:
    roll = r.random()
    if roll < 0.03:
        return text + "\n"
    if roll < 0.05:
        return "\n" + text
    return text


def _like(r: random.Random, model: str, text: str) -> str:
    """``text`` with the leading and trailing newlines of ``model``, mostly."""
    if r.random() < 0.1:
        return _newlines(r, text)
    return ("\n" if model.startswith("\n") else "") + text + (
        "\n" if model.endswith("\n") and model != "\n" else "")


def generate(r: random.Random, count: int, nplurals: int = 3) -> list[Entry]:
    """``count`` entries (see the module docstring), plural ones with ``nplurals`` forms."""
    entries = []
    for _ in range(count):
        kind = r.choice(FORMATS)
        pieces = _pieces(r, kind, r.choice((0, 1, 1, 2, 2, 3)))
        msgid = _newlines(r, _join(r, pieces)) or "x"
        roll = r.random()
        flags = ([kind] if roll < 0.7 else [f"possible-{kind}"] if roll < 0.75 else
                 [f"no-{kind}"] if roll < 0.8 else [])
        if r.random() < 0.04:
            flags.append("fuzzy")
        if r.random() < 0.15:  # a plural entry: forms made from the msgid_plural
            plural_pieces, _ = _translate(r, pieces, kind)
            plural = _like(r, msgid, _join(r, plural_pieces)) or "y"
            forms, edits = [], []
            for j in range(nplurals):
                translated, edit = _translate(r, plural_pieces, kind)
                if j == 0 and r.random() < 0.3:
                    translated, edit = [], "singular without the number"
                forms.append("" if r.random() < 0.05 else _like(r, msgid, _join(r, translated)))
                edits.append(edit)
            if r.random() < 0.1:
                flags.append(r.choice(("range: 1..1", "range: 0..5", "range: 2..4")))
            entries.append(Entry(flags, msgid, forms, plural, why=", ".join(edits)))
            continue
        translated, edit = _translate(r, pieces, kind)
        msgstr = "" if r.random() < 0.04 else _like(r, msgid, _join(r, translated))
        if msgstr == "" and edit != "same":
            msgstr = "z"
        entries.append(Entry(flags, msgid, [msgstr], why=edit))
    return entries


# -- running both -------------------------------------------------------------------------------
def catalog(entries: Sequence[Entry], plural_forms: str = SERBIAN,
            language: str = "sr_Latn") -> tuple[str, list[tuple[int, int]]]:
    """The PO text with ``entries`` (each with its own msgctxt, so none is a duplicate) and
    the first and last line of each."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
             f'"Language: {language}\\n"', f'"Plural-Forms: {plural_forms}\\n"', ""]
    ranges = []
    for number, entry in enumerate(entries):
        block = entry.text(number)
        ranges.append((len(lines) + 1, len(lines) + len(block)))
        lines += [*block, ""]
    return "\n".join(lines), ranges


def _entry_at(ranges: Sequence[tuple[int, int]], line: int) -> int | None:
    for number, (first, last) in enumerate(ranges):
        if first <= line <= last:
            return number
    return None


def msgfmt_rejects(text: str, ranges: Sequence[tuple[int, int]]) -> dict[int, list[str]]:
    """Entry number -> msgfmt's errors about it (``msgfmt -c`` on ``text``)."""
    assert MSGFMT is not None
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "vectors.po"
        path.write_text(text, "utf-8")
        done = subprocess.run([MSGFMT, "-c", "-o", os.devnull, str(path)], capture_output=True,
                              env={**os.environ, "LC_ALL": "C"}, timeout=60, check=False)
    errors: dict[int, list[str]] = {}
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        m = re.match(rf"{re.escape(str(path))}:(\d+): (?!warning)(.*)", line)
        number = _entry_at(ranges, int(m.group(1))) if m else None
        if m and number is not None:
            errors.setdefault(number, []).append(m.group(2))
    return errors


def we_reject(text: str, ranges: Sequence[tuple[int, int]]) -> dict[int, list[str]]:
    """Entry number -> our checker's errors about it (the catalog read as any catalog, not
    as one of the site's)."""
    errors: dict[int, list[str]] = {}
    for problem in check_text(text, "vectors.po"):
        number = _entry_at(ranges, problem.line)
        if problem.severity == "error" and number is not None:
            errors.setdefault(number, []).append(f"{problem.message} [{problem.code}]")
    return errors


@dataclass
class Disagreement:
    entry: Entry
    ours: list[str]
    msgfmt: list[str]

    def __str__(self) -> str:
        return (f"{self.entry.flags} msgid={self.entry.msgid!r} "
                f"plural={self.entry.msgid_plural!r} msgstr={self.entry.msgstrs!r} "
                f"({self.entry.why}): we say {self.ours or 'fine'}, msgfmt says "
                f"{self.msgfmt or 'fine'}")


def disagreements(entries: Sequence[Entry], plural_forms: str = SERBIAN,
                  language: str = "sr_Latn") -> list[Disagreement]:
    """The entries on which our verdict (some error or none) is not msgfmt's."""
    text, ranges = catalog(entries, plural_forms, language)
    theirs, ours = msgfmt_rejects(text, ranges), we_reject(text, ranges)
    return [Disagreement(entry, ours.get(i, []), theirs.get(i, []))
            for i, entry in enumerate(entries) if (i in ours) != (i in theirs)]


def measure(entries_total: int, seed: int) -> dict[str, int]:
    """The README's figures for generated vectors: ``entries_total`` entries from ``seed``,
    half under a Serbian header, half under an English one, 200 a msgfmt run."""
    from tests.test_checker_vs_msgfmt import DELIBERATE

    r = random.Random(seed)
    counts = dict.fromkeys(("entries", "rejected by msgfmt", "agree", "deliberate",
                            "unexplained"), 0)
    for batch in range(max(1, entries_total // 200)):
        serbian = batch % 2 == 0
        entries = generate(r, 200, 3 if serbian else 2)
        text, ranges = catalog(entries, SERBIAN if serbian else ENGLISH,
                               "sr_Latn" if serbian else "en")
        theirs, ours = msgfmt_rejects(text, ranges), we_reject(text, ranges)
        counts["entries"] += len(entries)
        counts["rejected by msgfmt"] += len(theirs)
        for i, entry in enumerate(entries):
            if (i in ours) == (i in theirs):
                counts["agree"] += 1
                continue
            found = Disagreement(entry, ours.get(i, []), theirs.get(i, []))
            explained = any(rule(found) for rule in DELIBERATE.values())
            counts["deliberate" if explained else "unexplained"] += 1
            if not explained:
                print("unexplained:", found)
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Our checker against msgfmt -c on generated "
                                                 "entries (the README's agreement table).")
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=24)
    arguments = parser.parse_args()
    if MSGFMT is None:
        raise SystemExit("msgfmt is not installed (Debian package gettext)")
    for name, value in measure(arguments.entries, arguments.seed).items():
        print(f"{name:>20}: {value:,}")
