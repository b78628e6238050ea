"""The article page and its API twin show the same story in other languages."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def xlang_client(xlang_db):
    """A TestClient over the store of translations and their originals."""
    from fastapi.testclient import TestClient
    from cronica.settings import load_options
    from cronica.web.app import make_app
    return TestClient(make_app(load_options(environ={}, overrides={"db_path": str(xlang_db)})))


@pytest.mark.parametrize("pair", [0, 2], ids=["tillerson-fox", "hagel-cnn"])
def test_pages_languages_in_api(xlang_client, xlang_cases, pair):
    spanish, english = xlang_cases["pairs"][pair]
    data = xlang_client.get(f"/api/documents/{spanish}").json()
    assert [o["id"] for o in data["other_languages"]] == [english]


@pytest.mark.parametrize("pair", [0], ids=["tillerson-fox"])
def test_pages_languages_on_page(xlang_client, xlang_cases, pair):
    spanish, english = xlang_cases["pairs"][pair]
    html = xlang_client.get(f"/documents/{english}").text
    assert "same story in other languages" in html and f'href="/documents/{spanish}"' in html
