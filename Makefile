# Coalition Tracker — the two commands are `make run` and `make test`; both install first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Any Python >= 3.12 from PATH or pyenv; uv builds .venv with it (uv never downloads Python here).
PYTHON_FOR_VENV := $(shell for p in python3.12 python3.13 python3.14 $$HOME/.pyenv/versions/3.1[234]*/bin/python3 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
UV_VERSION := 0.13.9
UV := .tools/bin/uv
PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never

.PHONY: help install run test lint bench docker-config clean

help:
	@echo "make run    - install, start the whole stack (embedded PostgreSQL + Redis unless DATABASE_URL/REDIS_URL)"
	@echo "make test   - install, lint, run the whole test suite on real PostgreSQL, Redis and a Celery worker"
	@echo "make bench  - ingest benchmark (BENCH_ARTICLES=1000)"

$(UV):
	@test -n "$(PYTHON_FOR_VENV)" || { echo "Python >= 3.12 is needed (looked in PATH and pyenv)." >&2; exit 1; }
	python3 -m venv .tools 2>/dev/null || $(PYTHON_FOR_VENV) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python "$(PYTHON_FOR_VENV)"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: .venv/.installed

run: install
	$(PY) manage.py runstack

lint: install
	.venv/bin/ruff check .
	.venv/bin/lint-imports

test: install node_modules/.installed lint
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install
	EMBEDDED_DIR=$(CURDIR)/.embedded-bench $(PY) manage.py migrate --verbosity 0
	EMBEDDED_DIR=$(CURDIR)/.embedded-bench $(PY) manage.py bench_extract --articles $${BENCH_EXTRACT_ARTICLES:-10000}
	EMBEDDED_DIR=$(CURDIR)/.embedded-bench $(PY) manage.py bench_ingest --articles $${BENCH_ARTICLES:-1000}

clean:
	rm -rf .venv .tools .embedded-test .embedded-bench node_modules
