"""The engine as a pipeline of steps: what runs is the step list, explain() says what each
step and protection did, and the token caches stay within their budget whatever the stream."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from translit_service import Transliterator
from translit_service.cli import main
from translit_service.engine import Step
from translit_service.engine import cache as cache_module


def test_the_default_pipeline_names_its_steps_and_fuses_them() -> None:
    engine = Transliterator()
    assert engine.pipeline("cyrl").names() == ["normalise", "protect", "digraphs",
                                               "exceptions", "letters"]
    assert engine.pipeline("latn").names() == ["protect", "letters"]
    assert engine.pipeline("cyrl").fused and engine.pipeline("latn").fused
    restoring = Transliterator(restore_diacritics=True)
    assert restoring.pipeline("cyrl").names()[:2] == ["restore", "normalise"]
    assert not restoring.pipeline("cyrl").cacheable


def test_a_step_added_by_a_maintainer_runs() -> None:
    """docs/architecture.md tells a maintainer to add a step by overriding steps(): the
    pipeline then runs the given steps, not the fused defaults."""

    class Shouting(Transliterator):
        def steps(self, to: str) -> tuple[Step, ...]:
            return (*super().steps(to), Step("shout", str.upper))

    engine = Shouting()
    assert not engine.pipeline("cyrl").fused
    assert engine.pipeline("cyrl").names()[-1] == "shout"
    assert engine.convert("Ljubav i %s", "cyrl") == "ЉУБАВ И %s"  # the placeholder protected
    assert engine.convert("Ljubav i %s", "cyrl") == "ЉУБАВ И %s"  # and through the cache


def test_restoration_applies_to_latin_output_too() -> None:
    engine = Transliterator(restore_diacritics=True)
    assert engine.convert("sta radis, cujemo se", "latn") == "šta radiš, čujemo se"
    assert engine.convert("sta radis", "cyrl") == "шта радиш"


@pytest.mark.parametrize(("text", "part", "rule"), [
    ("Klikni Delete", "Delete", "protect: foreign word (English, not Serbian)"),
    ("XXI vek", "XXI", "protect: Roman numeral"),
    ("Ukupno %(count)d", "%(count)d", "protect: format placeholder"),
    ("Vidi https://example.org", "https://example.org", "protect: URL"),
    ("Piši na ana@example.org", "ana@example.org", "protect: e-mail address"),
    ("Grad -{Beograd}- lep", "-{Beograd}-", "protect: no-convert span -{ }-"),
    ("Opcija --no-debug", "--no-debug", "protect: command-line option"),
    ("Kod GOBJECT_DEBUG", "GOBJECT_DEBUG", "protect: identifier (code)"),
    ("nadživeti", "nadživeti", "digraphs, exceptions, letters"),
    ("vesti", "vesti", "letters"),
])
def test_explain_says_why(text: str, part: str, rule: str) -> None:
    found = {e.text.strip(): e.rule for e in Transliterator().explain(text, "cyrl")}
    assert found[part] == rule


def test_explain_covers_the_whole_text_in_order() -> None:
    text = "Klikni Delete, NATO i XXI vek na https://x.org -{Novi Sad}-."
    parts = Transliterator().explain(text, "cyrl")
    assert "".join(p.text for p in parts) == text
    assert [p.start for p in parts] == sorted(p.start for p in parts)


def test_the_cli_explains() -> None:
    result = CliRunner().invoke(main, ["text", "--to", "cyrl", "--explain"],
                                input="Klikni Delete i XXI vek\n")
    assert result.exit_code == 0, result.output
    assert "foreign word" in result.output and "Roman numeral" in result.output
    bad = CliRunner().invoke(main, ["text", "--to", "cyrl", "--explain", "--format", "html"],
                             input="<b>x</b>")
    assert bad.exit_code == 2 and "--explain" in bad.output


def _words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("abcdefgijklmnoprstuvz") for _ in range(rng.randint(4, 12)))
            for _ in range(count)]


def test_the_caches_stay_within_the_budget_on_unique_tokens(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cache_module, "BUDGET", 2 * 1024 * 1024)
    monkeypatch.setattr(cache_module, "HEADROOM", 2 * 1024 * 1024 // 64)
    engine = Transliterator()
    seen = 0
    for text_number in range(1000):
        words = _words(60, text_number)
        seen += cache_module.batch_bytes(words)
        engine.convert(" ".join(words), "cyrl")
        engine.detect_script(" ".join(words[:10]))
        assert cache_module.total_bytes() <= cache_module.BUDGET + 4 * cache_module.HEADROOM
    assert seen > 4 * cache_module.BUDGET  # the stream was bigger than the budget


def test_many_option_sets_share_one_budget(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cache_module, "BUDGET", 2 * 1024 * 1024)
    monkeypatch.setattr(cache_module, "HEADROOM", 2 * 1024 * 1024 // 64)
    engines = [Transliterator(latin_acronyms=frozenset({f"X{i}"})) for i in range(12)]
    for round_number in range(40):
        for index, engine in enumerate(engines):
            engine.convert(" ".join(_words(60, 1000 * index + round_number)), "cyrl")
        caches = len(cache_module._ALIVE)
        assert cache_module.total_bytes() <= (cache_module.BUDGET
                                              + caches * cache_module.HEADROOM)


def test_a_worker_fed_unique_tokens_keeps_flat_memory() -> None:
    """Real memory (RSS) of a process converting a stream of new tokens ten times its cache
    budget: it grows by about the budget, then stays flat."""
    script = textwrap.dedent("""
        import random
        from translit_service import Transliterator
        from translit_service.engine import cache
        cache.BUDGET = 16 * 1024 * 1024
        cache.HEADROOM = cache.BUDGET // 64

        def rss():
            with open("/proc/self/status") as handle:
                return next(int(l.split()[1]) for l in handle if l.startswith("VmRSS")) // 1024

        engine = Transliterator()
        engine.convert("warm up Beograd", "cyrl")
        rng = random.Random(1)
        start, samples = rss(), []
        for n in range(9000):
            words = ["".join(rng.choice("abcdefgijklmnoprstuvz") for _ in range(10))
                     for _ in range(60)]
            engine.convert(" ".join(words), "cyrl")
            if n % 1000 == 999:
                samples.append(rss() - start)
        print(max(samples[:3]), max(samples))
    """)
    try:
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             timeout=300, check=True).stdout.split()
    except FileNotFoundError:  # pragma: no cover
        pytest.skip("no /proc on this system")
    early, peak = map(int, out)
    assert peak < 16 * 3 + 40, (early, peak)  # the budget, its estimate's slack, allocator
    assert peak <= early + 24, (early, peak)  # flat after the first third
