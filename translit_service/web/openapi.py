"""The OpenAPI 3.1 document of the JSON API (served at /api/v1/openapi.json).

Every operation has an ``operationId`` and a tag (generated clients get good names), its own
examples, and the errors it can answer: 400 (the codes of the ``Error`` schema's enum), 414
and 431 (a query string or headers over the server's limits, answered in JSON whether the
application or gunicorn refused them).  tests/test_openapi.py checks that every route is
described here with the methods it accepts and validates real responses against these schemas;
tests/test_openapi_schemathesis.py runs Schemathesis against the served document.

>>> sorted({op["tags"][0] for ops in document()["paths"].values() for op in ops.values()})
['articles', 'service', 'site', 'transliteration']
"""

from __future__ import annotations

import copy
import json
from typing import Any

from .. import __version__
from .openapi_schemas import (
    ARTICLE_ID,
    FORMAT,
    HTML_EXAMPLE,
    LANG,
    LANG_TAG,
    OPTION_PARAMETERS,
    SCHEMAS,
    SCRIPT,
    json_body,
)

TAGS = [
    {"name": "transliteration", "description": "Convert between Latin and Cyrillic; tell "
                                                 "which script a text is in."},
    {"name": "articles", "description": "The site's articles in each variant."},
    {"name": "site", "description": "What a front end needs: UI catalogs, the switcher."},
    {"name": "service", "description": "This document, the docs page, health checks."},
]


def error(description: str, code: str, message: str) -> dict[str, Any]:
    """A documented error response with its own example."""
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"},
        "example": {"error": {"code": code, "message": message}}}}}


#: What every operation may answer: a query string or headers over the limits (gunicorn's
#: limit_request_line and limit_request_fields, or ?text= over max_query_text).
_LIMITS = {
    "414": error("The request line (the query string) is over the server's limit; POST the "
                 "text instead.", "uri_too_long", "text is too long for GET; POST it instead"),
    "431": error("Request headers over the server's limits.", "request_header_fields_too_large",
                 "request headers are over the server's limits"),
}


def _unknown_parameter(valid: str) -> dict[str, Any]:
    return error("A query parameter the operation does not take (or a bad value).",
                 "unknown_field", f"unknown query parameter 'page'; valid: {valid}")


def _operation(operation_id: str, tag: str, summary: str, responses: dict[str, Any],
               **more: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "tags": [tag], "summary": summary, **more,
            "responses": {**responses, **_LIMITS}}


def _transliterate(max_query_text: int) -> dict[str, Any]:
    too_large = error("A body over the size limit, or a batch over the batch limit.",
                      "batch_too_large", "batch of 1001 texts is over the limit of 1000")
    unsupported = error("A Content-Type other than application/json, text/plain or text/html, "
                        "or a charset other than UTF-8.", "unsupported_charset",
                        "only UTF-8 is accepted (got charset=iso-8859-2)")
    post = _operation(
        "transliterate", "transliteration", "Transliterate one text, a batch, or a plain/HTML "
        "body",
        {"200": {"description": "The converted text (JSON for JSON requests, the same media "
                                "type for text bodies).",
                 "headers": {"Content-Language": {"schema": {"type": "string"}}},
                 "content": {
                     "application/json": {"schema": {"oneOf": [
                         {"$ref": "#/components/schemas/TransliterateResponse"},
                         {"$ref": "#/components/schemas/BatchResponse"}]},
                         "example": {"text": "Љубав", "from": "latn", "to": "cyrl"}},
                     "text/plain": {"schema": {"type": "string"}, "example": "Љубав и вести"},
                     "text/html": {"schema": {"type": "string"}, "example": HTML_EXAMPLE}}},
         "400": error("Malformed JSON, invalid UTF-8, a missing, unknown or invalid field, or a "
                      "value outside its enum (the message lists the valid ones).",
                      "unknown_field", "unknown field 'txt'; valid fields: text, texts, to, "
                      "format, lang, dj_as, foreign, glossary, restore_diacritics"),
         "413": too_large, "415": unsupported},
        description="A JSON body carries the text (or texts) and every option as fields. A "
                    "text/plain or text/html body is the text itself; its target and options "
                    "are the query parameters below, which under a JSON body are defaults its "
                    "own fields override.",
        parameters=[{**_query("to", SCRIPT), "description": "Target script for a text body "
                     "(default cyrl)."}, *OPTION_PARAMETERS],
        requestBody={"required": True, "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/TransliterateRequest"},
                "example": {"text": "Ljubav", "to": "cyrl", "format": "text"}},
            "text/plain": {"schema": {"type": "string"}, "example": "Ljubav i vesti"},
            # Any body is text here: no "type" (a schema-driven tester's "non-string" body
            # is sent as the same text).
            "text/html": {"schema": {"description": "An HTML fragment or document, UTF-8."},
                          "example": "<p>Vesti iz <b>Beograda</b></p>"},
        }})
    get = _operation(
        "transliterateQuery", "transliteration", "Transliterate a short text (cacheable)",
        {"200": {"description": "The converted text.",
                 "content": json_body("TransliterateResponse")},
         "304": {"description": "Not modified (If-None-Match)."},
         "400": error("A missing text, an unknown parameter, or a value outside its enum.",
                      "missing_field", "missing query parameter 'text'"),
         },
        parameters=[{"name": "text", "in": "query", "required": True,
                     "description": f"The text, up to {max_query_text} characters, and the "
                                    "request line within the server's 8 KB (a Cyrillic "
                                    "letter is 6 bytes percent-encoded): longer is 414, POST "
                                    "it.",
                     "schema": {"type": "string", "maxLength": max_query_text}},
                    _query("to", SCRIPT), _query("format", FORMAT), *OPTION_PARAMETERS])
    return {"post": post, "get": get}


