# kglaw task runner. Every target sets up .venv first (python3 and pip are all a machine needs).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
OUT := out

.PHONY: setup demo test build validate golden lint bench clean browser

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

setup: $(STAMP)

build: setup
	$(BIN)/kglaw build

validate: setup
	$(BIN)/kglaw validate

demo: setup
	$(BIN)/kglaw build
	$(BIN)/kglaw validate
	$(BIN)/kglaw load
	$(BIN)/kglaw query measures-replaced-by-social-code
	$(BIN)/kglaw query acts-repealed-by
	$(BIN)/kglaw query amendment-lineage
	$(BIN)/kglaw query in-force-on --param date=2024-01-01
	mkdir -p $(OUT)
	$(BIN)/kglaw report lineage resolution/government/2019-05-28/326 --format html --out $(OUT)/lineage-326.html
	$(BIN)/kglaw report lineage resolution/government/2019-05-28/326 --format md --out $(OUT)/lineage-326.md
	$(BIN)/kglaw report plan resolution/government/2024-12-30/1143 --format html --out $(OUT)/plan-concept-2025-2030.html
	@echo "demo done: reports in $(OUT)/"

test: setup
	$(BIN)/python -m pytest

golden: setup
	$(BIN)/python tests/regen_golden.py

lint: setup
	$(BIN)/python -m pip install -q ruff==0.17.5 mypy==2.4.1
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) .kglaw $(OUT) .pytest_cache

# Quick benchmarks by default; `make bench BENCH_ARGS=--full` for 100k ingest, 10M queries, pySHACL on 1M.
bench: setup
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)
