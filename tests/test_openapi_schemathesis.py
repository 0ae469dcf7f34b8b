"""Schemathesis, a schema-driven tester, against the served OpenAPI document of the real
gunicorn server, with every check it has (``--checks all``: server errors, status codes,
content types, headers and bodies as documented, schema-violating requests refused, valid
ones accepted, unsupported methods 405…).  Bounded for CI: deterministic generation, a few
dozen examples an operation, one worker (CPython 3.11's ast module is not thread-safe for
the lambda descriptions Hypothesis makes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import gunicorn

pytestmark = pytest.mark.integration
BIN = Path(sys.executable).parent
SCHEMATHESIS = shutil.which("schemathesis", path=str(BIN)) or shutil.which("schemathesis")
CONFIG = Path(__file__).parent / "data" / "schemathesis.toml"


def test_schemathesis_finds_no_failure(tmp_path: Path) -> None:
    if SCHEMATHESIS is None:
        pytest.skip("schemathesis is not installed (pip install -e .[dev]); the schema-driven "
                    "test did not run")
    with gunicorn() as base:
        done = subprocess.run(
            [SCHEMATHESIS, "--config-file", str(CONFIG), "run", f"{base}/api/v1/openapi.json",
             "--checks", "all", "--max-examples", "25", "--generation-deterministic",
             "--workers", "1", "--no-color", "--request-timeout", "20"],
            cwd=tmp_path, capture_output=True, text=True, timeout=540)
    output = done.stdout + done.stderr
    summary = output[output.find("FAILURES"):] if "FAILURES" in output else output
    assert done.returncode == 0, summary[:6000]
    assert "No issues found" in output, summary[-3000:]
