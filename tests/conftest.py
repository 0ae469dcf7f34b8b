"""Fixtures in the Flask tutorial's shape: app, client, runner."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

import tests.profiles  # noqa: F401  (registers and loads the Hypothesis profile)
from translit_service.app import create_app


@pytest.fixture
def app() -> Flask:
    return create_app({"TESTING": True, "MAX_BATCH": 5, "MAX_CONTENT_LENGTH": 64 * 1024})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
