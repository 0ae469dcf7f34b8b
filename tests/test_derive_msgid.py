"""Derive reads the msgid: tokens copied from the English source stay Latin."""

from __future__ import annotations

import pytest

from translit_service.catalogs import derive_text
from translit_service.documents import convert_document
from translit_service.engine import Transliterator
from translit_service.entries import derive_entry

ENGINE = Transliterator()


@pytest.mark.parametrize(("msgid", "msgstr", "want"), [
    ('Output in the "list-of" format', "Izlaz u formatu „list-of“", "Излаз у формату „list-of“"),
    ("The path of the file", "Putanja (path) datoteke", "Путања (path) датотеке"),
    ("Could not load libpam", "Ne mogu da učitam libpam", "Не могу да учитам libpam"),
    ("Run glib-compile-schemas to write gschemas.compiled",
     "Pokrenite glib-compile-schemas da zapišete gschemas.compiled",
     "Покрените glib-compile-schemas да запишете gschemas.compiled"),
    ("Use --gdk-no-debug", "Koristite --gdk-no-debug", "Користите --gdk-no-debug"),
    ("Handles x-content/* types", "Obrađuje x-content/* vrste", "Обрађује x-content/* врсте"),
    ("Nautilus can search", "Nautilus može da pretražuje", "Наутилус може да претражује"),
    ("A program", "Program", "Програм"),
])
def test_tokens_copied_from_the_msgid(msgid: str, msgstr: str, want: str) -> None:
    assert derive_entry(msgid, [msgstr], "cyrl", ENGINE) == [want]


HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: sr_Latn\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
          'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n')


def test_derive_and_convert_agree_on_a_catalog() -> None:
    po = HEADER + ('#, c-format\nmsgid "Could not open %s with libpam"\n'
                   'msgstr "Ne mogu da otvorim %s pomoću libpam"\n')
    derived = derive_text(po, "cyrl").text
    converted = convert_document(po, "po", "cyrl")
    assert 'msgstr "Не могу да отворим %s помоћу libpam"' in derived
    assert 'msgstr "Не могу да отворим %s помоћу libpam"' in converted
