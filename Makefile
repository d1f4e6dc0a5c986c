# Avoin developer interface. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# Local settings for `make run`: links in emails point at the port the portal is served on.
LOCAL := DEBUG=on SITE_URL=http://127.0.0.1:$(PORT)

.PHONY: run test fuzz lint format migrations-check seed messages lock bench bench-round-send clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.lock requirements-dev.lock
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-virtualenv -r requirements-dev.lock
	touch $(STAMP)

## run: set everything up on SQLite and serve http://127.0.0.1:$(PORT), with the mail worker
# The mail worker runs in the background beside the server and stops with it (Ctrl-C); emails
# are printed in this console. Restart `make run` after changing code that sends mail.
run: $(STAMP) .env
	$(LOCAL) $(BIN)/python manage.py migrate --no-input
	$(LOCAL) $(BIN)/python manage.py load_reference_data
	$(LOCAL) $(BIN)/python manage.py seed_demo
	$(LOCAL) $(BIN)/python manage.py db_worker --queue-name mail --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; \
	$(LOCAL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Local settings for manage.py commands typed by hand; never used in production.
.env:
	printf '# Local development only (written by make run).\nDEBUG=on\n' > .env

## test: lint, migrations check and the whole pytest suite (browser tests included)
# The suite runs in TEST_WORKERS processes (pytest-xdist, docs/adr/0045); each has its own test
# database and, for the browser tests, its own server. TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
test: $(STAMP) lint migrations-check
	DEBUG=on $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

## fuzz: every form under 1 000 generated submissions of each kind (Hypothesis; a long run)
# `make test` runs the same tests with a quick profile of a few examples (docs/adr/0034).
fuzz: $(STAMP)
	DEBUG=on HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/fuzz $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(STAMP)
	DEBUG=on $(BIN)/python manage.py makemigrations --check --dry-run

seed: $(STAMP)
	DEBUG=on $(BIN)/python manage.py load_reference_data
	DEBUG=on $(BIN)/python manage.py seed_demo

## bench: every page at 1x and 10x the national volume on PostgreSQL under gunicorn, against a
## bare Django view (docs/performance.md); results in bench/results-DATE.txt
bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk (Debian package)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi; }
	$(BIN)/python bench/run_pages.py

## bench-round-send: how long sending a round to 500 organisations takes (SQLite; DATABASE_URL for PostgreSQL)
bench-round-send: $(STAMP)
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/round_send.py

## messages: refresh the translation catalogues and compile them (needs gettext)
messages: $(STAMP)
	DEBUG=on $(BIN)/python manage.py makemessages --locale fi --locale sv --locale en --no-obsolete --no-wrap --ignore=.venv --ignore=staticfiles
	DEBUG=on $(BIN)/python manage.py compilemessages --ignore=.venv

## lock: re-resolve the pinned dependencies from pyproject.toml (runtime, then development)
lock:
	rm -rf /tmp/avoin-lock && $(PYTHON) -m venv /tmp/avoin-lock
	/tmp/avoin-lock/bin/pip install --quiet --upgrade pip
	/tmp/avoin-lock/bin/pip install --quiet .
	/tmp/avoin-lock/bin/pip freeze --exclude-editable | grep -v '^avoin' > requirements.lock
	/tmp/avoin-lock/bin/pip install --quiet ".[dev]"
	{ echo "-r requirements.lock"; /tmp/avoin-lock/bin/pip freeze --exclude-editable \
	  | grep -v '^avoin' | grep -vxFf requirements.lock; } > requirements-dev.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
