# Two commands on a fresh machine:
#   make demo   set up .venv and check a bundled sample resume against the bundled role set
#   make test   set up .venv (with test extras) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-app

demo: $(VENV)/.installed-app
	$(BIN)/resume-checker check samples/strong_fit.pdf --set neural-network-architect

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet ruff mypy types-PyYAML
	$(BIN)/ruff check resume_checker tests benchmarks samples
	$(BIN)/mypy resume_checker

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_core.py

fuzz: $(VENV)/.installed-test
	$(BIN)/python tests/fuzz_parsers.py --seconds $${FUZZ_SECONDS:-600} --out fuzz-findings

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
