"""`translit convert` on a real site tree (tests/data/site-tree): byte for byte, any --jobs,
a round trip, in place with links and backups, and a SIGKILL at every step of a write."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.profiles import examples
from translit_service.cli import main

SITE = Path(__file__).parent / "data" / "site-tree"
INPUT, EXPECTED = SITE / "input", SITE / "expected"
CP1250 = Path("arhiva/stara-vest.txt")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["convert", *args])
    return result.exit_code, result.output


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every symlink's target below ``root``."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_file():
                found[key] = path.read_bytes()
    return found


def copy_site(tmp_path: Path) -> Path:
    """A writable copy of the input tree, symlinks as symlinks (the outside one still
    points outside: at a copy of outside.txt beside it)."""
    shutil.copy2(SITE / "outside.txt", tmp_path / "outside.txt")
    site = tmp_path / "site"
    shutil.copytree(INPUT, site, symlinks=True)
    return site


@pytest.mark.parametrize("jobs", ["1", "2", "4"])
def test_the_site_converts_byte_for_byte_with_any_number_of_jobs(tmp_path: Path,
                                                                  jobs: str) -> None:
    out = tmp_path / "out"
    code, output = invoke(f"{INPUT}/", "--to", "cyrl", "--out", str(out), "--copy-others",
                          "--encoding", "windows-1250", "--jobs", jobs)
    assert code == 0, output
    assert snapshot(out) == snapshot(EXPECTED)
    assert "13 converted, 0 unchanged, 6 copied, 1 skipped, 0 failed" in output
    assert f"{INPUT / CP1250}: read as cp1250, written as UTF-8" in output
    assert "spolja.txt: a symlink to" in output and "outside the tree" in output


def test_the_round_trip_back_to_latin_reproduces_every_original(tmp_path: Path) -> None:
    back = tmp_path / "back"
    code, output = invoke(f"{EXPECTED}/", "--to", "latn", "--out", str(back), "--copy-others")
    assert code == 0, output
    want = snapshot(INPUT)
    del want["static/spolja.txt"]  # the symlink out of the tree is never mirrored
    want[str(CP1250)] = (INPUT / CP1250).read_bytes().decode("cp1250").encode("utf-8")
    assert snapshot(back) == want


def test_out_keeps_the_directory_name_as_rsync_does(tmp_path: Path) -> None:
    content = INPUT / "content"
    assert invoke(str(content), "--to", "cyrl", "--out", str(tmp_path / "a"))[0] == 0
    assert invoke(f"{content}/", "--to", "cyrl", "--out", str(tmp_path / "b"))[0] == 0
    assert (tmp_path / "a" / "content" / "_index.md").read_bytes() == (
        EXPECTED / "content" / "_index.md").read_bytes()
    assert (tmp_path / "b" / "_index.md").exists() and not (tmp_path / "b" / "content").exists()


@pytest.mark.parametrize("jobs", ["1", "2", "4"])
def test_in_place_with_backups_links_and_workers_loses_nothing(tmp_path: Path,
                                                               jobs: str) -> None:
    """A symlink in the tree to another of its files (content/vesti/pregled.md) is one file:
    converted once, its backup the original (two workers converting it twice made FILE~
    the converted text); a hard-linked file and a FIFO are skipped, not failed."""
    site = copy_site(tmp_path)
    os.link(site / "data" / "tim.json", tmp_path / "tim-link.json")
    os.mkfifo(site / "content" / "cev.md")
    before = {p: p.read_bytes() for p in site.rglob("*")
              if not p.is_symlink() and p.is_file() and p.name != "cev.md"}
    process = subprocess.run(
        [sys.executable, "-m", "translit_service.cli", "convert", str(site), "--to", "cyrl",
         "--in-place", "--backup", "--jobs", jobs, "--encoding", "windows-1250"],
        capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, process.stderr
    assert "12 converted, 0 unchanged, 0 copied, 4 skipped, 0 failed" in process.stderr
    assert "cev.md: not a regular file" in process.stderr
    assert "tim.json: has 2 hard links" in process.stderr
    assert "pregled.md: a symlink to" in process.stderr
    assert (site / "content/vesti/pregled.md").is_symlink()
    poseta = site / "content/vesti/2024-05-10-poseta.md"
    assert poseta.read_bytes() == (EXPECTED / "content/vesti/2024-05-10-poseta.md").read_bytes()
    for path, original in before.items():
        backup = path.with_name(path.name + "~")
        if path.name == "tim.json" or path.read_bytes() == original:
            assert not backup.exists(), path
        else:
            assert backup.read_bytes() == original, path
            expected = EXPECTED / path.relative_to(site)
            assert path.read_bytes() == expected.read_bytes(), path
    assert not [p for p in site.rglob(".*.tmp")]


STEPS = ["written", "staged", "backed-up", "replaced"]


def _run(site: Path, *args: str, fault: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TRANSLIT_FAULT"}
    if fault:
        env["TRANSLIT_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "translit_service.cli", "convert", str(site),
                           "--to", "cyrl", "--encoding", "windows-1250", *args],
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_every_step_of_an_in_place_run_loses_nothing_and_the_rerun_recovers(
        tmp_path: Path, step: str) -> None:
    """SIGKILL at a step of the third file's write: every file is whole (the old text or the
    new), every backup is the old text, and the next run finishes the job: no "has 2 hard
    links" for our own backup link, no hidden temporary file left."""
    site = copy_site(tmp_path)
    originals = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()
                 and not p.is_symlink()}
    killed = _run(site, "--in-place", "--backup", fault=f"{step}@3")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    for path, original in originals.items():
        expected = (EXPECTED / path.relative_to(site)).read_bytes() if path.suffix in (
            ".md", ".html", ".toml", ".yaml", ".json", ".po", ".txt") else original
        assert path.read_bytes() in (original, expected), path
        backup = path.with_name(path.name + "~")
        assert not backup.exists() or backup.read_bytes() == original, path
    rerun = _run(site, "--in-place", "--backup")
    assert rerun.returncode == 0, rerun.stderr
    assert "hard links" not in rerun.stderr
    assert not [p for p in site.rglob(".*.tmp")]
    for path, original in originals.items():
        if path.name == "en.toml" or ".en." in path.name or path.suffix in (".css", ".js",
                                                                            ".png"):
            continue
        assert path.read_bytes() == (EXPECTED / path.relative_to(site)).read_bytes(), path
        assert path.with_name(path.name + "~").read_bytes() == original, path
        assert os.stat(path).st_nlink == 1, path


