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
                   "![слика](lj.png) <https://a.b/lj> <b>љ</b>\n[реф]: https://example.org/lj\n")


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


# --- Nothing lost, nothing half-converted (issue 25) and the convert findings of issue 23 ---


def test_utf8_files_stay_utf8_when_an_encoding_is_given_for_old_files(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "nova.md").write_text("Sadrži vesti\n", "utf-8")
    (source / "stara.txt").write_bytes("Sadrži vesti\n".encode("cp1250"))
    code, output = invoke(f"{source}/", "--to", "cyrl", "--out", str(tmp_path / "out"),
                          "--encoding", "windows-1250")
    assert code == 0, output
    assert (tmp_path / "out" / "nova.md").read_text("utf-8") == "Садржи вести\n"  # not sadrĹľi
    assert (tmp_path / "out" / "stara.txt").read_text("utf-8") == "Садржи вести\n"
    assert "stara.txt: read as cp1250, written as UTF-8" in output
    assert "nova.md: read" not in output


def test_a_decode_that_would_not_round_trip_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "stara.txt"
    old.write_bytes("Pišite nam\n".encode("cp1250"))  # š is 0x9A: a C1 control in Latin-2
    code, output = invoke(str(old), "--to", "cyrl", "--in-place", "--encoding", "iso-8859-2")
    assert code == 3 and f"{old}:1: not valid text in iso8859-2" in output
    assert old.read_bytes() == "Pišite nam\n".encode("cp1250")


@pytest.mark.parametrize("codec", ["base64", "hex", "rot13", "no-such-codec"])
def test_only_text_encodings_are_accepted(tree: Path, codec: str) -> None:
    result = CliRunner().invoke(main, ["convert", str(tree), "--to", "cyrl", "--check",
                                       "--encoding", codec])
    assert result.exit_code == 2 and result.exception is not None
    assert isinstance(result.exception, SystemExit)  # a usage error, not a traceback
    assert "encoding" in result.output


def test_utf32_is_read_as_utf32_and_written_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Vesti iz Beograda\n".encode("utf-32"))  # FF FE 00 00: UTF-16's mark too
    code, output = invoke(str(path), "--to", "cyrl", "--in-place")
    assert code == 0, output
    data = path.read_bytes()
    assert data.startswith(b"\xff\xfe\x00\x00") and data.decode("utf-32") == "Вести из Београда\n"


def test_a_named_file_of_an_unknown_type_is_refused_unless_format_says(tmp_path: Path) -> None:
    app = tmp_path / "app.js"
    app.write_text('const poruka = "ljubav";\n', "utf-8")
    code, output = invoke(str(app), "--to", "cyrl", "--in-place")
    assert code == 0 and "app.js: not a type we convert" in output and "1 skipped" in output
    assert app.read_text("utf-8") == 'const poruka = "ljubav";\n'
    code, output = invoke(str(app), "--to", "cyrl", "--in-place", "--format", "text")
    assert code == 0 and app.read_text("utf-8") == 'цонст порука = "љубав";\n'  # as asked


def test_yaml_keys_are_never_converted(tmp_path: Path) -> None:
    menu = tmp_path / "meni.yaml"
    menu.write_text("meni:\n  - naziv: pocetna  # ključ\n    title: Početna\n", "utf-8")
    code, output = invoke(str(menu), "--to", "cyrl", "--in-place")
    assert code == 0, output
    assert menu.read_text("utf-8") == "meni:\n  - naziv: pocetna  # ključ\n    title: Почетна\n"


def test_html_with_template_syntax_converts_to_the_end() -> None:
    html = ('<a href="{{ .Site.BaseURL }}" title="{{ i18n "pocetna" }}">Početna</a>\n'
            '{% if vesti %}<p class="{{ .Class }}">Vesti</p>{% endif %}\n<p>Kraj</p>\n')
    assert convert_document(html, "html", "cyrl") == (
        '<a href="{{ .Site.BaseURL }}" title="{{ i18n "pocetna" }}">Почетна</a>\n'
        '{% if vesti %}<p class="{{ .Class }}">Вести</p>{% endif %}\n<p>Крај</p>\n')


