"""Web pages: rendered on the server, each with a `.json` twin, charts, highlights, nothing remote."""
from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("page,expected", [
    ("/", "<form class=\"search\""),
    ("/search?q=tropas+Kursk", "<mark>"),
    ("/timeline?entity=Corea+del+Norte", "class=\"story\""),
    ("/entity/country:PRK", "Corea del Norte"),
    ("/documents/es-lavrov-pyongyang", "hl-evidence"),
    ("/figures?unit=troops&actor=PRK&target=RUS", "class=\"figure\""),
])
def test_pages_render(client, page, expected):
    response = client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert expected in response.text


@pytest.mark.parametrize("page,api", [
    ("/search.json?q=Kursk", "/api/search?q=Kursk"),
    ("/timeline.json?entity=Putin", "/api/timeline?entity=Putin"),
    ("/entity/Lavrov.json", "/api/entity/Lavrov"),
    ("/documents/es-lavrov-pyongyang.json", "/api/documents/es-lavrov-pyongyang"),
    ("/figures.json?unit=troops", "/api/figures?unit=troops"),
])
def test_pages_json_twin_matches_api(client, page, api):
    assert client.get(page).json() == client.get(api).json()


@pytest.mark.parametrize("page", ["/", "/timeline?entity=Putin", "/documents/es-lavrov-pyongyang",
                                  "/figures?unit=troops", "/entity/person:trump"])
def test_pages_load_nothing_remote(client, page):
    html = client.get(page).text
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html)


@pytest.mark.parametrize("doc_id,layers", [("es-lavrov-pyongyang", ["hl-ent", "hl-qty", "hl-evidence"])])
def test_pages_article_highlights_every_layer(client, doc_id, layers):
    html = client.get(f"/documents/{doc_id}").text
    for layer in layers:
        assert f"hl {layer}" in html or f"{layer} " in html


@pytest.mark.parametrize("query", ['<script>alert(1)</script>'])
def test_pages_escape_user_input(client, query):
    html = client.get("/search", params={"q": query}).text
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("name,kind", [("cronica.css", "text/css"), ("cronica.js", "text/javascript")])
def test_pages_static_files(client, name, kind):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and response.headers["content-type"].startswith(kind)


@pytest.mark.parametrize("url,shown", [("javascript:alert(1)", None),
                                       ("https://example.org/a", "https://example.org/a")])
def test_pages_only_web_links_from_records(url, shown):
    from cronica.web.filters import web_url
    assert web_url(url) == shown
