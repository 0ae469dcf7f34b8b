"""The OpenAPI document matches the routes, and real responses validate against it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

from translit_service.web.openapi import document

DOC = document(max_batch=5)  # the test app's limit (conftest.py)


def _validate(schema_ref: dict[str, Any], instance: object) -> None:
    schema = {**schema_ref, "components": DOC["components"]}
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(instance)


def _response_schema(path: str, method: str, status: int) -> dict[str, Any]:
    response = DOC["paths"][path][method]["responses"][str(status)]
    return response["content"]["application/json"]["schema"]


def test_every_route_is_documented_with_its_methods(app: Flask) -> None:
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(("static", "site.", "feeds.")):  # pages, feeds: not the API
            methods = {m.lower() for m in rule.methods or ()} - {"head", "options"}
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            routes.setdefault(path, set()).update(methods)
    assert {path: set(ops) for path, ops in DOC["paths"].items()} == routes


def test_served_document_is_the_same(client: FlaskClient) -> None:
    assert client.get("/api/v1/openapi.json").get_json() == DOC


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("post", "/api/v1/transliterate", {"json": {"text": "Ljubav", "to": "cyrl"}}, 200),
        ("post", "/api/v1/transliterate", {"json": {"texts": ["a", "б"], "to": "latn"}}, 200),
        ("post", "/api/v1/transliterate", {"json": {"text": "x", "to": "greek"}}, 400),
        ("post", "/api/v1/transliterate", {"data": "{", "content_type": "application/json"}, 400),
        ("post", "/api/v1/transliterate", {"data": "x", "content_type": "image/png"}, 415),
        ("post", "/api/v1/transliterate", {"json": {"texts": ["a"] * 6}}, 413),
        ("get", "/api/v1/transliterate", {"query_string": {"text": "Beograd"}}, 200),
        ("get", "/api/v1/transliterate", {}, 400),
        ("get", "/api/v1/transliterate", {"query_string": {"text": "x" * 2001}}, 414),
        ("post", "/api/v1/detect", {"json": {"text": "Београд"}}, 200),
        ("post", "/api/v1/detect", {"json": {}}, 400),
        ("get", "/healthz", {}, 200),
        ("get", "/readyz", {}, 200),
        ("get", "/api/v1/catalogs/sr-Cyrl", {}, 200),
        ("get", "/api/v1/catalogs/xx", {}, 404),
        ("get", "/api/v1/switcher", {"query_string": {"path": "/news", "lang": "en"}}, 200),
        ("get", "/api/v1/switcher", {"query_string": {"path": "http://evil"}}, 400),
        ("get", "/api/v1/articles", {"query_string": {"lang": "sr-Cyrl"}}, 200),
        ("get", "/api/v1/articles/2021-06-04-civil-military-conference", {}, 200),
        ("get", "/api/v1/articles/nope", {}, 404),
    ],
)
def test_responses_match_the_schema(client: FlaskClient, method: str, path: str,
                                    kwargs: dict, status: int) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    documented = re.sub(r"/catalogs/[^/]+$", "/catalogs/{name}", path)
    documented = re.sub(r"/articles/[^/]+$", "/articles/{article_id}", documented)
    _validate(_response_schema(documented, method, status), response.get_json())


def test_request_examples_validate() -> None:
    body = DOC["paths"]["/api/v1/transliterate"]["post"]["requestBody"]["content"]
    _validate({"$ref": "#/components/schemas/TransliterateRequest"},
              body["application/json"]["example"])


def test_docs_page(client: FlaskClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "/api/v1/transliterate" in text and "openapi.json" in text


def _examples() -> list[tuple[str, str, str, str, Any, Any]]:
    """(path, method, status, media type, schema, example) of every documented response body;
    the example is the media type's own or its schema component's."""
    found = []
    for path, ops in DOC["paths"].items():
        for method, op in ops.items():
            for status, response in op["responses"].items():
                for media, body in response.get("content", {}).items():
                    schema = body.get("schema")
                    example = body.get("example")
                    if example is None and schema and "$ref" in schema:
                        example = DOC["components"]["schemas"][
                            schema["$ref"].rsplit("/", 1)[1]].get("example")
                    found.append((path, method, status, media, schema, example))
    return found


@pytest.mark.parametrize(("path", "method", "status", "media", "schema", "example"),
                         _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_response_has_a_schema_and_an_example_that_fits_it(
        path: str, method: str, status: str, media: str, schema: Any, example: Any) -> None:
    assert schema is not None, f"{method} {path} {status} {media}: no schema"
    assert example is not None, f"{method} {path} {status} {media}: no example"
    _validate(schema, example)


def _codes_the_code_base_can_send() -> set[str]:
    """Every ``error.code`` reachable: each TranslitError subclass's, each literal code given
    to BadRequest in the web layer, and the HTTP errors' table."""
    import ast
    import importlib
    import pkgutil
    from pathlib import Path

    import translit_service
    from translit_service.errors import TranslitError
    from translit_service.web import errors

    for module in pkgutil.walk_packages(translit_service.__path__, "translit_service."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found = {"internal_error", "http_error", *errors.HTTP_ERROR_CODES.values()}
    stack = [TranslitError]
    while stack:
        cls = stack.pop()
        found.add(cls.code)
        stack.extend(cls.__subclasses__())
    web = Path(translit_service.__file__).parent / "web"
    for path in web.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BadRequest":
                given = [k.value for k in node.keywords if k.arg == "code"] + node.args[2:3]
                found.update(g.value for g in given if isinstance(g, ast.Constant))
    return found


def test_error_codes_are_a_documented_enum_that_is_complete() -> None:
    """Issue 27: every code the service can answer is in the Error schema's enum, and the
    enum lists no code nothing sends."""
    enum = DOC["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]
    assert set(enum["enum"]) == _codes_the_code_base_can_send()
    for code in ("unknown_field", "invalid_field", "missing_field", "malformed_json",
                 "invalid_option", "unknown_script", "unknown_lang", "invalid_utf8"):
        assert code in enum["enum"] and code in enum["description"]


def test_every_operation_has_an_operation_id_tags_and_its_own_examples() -> None:
    ids = []
    for path, ops in DOC["paths"].items():
        for method, op in ops.items():
            ids.append(op["operationId"])
            assert op["tags"] and op["tags"][0] in {t["name"] for t in DOC["tags"]}
            for status in ("414", "431"):
                assert status in op["responses"], (method, path, status)
    assert len(ids) == len(set(ids))
    detect = DOC["paths"]["/api/v1/detect"]["post"]["responses"]
    transliterate = DOC["paths"]["/api/v1/transliterate"]["post"]["responses"]
    for status in ("400", "413", "415"):  # /detect's examples are its own
        assert detect[status] != transliterate[status], status
    assert "transliterate" not in str(detect["415"]) and "text/html" in str(detect["415"])


def test_the_format_description_says_which_attributes_convert() -> None:
    fmt = DOC["components"]["schemas"]["TransliterateTextRequest"]["properties"]["format"]
    for attribute in ("title", "alt", "placeholder", "aria-label", "og:title"):
        assert attribute in fmt["description"]


def test_docs_page_is_readable(client: FlaskClient) -> None:
    """Issue 27: readable JSON (no \\u0027, \\u003c), long lines wrap, POST body fields shown
    as body fields (not query parameters), every endpoint with its own examples."""
    from markupsafe import escape

    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "\\u0027" not in page and "\\u003c" not in page and "\\u003e" not in page
    assert str(escape('"text": "Ljubav"')) in page and str(escape("<p>Vesti iz")) in page
    section = page[page.index('id="transliterate"'):page.index('id="transliterateQuery"')]
    body = section[section.index("JSON body fields"):]
    body = body[:body.index("</table>")]
    for field in ("text", "texts", "to", "format", "restore_diacritics"):
        assert f"<code>{field}</code>" in body
    assert "Query parameters (for text bodies" in section
    detect = page[page.index('id="detectScript"'):page.index('id="getCatalog"')]
    assert str(escape("unsupported content type 'text/html'; send application/json or "
                      "text/plain")) in detect
    assert "batch_too_large" not in detect
    css = client.get("/static/docs.css").get_data(as_text=True)
    assert "pre-wrap" in css and "overflow-wrap: anywhere" in css
