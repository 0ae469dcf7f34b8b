"""``translit convert``: batch-convert files and trees (the operators' tool)."""

from __future__ import annotations

import difflib
import sys
import time
from pathlib import Path
from typing import Any

import click

from .. import documents
from ..errors import FilesFailed, ProblemsFound
from ..fileio import atomic_write, decode_any
from ..frontmatter import TEXT_KEYS
from ..options import click_options
from .text import ScriptName, transliterator_for


def _known_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


@click.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path,
                                                                   allow_dash=True))
@click.option("--to", "to", required=True, type=ScriptName(),
              help="Target script: cyrl or latn (sr-Cyrl, sr-Latn too).")
@click.option("--format", "fmt", type=click.Choice(("auto", *documents.FORMATS)), default="auto",
              show_default=True, help="auto: by extension (.html .md .po .txt).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write converted files here, mirroring the tree.")
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
              help="Print a unified diff of what would change; write nothing (unless --out "
                   "or --in-place says where).")
@click.option("--follow-symlinks", is_flag=True,
              help="Convert files reached through symlinks that point outside the tree.")
@click.option("--encoding", default="utf-8", show_default=True, callback=_known_encoding,
              help="Encoding of the input files (windows-1250, iso-8859-2…; a byte-order "
                   "mark wins); the output is always UTF-8.")
@click.option("--front-matter-keys", default=",".join(TEXT_KEYS), show_default=True,
              metavar="KEYS", help="Markdown front matter: the keys whose values are text "
                                   "(comma-separated); slugs, dates, URLs stay.")
@click_options
@click.pass_context
def convert_command(ctx: click.Context, /, paths: tuple[Path, ...], to: str, fmt: str,
                    out_dir: Path | None, in_place: bool, backup: bool, include: tuple[str, ...],
                    exclude: tuple[str, ...], jobs: int, dry_run: bool, check_only: bool,
                    show_diff: bool, follow_symlinks: bool, encoding: str, front_matter_keys: str,
                    **options: Any) -> None:
    """Transliterate files and directories (recursively).

    HTML converts text nodes and what readers see of attributes; Markdown leaves code, link
    targets, URLs and front matter keys alone; .po files change their msgstrs only.
    --include/--exclude take .gitignore patterns (vendor, vendor/, **/drafts/*).  Unreadable
    files are reported as `path: message` and skipped.

    \b
    Exit status: 0 done; 1 with --check, some file would change;
    2 a usage error; 3 some file could not be read or written.

    \b
    Examples:
      translit convert content/ --to cyrl --out build/cyrl
      translit convert docs/*.md --to latn --in-place --backup
      translit convert site/ --to cyrl --check --exclude 'vendor/*'
      echo 'Ljubav' | translit convert - --to cyrl
    """
    from .. import batch  # pathspec and process pools: only when files are converted

    to = to.lower()
    engine = transliterator_for(ctx, options)
    if Path("-") in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' (standard input) cannot be mixed with other paths")
        decoded, _ = decode_any(sys.stdin.buffer.read(), "-", encoding)
        sys.stdout.write(documents.convert_document(decoded, "text" if fmt == "auto" else fmt,
                                                    to, transliterator=engine))
        return
    writes = not (dry_run or check_only) and not (show_diff and not (out_dir or in_place))
    if writes and not (out_dir or in_place):
        raise click.UsageError("say where to write: --out DIR or --in-place "
                               "(or --dry-run / --check to write nothing)")
    if out_dir and in_place:
        raise click.UsageError("--out and --in-place exclude each other")
    if backup and not in_place:
        raise click.UsageError("--backup goes with --in-place")
    planned, problems = batch.plan(list(paths), fmt, include, exclude, follow_symlinks)
    if out_dir:
        clashes = batch.collisions(planned)
        if clashes:
            for clash in clashes:
                click.echo(clash, err=True)
            raise ProblemsFound(f"{len(clashes)} input(s) would overwrite another's output; "
                                "nothing written")
    for problem in problems:
        click.echo(problem, err=True)
    counts = {"converted": 0, "unchanged": 0, "failed": len(problems)}
    chars = 0
    began = time.perf_counter()
    progress = _progress(len(planned))
    with progress:
        task = progress.add_task("converting", total=len(planned))
        keys = tuple(k.strip() for k in front_matter_keys.split(",") if k.strip())
        for outcome in batch.convert_all(planned, to, engine, jobs, keys, encoding):
            progress.advance(task)
            job = outcome.job
            counts[outcome.status] += 1
            chars += outcome.chars
            if outcome.status == "failed":
                click.echo(f"{batch.shown(job.source)}: {outcome.message}", err=True)
                continue
            if outcome.status == "converted" and show_diff:
                original = job.source.read_text("utf-8", errors="replace")
                click.echo("".join(difflib.unified_diff(
                    original.splitlines(keepends=True), outcome.text.splitlines(keepends=True),
                    f"a/{batch.shown(job.relative)}", f"b/{batch.shown(job.relative)}")),
                    nl=False)
            elif outcome.status == "converted" and check_only:
                click.echo(batch.shown(job.source))  # stdout: the list a script reads
            elif outcome.status == "converted" and dry_run:
                click.echo(f"{batch.shown(job.source)}: would change", err=True)
            if not writes:
                continue
            try:
                if in_place:
                    if outcome.status == "converted":
                        # Through a symlink, to the file it names: the link stays a link.
                        real = job.source.resolve()
                        if real.stat().st_nlink > 1:
                            raise OSError(f"has {real.stat().st_nlink} hard links; replacing "
                                          "it would split them: left alone")
                        atomic_write(real, outcome.text, backup=backup)
                else:
                    assert out_dir is not None
                    target = out_dir / job.relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write(target, outcome.text)
            except OSError as exc:
                counts["failed"] += 1  # a failed write is a failure, not a conversion
                counts[outcome.status] -= 1
                click.echo(f"{batch.shown(job.source)}: {exc.strerror or exc}", err=True)
    seconds = time.perf_counter() - began
    click.echo(f"{counts['converted']} converted, {counts['unchanged']} unchanged, "
               f"{counts['failed']} failed; {chars:,} characters in {seconds:.2f} s", err=True)
    if counts["failed"]:
        raise FilesFailed(f"{counts['failed']} file(s) failed")
    if check_only and counts["converted"]:
        raise ProblemsFound(f"{counts['converted']} file(s) would change")


def _progress(total: int):  # type: ignore[no-untyped-def]
    """A rich progress bar on a terminal; silent in pipes and under CI.  Messages go through
    click.echo, which rich's live display redirects above the bar."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                    disable=not console.is_terminal or total < 2, transient=True)
