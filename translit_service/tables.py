"""Data only: the small letter tables (the word tables live in :mod:`translit_service.lexicon`).

Nothing here converts text and nothing is read from disk; a
:class:`~translit_service.engine.Transliterator` builds its converters from these tables.

>>> SR_LAT_TO_CYR["lj"], SR_LAT_TO_CYR["Dž"], SR_CYR_TO_LAT["Њ"]
('љ', 'Џ', 'Nj')
"""

from __future__ import annotations

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

#: Latin letters that are not Serbian: q, w, x, y and the accented letters of other languages
#: (Über, naïve, Müller, café).  Ð/ð are not among them: in Serbian text they are a mis-decoded
#: Đ/đ (cp1250 read as cp1252) and convert as Ђ/ђ; ś/ź are Montenegrin.
FOREIGN_LETTERS = "qwxyQWXY" + "".join(
    chr(code) for code in range(0xC0, 0x250)
    if chr(code).isalpha() and chr(code) not in "ČčĆćĐđŠšŽžÐðŚśŹźÈèÌìĪīŪū"
    and not 0x1C4 <= code <= 0x1CC)

#: Vowels with an accent mark, as Serbian dictionaries write them (ѐ ѝ ӣ ӯ = è ì ī ū; the
#: same pairs recode-sr-latin uses).
SR_ACCENTED = {"ѐ": "è", "ѝ": "ì", "ӣ": "ī", "ӯ": "ū", "Ѐ": "È", "Ѝ": "Ì", "Ӣ": "Ī", "Ӯ": "Ū"}

#: Mis-decoded letters read as the Serbian letters they stand for (Latin -> Cyrillic).
SR_MISDECODED = {"Ð": "Ђ", "ð": "ђ"}

#: Auxiliary verbs and clitics: a Roman-numeral look-alike before one is a pronoun
#: (MI smo, VI ste), not a numeral.
SERBIAN_AUXILIARIES = frozenset(
    "sam si je smo ste su nisam nisi nije nismo niste nisu ću ćeš će ćemo ćete bih bi bismo "
    "biste ste smo imamo imate znamo znate možemo možete hoćemo hoćete".split())

#: Key names: a token joined by "+" holding one of them is a key combination (Ctrl+Alt+Del).
KEY_NAMES = frozenset(
    "ctrl alt shift del delete esc escape tab enter return fn cmd super meta win altgr "
    "pgup pgdn pageup pagedown home end ins insert backspace space print prtsc".split()
    + [f"f{n}" for n in range(1, 25)])

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
HTML_TEXT_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label",
                                  "aria-description", "aria-roledescription",
                                  "aria-placeholder", "aria-valuetext"})
#: Elements whose content never converts (and the "translate=no" attribute of HTML).
HTML_VERBATIM_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var"})
#: Elements with no end tag.
HTML_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
