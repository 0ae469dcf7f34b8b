"""Build the lexicon tables in translit_service/lexicon/data from their sources.

    python tools/build_lexicon.py [--work DIR]     (needs apt-get, dpkg-deb and wordfreq)

Sources (nothing is downloaded at run time; this script is the only thing that fetches):

* Debian ``hunspell-sr`` (the LibreOffice Serbian dictionary by Goran Rakić, Miloš Popović and
  Aleksandar Urošević; GPL-2+ or LGPL-2.1 or MPL-1.1, used here under the LGPL-2.1): its
  Cyrillic dictionary is expanded with its affix rules (tools/hunspell.py) into every word
  form, and each form is read into Latin with our Cyrillic -> Latin converter, which is exact.
* ``wordfreq`` (PyPI; code Apache-2.0, word lists CC BY-SA 4.0): the English words with a
  Zipf frequency of at least 3.

Outputs:

* ``digraph_exceptions_hunspell.txt``: every place where a form's Latin spelling has dž, nj or
  lj and its Cyrillic has two letters (дж, нј, лј), generalised to the shortest
  ``prefix|stem`` window that no form with the one-letter digraph shares; where a short
  window covers many forms and only a few one-letter forms share it (the productive prefixes
  od-, pod-, nad-, pred-: odžvakati, which the dictionary lacks), the window is kept with those
  few as ``!`` exceptions.  The header records how many of the dictionary's own forms with
  one of these digraphs the engine then converts right.
* ``english_words.txt.gz``: English words, one a line, ``word<TAB>S`` when the word is also a
  Serbian word form, with or without its diacritics (so it converts: program, video, more,
  sto, and sta for šta).  The engine keeps the others
  Latin inside Serbian text (Google, Delete, path) and reads ``max_count`` as an identifier.
"""

from __future__ import annotations

import collections
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hunspell

from translit_service import tables

DATA = Path(__file__).resolve().parent.parent / "translit_service" / "lexicon" / "data"
MAX_BEFORE, MAX_AFTER = 6, 6
PAIRS = {"дж": "dž", "нј": "nj", "лј": "lj"}
SINGLE = {"џ": "dž", "њ": "nj", "љ": "lj"}
ENGLISH_MIN_ZIPF = 3.0
MAX_VETOES = 12


def latin_with_marks(cyrillic: str) -> tuple[str, list[int], list[int]]:
    """The Latin spelling of a (lower-case) form, and where its two-letter and its one-letter
    digraphs start: (latin, positives, negatives)."""
    out: list[str] = []
    positives, negatives = [], []
    length = 0
    i = 0
    while i < len(cyrillic):
        pair = cyrillic[i:i + 2]
        if pair in PAIRS:
            positives.append(length)
            out.append(PAIRS[pair])
            length += 2
            i += 2
            continue
        ch = cyrillic[i]
        latin = tables.SR_CYR_TO_LAT.get(ch, ch).lower()
        if ch in SINGLE:
            negatives.append(length)
        out.append(latin)
        length += len(latin)
        i += 1
    return "".join(out), positives, negatives


Window = tuple[bool, str, str]  # (word start?, prefix incl. the digraph's first letter, stem)


def windows(word: str, i: int) -> list[Window]:
    """Candidate windows around the digraph starting at ``word[i]``, shortest first."""
    found = []
    for total in range(2, MAX_BEFORE + MAX_AFTER + 1):
        for b in range(1, min(i + 1, MAX_BEFORE) + 1):
            a = total - b
            if a < 1 or a > MAX_AFTER or i + 1 + a > len(word):
                continue
            prefix, stem = word[i - b + 1:i + 1], word[i + 1:i + 1 + a]
            found.append((False, prefix, stem))
            if i - b + 1 == 0:
                found.append((True, prefix, stem))
    return found


def matches(window: Window, word: str, i: int) -> bool:
    start, prefix, stem = window
    b = len(prefix)
    if i - b + 1 < 0 or word[i - b + 1:i + 1] != prefix or word[i + 1:i + 1 + len(stem)] != stem:
        return False
    return not start or i - b + 1 == 0


