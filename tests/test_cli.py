"""The translit command line."""

from __future__ import annotations

from click.testing import CliRunner

from translit_service.cli import main


def test_text_to_cyrillic(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", "--to", "cyrl"], input="Ljubav i nadživeti")
    assert result.exit_code == 0 and result.output == "Љубав и надживети"


def test_text_html_and_dj(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", "--to", "cyrl", "--format", "html", "--dj-as-dje"],
                           input="<p title='Djordje'>Djordje</p>")
    assert result.output == "<p title='Ђорђе'>Ђорђе</p>"


def test_invalid_utf8_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", "--to", "latn"], input=b"\xff\xfe")
    assert result.exit_code == 1 and "not valid UTF-8" in result.output


def test_unknown_language_exit_code(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", "--to", "latn", "--lang", "xx"], input="a")
    assert result.exit_code == 1 and "valid values" in result.output


def test_unknown_script_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", "--to", "greek"], input="a")
    assert result.exit_code == 2


def test_detect(runner: CliRunner) -> None:
    result = runner.invoke(main, ["detect"], input="Београд")
    assert result.output.startswith("cyrl")


def test_help_teaches(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert "Examples" in result.output and result.exit_code == 0


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    """`translit --help` and `translit text` load neither Babel, polib, Markdown, pathspec nor
    uniseg: each command imports what it uses (start-up stays a fraction of a second)."""
    import subprocess
    import sys

    heavy = ("babel.messages", "polib", "markdown_it", "pathspec", "uniseg",
             "translit_service.articles", "translit_service.batch")
    script = ("import sys; from translit_service.cli import main\n"
              "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
              f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip().splitlines()[-1] == "[]"
