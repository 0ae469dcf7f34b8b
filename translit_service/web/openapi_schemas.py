"""The components of the OpenAPI document: the schemas of bodies and the shared parameters.

The conversion options come from :data:`translit_service.options.FIELDS` (the API accepts
exactly these), the error codes from :data:`translit_service.web.errors.ERROR_CODES`, and the
``to`` values from :data:`translit_service.web.fields.SCRIPT_VALUES`: none can drift from the
code that reads them.
"""

from __future__ import annotations

from typing import Any

from ..engine import FORMATS, SCRIPTS
from ..options import api_schema
from .errors import ERROR_CODES
from .fields import SCRIPT_VALUE_NAMES, SCRIPT_VALUES

#: The conversion options as JSON fields (switches are booleans) and as query parameters
#: (switches are the strings true and false).
OPTIONS = api_schema()
OPTION_PARAMETERS = [{"name": name, "in": "query", "schema": schema,
                      "description": schema["description"]}
                     for name, schema in api_schema(query=True).items()]


def json_body(ref: str, example: Any = None) -> dict[str, Any]:
    """A JSON body of schema component ``ref`` (its example, unless one is given)."""
    body: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{ref}"}}
    if example is not None:
        body["example"] = example
    return {"application/json": body}


HTML_EXAMPLE = '<p lang="sr-Cyrl">Вести из <b>Београда</b></p>'


SCRIPT = {"type": "string", "default": "cyrl", "enum": list(SCRIPT_VALUES),
          "x-enum-varnames": list(SCRIPT_VALUE_NAMES.values()),
          "description": "Target script: cyrl or latn, or a name the site uses for it (sr-Cyrl, "
                         "sr_Latn, sr@latin, Cyrl…), spelled as listed."}
FORMAT = {"type": "string", "enum": list(FORMATS), "default": "text",
          "description": "text: the whole text converts (what is protected aside). html: text "
                         "nodes convert, and what readers see or hear of attributes (title, "
                         "alt, placeholder, aria-label, aria-description, the value of "
                         "submit/button/reset inputs, the content of meta description, "
                         "keywords, og:title, og:description and twitter:*); markup, script, "
                         "style, code, pre and translate=\"no\" are copied."}
#: A language tag the site reads as one of its variants (en…, sr…, sh…: locales.variant_for).
LANG_TAG = {"type": "string", "maxLength": 35,
             "pattern": "^(?:[Ee][Nn]|[Ss][HhRr])(?:[-_@][A-Za-z0-9_@-]*)?$"}
LANG = {"name": "lang", "in": "query", "schema": LANG_TAG,
         "description": "en, sr-Latn or sr-Cyrl (or another tag of those languages: sr_Latn, "
                        "sr-RS, en-GB…); else the lang cookie, else Accept-Language."}
ARTICLE_ID = {"name": "article_id", "in": "path", "required": True,
              "description": "The article's id (its folder: lower-case letters, digits, hyphens)",
              "schema": {"type": "string", "maxLength": 80,
                         "pattern": "^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"}}
