"""The checker against msgfmt -c on our own vectors (tests/data/formats, verdicts in
tests/data/formats/verdicts.json): each format read by its flag, as msgfmt reads it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from translit_service.catalogs import check_catalog

HERE = Path(__file__).resolve().parent
VECTORS = HERE / "data" / "formats"
CASES = json.loads((VECTORS / "verdicts.json").read_text("utf-8"))
MSGFMT = shutil.which("msgfmt")


@pytest.mark.parametrize(("name", "verdict"), sorted(CASES["verdicts"].items()))
def test_the_checker_agrees_with_msgfmt(name: str, verdict: str) -> None:
    if name in CASES["known_disagreements"]:
        pytest.skip(CASES["known_disagreements"][name])
    errors = [p for p in check_catalog(VECTORS / f"{name}.po") if p.severity == "error"]
    assert ("rejected" if errors else "accepted") == verdict, errors


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt (Debian gettext) is not installed")
@pytest.mark.parametrize(("name", "verdict"), sorted(CASES["verdicts"].items()))
def test_the_vectors_verdicts_are_msgfmts(name: str, verdict: str) -> None:
    assert MSGFMT is not None
    done = subprocess.run([MSGFMT, "-c", "-o", "/dev/null", str(VECTORS / f"{name}.po")],
                          capture_output=True, timeout=30)
    assert ("accepted" if done.returncode == 0 else "rejected") == verdict, done.stderr


def test_agreement_figure() -> None:
    """The figure the README reports."""
    total = len(CASES["verdicts"])
    assert (total, len(CASES["known_disagreements"])) == (23, 1)
