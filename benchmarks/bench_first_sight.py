"""Speed on text the engine has never seen, in the shapes of issue 22, against srtools
(``re.sub`` + ``str.translate``) in the same process.

The text: the held-back split of the evaluation corpus (real catalog strings nothing was tuned
on) and dictionary forms (hunspell-sr, as packaged for diacritics restoration) shuffled into
sentences, so that words rarely repeat: about 1.4 M characters.  Each row prints the speed as
a multiple of srtools' (``0.5x``: half as fast; ``>= 1``: faster), the best of interleaved
rounds of CPU time (``time.process_time``), so that the other processes of a busy machine
weigh less.  "fresh": a new Transliterator for each round, its caches empty; "warm": the same
text again once it has been learnt (a long text is learnt when it comes back).  The last rows
feed a worker an endless stream of unique tokens and show its token caches staying flat.

Run: ``python -m benchmarks.bench_first_sight`` (``make bench`` runs it).
"""

from __future__ import annotations

import gc
import gzip
import json
import random
import resource
import time
from collections.abc import Callable
from pathlib import Path

import srtools

from translit_service import Transliterator
from translit_service.diacritics import SortedForms
from translit_service.engine.cache import BUDGET, total_bytes

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1_400_000


def corpus(seed: int = 5) -> tuple[list[str], list[str]]:
    """Latin and Cyrillic lines: held-back msgstrs and shuffled dictionary sentences."""
    with gzip.open(ROOT / "tests" / "data" / "eval" / "heldout.jsonl.gz", "rt",
                   encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    rng = random.Random(seed)
    data = SortedForms.default().data
    lines = [line for line in data.split(b"\n") if b"\t" in line]
    forms = [line.split(b"\t", 1)[1].decode() for line in rng.sample(lines, 140_000)]
    latin = [r["latn"] for r in rows]
    cyrillic = [r["cyrl"] for r in rows]
    size, i = sum(map(len, latin)), 0
    while size < TARGET and i < len(forms):
        count = rng.randint(6, 14)
        words = forms[i:i + count]
        i += count
        sentence = " ".join([words[0].capitalize(), *words[1:]]) + "."
        latin.append(sentence)
        cyrillic.append(srtools.latin_to_cyrillic(sentence))
        size += len(sentence) + 1
    order = list(range(len(latin)))
    rng.shuffle(order)
    return [latin[i] for i in order], [cyrillic[i] for i in order]


def best(functions: dict[str, Callable[[], object]], rounds: int = 5) -> dict[str, float]:
    """The best CPU time of each function over ``rounds`` interleaved rounds."""
    times = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for name, function in functions.items():
            gc.collect()
            start = time.process_time()
            function()
            times[name] = min(times[name], time.process_time() - start)
    return times


def row(label: str, ours: float, baseline: float) -> None:
    print(f"  {label:<44} {baseline / ours:5.2f}x srtools  ({ours * 1e3:7.1f} ms vs "
          f"{baseline * 1e3:6.1f} ms)")


def direction(lines: list[str], to: str, baseline: Callable[[str], str]) -> None:
    text = "\n".join(lines)
    catalog = "\n".join(lines[:2715]) * 19  # real strings, repeated: one call
    warm = Transliterator()
    warm_short = Transliterator().text_converter(to)
    for _ in range(3):  # first sight, learnt (a long text comes back), known
        warm.convert(text, to)
    for line in lines:
        warm_short(line)

    def fresh_long() -> object:
        return Transliterator().convert(text, to)

    def fresh_short() -> object:
        convert = Transliterator().text_converter(to)
        return [convert(line) for line in lines]

    times = best({
        "srtools long": lambda: baseline(text),
        "srtools short": lambda: [baseline(line) for line in lines],
        "srtools catalog": lambda: baseline(catalog),
        "fresh long": fresh_long,
        "warm long": lambda: warm.convert(text, to),
        "fresh short": fresh_short,
        "warm short": lambda: [warm_short(line) for line in lines],
        "catalog": lambda: Transliterator().convert(catalog, to),
    })
    print(f"\n{'Latin -> Cyrillic' if to == 'cyrl' else 'Cyrillic -> Latin'}: "
          f"{len(text) / 1e6:.2f} M chars, {len(lines):,} lines, "
          f"{len(set(text.split())):,} distinct tokens")
    row("one long text, fresh Transliterator", times["fresh long"], times["srtools long"])
    row("the same long text again (warm)", times["warm long"], times["srtools long"])
    row(f"{len(lines):,} short strings, fresh", times["fresh short"], times["srtools short"])
    row("the same short strings again (warm)", times["warm short"], times["srtools short"])
    row(f"{len(catalog) / 1e6:.1f} M chars of catalog strings x 19, one call",
        times["catalog"], times["srtools catalog"])


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def unique_stream(requests: int = 60, tokens: int = 40_000) -> None:
    """A worker fed text whose every token is new: its caches stay within the budget."""
    engine = Transliterator()
    rng = random.Random(3)
    letters = "abcdefghijklmnoprstuvzčćšžđ"
    print(f"\nunique-token stream: {requests} texts of {tokens:,} new tokens each "
          f"(budget {BUDGET >> 20} MB for all token caches)")
    for number in range(1, requests + 1):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 12)))
                 for _ in range(tokens)]
        for start in range(0, tokens, 40):  # as short requests: every text learnt
            engine.convert(" ".join(words[start:start + 40]), "cyrl")
        if number % 15 == 0:
            print(f"  after {number * tokens:>9,} tokens: caches {total_bytes() / 2**20:5.1f} MB "
                  f"(estimate), RSS {_rss_mb():6.1f} MB")


def main() -> None:
    latin, cyrillic = corpus()
    print(__doc__.split("\n\n")[0])
    direction(latin, "cyrl", srtools.latin_to_cyrillic)
    direction(cyrillic, "latn", srtools.cyrillic_to_latin)
    unique_stream()


if __name__ == "__main__":
    main()
