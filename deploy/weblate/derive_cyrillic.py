#!/usr/bin/env python3
"""Weblate hook: derive the Serbian Cyrillic catalog from the Latin one Weblate just wrote.

Weblate runs a script add-on with the repository as its working directory (also in
``$WL_PATH``).  As a *pre-commit* script it passes the translation file being committed
(``locales/sr_Latn/LC_MESSAGES/messages.po``): this derives
``locales/sr_Cyrl/LC_MESSAGES/messages.po`` beside it, which the add-on's ``add_file`` puts
in the same commit.  As a *post-update* script (no argument) it derives every
``*/sr_Latn/LC_MESSAGES/*.po`` under the repository.  Any other file (English, an article's
``.po``, sr_Cyrl itself) is left alone.  It runs ``translit catalogs derive``, so a hand edit
of sr_Cyrl is kept and reported as a conflict (exit 1) exactly as there; see
``deploy/weblate/translit_addon.py`` and the README for the set-up.

    derive_cyrillic.py [TRANSLATION_FILE...]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from translit_service.cli import main as translit


def sources(arguments: list[str], root: Path) -> list[Path]:
    """The Latin catalogs to derive from: the files given, or every one under ``root``."""
    given = [Path(a) if Path(a).is_absolute() else root / a for a in arguments]
    found = given or sorted(root.glob("**/sr_Latn/LC_MESSAGES/*.po"))
    return [p for p in found if p.parent.name == "LC_MESSAGES" and p.parent.parent.name ==
            "sr_Latn"]


def run(arguments: list[str]) -> int:
    root = Path(os.environ.get("WL_PATH") or ".")
    catalogs = sources(arguments, root)
    if not catalogs:
        print(f"derive_cyrillic: nothing to derive ({' '.join(arguments) or root} holds no "
              "sr_Latn/LC_MESSAGES catalog)")
        return 0
    status = 0
    for source in catalogs:
        locales = source.parent.parent.parent
        try:
            translit(["catalogs", "--locales", str(locales), "derive", "--from", "sr_Latn",
                      "--to", "sr_Cyrl"], prog_name="translit")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
            status = max(status, code)
    return status


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
