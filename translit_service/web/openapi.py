"""The OpenAPI 3.1 document of the JSON API (served at /api/v1/openapi.json).

tests/test_openapi.py checks that every route is described here with the methods it accepts,
and validates real responses against these schemas.
"""

from __future__ import annotations

import copy
from typing import Any

from .. import __version__
from ..engine import FORMATS, SCRIPT_NAMES, SCRIPTS
from ..options import api_schema

#: The conversion options, generated from options.FIELDS (the API accepts exactly these).
_OPTIONS = api_schema()
_OPTION_PARAMETERS = [{"name": name, "in": "query", "schema": schema,
                       "description": schema["description"]}
                      for name, schema in api_schema(query=True).items()]


def _error_response(description: str, code: str = "bad_request",
                    message: str = "unknown field 'txt'; valid fields: text, texts, to, …",
                    ) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"},
        "example": {"error": {"code": code, "message": message}}}}}


def _json(ref: str, example: Any = None) -> dict[str, Any]:
    """A JSON body of schema component ``ref`` (its example, unless one is given)."""
    body: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{ref}"}}
    if example is not None:
        body["example"] = example
    return {"application/json": body}


_HTML_EXAMPLE = '<p lang="sr-Cyrl">Вести из <b>Београда</b></p>'


_SCRIPT = {"type": "string", "default": "cyrl",
           "enum": sorted({*SCRIPTS, *SCRIPT_NAMES, "sr-Cyrl", "sr-Latn", "sr_Cyrl", "sr_Latn",
                           "Cyrl", "Latn"}),
           "description": "Target script: cyrl or latn, or a name the site uses (sr-Cyrl, "
                          "sr_Latn, sr@latin…), case-insensitive."}
_FORMAT = {"type": "string", "enum": list(FORMATS), "default": "text",
           "description": "html converts text nodes and title/alt attribute values only."}
#: A language tag the site reads as one of its variants (en…, sr…, sh…: locales.variant_for).
_LANG_TAG = {"type": "string", "maxLength": 35,
             "pattern": "^(?:[Ee][Nn]|[Ss][HhRr])(?:[-_@][A-Za-z0-9_@-]*)?$"}
_LANG = {"name": "lang", "in": "query", "schema": _LANG_TAG,
         "description": "en, sr-Latn or sr-Cyrl (or another tag of those languages: sr_Latn, "
                        "sr-RS, en-GB…); else the lang cookie, else Accept-Language."}
_ARTICLE_ID = {"name": "article_id", "in": "path", "required": True,
               "schema": {"type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"}}
