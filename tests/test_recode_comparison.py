"""to_latin against GNU gettext's recode-sr-latin, on our own corpus and reference."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from translit_service import Options, to_cyrillic, to_latin
from translit_service.glossary import Glossary

ROOT = Path(__file__).resolve().parent.parent

DATA = Path(__file__).parent / "data"
RECODE = shutil.which("recode-sr-latin")


def _lines(name: str) -> list[str]:
    return (DATA / name).read_text("utf-8").splitlines()


def _correct(outputs: list[str], reference: list[str]) -> int:
    return sum(o == r for o, r in zip(outputs, reference, strict=True))


def test_to_latin_matches_the_reference() -> None:
    corpus, reference = _lines("cyrillic_corpus.txt"), _lines("latin_reference.txt")
    assert [to_latin(line) for line in corpus] == reference


def test_corpus_round_trips() -> None:
    corpus = _lines("cyrillic_corpus.txt")
    # our own news corpus follows the site's convention (PDF stays Latin): its glossary
    site = Options(glossary=Glossary.from_file(ROOT / "glossary.txt"))
    assert [to_cyrillic(to_latin(line), options=site) for line in corpus] == corpus


@pytest.mark.skipif(RECODE is None, reason="recode-sr-latin not installed (apt-get install gettext)")
def test_at_least_as_accurate_as_recode_sr_latin(capsys: pytest.CaptureFixture[str]) -> None:
    corpus, reference = _lines("cyrillic_corpus.txt"), _lines("latin_reference.txt")
    assert RECODE is not None
    result = subprocess.run([RECODE], input="\n".join(corpus) + "\n", capture_output=True,
                            text=True, encoding="utf-8", check=True, timeout=60)
    theirs = result.stdout.splitlines()
    ours = [to_latin(line) for line in corpus]
    ours_ok, theirs_ok = _correct(ours, reference), _correct(theirs, reference)
    with capsys.disabled():
        print(f"\nto_latin: {ours_ok}/{len(reference)} lines, recode-sr-latin: {theirs_ok}/{len(reference)}")
    assert ours_ok >= theirs_ok
