"""A minimal Flask app: the baseline for benchmarks/http_load.py."""

from flask import Flask, jsonify

app = Flask(__name__)


@app.post("/api/v1/transliterate")
def hello() -> object:
    return jsonify({"text": "hello", "from": "latn", "to": "cyrl"})