def test_html_the_tokenizer_cannot_read_is_reported_with_its_line(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text('<p>Vesti</p>\n<p title="nezatvoren>Tekst</p>\n', "utf-8")
    code, output = invoke(str(page), "--to", "cyrl", "--in-place")
    assert code == 3 and f"{page}:2: a tag that does not parse" in output
    assert page.read_text("utf-8") == '<p>Vesti</p>\n<p title="nezatvoren>Tekst</p>\n'


def test_json_front_matter_ends_where_json_says() -> None:
    doc = '{\n"title": "Vesti } i {",\n"slug": "vesti-lj",\n"layout": "post"\n}\nTekst\n'
    assert convert_document(doc, "md", "cyrl") == (
        '{\n"title": "Вести } и {",\n"slug": "vesti-lj",\n"layout": "post"\n}\nТекст\n')


def test_front_matter_nested_keys_and_block_scalars() -> None:
    doc = ("---\ntitle: Vesti\nparams:\n  caption: Most\n  slika: most.jpg\nmenu:\n  main:\n"
           "    name: Vesti\n    identifier: vesti\ndescription: >\n  Dugačak\n  opis\n---\n")
    assert convert_document(doc, "md", "cyrl") == (
        "---\ntitle: Вести\nparams:\n  caption: Мост\n  slika: most.jpg\nmenu:\n  main:\n"
        "    name: Вести\n    identifier: vesti\ndescription: >\n  Дугачак\n  опис\n---\n")
    only = convert_document(doc, "md", "cyrl", front_matter_keys=("params.caption",))
    assert "title: Vesti" in only and "caption: Мост" in only


def test_a_value_that_would_change_meaning_is_quoted() -> None:
    """Cyrillic "Он" in Latin is "On", which YAML reads as a boolean: written quoted."""
    doc = "---\ntitle: Он\ntags: [Да, Не]\n---\n"
    assert convert_document(doc, "md", "latn") == '---\ntitle: "On"\ntags: [Da, Ne]\n---\n'


def test_hugo_shortcodes_and_footnotes_in_markdown() -> None:
    md = ('Tekst[^lj] {{< figure src="lj.jpg" caption="Natpis" >}}\n\n'
          "[^lj]: Fusnota.\n\nTable: Naslov tabele\n")
    assert convert_document(md, "md", "cyrl") == (
        'Текст[^lj] {{< figure src="lj.jpg" caption="Натпис" >}}\n\n'
        "[^lj]: Фуснота.\n\nTable: Наслов табеле\n")


def test_a_fifo_in_the_tree_is_skipped_not_read(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.md").write_text("Vesti\n", "utf-8")
    os.mkfifo(tree / "cev.md")
    process = subprocess.run([sys.executable, "-m", "translit_service.cli", "convert",
                              str(tree), "--to", "cyrl", "--check"], capture_output=True,
                             text=True, timeout=30)
    assert process.returncode == 1, process.stderr
    assert "cev.md: not a regular file: left alone" in process.stderr
    assert "1 converted, 0 unchanged, 0 copied, 1 skipped, 0 failed" in process.stderr


def test_a_rerun_after_an_interrupted_backup_recovers(tmp_path: Path) -> None:
    """A run killed after making FILE~ (a hard link of FILE) and with its temporary file
    written: the next run knows both for its own, converts and cleans up."""
    import os

    target = tmp_path / "a.txt"
    target.write_text("Vesti\n", "utf-8")
    os.link(target, tmp_path / "a.txt~")
    leftover = tmp_path / ".a.txt.999999999.0123abcd.tmp"  # pid 999999999 is not running
    leftover.write_text("Вести\n", "utf-8")
    code, output = invoke(str(target), "--to", "cyrl", "--in-place", "--backup")
    assert code == 0, output
    assert "hard links" not in output and "left by an interrupted run" in output
    assert target.read_text("utf-8") == "Вести\n"
    assert (tmp_path / "a.txt~").read_text("utf-8") == "Vesti\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt~"]


def test_a_file_changed_while_it_was_converted_is_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translit_service import batch

    target = tmp_path / "a.txt"
    target.write_text("Vesti\n", "utf-8")
    convert_all = batch.convert_all

    def edited_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        for outcome in convert_all(*args, **kwargs):
            target.write_text("Vesti, izmenjene\n", "utf-8")  # an editor saved meanwhile
            yield outcome

    monkeypatch.setattr(batch, "convert_all", edited_meanwhile)
    code, output = invoke(str(target), "--to", "cyrl", "--in-place")
    assert code == 3 and "changed while it was being converted" in output
    assert target.read_text("utf-8") == "Vesti, izmenjene\n"


@pytest.mark.parametrize(("shape", "small"), [
    (lambda n: "x" + "`" * n, 1_000),  # one long run after a letter: 4/8 KB took 1.9/15.6 s
    (lambda n: ("`" * 50 + " vesti ``a` " + "`" * 7 + "\n") * (n // 72), 4_000),
    (lambda n: ("[a](x \"" + "<!-- " + "{{< " + "`b" * 3) * (n // 20), 4_000),  # unclosed
])
def test_markdown_is_linear_on_hostile_shapes(shape, small: int) -> None:  # type: ignore[no-untyped-def]
    """The time ratio between two sizes must stay near the size ratio (8x), far from its
    square or cube (a backtracking regex on backtick runs: 0.6/3.0/13-17 s at 22/44/88 KB)."""
    import time

    def seconds(size: int) -> float:
        text = shape(size)
        best = float("inf")
        for _ in range(5):
            began = time.perf_counter()
            convert_document(text, "md", "cyrl")
            best = min(best, time.perf_counter() - began)
        return best

    seconds(small)  # warm the token memo
    short, long = seconds(small), seconds(8 * small)
    assert long / short < 24, (short, long)


@pytest.mark.parametrize("jobs", ["2", "4"])
def test_a_symlink_to_a_file_of_the_tree_is_one_file_whatever_the_jobs(tmp_path: Path,
                                                                       jobs: str) -> None:
    """Two workers converting a file and a symlink to it made FILE~ the converted text (the
    original lost, 4 runs of 4); each file is now converted once."""
    tree = tmp_path / "tree"
    tree.mkdir()
    for i in range(6):
        (tree / f"v{i}.md").write_text(f"Vest {i}: ljubav\n", "utf-8")
    (tree / "w.md").symlink_to("v0.md")
    for _ in range(4):
        code, output = invoke(str(tree), "--to", "cyrl", "--in-place", "--backup", "--jobs", jobs)
        assert code == 0, output
        assert (tree / "v0.md~").read_text("utf-8") == "Vest 0: ljubav\n"
        assert (tree / "v0.md").read_text("utf-8") == "Вест 0: љубав\n"
        assert (tree / "w.md").is_symlink()
        assert "w.md: a symlink to" in output


def test_toml_strings_of_every_kind_keep_their_kind() -> None:
    toml = ('title = """a\\"""b"""\n"a.b".title = "Vesti"\n[x]\ny = { title = \'Naslov\', '
            'z = [1, 2] }\ndt = 1979-05-27 07:32:00Z # komentar\n'
            "caption = '''\nPrvi\nred'''\n")
    assert convert_document(toml, "toml", "cyrl") == (
        'title = """а\\"""б"""\n"a.b".title = "Вести"\n[x]\ny = { title = \'Наслов\', '
        'z = [1, 2] }\ndt = 1979-05-27 07:32:00Z # komentar\n'
        "caption = '''\nПрви\nред'''\n")


def test_hostile_data_files_fail_alone_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, "utf-8")
    (tmp_path / "laughs.yaml").write_text(
        'a: &a ["lol", "lol"]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\ntitle: Vesti\n',
        "utf-8")
    (tmp_path / "bad.md").write_text("---\ntitle: @marko\n---\nTekst\n", "utf-8")
    code, output = invoke(f"{tmp_path}/", "--to", "cyrl", "--out", str(tmp_path / "out"))
    assert code == 3
    assert "deep.json: JSON nested too deeply" in output
    assert "bad.md:2: front matter: not valid YAML" in output
    assert (tmp_path / "out" / "laughs.yaml").read_text("utf-8").endswith("title: Вести\n")
    assert "1 converted, 0 unchanged, 0 copied, 0 skipped, 2 failed" in output
    assert not (tmp_path / "out" / "bad.md").exists()


@pytest.mark.parametrize(("fmt", "shape"), [
    ("json", lambda n: '{"a":' * 50 + "{" + ",".join(
        f'"k{i}": "Vesti", "title": "V\\nx"' for i in range(n // 30)) + "}" + "}" * 50),
    ("toml", lambda n: "".join(f"[t{i}]\ntitle = \"\"\"Vesti\"\"\"\ncaption = 'x'\n"
                               for i in range(n // 40))),
    ("yaml", lambda n: "".join(f"k{i}:\n  title: Vesti\n  caption: |\n    Da\n"
                               for i in range(n // 40))),
])
def test_data_files_are_linear(fmt: str, shape) -> None:  # type: ignore[no-untyped-def]
    """Many values, deep paths, every kind of string: the time ratio between 16 KB and 128 KB
    stays near 8 (matching key patterns afresh against every deep path was quadratic; the
    cyclic collector rescanning YAML's nodes made 1 MB 22x slower than 128 KB)."""
    import time

    def seconds(size: int) -> float:
        text = shape(size)
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            convert_document(text, fmt, "cyrl")
            best = min(best, time.perf_counter() - began)
        return best

    seconds(16_000)
    small, large = seconds(16_000), seconds(128_000)
    assert large / small < 24, (small, large)
