"""The Flask application factory.

Configuration comes from the defaults below, then the file named by ``TRANSLIT_SETTINGS`` (if
any), then environment variables prefixed ``TRANSLIT_`` (``TRANSLIT_MAX_CONTENT_LENGTH=2097152``),
then the ``config`` mapping given to :func:`create_app` (tests).

>>> app = create_app({"TESTING": True})
>>> app.test_client().get("/healthz").get_json()
{'status': 'ok'}
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # bytes; larger bodies get 413
    "MAX_BATCH": 1000,  # texts in one {"texts": [...]} request
    "MAX_QUERY_TEXT": 2000,  # characters of ?text= for GET
    "CACHE_MAX_AGE": 86400,  # seconds, Cache-Control for GET responses
    "CORS_ORIGINS": [],  # origins allowed to call the API from a browser; ["*"] for any
    "LOCALES_DIR": str(Path(__file__).resolve().parent.parent / "locales"),
    "CONTENT_DIR": str(Path(__file__).resolve().parent.parent / "content" / "articles"),
    "PUBLISH_THRESHOLD": 0.8,  # share of an article's units translated before it is published
    "ARTICLE_CACHE_SIZE": 256,  # rendered variants kept in memory (LRU)
    "SITE_URL": "",  # scheme://host prefix for hreflang links; relative links when empty
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application; see the module docstring for the configuration order."""
    app = Flask(__name__, static_folder=None)  # the site blueprint serves /static
    app.config.from_mapping(DEFAULTS)
    settings = os.environ.get("TRANSLIT_SETTINGS")
    if settings:
        app.config.from_pyfile(settings)
    app.config.from_prefixed_env("TRANSLIT")
    if config:
        app.config.from_mapping(config)
    app.json.sort_keys = False  # type: ignore[attr-defined]

    from .web import api, articles_api, errors, http, i18n, site, site_api

    if isinstance(app.config["CORS_ORIGINS"], str):  # TRANSLIT_CORS_ORIGINS="https://a,https://b"
        app.config["CORS_ORIGINS"] = [o.strip() for o in app.config["CORS_ORIGINS"].split(",") if o]
    app.config["LOCALES_DIR"] = Path(app.config["LOCALES_DIR"])
    app.config["CONTENT_DIR"] = Path(app.config["CONTENT_DIR"])
    errors.register(app)
    http.register(app)
    i18n.init_app(app)
    articles_api.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(site_api.bp)
    app.register_blueprint(articles_api.bp)
    app.register_blueprint(site.bp)
    return app
