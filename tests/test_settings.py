"""One settings source for the app and the CLI: the TOML file, then the environment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from translit_service.app import create_app
from translit_service.cli import main
from translit_service.settings import DEFAULTS, SettingsError, load

ROOT = Path(__file__).resolve().parent.parent


def test_the_example_file_is_valid_and_lists_every_setting() -> None:
    example = ROOT / "translit.example.toml"
    loaded = load(environ={}, path=example)
    text = example.read_text("utf-8")
    assert all(key.lower() in text for key in DEFAULTS)
    assert loaded.options.lang == "sr" and loaded.values["MAX_BATCH"] == 1000


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('max_batch = 3\n[options]\ndj_as = "đ"\n', "utf-8")
    loaded = load(environ={"TRANSLIT_MAX_BATCH": "9"}, path=settings)
    assert loaded.values["MAX_BATCH"] == 9 and loaded.options.dj_as == "đ"


@pytest.mark.parametrize(("content", "message"), [
    ("max_bach = 3\n", "unknown setting 'max_bach'"),
    ("max_batch = 'x'\n", "expected an integer"),
    ("[options]\ndj_as = 'dž'\n", "unknown dj_as 'dž'"),
    ("[options]\nglossay = 1\n", "unknown option 'glossay'"),
    ("max_batch = \n", "s.toml"),
])
def test_bad_settings_name_the_file_and_the_key(tmp_path: Path, content: str,
                                               message: str) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text(content, "utf-8")
    with pytest.raises(SettingsError, match=message):
        load(environ={}, path=settings)


def test_app_and_cli_read_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('[options]\ndj_as = "đ"\n', "utf-8")
    monkeypatch.setenv("TRANSLIT_SETTINGS", str(settings))
    client = create_app({"TESTING": True}).test_client()
    r = client.post("/api/v1/transliterate", json={"text": "Djordje", "to": "cyrl"})
    assert r.get_json()["text"] == "Ђорђе"
    assert client.get("/readyz").get_json()["engine"]["options"]["dj_as"] == "đ"
    result = CliRunner().invoke(main, ["text", "--to", "cyrl"], input="Djordje")
    assert result.output == "Ђорђе"
    # the command line overrides the settings
    result = CliRunner().invoke(main, ["text", "--to", "cyrl", "--dj-as", "dj"], input="Djordje")
    assert result.output == "Дјордје"


def test_a_broken_settings_file_is_exit_2_with_its_name(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text("max_batch = [\n", "utf-8")
    monkeypatch.setenv("TRANSLIT_SETTINGS", str(settings))
    result = CliRunner().invoke(main, ["text", "--to", "cyrl"], input="x")
    assert result.exit_code == 2 and "s.toml" in result.output


def test_request_options_are_the_options_fields(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/transliterate", json={"text": "Djordje", "dj_as": "đ"})
    assert r.get_json()["text"] == "Ђорђе"
    r = client.post("/api/v1/transliterate", json={"text": "x", "dj_as": "dž"})
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "invalid_option"
    r = client.get("/api/v1/transliterate", query_string={"text": "Moskva", "lang": "ru"})
    assert r.get_json()["text"] == "Москва"
    doc = client.get("/api/v1/openapi.json").get_json()
    fields = doc["components"]["schemas"]["TransliterateTextRequest"]["properties"]
    assert {"lang", "dj_as"} <= set(fields)


# ----------------------------------------------------------------------------- validation
@pytest.mark.parametrize(("content", "message"), [
    ("article_cache_size = -1\n", "article_cache_size: must be at least 0, got -1"),
    ("cache_max_age = -1\n", "cache_max_age: must be at least 0"),
    ("content_max_age = -5\n", "content_max_age: must be at least 0"),
    ("max_content_length = -1\n", "max_content_length: must be at least 1"),
    ("max_content_length = 0\n", "max_content_length: must be at least 1"),
    ("max_batch = true\n", "max_batch: expected an integer, got True"),
    ("max_batch = 1.9\n", "max_batch: expected an integer, got 1.9"),
    ("max_query_text = 0\n", "max_query_text: must be at least 1"),
    ("publish_threshold = nan\n", "publish_threshold: expected a finite number, got nan"),
    ("publish_threshold = inf\n", "publish_threshold: expected a finite number"),
    ("publish_threshold = 1.5\n", "publish_threshold: must be at most 1, got 1.5"),
    ("publish_threshold = true\n", "publish_threshold: expected a finite number, got True"),
    ("cors_origins = ['example.org']\n", "'example.org' is not an origin"),
    ("cors_origins = ['https://a.example/path']\n", "is not an origin"),
    ("site_url = 'example.org'\n", "site_url: expected \"\" or http(s)://host"),
    ("site_url = 'https://example.org/news'\n", "no path"),
    ("locales_dir = ''\n", "locales_dir: must not be empty"),
    ("proxy_hops = -1\n", "proxy_hops: must be at least 0"),
    ("glossary = 3\n", "glossary: expected a string, got 3"),
])
def test_nonsense_in_the_file_is_refused_with_the_key(tmp_path: Path, content: str,
                                                      message: str) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text(content, "utf-8")
    with pytest.raises(SettingsError, match=re.escape(message)) as caught:
        load(environ={}, path=settings)
    assert str(caught.value).startswith(f"{settings}: ")


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("TRANSLIT_ARTICLE_CACHE_SIZE", "-1", "must be at least 0, got '-1'"),
    ("TRANSLIT_CACHE_MAX_AGE", "-1", "must be at least 0"),
    ("TRANSLIT_PUBLISH_THRESHOLD", "nan", "expected a finite number, got 'nan'"),
    ("TRANSLIT_MAX_CONTENT_LENGTH", "-1", "must be at least 1"),
    ("TRANSLIT_MAX_BATCH", "1.9", "expected an integer, got '1.9'"),
    ("TRANSLIT_MAX_BATCH", "true", "expected an integer"),
    ("TRANSLIT_CORS_ORIGINS", "https://a.example,nonsense", "'nonsense' is not an origin"),
    ("TRANSLIT_PROXY_HOPS", "many", "expected an integer"),
])
def test_nonsense_in_the_environment_is_refused_with_the_variable(variable: str, value: str,
                                                                  message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(f"{variable}: {message}")):
        load(environ={variable: value}, path=None)


def test_sensible_values_are_read_as_the_service_uses_them(tmp_path: Path) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text("publish_threshold = 1\narticle_cache_size = 0\n"
                        "site_url = 'https://example.org/'\ncors_origins = ['*']\n", "utf-8")
    loaded = load(environ={"TRANSLIT_MAX_BATCH": " 12 ", "TRANSLIT_CORS_ORIGINS":
                           "https://a.example, http://[::1]:8080"}, path=settings)
    values = loaded.values
    assert values["PUBLISH_THRESHOLD"] == 1.0 and isinstance(values["PUBLISH_THRESHOLD"], float)
    assert values["ARTICLE_CACHE_SIZE"] == 0 and values["MAX_BATCH"] == 12
    assert values["SITE_URL"] == "https://example.org"
    assert values["CORS_ORIGINS"] == ["https://a.example", "http://[::1]:8080"]


def test_every_setting_has_one_definition() -> None:
    from translit_service.settings import SCHEMA

    assert list(DEFAULTS) == [s.key for s in SCHEMA]
    readme = (ROOT / "README.md").read_text("utf-8")
    assert all(f"| `{s.key.lower()}` |" in readme for s in SCHEMA)


def test_the_service_refuses_to_start_on_a_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLIT_ARTICLE_CACHE_SIZE", "-1")
    with pytest.raises(SettingsError, match="TRANSLIT_ARTICLE_CACHE_SIZE"):
        create_app({"TESTING": True})
    monkeypatch.delenv("TRANSLIT_ARTICLE_CACHE_SIZE")
    with pytest.raises(SettingsError, match="config ARTICLE_CACHE_SIZE: must be at least 0"):
        create_app({"TESTING": True, "ARTICLE_CACHE_SIZE": -1})
    result = CliRunner().invoke(main, ["text", "--to", "cyrl"], input="x",
                                env={"TRANSLIT_CACHE_MAX_AGE": "-1"})
    assert result.exit_code == 2 and "TRANSLIT_CACHE_MAX_AGE: must be at least 0" in result.output


def test_readyz_renders_a_real_page() -> None:
    """A setting (or anything else) that breaks every page is not "ready": /readyz renders
    the front page.  (A cache size of -1 did: every page 500, /readyz 200.)"""
    app = create_app({"TESTING": True})
    client = app.test_client()
    r = client.get("/readyz")
    assert r.status_code == 200 and r.get_json()["page"] == "ok"
    app.extensions["articles"].cache_size = -1  # what TRANSLIT_ARTICLE_CACHE_SIZE=-1 did
    app.extensions["articles"]._cache.clear()
    assert client.get("/", headers={"Accept-Language": "sr-Cyrl"}).status_code == 500
    r = client.get("/readyz")
    assert r.status_code == 503 and r.get_json()["status"] == "unavailable"
    assert "does not render" in r.get_json()["page"] and "Traceback" not in r.get_data(True)


@pytest.mark.parametrize(("hops", "base"), [(0, "http://localhost"),
                                            (1, "https://news.example:8443")])
def test_forwarded_headers_are_trusted_only_for_the_configured_proxies(hops: int,
                                                                      base: str) -> None:
    """Absolute URLs follow X-Forwarded-Proto/-Host only behind proxy_hops proxies: with 0 a
    client cannot make the feed name another site (or scheme)."""
    client = create_app({"TESTING": True, "PROXY_HOPS": hops}).test_client()
    body = client.get("/feed.atom?lang=en", headers={
        "X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example:8443"}).get_data(True)
    assert f'<link rel="self" href="{base}/feed.atom?lang=en"/>' in body
