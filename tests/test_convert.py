"""`translit convert` and the document formats behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translit_service.cli import main
from translit_service.documents import convert_document, convert_markdown, convert_po


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "news" / "2021").mkdir(parents=True)
    (src / "news" / "2021" / "visit.html").write_text(
        '<p title="Poseta">Ljubav <code>lj</code></p>', "utf-8")
    (src / "news" / "notes.md").write_text("Vesti `kod` [veza](https://x.org/lj)\n", "utf-8")
    (src / "ui.po").write_text('msgid "News"\nmsgstr "Vesti"\n', "utf-8")
    (src / "plain.txt").write_text("Beograd\n", "utf-8")
    (src / "already.txt").write_text("Београд\n", "utf-8")
    (src / "image.png").write_bytes(b"\x89PNG")
    (src / ".hidden").mkdir()
    (src / ".hidden" / "x.txt").write_text("skip me")
    return src


def invoke(*args: str, input: str | bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["convert", *args], input=input)
    return result.exit_code, result.output


def test_out_dir_mirrors_the_tree(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = invoke(f"{tree}/", "--to", "cyrl", "--out", str(out))
    assert code == 0, output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "already.txt", "news/2021/visit.html", "news/notes.md", "plain.txt", "ui.po"]
    assert (out / "news/2021/visit.html").read_text() == '<p title="Посета">Љубав <code>lj</code></p>'
    assert (out / "news/notes.md").read_text() == "Вести `kod` [веза](https://x.org/lj)\n"
    assert (out / "ui.po").read_text() == 'msgid "News"\nmsgstr "Вести"\n'
    assert "4 converted, 1 unchanged, 0 copied, 0 skipped, 0 failed" in output


def test_in_place_with_backup(tree: Path) -> None:
    code, _ = invoke(str(tree / "plain.txt"), "--to", "cyrl", "--in-place", "--backup")
    assert code == 0
    assert (tree / "plain.txt").read_text() == "Београд\n"
    assert (tree / "plain.txt~").read_text() == "Beograd\n"


def test_dry_run_writes_nothing(tree: Path) -> None:
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    code, output = invoke(str(tree), "--to", "cyrl", "--dry-run")
    assert code == 0 and "plain.txt: would change" in output
    assert before == {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}


def test_check_exit_status(tree: Path) -> None:
    assert invoke(str(tree), "--to", "cyrl", "--check")[0] == 1
    assert invoke(str(tree / "already.txt"), "--to", "cyrl", "--check")[0] == 0


def test_failures_are_reported_and_the_rest_carries_on(tree: Path, tmp_path: Path) -> None:
    (tree / "broken.txt").write_bytes(b"ok\n\xff")
    out = tmp_path / "out"
    code, output = invoke(f"{tree}/", str(tmp_path / "missing"), "--to", "cyrl", "--out", str(out))
    assert code == 3
    assert f"{tree / 'broken.txt'}:2: not valid UTF-8" in output
    assert f"{tmp_path / 'missing'}: no such file or directory" in output
    assert (out / "plain.txt").exists()
    assert "2 failed" in output


def test_include_and_exclude(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    invoke(f"{tree}/", "--to", "cyrl", "--out", str(out), "--include", "*.txt",
           "--exclude", "already*")
    assert [p.name for p in out.rglob("*") if p.is_file()] == ["plain.txt"]


def test_jobs_give_identical_output(tree: Path, tmp_path: Path) -> None:
    for i in range(30):
        (tree / f"n{i}.txt").write_text(f"Vest broj {i}: ljubav i nadživeti\n")
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke(f"{tree}/", "--to", "cyrl", "--out", str(one), "--jobs", "1")[0] == 0
    assert invoke(f"{tree}/", "--to", "cyrl", "--out", str(two), "--jobs", "2")[0] == 0
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_stdin_to_stdout() -> None:
    assert invoke("-", "--to", "cyrl", input="Ljubav\n") == (0, "Љубав\n")
    code, output = invoke("-", "--to", "latn", input=b"\xff")
    assert code == 1 and "not valid UTF-8" in output


@pytest.mark.parametrize("args", [["--to", "cyrl"], ["--to", "cyrl", "--in-place", "--out", "x"],
                                  ["--to", "cyrl", "--dry-run", "--backup"], ["--to", "greek"]])
def test_usage_errors(tree: Path, args: list[str]) -> None:
    assert invoke(str(tree), *args)[0] == 2


def test_markdown_keeps_code_and_links() -> None:
    md = ("# Naslov\n\n```\nljubav = 1\n```\n\n    uvučen kod\n\nTekst ``a`b`` i "
          "![slika](lj.png) <https://a.b/lj> <b>lj</b>\n[ref]: https://example.org/lj\n")
    out = convert_markdown(md, lambda s: convert_document(s, "text", "cyrl"))
    assert out == ("# Наслов\n\n```\nljubav = 1\n```\n\n    uvučen kod\n\nТекст ``a`b`` и "
                   "![слика](lj.png) <https://a.b/lj> <b>љ</b>\n[ref]: https://example.org/lj\n")


def test_po_changes_msgstrs_only_and_keeps_the_header() -> None:
    po = ('# komentar\nmsgid ""\nmsgstr ""\n"Language: sr_Latn\\n"\n\n#. ljubav\n'
          'msgctxt "lj"\nmsgid "lj"\nmsgstr "ljubav\\n"\n"drugi \\"red\\""\n')
    out = convert_po(po, lambda s, msgid: convert_document(s, "text", "cyrl"))
    assert out == ('# komentar\nmsgid ""\nmsgstr ""\n"Language: sr_Latn\\n"\n\n#. ljubav\n'
                   'msgctxt "lj"\nmsgid "lj"\nmsgstr "љубав\\n"\n"други \\"ред\\""\n')


def test_po_without_anything_to_convert_is_byte_identical() -> None:
    po = 'msgid "x"\nmsgstr "Ћирилица \\t %s"\r\n'
    assert convert_po(po, lambda s, msgid: convert_document(s, "text", "cyrl")) == po


def test_a_wrapped_msgstr_is_converted_as_one_string() -> None:
    from translit_service.documents import convert_document

    po = ('msgid "Read the news"\n'
          'msgstr ""\n'
          '"Pročitajte <a href=\\"https://example.org/vesti\\" title=\\"Najnovije "\n'
          '"vesti\\">vesti</a> i Ljubljanu, nad"\n'
          '"živeti\"\n')
    out = convert_document(po, "po", "cyrl")
    assert out == ('msgid "Read the news"\n'
                   'msgstr ""\n'
                   '"Прочитајте <a href=\\"https://example.org/vesti\\" title=\\"Најновије "\n'
                   '"вести\\">вести</a> и Љубљану, над"\n'
                   '"живети\"\n')


FRONT = """---
title: Vesti iz Beograda
slug: vesti-iz-beograda
date: 2024-01-02
draft: false
tags: [vesti, Beograd]
categories:
  - Saopštenja
