"""Hand edits of a derived catalog: how an entry is named on the command line, and the
message that tells a translator which file, which entry and which command resolves it.

An entry is named by its msgid, or ``context|msgid`` when it has a context (``month|May``);
a name that is a msgid names the entry in every context.

>>> entry = polib.POEntry(msgctxt="month", msgid="May", msgstr="мај")
>>> cli_key(entry), matches(entry, {"May"}), matches(entry, {"month|May"}), matches(entry, {"x"})
('month|May', True, True, False)
>>> print(resolution("locales/sr_Cyrl/LC_MESSAGES/messages.po", entry))
revert it: translit catalogs derive --from sr_Latn --to sr_Cyrl --force-entry 'month|May'; \
keep it as the translator's own: translit catalogs derive --from sr_Latn --to sr_Cyrl \
--keep-edit 'month|May' (every hand edit at once: --force or --keep-edits)
"""

from __future__ import annotations

import shlex
from collections.abc import Collection
from pathlib import Path

import polib

_SCRIPTS = ("sr_Latn", "sr_Cyrl")


def cli_key(entry: polib.POEntry) -> str:
    """The name ``--force-entry``/``--keep-edit`` take for ``entry``."""
    return entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}|{entry.msgid}"


def matches(entry: polib.POEntry, keys: Collection[str]) -> bool:
    """Whether one of ``keys`` names ``entry`` (its msgid, or ``context|msgid``)."""
    return entry.msgid in keys or cli_key(entry) in keys


def derive_command(target: str | Path) -> str:
    """``translit catalogs [--locales DIR] derive --from X --to Y`` for the derived catalog
    ``target`` (``…/sr_Cyrl/LC_MESSAGES/messages.po``): exactly what derives it again."""
    parts = Path(target).parts
    to = next((p for p in reversed(parts) if p in _SCRIPTS), "sr_Cyrl")
    source = _SCRIPTS[0] if to == _SCRIPTS[1] else _SCRIPTS[1]
    command = "translit catalogs"
    if "LC_MESSAGES" in parts and parts.index("LC_MESSAGES") >= 2:
        locales_dir = Path(*parts[:parts.index("LC_MESSAGES") - 1])
        if locales_dir != Path("locales"):
            command += f" --locales {shlex.quote(str(locales_dir))}"
    return f"{command} derive --from {source} --to {to}"


def resolution(target: str | Path, entry: polib.POEntry) -> str:
    """The two commands that resolve the hand edit of ``entry`` in ``target``, and the two
    that resolve every one."""
    command, key = derive_command(target), shlex.quote(cli_key(entry))
    return (f"revert it: {command} --force-entry {key}; keep it as the translator's own: "
            f"{command} --keep-edit {key} (every hand edit at once: --force or --keep-edits)")
