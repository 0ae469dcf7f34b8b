"""Variant negotiation (one place): parameter, cookie, Accept-Language, default."""

from __future__ import annotations

import pytest

from translit_service.locales import variant_for
from translit_service.web.negotiation import negotiate, parse_accept_language


@pytest.mark.parametrize(
    ("name", "tag"),
    [("en", "en"), ("en-US", "en"), ("sr", "sr-Cyrl"), ("sr-RS", "sr-Cyrl"),
     ("sr-Cyrl", "sr-Cyrl"), ("sr_Cyrl", "sr-Cyrl"), ("sr-Latn", "sr-Latn"),
     ("sr-Latn-RS", "sr-Latn"), ("sr_Latn", "sr-Latn"), ("sr-ME", "sr-Latn"), ("sh", "sr-Latn"),
     ("SR-LATN", "sr-Latn"), ("sr-Cyrl-ME", "sr-Cyrl")],
)
def test_variant_for(name: str, tag: str) -> None:
    found = variant_for(name)
    assert found is not None and found.tag == tag


@pytest.mark.parametrize("name", ["", "de", "srb", "sr/Latn", "../en", "en\x00", "x" * 40, None])
def test_variant_for_rejects(name: str | None) -> None:
    assert variant_for(name) is None


def test_order_of_precedence() -> None:
    assert negotiate("en", "sr-Latn", "sr").tag == "en"
    assert negotiate(None, "sr-Latn", "en").tag == "sr-Latn"
    assert negotiate("bogus", None, "en-GB,sr;q=0.5") == (negotiate(accept_language="en").variant, True)
    assert negotiate().tag == "sr-Cyrl" and not negotiate().negotiated


def test_accept_language_quality_and_garbage() -> None:
    assert negotiate(accept_language="en;q=0.3, sr-Latn;q=0.9").tag == "sr-Latn"
    assert negotiate(accept_language="de, fr;q=0.9").tag == "en"  # neither English nor Serbian


@pytest.mark.parametrize(("header", "tag"), [
    ("de", "en"), ("fr-CA, it;q=0.8", "en"), ("mk", "en"),  # other languages: English
    ("hr", "sr-Latn"), ("hr-HR", "sr-Latn"), ("bs", "sr-Latn"), ("sh", "sr-Latn"),
    ("sr-ME", "sr-Latn"), ("cnr", "sr-Latn"), ("bs-Cyrl", "sr-Cyrl"),
    ("de, hr;q=0.5", "sr-Latn"),  # a neighbour's language further down still wins
    ("sr", "sr-Cyrl"), ("sr-RS", "sr-Cyrl"), ("*", "sr-Cyrl"), ("", "sr-Cyrl"),
    ("en-US, sr;q=0.5", "en"),
])
def test_negotiation_for_a_bilingual_site(header: str, tag: str) -> None:
    """Issue 27: readers of neither English nor Serbian get English; hr, bs, sh and sr-ME
    readers get Serbian Latin; no header gets the default."""
    assert negotiate(accept_language=header).tag == tag
    assert parse_accept_language(";;,q=,en;q=2,sr;q=0") == []
    assert parse_accept_language("en;q=0.5," * 1000)[:1] == [("en", 0.5)]