def _query(name: str, schema: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema,
            "description": schema.get("description", ""), **more}


def _detect() -> dict[str, Any]:
    return {"post": _operation(
        "detectScript", "transliteration", "Tell the script of a text, or of each text of a "
        "batch",
        {"200": {"description": "The verdict and shares, or one per text of a batch.",
                 "content": {"application/json": {
                     "schema": {"oneOf": [{"$ref": "#/components/schemas/DetectResponse"},
                                          {"$ref": "#/components/schemas/DetectBatchResponse"}]},
                     "example": SCHEMAS["DetectResponse"]["example"]}}},
         "400": error("Malformed JSON, invalid UTF-8, a missing or unknown field, or text and "
                      "texts together.", "missing_field", "missing field 'text'"),
         "413": error("A body over the size limit, or a batch over the batch limit.",
                      "request_entity_too_large",
                      "request body is over the limit of 1048576 bytes"),
         "415": error("A Content-Type other than application/json or text/plain, or a "
                      "charset other than UTF-8.", "unsupported_media_type",
                      "unsupported content type 'text/html'; send application/json or "
                      "text/plain")},
        description=SCHEMAS["DetectResponse"]["description"],
        requestBody={"required": True, "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/DetectRequest"},
                                 "example": {"texts": ["Београд", "Hello"]}},
            "text/plain": {"schema": {"type": "string"}, "example": "Ово је текст"}}})}


def _site_paths() -> dict[str, Any]:
    catalog = _operation(
        "getCatalog", "site", "A variant's UI messages for the front end (msgctxt as "
        "ctxt\\u0004id)",
        {"200": {"description": "Messages; ETag from the compiled .mo",
                 "content": {"application/json": {"schema": {"oneOf": [
                     {"$ref": "#/components/schemas/Catalog"},
                     {"$ref": "#/components/schemas/JedOptions"}]},
                     "example": SCHEMAS["Catalog"]["example"]}}},
         "304": {"description": "Not modified (If-None-Match)."},
         "400": error("An unknown format or query parameter.", "unknown_format",
                      "unknown format 'po'; valid values: json, jed"),
         "404": error("No such variant.", "not_found",
                      "no catalog 'de'; valid: en, sr-Latn, sr-Cyrl (or sr_Latn, sr@latin, sr…)"),
         "503": error("The catalog never loaded.", "unavailable",
                      "the sr_Cyrl catalog is not available")},
        parameters=[{"name": "name", "in": "path", "required": True, "schema": LANG_TAG,
                     "description": "Any name the site takes for a variant, as ?lang= and "
                                    "negotiation read it: en, sr-Latn, sr-Cyrl, sr_Latn, "
                                    "sr@latin, sr (Cyrillic), sr-ME (Latin)…"},
                    _query("format", {"type": "string", "enum": ["json", "jed"],
                                      "default": "json"},
                           description="json: this service's object; jed: Jed 1.x locale data "
                                       "(Jed, @wordpress/i18n)")])
    switcher = _operation(
        "getSwitcher", "site", "The Eng · Lat. · Ћир. switcher for a page, and hreflang links",
        {"200": {"description": "Fragment and links", "content": json_body("Switcher")},
         "400": error("A path that is not a site path, an unknown lang or parameter.",
                      "invalid_field", "path must be a site path starting with a single '/'")},
        parameters=[
            {"name": "path", "in": "query", "required": True,
             "schema": {"type": "string", "minLength": 1, "maxLength": 2000,
                        "pattern": "^/(?![/\\\\])[^\\\\\\x00-\\x1f]*$"},
             "description": "A site path: one leading slash, no backslash or control "
                            "character."},
            {"name": "lang", "in": "query",
             "schema": {"anyOf": [{"type": "string", "maxLength": 0}, LANG_TAG]},
             "description": "Explicit variant; else the lang cookie, else Accept-Language "
                            "(then Vary: Accept-Language)."}])
    return {"/api/v1/catalogs/{name}": {"get": catalog}, "/api/v1/switcher": {"get": switcher}}


