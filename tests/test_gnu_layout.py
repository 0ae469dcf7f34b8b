"""PO files written as GNU gettext writes them: msgcat round trips change nothing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.profiles import examples
from translit_service.catalogs.gnu import gnu_layout, wrap

ROOT = Path(__file__).resolve().parent.parent
MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="msgcat (Debian gettext) is not "
                                  "installed: the GNU round trips did not run")
COMMITTED = sorted([*ROOT.glob("locales/**/*.po"), ROOT / "locales" / "messages.pot",
                    *ROOT.glob("content/articles/*/*.po"), *ROOT.glob("content/articles/*/*.pot")])

# Our own vectors for each kind of break GNU makes (or refuses), in both scripts.
VECTORS = [
    "Gubitak brzine radi prikazivanja broja stavki u fascikli. Ukoliko je postavljeno na "
    "„always“ (uvek), stalno se prikazuje broj stavki, čak i ako je fascikla udaljena.",
    "Кључ је застарео. Сада се користи кључ „show-hidden“ (прикажи скривене) из "
    "„org.gtk.Settings.FileChooser“ уместо њега, а стари се занемарује.",
    "praćenje;sistem;proces;procesor;memorija;mreža;istorijat;upotreba;monitor;Monitor;System;",
    "Upravljački programi se nalaze na  <a href=\"http://support.example.com\">vebsajtu</a>.",
    "Prvi red\nDrugi red koji je nešto duži od prvog i ide preko ivice stranice, sasvim sigurno\n",
    "Tab\tand \"quotes\" and a backslash \\ in a string long enough to be wrapped twice over",
    "日本語の文字は二つの列を使うので、この行はもっと早く折り返されるはずです。日本語の文字は二つの列を使う",
    "Vrednost „(%s)“ nije ispravna: očekuje se broj između %d i %d, a dobijeno je „%s“ (proveri)",
    "",
    "Kratko",
    "Završava se novim redom\n",
    # gettext may break before an escape's backslash (we once refused to: 81 columns).
    'To remove files select them then click on the "Remove" button or press "Delete" key',
]


def _write(tmp_path: Path, texts: list[str]) -> Path:
    """A PO file with ``texts`` as msgids and msgstrs, plural and obsolete entries, written
    by polib with no wrapping at all (one line a string)."""
    po = polib.POFile(wrapwidth=100_000)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8",
                   "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                                   "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"}
    for number, text in enumerate(texts):
        po.append(polib.POEntry(msgctxt=f"c{number}", msgid=text or "(empty)", msgstr=text))
    po.append(polib.POEntry(msgid=VECTORS[0], msgid_plural=VECTORS[1],
                            msgstr_plural={0: VECTORS[1], 1: VECTORS[0], 2: VECTORS[3]}))
    po.append(polib.POEntry(msgid="Obsolete " + VECTORS[0], msgstr=VECTORS[1], obsolete=True))
    path = tmp_path / "in.po"
    path.write_text(str(po), "utf-8")
    return path


def _msgcat(path: Path) -> str:
    assert MSGCAT is not None
    return subprocess.run([MSGCAT, str(path)], capture_output=True, check=True,
                          timeout=30).stdout.decode("utf-8")


@needs_msgcat
@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: str(p.relative_to(ROOT)))
def test_msgcat_changes_no_byte_of_our_files(path: Path) -> None:
    assert _msgcat(path) == path.read_text("utf-8")


@needs_msgcat
def test_our_layout_is_msgcats_on_the_vectors(tmp_path: Path) -> None:
    path = _write(tmp_path, VECTORS)
    ours = gnu_layout(path.read_text("utf-8"))
    assert ours == _msgcat(path)
    assert gnu_layout(ours) == ours


@needs_msgcat
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)
                .map(lambda s: s.replace("\r", "")), min_size=1, max_size=5))
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
def test_our_layout_is_msgcats_on_any_text(tmp_path: Path, texts: list[str]) -> None:
    path = _write(tmp_path, [" ".join(t.split(" ")) for t in texts])
    assert gnu_layout(path.read_text("utf-8")) == _msgcat(path)


def test_a_string_with_a_newline_inside_starts_with_an_empty_line() -> None:
    assert wrap("msgstr", "a\nb") == ['msgstr ""', '"a\\n"', '"b"']
    assert wrap("msgstr", "a\n") == ['msgstr "a\\n"']
    assert wrap("msgid", "") == ['msgid ""']
