"""The ``translit`` command line: a click group and its commands, one module per concern.

Errors become exit codes in one place (:class:`TranslitGroup`): a
:class:`~translit_service.errors.TranslitError` prints ``Error: <message>`` (``path:line:``
first when it names a file) and exits with its ``exit_code``; an OS error is ``path: message``
and 1.  Usage errors are click's (2).  Commands that carry on over many files print each
problem where it is found and end with :class:`~translit_service.errors.ProblemsFound`.

The settings (``translit.toml`` or ``$TRANSLIT_SETTINGS``, then ``TRANSLIT_*``) are read once
per run; their ``[options]`` are the defaults of ``--lang``, ``--dj-as``… and their paths the
defaults of ``--locales`` and ``--root``.
"""

from __future__ import annotations

import click

from ..errors import TranslitError
from ..settings import Settings, load


class _Failure(click.ClickException):
    """A library error on its way out, with the error's own exit status."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]


class TranslitGroup(click.Group):
    """The one place that turns errors into exit codes (see the module docstring)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TranslitError as exc:
            raise _Failure(str(exc), exc.exit_code) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


def settings(ctx: click.Context) -> Settings:
    """The run's settings, read on first use."""
    root = ctx.find_root()
    root.ensure_object(dict)
    found: Settings | None = root.obj.get("settings")
    if found is None:
        found = root.obj["settings"] = load()
    return found


@click.group(cls=TranslitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="translit-service")
def main() -> None:
    """Serbian Latin ⇄ Cyrillic transliteration.

    \b
    Examples:
      echo 'Ljubav i nadživeti' | translit text --to cyrl
      translit text --to latn --format html page.html
      translit detect notes.txt
      translit convert content/ --to cyrl --out build/cyrl
      translit catalogs check --strict
      translit articles extract --all

    Every command takes --help.  Settings: translit.toml (or the file
    $TRANSLIT_SETTINGS names), then TRANSLIT_* variables; see the README.
    Exit status: 0 done, 1 a problem was found (reported as path: message;
    with convert --check: a file would change), 2 a usage or settings
    error, 3 convert could not read or write some file.
    """


def _register() -> None:
    from .articles import articles_group
    from .catalogs import catalogs_group
    from .convert import convert_command
    from .text import detect_command, text_command

    main.add_command(text_command)
    main.add_command(detect_command)
    main.add_command(catalogs_group)
    main.add_command(articles_group)
    main.add_command(convert_command)


_register()

