"""The HTTP API through Flask's test client: every route and every error."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


def _error(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert "Traceback" not in response.get_data(as_text=True)
    return body["error"]


def test_health(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_a_drain_file_takes_the_instance_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from translit_service.app import create_app

    drain = tmp_path / "drain"
    client = create_app({"TESTING": True, "DRAIN_FILE": str(drain)}).test_client()
    assert client.get("/readyz").status_code == 200
    drain.touch()
    r = client.get("/readyz")
    assert r.status_code == 503 and r.get_json()["status"] == "draining"
    assert client.get("/healthz").status_code == 200  # alive, only not taking traffic
    assert client.post("/api/v1/transliterate", json={"text": "vesti"}).status_code == 200
    drain.unlink()
    assert client.get("/readyz").status_code == 200


def test_post_json(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", json={"text": "Ljubav", "to": "cyrl"})
    assert r.status_code == 200
    assert r.get_json() == {"text": "Љубав", "from": "latn", "to": "cyrl"}
    assert r.headers["Content-Language"] == "sr-Cyrl"


def test_post_batch_keeps_order(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", json={"texts": ["Љубав", "КЉУЧ", ""], "to": "latn"})
    assert r.get_json()["texts"] == ["Ljubav", "KLJUČ", ""]
    assert r.headers["Content-Language"] == "sr-Latn"


def test_post_html_format(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate",
                    json={"text": "<b title='Vesti'>Vesti</b><code>x</code>", "format": "html"})
    assert r.get_json()["text"] == "<b title='Вести'>Вести</b><code>x</code>"


def test_post_plain_and_html_bodies(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate?to=latn", data="Љубав".encode(),
                    content_type="text/plain; charset=utf-8")
    assert r.get_data(as_text=True) == "Ljubav" and r.mimetype == "text/plain"
    r = client.post("/api/v1/transliterate?to=cyrl", data="<p>Vesti</p>", content_type="text/html")
    assert r.get_data(as_text=True) == "<p>Вести</p>"


def test_get_is_cacheable_with_etag(client: FlaskClient) -> None:
    r = client.get("/api/v1/transliterate", query_string={"text": "Beograd", "to": "cyrl"})
    assert r.get_json()["text"] == "Београд"
    assert "max-age" in r.headers["Cache-Control"]
    etag = r.headers["ETag"]
    again = client.get("/api/v1/transliterate", query_string={"text": "Beograd", "to": "cyrl"},
                       headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_detect(client: FlaskClient) -> None:
    r = client.post("/api/v1/detect", json={"text": "Београд"})
    assert r.get_json() == {"script": "cyrl", "latin": 0.0, "cyrillic": 1.0}
    r = client.post("/api/v1/detect", data="Beograd", content_type="text/plain")
    assert r.get_json()["script"] == "latn"


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"data": "{not json", "content_type": "application/json"}, 400, "malformed_json"),
        ({"data": "[1]", "content_type": "application/json"}, 400, "bad_request"),
        ({"json": {"to": "cyrl"}}, 400, "missing_field"),
        ({"json": {"text": 5}}, 400, "invalid_field"),
        ({"json": {"text": "x", "to": "greek"}}, 400, "unknown_script"),
        ({"json": {"text": "x", "format": "pdf"}}, 400, "unknown_format"),
        ({"json": {"texts": ["a", 1]}}, 400, "invalid_field"),
        ({"json": {"texts": ["a"] * 6}}, 413, "batch_too_large"),
        ({"data": b"\xff\xfe", "content_type": "text/plain"}, 400, "invalid_utf8"),
        ({"data": b'{"text": "\xff"}', "content_type": "application/json"}, 400, "invalid_utf8"),
        ({"data": "x", "content_type": "application/xml"}, 415, "unsupported_media_type"),
        ({"data": "x" * (65 * 1024), "content_type": "text/plain"}, 413, "request_entity_too_large"),
    ],
)
def test_errors_are_json(client: FlaskClient, kwargs: dict, status: int, code: str) -> None:
    r = client.post("/api/v1/transliterate", **kwargs)
    assert r.status_code == status
    assert _error(r)["code"] == code


def test_unknown_script_lists_valid_values(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", json={"text": "x", "to": "greek"})
    assert "cyrl, latn" in _error(r)["message"]


def test_404_and_405_are_json(client: FlaskClient) -> None:
    assert _error(client.get("/api/v1/nope"))["code"] == "not_found"
    r = client.delete("/api/v1/transliterate")
    assert r.status_code == 405 and _error(r)["code"] == "method_not_allowed"
    assert "POST" in r.headers["Allow"]


def test_get_errors(client: FlaskClient) -> None:
    assert client.get("/api/v1/transliterate").status_code == 400
    r = client.get("/api/v1/transliterate", query_string={"text": "x" * 3000})
    assert r.status_code == 414


def test_500_does_not_leak(app, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from translit_service.engine import Transliterator

    def boom(*args: object, **kwargs: object) -> str:
        raise RuntimeError("secret /etc/path detail")

    monkeypatch.setattr(Transliterator, "convert", boom)
    r = client.post("/api/v1/transliterate", json={"text": "x"})
    assert r.status_code == 500
    assert "secret" not in r.get_data(as_text=True)
    assert _error(r)["code"] == "internal_error"


def test_config_from_prefixed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from translit_service.app import create_app

    monkeypatch.setenv("TRANSLIT_MAX_BATCH", "7")
    assert create_app().config["MAX_BATCH"] == 7


def test_request_id_is_echoed_or_made(client: FlaskClient) -> None:
    r = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.headers["X-Request-ID"] == "abc-123"
    r = client.get("/healthz", headers={"X-Request-ID": "<script> id"})
    assert r.headers["X-Request-ID"] != "<script> id" and len(r.headers["X-Request-ID"]) == 32


def test_etag_per_content_and_variant_on_get_only(client: FlaskClient) -> None:
    """GET responses carry a strong ETag that differs per variant; POST responses are not
    cacheable (RFC 9110 9.3.3) and carry none."""
    cyrl = client.get("/api/v1/transliterate", query_string={"text": "Beograd", "to": "cyrl"})
    latn = client.get("/api/v1/transliterate", query_string={"text": "Beograd", "to": "latn"})
    assert cyrl.headers["ETag"] != latn.headers["ETag"]
    post = client.post("/api/v1/transliterate", json={"text": "Beograd", "to": "cyrl"})
    assert "ETag" not in post.headers


def test_cors_is_off_by_default(client: FlaskClient) -> None:
    r = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_cors_allows_configured_origins() -> None:
    from translit_service.app import create_app

    client = create_app({"TESTING": True, "CORS_ORIGINS": "https://site.example"}).test_client()
    r = client.get("/healthz", headers={"Origin": "https://site.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "https://site.example"
    assert "Origin" in r.headers["Vary"]
    r = client.get("/healthz", headers={"Origin": "https://other.example"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_unknown_fields_are_rejected_with_the_valid_ones(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", json={"text": "x", "too": "cyrl"})
    error = _error(r)
    assert r.status_code == 400 and error["code"] == "unknown_field"
    assert "text, texts, to, format" in error["message"]


def test_invalid_utf8_in_query_is_400(client: FlaskClient) -> None:
    r = client.get("/api/v1/transliterate?text=%FF%FE&to=cyrl")
    assert r.status_code == 400 and _error(r)["code"] == "invalid_utf8"
    r = client.get("/api/v1/transliterate?text=%C5%BEaba")
    assert r.get_json()["text"] == "жаба"


def test_deeply_nested_json_is_400_not_500(client: FlaskClient) -> None:
    body = "[" * 20_000 + "]" * 20_000
    r = client.post("/api/v1/transliterate", data=body, content_type="application/json")
    assert r.status_code == 400 and _error(r)["code"] == "malformed_json"


@pytest.mark.parametrize("path", ["/vesti", "/news/no-such-article", "/favicon.png", "/news/x/"])
def test_unknown_site_paths_are_an_html_404_in_the_readers_variant(client: FlaskClient,
                                                                   path: str) -> None:
    r = client.get(path, headers={"Accept-Language": "sr-Latn"})
    assert r.status_code == 404 and r.mimetype == "text/html"
    assert r.headers["Content-Language"] == "sr-Latn"
    html = r.get_data(as_text=True)
    assert '<html lang="sr-Latn"' in html and 'href="/?lang=sr-Latn"' in html
    assert "<title>Stranica nije pronađena" in html and "<h1>Stranica nije pronađena</h1>" in html


def test_there_is_a_favicon(client: FlaskClient) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    assert 'rel="icon"' in client.get("/").get_data(as_text=True)


def test_a_huge_json_integer_is_400(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", data='{"text": "x", "n": ' + "9" * 5000 + "}",
                    content_type="application/json")
    assert r.status_code == 400 and _error(r)["code"] == "malformed_json"


def test_api_responses_say_nosniff(client: FlaskClient) -> None:
    for r in (client.get("/api/v1/transliterate?text=a"), client.get("/healthz"),
              client.post("/api/v1/transliterate", json={"text": 1})):
        assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_switcher_refuses_backslashes(client: FlaskClient) -> None:
    r = client.get("/api/v1/switcher", query_string={"path": "/\\evil.example/"})
    assert r.status_code == 400


def test_json_is_utf8_with_cyrillic_as_characters(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", json={"text": "Vesti", "to": "cyrl"})
    assert "Вести".encode() in r.data and b"\\u" not in r.data
    r = client.post("/api/v1/transliterate", json={"text": "a\ud800", "to": "latn"})
    assert r.status_code == 200 and b"\\ud800" in r.data


@pytest.mark.parametrize("name", ["sr-Cyrl", "sr_Cyrl", "Cyrl", "cyrl", "cyrillic"])
def test_the_api_takes_the_script_names_the_site_uses(client: FlaskClient, name: str) -> None:
    r = client.post("/api/v1/transliterate", json={"text": "Vesti", "to": name})
    assert r.get_json() == {"text": "Вести", "from": "latn", "to": "cyrl"}
    r = client.get("/api/v1/transliterate", query_string={"text": "Вести", "to": "sr-Latn"})
    assert r.get_json()["to"] == "latn"


# ----------------------------------------------------------------- validation true to the schema
@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ({"text": "x", "texts": ["y"]}, "invalid_field", "not both"),
        ({"text": "x", "to": None}, "invalid_field", "'to' must be a string, not null"),
        ({"text": None}, "invalid_field", "'text' must be a string, not null"),
        ({"text": "x", "glossary": "yes"}, "invalid_field", "must be true or false"),
        ({"text": "x", "restore_diacritics": 0}, "invalid_field", "must be true or false"),
        ({"text": "x", "restore_diacritics": None}, "invalid_field", "must be true or false"),
        ({"text": "x", "lang": "RS"}, "unknown_language", "valid values: bg"),
        ({"text": "x", "dj_as": "DJ"}, "invalid_option", "valid values: dj, đ"),
        ({"text": "x", "to": "CYRL"}, "unknown_script", "sr-Cyrl"),
        ({"text": "x", "format": None}, "invalid_field", "'format' must be a string"),
    ],
)
def test_json_fields_are_read_as_the_schema_says(client: FlaskClient, body: dict, code: str,
                                                 words: str) -> None:
    """Issue 27: text and texts together, non-booleans, values outside an enum and null are
    400s with their own codes ("to": null is invalid, not missing)."""
    r = client.post("/api/v1/transliterate", json=body)
    assert r.status_code == 400
    assert _error(r)["code"] == code and words in _error(r)["message"]


@pytest.mark.parametrize(("query", "code"), [
    ({"text": "x", "glossary": "yes"}, "invalid_field"),
    ({"text": "x", "glossary": "1"}, "invalid_field"),
    ({"text": "x", "lang": "rs"}, "unknown_language"),
    ({"text": "x", "txt": "y"}, "unknown_field"),
    ({"text": "x", "format": "pdf"}, "unknown_format"),
])
def test_query_parameters_are_read_as_the_schema_says(client: FlaskClient, query: dict,
                                                      code: str) -> None:
    r = client.get("/api/v1/transliterate", query_string=query)
    assert r.status_code == 400 and _error(r)["code"] == code
    ok = client.get("/api/v1/transliterate", query_string={"text": "x", "glossary": "false",
                                                           "lang": "sr"})
    assert ok.status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/articles?lang=en&sort=date",
                                  "/api/v1/switcher?path=/&x=1",
                                  "/api/v1/articles/2021-06-04-civil-military-conference?v=2",
                                  "/api/v1/catalogs/en?locale=en", "/api/v1/openapi.json?x=1"])
def test_unknown_get_parameters_are_400_like_unknown_post_fields(client: FlaskClient,
                                                                 path: str) -> None:
    r = client.get(path)
    assert r.status_code == 400 and _error(r)["code"] == "unknown_field"
    assert "valid:" in _error(r)["message"]


def test_a_charset_is_honoured_or_refused_by_name(client: FlaskClient) -> None:
    r = client.post("/api/v1/transliterate", data="Ljubav".encode("iso-8859-2"),
                    content_type="text/plain; charset=iso-8859-2")
    assert r.status_code == 415 and _error(r)["code"] == "unsupported_charset"
    assert _error(r)["message"] == "only UTF-8 is accepted (got charset=iso-8859-2)"
    r = client.post("/api/v1/detect", data=b'{"text": "x"}',
                    content_type="application/json; charset=windows-1250")
    assert r.status_code == 415 and "charset=windows-1250" in _error(r)["message"]
    ok = client.post("/api/v1/transliterate", data="Čačak".encode(),
                     content_type="text/plain; charset=UTF-8")
    assert ok.status_code == 200 and ok.get_data(as_text=True) == "Чачак"


def test_restoration_also_for_latin_output(client: FlaskClient) -> None:
    """Issue 27: restore_diacritics with to=latn restores (it did nothing, silently)."""
    for to in ("latn", "sr-Latn"):
        r = client.post("/api/v1/transliterate", json={"text": "sta radis, cujemo se",
                                                       "to": to, "restore_diacritics": True})
        assert r.get_json()["text"] == "šta radiš, čujemo se"
    r = client.get("/api/v1/transliterate", query_string={
        "text": "Bircaninova 5", "to": "latn", "restore_diacritics": "true"})
    assert r.get_json()["text"] == "Birčaninova 5"
    html = client.post("/api/v1/transliterate?to=latn&restore_diacritics=true",
                       data='<p title="sta radis">cujemo se <code>cas</code></p>',
                       content_type="text/html")
    assert html.get_data(as_text=True) == '<p title="šta radiš">čujemo se <code>cas</code></p>'
    plain = client.post("/api/v1/transliterate", json={"text": "sta radis", "to": "latn"})
    assert plain.get_json()["text"] == "sta radis"  # only when asked


def test_detect_takes_a_batch_and_says_what_it_counts(client: FlaskClient) -> None:
    r = client.post("/api/v1/detect", json={"texts": ["Београд", "Hello world", "Beograd"]})
    assert [v["script"] for v in r.get_json()["results"]] == ["cyrl", "none", "latn"]
    assert client.post("/api/v1/detect", json={"text": "a", "texts": ["b"]}).status_code == 400
    assert client.post("/api/v1/detect", json={"texts": ["a"] * 6}).status_code == 413
    described = client.get("/api/v1/openapi.json").get_json()[
        "components"]["schemas"]["DetectResponse"]["description"]
    assert "letters of a Serbian script" in described and "English text is 'none'" in described


def test_every_cacheable_api_answer_says_how_long(client: FlaskClient) -> None:
    """Issue 27: the article list and the switcher had ETag and Vary but no Cache-Control."""
    for path in ("/api/v1/articles?lang=sr-Latn", "/api/v1/switcher?path=/&lang=en",
                 "/api/v1/articles/2021-06-04-civil-military-conference",
                 "/api/v1/catalogs/sr-Cyrl", "/api/v1/transliterate?text=x",
                 "/api/v1/openapi.json", "/api/v1/docs"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["Cache-Control"].startswith("public, max-age="), path


def test_cors_exposes_the_completeness_header_and_options_is_json() -> None:
    from translit_service.app import create_app

    client = create_app({"TESTING": True, "CORS_ORIGINS": ["https://a.example"]}).test_client()
    r = client.get("/api/v1/articles/2021-06-04-civil-military-conference",
                   headers={"Origin": "https://a.example"})
    assert "X-Translation-Completeness" in r.headers["Access-Control-Expose-Headers"]
    pre = client.options("/api/v1/transliterate", headers={
        "Origin": "https://a.example", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200 and pre.mimetype == "application/json"
    assert pre.get_json() == {"allow": ["GET", "HEAD", "OPTIONS", "POST"]}
    assert "POST" in pre.headers["Allow"] and "Content-Security-Policy" not in pre.headers
    assert pre.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert client.options("/api/v1/nope").status_code == 404


@pytest.mark.integration
def test_gunicorn_answers_what_it_refuses_in_json() -> None:
    """Issue 27: a request line or headers over gunicorn's limits were its own HTML pages."""
    import http.client
    from urllib.parse import urlsplit

    from tests.servers import gunicorn

    with gunicorn(workers=1, extra=("--limit-request-field_size", "1000")) as base:
        host = urlsplit(base)
        long_line = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        long_line.request("GET", "/api/v1/switcher?path=/" + "x" * 9000)
        r = long_line.getresponse()
        body = r.read()
        assert r.status == 414 and r.getheader("Content-Type") == "application/json"
        assert b'"code": "uri_too_long"' in body
        big_header = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        big_header.request("GET", "/api/v1/openapi.json", headers={"X-Big": "x" * 2000})
        r = big_header.getresponse()
        body = r.read()
        assert r.status == 431 and b'"code": "request_header_fields_too_large"' in body
        site = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        site.request("GET", "/?q=" + "x" * 9000)
        r = site.getresponse()
        assert r.status == 414 and r.getheader("Content-Type") == "application/json"
