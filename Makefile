# leernet: the commands users and checks rely on (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
export HOST PORT

.PHONY: run test demo bench install translations lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

translations: $(VENV)/.installed
	$(BIN)/pybabel -q compile -d leernet/translations

run: install translations
	$(FLASK) leernet check-host
	$(FLASK) db upgrade
	$(FLASK) leernet setup-link
	PYTHONOPTIMIZE=2 $(BIN)/gunicorn -c gunicorn.conf.py app:app

test: $(VENV)/.dev-installed translations
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

demo: install translations
	$(FLASK) db upgrade
	$(FLASK) leernet demo

bench: $(VENV)/.dev-installed translations
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install -y wrk"; exit 1; }
	$(BIN)/python -m bench.run

# For developers: refresh the message catalogues after changing user-facing text.
messages: install
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -o leernet/translations/messages.pot .
	$(BIN)/pybabel -q update -i leernet/translations/messages.pot -d leernet/translations --no-fuzzy-matching
	msgen -o leernet/translations/en/LC_MESSAGES/messages.po leernet/translations/en/LC_MESSAGES/messages.po
