"""Hostile input, generated: HTML structure, corrupted catalogs, races, killed workers."""

from __future__ import annotations

import html.parser
import multiprocessing
import os
import random
import shutil
import signal
import time
import urllib.request
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.profiles import examples
from tests.servers import ROOT, gunicorn
from translit_service import transliterate
from translit_service.catalogs import check_text, derive_text
from translit_service.errors import CatalogError

# ----------------------------------------------------------------------------- HTML structure
TEXT = st.text(alphabet="abcčdđeljnžšABCLJNJDŽ .,;:!?'&-{}%()0123", max_size=12).map(
    lambda s: s.replace("&", "&amp;"))
ATTR_VALUE = st.text(alphabet="abcljnjdž XYZ", max_size=8)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "text", "element", "void", "comment", "verbatim"]
                                    if depth < 4 else ["text"]))
        if kind == "text":
            parts.append(draw(TEXT))
        elif kind == "void":
            parts.append(f'<img alt="{draw(ATTR_VALUE)}" src="lj.png">')
        elif kind == "comment":
            parts.append(f"<!-- {draw(TEXT)} -->")
        else:
            tag = draw(st.sampled_from(["p", "b", "em", "a", "li", "span", "div"]
                                       if kind == "element" else ["code", "pre", "script"]))
            attrs = f' title="{draw(ATTR_VALUE)}" class="lj"' if draw(st.booleans()) else ""
            inner = draw(fragments(depth + 1)) if tag != "script" else draw(TEXT)
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
    return "".join(parts)


class _Structure(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, *sorted(k for k, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))


def _structure(markup: str) -> list[tuple[str, ...]]:
    parser = _Structure()
    parser.feed(markup)
    parser.close()
    return parser.events


@given(fragments())
@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
def test_html_mode_keeps_the_tag_structure(fragment: str) -> None:
    for to in ("cyrl", "latn"):
        out = transliterate(fragment, to=to, fmt="html")
        assert _structure(out) == _structure(fragment)


# ----------------------------------------------------------------------------- catalogs
VALID = (ROOT / "locales" / "sr_Latn" / "LC_MESSAGES" / "messages.po").read_text("utf-8")


@given(st.data())
@settings(max_examples=examples(200), deadline=None)
def test_corrupted_catalog_gives_problems_never_a_traceback(data: st.DataObject) -> None:
    lines = VALID.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "cut", "quote", "garbage", "swap"]))
        line = lines[index]
        if action == "drop":
            lines.pop(index)
        elif action == "dup":
            lines.insert(index, line)
        elif action == "cut":
            lines[index] = line[: data.draw(st.integers(0, len(line)))] + "\n"
        elif action == "quote":
            lines[index] = line.replace('"', "", 1)
        elif action == "garbage":
            lines[index] = data.draw(st.text(max_size=20)) + "\n"
        else:
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            lines = ["\n"]
    text = "".join(lines)
    problems = check_text(text, "fuzz.po")
    assert all(p.path == "fuzz.po" and p.line >= 0 for p in problems)
    try:
        derive_text(text, "cyrl", source_path="fuzz.po")
    except CatalogError as exc:
        assert str(exc).startswith("fuzz.po")


def _derive(locales_dir: str) -> int:
    from click.testing import CliRunner

    from translit_service.cli import main

    result = CliRunner().invoke(main, ["catalogs", "--locales", locales_dir, "derive", "--force"])
    return result.exit_code


def test_racing_derives_never_corrupt_the_catalog(tmp_path: Path) -> None:
    locales_dir = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", locales_dir, ignore=shutil.ignore_patterns("*.mo", ".*"))
    target = locales_dir / "sr_Cyrl" / "LC_MESSAGES" / "messages.po"
    expected = target.read_text("utf-8")
    target.unlink()
    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool:
        codes = pool.map(_derive, [str(locales_dir)] * 16)
    assert codes == [0] * 16
    assert target.read_text("utf-8") == expected
    assert polib.pofile(str(target)).percent_translated() == 100
    leftovers = sorted(p.name for p in target.parent.iterdir())
    # The lock file stays, the sidecar of derive's hashes is written; no temp files.
    assert leftovers == [".messages.po.lock", "messages.derived.json", "messages.po"]