@pytest.mark.parametrize("fault", ["written@5", "copied@2"])
def test_a_kill_while_mirroring_loses_nothing_and_the_rerun_completes(tmp_path: Path,
                                                                      fault: str) -> None:
    out = tmp_path / "out"
    killed = _run(INPUT, "--out", str(out), "--copy-others", fault=fault)
    assert killed.returncode == -signal.SIGKILL
    for path in out.rglob("*"):
        if path.is_file() and not path.is_symlink() and not path.name.endswith(".tmp"):
            assert path.read_bytes() == (EXPECTED / path.relative_to(out / "input")).read_bytes()
    rerun = _run(INPUT, "--out", str(out), "--copy-others")
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(out / "input") == snapshot(EXPECTED)


def test_diff_paths_apply_with_patch_p1_from_the_current_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patch = shutil.which("patch")
    if patch is None:
        pytest.skip("patch not installed")
    site = copy_site(tmp_path)
    (site / "bez-kraja.txt").write_text("Vesti bez novog reda", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["convert", "site", "--to", "cyrl", "--diff",
                                       "--encoding", "windows-1250"])
    assert result.exit_code == 0, result.output
    assert "--- a/site/content/_index.md\n+++ b/site/content/_index.md\n" in result.stdout
    assert "+Вести без новог реда\n\\ No newline at end of file\n" in result.stdout
    assert result.stdout.endswith("\n")
    applied = subprocess.run([patch, "-p1", "--no-backup-if-mismatch"], input=result.stdout,
                             capture_output=True, text=True, cwd=tmp_path)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert (site / "bez-kraja.txt").read_text("utf-8") == "Вести без новог реда"
    assert (site / "content/_index.md").read_bytes() == (
        EXPECTED / "content/_index.md").read_bytes()


def test_check_exits_1_for_would_change_with_skips_counted_apart(tmp_path: Path) -> None:
    site = copy_site(tmp_path)
    code, output = invoke(str(site), "--to", "cyrl", "--check", "--encoding", "windows-1250")
    assert code == 1
    assert "2 skipped, 0 failed" in output and "outside the tree" in output
    assert f"{site / 'content/_index.md'}\n" in output
    converted = tmp_path / "converted"
    shutil.copytree(EXPECTED, converted, symlinks=True)
    code, output = invoke(str(converted), "--to", "cyrl", "--check")
    assert code == 0, output


@given(st.lists(st.tuples(st.sampled_from(["a", "b/c", "b/d", "e/f/g"]),
                          st.sampled_from(["file", "link", "named"]),
                          st.integers(0, 5)), min_size=1, max_size=12),
       st.sampled_from([1, 2, 4]))
@settings(max_examples=examples(25), deadline=None)
def test_every_file_is_one_job_whatever_the_links(layout: list[tuple[str, str, int]],
                                                   jobs: int) -> None:
    """Property: however files are reached (symlinks in the tree, to links, files named
    again on the command line), each file is one job, and an in-place run with backups and
    any number of workers leaves every backup the original text."""
    import tempfile

    from translit_service import batch
    from translit_service.cli.convert_output import write_in_place

    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        files: list[Path] = []
        extra: list[str] = []
        for i, (folder, kind, target) in enumerate(layout):
            path = tree / folder / f"n{i}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "file" or not files:
                path.write_text(f"Vest {i}: ljubav\n", "utf-8")
                files.append(path)
            elif kind == "link":
                path.symlink_to(os.path.relpath(files[target % len(files)], path.parent))
            else:
                extra.append(str(files[target % len(files)]))
        plan = batch.plan([str(tree), *extra])
        keys = [(os.stat(j.source).st_dev, os.stat(j.source).st_ino) for j in plan.jobs]
        assert len(keys) == len(set(keys)) == len(files)
        assert sorted(j.source for j in plan.jobs) == sorted(files)
        for outcome in batch.convert_all(plan.jobs, "cyrl", workers=jobs):
            write_in_place(outcome, backup=True)
        for path in files:
            number = path.name[1:-3]
            assert path.with_name(path.name + "~").read_text("utf-8") == f"Vest {number}: ljubav\n"
            assert path.read_text("utf-8") == f"Вест {number}: љубав\n"
