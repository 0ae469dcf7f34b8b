"""Integration for other projects: the pre-commit hooks of ``.pre-commit-hooks.yaml`` and
the Weblate script ``deploy/weblate/derive_cyrillic.py``, each run as its host runs it, in a
scratch git repository, offline.

pre-commit is the real one (the package, run as ``python -m pre_commit``).  A published
``language: python`` hook would make it build a virtualenv and install translit-service from
an index; offline, the scratch repository's config declares the manifest's hooks as
``repo: local`` with ``language: system`` (same ids, entries, file patterns, arguments),
run with this environment's ``translit`` on PATH, and the manifest itself is checked with
pre-commit's own validator.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
SCRIPT = ROOT / "deploy" / "weblate" / "derive_cyrillic.py"
BIN = Path(sys.executable).parent
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "T",
            "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
            "GIT_COMMITTER_EMAIL": "t@example.org", "NO_COLOR": "1"}


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project with the site's catalogs, committed, whose pre-commit config runs our
    manifest's hooks."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "locales", project / "locales",
                    ignore=shutil.ignore_patterns("*.mo", ".*"))
    hooks = yaml.safe_load(MANIFEST.read_text("utf-8"))
    local = [{**hook, "language": "system"} for hook in hooks]
    (project / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}), "utf-8")
    env = _env(tmp_path)
    for command in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "catalogs"]):
        assert _run(command, project, env).returncode == 0
    return project


def _precommit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "pre_commit", "run", *args], repo, _env(repo.parent))


def _translate(path: Path, msgid: str, msgstr: str) -> None:
    po = polib.pofile(str(path))
    entry = po.find(msgid)
    assert entry is not None
    entry.msgstr = msgstr
    po.save()


def test_the_manifest_is_valid() -> None:
    done = _run([sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)], ROOT,
                os.environ.copy())
    assert done.returncode == 0, done.stdout + done.stderr
    ids = [hook["id"] for hook in yaml.safe_load(MANIFEST.read_text("utf-8"))]
    assert ids == ["translit-check", "translit-derive", "translit-derive-check"]


@needs_git
def test_the_hooks_pass_on_clean_catalogs(repo: Path) -> None:
    done = _precommit(repo, "--all-files")
    assert done.returncode == 0, done.stdout
    assert done.stdout.count("Passed") == 3


@needs_git
def test_a_translation_without_its_derived_twin_fails_until_derived(repo: Path) -> None:
    latin = repo / "locales" / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    _translate(latin, "Search", "Traži")
    _run(["git", "add", str(latin)], repo, _env(repo.parent))
    stale = _precommit(repo, "translit-derive-check")
    assert stale.returncode == 1 and "out of date" in stale.stdout, stale.stdout
    derived = _precommit(repo, "translit-derive")  # writes sr_Cyrl: pre-commit fails the run
    assert derived.returncode == 1 and "files were modified by this hook" in derived.stdout
    cyrillic = repo / "locales" / "sr_Cyrl" / "LC_MESSAGES" / "messages.po"
    assert polib.pofile(str(cyrillic)).find("Search").msgstr == "Тражи"  # type: ignore[union-attr]
    _run(["git", "add", "-A"], repo, _env(repo.parent))
    again = _precommit(repo)
    assert again.returncode == 0, again.stdout


@needs_git
def test_a_broken_format_fails_the_check_with_path_and_line(repo: Path) -> None:
    latin = repo / "locales" / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    text = latin.read_text("utf-8")
    latin.write_text(text.replace('msgstr "Autor teksta: %(author)s"',
                                  'msgstr "Autor teksta: %(author)d"'), "utf-8")
    assert latin.read_text("utf-8") != text
    _run(["git", "add", str(latin)], repo, _env(repo.parent))
    done = _precommit(repo, "translit-check")
    assert done.returncode == 1
    assert "locales/sr_Latn/LC_MESSAGES/messages.po:" in done.stdout
    assert "argument 'author' is string" in done.stdout, done.stdout


# -- Weblate -------------------------------------------------------------------------------------
def _weblate(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """The script as Weblate's BaseScriptAddon runs it: the repository as working directory
    and in WL_PATH, the translation file's absolute path as the argument."""
    env = {**_env(repo.parent), "WL_PATH": str(repo), "WL_FILE_FORMAT": "po",
           "WL_FILEMASK": "locales/*/LC_MESSAGES/messages.po", "WL_LANGUAGE": "sr_Latn"}
    return _run([sys.executable, str(SCRIPT), *files], repo, env)


@needs_git
def test_the_weblate_script_derives_the_committed_translation(repo: Path) -> None:
    latin = repo / "locales" / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    _translate(latin, "Search", "Traži")
    done = _weblate(repo, str(latin))
    assert done.returncode == 0, done.stdout + done.stderr
    cyrillic = repo / "locales" / "sr_Cyrl" / "LC_MESSAGES" / "messages.po"
    assert polib.pofile(str(cyrillic)).find("Search").msgstr == "Тражи"  # type: ignore[union-attr]
    changed = _run(["git", "status", "--porcelain"], repo, _env(repo.parent)).stdout
    assert "sr_Cyrl/LC_MESSAGES/messages.po" in changed  # what add_file puts in the commit
    assert "sr_Cyrl/LC_MESSAGES/messages.derived.json" in changed
    check = _run([str(BIN / "translit"), "catalogs", "--locales", "locales", "derive",
                  "--check"], repo, _env(repo.parent))
    assert check.returncode == 0, check.stdout + check.stderr


@needs_git
def test_the_weblate_script_leaves_other_files_alone(repo: Path) -> None:
    english = repo / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    done = _weblate(repo, str(english))
    assert done.returncode == 0 and "nothing to derive" in done.stdout
    assert _run(["git", "status", "--porcelain"], repo, _env(repo.parent)).stdout == ""


@needs_git
def test_the_weblate_script_after_an_update_and_on_a_hand_edit(repo: Path) -> None:
    """post-update (no argument): every Latin catalog; a hand edit of sr_Cyrl is kept and
    reported (exit 1), as `translit catalogs derive` does."""
    latin = repo / "locales" / "sr_Latn" / "LC_MESSAGES" / "messages.po"
    _translate(latin, "Search", "Traži")
    assert _weblate(repo).returncode == 0
    cyrillic = repo / "locales" / "sr_Cyrl" / "LC_MESSAGES" / "messages.po"
    _translate(cyrillic, "Search", "Претражи")
    _translate(latin, "Search", "Pretraži sajt")
    done = _weblate(repo)
    assert done.returncode == 1
    assert "--force-entry Search" in done.stdout + done.stderr
    assert polib.pofile(str(cyrillic)).find("Search").msgstr == "Претражи"  # type: ignore[union-attr]
