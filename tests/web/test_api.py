"""HTTP API: read endpoints, pagination capped by the setting, OpenAPI, token-guarded writes."""
from __future__ import annotations

import re
import shutil

import pytest

TOKEN = {"Authorization": "Bearer s3cret-token"}


@pytest.fixture()
def write_client(web_options, chronicle_db, tmp_path, pipeline):
    """A client over a private copy of the store, so writes do not leak into other tests."""
    from fastapi.testclient import TestClient
    from cronica.web.app import make_app
    db = tmp_path / "w.db"
    shutil.copy(chronicle_db, db)
    app = make_app({**web_options, "db_path": str(db)})
    app.state.pipeline = pipeline
    return TestClient(app)


@pytest.mark.parametrize("url,field,expected", [
    ("/api/search?q=Kursk", "results", "es-lavrov-pyongyang"),
    ("/api/timeline?entity=Corea%20del%20Norte&type=MOBILIZE", "stories", "MOBILIZE"),
    ("/api/entity/Lavrov", "aliases", "Sergey Lavrov"),
    ("/api/entity/country:PRK", "co_actors", "country:RUS"),
    ("/api/figures?actor=PRK&target=RUS&unit=troops", "figures", "10,000 a 12,000 tropas"),
    ("/api/documents/es-lavrov-pyongyang", "record", "Lavrov"),
])
def test_api_read_endpoints(client, url, field, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert expected in str(response.json()[field])


@pytest.mark.parametrize("url,items", [("/api/search?q=Trump%20Putin&limit=50", "results"),
                                       ("/api/timeline?entity=Corea%20del%20Norte&limit=50", "stories")])
def test_api_limit_capped_by_setting(client, web_options, url, items):
    body = client.get(url).json()
    assert body["limit"] == web_options["api_max_page_size"]
    assert len(body[items]) <= web_options["api_max_page_size"]


@pytest.mark.parametrize("entity", ["Corea del Norte"])
def test_api_offset_walks_pages(client, entity):
    seen, offset = [], 0
    while offset is not None:
        body = client.get("/api/timeline", params={"entity": entity, "offset": offset}).json()
        seen += [s["sort_date"] for s in body["stories"]]
        offset = body["next_offset"]
    assert seen == sorted(seen) and len(seen) == body["total"] == 3


@pytest.mark.parametrize("path", ["/api/search", "/api/timeline", "/api/entity/{key}", "/api/figures",
                                  "/api/documents/{doc_id}", "/api/documents"])
def test_api_openapi_lists_endpoint(client, path):
    assert path in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("doc_id", ["es-lavrov-pyongyang"])
def test_api_post_record_stores_it_once(write_client, chronicle_records, doc_id):
    record = {**next(r for r in chronicle_records if r["id"] == doc_id), "id": "api-copy",
              "text": next(r for r in chronicle_records if r["id"] == doc_id)["text"] + " Fin."}
    first = write_client.post("/api/documents", json=record, headers=TOKEN)
    again = write_client.post("/api/documents", json=record, headers=TOKEN)
    assert (first.status_code, first.json()["status"]) == (201, "added")
    assert again.json()["status"] == "unchanged"
    assert write_client.get("/api/documents/api-copy").json()["record"]["text"].endswith("Fin.")


@pytest.mark.parametrize("text,published", [
    ("El ministro ruso Serguéi Lavrov visitó Pyongyang el viernes.", "2025-07-11")])
def test_api_post_text_is_extracted_and_stored(write_client, text, published):
    response = write_client.post("/api/documents", json={"id": "api-text", "text": text, "published": published,
                                                         "lang": "es"}, headers=TOKEN)
    assert response.status_code == 201
    record = write_client.get("/api/documents/api-text").json()["record"]
    assert record["text"] == text and record["published"] == published


def test_api_posted_article_page_marks_a_side_taken_from_the_story(write_client):
    # "La visita de Lavrov ..." names the visitor only: the host shown is the story's, and marked so
    text = ("El ministro de Relaciones Exteriores de Rusia, Sergey Lavrov, viajará a Corea del Norte para una "
            "visita de tres días a partir del viernes.\n\nLa visita de Lavrov sigue un viaje de junio por el alto "
            "funcionario de seguridad de Rusia, Sergei Shoigu, quien conoció al líder norcoreano Kim Jong Un.")
    response = write_client.post("/api/documents", json={"id": "api-parties", "text": text,
                                                         "published": "2025-07-09", "lang": "es"}, headers=TOKEN)
    assert response.status_code == 201
    html = write_client.get("/documents/api-parties").text
    marked = re.findall(r'<span class="inferred" title="([^"]+)">([^<]+)</span>', html)
    assert marked and all("story" in title for title, _ in marked), marked
