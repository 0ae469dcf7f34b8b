"""Exact-match accuracy on real Serbian catalogs (tests/data/eval, built by
tools/build_eval_corpus.py), per direction, against letter-by-letter peers.

    python -m benchmarks.eval_catalogs [--split dev|heldout] [--errors N]

Each pair is one msgstr of a Debian package's ``sr`` catalog and the same msgstr of its
``sr@latin`` catalog.  ``to_cyrillic(latin) == cyrillic`` and ``to_latin(cyrillic) == latin``
are counted, for us, srtools and cyrtranslit.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import cyrtranslit
import srtools

from translit_service import Transliterator, to_cyrillic, to_latin
from translit_service.entries import derive_entry

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"


def load(split: str) -> list[dict[str, str]]:
    with gzip.open(DATA / f"{split}.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def accuracy(rows: list[dict[str, str]], convert: Callable[[str], str], source: str,
             target: str) -> tuple[float, list[dict[str, str]]]:
    wrong = [r for r in rows if convert(r[source]) != r[target]]
    return 1 - len(wrong) / len(rows), wrong


_ENGINE = Transliterator()
_MSGID: dict[str, str] = {}  # msgstr -> its msgid, for the derive column


def _derive(to: str) -> Callable[[str], str]:
    return lambda text: derive_entry(_MSGID.get(text, ""), [text], to, _ENGINE)[0]


PEERS: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "derive (reads msgid)": (_derive("cyrl"), _derive("latn")),
    "translit_service": (to_cyrillic, to_latin),
    "  foreign=convert": (lambda s: to_cyrillic(s, foreign="convert"), to_latin),
    "srtools": (srtools.latin_to_cyrillic, srtools.cyrillic_to_latin),
    "cyrtranslit": (lambda s: cyrtranslit.to_cyrillic(s, "sr"),
                    lambda s: cyrtranslit.to_latin(s, "sr")),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "heldout"))
    parser.add_argument("--errors", type=int, default=0, help="print N errors per direction")
    args = parser.parse_args()
    rows = load(args.split)
    _MSGID.update({r["latn"]: r["msgid"] for r in rows})
    _MSGID.update({r["cyrl"]: r["msgid"] for r in rows})
    print(f"{args.split}: {len(rows)} msgstrs from {len({r['package'] for r in rows})} packages")
    print(f"  {'':<18} {'latn -> cyrl':>14} {'cyrl -> latn':>14}")
    for name, (cyr, lat) in PEERS.items():
        a, wrong_c = accuracy(rows, cyr, "latn", "cyrl")
        b, wrong_l = accuracy(rows, lat, "cyrl", "latn")
        print(f"  {name:<18} {a:>14.2%} {b:>14.2%}")
        if name == "derive (reads msgid)" and args.errors:
            for label, wrong, src, dst, fn in (("latn -> cyrl", wrong_c, "latn", "cyrl", cyr),
                                               ("cyrl -> latn", wrong_l, "cyrl", "latn", lat)):
                print(f"\n  {label}: {len(wrong)} wrong; by package: "
                      f"{collections.Counter(r['package'] for r in wrong).most_common(5)}")
                for r in wrong[:args.errors]:
                    print(f"    in:   {r[src]!r}\n    want: {r[dst]!r}\n    got:  {fn(r[src])!r}")


if __name__ == "__main__":
    main()
