"""Web fixtures: an application over the chronicle store, and a test client."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def web_options(chronicle_db):
    """Settings of a web app over a copy-free read of the chronicle store, writes on."""
    from cronica.settings import load_options
    return load_options(environ={}, overrides={"db_path": str(chronicle_db), "api_token": "s3cret-token",
                                               "api_max_page_size": 2, "api_max_body_bytes": 100_000})


@pytest.fixture(scope="session")
def client(web_options):
    """A TestClient over the application."""
    from fastapi.testclient import TestClient
    from cronica.web.app import make_app
    return TestClient(make_app(web_options))
