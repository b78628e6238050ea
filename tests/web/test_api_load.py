"""A small load on `cronica serve` from this process: every request answers 200."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the bench package at the project root

from bench.api_load import default_paths, run_load, running_server  # noqa: E402 - needs the path above


@pytest.mark.parametrize("clients,requests", [(10, 5)])
def test_api_load_small_has_no_errors(chronicle_db, clients, requests):
    with running_server(chronicle_db) as base:
        summary = run_load(base, clients=clients, requests=requests, paths=default_paths(chronicle_db))
    assert summary["requests"] == clients * requests
    assert summary["errors"] == 0