layout: post
url: https://example.org/vesti/
---
Pišite na **press@example.org**, vidi rts.rs/vesti i example.com/o-nama, @MODSrbija #vesti v2.3.1.
"""


def test_markdown_front_matter_and_handles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from translit_service.documents import convert_document

    out = convert_document(FRONT, "md", "cyrl")
    assert out == """---
title: Вести из Београда
slug: vesti-iz-beograda
date: 2024-01-02
draft: false
tags: [вести, Београд]
categories:
  - Саопштења
layout: post
url: https://example.org/vesti/
---
Пишите на **press@example.org**, види rts.rs/vesti и example.com/o-nama, @MODSrbija #vesti v2.3.1.
"""
    toml = '+++\ntitle = "Vesti"\nslug = "vesti"\n[params]\ntitle = "x"\n+++\nVesti\n'
    assert convert_document(toml, "md", "cyrl") == (
        '+++\ntitle = "Вести"\nslug = "vesti"\n[params]\ntitle = "x"\n+++\nВести\n')
    only_title = convert_document(FRONT, "md", "cyrl", front_matter_keys=("title",))
    assert "tags: [vesti, Beograd]" in only_title


def test_encodings_in_utf8_out(tmp_path, runner) -> None:  # type: ignore[no-untyped-def]
    from translit_service.cli import main

    source = tmp_path / "in"
    source.mkdir()
    (source / "old.txt").write_bytes("Pišite na Birčaninova\n".encode("cp1250"))
    (source / "bom.txt").write_bytes(b"\xef\xbb\xbfVesti\n")
    result = runner.invoke(main, ["convert", f"{source}/", "--to", "cyrl", "--out",
                                  str(tmp_path / "out"), "--encoding", "windows-1250"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "old.txt").read_text("utf-8") == "Пишите на Бирчанинова\n"
    assert (tmp_path / "out" / "bom.txt").read_bytes() == b"\xef\xbb\xbf" + "Вести\n".encode()
    bad = runner.invoke(main, ["convert", str(source), "--to", "cyrl", "--out",
                               str(tmp_path / "out2")])  # not UTF-8: reported, left alone
    assert bad.exit_code == 3 and "old.txt:1: not valid UTF-8" in bad.output
    assert not (tmp_path / "out2" / "old.txt").exists()


def test_out_refuses_two_inputs_with_one_output(tmp_path, runner) -> None:  # type: ignore[no-untyped-def]
    from translit_service.cli import main

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("Vesti\n", "utf-8")
    result = runner.invoke(main, ["convert", str(tmp_path / "a" / "x.txt"),
                                  str(tmp_path / "b" / "x.txt"), "--to", "cyrl", "--out",
                                  str(tmp_path / "out")])
    assert result.exit_code == 1 and "would overwrite the output of" in result.output
    assert not (tmp_path / "out").exists()


def test_in_place_keeps_symlinks_and_makes_whole_backups(tmp_path, runner) -> None:  # type: ignore[no-untyped-def]
    import os

    from translit_service.cli import main

    real = tmp_path / "real.txt"
    real.write_text("Vesti\n", "utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "tree" / "link.txt"
    link.parent.mkdir()
    link.symlink_to(real)
    result = runner.invoke(main, ["convert", str(link), "--to", "cyrl", "--in-place",
                                  "--backup"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and real.read_text("utf-8") == "Вести\n"
    assert (tmp_path / "real.txt~").read_text("utf-8") == "Vesti\n"
    assert oct(real.stat().st_mode & 0o777) == "0o640"


def test_workers_end_when_their_parent_is_killed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from translit_service import batch\n"
        "jobs = [batch.Job(Path(sys.argv[1]), Path('a.txt'), 'text')] * 4\n"
        "results = batch.convert_all(jobs, 'cyrl', workers=2)\n"
        "next(results)\n"
        "print(' '.join(str(p.pid) for p in __import__('multiprocessing').active_children()),"
        " flush=True)\n"
        "time.sleep(60)\n", "utf-8")
    sample = tmp_path / "a.txt"
    sample.write_text("Vesti\n", "utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(sample)], stdout=subprocess.PIPE,
                              text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in alive if _alive(pid)]
    assert not alive


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not reaped by init yet) is gone for our purpose
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return False


def test_check_lists_the_files_and_diff_shows_them(tree: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(tree), "--to", "sr-Cyrl",
                                                       "--check"])
    assert result.exit_code == 1
    assert str(tree / "plain.txt") in result.stdout.splitlines()
    diff = CliRunner().invoke(main, ["convert", str(tree / "plain.txt"),
                                                     "--to", "cyrl", "--diff"])
    assert diff.exit_code == 0 and "-Beograd\n+Београд\n" in diff.stdout
    assert (tree / "plain.txt").read_text() == "Beograd\n"


def test_gitignore_patterns(tree: Path, tmp_path: Path) -> None:
    (tree / "vendor").mkdir()
    (tree / "vendor" / "lib.txt").write_text("Vesti\n")
    (tree / "news" / "drafts").mkdir()
    (tree / "news" / "drafts" / "d.md").write_text("Vesti\n")
    out = tmp_path / "out"
    code, _ = invoke(f"{tree}/", "--to", "cyrl", "--out", str(out), "--exclude", "vendor/",
                     "--exclude", "**/drafts/*")
    assert code == 0
    assert not (out / "vendor").exists() and not (out / "news" / "drafts").exists()
    assert (out / "plain.txt").exists()


@pytest.mark.parametrize("step", ["written", "backed-up", "replaced"])
def test_a_kill_at_any_step_of_an_in_place_write_loses_nothing(tmp_path, step: str) -> None:  # type: ignore[no-untyped-def]
    import os
    import signal
    import subprocess
    import sys

    target = tmp_path / "a.txt"
    target.write_text("Vesti iz Beograda\n", "utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "translit_service.cli", "convert", str(target), "--to", "cyrl",
         "--in-place", "--backup"], env={**os.environ, "TRANSLIT_FAULT": step},
        capture_output=True, timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert target.read_text("utf-8") in ("Vesti iz Beograda\n", "Вести из Београда\n")
    backup = tmp_path / "a.txt~"
    assert not backup.exists() or backup.read_text("utf-8") == "Vesti iz Beograda\n"
    if step != "written":
        assert backup.read_text("utf-8") == "Vesti iz Beograda\n"


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside.txt"
    outside.write_text("Vesti\n", "utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "in.txt").write_text("Vesti\n", "utf-8")
    (tree / "link.txt").symlink_to(outside)
    code, output = invoke(str(tree), "--to", "cyrl", "--in-place")
    assert code == 0 and "outside the tree: left alone" in output and "1 skipped, 0 failed" in output
    assert outside.read_text("utf-8") == "Vesti\n" and (tree / "in.txt").read_text() == "Вести\n"
    code, _ = invoke(str(tree), "--to", "cyrl", "--in-place", "--follow-symlinks")
    assert code == 0 and outside.read_text("utf-8") == "Вести\n" and (tree / "link.txt").is_symlink()


def test_hard_links_are_not_split(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    first = tmp_path / "a.txt"
    first.write_text("Vesti\n", "utf-8")
    os.link(first, tmp_path / "b.txt")
    code, output = invoke(str(first), "--to", "cyrl", "--in-place")
    assert code == 0 and "hard links" in output and "1 skipped, 0 failed" in output
    assert first.read_text("utf-8") == "Vesti\n" and os.stat(first).st_nlink == 2


def test_a_realistic_tree_converts_to_the_committed_expected_tree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """tests/data/convert_tree: front matter, entities, attributes, a wrapped .po msgstr and a
    windows-1250 file, converted to Cyrillic, compared byte for byte with expected/."""
    tree = Path(__file__).parent / "data" / "convert_tree"
    out = tmp_path / "out"
    code, output = invoke(f"{tree / 'input'}/", "--to", "cyrl", "--out", str(out),
                          "--exclude", "old-cp1250.txt")
    assert code == 0, output
    code, output = invoke(str(tree / "input" / "old-cp1250.txt"), "--to", "cyrl", "--out",
                          str(out), "--encoding", "windows-1250")
    assert code == 0, output
    expected = tree / "expected"
    got = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    want = {str(p.relative_to(expected)): p.read_bytes()
            for p in sorted(expected.rglob("*")) if p.is_file()}
    assert got == want


def test_a_converted_po_passes_msgfmt_when_its_source_does() -> None:
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt not installed (apt-get install gettext)")
    tree = Path(__file__).parent / "data" / "convert_tree"
    for side in ("input", "expected"):
        subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(tree / side / "locales" /
                                                              "sr_Latn.po")], check=True,
                       capture_output=True)
