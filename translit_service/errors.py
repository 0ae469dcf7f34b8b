"""The error hierarchy: one root, a few meaningful subclasses.

Boundaries (the HTTP API, the CLI) catch :class:`TranslitError` once and turn it into a
status code or an exit code.  Library code raises the most specific subclass.

>>> issubclass(UnknownScript, TranslitError) and issubclass(UnknownScript, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Iterable


class TranslitError(Exception):
    """Root of every error this package raises on purpose."""

    code = "translit_error"


class InvalidOption(TranslitError, ValueError):
    """An option has a value outside its documented set; the message lists the valid ones."""

    code = "invalid_option"

    def __init__(self, option: str, value: object, valid: Iterable[str]) -> None:
        self.option = option
        self.value = value
        self.valid = tuple(valid)
        super().__init__(
            f"unknown {option} {value!r}; valid values: {', '.join(self.valid)}"
        )


class UnknownScript(InvalidOption):
    """A target script other than ``cyrl`` or ``latn``."""

    code = "unknown_script"


class UnknownFormat(InvalidOption):
    """A text format other than those the engine understands (``text``, ``html``)."""

    code = "unknown_format"


class UnknownLanguage(InvalidOption):
    """A language code the engine has no tables for."""

    code = "unknown_language"


class CatalogError(TranslitError):
    """A gettext catalog could not be read, checked or written.

    ``path`` and ``line`` locate the problem when they are known.
    """

    code = "catalog_error"

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")
