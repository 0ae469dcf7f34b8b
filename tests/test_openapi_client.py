"""A client generated from the served OpenAPI document by a standard generator
(openapi-python-client) calls the real gunicorn server: the document is good enough for the
tools client developers use (operationId and tags give the names, enums give the types)."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.servers import gunicorn

pytestmark = pytest.mark.integration
BIN = Path(sys.executable).parent
GENERATOR = shutil.which("openapi-python-client", path=str(BIN)) or shutil.which(
    "openapi-python-client")
CONFERENCE = "2021-06-04-civil-military-conference"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if GENERATOR is None:
        pytest.skip("openapi-python-client is not installed (pip install -e .[dev]); the "
                    "generated-client test did not run")
    root = tmp_path_factory.mktemp("client")
    with gunicorn(env={"TRANSLIT_MAX_BATCH": "3"}) as base:
        with urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=10) as r:
            (root / "openapi.json").write_bytes(r.read())
        env = {"PATH": f"{BIN}:/usr/bin:/bin"}  # the generator formats with ruff
        done = subprocess.run([GENERATOR, "generate", "--path", "openapi.json", "--output-path",
                               "mlo_client", "--meta", "none"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        # Only the text bodies (text/plain, text/html) are beyond this generator: JSON is all.
        warnings = [line for line in done.stdout.splitlines() if line.startswith("Unsupported")
                    or line.startswith("Unable") or line.startswith("Cannot")]
        assert set(warnings) <= {"Unsupported content type text/plain",
                                 "Unsupported content type text/html"}, done.stdout[-3000:]
        sys.path.insert(0, str(root))
        try:
            client = importlib.import_module("mlo_client")
            yield client, client.Client(base_url=base, raise_on_unexpected_status=True)
        finally:
            sys.path.remove(str(root))
            for name in [m for m in sys.modules if m == "mlo_client" or
                         m.startswith("mlo_client.")]:
                del sys.modules[name]


def test_operations_have_their_names(generated: Any) -> None:
    package, _ = generated
    api = Path(package.__file__).parent / "api"
    found = {(p.parent.name, p.stem) for p in api.glob("*/*.py") if p.stem != "__init__"}
    assert {("transliteration", "transliterate"), ("transliteration", "transliterate_query"),
            ("transliteration", "detect_script"), ("articles", "list_articles"),
            ("articles", "get_article"), ("site", "get_catalog"), ("site", "get_switcher"),
            ("service", "get_readiness")} <= found


def test_the_generated_client_transliterates(generated: Any) -> None:
    _, client = generated
    api = importlib.import_module("mlo_client.api.transliteration")
    models = importlib.import_module("mlo_client.models")
    transliterate = importlib.import_module("mlo_client.api.transliteration.transliterate")
    query = importlib.import_module("mlo_client.api.transliteration.transliterate_query")
    detect = importlib.import_module("mlo_client.api.transliteration.detect_script")
    assert api is not None
    one = transliterate.sync(client=client, body=models.TransliterateTextRequest(
        text="Ljubav i nadživeti", to=models.TransliterateTextRequestTo.SR_CYRL))
    assert one.text == "Љубав и надживети" and one.to.value == "cyrl"
    batch = transliterate.sync(client=client, body=models.TransliterateBatchRequest(
        texts=["Вести", "КЉУЧ"], to=models.TransliterateBatchRequestTo.LATN))
    assert batch.texts == ["Vesti", "KLJUČ"]
    restored = transliterate.sync(client=client, body=models.TransliterateTextRequest(
        text="sta radis", to=models.TransliterateTextRequestTo.LATN, restore_diacritics=True))
    assert restored.text == "šta radiš"
    assert query.sync(client=client, text="Beograd").text == "Београд"
    verdicts = detect.sync(client=client, body=models.DetectBatchRequest(texts=["Београд",
                                                                              "Hello"]))
    assert [v.script.value for v in verdicts.results] == ["cyrl", "none"]
    too_many = transliterate.sync_detailed(client=client, body=models.TransliterateBatchRequest(
        texts=["a"] * 4))
    assert too_many.status_code == 413
    assert too_many.parsed.error.code == models.ErrorErrorCode.BATCH_TOO_LARGE


def test_the_generated_client_reads_articles_and_catalogs(generated: Any) -> None:
    _, client = generated
    listing = importlib.import_module("mlo_client.api.articles.list_articles")
    article = importlib.import_module("mlo_client.api.articles.get_article")
    catalog = importlib.import_module("mlo_client.api.site.get_catalog")
    switcher = importlib.import_module("mlo_client.api.site.get_switcher")
    page = listing.sync(client=client, lang="sr-Latn", per_page=2)
    assert page.per_page == 2 and len(page.articles) == 2 and page.total >= 3
    one = article.sync_detailed(client=client, article_id=CONFERENCE, lang="sr-Cyrl")
    assert one.parsed.title.startswith("Конференција")
    assert float(one.headers["x-translation-completeness"]) == one.parsed.completeness
    missing = article.sync_detailed(client=client, article_id="no-such-article")
    assert missing.status_code == 404 and missing.parsed.error.code.value == "not_found"
    latin = catalog.sync(client=client, name="sr@latin")
    assert latin.locale.value == "sr_Latn" and "Search our content" in latin.messages.to_dict()
    links = switcher.sync(client=client, path="/news/x", lang="sr-Cyrl")
    assert links.lang.value == "sr-Cyrl" and "Ћир." in links.html