def test_corrupt_source_leaves_the_derived_catalog_untouched(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from translit_service.cli import main

    locales_dir = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", locales_dir, ignore=shutil.ignore_patterns("*.mo", ".*"))
    source = locales_dir / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    target = locales_dir / "sr_Cyrl" / "LC_MESSAGES" / "messages.po"
    before = target.read_bytes()
    rng = random.Random(5)
    data = bytearray(source.read_bytes())
    for _ in range(30):
        data[rng.randrange(len(data))] = rng.choice(b'"\\\n\xff')
    source.write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["catalogs", "--locales", str(locales_dir), "derive"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert target.read_bytes() == before


# ----------------------------------------------------------------------------- gunicorn
def _workers(master: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                found.add(int(entry.name))
    return found


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find gunicorn workers")
def test_killed_worker_is_replaced(tmp_path: Path) -> None:
    pid_file = tmp_path / "gunicorn.pid"
    with gunicorn(extra=("--pid", str(pid_file))) as base:
        master = int(pid_file.read_text())
        deadline = time.monotonic() + 10
        while len(_workers(master)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        before = _workers(master)
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 15
        while (victim in _workers(master) or len(_workers(master)) < 2) and time.monotonic() < deadline:
            time.sleep(0.1)
        after = _workers(master)
        assert victim not in after and len(after) == 2
        for _ in range(40):
            with urllib.request.urlopen(f"{base}/api/v1/transliterate?text=Ljubav", timeout=5) as r:
                assert r.status == 200


@pytest.mark.integration
def test_a_silent_client_does_not_block_the_others() -> None:
    import socket

    with gunicorn(workers=2) as base:
        host, port = base.removeprefix("http://").split(":")
        slow = socket.create_connection((host, int(port)))
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never finishes
        try:
            for _ in range(20):
                with urllib.request.urlopen(f"{base}/healthz", timeout=5) as r:
                    assert r.status == 200
        finally:
            slow.close()



# ----------------------------------------------------------------------------- HTTP bodies
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "texts", "to", "format", "x"]) | st.text(max_size=5), inner,
        max_size=4),
    max_leaves=12,
)


@given(JSON_VALUES, st.sampled_from(["/api/v1/transliterate", "/api/v1/detect"]))
@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_json_body_is_answered_without_a_server_error(client, body: object, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.post(path, json=body)
    assert r.status_code in (200, 400, 413, 415), (body, r.status_code)
    assert set(r.get_json()) != {"error"} or set(r.get_json()["error"]) == {"code", "message"}


@given(st.binary(max_size=200), st.sampled_from(["text/plain", "text/html", "application/json"]))
@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_body_is_answered_without_a_server_error(client, body: bytes, mimetype: str) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/transliterate?to=cyrl", data=body, content_type=mimetype)
    assert r.status_code in (200, 400), r.status_code


@given(st.text(max_size=60), st.text(max_size=20))
@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_query_is_answered_without_a_server_error(client, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/v1/transliterate", "/api/v1/switcher", "/api/v1/articles", "/search"):
        r = client.get(path, query_string={"text": text, "to": lang, "path": text, "lang": lang,
                                           "q": text, "page": lang})
        assert r.status_code < 500, (path, r.status_code)


# ----------------------------------------------------------------------------- regex safety
HOSTILE = {
    "unclosed quotes": '<a x="' * 40_000,
    "unclosed comments": "<!--" * 60_000,
    "zeros after %": "%" + "0" * 200_000,
    "spaces in a tag": "<a" + " " * 200_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inputs_to_segmentation_and_checker_complete(name: str) -> None:
    """Each of these was quadratic once (minutes at this size); now they take milliseconds.
    The size sweep in `make bench` measures the time; this only has to finish."""
    from translit_service.articles.segment import segment

    text = HOSTILE[name]
    segment(text)
    catalog = f'msgid "x"\nmsgstr "{text.replace(chr(34), chr(39))}"\n'
    assert isinstance(check_text(catalog, "hostile.po"), list)
