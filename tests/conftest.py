"""Fixtures shared by every test. Inputs come from ../shared/data, never copied."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CRONICA_SHARED", ROOT.parent / "shared"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from current output and show the diff")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder (../shared/data); skips when it is not there."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def shared_root() -> Path:
    """The shared folder itself (examples/, score/, data/)."""
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def news_records(shared_data):
    """Real news records by id, from es.jsonl and en.jsonl."""
    records = {}
    for name in ("es.jsonl", "en.jsonl"):
        with open(shared_data / "news" / name, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                records[r["id"]] = r
    return records


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline, built once (loading models is slow)."""
    from cronica.pipeline import Pipeline
    from cronica.settings import load_options
    return Pipeline(options=load_options(environ={}))


@pytest.fixture(scope="session")
def options():
    from cronica.settings import load_options
    return load_options(environ={})
