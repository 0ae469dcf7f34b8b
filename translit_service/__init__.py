"""translit-service: Serbian Latin ⇄ Cyrillic transliteration done right.

The public API is re-exported here; see :mod:`translit_service.engine` and
:mod:`translit_service.options`.

>>> from translit_service import to_cyrillic, to_latin
>>> to_cyrillic("Ljubav"), to_latin("Љубав")
('Љубав', 'Ljubav')
"""

from .diacritics import restore_diacritics
from .engine import (
    FORMATS,
    SCRIPTS,
    ScriptDetection,
    Transliterator,
    detect_script,
    languages,
    to_cyrillic,
    to_latin,
    transliterate,
)
from .errors import (
    CatalogError,
    ConfigurationError,
    DecodeError,
    InvalidOption,
    TranslitError,
    UnknownFormat,
    UnknownLanguage,
    UnknownScript,
)
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "SCRIPTS",
    "CatalogError",
    "ConfigurationError",
    "DecodeError",
    "InvalidOption",
    "Options",
    "ScriptDetection",
    "TranslitError",
    "Transliterator",
    "UnknownFormat",
    "UnknownLanguage",
    "UnknownScript",
    "__version__",
    "detect_script",
    "languages",
    "restore_diacritics",
    "to_cyrillic",
    "to_latin",
    "transliterate",
]
