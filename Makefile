# kglaw task runner. Every target sets up .venv first (python3 and pip are all a machine needs).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
OUT := out

.PHONY: setup demo test build validate golden lint bench clean browser engines

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

# Real engines for the tests: Debian's chromium (tests/test_browser.py, driven by Playwright; never a
# downloaded browser) and Virtuoso (tests/test_remote.py). Without them those tests skip with a message.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
engines:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium virtuoso-opensource

browser: setup
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }
	@$(BIN)/python -c "import playwright" 2>/dev/null || $(BIN)/python -m pip install -q --disable-pip-version-check playwright==1.65.2
	$(BIN)/python -m pytest tests/test_browser.py
