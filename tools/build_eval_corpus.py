"""Build the evaluation corpus: real Serbian catalogs in both scripts, from Debian packages.

    python tools/build_eval_corpus.py [--work DIR]      (needs apt-get and dpkg-deb)

Many Debian packages ship the same catalog as ``sr`` (Cyrillic) and ``sr@latin`` (Latin).  This
script downloads the packages listed below (``apt-get download``; nothing is installed),
extracts both ``.mo`` files of every domain, pairs their translations by (context, msgid) and
writes ``tests/data/eval/{dev,heldout}.jsonl.gz``: one JSON object a line, ``{"package",
"msgid", "latn", "cyrl"}``.  Packages are split by a hash of their name: about one in four is
held back, and nothing in the engine is tuned on those.  At most 400 pairs are kept per
package (a seeded sample), so that no big project dominates and the files stay small.

Only pairs that are transliterations of each other are kept: the Latin catalog is often
edited on its own (another word, a fixed typo, a dropped keyword list), and such a pair says
nothing about transliteration.  A pair is kept when the words of the Cyrillic text, read letter
by letter into Latin (cyrtranslit, a peer, not our engine), equal the words of the Latin text,
ignoring case.

The catalogs of GTK, GLib, gdk-pixbuf, iso-codes, PackageKit, AppStream, at-spi2-core, Avahi,
Linux-PAM, gsettings-desktop-schemas, system-config-printer, libsecret and
notification-daemon are kept for an independent evaluation and are never used: the script
refuses them (also when another package happens to ship their domain).

The translations are the work of the Serbian translation teams of each project (GNOME, MATE,
Xfce and others), under the licences of those projects; they are used here as test data only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

import cyrtranslit
import polib

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "eval"

PACKAGES = """gedit-common nautilus-data evince-common totem-common eog file-roller
gnome-terminal-data
cheese-common baobab gnome-calculator gnome-system-monitor rhythmbox-data brasero-common
gnome-disk-utility network-manager-gnome gnome-shell-common mutter-common
gnome-settings-daemon-common gvfs-common evolution-common evolution-data-server-common gucharmap
zenity-common yelp gnome-desktop3-data gnome-online-accounts libsoup-3.0-common
gnome-maps gnome-weather gnome-clocks gnome-contacts gnome-calendar
gnome-characters gnome-font-viewer gnome-logs seahorse gnome-keyring gnome-tweaks dconf-editor
polari epiphany-browser-data gitg meld orca simple-scan shotwell-common gnome-sound-recorder
gnome-boxes ghex gnome-mahjongg gnome-mines aisleriot gnome-chess iagno quadrapassel swell-foop
tali gnome-robots gnome-klotski gnome-2048 gnome-control-center-data libgweather-4-common tracker
gnome-text-editor gnome-software-common libnma-common gnome-initial-setup gdm3
gnome-session-common totem-plugins lightsoff five-or-more four-in-a-row hitori gnome-nibbles
gnome-taquin gnome-tetravex atril-common pluma-common caja-common engrampa-common eom-common
mate-control-center-common xfce4-panel thunar-data mousepad xfce4-settings ristretto
tumbler-common xfce4-terminal network-manager gnome-bluetooth-3-common gnome-remote-desktop
rygel""".split()

#: Kept for the independent evaluation: never downloaded, never read.
RESERVED = ("gtk", "glib", "gdk-pixbuf", "iso-codes", "iso_", "packagekit", "appstream",
            "at-spi", "avahi", "linux-pam", "pam", "gsettings-desktop-schemas",
            "system-config-printer", "libsecret", "notification-daemon")
PER_PACKAGE = 400
SEED = 20261123


def reserved(name: str) -> bool:
    lowered = name.lower()
    return any(lowered.startswith(r) or f"-{r}" in lowered for r in RESERVED)


def held_back(package: str) -> bool:
    """About one package in four, chosen by a hash of its name (stable across runs)."""
    return hashlib.sha256(package.encode()).digest()[0] % 4 == 0


_WORDS = re.compile(r"[^\W\d_]+")


def is_transliteration(latin: str, cyrillic: str) -> bool:
    """True when the two texts say the same words (see the module docstring)."""
    read = cyrtranslit.to_latin(cyrillic, "sr")
    return _WORDS.findall(read.lower()) == _WORDS.findall(latin.lower())


def extract(deb: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], check=True,
                         capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target), "--wildcards", "./usr/share/locale/sr/*",
                    "./usr/share/locale/sr@latin/*"], input=tar, capture_output=True)


def pairs(root: Path) -> list[tuple[str, str, str]]:
    """(msgid, Latin, Cyrillic) for every domain shipped in both scripts under ``root``."""
    found = []
    cyrillic_dir = root / "usr/share/locale/sr/LC_MESSAGES"
    latin_dir = root / "usr/share/locale/sr@latin/LC_MESSAGES"
    if not cyrillic_dir.is_dir() or not latin_dir.is_dir():
        return []
    for cyr_mo in sorted(cyrillic_dir.glob("*.mo")):
        if reserved(cyr_mo.stem):
            continue
        lat_mo = latin_dir / cyr_mo.name
        if not lat_mo.exists():
            continue
        latin = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(lat_mo))}
        for entry in polib.mofile(str(cyr_mo)):
            other = latin.get((entry.msgctxt, entry.msgid))
            if other is None or not entry.msgid:
                continue
            if entry.msgid_plural:
                forms = [(other.msgstr_plural.get(k, ""), v)
                         for k, v in sorted(entry.msgstr_plural.items())]
            else:
                forms = [(other.msgstr, entry.msgstr)]
            found += [(entry.msgid, lat, cyr) for lat, cyr in forms
                      if lat and cyr and is_transliteration(lat, cyr)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="download here (default: a temporary dir)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="translit-eval-"))
    (work / "debs").mkdir(parents=True, exist_ok=True)
    splits: dict[str, list[dict[str, str]]] = {"dev": [], "heldout": []}
    rng = random.Random(SEED)
    for package in PACKAGES:
        assert not reserved(package), package
        debs = sorted((work / "debs").glob(f"{package}_*.deb"))
        if not debs:
            subprocess.run(["apt-get", "download", "-q", package], cwd=work / "debs",
                           capture_output=True)
            debs = sorted((work / "debs").glob(f"{package}_*.deb"))
        if not debs:
            print(f"{package}: not available, skipped")
            continue
        extract(debs[-1], work / "x" / package)
        found = sorted(set(pairs(work / "x" / package)))
        if len(found) > PER_PACKAGE:
            found = sorted(rng.sample(found, PER_PACKAGE))
        split = "heldout" if held_back(package) else "dev"
        splits[split] += [{"package": package, "msgid": m, "latn": lat, "cyrl": cyr}
                          for m, lat, cyr in found]
        print(f"{package}: {len(found)} pairs -> {split}")
    OUT.mkdir(parents=True, exist_ok=True)
    for split, rows in splits.items():
        with gzip.open(OUT / f"{split}.jsonl.gz", "wt", encoding="utf-8", compresslevel=9) as f:
            # mtime=0 in the gzip header is not settable through gzip.open; the content is
            # what matters (rows sorted, the sample seeded).
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{split}: {len(rows)} pairs from {len({r['package'] for r in rows})} packages")


if __name__ == "__main__":
    main()
