"""``translit text`` and ``translit detect``: one text, from a file or standard input."""

from __future__ import annotations

import sys
from typing import Any, BinaryIO

import click

from ..engine import FORMATS, Transliterator, normalise_script
from ..errors import UnknownScript
from ..fileio import decode
from ..options import click_options, from_fields
from . import settings


class ScriptName(click.ParamType):  # type: ignore[type-arg]
    """A target script by any name the site uses: cyrl, latn, sr-Cyrl, sr_Latn, sr@latin…"""

    name = "script"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            return normalise_script(value)
        except UnknownScript:
            self.fail(f"{value!r}: use cyrl or latn (sr-Cyrl, sr-Latn, sr@latin… too)", param,
                      ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[cyrl|latn]"


def transliterator_for(ctx: click.Context, values: dict[str, Any]) -> Transliterator:
    """The run's transliterator: the settings' options, overridden by the command line."""
    return Transliterator(from_fields(values, settings(ctx).options))


@click.command("text")
@click.argument("source", type=click.File("rb"), default="-")
@click.option("--to", "to", type=ScriptName(), required=True,
              help="Target script: cyrl or latn (sr-Cyrl, sr-Latn too).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="html converts text nodes and title/alt only.")
@click_options
@click.option("--explain", is_flag=True,
              help="Instead of the text, list each part of it with the rule or the steps that "
                   "applied (why did this stay Latin?); plain text only.")
@click.option("--dj-as-dje", is_flag=True, hidden=True, help="Same as --dj-as đ.")
@click.pass_context
def text_command(ctx: click.Context, /, source: BinaryIO, to: str, fmt: str, explain: bool,
                 dj_as_dje: bool, **options: Any) -> None:
    """Transliterate SOURCE (a file, or - for standard input) to standard output.

    \b
    Examples:
      echo 'Ljubav i nadživeti' | translit text --to cyrl
      translit text --to latn --format html page.html
      translit text --to cyrl --dj-as đ notes.txt
      echo 'Klikni Delete, NATO i XXI vek' | translit text --to cyrl --explain
    """
    if dj_as_dje:
        options["dj_as"] = "đ"
    engine = transliterator_for(ctx, options)
    text = decode(source.read(), getattr(source, "name", "-"))
    if explain:
        if fmt != "text":
            raise click.UsageError("--explain explains plain text (--format text)")
        for part in engine.explain(text, to):
            click.echo(f"{part.start}-{part.end}\t{part.text!r} -> {part.result!r}\t{part.rule}")
        return
    sys.stdout.write(engine.convert(text, to.lower(), fmt))


@click.command("detect")
@click.argument("source", type=click.File("rb"), default="-")
@click.pass_context
def detect_command(ctx: click.Context, source: BinaryIO) -> None:
    """Print the script of SOURCE and the share of Latin and Cyrillic letters."""
    text = decode(source.read(), getattr(source, "name", "-"))
    found = transliterator_for(ctx, {}).detect_script(text)
    click.echo(f"{found.script}\tlatin={found.latin:.2%}\tcyrillic={found.cyrillic:.2%}")
