"""One settings source for the app and the CLI: the TOML file, then the environment."""

from __future__ import annotations

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
