"""catalogs/linebreak.py is libunistring 1.0's line breaking (what msgcat 0.21 uses), checked
against the library itself (ctypes), against the uniseg-based layout it replaced, and for
linear time."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import uniseg_layout
from tests.profiles import examples
from tests.unistring import REPRESENTATIVES, libunistring, probes
from translit_service.catalogs import gnu, linebreak

ROOT = Path(__file__).resolve().parent.parent
LIB = libunistring()
needs_libunistring = pytest.mark.skipif(
    LIB is None, reason="libunistring 1.0 (Debian 12's libunistring2, gettext's) is not installed:"
                        " the comparisons with it did not run")
MSGCAT = shutil.which("msgcat")

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
# One character of every class, and the ones the rules outside the pair table are about.
CLASS_MIXTURES = st.lists(st.sampled_from([*REPRESENTATIVES, " ", " ", "\u05d0", "\u0300",
                                           "\u200d", "\U0001f1e6", "\u00a0", "a", "1"]),
                          max_size=40).map("".join)


def _ranges() -> list[tuple[int, int, str, int]]:
    rows = []
    for line in linebreak.DATA.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            span, name, width = line.split()
            first, last = (int(x, 16) for x in span.split(".."))
            rows.append((first, last, name, int(width)))
    return rows


def test_the_table_gives_every_code_point_one_class() -> None:
    rows = _ranges()
    assert rows[0][0] == 0 and rows[-1][1] == 0x10FFFF
    for (_, last, _, _), (first, _, _, _) in pairwise(rows):
        assert first == last + 1 or (last, first) == (0xD7FF, 0xE000)  # surrogates: no class
    assert {name for *_, name, _ in rows} <= set(linebreak.CLASSES)


@needs_libunistring
def test_each_range_of_the_table_is_libunistrings() -> None:
    """Both ends of every range: the same width as uc_width, the same breaks in 120 contexts
    (tools/build_linebreak.py --check tries every code point)."""
    assert LIB is not None
    wrong = []
    for first, last, _name, width in _ranges():
        for cp in {first, last}:
            if LIB.width(cp) != width or any(
                    LIB.possible_breaks(p) != linebreak.break_kinds(p) for p in probes(chr(cp))):
                wrong.append(f"U+{cp:04X}")
    assert not wrong


@needs_libunistring
@given(st.one_of(ANY_TEXT, CLASS_MIXTURES))
@settings(max_examples=examples(300))
def test_break_opportunities_are_libunistrings(text: str) -> None:
    assert LIB is not None
    assert linebreak.break_kinds(text) == LIB.possible_breaks(text)


@needs_libunistring
@given(st.one_of(ANY_TEXT, CLASS_MIXTURES), st.integers(1, 80), st.integers(0, 80),
       st.sets(st.integers(0, 119)))
@settings(max_examples=examples(200))
def test_line_breaks_for_a_width_are_libunistrings(text: str, width: int, start: int,
                                                   prohibited: set[int]) -> None:
    assert LIB is not None
    inside = {i for i in prohibited if i < len(text)}
    assert linebreak.width_breaks(text, width, start, inside) == \
        LIB.width_breaks(text, width, start, inside)


def _catalog_strings() -> list[str]:
    path = ROOT / "tests" / "data" / "eval" / "dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(3000), handle, strict=False)]
    return [row[key] for row in rows for key in ("msgid", "latn", "cyrl")]


CATALOG_STRINGS = _catalog_strings()


def _msgcat_wrap(tmp_path: Path, value: str) -> list[str]:
    escaped = value.translate({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n",
                               ord("\t"): "\\t"})
    path = tmp_path / "one.po"
    path.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    f'msgid "x"\nmsgstr "{escaped}"\n', "utf-8")
    assert MSGCAT is not None
    out = subprocess.run([MSGCAT, str(path)], capture_output=True, check=True, timeout=30)
    return out.stdout.decode("utf-8").split('msgid "x"\n', 1)[1].rstrip("\n").split("\n")


@given(st.lists(st.sampled_from(CATALOG_STRINGS), min_size=1, max_size=4))
@settings(max_examples=examples(60))
def test_catalog_text_is_laid_out_as_uniseg_did_or_as_msgcat_does(
        tmp_path_factory: pytest.TempPathFactory, strings: list[str]) -> None:
    """On real catalog strings (the dev split) the new layout is the old one's, except where
    the old one was wrong: msgcat decides (the suite's fixture: one string to wrap)."""
    value = " ".join(strings)
    ours = gnu.wrap("msgstr", value)
    if ours != uniseg_layout.wrap("msgstr", value):
        if MSGCAT is None:
            pytest.skip("msgcat is not installed: cannot tell which layout is right")
        assert ours == _msgcat_wrap(tmp_path_factory.mktemp("po"), value)


def test_the_strings_where_uniseg_was_wrong() -> None:
    """Found by the test above on the dev split, decided by msgcat (kept as cases)."""
    value = ('To remove files select them then click on the "Remove" button or press '
             '"Delete" key')
    assert gnu.wrap("msgstr", value)[1:] == [
        '"To remove files select them then click on the \\"Remove\\" button or press "',
        '"\\"Delete\\" key"']
    assert uniseg_layout.wrap("msgstr", value)[1].endswith('button or "')  # 81 columns


def _layout_seconds(size: int) -> float:
    words = ("Kliknite na „Sačuvaj“ (Ctrl+S) da biste sačuvali izmene — ili odustanite; "
             "Ћирилица и латиница, 12,5 % брже: https://example.org/a/b?c=d … ").split(" ")
    text = " ".join(words[i % len(words)] for i in range(size // 6))[:size]
    po = f'msgid "long"\nmsgstr "{text}"\n'
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        gnu.gnu_layout(po)
        best = min(best, time.process_time() - began)
    return best


def test_layout_time_is_linear_in_the_string_length() -> None:
    """A 256 KB msgstr takes about 4 times a 64 KB one (16 times would be quadratic)."""
    small, large = _layout_seconds(64_000), _layout_seconds(256_000)
    assert large / small < 8, (small, large)