def build_exceptions(forms: set[str]) -> tuple[list[str], int, int]:
    positives: list[tuple[str, int]] = []
    negatives: list[tuple[str, int]] = []
    for form in {f.lower() for f in forms}:
        if not any(p in form for p in PAIRS) and not any(s in form for s in SINGLE):
            continue
        latin, pos, neg = latin_with_marks(form)
        positives += [(latin, i) for i in pos]
        negatives += [(latin, i) for i in neg]
    # Index every window of every occurrence once: window -> (positives, negatives).
    index: dict[Window, list[list[tuple[str, int]]]] = collections.defaultdict(lambda: [[], []])
    for side, occurrences in ((0, positives), (1, negatives)):
        for word, i in occurrences:
            for window in windows(word, i):
                index[window][side].append((word, i))
    chosen: set[Window] = set()
    vetoes: set[Window] = set()
    veto_cache: dict[Window, set[Window] | None] = {}

    def vetoes_for(window: Window) -> set[Window] | None:
        """The vetoes that make a short, general window safe: None when it needs too many
        (the window is then no prefix rule, just a coincidence)."""
        if window not in veto_cache:
            covered, negatives_here = index[window][0], index[window][1]
            found: set[Window] | None = set()
            if len(negatives_here) > 2000 or len(covered) < 8:
                found = None
            else:
                for other, j in negatives_here:
                    assert found is not None
                    if any(matches(v, other, j) for v in found):
                        continue
                    # A veto is the window itself with a longer stem (so it only ever undoes
                    # this window) that matches no form with a two-letter digraph.
                    veto = next((v for v in windows(other, j)
                                 if v[:2] == window[:2] and not index[v][0]), None)
                    if veto is None or len(found) >= MAX_VETOES:
                        found = None
                        break
                    found.add(veto)
            veto_cache[window] = found
        return veto_cache[window]

    for word, i in sorted(positives):
        candidates = windows(word, i)
        clean = [w for w in candidates if not index[w][1]]
        # A short, anchored window (a productive prefix: od|ž, nad|ž) that covers many forms,
        # with a few vetoes for the one-letter words it would catch (odžak, nadžak).
        general = [w for w in candidates if w[0] and len(w[2]) == 1 and len(w[1]) >= 2
                   and vetoes_for(w) is not None]
        if general:
            window = min(general, key=lambda w: (len(w[1]) + len(w[2]), not w[0]))
            chosen.add(window)
            vetoes |= vetoes_for(window) or set()
        elif clean:
            chosen.add(min(clean, key=lambda w: (len(w[1]) + len(w[2]), not w[0])))
    # Drop windows another chosen window already covers (same side, shorter or equal).
    lines = []
    for start, prefix, stem in sorted(chosen):
        redundant = any((s2, p2, t2) != (start, prefix, stem) and prefix.endswith(p2)
                        and stem.startswith(t2) and (not s2 or (start and p2 == prefix))
                        for s2, p2, t2 in chosen)
        if not redundant:
            lines.append(f"{'^' if start else ''}{prefix}|{stem}")
    lines += [f"!{'^' if s else ''}{p}|{t}" for s, p, t in sorted(vetoes)]
    return lines, len(positives), len(negatives)


def coverage(forms: set[str], lines: list[str]) -> tuple[int, int]:
    """How many of the forms with a digraph pair the engine converts right with ``lines``."""
    from translit_service import Transliterator, to_latin
    from translit_service.lexicon import Lexicon

    lexicon = Lexicon.default().with_exceptions(lines)
    engine = Transliterator(lexicon=lexicon)
    relevant = [f for f in forms if any(p in f.lower() for p in PAIRS)
                or any(s in f.lower() for s in SINGLE)]
    right = sum(1 for f in relevant if engine.to_cyrillic(to_latin(f)) == f)
    return right, len(relevant)


def build_english(forms: set[str]) -> list[str]:
    import wordfreq

    from translit_service import to_latin

    serbian = {to_latin(f).lower() for f in forms}
    # Serbian typed without diacritics is Serbian too: sta (šta), cas (čas), jos (još).
    plain = str.maketrans("čćšžđ", "ccszd")
    serbian |= {word.translate(plain) for word in serbian}
    serbian |= {word.replace("đ", "dj").translate(plain) for word in serbian if "đ" in word}
    out = []
    for word in wordfreq.top_n_list("en", 100_000):
        if not (word.isascii() and word.isalpha() and len(word) >= 2):
            continue
        if wordfreq.zipf_frequency(word, "en") < ENGLISH_MIN_ZIPF:
            break
        out.append(f"{word}\tS" if word in serbian else word)
    return sorted(out)


def main() -> None:
    forms, deb = hunspell.serbian_forms_from_command_line(__doc__.splitlines()[0])
    print(f"{deb}: {len(forms):,} forms")
    lines, positives, negatives = build_exceptions(forms)
    right, total = coverage(forms, lines)
    header = f"""# Serbian Latin -> Cyrillic: digraph exceptions from the Serbian dictionary.
#
# GENERATED by tools/build_lexicon.py from Debian's {deb} (the LibreOffice
# Serbian dictionary by Goran Rakić, Miloš Popović and Aleksandar Urošević, licensed GPL-2+ or
# LGPL-2.1 or MPL-1.1; used here under the LGPL-2.1).  Do not edit: edit the script, or add
# hand-made lines to digraph_exceptions.txt.
#
# Format as in digraph_exceptions.txt; a line starting with "!" is a veto: where it matches,
# the digraph is one letter even though another line matches too.
# Forms in the dictionary: {len(forms):,}; occurrences of дж/нј/лј: {positives:,}, of
# џ/њ/љ: {negatives:,}.
# coverage: {right} of {total} dictionary forms with dž/nj/lj convert right ({right / total:.2%})
"""
    (DATA / "digraph_exceptions_hunspell.txt").write_text(
        header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"digraph exceptions: {len(lines)} lines; coverage {right}/{total}")
    english = build_english(forms)
    with gzip.GzipFile(DATA / "english_words.txt.gz", "wb", mtime=0) as handle:
        handle.write(("\n".join(english) + "\n").encode("utf-8"))
    print(f"english words: {len(english)} ({sum(1 for w in english if w.endswith('S'))} "
          "also Serbian)")


if __name__ == "__main__":
    main()