DETECTED = {"type": "string", "enum": ["latn", "cyrl", "mixed", "none"]}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["error"], "additionalProperties": False,
        "properties": {"error": {
            "type": "object", "required": ["code", "message"], "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "enum": sorted(ERROR_CODES),
                         "description": "What went wrong, for programs: "
                                        + "; ".join(f"{code}: {meaning}" for code, meaning
                                                    in sorted(ERROR_CODES.items()))},
                "message": {"type": "string", "description": "What went wrong, for people "
                            "(names the field and the valid values)."}},
        }},
    },
    # One text or a batch: two objects (generated clients get two models, and a body with
    # both fields matches neither).
    "TransliterateRequest": {"oneOf": [
        {"$ref": "#/components/schemas/TransliterateTextRequest"},
        {"$ref": "#/components/schemas/TransliterateBatchRequest"}]},
    "TransliterateTextRequest": {
        "type": "object", "additionalProperties": False, "required": ["text"],
        "properties": {"text": {"type": "string", "description": "The text to convert."},
                       "to": SCRIPT, "format": FORMAT, **OPTIONS},
    },
    "TransliterateBatchRequest": {
        "type": "object", "additionalProperties": False, "required": ["texts"],
        "properties": {"texts": {"type": "array", "items": {"type": "string"},
                                 "description": "Texts to convert, each on its own; the "
                                                "answer keeps their order."},
                       "to": SCRIPT, "format": FORMAT, **OPTIONS},
    },
    "TransliterateResponse": {
        "type": "object", "required": ["text", "from", "to"], "additionalProperties": False,
        "properties": {"text": {"type": "string"}, "from": DETECTED,
                       "to": {"type": "string", "enum": list(SCRIPTS)}},
        "example": {"text": "Љубав и %(count)d вести", "from": "latn", "to": "cyrl"},
    },
    "BatchResponse": {
        "type": "object", "required": ["texts", "from", "to"], "additionalProperties": False,
        "properties": {"texts": {"type": "array", "items": {"type": "string"}},
                       "from": DETECTED, "to": {"type": "string", "enum": list(SCRIPTS)}},
        "example": {"texts": ["Ljubav", "KLJUČ"], "from": "cyrl", "to": "latn"},
    },
    "DetectRequest": {"oneOf": [{"$ref": "#/components/schemas/DetectTextRequest"},
                                {"$ref": "#/components/schemas/DetectBatchRequest"}]},
    "DetectTextRequest": {"type": "object", "additionalProperties": False, "required": ["text"],
                          "properties": {"text": {"type": "string"}}},
    "DetectBatchRequest": {"type": "object", "additionalProperties": False,
                           "required": ["texts"],
                           "properties": {"texts": {"type": "array",
                                                    "items": {"type": "string"}}}},
    "DetectBatchResponse": {
        "type": "object", "required": ["results"], "additionalProperties": False,
        "properties": {"results": {"type": "array",
                                   "items": {"$ref": "#/components/schemas/DetectResponse"}}},
        "example": {"results": [{"script": "cyrl", "latin": 0.0, "cyrillic": 1.0},
                                {"script": "none", "latin": 0.0, "cyrillic": 0.0}]},
    },
    "DetectResponse": {
        "type": "object", "required": ["script", "latin", "cyrillic"],
        "additionalProperties": False,
        "description": "Counts the letters of a Serbian script that a conversion would change: "
                       "words kept in Latin (English words such as Google or Delete, acronyms "
                       "of the Latin list, URLs, e-mail addresses, code, placeholders) are not "
                       "counted, so English text is 'none'. latin and cyrillic are the shares "
                       "of the counted letters; 'mixed' when neither has 90 %.",
        "properties": {"script": DETECTED,
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
    "JedHeader": {
        "type": "object", "required": ["domain", "lang", "plural_forms"],
        "description": "Jed's header entry (the key \"\" of the messages).",
        "properties": {"domain": {"type": "string"}, "lang": {"type": "string"},
                       "plural_forms": {"type": "string"}},
    },
    "JedMessages": {
        "type": "object", "required": [""],
        "description": "msgid (ctxt\\u0004msgid for a context) -> its translations; the key "
                       "\"\" is the header.",
        "properties": {"": {"$ref": "#/components/schemas/JedHeader"}},
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    "JedOptions": {
        "type": "object", "required": ["domain", "locale_data"], "additionalProperties": False,
        "description": "Jed 1.x options: `new Jed(body)`; @wordpress/i18n: "
                       "`setLocaleData(body.locale_data.messages)`.",
        "properties": {
            "domain": {"type": "string", "enum": ["messages"]},
            "locale_data": {"type": "object", "required": ["messages"],
                            "additionalProperties": False, "properties": {
                                "messages": {"$ref": "#/components/schemas/JedMessages"}}},
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
                    "tags": ["сарадња"], "kind": "вест", "html": HTML_EXAMPLE,
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

