"""/api/v1/catalogs/<locale>?format=jed read by Jed 1.x itself, under node (no glue code)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from flask.testing import FlaskClient

JED = Path(__file__).resolve().parent / "vendor" / "jed" / "jed.js"
NODE = shutil.which("node") or shutil.which("nodejs")

# What a front end does with the response: new Jed(body), then ngettext and pgettext.
SCRIPT = """
const Jed = require(process.argv[1]);
const body = JSON.parse(require("fs").readFileSync(0, "utf8"));
const i18n = new Jed(body);
const out = {};
for (const n of [1, 2, 5, 11, 21, 22]) {
  out[n] = i18n.sprintf(i18n.ngettext("%(num)d article", "%(num)d articles", n), {num: n});
}
out.month = i18n.pgettext("month", "May");
out.plain = i18n.gettext("Search our content");
out.missing = i18n.gettext("A string nobody translated");
process.stdout.write(JSON.stringify(out));
"""


def jed(body: bytes) -> dict[str, str]:
    if NODE is None:
        pytest.skip("node is not installed (apt-get install -y nodejs): the Jed test did not run")
    done = subprocess.run([NODE, "-e", SCRIPT, str(JED)], input=body, capture_output=True,
                          timeout=30, check=True)
    result: dict[str, str] = json.loads(done.stdout)
    return result


def test_jed_reads_serbian_plurals_and_contexts(client: FlaskClient) -> None:
    r = client.get("/api/v1/catalogs/sr-Cyrl?format=jed")
    assert r.status_code == 200
    out = jed(r.data)
    assert out == {
        "1": "1 чланак", "2": "2 чланка", "5": "5 чланака", "11": "11 чланака",
        "21": "21 чланак", "22": "22 чланка", "month": "мај",
        "plain": "Претражите наш садржај", "missing": "A string nobody translated",
    }
    latin = jed(client.get("/api/v1/catalogs/sr_Latn?format=jed").data)
    assert latin["21"] == "21 članak" and latin["month"] == "maj"


def test_the_jed_format_has_its_own_etag_and_unknown_formats_are_400(
        client: FlaskClient) -> None:
    plain, jed_form = (client.get(f"/api/v1/catalogs/en?format={f}") for f in ("json", "jed"))
    assert plain.headers["ETag"] != jed_form.headers["ETag"]
    body = jed_form.get_json()
    assert body["locale_data"]["messages"][""] == {
        "domain": "messages", "lang": "en", "plural_forms": "nplurals=2; plural=(n != 1);"}
    r = client.get("/api/v1/catalogs/en?format=po")
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "unknown_format"
