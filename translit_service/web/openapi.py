"""The OpenAPI 3.1 document of the JSON API (served at /api/v1/openapi.json).

tests/test_openapi.py checks that every route is described here with the methods it accepts,
and validates real responses against these schemas.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..engine import FORMATS, SCRIPT_NAMES, SCRIPTS
from ..options import api_schema

#: The conversion options, generated from options.FIELDS (the API accepts exactly these).
_OPTIONS = api_schema()
_OPTION_PARAMETERS = [{"name": name, "in": "query", "schema": schema,
                       "description": schema["description"]}
                      for name, schema in api_schema(query=True).items()]


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}}


_SCRIPT = {"type": "string", "default": "cyrl",
           "enum": sorted({*SCRIPTS, *SCRIPT_NAMES, "sr-Cyrl", "sr-Latn", "sr_Cyrl", "sr_Latn",
                           "Cyrl", "Latn"}),
           "description": "Target script: cyrl or latn, or a name the site uses (sr-Cyrl, "
                          "sr_Latn, sr@latin…), case-insensitive."}
_FORMAT = {"type": "string", "enum": list(FORMATS), "default": "text",
           "description": "html converts text nodes and title/alt attribute values only."}
_LANG = {"name": "lang", "in": "query", "schema": {"type": "string"},
         "description": "en, sr-Latn or sr-Cyrl; else the lang cookie, else Accept-Language."}
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
    },
    "BatchResponse": {
        "type": "object", "required": ["texts", "from", "to"], "additionalProperties": False,
        "properties": {"texts": {"type": "array", "items": {"type": "string"}},
                       "from": _DETECTED, "to": {"type": "string", "enum": list(SCRIPTS)}},
    },
    "DetectRequest": {"type": "object", "required": ["text"], "additionalProperties": False,
                      "properties": {"text": {"type": "string"}}},
    "DetectResponse": {
        "type": "object", "required": ["script", "latin", "cyrillic"],
        "additionalProperties": False,
        "properties": {"script": _DETECTED,
                       "latin": {"type": "number", "minimum": 0, "maximum": 1},
                       "cyrillic": {"type": "number", "minimum": 0, "maximum": 1}},
    },
    "Status": {"type": "object", "required": ["status"],
               "properties": {"status": {"type": "string"},
                              "catalogs": {"type": "object",
                                           "additionalProperties": {"type": "string"}}}},
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
    },
    "Switcher": {
        "type": "object", "required": ["lang", "html", "alternates"], "additionalProperties": False,
        "properties": {"lang": {"type": "string", "enum": ["en", "sr-Latn", "sr-Cyrl"]},
                       "html": {"type": "string"}, "alternates": {"type": "string"}},
    },
}

_JSON_ERRORS = {
    "400": _error_response("Malformed JSON, invalid UTF-8, a missing or invalid field, or an "
                           "unknown value (the message lists the valid ones)."),
    "413": _error_response("Body over the size limit, or a batch over the batch limit."),
    "415": _error_response("Unsupported Content-Type."),
}


def document() -> dict[str, Any]:
    """Return the OpenAPI document as a dict.

    >>> document()["openapi"]
    '3.1.0'
    """
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
                                        {"$ref": "#/components/schemas/BatchResponse"}]}},
                                    "text/plain": {"schema": {"type": "string"}},
                                    "text/html": {"schema": {"type": "string"}}}},
                        **_JSON_ERRORS,
                    },
                },
                "get": {
                    "summary": "Transliterate a short text (cacheable)",
                    "parameters": [
                        {"name": "text", "in": "query", "required": True,
                         "schema": {"type": "string", "maxLength": 2000}},
                        {"name": "to", "in": "query", "schema": _SCRIPT},
                        {"name": "format", "in": "query", "schema": _FORMAT},
                        *_OPTION_PARAMETERS,
                    ],
                    "responses": {
                        "200": {"description": "The converted text.", "content": {
                            "application/json": {"schema": {
                                "$ref": "#/components/schemas/TransliterateResponse"}}}},
                        "304": {"description": "Not modified (If-None-Match)."},
                        "400": _JSON_ERRORS["400"],
                        "414": _error_response("text too long for GET."),
                    },
                },
            },
            "/api/v1/detect": {"post": {
                "summary": "Tell the script of a text",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/DetectRequest"}},
                    "text/plain": {"schema": {"type": "string"}}}},
                "responses": {"200": {"description": "The verdict and shares.", "content": {
                    "application/json": {"schema": {
                        "$ref": "#/components/schemas/DetectResponse"}}}}, **_JSON_ERRORS},
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
                                {"$ref": "#/components/schemas/JedOptions"}]}}}},
                    "304": {"description": "Not modified (If-None-Match)."},
                    "400": _error_response("Unknown format."),
                    "404": _error_response("No such locale."),
                    "503": _error_response("The catalog never loaded."),
                },
            }},
            "/api/v1/switcher": {"get": {
                "summary": "The Eng · Lat. · Ћир. switcher for a page, and hreflang links",
                "parameters": [
                    {"name": "path", "in": "query", "required": True,
                     "schema": {"type": "string", "maxLength": 2000}},
                    {"name": "lang", "in": "query", "schema": {"type": "string"},
                     "description": "Explicit variant; else the lang cookie, else "
                                    "Accept-Language (then Vary: Accept-Language)."},
                ],
                "responses": {
                    "200": {"description": "Fragment and links", "content": {
                        "application/json": {"schema": {
                            "$ref": "#/components/schemas/Switcher"}}}},
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
                "responses": {"200": {"description": "A page of articles", "content": {
                    "application/json": {"schema": {
                        "$ref": "#/components/schemas/ArticleList"}}}},
                    "400": _JSON_ERRORS["400"]},
            }},
            "/api/v1/articles/{article_id}": {"get": {
                "summary": "One article in a variant (X-Translation-Completeness header)",
                "parameters": [_ARTICLE_ID, _LANG],
                "responses": {
                    "200": {"description": "The article", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Article"}}}},
                    "304": {"description": "Not modified (If-None-Match)."},
                    "400": _JSON_ERRORS["400"],
                    "404": _error_response("No such article, or not published in the "
                                           "variant (code not_published)."),
                },
            }},
            "/articles/{article_id}.html": {"get": {
                "summary": "The bare HTML fragment of an article in a variant",
                "parameters": [_ARTICLE_ID, _LANG],
                "responses": {
                    "200": {"description": "HTML fragment", "content": {"text/html": {}}},
                    "304": {"description": "Not modified (If-None-Match)."},
                    "404": _error_response("No such article, or not published."),
                },
            }},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {
                "200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}},
            "/api/v1/docs": {"get": {"summary": "Human-readable API documentation",
                                     "responses": {"200": {"description": "HTML",
                                                           "content": {"text/html": {}}}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {
                "description": "Alive", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/Status"}}}}}}},
            "/readyz": {"get": {"summary": "Readiness: engine tables loaded", "responses": {
                "200": {"description": "Ready", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/Status"}}}},
                "503": {"description": "A catalog never loaded, or the instance is draining "
                        "(its drain file exists)", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}}}},
        },
        "components": {"schemas": SCHEMAS},
    }
