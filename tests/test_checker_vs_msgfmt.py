"""The checker against ``msgfmt -c`` (Debian's GNU gettext 0.21).

Two sets of vectors: our own (``tests/data/formats``, one file per class, msgfmt's verdict in
``verdicts.json``) and generated ones (``tests/msgfmt_oracle.py``: format strings and the
translations a translator makes of them, many entries per msgfmt run, hypothesis choosing the
draws).  Every disagreement is either a bug or one of the deliberate choices the README lists
(:data:`DELIBERATE`, each with its reason); the tests fail on any other.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.msgfmt_oracle import (
    ENGLISH,
    MSGFMT,
    SERBIAN,
    Disagreement,
    Entry,
    disagreements,
    generate,
)
from tests.profiles import examples
from translit_service.catalogs import check_catalog

HERE = Path(__file__).resolve().parent
VECTORS = HERE / "data" / "formats"
CASES = json.loads((VECTORS / "verdicts.json").read_text("utf-8"))
needs_msgfmt = pytest.mark.skipif(MSGFMT is None,
                                  reason="msgfmt (Debian package gettext) is not installed")

#: Disagreements we choose (README: "Where the checker is stricter than msgfmt, and why").
DELIBERATE = {
    "single closing brace": lambda d: not d.msgfmt and all(
        "has a single '}'" in message for message in d.ours),
}


def _explained(found: Disagreement) -> bool:
    return any(rule(found) for rule in DELIBERATE.values())


@pytest.mark.parametrize(("name", "verdict"), sorted(CASES["verdicts"].items()))
def test_the_checker_agrees_with_msgfmt(name: str, verdict: str) -> None:
    errors = [p for p in check_catalog(VECTORS / f"{name}.po") if p.severity == "error"]
    ours = "rejected" if errors else "accepted"
    if name in CASES["known_disagreements"]:  # documented, and still the case
        assert ours != verdict, f"{name} agrees now: drop it from known_disagreements"
    else:
        assert ours == verdict, errors


@needs_msgfmt
@pytest.mark.parametrize(("name", "verdict"), sorted(CASES["verdicts"].items()))
def test_the_vectors_verdicts_are_msgfmts(name: str, verdict: str) -> None:
    assert MSGFMT is not None
    done = subprocess.run([MSGFMT, "-c", "-o", "/dev/null", str(VECTORS / f"{name}.po")],
                          capture_output=True, timeout=30, check=False)
    assert ("accepted" if done.returncode == 0 else "rejected") == verdict, done.stderr


def test_agreement_figure() -> None:
    """The figures the README's agreement table reports for our own vectors."""
    total, deliberate = len(CASES["verdicts"]), len(CASES["known_disagreements"])
    assert (total, total - deliberate, deliberate) == (76, 73, 3)


@needs_msgfmt
@settings(max_examples=examples(10))
@given(st.integers(min_value=0, max_value=2**32 - 1), st.sampled_from(["sr_Latn", "en"]))
def test_generated_entries_get_msgfmts_verdict(seed: int, language: str) -> None:
    """200 generated entries a run, one msgfmt call: our verdict is msgfmt's on each, or a
    deliberate disagreement.  (Hypothesis draws the seed of the generator, whose entries are
    printed on a failure: the batch is what makes a run cheap, so it is not shrunk.)"""
    plural_forms = SERBIAN if language == "sr_Latn" else ENGLISH
    entries = generate(random.Random(seed), 200, 3 if language == "sr_Latn" else 2)
    unexplained = [d for d in disagreements(entries, plural_forms, language)
                   if not _explained(d)]
    assert not unexplained, "\n".join(map(str, unexplained[:10]))


@needs_msgfmt
def test_the_oracle_sees_a_checker_without_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The differential test can fail: a checker whose type lattice forgot length modifiers
    (the misses of issue 24) disagrees with msgfmt on the generated entries."""
    from translit_service.catalogs import format_c

    entries = generate(random.Random(24), 1000)
    assert [d for d in disagreements(entries) if not _explained(d)] == []
    monkeypatch.setattr(format_c, "_size", lambda modifiers: "")
    misses = [d for d in disagreements(entries) if d.msgfmt and not d.ours]
    assert any("are not the same" in d.msgfmt[0] for d in misses), misses


@needs_msgfmt
def test_a_deliberate_disagreement_is_seen_and_explained() -> None:
    (found,) = disagreements([Entry(["python-brace-format"], "{name}", ["{name}} je tu"])])
    assert found.msgfmt == [] and _explained(found)
