# The two set-up commands of README.md are `make demo` and `make test`.
# Both work from a fresh clone: they create .venv and install diurna into it.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= diurna.duckdb

.PHONY: install install-spark demo lint test test-fast golden bench bench-spark clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# The Spark engine's optional extra (pyspark; Java 17 is needed at run time).
install-spark: $(VENV)/.installed-spark

$(VENV)/.installed-spark: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,spark]"
	touch $@

# The main job on the bundled examples: ingest into the embedded DuckDB store, query it,
# and end with a short summary of the store (each output fits an 80-column terminal).
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/diurna ingest examples/ --db $(DEMO_DB) --published 2026-03-04
	$(BIN)/diurna events --db $(DEMO_DB) --limit 15
	$(BIN)/diurna quotes --db $(DEMO_DB) --limit 8
	$(BIN)/diurna stats --db $(DEMO_DB)

# ruff (pyflakes, pycodestyle errors, import order) and mypy (configured in pyproject.toml).
lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

# Lint, then the whole test suite, slow, data, browser and Spark tests included (what CI runs).
test: install install-spark
	$(MAKE) lint
	$(BIN)/python -m pytest -q

# Everything but the tests marked slow.
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

# Rewrite the golden files after an intended output change; review the diff.
golden: install
	$(BIN)/python -m pytest -q tests/test_examples.py --update-golden

bench: install
	$(BIN)/diurna bench ../shared/data/corpora/voa_stories.jsonl --report reports/bench-voa.json

# Spark local[1] vs local[2] on the VOA and BBC corpora (figures, not a pass/fail test).
bench-spark: install-spark
	$(BIN)/python benchmarks/spark_bench.py --report reports/bench-spark.json

clean:
	rm -rf $(VENV) .pytest_cache reports build *.egg-info src/*.egg-info
