"""``translit catalogs …``: the catalog workflow from the command line.

Each command reports problems as ``path:line: message``, carries on over the remaining files
and exits 1 if any error was found (2 for usage errors).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from .. import catalogs, locales
from ..catalogs import hashes as derived_hashes
from ..errors import CatalogError, ProblemsFound
from ..fileio import atomic_write, locked
from . import settings
from .text import transliterator_for

LOCALE_NAMES = tuple(locales.BY_LOCALE)


class LocaleName(click.ParamType):  # type: ignore[type-arg]
    """A catalog's locale by any name it goes by: sr_Latn, sr-Latn, sr@latin (GNU, Poedit),
    sr_Cyrl, sr-Cyrl, sr, en; given to the command as the directory name (sr_Latn)."""

    name = "locale"

    def __init__(self, allowed: tuple[str, ...] = LOCALE_NAMES) -> None:
        self.allowed = allowed

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        variant = locales.variant_for(str(value))
        if variant is None or variant.locale not in self.allowed:
            self.fail(f"{value!r} is not one of {', '.join(self.allowed)} (sr@latin and "
                      "sr-Latn are sr_Latn)", param, ctx)
        return variant.locale

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.allowed) + "]"


def _locales_dir(ctx: click.Context) -> Path:
    return Path(ctx.obj["locales"])


def _set_locales(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["locales"] = value


#: ``--locales`` after the command too (``translit catalogs derive --locales po``), so that a
#: pre-commit hook's ``args`` can set it.
locales_option = click.option(
    "--locales", type=click.Path(file_okay=False), default=None, expose_value=False,
    is_eager=True, callback=_set_locales,
    help="Directory with <locale>/LC_MESSAGES/messages.po (as `translit catalogs --locales`).")


@click.group("catalogs")
@click.option("--locales", "locales_dir", type=click.Path(file_okay=False), default=None,
              help="Directory with <locale>/LC_MESSAGES/messages.po [default: the "
                   "locales_dir setting, else locales].")
@click.pass_context
def catalogs_group(ctx: click.Context, locales_dir: str | None) -> None:
    """Extract, update, derive, check and compile the site's UI catalogs.

    \b
    The usual round, after editing templates or Python strings:
      translit catalogs extract             # -> locales/messages.pot
      translit catalogs update              # en and sr_Latn .po files from the .pot
      translit catalogs derive --from sr_Latn --to sr_Cyrl
      translit catalogs check --strict
      translit catalogs compile             # .mo files (not committed)
    """
    ctx.ensure_object(dict)
    ctx.obj["locales"] = locales_dir or settings(ctx).path_or("LOCALES_DIR", "locales")
    ctx.obj["engine"] = transliterator_for(ctx, {})


@catalogs_group.command()
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=".",
              show_default=True, help="Project root to scan.")
@click.option("--mapping", type=click.Path(dir_okay=False, exists=True), default="babel.cfg",
              show_default=True, help="Babel mapping file: which files, which extractor.")
@click.pass_context
def extract(ctx: click.Context, root: str, mapping: str) -> None:
    """Extract UI strings from Python and Jinja templates into messages.pot."""
    pot = _locales_dir(ctx) / "messages.pot"
    count = catalogs.extract(Path(root), Path(mapping), pot)
    click.echo(f"{pot}: {count} messages")


@catalogs_group.command()
@click.option("--locale", "-l", "only", multiple=True, type=LocaleName(),
              default=("en", "sr_Latn"), show_default=True,
              help="Locales to update (the derived script is made by `derive`).")
@click.pass_context
def update(ctx: click.Context, only: tuple[str, ...]) -> None:
    """Update .po files from messages.pot (keep translations, mark changes fuzzy)."""
    root = _locales_dir(ctx)
    pot = root / "messages.pot"
    if not pot.exists():
        raise click.ClickException(f"{pot}: not found; run `translit catalogs extract` first")
    failed = 0
    for locale in only:
        path = catalogs.po_path(root, locale)
        try:
            result = catalogs.update(pot, path, locale)
        except CatalogError as exc:
            click.echo(f"{exc}", err=True)
            failed += 1
            continue
        verb = "created" if result.created else "updated"
        click.echo(f"{path}: {verb}, {result.fuzzy} fuzzy, {result.obsolete} obsolete")
    if failed:
        raise ProblemsFound(f"{failed} catalog(s) not updated")


@catalogs_group.command()
@click.option("--from", "source", type=LocaleName(("sr_Latn", "sr_Cyrl")), default="sr_Latn",
              show_default=True, help="The catalog translators edit.")
@click.option("--to", "target", type=LocaleName(("sr_Latn", "sr_Cyrl")), default="sr_Cyrl",
              show_default=True, help="The catalog to derive.")
@click.option("--force", is_flag=True,
              help="Overwrite every hand edit in the derived catalog with the derived text.")
@click.option("--keep-edits", is_flag=True,
              help="Make every hand edit in the derived catalog the translator's own (derive "
                   "keeps it from now on instead of reporting a conflict).")
@click.option("--force-entry", "force_entries", multiple=True, metavar="MSGID",
              help="Like --force, for this entry only (its msgid, or context|msgid); "
                   "repeatable.")
@click.option("--keep-edit", "keep_entries", multiple=True, metavar="MSGID",
              help="Like --keep-edits, for this entry only (its msgid, or context|msgid); "
                   "repeatable.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if the derived catalog is out of date.")
@locales_option
@click.pass_context
def derive(ctx: click.Context, source: str, target: str, force: bool, keep_edits: bool,
           force_entries: tuple[str, ...], keep_entries: tuple[str, ...],
           check_only: bool) -> None:
    """Derive one Serbian script's catalog from the other's.

    A hand edit of a derived entry is kept and reported as a conflict (exit 1) until it is
    resolved: revert it with --force-entry MSGID, or make it the translator's own with
    --keep-edit MSGID (--force / --keep-edits: every one at once).

    \b
    Examples:
      translit catalogs derive --from sr_Latn --to sr_Cyrl
      translit catalogs derive --from sr_Latn --to sr_Cyrl --force-entry Search
      translit catalogs derive --from sr_Latn --to sr_Cyrl --keep-edit 'month|May'
      translit catalogs derive --check      # exit 1 if sr_Cyrl is stale (CI, pre-commit)
    """
    if source == target:
        raise click.UsageError("--from and --to must differ")
    root = _locales_dir(ctx)
    src, dst = catalogs.po_path(root, source), catalogs.po_path(root, target)
    to = "cyrl" if target == "sr_Cyrl" else "latn"
    with locked(dst):
        result = catalogs.derive_catalog(src, to, dst, force=force, keep_edits=keep_edits,
                                         force_entries=force_entries,
                                         keep_entries=keep_entries,
                                         transliterator=ctx.obj["engine"])
        for problem in result.problems + result.conflicts + result.manual:
            click.echo(str(problem), err=True)
        current = dst.read_text("utf-8") if dst.exists() else None
        hashes_current = derived_hashes.read(dst) == result.hashes
        if check_only:
            if current != result.text or not hashes_current:
                from ..catalogs.conflicts import derive_command

                raise ProblemsFound(f"{dst}: out of date; run `{derive_command(dst)}`")
            click.echo(f"{dst}: up to date")
        elif current != result.text or not hashes_current:
            dst.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(dst, result.text)
            derived_hashes.write(dst, result.hashes)
            click.echo(f"{dst}: derived from {src}")
        else:
            click.echo(f"{dst}: up to date")
    if result.conflicts or result.problems:
        where = [f"{len(result.conflicts)} conflict(s) in {dst}"] if result.conflicts else []
        where += [f"{len(result.problems)} problem(s) in {src}"] if result.problems else []
        raise ProblemsFound(", ".join(where))


def _stale(ctx: click.Context, root: Path, mapping: Path) -> int:
    """Problems a CI gate finds beyond the checker's: a stale POT, a stale sr_Cyrl."""
    import tempfile

    found = 0
    locales_dir = _locales_dir(ctx)
    pot = locales_dir / "messages.pot"
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "messages.pot"
        if mapping.exists():
            catalogs.extract(root, mapping, fresh)
            if not pot.exists() or not catalogs.same_catalog_text(pot.read_bytes(),
                                                                  fresh.read_bytes()):
                click.echo(f"{pot}: stale; run `translit catalogs extract` (make catalogs)",
                           err=True)
                found += 1
    source, target = (catalogs.po_path(locales_dir, "sr_Latn"),
                      catalogs.po_path(locales_dir, "sr_Cyrl"))
    if source.exists():
        result = catalogs.derive_catalog(source, "cyrl", target,
                                         transliterator=ctx.obj["engine"])
        current = target.read_text("utf-8") if target.exists() else None
        if current != result.text or derived_hashes.read(target) != result.hashes:
            from ..catalogs.conflicts import derive_command

            click.echo(f"{target}: not what derive makes; run `{derive_command(target)}`",
                       err=True)
            found += 1
    return found


