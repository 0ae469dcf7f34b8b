"""Read a Hunspell dictionary and expand its affix rules into word forms.

Debian's ``unmunch`` mishandles the numeric flags (``FLAG num``) of the Serbian dictionary
and crashes on it, so the expansion is done here.  Only what ``hunspell-sr`` uses is
supported: ``SFX``/``PFX`` classes with numeric flags, rules ``SFX flag strip add`` whose
condition is "the word ends with ``strip``" (the dictionary writes no condition column), and
prefixes combined with suffixes when both classes allow the cross product (``Y``).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple


class Rule(NamedTuple):
    strip: str
    add: str


class AffixClass(NamedTuple):
    kind: str  # "SFX" or "PFX"
    cross: bool
    rules: list[Rule]


def read_affixes(path: Path) -> dict[str, AffixClass]:
    classes: dict[str, AffixClass] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[0] not in ("SFX", "PFX"):
            continue
        kind, flag = fields[0], fields[1]
        if flag not in classes:  # the header line: SFX flag Y count
            classes[flag] = AffixClass(kind, fields[2] == "Y", [])
            continue
        strip = "" if fields[2] == "0" else fields[2]
        add = "" if fields[3] == "0" else fields[3].split("/")[0]
        classes[flag].rules.append(Rule(strip, add))
    return classes


def read_dictionary(path: Path) -> Iterator[tuple[str, list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:  # the first line is the entry count
        word, _, flags = line.strip().partition("/")
        if word:
            yield word, [f for f in flags.split(",") if f]


def expand(word: str, flags: list[str], classes: dict[str, AffixClass]) -> set[str]:
    """Every form of one dictionary entry."""
    forms = {word}
    crossable = {word}
    for flag in flags:
        affix = classes.get(flag)
        if affix is None or affix.kind != "SFX":
            continue
        for rule in affix.rules:
            if word.endswith(rule.strip):
                form = word[:len(word) - len(rule.strip)] + rule.add
                forms.add(form)
                if affix.cross:
                    crossable.add(form)
    for flag in flags:
        affix = classes.get(flag)
        if affix is None or affix.kind != "PFX":
            continue
        for rule in affix.rules:
            bases = crossable if affix.cross else {word}
            for base in bases:
                if base.startswith(rule.strip):
                    forms.add(rule.add + base[len(rule.strip):])
    return forms


def all_forms(aff: Path, dic: Path) -> set[str]:
    classes = read_affixes(aff)
    forms: set[str] = set()
    for word, flags in read_dictionary(dic):
        forms |= expand(word, flags, classes)
    return forms


def fetch(package: str = "hunspell-sr", work: Path | None = None) -> tuple[Path, str]:
    """Download and unpack a Debian package (nothing is installed); return the unpacked root
    and the package's file name (which carries its version)."""
    work = work or Path(tempfile.mkdtemp(prefix="translit-lexicon-"))
    work.mkdir(parents=True, exist_ok=True)
    debs = sorted(work.glob(f"{package}_*.deb"))
    if not debs:
        subprocess.run(["apt-get", "download", "-q", package], cwd=work, check=True,
                       capture_output=True)
        debs = sorted(work.glob(f"{package}_*.deb"))
    root = work / "root"
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(root)], check=True)
    return root, debs[-1].name


def serbian_forms_from_command_line(description: str) -> tuple[set[str], str]:
    """The Cyrillic forms of Debian's hunspell-sr (downloaded into ``--work``, or a temporary
    directory) and the package's file name: what both build scripts start from."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--work", type=Path, help="download here (default: a temporary dir)")
    args = parser.parse_args()
    root, deb = fetch("hunspell-sr", args.work)
    dictionary = root / "usr" / "share" / "hunspell"
    return all_forms(dictionary / "sr_RS.aff", dictionary / "sr_RS.dic"), deb
