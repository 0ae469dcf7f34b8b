"""Hot reload of the UI catalogs: a file caught mid-write or swapped while it is read is never
served, and a refused edit is never kept as the last good version (catalogs/store.py)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from translit_service.app import create_app
from translit_service.catalogs import store as store_module
from translit_service.catalogs.store import LAST_GOOD, CatalogStore

LOCALES = Path(__file__).resolve().parent.parent / "locales"
LOCALE = "sr_Latn"


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo", ".*.lock"))
    return target


def _po(locales: Path) -> Path:
    return locales / LOCALE / "LC_MESSAGES" / "messages.po"


def _edited(text: str, search: str) -> str:
    """The catalog with Search translated as ``search`` (so versions can be told apart)."""
    return text.replace('msgstr "Pretraga"', f'msgstr "{search}"')


def _broken(text: str) -> str:
    """A refused edit: a stray % (the site %-formats every string)."""
    return text.replace('msgstr "Pretraga"', 'msgstr "Pretraga 100%"')


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_file_caught_mid_write_is_not_loaded_until_it_settles(locales: Path) -> None:
    """``cp`` writes a catalog in pieces: a piece that ends at an entry parses, and was served
    (half the pages in English).  The store loads a new stamp only when it has stayed the same
    for ``settle`` seconds."""
    po = _po(locales)
    good = po.read_text("utf-8")
    clock = Clock()
    catalogs = CatalogStore(locales, settle=0.5, clock=clock)
    full = catalogs.get(LOCALE)
    assert full is not None
    entries = len(full.messages())
    new = _edited(good, "Traži").encode()
    cut = new.index(b'\n\n', len(new) // 2) + 2  # half the entries: it parses
    po.write_bytes(new[:cut])
    assert len(catalogs.get(LOCALE).messages()) == entries  # type: ignore[union-attr]
    clock.now += 0.3
    assert len(catalogs.get(LOCALE).messages()) == entries  # type: ignore[union-attr]
    with po.open("ab") as handle:  # the rest of the file, before the half settled
        handle.write(new[cut:])
    clock.now += 0.3
    got = catalogs.get(LOCALE)
    assert got is not None and got.messages()["Search"] == "Pretraga"  # a new stamp: waits
    clock.now += 0.6
    got = catalogs.get(LOCALE)
    assert got is not None and got.messages()["Search"] == "Traži"
    assert len(got.messages()) == entries
    assert catalogs.status((LOCALE,))[LOCALE] == ("ok", "ok")


def test_a_file_last_modified_long_ago_is_loaded_at_the_first_look(locales: Path) -> None:
    po = _po(locales)
    catalogs = CatalogStore(locales, settle=0.5, clock=Clock())
    assert catalogs.get(LOCALE) is not None
    po.write_text(_edited(po.read_text("utf-8"), "Traži"), "utf-8")
    os.utime(po, ns=(time.time_ns(), time.time_ns() - 2_000_000_000))
    assert catalogs.get(LOCALE).messages()["Search"] == "Traži"  # type: ignore[union-attr]


def test_the_checked_bytes_are_the_loaded_bytes(locales: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A file swapped between the check and the load was served unchecked and kept as the
    last good version (589 of 1,105 pages during rapid swaps): one read for both."""
    po = _po(locales)
    good = po.read_text("utf-8")
    catalogs = CatalogStore(locales, settle=0)
    assert catalogs.get(LOCALE) is not None
    real_check = store_module.check_catalog

    def check_then_swap(*args: object, **kwargs: object) -> object:
        found = real_check(*args, **kwargs)  # type: ignore[arg-type]
        po.write_text(_broken(good), "utf-8")  # an editor saves again, right now
        return found

    monkeypatch.setattr(store_module, "check_catalog", check_then_swap)
    po.write_text(_edited(good, "Traži"), "utf-8")
    os.utime(po, ns=(time.time_ns(), time.time_ns() - 2_000_000_000))
    got = catalogs.get(LOCALE)
    assert got is not None and got.messages()["Search"] == "Traži"
    assert b"100%" not in (po.parent / LAST_GOOD).read_bytes()
    monkeypatch.setattr(store_module, "check_catalog", real_check)
    os.utime(po, ns=(time.time_ns(), time.time_ns() - 2_000_000_000))
    got = catalogs.get(LOCALE)  # the broken file now in place: refused, the good one served
    assert got is not None and got.messages()["Search"] == "Traži"
    assert catalogs.status((LOCALE,))[LOCALE][0] == "degraded"
    assert b"100%" not in (po.parent / LAST_GOOD).read_bytes()


def test_rapid_swaps_and_slow_writes_never_serve_a_half_or_refused_catalog(
        locales: Path) -> None:
    """An editor saving again and again (whole files renamed into place, refused ones among
    them) and ``cp`` writing in pieces, while pages are served: every response has every
    entry and no refused string, nothing refused becomes the last good version, and the last
    save is served once it has settled."""
    po = _po(locales)
    good = po.read_text("utf-8")
    settle = 0.3
    client = create_app({"TESTING": True, "LOCALES_DIR": locales,
                         "CATALOG_SETTLE": settle}).test_client()
    first = client.get("/api/v1/catalogs/sr-Latn").get_json()["messages"]
    entries = len(first)
    stop = threading.Event()
    problems: list[str] = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            text = _broken(good) if n % 3 == 0 else _edited(good, f"Traži {n}")
            if n % 2:  # an editor: a whole file renamed into place
                partial = po.with_name(f".messages.po.{n}")
                partial.write_text(text, "utf-8")
                partial.replace(po)
            else:  # cp: the file rewritten in pieces
                data = text.encode()
                with po.open("wb") as handle:
                    for start in range(0, len(data), 2048):
                        handle.write(data[start:start + 2048])
                        handle.flush()
                        time.sleep(0.005)
            time.sleep(0.01)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            messages = client.get("/api/v1/catalogs/sr-Latn").get_json()["messages"]
            if len(messages) != entries:
                problems.append(f"{len(messages)} of {entries} entries")
            if "100%" in messages.get("Search", ""):
                problems.append("a refused edit served")
            page = client.get("/tool?lang=sr-Latn").get_data(as_text=True)
            if "100%" in page or ">Search<" in page:
                problems.append("a page with a refused or an English string")
            last_good = po.with_name(LAST_GOOD)
            if last_good.exists() and b"100%" in last_good.read_bytes():
                problems.append("a refused edit kept as the last good version")
    finally:
        stop.set()
        thread.join()
    assert not problems, problems[:5]
    po.write_text(_edited(good, "Konačno"), "utf-8")  # the last save, then quiet
    time.sleep(settle + 0.1)
    client.get("/api/v1/catalogs/sr-Latn")  # the first look after it settled
    time.sleep(settle + 0.1)
    messages = client.get("/api/v1/catalogs/sr-Latn").get_json()["messages"]
    assert messages["Search"] == "Konačno" and len(messages) == entries
