"""Restore č ć š ž đ in Serbian Latin typed without them.

``sta radis, cujemo se sutra u cetiri`` -> ``šta radiš, čujemo se sutra u četiri``.  Each word
without diacritics is looked up by its *key* (the word lower-cased; ``dj`` stands for ``đ``) in
a table built by tools/build_diacritics.py (lexicon/data/diacritics.tsv.gz): the Serbian forms
that strip to that key, with their frequencies (wordfreq), and for the ambiguous keys the
words seen before and after each form.  The form with the best context evidence wins, else the
most frequent; a word with no entry is left as it is.

What is trusted: a word that has any of č ć š ž đ, and a whole text in which many words
have them (it was typed with diacritics; what looks bare there is meant so).  Case is kept
(``STA`` -> ``ŠTA``, ``Cacak`` -> ``Čačak``).  Protected spans (URLs, e-mails, code,
placeholders, markup) are never touched: :meth:`Restorer.restore` takes them from the caller.

>>> restore_diacritics("sta radis, cujemo se sutra u cetiri")
'šta radiš, čujemo se sutra u četiri'
>>> restore_diacritics("Djordje i djak, odjednom")
'Đorđe i đak, odjednom'
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from .lexicon import data_path

_WORD = re.compile(r"[A-Za-zČĆŠŽĐčćšžđ]+")
_DIACRITIC = re.compile(r"[ČĆŠŽĐčćšžđ]")
_RESTORABLE = re.compile(r"[csz]|dj")  # letters that may stand for č ć š ž đ
#: A text where at least this share of its words that could carry diacritics has them was
#: typed with diacritics: nothing is restored in it.
TYPED_WITH_DIACRITICS = 0.25


class Entry(NamedTuple):
    forms: tuple[tuple[str, int], ...]  # (form, frequency), most frequent first
    context: dict[str, int]  # "previous>form" and "<next>form" -> count


class SortedForms:
    """The dictionary's other forms (lexicon/data/diacritics_forms.bin.gz: ``key<TAB>form``
    lines sorted by key, after a table of their offsets), kept as one bytes blob and searched
    by bisection: 1.4 M forms in about 45 MB, where a dict would take over 200 MB."""

    def __init__(self, raw: bytes) -> None:
        import struct
        import sys
        from array import array

        self.starts = array("I")
        self.data = b""
        if raw.startswith(b"TRDF1\n"):
            (count,) = struct.unpack_from("<I", raw, 6)
            table_end = 10 + 4 * (count + 1)
            self.starts.frombytes(raw[10:table_end])
            if sys.byteorder != "little":
                self.starts.byteswap()
            self.data = raw[table_end:]
        else:
            self.starts.append(0)

    @classmethod
    @functools.cache
    def default(cls) -> SortedForms:
        path = data_path("diacritics_forms.bin.gz")
        return cls(gzip.decompress(path.read_bytes()) if path.exists() else b"")

    def __len__(self) -> int:
        return max(0, len(self.starts) - 1)

    def get(self, key: str) -> str | None:
        target = key.encode("ascii", "replace")
        data, starts = self.data, self.starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            middle = (lo + hi) // 2
            start = starts[middle]
            tab = data.find(b"\t", start)
            found = data[start:tab]
            if found < target:
                lo = middle + 1
            elif found > target:
                hi = middle
            else:
                return data[tab + 1:starts[middle + 1] - 1].decode("utf-8")
        return None


class Restorer:
    """The table, read once; :meth:`restore` works on one text."""

    def __init__(self, table: dict[str, str]) -> None:
        self._raw = table  # key -> the rest of its line, parsed on first use
        self._parsed: dict[str, Entry] = {}

    @classmethod
    @functools.cache
    def default(cls) -> Restorer:
        """The packaged table, read on first use and shared by the process."""
        return cls.load()

    @classmethod
    def load(cls) -> Restorer:
        """The packaged table, read now (a Lexicon keeps its own, watched for changes)."""
        path = data_path("diacritics.tsv.gz")
        table: dict[str, str] = {}
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                for line in handle:
                    key, _, rest = line.rstrip("\n").partition("\t")
                    table[key] = rest
        return cls(table)

    def __len__(self) -> int:
        return len(self._raw)

    def entry(self, key: str) -> Entry | None:
        found = self._parsed.get(key)
        if found is None:
            raw = self._raw.get(key)
            if raw is None:
                return None
            forms_part, _, context_part = raw.partition("\t")
            forms = tuple((form, int(count)) for form, _, count in
                          (item.rpartition(":") for item in forms_part.split()))
            context = {pair: int(count) for pair, _, count in
                       (item.rpartition(":") for item in context_part.split())}
            found = self._parsed[key] = Entry(forms, context)
        return found

    def choose(self, key: str, previous: str, following: str) -> str | None:
        """The form for ``key`` between the (keys of the) words around it."""
        entry = self.entry(key)
        if entry is None:
            if not _RESTORABLE.search(key):
                return None
            return SortedForms.default().get(key)
        if len(entry.forms) == 1 or not entry.context:
            return entry.forms[0][0]
        best, best_score = entry.forms[0][0], -1.0
        for form, count in entry.forms:
            evidence = (entry.context.get(f"{previous}>{form}", 0)
                        + entry.context.get(f"<{following}>{form}", 0))
            score = evidence * 1e12 + count
            if score > best_score:
                best, best_score = form, score
        return best

    def restore(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> str:
        """``text`` with its diacritics restored, except inside ``protected`` (start, end)."""
        if not text or (not text.isascii() and self._typed_with_diacritics(text)):
            return text
        words = list(_outside(_WORD.finditer(text), protected))
        if not words:
            return text
        keys = [_key(m.group()) for m in words]
        out: list[str] = []
        pos = 0
        for i, m in enumerate(words):
            word = m.group()
            if _DIACRITIC.search(word):
                continue
            previous = keys[i - 1] if i else "^"
            following = keys[i + 1] if i + 1 < len(keys) else "$"
            form = self.choose(keys[i], previous, following)
            if form is None or form == keys[i]:
                continue
            out.append(text[pos:m.start()])
            out.append(_cased(form, word))
            pos = m.end()
        if not out:
            return text
        out.append(text[pos:])
        return "".join(out)

    def _typed_with_diacritics(self, text: str) -> bool:
        with_marks = len(_DIACRITIC.findall(text))
        if with_marks < 3:
            return False
        candidates = sum(1 for m in _WORD.finditer(text) if _DIACRITIC.search(m.group())
                         or self._raw.get(_key(m.group())) is not None)
        return with_marks >= TYPED_WITH_DIACRITICS * max(candidates, 1)


def _outside(matches: Iterable[re.Match[str]],
             protected: Sequence[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The ``matches`` (in text order) that start outside every ``protected`` span.

    One walk over both, spans sorted by start once: linear in words + spans, where testing
    each word against every span was their product (``"sta %s " * 8000`` took 21 s).
    Spans may overlap or come in any order.

    >>> text = "ab cd ef gh"
    >>> [m.group() for m in _outside(_WORD.finditer(text), [(6, 8), (0, 1), (0, 2)])]
    ['cd', 'gh']
    """
    spans = sorted(protected)
    count = len(spans)
    index = 0
    covered = -1  # the furthest end of the spans that start at or before the word
    for match in matches:
        start = match.start()
        while index < count and spans[index][0] <= start:
            covered = max(covered, spans[index][1])
            index += 1
        if start >= covered:
            yield match


def _key(word: str) -> str:
    return word.lower()


def _cased(form: str, word: str) -> str:
    """``form`` in the case pattern of ``word`` (ŠTA, Čačak, đak; Dj -> Đ)."""
    if word.isupper() and len(word) > 1:
        return form.upper()
    if word[0].isupper():
        return form[0].upper() + form[1:]
    return form


def restore_diacritics(text: str) -> str:
    """Restore č ć š ž đ in Serbian Latin typed without them (see the module docstring).

    >>> restore_diacritics("STA je Cacak?")
    'ŠTA je Čačak?'
    """
    from .spans import protected_spans

    spans = [(s.start, s.end) for s in protected_spans(text)]
    return Restorer.default().restore(text, spans)
