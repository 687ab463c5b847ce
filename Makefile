# Two commands on a fresh machine:
#   make run    set everything up and serve the site with a Celery worker and beat
#   make test   set everything up and run the whole suite (ruff, migrations check, pytest)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
LOCK := requirements/dev.lock

.PHONY: run test bench bench-volume lighthouse setup lint migrations-check lock clean

# The virtualenv is rebuilt whenever the lock file changes.
$(BIN)/.installed: $(LOCK)
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	@touch $@

# The site's Spanish words (locale/es/LC_MESSAGES/django.po) compiled with polib: no msgfmt needed.
setup: $(BIN)/.installed
	@mkdir -p var
	@$(BIN)/python -c "from website.catalogues import compile_stale; compile_stale()"

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runstack

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

migrations-check: setup
	DJANGO_SETTINGS_MODULE=website.settings.test $(MANAGE) makemigrations --check --dry-run

# The suite runs in one process per core (pytest-xdist; `make test TEST_PROCESSES=0` for one).
# `--dist load` hands each process its tests in collection order, so each still runs pytest-django's
# order: tests that roll back first, then the ones that commit (which leave the tables empty).
TEST_PROCESSES ?= auto

test: lint migrations-check
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist load

# Speed and resilience figures (not tests), on the demo site in production settings:
# pages under load with wrk (bench/run.py, writes var/bench.json), then the appointment form under
# a slow mail server and the 1,000-request drill with the broker stopped and a worker killed
# (bench/appointments.py), then the page cache's hit rate while an editor publishes (bench/editing.py).
bench: setup
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.appointments
	$(BIN)/python -m bench.editing

# The site five years on, on PostgreSQL (not in CI; VOLUME_DATABASE_URL, default a scratch
# database practice_bench_volume on 127.0.0.1:5432): 100,000 appointment requests, 2,000 articles,
# 300 handouts, 20 offices, 40 physicians (bench/volume.py, written under "volume" in var/bench.json).
bench-volume: setup
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python -m bench.volume

# Lighthouse's four scores for every public page type in both languages (bench/lighthouse.py:
# the npm package under var/tools/, Debian's Chromium). Not part of `make test`.
lighthouse: setup
	$(BIN)/python -m bench.lighthouse

# Re-resolve the pins after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --python-version 3.11 -o requirements/production.lock
	uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements/dev.lock

clean:
	rm -rf $(VENV) var
