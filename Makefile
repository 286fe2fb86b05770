# Two commands for a new machine (Debian, as root or with sudo):
#   make handbook   install everything and build the handbook into site/
#   make test       install everything and run every test
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# command:package pairs installed with apt-get when the command is missing
SYSTEM_TOOLS := dot:graphviz chromium:chromium chromedriver:chromium-driver node:nodejs npm:npm
# libraries installed with apt-get when dpkg does not have them: Voikko, the Finnish morphology of the
# search (generator/morphology.py; the Python binding is PyPI's libvoikko, in pyproject.toml)
SYSTEM_LIBRARIES := libvoikko1 voikko-fi

.PHONY: handbook test serve check install system python node lint clean

handbook: install
	$(BIN)/handbook check
	$(BIN)/handbook build

test: install
	$(BIN)/ruff check generator tests bench
	$(BIN)/pytest -n auto --dist loadfile; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo 'pytest collected no tests' >&2; exit 1; fi; exit $$rc

serve: install
	$(BIN)/handbook serve

check: install
	$(BIN)/handbook check

install: system python node

system:
	@missing=""; \
	for pair in $(SYSTEM_TOOLS); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; \
	done; \
	for package in $(SYSTEM_LIBRARIES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$package"; \
	done; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

python: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

node: node_modules/.installed

node_modules/.installed: package.json
	@if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; \
	else npm install --no-audit --no-fund --silent; fi
	touch $@

lint: install
	$(BIN)/ruff check generator tests bench

clean:
	rm -rf build .site-builds site .pytest_cache test-artifacts
