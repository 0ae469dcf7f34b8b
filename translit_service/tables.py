"""Data only: letter maps, digraph exceptions and the Latin-only word lists.

Nothing here converts text; :mod:`translit_service.engine` builds its converters from these
tables once, at import.  The two larger tables live in ``translit_service/data/*.txt`` (one entry
a line, with a header saying where the entries come from) and are read once.

>>> SR_LAT_TO_CYR["lj"], SR_LAT_TO_CYR["Dž"], SR_CYR_TO_LAT["Њ"]
('љ', 'Џ', 'Nj')
>>> ("nad", "živ", True, False) in DIGRAPH_EXCEPTIONS
False
>>> ("nad", "živ", False, False) in DIGRAPH_EXCEPTIONS
True
"""

from __future__ import annotations

from importlib.resources import files
from typing import NamedTuple

# Serbian Cyrillic -> Latin, one letter each (Vuk Karadžić's alphabet and Gaj's Latin alphabet).
_SR_PAIRS = (
    ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("ђ", "đ"), ("е", "e"),
    ("ж", "ž"), ("з", "z"), ("и", "i"), ("ј", "j"), ("к", "k"), ("л", "l"), ("љ", "lj"),
    ("м", "m"), ("н", "n"), ("њ", "nj"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"),
    ("т", "t"), ("ћ", "ć"), ("у", "u"), ("ф", "f"), ("х", "h"), ("ц", "c"), ("ч", "č"),
    ("џ", "dž"), ("ш", "š"),
)

#: Cyrillic letter -> Latin letters (upper-case digraphs in title case: Љ -> Lj).
SR_CYR_TO_LAT: dict[str, str] = {}
#: Latin letter or digraph -> Cyrillic letter.
SR_LAT_TO_CYR: dict[str, str] = {}
for _cyr, _lat in _SR_PAIRS:
    SR_CYR_TO_LAT[_cyr] = _lat
    SR_CYR_TO_LAT[_cyr.upper()] = _lat[0].upper() + _lat[1:]
    SR_LAT_TO_CYR[_lat] = _cyr
    SR_LAT_TO_CYR[_lat[0].upper() + _lat[1:]] = _cyr.upper()
    if len(_lat) == 2:
        SR_LAT_TO_CYR[_lat.upper()] = _cyr.upper()
        # "lJ" is a typo, not a letter; read it by its first letter's case.
        SR_LAT_TO_CYR[_lat[0] + _lat[1].upper()] = _cyr

#: The Unicode digraph letters (U+01C4..U+01CC), read as the Cyrillic letter they stand for.
SR_LIGATURES = {
    "Ǆ": "Џ", "ǅ": "Џ", "ǆ": "џ", "Ǉ": "Љ", "ǈ": "Љ", "ǉ": "љ", "Ǌ": "Њ", "ǋ": "Њ", "ǌ": "њ",
}

#: ``dj`` read as ``đ`` (only with ``dj_as="đ"``).
DJ_AS_DJE = {"dj": "ђ", "Dj": "Ђ", "DJ": "Ђ", "dJ": "ђ"}

#: Montenegrin adds С́ and З́ (a letter plus U+0301 COMBINING ACUTE ACCENT) = Ś and Ź.
ME_EXTRA_CYR_TO_LAT = {"С\u0301": "Ś", "с\u0301": "ś", "З\u0301": "Ź", "з\u0301": "ź"}

#: Serbian Cyrillic letters, both cases.
SERBIAN_CYRILLIC = "".join(c + c.upper() for c, _ in _SR_PAIRS)

#: Characters common in Serbian and English prose besides ASCII: they pass through the
#: engine's code page (see translit_service/codepage.py) instead of forcing the slow path.
COMMON_PUNCTUATION = "\u00a0„“”‘’‚–—…«»°·•€§©®™×½áàâäçéèêëíóôöúüßÄÖÜÉ"

#: Latin upper-case letters of Serbian Latin (for telling all-caps words apart).
SR_LATIN_UPPER = "ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ"
SR_LATIN_LOWER = SR_LATIN_UPPER.lower()

#: Letters that make a word foreign: Serbian Latin has no q, w, x or y.
FOREIGN_LETTERS = "qwxyQWXY"

#: All-caps Roman numerals that are also Serbian words; in an all-caps sentence they convert
#: (MI SMO -> МИ СМО, VI STE -> ВИ СТЕ), elsewhere they stay Latin (VI vek -> VI век).
ROMAN_LOOKALIKES = frozenset({"VI", "MI", "LI", "DI", "DIM", "DIV", "MIL", "CI"})

#: File extensions and top-level domains that make a dotted word a file name or a host name.
FILE_EXTENSIONS = frozenset(
    """txt po pot mo html htm xhtml css js mjs ts json xml yaml yml toml ini cfg conf log csv tsv
    md rst pdf doc docx odt ods odp xls xlsx ppt pptx rtf png jpg jpeg gif svg webp ico bmp tif
    tiff mp3 mp4 ogg wav avi mkv webm zip gz tgz bz2 xz tar 7z rar deb rpm exe msi dmg iso img
    py pyc sh bash c h cpp hpp java rb go rs php pl sql db sqlite desktop service""".split()
)
TOP_LEVEL_DOMAINS = frozenset(
    """com org net edu gov int mil info biz io eu rs srb me ba hr mk si bg ru ua de fr it uk us
    ch at nl be pl cz hu ro gr al tr""".split()
)

#: Attributes whose values are text a reader sees, converted in ``fmt="html"``.
HTML_TEXT_ATTRIBUTES = frozenset({"title", "alt"})
#: Elements whose content never converts (and the "translate=no" attribute of HTML).
HTML_VERBATIM_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var"})
#: Elements with no end tag.
HTML_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


class DigraphException(NamedTuple):
    """One line of ``data/digraph_exceptions.txt``."""

    prefix: str
    stem: str
    word_start: bool
    dj_only: bool


def _data_lines(name: str) -> list[str]:
    text = files("translit_service").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def _load_exceptions() -> tuple[DigraphException, ...]:
    entries = []
    for line in _data_lines("digraph_exceptions.txt"):
        word, _, tag = line.partition(" ")
        prefix, stem = word.split("|")
        entries.append(
            DigraphException(prefix.lstrip("^").lower(), stem.lower(),
                             prefix.startswith("^"), tag.strip() == "dj")
        )
    return tuple(entries)


DIGRAPH_EXCEPTIONS: tuple[DigraphException, ...] = _load_exceptions()

#: Default technical acronyms kept in Latin (see data/latin_acronyms.txt for the rule).
LATIN_ACRONYMS: frozenset[str] = frozenset(_data_lines("latin_acronyms.txt"))
