"""The site glossary: keep-Latin words and custom mappings, whole words, case kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit_service import Options, Transliterator
from translit_service.glossary import Glossary, GlossaryError

GLOSSARY = Glossary.parse("""
# a comment
PDF
Ministry of Defence
Facebook = Фејсбук
Rijeka = Ријека
""")
ENGINE = Transliterator(Options(glossary=GLOSSARY))


@pytest.mark.parametrize(("text", "want"), [
    ("Facebook i Facebooku, Facebook-om", "Фејсбук и Фејсбуку, Фејсбук-ом"),
    ("FACEBOOK i facebook", "ФЕЈСБУК и фејсбук"),
    ("PDF i pdf, PDF-a, PDF5", "PDF и pdf, PDF-а, PDF5"),
    ("Ministry of Defence saopštava", "Ministry of Defence саопштава"),
    ("Facebookovština je duga reč", "Фацебооковштина је дуга реч"),  # no ending: rules
    ("vidi facebook.com/vesti", "види facebook.com/vesti"),  # the address wins
    ("Rijeka i Rijeci", "Ријека и Ријеци"),
])
def test_glossary_to_cyrillic(text: str, want: str) -> None:
    assert ENGINE.to_cyrillic(text) == want


def test_a_mapping_works_both_ways() -> None:
    assert ENGINE.to_latin("Фејсбук и Фејсбуку, PDF") == "Facebook i Facebooku, PDF"


def test_without_a_glossary_the_rules_decide() -> None:
    assert Transliterator().to_cyrillic("Facebook i PDF") == "Facebook и ПДФ"


@pytest.mark.parametrize(("content", "message"), [
    ("PDF\n= Фејсбук\n", ":2: expected"),
    ("Facebook =\n", ":1: expected"),
])
def test_bad_lines_are_path_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.txt"
    path.write_text(content, "utf-8")
    with pytest.raises(GlossaryError, match=message):
        Glossary.from_file(path)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_bytes(b"PDF\nFace\xffbook\n")
    with pytest.raises(GlossaryError, match=r"g\.txt:2: not valid UTF-8"):
        Glossary.from_file(path)


def test_a_glossary_is_an_option_by_content() -> None:
    same = Glossary.parse("PDF\nMinistry of Defence\nFacebook = Фејсбук\nRijeka = Ријека\n")
    assert Options(glossary=same) == Options(glossary=GLOSSARY)
    assert hash(Options(glossary=same)) == hash(Options(glossary=GLOSSARY))


def test_the_api_switches_the_configured_glossary(client) -> None:  # type: ignore[no-untyped-def]
    on = client.post("/api/v1/transliterate", json={"text": "PDF", "to": "cyrl"})
    off = client.post("/api/v1/transliterate", json={"text": "PDF", "to": "cyrl",
                                                     "glossary": False})
    assert (on.get_json()["text"], off.get_json()["text"]) == ("PDF", "ПДФ")
    got = client.get("/api/v1/transliterate",
                     query_string={"text": "PDF", "glossary": "false"}).get_json()
    assert got["text"] == "ПДФ"
    bad = client.post("/api/v1/transliterate", json={"text": "PDF", "glossary": "maybe"})
    assert bad.status_code == 400


def test_the_cli_uses_the_configured_glossary(runner) -> None:  # type: ignore[no-untyped-def]
    from translit_service.cli import main

    assert runner.invoke(main, ["text", "--to", "cyrl"], input="PDF").output == "PDF"
    assert runner.invoke(main, ["text", "--to", "cyrl", "--no-glossary"],
                         input="PDF").output == "ПДФ"
