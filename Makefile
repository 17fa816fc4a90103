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

.PHONY: help install run test lint bench messages docker-config clean

help:
	@echo "make run    - install, start the whole stack (embedded PostgreSQL + Redis unless DATABASE_URL/REDIS_URL)"
	@echo "make test   - install, lint, run the whole test suite on real PostgreSQL, Redis and a Celery worker"
	@echo "make bench  - extraction and ingest benchmarks (BENCH_ARTICLES=1000), then the pages at 100k synthetic"
	@echo "              events (BENCH_EVENTS=100000) and, with BENCH_EVENTS_1M=1, at 1,000,000"
	@echo "make messages - collect the UI's strings into locale/{ru,uk} and compile them (needs GNU gettext)"

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
	.venv/bin/mypy

test: install node_modules/.installed lint
	$(PY) -m pytest $(PYTEST_ARGS)

# apps.bench (the bench_* commands) is development-only: DEV_APPS=1 installs it even with DATABASE_URL set.
BENCH_ENV := DEV_APPS=1 EMBEDDED_DIR=$(CURDIR)/.embedded-bench

bench: install
	$(BENCH_ENV) $(PY) manage.py migrate --verbosity 0
	$(BENCH_ENV) $(PY) manage.py bench_extract --articles $${BENCH_EXTRACT_ARTICLES:-10000}
	$(BENCH_ENV) $(PY) manage.py bench_ingest --articles $${BENCH_ARTICLES:-1000}
	@# The pages at 100k synthetic events (and at 1M with BENCH_EVENTS_1M=1); wrk gives the load figure
	@# (installed here when missing and running as root; otherwise a small Python client stands in).
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -qq wrk >/dev/null 2>&1; } || echo "wrk is not installed: the load uses a Python client"
	$(BENCH_ENV) $(PY) manage.py generate_events 0 --clear
	$(BENCH_ENV) $(PY) manage.py bench_pages --events $${BENCH_EVENTS:-100000}
	@if [ -n "$${BENCH_EVENTS_1M}" ]; then \
		$(BENCH_ENV) $(PY) manage.py bench_pages --events 1000000; fi

# Translators edit locale/<lang>/LC_MESSAGES/django.po; the compiled .mo files are committed with them,
# so running the app needs no gettext tools (apps/core/tests/test_i18n.py checks the pair agrees).
messages: install
	$(PY) manage.py makemessages -l ru -l uk --no-obsolete --no-wrap --ignore=.venv --ignore=node_modules --ignore=staticfiles \
		--ignore=test-artifacts --ignore=tests
	$(PY) manage.py compilemessages -l ru -l uk --ignore=.venv --ignore=node_modules --ignore=staticfiles

clean:
	rm -rf .venv .tools .embedded-test .embedded-bench node_modules
