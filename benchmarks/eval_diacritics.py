"""Diacritic restoration, measured: token accuracy on Serbian Latin stripped of č ć š ž đ.

    python -m benchmarks.eval_diacritics [--split heldout|dev]

The text is the Latin side of the real catalogs (tests/data/eval); the held-back split was
never read by tools/build_diacritics.py.  Baselines from the same run: no restoration, and the
most frequent form of the lexicon (the same tables without the context).  Speed as characters
a second and as a ratio against to_cyrillic on the same text; memory as the resident set size
the loaded tables add.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from translit_service import to_cyrillic
from translit_service.diacritics import _WORD, Restorer, SortedForms, _cased, _key

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
_STRIP = str.maketrans("čćšžđČĆŠŽĐ", "ccszdCCSZD")


def strip(text: str) -> str:
    return text.replace("đ", "dj").replace("Đ", "Dj").translate(_STRIP)


def resident_bytes() -> int:
    """The process's resident set size now (Linux /proc; elsewhere the peak, from resource)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def most_frequent(restorer: Restorer) -> Callable[[str], str]:
    def restore(text: str) -> str:
        def one(m):  # type: ignore[no-untyped-def]
            word = m.group()
            entry = restorer.entry(_key(word))
            form = entry.forms[0][0] if entry else SortedForms.default().get(_key(word))
            return _cased(form, word) if form else word
        return _WORD.sub(one, text)
    return restore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="heldout", choices=("heldout", "dev"))
    args = parser.parse_args()
    with gzip.open(DATA / f"{args.split}.jsonl.gz", "rt", encoding="utf-8") as handle:
        gold_texts = [json.loads(line)["latn"] for line in handle]
    before = resident_bytes()
    restorer = Restorer.default()
    SortedForms.default()
    loaded = resident_bytes() - before
    systems = {"no restoration": lambda t: t, "most frequent form": most_frequent(restorer),
               "translit_service (with context)": restorer.restore}
    print(f"{args.split}: {len(gold_texts)} texts")
    print(f"  {'':<34} {'all tokens':>11} {'with diacritics':>16}")
    errors: collections.Counter[tuple[str, str]] = collections.Counter()
    for name, restore in systems.items():
        total = right = marked = marked_right = 0
        for gold in gold_texts:
            got, expected = _WORD.findall(restore(strip(gold))), _WORD.findall(gold)
            for g, e in zip(got, expected, strict=False):
                total += 1
                right += g == e
                if strip(e) != e:
                    marked += 1
                    marked_right += g == e
                if g != e and name.startswith("translit"):
                    errors[(e, g)] += 1
        print(f"  {name:<34} {right / total:>11.2%} {marked_right / marked:>16.2%}")
    print(f"  tokens: {total}, with diacritics: {marked}")
    print(f"  most common errors (want, got): {errors.most_common(12)}")
    text = " ".join(strip(t) for t in gold_texts) * 4
    start = time.process_time()
    restorer.restore(text)
    restore_time = time.process_time() - start
    start = time.process_time()
    to_cyrillic(text)
    convert_time = time.process_time() - start
    print(f"  speed: {len(text) / restore_time / 1e6:.2f} M chars/s "
          f"({restore_time / convert_time:.2f}x the time of to_cyrillic on the same text); "
          f"{loaded / 1e6:.0f} MB RSS added once the tables are loaded (budget 150 MB)")


if __name__ == "__main__":
    main()
