"""A minimal Flask app that echoes JSON: the baseline for benchmarks/http_load.py (the
issue's yardstick: "a minimal Flask app that echoes JSON", under the same gunicorn
settings)."""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/v1/transliterate")
def echo() -> object:
    return jsonify(request.get_json())
