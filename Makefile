# translit-service: `make run` serves the API on 127.0.0.1:8000, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

LOCK   := requirements/dev.lock
LATEST := .venv-latest

.PHONY: install lock run cluster cluster-stop test test-latest fuzz lint bench bench-http soak \
        catalogs catalogs-ci examples clean

# The exact versions of requirements/dev.lock (hashes checked), then the package itself,
# editable, built with the locked setuptools: every machine gets the same packages.
install: $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	PYTHONWARNINGS=ignore $(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Refresh the lock files from pyproject.toml's ranges (the newest versions they allow), then
# run `make test` before committing them.
lock: install
	$(BIN)/pip install --quiet 'uv>=0.5'
	$(BIN)/uv pip compile --quiet --upgrade --universal --python-version 3.11 --generate-hashes \
	  pyproject.toml requirements/build.in --extra dev -o requirements/dev.lock
	$(BIN)/uv pip compile --quiet --upgrade --universal --python-version 3.11 --generate-hashes \
	  pyproject.toml requirements/build.in -o requirements/runtime.lock

# gunicorn prints the address it listens at, once ("Listening at: http://127.0.0.1:8000").
run: install
	@$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# N instances (INSTANCES=2) behind Debian's nginx on 127.0.0.1:$TRANSLIT_CLUSTER_PORT (8080).
INSTANCES ?= 2
cluster: install
	$(BIN)/python deploy/cluster.py --instances $(INSTANCES)

cluster-stop:
	$(BIN)/python deploy/cluster.py --stop

test: install
	$(BIN)/pytest

# The suite against the newest versions pyproject.toml allows (no lock), in its own venv:
# what a library user installing the package today gets.
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/pip install --quiet --upgrade pip
	$(LATEST)/bin/pip install --quiet --upgrade -e '.[dev]'
	$(LATEST)/bin/pip list --format=freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/pytest

# Property tests with fresh random examples, many of them (CI runs a derandomized profile).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_properties.py tests/test_fuzz.py -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install
	$(BIN)/python -m benchmarks.bench_first_sight
	$(BIN)/python -m benchmarks.bench_engine
	$(BIN)/python -m benchmarks.eval_catalogs --split heldout
	$(BIN)/python -m benchmarks.eval_diacritics --split heldout
	$(BIN)/python -m benchmarks.bench_articles
	$(BIN)/python -m benchmarks.bench_convert
	$(BIN)/python -m benchmarks.bench_catalogs

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
	rm -rf $(VENV) $(LATEST) .hypothesis .mypy_cache .ruff_cache *.egg-info
