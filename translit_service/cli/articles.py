"""``translit articles …``: the translator's round for articles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import locales
from ..errors import ProblemsFound, TranslitError
from ..fileio import atomic_write
from . import settings
from .text import transliterator_for

if TYPE_CHECKING:
    from ..articles import Store

# The article machinery (Markdown, rendering, the catalogs) is imported by the commands that
# use it, not by `translit --help` or `translit text`.


@click.group("articles")
@click.option("--root", type=click.Path(file_okay=False), default=None,
              help="The article store [default: the content_dir setting, else "
                   "content/articles].")
@click.pass_context
def articles_group(ctx: click.Context, root: str | None) -> None:
    """Extract article text for translators (.pot/.po) and build translated HTML.

    \b
    Examples:
      translit articles list
      translit articles extract 2023-01-20-media-queries
      translit articles extract --all
      translit articles build 2023-01-20-media-queries --lang sr-Cyrl
    """
    from ..articles import Store

    ctx.ensure_object(dict)
    ctx.obj["store"] = Store(Path(root or settings(ctx).path_or("CONTENT_DIR",
                                                                 "content/articles")))
    ctx.obj["engine"] = transliterator_for(ctx, {})


@articles_group.command("list")
@click.pass_context
def list_command(ctx: click.Context) -> None:
    """Every article with its translation completeness per variant."""
    from ..articles import ArticleService
    from ..articles.render import percent

    store: Store = ctx.obj["store"]
    service = ArticleService(store, engine=ctx.obj["engine"])
    tags = [v.tag for v in locales.VARIANTS if v.script]
    click.echo(f"{'article':<44} " + " ".join(f"{t:>8}" for t in tags))
    for article_id in store.ids():
        done = service.available(article_id)
        click.echo(f"{article_id:<44} " + " ".join(f"{percent(done[t]):>7}%" for t in tags))


@articles_group.command()
@click.argument("ids", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Every article in the store.")
@click.option("--locale", type=click.Choice(["sr_Latn", "sr_Cyrl"]),
              help="Script of a new translation (default: the existing one, else sr_Latn).")
@click.pass_context
def extract(ctx: click.Context, ids: tuple[str, ...], all_: bool, locale: str | None) -> None:
    """Write <id>/article.pot and create or update the translation .po."""
    from ..articles import extract_article

    store: Store = ctx.obj["store"]
    targets = store.ids() if all_ else list(ids)
    if not targets:
        raise click.UsageError("name at least one article id, or --all")
    failed = 0
    for article_id in targets:
        try:
            result = extract_article(store, article_id, locale, engine=ctx.obj["engine"])
        except TranslitError as exc:
            click.echo(f"{article_id}: {exc}", err=True)
            failed += 1
            continue
        click.echo(f"{result.po}: {result.units} units, {result.translated} translated, "
                   f"{result.fuzzy} fuzzy; memory prefilled {result.prefilled} exact and "
                   f"{result.prefilled_fuzzy} fuzzy")
    if failed:
        raise ProblemsFound(f"{failed} of {len(targets)} articles failed")


@articles_group.command()
@click.argument("article_id")
@click.option("--lang", default="sr-Latn", show_default=True,
              help="Variant: en, sr-Latn or sr-Cyrl.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
@click.option("--unpublished", is_flag=True, help="Build even below the publishing threshold.")
@click.pass_context
def build(ctx: click.Context, article_id: str, lang: str, out: str | None,
          unpublished: bool) -> None:
    """Merge the translation into the article's HTML (untranslated units stay English)."""
    from ..articles import ArticleService, NotPublished
    from ..articles.render import percent

    variant = locales.variant_for(lang)
    if variant is None:
        raise click.BadParameter(f"{lang!r}; valid: en, sr-Latn, sr-Cyrl", param_hint="--lang")
    service = ArticleService(ctx.obj["store"], engine=ctx.obj["engine"])
    try:
        rendered = service.render(article_id, variant, publish_only=not unpublished)
    except NotPublished as exc:
        raise click.ClickException(f"{exc} (--unpublished builds it anyway)") from None
    if out:
        atomic_write(out, rendered.html)
        click.echo(f"{out}: {rendered.lang}, {percent(rendered.completeness)}% translated",
                   err=True)
    else:
        click.echo(rendered.html, nl=False)
