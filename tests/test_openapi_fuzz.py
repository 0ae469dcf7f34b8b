"""A property-based tester driven by the OpenAPI document (hypothesis).

For every operation it draws requests the document allows (path and query parameters and JSON
bodies from their schemas), sends them through the app, and checks that the document is exact:
the status is one the operation documents, the body validates against that status's schema,
and nothing the schema allows is refused (no 4xx other than a documented "not found").
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.profiles import examples
from translit_service.web.openapi import document

DOC = document(max_batch=5)  # the test app's limit (conftest.py)
COMPONENTS = DOC["components"]["schemas"]
#: Statuses that say "not there", not "you may not ask that".
NOT_FOUND = {404, 304}
#: The operations the tester drives (every API route but the human-readable docs page).
OPERATIONS = [(path, method) for path, ops in DOC["paths"].items() for method in ops
              if path != "/api/v1/docs"]


def resolved(schema: Any) -> Any:
    """``schema`` with every ``$ref`` to a component inlined, annotations dropped."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return resolved(COMPONENTS[schema["$ref"].rsplit("/", 1)[1]])
        return {k: resolved(v) for k, v in schema.items()
                if k not in ("example", "examples", "description")}
    if isinstance(schema, list):
        return [resolved(item) for item in schema]
    return schema


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values ``schema`` allows, for the JSON Schema this document uses: enums, strings (with
    patterns and lengths), integers and numbers with bounds, booleans, arrays, and objects
    with required properties (and a ``oneOf`` of required sets)."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for alternatives in ("oneOf", "anyOf"):
        if alternatives in schema and "type" not in schema:
            return st.one_of([from_schema(option) for option in schema[alternatives]])
    kind = schema.get("type")
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True).filter(
                lambda s: schema.get("minLength", 0) <= len(s) <= schema.get("maxLength", 10**9))
        return st.text(min_size=schema.get("minLength", 0),
                       max_size=min(schema.get("maxLength", 40), 40))
    if kind == "integer":
        return st.integers(schema.get("minimum", -10**6), schema.get("maximum", 10**6))
    if kind == "number":
        return st.floats(schema.get("minimum", -1e6), schema.get("maximum", 1e6))
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {"type": "string"})),
                        min_size=schema.get("minItems", 0),
                        max_size=min(schema.get("maxItems", 8), 8))
    if kind == "object":
        properties = schema.get("properties", {})
        choices = [set(o.get("required", [])) for o in schema.get("oneOf", [])] or [set()]

        @st.composite
        def objects(draw: st.DrawFn) -> dict[str, Any]:
            required = set(schema.get("required", [])) | draw(st.sampled_from(choices))
            others = set().union(*choices) - required  # oneOf: exactly one of the sets
            out = {}
            for name, sub in properties.items():
                if name in required or (name not in others and draw(st.booleans())):
                    out[name] = draw(from_schema(sub))
            return out
        return objects()
    raise AssertionError(f"the tester does not know this schema: {schema}")


@st.composite
def requests(draw: st.DrawFn, path: str, method: str) -> tuple[str, bytes | None, str | None]:
    op = DOC["paths"][path][method]
    url, query = path, {}
    for param in op.get("parameters", []):
        schema = resolved(param["schema"])
        if param["in"] == "path":
            value = draw(from_schema(schema))
            url = url.replace("{" + param["name"] + "}", quote(str(value), safe=""))
        elif param["in"] == "query" and (param.get("required") or draw(st.booleans())):
            value = draw(from_schema(schema))
            query[param["name"]] = value if isinstance(value, str) else json.dumps(value)
    body = None
    content_type = None
    request_body = op.get("requestBody", {}).get("content", {})
    if "application/json" in request_body:
        payload = draw(from_schema(resolved(request_body["application/json"]["schema"])))
        body, content_type = json.dumps(payload).encode(), "application/json"
    if query:
        url += "?" + urlencode(query)
    return url, body, content_type


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_the_document_is_exact(client: FlaskClient, path: str, method: str) -> None:
    op = DOC["paths"][path][method]

    @given(requests(path, method))
    @settings(max_examples=examples(60), deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                     HealthCheck.function_scoped_fixture])
    def check(request: tuple[str, bytes | None, str | None]) -> None:
        url, body, content_type = request
        response = client.open(url, method=method.upper(), data=body, content_type=content_type)
        status = response.status_code
        documented = op["responses"]
        assert str(status) in documented, f"{method.upper()} {url}: {status} not documented"
        assert status < 400 or status in NOT_FOUND or status >= 500, (
            f"{method.upper()} {url} {body!r}: the schema allows it, the service answered "
            f"{status}: {response.get_data(as_text=True)[:300]}")
        content = documented[str(status)].get("content", {})
        if response.mimetype == "application/json" and "application/json" in content:
            schema = content["application/json"].get("schema")
            if schema:
                Draft202012Validator(resolved(schema)).validate(response.get_json())

    check()
