# RoleFit: the commands in the README. Each one sets itself up on a fresh clone.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Runs a command with DATABASE_URL set, starting the embedded PostgreSQL when it is unset.
WITH_DB := $(BIN)/python -m scripts.embedded_db run --
MANAGE := $(BIN)/python manage.py
PREPARE_DB := $(MANAGE) prepare_database
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist); TEST_WORKERS=0 runs the suite in this one process.
# loadgroup keeps the modules tests/conftest.py groups (a served stack each) on one.
TEST_WORKERS ?= 2
BENCH_ARGS ?=

.PHONY: run test serve bench load install check-python lint format clean admin manage

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null || { \
	  echo "RoleFit needs Python 3.12 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)."; \
	  echo "Install Python 3.12+ (with pyenv: 'pyenv install 3.12', which .python-version then selects),"; \
	  echo "or point make at one: make PYTHON=/path/to/python3.12 <target>"; exit 1; }

# The pinned, hash-checked dependencies from the lock, then the project itself (editable,
# so code changes need no reinstall); pip check catches a pyproject.toml the lock lags.
$(INSTALLED): pyproject.toml requirements/dev.txt
	@$(MAKE) --no-print-directory check-python
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  echo "Removing $(VENV): it was made with an older Python."; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@$(BIN)/python -m pip check --disable-pip-version-check >/dev/null || { \
	  $(BIN)/python -m pip check --disable-pip-version-check; \
	  echo "requirements/ does not satisfy pyproject.toml: run 'make lock'."; exit 1; }
	@touch $@

install: $(INSTALLED)

# Rewrites the lock files from pyproject.toml, keeping every pin that still fits; with
# LOCK_ARGS=--upgrade (or --upgrade-package django) it moves pins to the newest releases.
# One lock serves Python 3.12+ on every platform (the image runs Debian's 3.13).
LOCK := $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.12 \
  --generate-hashes --custom-compile-command 'make lock' $(LOCK_ARGS)
LOCK_ARGS ?=
.PHONY: lock
lock:
	@[ -x $(BIN)/uv ] || $(MAKE) --no-print-directory install || [ -x $(BIN)/uv ]
	$(LOCK) -o requirements/runtime.txt
	$(LOCK) --extra dev --constraints requirements/runtime.txt -o requirements/dev.txt

run: $(INSTALLED)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(WITH_DB) bash -c '$(PREPARE_DB) && \
	  exec $(MANAGE) runserver 127.0.0.1:$(PORT)'

# An administrator account, asked for interactively (ADMIN_ARGS=--noinput reads the
# DJANGO_SUPERUSER_* variables instead), on the embedded or the configured database,
# in development mode like `make run` unless DJANGO_DEBUG says otherwise.
ADMIN_ARGS ?=
admin: $(INSTALLED)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(WITH_DB) bash -c '$(PREPARE_DB) -v0 && \
	  exec $(MANAGE) createsuperuser $(ADMIN_ARGS)'

# Any manage.py command on the same database: make manage ARGS="add_editor ada@example.com"
ARGS ?= help
manage: $(INSTALLED)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(WITH_DB) $(MANAGE) $(ARGS)

test: $(INSTALLED)
	@scripts/install-system-packages chromium-headless-shell nginx redis-server
	DJANGO_DEBUG=1 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret} \
	  $(WITH_DB) $(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# nginx on PORT in front of gunicorn on a Unix socket (scripts/serve.py); Ctrl-C stops both.
serve: $(INSTALLED)
	@scripts/install-system-packages nginx
	DJANGO_DEBUG=0 $(WITH_DB) bash -c '$(PREPARE_DB) && $(MANAGE) collectstatic --noinput -v0 && \
	  $(MANAGE) render_error_pages -v0 && exec $(BIN)/python -m scripts.serve --port $(PORT)'

# BASE=<git ref>: that build side by side with this one (scripts/bench_base.py).
BASE ?=
bench: $(INSTALLED)
	@scripts/install-system-packages wrk nginx
	$(WITH_DB) $(BIN)/python -m scripts.bench bench $(if $(BASE),--base $(BASE)) $(BENCH_ARGS)

load: $(INSTALLED)
	@scripts/install-system-packages wrk
	$(WITH_DB) $(BIN)/python -m scripts.bench load

# The Docker image, with docker or podman (scripts/image.py; docs/operations.md).
IMAGE ?= rolefit
.PHONY: image image-test
image: check-python
	$(PYTHON) scripts/image.py build --image $(IMAGE)

image-test: $(INSTALLED)
	$(WITH_DB) $(BIN)/python scripts/image.py test --image $(IMAGE)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	-$(BIN)/python -m scripts.embedded_db stop 2>/dev/null
	rm -rf $(VENV) .data staticfiles .bench tests/output