def _targets(ctx: click.Context, paths: tuple[str, ...]) -> list[Path]:
    return [Path(p) for p in paths] or catalogs.catalogs_under(_locales_dir(ctx))


def _is_the_sites(ctx: click.Context, path: Path) -> bool:
    """Whether ``path`` is one of the catalogs under --locales (the site's own)."""
    try:
        return path.resolve().is_relative_to(_locales_dir(ctx).resolve())
    except OSError:
        return False


@catalogs_group.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True, help="Fuzzy and wrong-script entries and header "
                                            "defaults are errors, not warnings.")
@click.option("--complete", is_flag=True,
              help="Untranslated entries are errors (msgfmt compiles an incomplete catalog; "
                   "use this where every string must be translated).")
@click.option("--always-format/--flags-only", "always_format", default=None,
              help="Read every msgstr as python-format (what Jinja's newstyle gettext does "
                   "to the site's strings), or only the entries whose flags say so, as "
                   "msgfmt -c does [default: the former for the catalogs under --locales, "
                   "the latter for any other file].")
@click.option("--ci", "ci", is_flag=True,
              help="The gate a project puts in its CI: --strict --complete, and also fail "
                   "when messages.pot is stale (extract would change it) or sr_Cyrl is not "
                   "what derive makes.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=".",
              show_default=True, help="With --ci: the project root extract scans.")
