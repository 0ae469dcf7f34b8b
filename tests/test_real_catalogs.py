"""Accuracy on real Serbian catalogs (tests/data/eval, see tools/build_eval_corpus.py).

The held-back split was never looked at while writing rules; the figures here are the ones
the README reports, and a change that lowers either fails.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from translit_service import Transliterator
from translit_service.entries import derive_entry

DATA = Path(__file__).resolve().parent / "data" / "eval"
#: split -> (Latin -> Cyrillic through derive, Cyrillic -> Latin), as in the README.
FLOORS = {"dev": (0.9515, 0.9920), "heldout": (0.9675, 0.9980)}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_exact_match_on_real_catalogs(split: str, capsys: pytest.CaptureFixture[str]) -> None:
    with gzip.open(DATA / f"{split}.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    engine = Transliterator()
    cyrillic = sum(derive_entry(r["msgid"], [r["latn"]], "cyrl", engine)[0] == r["cyrl"]
                   for r in rows) / len(rows)
    latin = sum(engine.to_latin(r["cyrl"]) == r["latn"] for r in rows) / len(rows)
    with capsys.disabled():
        print(f"\n{split}: {len(rows)} msgstrs, latn->cyrl {cyrillic:.2%}, cyrl->latn {latin:.2%}")
    assert cyrillic >= FLOORS[split][0]
    assert latin >= FLOORS[split][1]
