"""Engine throughput, memory and linearity, as ratios against baselines from the same run.

    make bench            (python -m benchmarks.bench_engine [--size MB])

Baselines: ``str.translate`` with a one-letter-per-letter table (the ceiling: no digraphs, no
protection), srtools and cyrtranslit.  cyrtranslit's Latin->Cyrillic loop is quadratic, so it
runs on a 200 kB sample and its figure is its speed at that size (it only gets slower).
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections.abc import Callable

import cyrtranslit
import srtools

from benchmarks import corpus
from translit_service import to_cyrillic, to_latin

LAT = "abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ"
CYR = "абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ"
LAT_TABLE = str.maketrans(LAT, CYR)
CYR_TABLE = str.maketrans(CYR, LAT)


def best_of(fn: Callable[[str], object], text: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def paired(fns: dict[str, Callable[[str], object]], text: str, rounds: int = 7) -> dict[str, float]:
    """Best time of each function, measured in alternating rounds so that a slow spell of the
    machine hits all of them alike (the ratios are what this benchmark reports)."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            gc.collect()
            start = time.perf_counter()
            fn(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def report(title: str, times: dict[str, float], chars: int, baseline: str) -> None:
    print(title)
    for name, seconds in times.items():
        rate = chars / seconds / 1e6
        print(f"  {name:<36} {rate:8.2f} Mchar/s  {seconds / times[baseline]:6.2f}x")


def throughput(label: str, text: str, small: str) -> None:
    n = len(text)
    print(f"\n{label}: {n / 1e6:.1f} M characters; ratio = time / str.translate time")
    report("  Latin -> Cyrillic", paired({
        "str.translate (one letter each)": lambda s: s.translate(LAT_TABLE),
        "translit_service.to_cyrillic": to_cyrillic,
        "srtools.latin_to_cyrillic": srtools.latin_to_cyrillic,
    }, text), n, "str.translate (one letter each)")
    report(f"  cyrtranslit on {len(small) // 1000} kB (quadratic: slower on more)", paired({
        "str.translate (one letter each)": lambda s: s.translate(LAT_TABLE),
        "cyrtranslit.to_cyrillic": cyrtranslit.to_cyrillic,
    }, small, rounds=1), len(small), "str.translate (one letter each)")
    cyr, cyr_small = to_cyrillic(text), to_cyrillic(small)
    report("  Cyrillic -> Latin", paired({
        "str.translate (one letter each)": lambda s: s.translate(CYR_TABLE),
        "translit_service.to_latin": to_latin,
        "srtools.cyrillic_to_latin": srtools.cyrillic_to_latin,
        "cyrtranslit.to_latin": cyrtranslit.to_latin,
    }, cyr), n, "str.translate (one letter each)")
    del cyr_small


def memory(text: str) -> None:
    tracemalloc.start()
    to_cyrillic(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nmemory: to_cyrillic on {len(text) / 1e6:.1f} M chars peaks at "
          f"{peak / 1e6:.1f} MB above the input ({peak / (len(text) * 2):.1f}x the input's "
          "UCS-2 size)")


def sweep() -> None:
    print("\nlinearity: time for 10x the input / time for 1x (linear = 10, budget <= 12)")
    samples = {
        "mixed prose": lambda n: corpus.make(corpus.MIXED, n),
        "'a' * n": lambda n: "a" * n,
        "'%' * n": lambda n: "%" * n,
        "'{' * n": lambda n: "{" * n,
        "'<' * n": lambda n: "<" * n,
        "'-{' * n": lambda n: "-{" * (n // 2),
        "'a.' * n": lambda n: "a." * (n // 2),
        "'<b>' * n (html)": lambda n: "<b>" * (n // 3),
        "'<div>' nesting (html)": lambda n: "<div>" * (n // 10) + "lj" + "</div>" * (n // 10),
    }
    for name, make in samples.items():
        html = "(html)" in name
        fn: Callable[[str], object]
        if html:
            from translit_service import transliterate

            fn = lambda s: transliterate(s, fmt="html")  # noqa: E731
        else:
            fn = to_cyrillic
        small, big = make(100_000), make(1_000_000)
        ratio = best_of(fn, big, 2) / best_of(fn, small, 3)
        verdict = "ok" if ratio <= 12 else "NOT LINEAR"
        print(f"  {name:<26} {ratio:6.1f}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=4.0, help="corpus size in MB (default 4)")
    args = parser.parse_args()
    size = int(args.size * 1_000_000)
    throughput("plain Serbian prose", corpus.make(corpus.PLAIN, size),
               corpus.make(corpus.PLAIN, 200_000))
    throughput("mixed text (acronyms, URLs, placeholders, markup)",
               corpus.make(corpus.MIXED, size), corpus.make(corpus.MIXED, 200_000))
    memory(corpus.make(corpus.MIXED, size))
    sweep()


if __name__ == "__main__":
    main()
