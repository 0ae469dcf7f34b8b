"""The Flask application factory.

Configuration comes from :mod:`translit_service.settings` (``translit.toml`` or the file
``TRANSLIT_SETTINGS`` names, then ``TRANSLIT_*`` environment variables), then the ``config``
mapping given to :func:`create_app` (tests).  The conversion options there (``[options]``,
or ``TRANSLIT_OPTIONS_*``) build the application's one
:class:`~translit_service.engine.Transliterator`.

>>> app = create_app({"TESTING": True})
>>> app.test_client().get("/healthz").get_json()
{'status': 'ok'}
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson
from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider

from . import settings as settings_module
from .options import Options


class Utf8JSONProvider(DefaultJSONProvider):
    """JSON as clients expect it: UTF-8 with Cyrillic as characters, not ``\\uXXXX``, keys in
    the order written; a lone surrogate (which UTF-8 cannot carry) falls back to escapes.

    Responses are encoded by ``orjson`` (several times faster than ``json`` on the API's
    small objects, and straight to UTF-8 bytes); what it refuses (a lone surrogate, an
    integer over 64 bits, a type it does not know) goes through ``json`` as before."""

    sort_keys = False
    ensure_ascii = False

    def response(self, *args: Any, **kwargs: Any) -> Response:
        obj = self._prepare_response_obj(args, kwargs)
        try:
            data: str | bytes = orjson.dumps(obj, default=self.default,
                                             option=orjson.OPT_PASSTHROUGH_DATETIME)
        except (TypeError, orjson.JSONEncodeError):
            data = self.dumps(obj)
        return Response(data, mimetype=self.mimetype)

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        text = super().dumps(obj, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            kwargs["ensure_ascii"] = True
            text = super().dumps(obj, **kwargs)
        return text


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application; see the module docstring for the configuration order.

    ``config`` may hold ``OPTIONS`` (an :class:`~translit_service.options.Options`) to set
    the conversion options directly."""
    app = Flask(__name__, static_folder=None)  # the site blueprint serves /static
    loaded = settings_module.load()
    app.config.from_mapping(loaded.values)
    app.config["OPTIONS"] = loaded.options
    app.config["SETTINGS_FILE"] = loaded.source
    if config:
        app.config.from_mapping({key: settings_module.validate(key, value, f"config {key}")
                                 if key in settings_module.BY_KEY else value
                                 for key, value in config.items()})
    if not isinstance(app.config["OPTIONS"], Options):
        raise TypeError("OPTIONS must be a translit_service.options.Options")
    app.json = Utf8JSONProvider(app)
    hops = app.config["PROXY_HOPS"]
    if hops:  # behind that many proxies: their X-Forwarded-* say the client's address and URL
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from .web import (
        api,
        articles_api,
        errors,
        feeds,
        http,
        i18n,
        site,
        site_api,
        transliteration,
    )

    app.config["LOCALES_DIR"] = Path(app.config["LOCALES_DIR"])
    app.config["CONTENT_DIR"] = Path(app.config["CONTENT_DIR"])
    errors.register(app)
    http.register(app)
    transliteration.init_app(app)
    i18n.init_app(app)
    articles_api.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(site_api.bp)
    app.register_blueprint(articles_api.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(site.bp)
    return app
