# Two commands do everything on a fresh machine with Python 3.11 and pip:
#   make run   - create .venv, install akhbar, run the pipeline on data/samples, print the summary
#   make test  - create .venv with the dev tools, lint, run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: run test lint serve bench bench-scale samples compile clean help

help:
	@echo "make run    - install and run the pipeline on the bundled samples"
	@echo "make test   - install dev tools, lint and run the tests"
	@echo "make serve  - start a local Prefect server and serve the scheduled deployments"
	@echo "make bench  - run the benchmarks (benchmarks/README.md)"
	@echo "make bench-scale - every extractor end to end at 10k and 100k pages, no-op rerun (docs/operations.md)"
	@echo "make samples - rebuild data/samples from ../shared (needs the shared datasets)"
	@echo "make compile - compile the organisation extractor again after editing it (setup.py)"

# The install compiles the organisation extractor with mypyc (setup.py, about 2 min; pure Python if it cannot).
$(VENV)/.run-installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

# the dev extras only: reinstalling the project itself would compile it a second time
$(VENV)/.dev-installed: pyproject.toml $(VENV)/.run-installed
	$(BIN)/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['dev']))" > $(VENV)/dev-requirements.txt
	$(BIN)/pip install -q -r $(VENV)/dev-requirements.txt
	touch $@

compile: $(VENV)/.run-installed
	$(BIN)/pip install -q --no-deps -e .

run: $(VENV)/.run-installed
	$(BIN)/akhbar run --input data/samples

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/mypy
	bash scripts/test_setup.sh
	$(BIN)/pytest -n 2 --dist loadfile

serve: $(VENV)/.run-installed
	$(BIN)/akhbar serve

bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_pipeline.py --pages 10000 100000

bench-scale: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_scale.py --pages 10000 100000

samples: $(VENV)/.run-installed
	$(BIN)/python scripts/build_samples.py

clean:
	rm -rf data/lake data/akhbar.duckdb data/reports
