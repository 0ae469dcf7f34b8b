"""Load the golden cases in tests/cases/*.json and run one through the engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from translit_service import transliterate

CASES_DIR = Path(__file__).parent / "cases"
HELDOUT = "heldout.json"


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((CASES_DIR / name).read_text("utf-8"))["cases"]
    return cases


def tuning_files() -> list[str]:
    return sorted(p.name for p in CASES_DIR.glob("*.json") if p.name != HELDOUT)


def run(case: dict[str, Any]) -> str:
    return transliterate(case["in"], to=case.get("to", "cyrl"), fmt=case.get("fmt", "text"),
                         **case.get("options", {}))


def passes(case: dict[str, Any]) -> bool:
    got = run(case)
    return case["out"] in got if case.get("fragment") else got == case["out"]
