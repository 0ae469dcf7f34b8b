"""Translation memory across article formats: a Markdown unit never gets an HTML article's
translation prefilled (nor the other way round), plain text goes everywhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from translit_service.articles import Memory, Store
from translit_service.articles.workflow import extract_article

CONTENT = Path(__file__).resolve().parent.parent / "content" / "articles"
PAGE = ('The presentations are available on <a href="https://example.org/conference-2021">'
        "the conference page</a>")


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns(".*.lock"))
    return target


def _markdown_article(store_dir: Path, body: str) -> str:
    new = store_dir / "2024-06-01-markdown-note"
    new.mkdir()
    (new / "meta.json").write_text(json.dumps({"title": "A note", "date": "2024-06-01"}))
    (new / "article.md").write_text(body, "utf-8")
    return new.name


def test_a_markdown_unit_gets_no_html_translation(store_dir: Path) -> None:
    """The HTML article's unit differs by one character (a close match, 0.99): an HTML
    translation (with its <a href>) would be prefilled into Markdown; it is not."""
    article = _markdown_article(store_dir, f"## Accreditation\n\n{PAGE}!\n")
    result = extract_article(Store(store_dir), article)
    po = polib.pofile(result.po)
    unit = next(e for e in po if e.msgid.startswith("The presentations"))
    assert unit.msgstr == "" and "fuzzy" not in unit.flags
    heading = po.find("Accreditation")  # plain text: the same in both formats
    assert heading is not None and heading.msgstr == "Akreditacija"
    assert result.prefilled == 1


def test_an_html_unit_gets_no_markdown_translation() -> None:
    memory = Memory()
    memory.add("Read the *full report* today.", "Pročitajte *ceo izveštaj* danas.", "md",
               "markdown")
    memory.add("Read the full report today.", "Pročitajte ceo izveštaj danas.", "md",
               "markdown")
    assert memory.lookup("Read the *full report* today.", "html") is not None
    found = memory.lookup("Read the *full report* today.", "html")
    assert found is not None and "*" not in found.msgstr  # only the plain one may cross
    assert memory.lookup("Read the *full report* today.", "markdown").exact  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown unit format"):
        memory.add("x", "y", "a", "rtf")