_DETECTED = {"type": "string", "enum": ["latn", "cyrl", "mixed", "none"]}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["error"], "additionalProperties": False,
        "properties": {"error": {
            "type": "object", "required": ["code", "message"], "additionalProperties": False,
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }},
    },
    "TransliterateRequest": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "text": {"type": "string"},
            "texts": {"type": "array", "items": {"type": "string"}},
            "to": _SCRIPT, "format": _FORMAT, **_OPTIONS,
        },
        "oneOf": [{"required": ["text"]}, {"required": ["texts"]}],
    },
    "TransliterateResponse": {
        "type": "object", "required": ["text", "from", "to"], "additionalProperties": False,
        "properties": {"text": {"type": "string"}, "from": _DETECTED,
                       "to": {"type": "string", "enum": list(SCRIPTS)}},
        "example": {"text": "Љубав и %(count)d вести", "from": "latn", "to": "cyrl"},
    },
    "BatchResponse": {
        "type": "object", "required": ["texts", "from", "to"], "additionalProperties": False,
        "properties": {"texts": {"type": "array", "items": {"type": "string"}},
                       "from": _DETECTED, "to": {"type": "string", "enum": list(SCRIPTS)}},
        "example": {"texts": ["Ljubav", "KLJUČ"], "from": "cyrl", "to": "latn"},
    },
    "DetectRequest": {"type": "object", "required": ["text"], "additionalProperties": False,
                      "properties": {"text": {"type": "string"}}},
    "DetectResponse": {
        "type": "object", "required": ["script", "latin", "cyrillic"],
        "additionalProperties": False,
        "properties": {"script": _DETECTED,
                       "latin": {"type": "number", "minimum": 0, "maximum": 1},
                       "cyrillic": {"type": "number", "minimum": 0, "maximum": 1}},
        "example": {"script": "cyrl", "latin": 0.0, "cyrillic": 1.0},
    },
    "Status": {"type": "object", "required": ["status"],
               "properties": {"status": {"type": "string"},
                              "catalogs": {"type": "object",
                                           "additionalProperties": {"type": "string"}}},
               "example": {"status": "ready", "catalogs": {"en": "ok", "sr_Latn": "ok",
                                                           "sr_Cyrl": "ok"}}},
    "Catalog": {
        "type": "object", "required": ["locale", "lang", "plural_forms", "messages"],
        "additionalProperties": False,
        "properties": {
            "locale": {"type": "string", "enum": ["en", "sr_Latn", "sr_Cyrl"]},
            "lang": {"type": "string", "enum": ["en", "sr-Latn", "sr-Cyrl"]},
            "plural_forms": {"type": "string"},
            "messages": {"type": "object", "additionalProperties": {
                "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}},
        },
        "example": {"locale": "sr_Cyrl", "lang": "sr-Cyrl",
                    "plural_forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 "
                                    "&& n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
                    "messages": {"Search": "Претрага", "month\u0004May": "мај",
                                 "%(num)d article": ["%(num)d чланак", "%(num)d чланка",
                                                     "%(num)d чланака"]}},
    },
    "JedOptions": {
        "type": "object", "required": ["domain", "locale_data"], "additionalProperties": False,
        "description": "Jed 1.x options: `new Jed(body)`; @wordpress/i18n: "
                       "`setLocaleData(body.locale_data.messages)`.",
        "properties": {
            "domain": {"type": "string", "enum": ["messages"]},
            "locale_data": {"type": "object", "required": ["messages"],
                            "additionalProperties": False, "properties": {"messages": {
                                "type": "object", "required": [""],
                                "properties": {"": {
                                    "type": "object",
                                    "required": ["domain", "lang", "plural_forms"],
                                    "properties": {"domain": {"type": "string"},
                                                   "lang": {"type": "string"},
                                                   "plural_forms": {"type": "string"}}}},
                                "additionalProperties": {"type": "array",
                                                         "items": {"type": "string"}}}}},
        },
        "example": {"domain": "messages", "locale_data": {"messages": {
            "": {"domain": "messages", "lang": "sr-Cyrl",
                 "plural_forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                                 "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"},
            "Search": ["Претрага"], "month\u0004May": ["мај"],
            "%(num)d article": ["%(num)d чланак", "%(num)d чланка", "%(num)d чланака"]}}},
    },
    "Article": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "lang", "title", "date", "date_display", "author", "tags", "kind",
                     "html", "completeness", "origin", "alternates"],
        "properties": {
            "id": {"type": "string"}, "lang": {"type": "string"}, "title": {"type": "string"},
            "date": {"type": "string", "format": "date"}, "date_display": {"type": "string"},
            "author": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
            "kind": {"type": "string"}, "html": {"type": "string"},
            "completeness": {"type": "number", "minimum": 0, "maximum": 1},
            "origin": {"type": "string", "enum": ["source", "translation", "derived"]},
            "alternates": {"type": "object", "additionalProperties": {"type": "string"}},
        },
        "example": {"id": "2021-06-04-civil-military-conference", "lang": "sr-Cyrl",
                    "title": "Конференција у Београду", "date": "2021-06-04",
                    "date_display": "4. јун 2021.", "author": "Канцеларија за везу",
                    "tags": ["сарадња"], "kind": "вест", "html": _HTML_EXAMPLE,
                    "completeness": 1.0, "origin": "derived",
                    "alternates": {"en": "/api/v1/articles/2021-06-04-civil-military-"
                                         "conference?lang=en"}},
    },
    "ArticleList": {
        "type": "object", "additionalProperties": False,
        "required": ["lang", "page", "per_page", "total", "pages", "articles"],
        "properties": {
            "lang": {"type": "string"}, "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer"}, "total": {"type": "integer"},
            "pages": {"type": "integer"},
            "articles": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["id", "lang", "title", "date", "date_display", "author",
                             "completeness", "url"],
                "properties": {"id": {"type": "string"}, "lang": {"type": "string"},
                               "title": {"type": "string"}, "date": {"type": "string"},
                               "date_display": {"type": "string"},
                               "author": {"type": "string"},
                               "completeness": {"type": "number"}, "url": {"type": "string"}}}},
        },
        "example": {"lang": "sr-Latn", "page": 1, "per_page": 20, "total": 1, "pages": 1,
                    "articles": [{"id": "2021-06-04-civil-military-conference",
                                  "lang": "sr-Latn", "title": "Konferencija u Beogradu",
                                  "date": "2021-06-04", "date_display": "4. jun 2021.",
                                  "author": "Kancelarija za vezu", "completeness": 1.0,
                                  "url": "/api/v1/articles/2021-06-04-civil-military-"
                                         "conference?lang=sr-Latn"}]},
    },
    "Switcher": {
        "type": "object", "required": ["lang", "html", "alternates"], "additionalProperties": False,
        "properties": {"lang": {"type": "string", "enum": ["en", "sr-Latn", "sr-Cyrl"]},
                       "html": {"type": "string"}, "alternates": {"type": "string"}},
        "example": {"lang": "sr-Latn",
                    "html": '<nav class="switcher"><a href="/news/x?lang=en" hreflang="en" '
                            'lang="en">Eng</a> …</nav>',
                    "alternates": '<link rel="alternate" hreflang="en" '
                                  'href="/news/x?lang=en">'},
    },
}

