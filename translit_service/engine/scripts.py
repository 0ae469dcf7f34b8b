"""The target scripts and formats, and the names a script goes by."""

from __future__ import annotations

from ..errors import UnknownScript

SCRIPTS = ("cyrl", "latn")
FORMATS = ("text", "html")
#: The names a script goes by (case-insensitive): cyrl, sr-Cyrl, sr_Cyrl, Cyrl, cyrillic;
#: latn, sr-Latn, sr_Latn, sr@latin, latin.
SCRIPT_NAMES = {**{name: "cyrl" for name in ("cyrl", "sr-cyrl", "sr_cyrl", "cyrillic")},
                **{name: "latn" for name in ("latn", "sr-latn", "sr_latn", "sr@latin", "latin")}}


def normalise_script(to: object) -> str:
    """``"cyrl"`` or ``"latn"`` for any name a script goes by; else UnknownScript.

    >>> normalise_script("sr-Cyrl"), normalise_script("Latn"), normalise_script("sr@latin")
    ('cyrl', 'latn', 'latn')
    """
    if to == "cyrl" or to == "latn":
        return to
    script = SCRIPT_NAMES.get(to.lower()) if isinstance(to, str) else None
    if script is None:
        raise UnknownScript("script", to, SCRIPTS)
    return script
