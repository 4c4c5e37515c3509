# Entry points used by the README and CI. Each target installs what it needs.
#   make serve   set up, then serve the site at http://127.0.0.1:8000 with live reload
#   make test    set up (and a Chromium if none is present), then run every test
#   make build   set up, then write the static site to site/
#   make bench   set up, then print the runtime's speed and size figures
#   make lint    ruff (lint + format check) on Python, ESLint and Prettier on the browser code
#   make dist    a wheel in dist/ that carries the plugin, the browser bundle and Pyodide
#   make soak    a long seeded session of learner actions that must lose nothing (SEED=1 N=300)
#   make lesson NAME=fractions   a new lesson page and its exercise spec, added to the nav
#   make format  rewrite the files as ruff format and Prettier want them
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

# The bundle, and Pyodide with the stdlib that these packages import compiled (web/stdlib/).
WEB_SOURCES := $(shell find web -type f) package.json $(shell find pysrc/coursekit pysrc/neuron -name '*.py')

.PHONY: serve build test bench soak dist lint format setup chromium clean lesson

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

test: setup chromium lint
	$(BIN)/python -m pytest

# Seconds, not minutes: `make test` runs it first.
lint: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx --no-install eslint .
	npx --no-install prettier --check web eslint.config.js

format: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	npx --no-install prettier --write web eslint.config.js

bench: setup chromium
	$(BIN)/python benchmarks/runtime.py
	$(BIN)/python benchmarks/stepper.py
	$(BIN)/python benchmarks/parsons.py

SEED ?= 1
N ?= 300
soak: setup chromium
	SOAK_SEED=$(SEED) SOAK_N=$(N) $(BIN)/python -m pytest tests/e2e/test_soak.py -p no:cacheprovider

# Refuses a name already taken; says what it wrote (python -m coursesite.new_lesson, in any site).
lesson: $(VENV)/.installed
	$(BIN)/python -m coursesite.new_lesson "$(NAME)"

setup: $(VENV)/.installed node_modules/.installed build/web/.built

$(VENV)/.installed: pyproject.toml
	scripts/ensure-system.sh python
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	scripts/ensure-system.sh node
	npm ci --no-audit --no-fund
	touch $@

build/web/.built: node_modules/.installed $(WEB_SOURCES)
	npm run build
	touch $@

chromium: $(VENV)/.installed
	scripts/ensure-system.sh chromium

# A teacher installs this one file: no npm, no Node on their machine.
STATIC := pysrc/coursesite/static
dist: setup
	rm -rf $(STATIC) dist build/lib
	mkdir -p $(STATIC)/web $(STATIC)/pyodide
	cp -r build/web/. $(STATIC)/web/
	cd build/pyodide && cp package.json pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip.gz pyodide-lock.json ../../$(STATIC)/pyodide/
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	rm -rf $(STATIC) build/lib
	@ls -l dist/*.whl

clean:
	rm -rf site build dist .pytest_cache $(STATIC)
