"""The application's one :class:`~translit_service.engine.Transliterator`.

Built once per application (``app.extensions["translit"]``) from the configured options, and
rebuilt when a data file it read changes on disk (checked at most once a second).  Views get it
with :func:`transliterator`; /readyz reports it with :meth:`Transliterator.describe`.
"""

from __future__ import annotations

import time

from flask import Flask, current_app

from ..engine import Transliterator, Transliterators
from ..options import Options

CHECK_EVERY = 1.0  # seconds between two looks at the data files


VARIANTS_KEPT = 16  # transliterators for requests that set their own options


class _Holder:
    """The configured instance, and the engine's own bounded cache of instances
    (:class:`~translit_service.engine.Transliterators`) for requests that set options, all
    sharing its lexicon; their token caches share the process's budget."""

    def __init__(self, engine: Transliterator) -> None:
        self.engine = engine
        self.checked = time.monotonic()
        self.variants = Transliterators(VARIANTS_KEPT, lexicon=engine.lexicon)

    def get(self, options: Options | None = None) -> Transliterator:
        now = time.monotonic()
        if now - self.checked >= CHECK_EVERY:
            self.checked = now
            if self.engine.is_stale():
                self.engine = self.engine.reloaded()
                self.variants = Transliterators(VARIANTS_KEPT, lexicon=self.engine.lexicon)
        if options is None or options == self.engine.options:
            return self.engine
        return self.variants.get(options)


def init_app(app: Flask) -> None:
    app.extensions["translit"] = _Holder(Transliterator(app.config["OPTIONS"]))


def warm_up(app: Flask) -> None:
    """Read the word tables now (before gunicorn forks its workers, with ``preload_app``)."""
    engine = app.extensions["translit"].engine
    for script in ("cyrl", "latn"):
        engine.pipeline(script)
    engine.lexicon.english_words().automaton  # noqa: B018  (built on first use)
    engine.to_cyrillic("Microsoft i Google")


def transliterator(options: Options | None = None) -> Transliterator:
    """The current application's transliterator (for ``options``, when a request set some)."""
    holder: _Holder = current_app.extensions["translit"]
    return holder.get(options)


def configured_options() -> Options:
    """The options the application was configured with."""
    found: Options = current_app.config["OPTIONS"]
    return found

