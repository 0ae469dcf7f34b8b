"""Load the golden cases in tests/cases/*.json and run one through the engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from translit_service import Options, transliterate
from translit_service.glossary import Glossary

CASES_DIR = Path(__file__).parent / "cases"
HELDOUT = "heldout.json"


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((CASES_DIR / name).read_text("utf-8"))["cases"]
    return cases


def tuning_files() -> list[str]:
    return sorted(p.name for p in CASES_DIR.glob("*.json") if p.name != HELDOUT)


SITE_GLOSSARY = Path(__file__).resolve().parent.parent / "glossary.txt"


def options(case: dict[str, Any]) -> Options:
    """A case's "options" are Options fields, one to one (an unknown name is an error);
    ``"glossary": "site"`` is the site's glossary.txt."""
    given = dict(case.get("options", {}))
    if given.get("glossary") == "site":
        given["glossary"] = Glossary.from_file(SITE_GLOSSARY)
    return Options(**given)


def run(case: dict[str, Any]) -> str:
    return transliterate(case["in"], to=case.get("to", "cyrl"), fmt=case.get("fmt", "text"),
                         options=options(case))


def passes(case: dict[str, Any]) -> bool:
    got = run(case)
    return case["out"] in got if case.get("fragment") else got == case["out"]