_JSON_ERRORS = {
    "400": _error_response("Malformed JSON, invalid UTF-8, a missing or invalid field, or an "
                           "unknown value (the message lists the valid ones)."),
    "413": _error_response("Body over the size limit, or a batch over the batch limit.",
                           "batch_too_large", "batch of 1001 texts is over the limit of 1000"),
    "415": _error_response("Unsupported Content-Type.", "unsupported_media_type",
                           "unsupported content type 'application/xml'; send application/json, "
                           "text/plain or text/html"),
}


def document(max_batch: int = 1000, max_query_text: int = 2000) -> dict[str, Any]:
    """Return the OpenAPI document as a dict, with the limits a running service enforces
    (its ``MAX_BATCH`` and ``MAX_QUERY_TEXT`` settings).

    >>> document()["openapi"]
    '3.1.0'
    >>> document(max_batch=5)["components"]["schemas"]["TransliterateRequest"][
    ...     "properties"]["texts"]["maxItems"]
    5
    """
    schemas = copy.deepcopy(SCHEMAS)
    schemas["TransliterateRequest"]["properties"]["texts"]["maxItems"] = max_batch
    return {
        "openapi": "3.1.0",
        "info": {"title": "translit-service", "version": __version__,
                 "description": "Serbian Latin ⇄ Cyrillic transliteration for the site."},
        "paths": {
            "/api/v1/transliterate": {
                "post": {
                    "summary": "Transliterate one text, a batch, or a plain/HTML body",
                    "parameters": [{"name": "to", "in": "query", "schema": _SCRIPT,
                                    "description": "For text/plain and text/html bodies."},
                                   *_OPTION_PARAMETERS],
                    "requestBody": {"required": True, "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/TransliterateRequest"},
                            "example": {"text": "Ljubav", "to": "cyrl", "format": "text"}},
                        "text/plain": {"schema": {"type": "string"}},
                        "text/html": {"schema": {"type": "string"}},
                    }},
                    "responses": {
                        "200": {"description": "The converted text (JSON for JSON requests, "
                                               "the same media type for text bodies).",
                                "headers": {"Content-Language": {"schema": {"type": "string"}}},
                                "content": {
                                    "application/json": {"schema": {"oneOf": [
                                        {"$ref": "#/components/schemas/TransliterateResponse"},
                                        {"$ref": "#/components/schemas/BatchResponse"}]},
                                        "example": {"text": "Љубав", "from": "latn",
                                                    "to": "cyrl"}},
                                    "text/plain": {"schema": {"type": "string"},
                                                   "example": "Љубав и вести"},
                                    "text/html": {"schema": {"type": "string"},
                                                  "example": _HTML_EXAMPLE}}},
                        **_JSON_ERRORS,
                    },
                },
                "get": {
                    "summary": "Transliterate a short text (cacheable)",
                    "parameters": [
                        {"name": "text", "in": "query", "required": True,
                         "schema": {"type": "string", "maxLength": max_query_text}},
                        {"name": "to", "in": "query", "schema": _SCRIPT},
                        {"name": "format", "in": "query", "schema": _FORMAT},
                        *_OPTION_PARAMETERS,
                    ],
                    "responses": {
                        "200": {"description": "The converted text.",
                                "content": _json("TransliterateResponse")},
                        "304": {"description": "Not modified (If-None-Match)."},
                        "400": _JSON_ERRORS["400"],
                        "414": _error_response("text too long for GET.", "uri_too_long",
                                               "text is too long for GET; POST it instead"),
                    },
                },
            },
            "/api/v1/detect": {"post": {
                "summary": "Tell the script of a text",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/DetectRequest"}},
                    "text/plain": {"schema": {"type": "string"}}}},
                "responses": {"200": {"description": "The verdict and shares.",
                                      "content": _json("DetectResponse")}, **_JSON_ERRORS},
            }},
            "/api/v1/catalogs/{name}": {"get": {
                "summary": "A locale's UI messages for the front end (msgctxt as ctxt\\u0004id)",
                "parameters": [{"name": "name", "in": "path", "required": True,
                                "schema": {"type": "string"},
                                "description": "en, sr-Latn, sr-Cyrl (or sr_Latn, sr_Cyrl)"},
                               {"name": "format", "in": "query",
                                "schema": {"type": "string", "enum": ["json", "jed"],
                                           "default": "json"},
                                "description": "json: this service's object; jed: Jed 1.x "
                                               "locale data (Jed, @wordpress/i18n)"}],
                "responses": {
                    "200": {"description": "Messages; ETag from the compiled .mo",
                            "content": {"application/json": {"schema": {"oneOf": [
                                {"$ref": "#/components/schemas/Catalog"},
                                {"$ref": "#/components/schemas/JedOptions"}]},
                                "example": SCHEMAS["Catalog"]["example"]}}},
                    "304": {"description": "Not modified (If-None-Match)."},
                    "400": _error_response("Unknown format.", "unknown_format",
                                           "unknown format 'po'; valid values: json, jed"),
                    "404": _error_response("No such locale.", "not_found",
                                           "no catalog 'de'; valid: en, sr-Latn, sr-Cyrl"),
                    "503": _error_response("The catalog never loaded.", "unavailable",
                                           "the sr_Cyrl catalog is not available"),
                },
            }},
            "/api/v1/switcher": {"get": {
                "summary": "The Eng · Lat. · Ћир. switcher for a page, and hreflang links",
                "parameters": [
                    {"name": "path", "in": "query", "required": True,
                     "schema": {"type": "string", "minLength": 1, "maxLength": 2000,
                                "pattern": "^/(?![/\\\\])[^\\\\\\x00-\\x1f]*$"},
                     "description": "A site path: one leading slash, no backslash or control "
                                    "character."},
                    {"name": "lang", "in": "query",
                     "schema": {"anyOf": [{"type": "string", "maxLength": 0}, _LANG_TAG]},
                     "description": "Explicit variant; else the lang cookie, else "
                                    "Accept-Language (then Vary: Accept-Language)."},
                ],
                "responses": {
                    "200": {"description": "Fragment and links", "content": _json("Switcher")},
                    "400": _JSON_ERRORS["400"],
                },
            }},
            "/api/v1/articles": {"get": {
                "summary": "Articles, newest first, titles in the variant (English where a "
                           "variant is not published)",
                "parameters": [_LANG, {"name": "page", "in": "query",
                                       "schema": {"type": "integer", "minimum": 1}},
                               {"name": "per_page", "in": "query",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 100}}],
                "responses": {"200": {"description": "A page of articles",
                                      "content": _json("ArticleList")},
                    "400": _JSON_ERRORS["400"]},
            }},
            "/api/v1/articles/{article_id}": {"get": {
                "summary": "One article in a variant (X-Translation-Completeness header)",
                "parameters": [_ARTICLE_ID, _LANG],
                "responses": {
                    "200": {"description": "The article", "content": _json("Article")},
                    "304": {"description": "Not modified (If-None-Match)."},
                    "400": _JSON_ERRORS["400"],
                    "404": _error_response("No such article, or not published in the "
                                           "variant (code not_published).", "not_found",
                                           "no article 'x'"),
                },
            }},
            "/articles/{article_id}.html": {"get": {
                "summary": "The bare HTML fragment of an article in a variant",
                "parameters": [_ARTICLE_ID, _LANG],
                "responses": {
                    "200": {"description": "HTML fragment", "content": {"text/html": {
                        "schema": {"type": "string"}, "example": _HTML_EXAMPLE}}},
                    "304": {"description": "Not modified (If-None-Match)."},
                    "400": _error_response("Unknown lang.", "unknown_lang",
                                           "unknown lang 'de'; valid: en, sr-Latn, sr-Cyrl"),
                    "404": _error_response("No such article, or not published.", "not_found",
                                           "no article 'x'"),
                },
            }},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {
                "200": {"description": "OpenAPI 3.1", "content": {"application/json": {
                    "schema": {"type": "object", "required": ["openapi", "info", "paths"]},
                    "example": {"openapi": "3.1.0", "info": {"title": "translit-service",
                                                             "version": __version__},
                                "paths": {}}}}}}}},
            "/api/v1/docs": {"get": {"summary": "Human-readable API documentation",
                                     "responses": {"200": {"description": "HTML", "content": {
                                         "text/html": {"schema": {"type": "string"},
                                                       "example": "<!doctype html>…"}}}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {
                "description": "Alive", "content": _json("Status", {"status": "ok"})}}}},
            "/readyz": {"get": {"summary": "Readiness: engine tables loaded", "responses": {
                "200": {"description": "Ready", "content": _json("Status")},
                "503": {"description": "A catalog never loaded, or the instance is draining "
                        "(its drain file exists)", "content": _json(
                            "Status", {"status": "draining",
                                       "drain_file": "/run/translit/drain"})}}}},
        },
        "components": {"schemas": schemas},
    }
