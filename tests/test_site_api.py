"""/api/v1/catalogs, /api/v1/switcher, /readyz and the catalog store's reloads."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from translit_service.app import create_app

LOCALES = Path(__file__).resolve().parent.parent / "locales"


@pytest.fixture
def live_locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("*.mo", ".*.lock"))
    return target


@pytest.fixture
def live_client(live_locales: Path) -> FlaskClient:
    return create_app({"TESTING": True, "LOCALES_DIR": live_locales}).test_client()


@pytest.mark.parametrize("name", ["sr-Cyrl", "sr_Cyrl", "SR-CYRL"])
def test_catalog_accepts_tag_and_locale_spellings(client: FlaskClient, name: str) -> None:
    r = client.get(f"/api/v1/catalogs/{name}")
    assert r.status_code == 200
    body = r.get_json()
    assert body["locale"] == "sr_Cyrl" and r.headers["Content-Language"] == "sr-Cyrl"
    assert body["messages"]["Search our content"] == "Претражите наш садржај"
    assert body["messages"]["month\u0004May"] == "мај"
    assert body["messages"]["%(num)d article"] == ["%(num)d чланак", "%(num)d чланка", "%(num)d чланака"]


@pytest.mark.parametrize(("name", "locale"), [("sr@latin", "sr_Latn"), ("sr", "sr_Cyrl"),
                                              ("sr-RS", "sr_Cyrl"), ("sr-ME", "sr_Latn"),
                                              ("sh", "sr_Latn"), ("en-GB", "en")])
def test_catalog_names_resolve_as_negotiation_does(client: FlaskClient, name: str,
                                                   locale: str) -> None:
    """Issue 27: /catalogs/sr@latin and /catalogs/sr resolve as ?lang= and negotiation do."""
    r = client.get(f"/api/v1/catalogs/{name}")
    assert r.status_code == 200 and r.get_json()["locale"] == locale


@pytest.mark.parametrize("name", ["de", "..", "x" * 300, "en%00", "srb"])
def test_other_catalog_names_are_404_json(client: FlaskClient, name: str) -> None:
    r = client.get(f"/api/v1/catalogs/{name}")
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_found"


def test_catalog_etag_and_304(client: FlaskClient) -> None:
    r = client.get("/api/v1/catalogs/en")
    etag = r.headers["ETag"]
    assert client.get("/api/v1/catalogs/en", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/api/v1/catalogs/sr-Latn").headers["ETag"] != etag


def test_switcher_marks_the_current_variant(client: FlaskClient) -> None:
    r = client.get("/api/v1/switcher", query_string={"path": "/news/visit?page=2", "lang": "sr-Latn"})
    body = r.get_json()
    html = body["html"]
    assert [label in html for label in ("Eng", "Lat.", "Ћир.")] == [True] * 3
    assert html.index("Eng") < html.index("Lat.") < html.index("Ћир.")
    assert 'hreflang="sr-Latn" lang="sr-Latn" title="srpski, latinica" aria-current="true"' in html
    assert html.count("aria-current") == 1
    assert "/news/visit?page=2&amp;lang=sr-Cyrl" in html
    assert body["alternates"].count('rel="alternate"') == 4 and 'hreflang="x-default"' in body["alternates"]
    # ?lang= decided, but the response still says what it could depend on (a shared cache
    # cannot tell which input decided)
    assert {"Cookie", "Accept-Language"} <= {v.strip() for v in r.headers["Vary"].split(",")}


def test_switcher_negotiates_and_varies(client: FlaskClient) -> None:
    r = client.get("/api/v1/switcher", query_string={"path": "/"},
                   headers={"Accept-Language": "de, sr-ME;q=0.8"})
    assert r.get_json()["lang"] == "sr-Latn" and "Accept-Language" in r.headers["Vary"]
    client.set_cookie("lang", "en")
    r = client.get("/api/v1/switcher", query_string={"path": "/"},
                   headers={"Accept-Language": "sr"})
    assert r.get_json()["lang"] == "en"


@pytest.mark.parametrize("path", ["", "news", "//evil.example/x", "http://evil.example/",
                                  "/a\nb", "/" + "x" * 3000])
def test_switcher_rejects_bad_paths(client: FlaskClient, path: str) -> None:
    r = client.get("/api/v1/switcher", query_string={"path": path})
    assert r.status_code == 400 and "error" in r.get_json()


def test_switcher_rejects_unknown_lang(client: FlaskClient) -> None:
    r = client.get("/api/v1/switcher", query_string={"path": "/", "lang": "klingon"})
    assert r.status_code == 400 and "sr-Cyrl" in r.get_json()["error"]["message"]


def _touch_later(path: Path) -> None:
    """An edit that has settled: last modified longer ago than the store waits for."""
    import time

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, time.time_ns() - 10_000_000_000))


def test_edited_po_is_served_without_restart(live_client: FlaskClient, live_locales: Path) -> None:
    before = live_client.get("/api/v1/catalogs/sr-Latn").get_json()["messages"]["Search"]
    po = live_locales / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Pretraga"', 'msgstr "Traži"'), "utf-8")
    _touch_later(po)
    after = live_client.get("/api/v1/catalogs/sr-Latn").get_json()["messages"]["Search"]
    assert (before, after) == ("Pretraga", "Traži")


def test_broken_edit_keeps_last_good_and_readyz_says_so(live_client: FlaskClient,
                                                        live_locales: Path) -> None:
    assert live_client.get("/readyz").get_json()["status"] == "ready"
    po = live_locales / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Pretraga"', 'msgstr "Pretraga'), "utf-8")
    _touch_later(po)
    r = live_client.get("/api/v1/catalogs/sr-Latn")
    assert r.status_code == 200 and r.get_json()["messages"]["Search"] == "Pretraga"
    ready = live_client.get("/readyz")
    body = ready.get_json()
    assert ready.status_code == 200 and body["status"] == "degraded"
    assert "unterminated string" in body["catalogs"]["sr_Latn"]
    assert "last good" in body["catalogs"]["sr_Latn"]


def test_missing_catalog_makes_readyz_503(tmp_path: Path) -> None:
    client = create_app({"TESTING": True, "LOCALES_DIR": tmp_path}).test_client()
    r = client.get("/readyz")
    assert r.status_code == 503 and r.get_json()["status"] == "unavailable"
    assert client.get("/api/v1/catalogs/en").status_code == 503



def _break_with_a_percent(locales_dir: Path) -> Path:
    po = locales_dir / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Pretraga"', 'msgstr "Pretraga 100%"'),
                  "utf-8")
    _touch_later(po)
    return po


def test_a_stray_percent_is_refused_and_pages_stay_up(live_client: FlaskClient,
                                                      live_locales: Path) -> None:
    from translit_service.catalogs import check_catalog

    assert live_client.get("/?lang=sr-Latn").status_code == 200
    po = _break_with_a_percent(live_locales)
    problems = [p for p in check_catalog(po, always_format=True) if p.severity == "error"]
    assert [p.code for p in problems] == ["stray-percent"]
    for path in ("/?lang=sr-Latn", "/?lang=sr-Cyrl", "/search?lang=sr-Latn&q=x",
                 "/tool?lang=sr-Latn"):
        r = live_client.get(path)
        assert r.status_code == 200, path
        assert "Pretraga 100" not in r.get_data(as_text=True)
    body = live_client.get("/readyz").get_json()
    assert body["status"] == "degraded" and "stray" in body["catalogs"]["sr_Latn"]


def test_the_cli_checker_refuses_a_stray_percent(live_locales: Path) -> None:
    from click.testing import CliRunner

    from translit_service.cli import main

    _break_with_a_percent(live_locales)
    result = CliRunner().invoke(main, ["catalogs", "--locales", str(live_locales), "check",
                                       "--strict"])
    assert result.exit_code == 1 and "stray-percent" in result.output


def test_a_worker_started_on_a_broken_catalog_serves_the_last_good_one(
        live_locales: Path) -> None:
    first = create_app({"TESTING": True, "LOCALES_DIR": live_locales}).test_client()
    assert first.get("/api/v1/catalogs/sr-Latn").status_code == 200  # a good load, kept on disk
    _break_with_a_percent(live_locales)
    fresh = create_app({"TESTING": True, "LOCALES_DIR": live_locales}).test_client()
    for client in (first, fresh):
        r = client.get("/api/v1/catalogs/sr-Latn")
        assert r.status_code == 200 and r.get_json()["messages"]["Search"] == "Pretraga"
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.get_json()["status"] == "degraded"
    assert "Pretraga" in fresh.get("/?lang=sr-Latn").get_data(as_text=True)
