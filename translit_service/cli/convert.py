"""``translit convert``: batch-convert files and trees (the operators' tool)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import documents
from ..datafiles import TEXT_KEYS
from ..errors import FilesFailed, ProblemsFound
from ..fileio import Leftovers, decode_file, text_encoding
from ..options import click_options
from .text import ScriptName, transliterator_for

if TYPE_CHECKING:
    from .. import batch


def _known_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return text_encoding(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _key_list(value: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in value.split(",") if k.strip())


@click.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--to", "to", required=True, type=ScriptName(),
              help="Target script: cyrl or latn (sr-Cyrl, sr-Latn too).")
@click.option("--format", "fmt", type=click.Choice(("auto", *documents.FORMATS)), default="auto",
              show_default=True, help="auto: by extension (.html .md .po .txt .yaml .toml "
                                      ".json); a named file of another type is skipped "
                                      "unless --format says what it is.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write converted files here, mirroring the tree: DIR keeps its name "
                   "(OUT/DIR/…), DIR/ does not (OUT/…), as rsync does.")
@click.option("--copy-others", is_flag=True,
              help="With --out, copy every file that is not converted (images, CSS, JS, "
                   "excluded files) so that the mirror is a whole site.")
@click.option("--in-place", is_flag=True, help="Replace each file (atomically).")
@click.option("--backup", is_flag=True, help="With --in-place, keep the old file as FILE~.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Only files matching GLOB (repeatable; default: known extensions).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes; the output is the same for any number.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; print the files that would change and exit 1 if any "
                   "would (for CI).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of what would change (paths relative to the "
                   "current directory: patch -p1 applies it); write nothing unless --out "
                   "or --in-place says where.")
@click.option("--follow-symlinks", is_flag=True,
              help="Convert files reached through symlinks that point outside the tree.")
@click.option("--encoding", default="utf-8", show_default=True, callback=_known_encoding,
              help="For files that are not UTF-8 (windows-1250, iso-8859-2…): valid UTF-8 "
                   "and files with a byte-order mark are read as what they are.  Files read "
                   "from an 8-bit code page are written as UTF-8 (and said).")
@click.option("--front-matter-keys", default=",".join(TEXT_KEYS),
              show_default="title, description, summary, caption, author, tags… at any "
                           "depth, menu.**.name",
              metavar="KEYS", help="Markdown front matter: the keys whose values are text "
                                   "(comma-separated key patterns: title, params.caption, "
                                   "menu.*.name, !slug); keys, slugs, dates, URLs stay.")
@click.option("--data-keys", default=None, metavar="KEYS",
              help="YAML/TOML/JSON data files: the keys whose values are text (key patterns "
                   "as for --front-matter-keys; default: the front matter's and label, text, "
                   "Hugo's plural forms; in an i18n/ directory every value but id).")
@click_options
@click.pass_context
def convert_command(ctx: click.Context, /, paths: tuple[str, ...], to: str, fmt: str,
                    out_dir: Path | None, copy_others: bool, in_place: bool, backup: bool,
                    include: tuple[str, ...], exclude: tuple[str, ...], jobs: int,
                    dry_run: bool, check_only: bool, show_diff: bool, follow_symlinks: bool,
                    encoding: str, front_matter_keys: str, data_keys: str | None,
                    **options: Any) -> None:
    """Transliterate files and directories (recursively).

    HTML converts text nodes and what readers see of attributes (template tags {{ }} {% %}
    stay); Markdown leaves code, link targets, URLs and front matter keys alone; .po files
    change their msgstrs only; YAML, TOML and JSON data files the values of text keys only.
    --include/--exclude take .gitignore patterns (vendor, vendor/, **/drafts/*).  A file
    that cannot be read or converted whole is reported as `path:line: message` and left
    alone; the rest carries on.  Symlinks out of the tree, hard-linked files (with
    --in-place), FIFOs and named files of unknown types are skipped and said.

    \b
    Exit status: 0 done (skips included); 1 with --check, some file would change;
    2 a usage error; 3 some file could not be read, converted or written.

    \b
    Examples:
      translit convert content --to cyrl --out build        # build/content/…
      translit convert site/ --to cyrl --out build/cyrl --copy-others
      translit convert docs/*.md --to latn --in-place --backup
      translit convert site/ --to cyrl --check --exclude 'vendor/'
      translit convert content/ --to cyrl --diff | patch -p1
      echo 'Ljubav' | translit convert - --to cyrl
    """
    from .. import batch  # pathspec and process pools: only when files are converted
    from . import convert_output

    to = to.lower()
    engine = transliterator_for(ctx, options)
    keys = documents.DocumentKeys(_key_list(front_matter_keys),
                                  None if data_keys is None else _key_list(data_keys))
    if "-" in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' (standard input) cannot be mixed with other paths")
        decoded = decode_file(sys.stdin.buffer.read(), "-", encoding)
        converted = documents.convert_document(decoded.text, "text" if fmt == "auto" else fmt,
                                               to, transliterator=engine, keys=keys)
        sys.stdout.buffer.write(converted.encode("utf-8"))
        return
    writes = not (dry_run or check_only) and not (show_diff and not (out_dir or in_place))
    if writes and not (out_dir or in_place):
        raise click.UsageError("say where to write: --out DIR or --in-place "
                               "(or --dry-run / --check / --diff to write nothing)")
    if out_dir and in_place:
        raise click.UsageError("--out and --in-place exclude each other")
    if backup and not in_place:
        raise click.UsageError("--backup goes with --in-place")
    if copy_others and not out_dir:
        raise click.UsageError("--copy-others goes with --out")
    mirror = bool(out_dir) and writes
    found = batch.plan(list(paths), fmt, include, exclude, follow_symlinks, mirror=mirror,
                       copy_others=copy_others, avoid=[out_dir] if out_dir else [])
    if out_dir:
        clashes = batch.collisions(found.jobs, found.entries if mirror else ())
        if clashes:
            for clash in clashes:
                click.echo(clash, err=True)
            raise ProblemsFound(f"{len(clashes)} input(s) would overwrite another's output; "
                                "nothing written")
    for problem in found.problems:
        click.echo(problem, err=True)
    leftovers = Leftovers()  # what interrupted runs left, each directory listed once
    counts = dict.fromkeys(("converted", "unchanged", "copied", "skipped"), 0)
    counts["failed"] = len(found.problems)
    for entry in found.entries:
        if entry.action == "skip":
            counts["skipped"] += 1
            click.echo(f"{batch.shown(entry.source)}: {entry.message}", err=True)
        elif writes and out_dir is not None:
            try:
                if convert_output.mirror_entry(entry, out_dir, leftovers):
                    counts["copied"] += 1
            except OSError as exc:
                counts["failed"] += 1
                click.echo(f"{batch.shown(entry.source)}: {exc.strerror or exc}", err=True)
    chars = 0
    began = time.perf_counter()
    cwd = Path.cwd()
    progress = _progress(len(found.jobs))
    with progress:
        task = progress.add_task("converting", total=len(found.jobs))
        for outcome in batch.convert_all(found.jobs, to, engine, jobs, keys, encoding,
                                         keep_original=show_diff):
            progress.advance(task)
            status = _report(outcome, writes, in_place, backup, out_dir, show_diff,
                             check_only, dry_run, cwd, leftovers)
            counts[status] += 1
            chars += outcome.chars if status != "failed" else 0
    seconds = time.perf_counter() - began
    sys.stdout.flush()
    click.echo(f"{counts['converted']} converted, {counts['unchanged']} unchanged, "
               f"{counts['copied']} copied, {counts['skipped']} skipped, "
               f"{counts['failed']} failed; {chars:,} characters in {seconds:.2f} s", err=True)
    if counts["failed"]:
        raise FilesFailed(f"{counts['failed']} file(s) failed")
    if check_only and counts["converted"]:
        raise ProblemsFound(f"{counts['converted']} file(s) would change")


def _report(outcome: batch.Outcome, writes: bool, in_place: bool, backup: bool,
            out_dir: Path | None, show_diff: bool, check_only: bool, dry_run: bool,
            cwd: Path, leftovers: Leftovers) -> str:
    """Say and write one outcome; returns the status it counts as."""
    from .. import batch
    from . import convert_output

    source = batch.shown(outcome.job.source)
    if outcome.status == "failed":
        where = f"{source}:{outcome.line}" if outcome.line else source
        click.echo(f"{where}: {outcome.message}", err=True)
        return "failed"
    decoded = outcome.decoded
    if decoded is not None and not decoded.plain and outcome.status == "converted":
        click.echo(f"{source}: {decoded.describe()}", err=True)
    if outcome.status == "converted":
        if show_diff:
            diff = convert_output.unified_diff(outcome, cwd)
            if diff is None:
                click.echo(f"{source}: not in the diff (a diff cannot change the file's "
                           "encoding; --out or --in-place converts it)", err=True)
            else:
                click.echo(diff, nl=False)
        elif check_only:
            click.echo(source)  # stdout: the list a script reads
        elif dry_run:
            click.echo(f"{source}: would change", err=True)
    if not writes:
        return outcome.status
    try:
        if in_place:
            if outcome.status == "converted":
                notes = convert_output.write_in_place(outcome, backup, leftovers)
            else:
                notes = []
        else:
            assert out_dir is not None
            notes = convert_output.write_mirrored(outcome, out_dir, leftovers)
    except convert_output.Skipped as exc:
        click.echo(f"{source}: {exc}", err=True)
        return "skipped"
    except OSError as exc:  # a failed write is a failure, not a conversion
        click.echo(f"{source}: {exc.strerror or exc}", err=True)
        return "failed"
    for note in notes:
        click.echo(f"{source}: {note}", err=True)
    return outcome.status


def _progress(total: int):  # type: ignore[no-untyped-def]
    """A rich progress bar on a terminal; silent in pipes and under CI.  Messages go through
    click.echo, which rich's live display redirects above the bar."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                    disable=not console.is_terminal or total < 2, transient=True)
