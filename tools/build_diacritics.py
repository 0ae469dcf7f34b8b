"""Build the diacritic-restoration table (translit_service/lexicon/data/diacritics.tsv.gz).

    python tools/build_diacritics.py [--work DIR]    (needs apt-get, dpkg-deb and wordfreq)

Sources (nothing is downloaded at run time):

* ``wordfreq``'s Serbo-Croatian list (PyPI; data CC BY-SA 4.0): the word forms and their
  frequencies; a form typed without diacritics (``moze`` for ``može``) is only a candidate when
  it is a word of its own.
* The Serbian Hunspell dictionary (Debian ``hunspell-sr``; GPL-2+ or LGPL-2.1 or MPL-1.1, used
  under the LGPL-2.1), expanded by tools/hunspell.py: which forms are Serbian words (``kuca``
  from kucati is, ``moze`` is not).
* Context: word pairs of Serbian Latin text with diacritics — the Latin side of the *dev*
  split of the evaluation catalogs (tests/data/eval/dev.jsonl.gz), this project's own
  articles (content/articles/*/sr_Latn.po) and sentences written for it
  (tools/data/context_sr_latn.txt: the other reading of ``kuca``, ``sto``, ``sisati``…).
  The held-back split is never read here: it is the text the accuracy is measured on.

The table has one line per key (a word with its diacritics stripped, đ read as dj) whose
restoration is not the key itself or is ambiguous::

    kuca<TAB>kuća:145000 kuca:900<TAB>pas>kuca:3 moja>kuća:2

candidates with a frequency, then ``previous>form`` pair counts.  Stored as gzipped text: the
smallest format that the standard library reads in one pass (a few hundred kB).
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import struct
import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hunspell

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "translit_service" / "lexicon" / "data" / "diacritics.tsv.gz"
FORMS = ROOT / "translit_service" / "lexicon" / "data" / "diacritics_forms.bin.gz"
_WORD = re.compile(r"[a-zčćšžđ]+")
_STRIP = str.maketrans("čćšžđ", "ccszd")
SCALE = 1e8  # wordfreq frequency -> a count


def key_of(word: str) -> str:
    return word.replace("đ", "dj").translate(_STRIP)


def context_text() -> list[str]:
    texts = []
    with gzip.open(ROOT / "tests" / "data" / "eval" / "dev.jsonl.gz", "rt",
                   encoding="utf-8") as handle:
        texts += [json.loads(line)["latn"] for line in handle]
    for po in sorted((ROOT / "content" / "articles").glob("*/sr_Latn.po")):
        texts += re.findall(r'^msgstr "(.*)"$', po.read_text("utf-8"), re.M)
    own = (ROOT / "tools" / "data" / "context_sr_latn.txt").read_text("utf-8")
    texts += [line for line in own.splitlines() if line and not line.startswith("#")]
    return texts


def main() -> None:
    import wordfreq

    from translit_service import to_latin

    forms, deb = hunspell.serbian_forms_from_command_line(__doc__.splitlines()[0])
    serbian = {to_latin(f).lower() for f in forms}
    counts: dict[str, int] = {}
    for word in wordfreq.top_n_list("sh", 1_000_000):
        if not _WORD.fullmatch(word):
            continue
        plain = not any(ch in word for ch in "čćšžđ")
        if plain and any(ch in word for ch in "csz") and word not in serbian:
            continue  # moze, kaze: typed without diacritics, not words of their own
        counts[word] = max(1, round(wordfreq.word_frequency(word, "sh") * SCALE))
    by_key: dict[str, dict[str, int]] = collections.defaultdict(dict)
    for form, count in counts.items():
        by_key[key_of(form)][form] = count
    # Keys the dictionary spells both ways that wordfreq knows in neither spelling
    # (sisati: sisati or šišati): the plain word is the default, the other a candidate that
    # context text has shown in use, counted by its uses there.
    sentences = [_WORD.findall(text.lower()) for text in context_text()]
    used = collections.Counter(word for words in sentences for word in words)
    for word, uses in used.items():
        key = key_of(word)
        if word != key and key not in by_key and key in serbian and word in serbian:
            by_key[key] = {key: uses + 1, word: uses}
    # Context pairs for the keys with more than one candidate.
    ambiguous = {k for k, forms in by_key.items() if len(forms) > 1}
    pairs: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for words in sentences:
        for i, word in enumerate(words):
            if key_of(word) in ambiguous:
                previous = words[i - 1] if i else "^"
                following = words[i + 1] if i + 1 < len(words) else "$"
                pairs[key_of(word)][f"{key_of(previous)}>{word}"] += 1
                pairs[key_of(word)][f"<{key_of(following)}>{word}"] += 1
    lines = []
    for key in sorted(by_key):
        forms = by_key[key]
        if list(forms) == [key]:
            continue  # nothing to restore
        best = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))
        candidates = " ".join(f"{form}:{count}" for form, count in best)
        context = " ".join(f"{p}:{n}" for p, n in sorted(pairs.get(key, {}).items()))
        lines.append(f"{key}\t{candidates}\t{context}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    # The dictionary's other forms: where exactly one Serbian form strips to a key that is
    # no word of its own, that form (učitavam for ucitavam).  Sorted, for a binary search.
    extra: dict[str, set[str]] = collections.defaultdict(set)
    for form in serbian:
        if _WORD.fullmatch(form) and any(ch in form for ch in "čćšžđ"):
            key = key_of(form)
            if key not in by_key and key not in serbian:
                extra[key].add(form)
    pairs_out = [f"{key}\t{next(iter(forms))}\n".encode() for key, forms in
                 sorted(extra.items()) if len(forms) == 1]
    # Format: magic, the line count, the byte offset of every line (uint32, little-endian;
    # one more for the end), then the lines: loaded with array.frombytes, no parsing.
    offsets = array("I", [0])
    for line in pairs_out:
        offsets.append(offsets[-1] + len(line))
    if sys.byteorder != "little":
        offsets.byteswap()
    with gzip.GzipFile(FORMS, "wb", mtime=0) as handle:
        handle.write(b"TRDF1\n" + struct.pack("<I", len(pairs_out)) + offsets.tobytes()
                     + b"".join(pairs_out))
    print(f"dictionary forms: {len(pairs_out):,} ({FORMS.stat().st_size / 1e6:.2f} MB)")
    print(f"{deb}: {len(serbian):,} forms; {len(lines):,} keys "
          f"({sum(1 for k in by_key if len(by_key[k]) > 1):,} ambiguous); "
          f"{OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