@click.option("--mapping", type=click.Path(dir_okay=False), default="babel.cfg",
              show_default=True, help="With --ci: the Babel mapping file.")
@click.option("--articles", "articles_dir", type=click.Path(file_okay=False), default=None,
              help="With --ci: the article store whose translations (<id>/*.po) are checked "
                   "too [default: the content_dir setting, else content/articles].")
@locales_option
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], strict: bool, complete: bool,
          always_format: bool | None, ci: bool, root: str, mapping: str,
          articles_dir: str | None) -> None:
    """Check catalogs as `msgfmt -c` does, and more (default: all under --locales).

    Every error msgfmt -c reports is an error here, at the same entry; the rules that are
    stricter on purpose (markup, mixed scripts, the header for the locale, a lone '}' in a
    python-brace-format string) are listed in the README with their reasons.

    With --ci, the article translations are checked too, for errors only: an article is
    published partly translated (English fills the gaps), so an untranslated unit there is
    the translators' to-do list, not a broken build.

    \b
    Examples:
      translit catalogs check                # warnings for untranslated and fuzzy
      translit catalogs check --strict       # fuzzy entries are errors too
      translit catalogs check po/fr.po       # any catalog, read as msgfmt -c reads it
      translit catalogs check --ci           # strict and complete, the POT and sr_Cyrl up
                                             # to date, every article's .po without errors
    """
    strict, complete = strict or ci, complete or ci
    errors = 0
    targets = [(path, strict, complete,
                _is_the_sites(ctx, path) if always_format is None else always_format)
               for path in _targets(ctx, paths)]
    if ci:
        errors += _stale(ctx, Path(root), Path(mapping))
        if not paths:
            store = Path(articles_dir or settings(ctx).path_or("CONTENT_DIR",
                                                               "content/articles"))
            targets += [(path, False, False, bool(always_format))
                        for path in sorted(store.glob("*/*.po"))]
    for path, strict_here, complete_here, format_here in targets:
        problems = catalogs.check_catalog(path, strict=strict_here, complete=complete_here,
                                          always_format=format_here,
                                          transliterator=ctx.obj["engine"])
        for problem in problems:
            click.echo(str(problem), err=problem.severity == "error")
            errors += problem.severity == "error"
        counts = Counter(p.code for p in problems if p.code in ("untranslated", "fuzzy"))
        if counts:
            click.echo(f"{path}: {counts['untranslated']} untranslated, {counts['fuzzy']} fuzzy",
                       err=True)
    if errors:
        raise ProblemsFound(f"{errors} error(s)")


@catalogs_group.command("compile")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True, help="Refuse catalogs with warnings too.")
@click.pass_context
def compile_command(ctx: click.Context, paths: tuple[str, ...], strict: bool) -> None:
    """Compile .po files to .mo (a catalog with errors is reported and skipped)."""
    failed = 0
    for path in _targets(ctx, paths):
        mo, problems = catalogs.compile_catalog(path, strict=strict)
        for problem in problems:
            if problem.severity == "error":
                click.echo(str(problem), err=True)
        if mo is None:
            failed += 1
            click.echo(f"{path}: not compiled", err=True)
        else:
            click.echo(f"{mo}: compiled")
    if failed:
        raise ProblemsFound(f"{failed} catalog(s) not compiled")


@catalogs_group.command("stats")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@click.pass_context
def stats_command(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Total, translated, fuzzy and untranslated entries per catalog."""
    from ..catalogs.units import catalog_stats

    failed = 0
    click.echo(f"{'catalog':<44} {'total':>6} {'done':>6} {'fuzzy':>6} {'todo':>6} {'%':>6}")
    for path in _targets(ctx, paths):
        try:
            numbers = catalog_stats(path)
        except CatalogError as exc:
            click.echo(str(exc), err=True)
            failed += 1
            continue
        click.echo(f"{path!s:<44} {numbers.total:>6} {numbers.translated:>6} "
                   f"{numbers.fuzzy:>6} {numbers.untranslated:>6} {numbers.percent:>6.1f}")
    if failed:
        raise ProblemsFound(f"{failed} catalog(s) could not be read")
