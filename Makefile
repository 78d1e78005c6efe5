# The two commands of the README:
#   make        set everything up (a virtualenv in .venv) and build the site from seeds/ into site/
#   make test   run the test suite
PYTHON ?= python3
# What builds the site: mkdocs (MkDocs 1.6.1 + Material 9), properdocs, mkdocs-ng or zensical. Another
# engine gets a virtualenv of its own, .venv-ENGINE (README, "When Material for MkDocs 9 ends"): the one
# place .ci/run, the bench and the tests look for it too (`make clean` leaves it, as it leaves .venv).
ENGINE ?= mkdocs
VENV ?= $(if $(filter mkdocs,$(ENGINE)),.venv,.venv-$(ENGINE))
BIN := $(VENV)/bin
ARGS ?=
ENGINE_ARGS := $(if $(filter mkdocs,$(ENGINE)),,--engine $(ENGINE))

.PHONY: site test docs serve clean
site: $(VENV)/.installed
	$(BIN)/briefings build $(ENGINE_ARGS) $(ARGS)

docs: $(VENV)/.installed
	$(BIN)/briefings generate $(ARGS)

serve: $(VENV)/.installed
	$(BIN)/briefings serve $(ENGINE_ARGS) $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest $(ARGS)

$(VENV)/.installed-engine: requirements-$(ENGINE).lock pyproject.toml
	.ci/install-engine $(ENGINE) $(VENV) $(PYTHON)
	touch $@ $(VENV)/.installed

ifneq ($(ENGINE),mkdocs)
$(VENV)/.installed: $(VENV)/.installed-engine
else
$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "error: $(PYTHON) is Python $$($(PYTHON) -c 'import platform; print(platform.python_version())'); Material for MkDocs 9.8 needs Python 3.11 or later: run make PYTHON=python3.11 (or newer)" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@
endif

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	touch $@

clean:
	rm -rf site .docs.* .site.* .briefings-cache .cache docs/index.md docs/briefings docs/topics docs/people docs/archive docs/stories docs/.generated.json
