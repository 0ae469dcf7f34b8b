"""The ``translit`` command line: the one place that maps errors to exit codes."""

from __future__ import annotations

import sys
from typing import BinaryIO

import click

from . import engine
from .errors import TranslitError


class _Group(click.Group):
    """The one place that turns errors into exit codes: a library error or an OS error is
    one line (``path: message``) and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TranslitError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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

    Every command takes --help.  Exit status: 0 done, 1 a problem was
    found or a file failed (reported as path: message), 2 a usage error.
    """


@main.command("text")
@click.argument("source", type=click.File("rb"), default="-")
@click.option("--to", "to", type=click.Choice(engine.SCRIPTS, case_sensitive=False),
              required=True, help="Target script.")
@click.option("--format", "fmt", type=click.Choice(engine.FORMATS), default="text",
              show_default=True, help="html converts text nodes and title/alt only.")
@click.option("--lang", default="sr", show_default=True, help="Language code (sr, me, mk, ru…).")
@click.option("--dj-as-dje", is_flag=True, help="Read 'dj' as 'đ' (text typed without diacritics).")
def text_command(source: BinaryIO, to: str, fmt: str, lang: str,
                 dj_as_dje: bool) -> None:
    """Transliterate SOURCE (a file, or - for standard input) to standard output."""
    name = getattr(source, "name", "-")
    try:
        text = source.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{name}: not valid UTF-8 (byte {exc.start})") from None
    try:
        out = engine.transliterate(text, to=to, fmt=fmt, lang=lang,
                                   dj_as="đ" if dj_as_dje else "dj")
    except TranslitError as exc:
        raise click.ClickException(str(exc)) from None
    sys.stdout.write(out)


@main.command("detect")
@click.argument("source", type=click.File("rb"), default="-")
def detect_command(source: BinaryIO) -> None:
    """Print the script of SOURCE and the share of Latin and Cyrillic letters."""
    try:
        text = source.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{source.name}: not valid UTF-8 (byte {exc.start})") from None
    found = engine.detect_script(text)
    click.echo(f"{found.script}\tlatin={found.latin:.2%}\tcyrillic={found.cyrillic:.2%}")


def _register() -> None:
    from .cli_articles import articles_group
    from .cli_catalogs import catalogs_group
    from .cli_convert import convert_command

    main.add_command(catalogs_group)
    main.add_command(articles_group)
    main.add_command(convert_command)


_register()

