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
    assert (total, len(CASES["known_disagreements"])) == (25, 0)


HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: sr_Latn\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
          'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n')


@pytest.mark.parametrize(("msgid", "msgstr", "code"), [
    ("Hello", "   ", "blank"),
    ("See https://example.org/a", "Vidi https://example.org/b", "urls"),
    ("Write to press@example.org", "Pišite na info@example.org", "urls"),
    ('<a href="/news">News</a>', '<a href="/vesti">Vesti</a>', "link-attributes"),
    (" Leading", "Vodeći", "whitespace"),
    ("Trailing ", "Prateći", "whitespace"),
    ("One space", "Jedan  razmak", "double-space"),
    ("Done.", "Gotovo", "end-punctuation"),
    ("Done", "Gotovo!", "end-punctuation"),
    ("It is ready", "Spremno je je", "doubled-word"),
])
def test_pofilter_style_warnings(msgid: str, msgstr: str, code: str) -> None:
    """What pofilter warns about: warnings, never errors, even with --strict."""
    from translit_service.catalogs import check_text

    text = HEADER + f"msgid {json.dumps(msgid)}\nmsgstr {json.dumps(msgstr, ensure_ascii=False)}\n"
    found = {(p.code, p.severity) for p in check_text(text, "x/sr_Latn/LC_MESSAGES/messages.po",
                                                       strict=True)}
    assert (code, "warning") in found, found
    assert not [c for c, severity in found if severity == "error"], found
