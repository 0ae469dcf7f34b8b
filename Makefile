# translit-service: `make run` serves the API on 127.0.0.1:8000, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run cluster cluster-stop test lint bench bench-http soak catalogs catalogs-ci \
        examples clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# N instances (INSTANCES=2) behind Debian's nginx on 127.0.0.1:$TRANSLIT_CLUSTER_PORT (8080).
INSTANCES ?= 2
cluster: install
	$(BIN)/python deploy/cluster.py --instances $(INSTANCES)

cluster-stop:
	$(BIN)/python deploy/cluster.py --stop

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install
	$(BIN)/python -m benchmarks.bench_engine
	$(BIN)/python -m benchmarks.eval_catalogs --split heldout
	$(BIN)/python -m benchmarks.eval_diacritics --split heldout
	$(BIN)/python -m benchmarks.bench_articles
	$(BIN)/python -m benchmarks.bench_convert

bench-http: install
	$(BIN)/python -m benchmarks.http_load

soak: install
	$(BIN)/python -m benchmarks.soak

# After changing UI strings: extract, merge, derive sr_Cyrl, check, compile.  Untranslated
# strings are warnings here (the round goes on to compile); `make catalogs-ci` is the strict
# gate.  A round that changes nothing leaves every file as it was.
catalogs: install
	$(BIN)/translit catalogs extract
	$(BIN)/translit catalogs update
	$(BIN)/translit catalogs derive --from sr_Latn --to sr_Cyrl
	$(BIN)/translit catalogs check
	$(BIN)/translit catalogs compile

catalogs-ci: install
	$(BIN)/translit catalogs check --ci

examples: install
	$(BIN)/python ../shared/checks/examples.py

clean:
	rm -rf $(VENV) .hypothesis .mypy_cache .ruff_cache *.egg-info
