"""The error hierarchy: one root, a few meaningful subclasses, each carrying its own status.

Boundaries catch :class:`TranslitError` once: the HTTP layer answers ``error.http_status``
with ``{"error": {"code", "message"}}``, the CLI prints the message and exits with
``error.exit_code`` (as click's ``ClickException.exit_code``).  Library code raises the most
specific subclass and never decides about statuses itself.

>>> issubclass(UnknownScript, TranslitError) and issubclass(UnknownScript, ValueError)
True
>>> InvalidOption("dj_as", "x", ("dj", "đ")).http_status, CatalogError("bad").exit_code
(400, 1)
>>> str(DecodeError("a.txt", b"ok\\n\\xff", 3))
'a.txt:2: not valid UTF-8 (byte 3)'
"""

from __future__ import annotations

from collections.abc import Iterable


class TranslitError(Exception):
    """Root of every error this package raises on purpose."""

    code = "translit_error"
    #: The HTTP status a boundary answers with.
    http_status = 400
    #: The exit status of the command line (2 is click's usage error; 1 everything else).
    exit_code = 1
    #: False when the message names server-side files: HTTP logs it and sends a generic one.
    expose = True


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


class DecodeError(TranslitError, UnicodeError):
    """Bytes that are not valid in the expected encoding; ``path`` and ``line`` locate them."""

    code = "invalid_encoding"

    def __init__(self, path: str, data: bytes, position: int, encoding: str = "UTF-8") -> None:
        self.path = path
        self.position = position
        self.line = data[:position].count(b"\n") + 1
        self.encoding = encoding
        super().__init__(f"{path}:{self.line}: not valid {encoding} (byte {position})")


class CatalogError(TranslitError):
    """A gettext catalog could not be read, checked or written.

    ``path`` and ``line`` locate the problem when they are known.
    """

    code = "catalog_error"
    http_status = 500
    expose = False

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")


class ConfigurationError(TranslitError):
    """The service's own configuration (a settings file or variable, the glossary) cannot be
    read: a usage error on the command line (exit 2), a server fault over HTTP (500, the
    message not shown to clients: it names files on the server)."""

    code = "configuration_error"
    exit_code = 2
    http_status = 500
    expose = False


class FilesFailed(TranslitError):
    """A batch command could not read, decode, convert or write some files (each reported as
    ``path: message``); exit status 3, apart from 1 for "would change" with ``--check``."""

    code = "files_failed"
    exit_code = 3


class ProblemsFound(TranslitError):
    """A command ran to the end but reported problems (failed files, catalog errors): the
    problems were printed where they were found; this carries the summary and exit status 1."""

    code = "problems_found"


class DocumentError(TranslitError, ValueError):
    """A document that cannot be converted whole (markup the HTML tokenizer cannot read, a
    data file or front matter that does not parse, a value that would not survive the
    rewrite): nothing of it is converted; ``line`` (1-based) locates the problem when known.

    >>> str(DocumentError("an unclosed tag", 3)), DocumentError("x").line
    ('line 3: an unclosed tag', None)
    """

    code = "invalid_document"
    http_status = 422

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)