def _article_paths() -> dict[str, Any]:
    not_found = error("No such article, or not published in the variant (code "
                      "not_published).", "not_found", "no article 'x'")
    bad_lang = error("An unknown lang or query parameter.", "unknown_lang",
                     "unknown lang 'de'; valid: en, sr-Latn, sr-Cyrl")
    listing = _operation(
        "listArticles", "articles", "Articles, newest first, titles in the variant (English "
        "where a variant is not published)",
        {"200": {"description": "A page of articles", "content": json_body("ArticleList")},
         "400": error("page or per_page out of range, an unknown lang or parameter.",
                      "invalid_field", "parameter 'page' must be an integer, not 'x'")},
        parameters=[LANG, _query("page", {"type": "integer", "minimum": 1, "maximum": 100_000,
                                          "default": 1}, description="The page (from 1)."),
                    _query("per_page", {"type": "integer", "minimum": 1, "maximum": 100,
                                        "default": 10}, description="Articles a page.")])
    one = _operation(
        "getArticle", "articles", "One article in a variant (X-Translation-Completeness "
        "header)",
        {"200": {"description": "The article",
                 "headers": {"X-Translation-Completeness": {
                     "description": "Share of the article translated, 0.0000 to 1.0000",
                     "schema": {"type": "string", "pattern": "^[01]\\.[0-9]{4}$"}}},
                 "content": json_body("Article")},
         "304": {"description": "Not modified (If-None-Match)."},
         "400": bad_lang, "404": not_found},
        parameters=[ARTICLE_ID, LANG])
    fragment = _operation(
        "getArticleFragment", "articles", "The bare HTML fragment of an article in a variant",
        {"200": {"description": "HTML fragment", "content": {"text/html": {
            "schema": {"type": "string"}, "example": HTML_EXAMPLE}}},
         "304": {"description": "Not modified (If-None-Match)."},
         "400": bad_lang, "404": not_found},
        parameters=[ARTICLE_ID, LANG])
    return {"/api/v1/articles": {"get": listing},
            "/api/v1/articles/{article_id}": {"get": one},
            "/articles/{article_id}.html": {"get": fragment}}


def _service_paths() -> dict[str, Any]:
    no_parameters = _unknown_parameter("none")
    return {
        "/api/v1/openapi.json": {"get": _operation(
            "getOpenApiDocument", "service", "This document",
            {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {
                "schema": {"type": "object", "required": ["openapi", "info", "paths"]},
                "example": {"openapi": "3.1.0", "info": {"title": "translit-service",
                                                         "version": __version__},
                            "paths": {}}}}},
             "400": no_parameters})},
        "/api/v1/docs": {"get": _operation(
            "getApiDocs", "service", "Human-readable API documentation",
            {"200": {"description": "HTML", "content": {"text/html": {
                "schema": {"type": "string"}, "example": "<!doctype html>…"}}},
             "400": no_parameters})},
        "/healthz": {"get": _operation(
            "getHealth", "service", "Liveness",
            {"200": {"description": "Alive", "content": json_body("Status", {"status": "ok"})}})},
        "/readyz": {"get": _operation(
            "getReadiness", "service", "Readiness: engine tables and catalogs loaded",
            {"200": {"description": "Ready (or degraded: a catalog served from its last good "
                                    "version)", "content": json_body("Status")},
             "503": {"description": "A catalog never loaded, or the instance is draining "
                                    "(its drain file exists)",
                     "content": json_body("Status", {"status": "draining",
                                                     "drain_file": "drain"})}})},
    }


