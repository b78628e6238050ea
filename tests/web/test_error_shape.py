"""Every error of the HTTP API has one shape: {ok: false, error, errors, status}."""
from __future__ import annotations

import pytest

SHAPE = {"ok", "error", "errors", "status"}
TOKEN = {"Authorization": "Bearer s3cret-token"}


@pytest.mark.parametrize("method,url,kwargs,status", [
    ("get", "/api/no-such-endpoint", {}, 404),
    ("get", "/api/documents/no-such-article", {}, 404),
    ("get", "/api/entity/person:nobody", {}, 404),
    ("get", "/documents/no-such-article.json", {}, 404),
    ("get", "/static/../app.py", {}, 404),
    ("get", "/static/%2e%2e%2fapp.py", {}, 404),
    ("get", "/api/search", {}, 422),
    ("get", "/api/search?q=Kursk&limit=0", {}, 422),
    ("get", "/api/search?q=Kursk&offset=-1", {}, 422),
    ("get", "/api/timeline?entity=Rusia&from=ayer", {}, 422),
    ("get", "/timeline.json?type=AID;DROP", {}, 422),
    ("delete", "/api/search?q=Kursk", {}, 405),
    ("post", "/api/documents", {"json": {"id": "x", "text": "Texto."}}, 401),
    ("post", "/api/documents", {"json": {"id": "x"}, "headers": {"Authorization": "Bearer wrong"}}, 401),
    ("post", "/api/documents", {"content": b"{not json", "headers": {**TOKEN, "Content-Type": "application/json"}},
     422),
    ("post", "/api/documents", {"json": {"schema": "cronica.document/1", "id": "x"}, "headers": TOKEN}, 422),
    ("post", "/api/documents", {"content": b"x" * 200_000, "headers": TOKEN}, 413),
])
def test_error_shape_is_the_same_for_every_error(client, method, url, kwargs, status):
    response = getattr(client, method)(url, **kwargs)
    body = response.json()
    assert response.status_code == status
    assert set(body) == SHAPE
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)


@pytest.mark.parametrize("url,field", [("/api/search?limit=abc&q=x", "query.limit"),
                                       ("/api/search", "query.q")])
def test_error_shape_validation_names_the_field(client, url, field):
    body = client.get(url).json()
    assert field in [e["field"] for e in body["errors"]]


@pytest.mark.parametrize("token", [""])
def test_error_shape_writes_off_without_token(web_options, token):
    from fastapi.testclient import TestClient
    from cronica.web.app import make_app
    client = TestClient(make_app({**web_options, "api_token": token}))
    response = client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert response.status_code == 403
    assert set(response.json()) == SHAPE


@pytest.mark.parametrize("url", ["/documents/no-such-article"])
def test_error_shape_html_page_shows_same_error(client, url):
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "no-such-article" in response.text and "<h1>Error 404</h1>" in response.text