def document(max_batch: int = 1000, max_query_text: int = 2000) -> dict[str, Any]:
    """Return the OpenAPI document as a dict, with the limits a running service enforces
    (its ``MAX_BATCH`` and ``MAX_QUERY_TEXT`` settings).

    >>> document()["openapi"]
    '3.1.0'
    >>> document(max_batch=5)["components"]["schemas"]["TransliterateBatchRequest"][
    ...     "properties"]["texts"]["maxItems"]
    5
    """
    schemas = copy.deepcopy(SCHEMAS)
    for name in ("TransliterateBatchRequest", "DetectBatchRequest"):
        schemas[name]["properties"]["texts"]["maxItems"] = max_batch
    return {
        "openapi": "3.1.0",
        "info": {"title": "translit-service", "version": __version__,
                 "description": "Serbian Latin ⇄ Cyrillic transliteration for the site. Every "
                                "error is {\"error\": {\"code\", \"message\"}} with a 4xx or "
                                "5xx status; the codes are the Error schema's enum."},
        "tags": TAGS,
        "paths": {
            "/api/v1/transliterate": _transliterate(max_query_text),
            "/api/v1/detect": _detect(),
            **_site_paths(),
            **_article_paths(),
            **_service_paths(),
        },
        "components": {"schemas": schemas},
    }


def pretty(value: Any) -> str:
    """JSON as people read it: indented, characters as themselves (no ``\\u0027``).

    >>> print(pretty({"text": "Ljubav's <b>"}))
    {
      "text": "Ljubav's <b>"
    }
    """
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)


def docs_view(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of ``doc`` as the docs page shows them: query and path parameters
    apart from the fields of a JSON body, each response with its own example."""
    components = doc["components"]["schemas"]

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in schema:
            found: dict[str, Any] = components[schema["$ref"].rsplit("/", 1)[1]]
            return found
        return schema

    def values(schema: dict[str, Any]) -> str:
        if "enum" in schema:
            return ", ".join(map(str, schema["enum"]))
        if "anyOf" in schema:
            return " or ".join(values(s) for s in schema["anyOf"])
        kind = str(schema.get("type", "string"))
        if kind == "array":
            kind = f"list of {values(schema.get('items', {}))}"
        if "maxLength" in schema:
            kind += f" (up to {schema['maxLength']} characters)"
        if "maximum" in schema:
            kind += f" ({schema.get('minimum', 0)} to {schema['maximum']})"
        return kind

    view = []
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            body = op.get("requestBody", {}).get("content", {})
            json_schema = resolve(body["application/json"]["schema"]) if (
                "application/json" in body) else {}
            forms = [resolve(option) for option in json_schema.get("oneOf", [json_schema])]
            required = [set(form.get("required", [])) for form in forms]
            either = set.union(*required) - set.intersection(*required) if required else set()
            properties: dict[str, Any] = {}
            for form in forms:
                properties.update(form.get("properties", {}))
            fields = [{"name": name, "values": values(schema),
                       "description": schema.get("description", ""),
                       "required": name not in either and all(name in r for r in required),
                       "one_of": name in either}
                      for name, schema in properties.items()]
            responses = []
            for status, response in op["responses"].items():
                examples = []
                for media, content in (response.get("content") or {}).items():
                    example = content.get("example")
                    if example is None and "$ref" in content.get("schema", {}):
                        example = resolve(content["schema"]).get("example")
                    if example is not None:
                        examples.append((media, pretty(example)))
                responses.append({"status": status, "description": response["description"],
                                  "examples": examples})
            view.append({
                "id": op["operationId"], "method": method.upper(), "path": path,
                "summary": op["summary"], "description": op.get("description", ""),
                "tag": op["tags"][0],
                "parameters": [{"name": p["name"], "in": p["in"], "values": values(p["schema"]),
                                "description": p.get("description", ""),
                                "required": p.get("required", False)}
                               for p in op.get("parameters", [])],
                "fields": fields, "media": list(body),
                "body_examples": [(media, pretty(content["example"]))
                                  for media, content in body.items() if "example" in content],
                "responses": responses,
            })
    return view
