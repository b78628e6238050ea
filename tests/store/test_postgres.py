"""The PostgreSQL store against a real server: loading, idempotence, search, and parity with SQLite.

The server comes from CRONICA_TEST_PG (a DSN) when set, else from `.ci/start-postgres.sh`
(a throwaway cluster on 127.0.0.1). Without a server the tests skip, except under CI
(CI=true), where they fail.
"""
import json
import os
import re
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEWS_IDS = ("es-fnc-1a8324332adb", "es-fnc-46879b67f620", "es-fnc-3cbe664cb16b",
            "en-abp-1SKK278vQwiVPyzi", "en-abp-05sS4O0Wg1HXC0qL", "en-abp-06gcWQ2Cz7bo6Rby")
TABLES = ("documents", "entities", "doc_entities", "entity_aliases", "events", "event_entities",
          "quantities", "times", "flags", "stories", "duplicates")


def _unavailable(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_server():
    """The DSN of a PostgreSQL server to test against (started here when none is given)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'cronica[postgres]')")
    if os.environ.get("CRONICA_TEST_PG"):
        yield os.environ["CRONICA_TEST_PG"]
        return
    script = ROOT / ".ci" / "start-postgres.sh"
    try:
        done = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=180, check=True)
    except (OSError, subprocess.SubprocessError) as e:
        _unavailable(f"no PostgreSQL server: set CRONICA_TEST_PG or let {script.name} start one ({e})")
    found = dict(re.findall(r"export (\w+)=(\S+)", done.stdout))
    yield found["CRONICA_TEST_PG"]
    subprocess.run(["bash", str(script), "--stop", found["CRONICA_TEST_PG_DIR"]], capture_output=True, timeout=60)


@pytest.fixture
def pg_dsn(pg_server):
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg
    name = "cronica_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield urlsplit(pg_server)._replace(path=f"/{name}").geturl()
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def records(news_records, pipeline):
    """Contract records of six real articles, extracted once."""
    from cronica.ingest.readers import article_from_record
    from cronica.model import to_record
    from cronica.settings import load_options
    options = load_options(environ={})
    return [to_record(pipeline(article_from_record(news_records[i], i, options))) for i in NEWS_IDS]


def _load(dsn, records):
    from cronica.store.pg_load import write_records
    from cronica.store.postgres import open_pg_store
    with open_pg_store(dsn) as pg:
        return dict(write_records(pg, records))


def _counts(conn, tables=TABLES):
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("runs", [2])
def test_postgres_load_is_idempotent(pg_dsn, records, runs):
    from cronica.store.postgres import connect
    first = _load(pg_dsn, records)
    with connect(pg_dsn) as pg:
        before = _counts(pg)
    again = [_load(pg_dsn, records) for _ in range(runs - 1)]
    with connect(pg_dsn) as pg:
        assert _counts(pg) == before
    assert first == {"added": len(records)}
    assert again == [{"unchanged": len(records)}] * (runs - 1)


@pytest.mark.parametrize("field, value", [("title", "Titular corregido por la redacción")])
def test_postgres_changed_record_replaces_old_version(pg_dsn, records, field, value):
    from cronica.store.postgres import connect, read_record
    _load(pg_dsn, records)
    changed = {**records[0], field: value}
    assert _load(pg_dsn, [changed]) == {"replaced": 1}
    with connect(pg_dsn) as pg:
        assert read_record(pg, changed["id"])[field] == value
        assert _counts(pg, ["documents"])["documents"] == len(records)
        events = pg.execute("SELECT COUNT(*) FROM events e JOIN documents d ON d.doc_rowid = e.doc_rowid"
                            " WHERE d.id = ?", (changed["id"],)).fetchone()[0]
    assert events == len({e["id"] for e in changed["events"] if e.get("type")})


@pytest.fixture
def both_stores(pg_dsn, records, tmp_path):
    """The same records in the embedded SQLite store and in PostgreSQL."""
    from cronica.store.sqlite import open_store
    from cronica.store.postgres import connect
    store = open_store(tmp_path / "cronica.db")
    for record in records:
        store.add_record(record)
    _load(pg_dsn, records)
    pg = connect(pg_dsn)
    yield store.conn, pg
    store.close()
    pg.close()


@pytest.mark.parametrize("table", TABLES)
def test_postgres_tables_match_sqlite_store(both_stores, table):
    lite, pg = both_stores
    assert _counts(pg, [table]) == _counts(lite, [table])


@pytest.mark.parametrize("column", ["key, name, type, country, n_docs"])
def test_postgres_entities_match_sqlite_store(both_stores, column):
    lite, pg = both_stores
    sql = f"SELECT {column} FROM entities ORDER BY key"
    assert [tuple(r) for r in pg.execute(sql)] == [tuple(r) for r in lite.execute(sql)]


def _story_view(result):
    return [(s["type"], s["sort_date"], sorted(a["key"] for a in s["actors"]),
             sorted(e["document"] for e in s["evidence"])) for s in result["stories"]]


@pytest.mark.parametrize("limit", [50])
def test_postgres_timeline_matches_sqlite_store(both_stores, limit):
    from cronica.query.timeline import timeline as lite_timeline
    from cronica.store.postgres import timeline
    lite, pg = both_stores
    keys = [r[0] for r in lite.execute("SELECT key FROM event_entities GROUP BY key ORDER BY COUNT(*) DESC, key"
                                       " LIMIT 3")]
    for key in keys:
        assert _story_view(timeline(pg, entity=key, limit=limit)) == \
            _story_view(lite_timeline(lite, entity=key, limit=limit))
    assert _story_view(timeline(pg, limit=limit)) == _story_view(lite_timeline(lite, limit=limit))


@pytest.mark.parametrize("fields", [("document", "min", "max", "unit", "event_type")])
def test_postgres_figures_match_sqlite_store(both_stores, fields):
    from cronica.query.figures import figures as lite_figures
    from cronica.store.postgres import figures
    lite, pg = both_stores
    found = figures(pg, limit=500)
    assert found["total"] == lite_figures(lite, limit=500)["total"] > 0
    assert [tuple(f[k] for k in fields) for f in found["figures"]] == \
        [tuple(f[k] for k in fields) for f in lite_figures(lite, limit=500)["figures"]]


@pytest.mark.parametrize("fields", [("name", "type", "country", "n_docs", "n_events")])
def test_postgres_entity_profile_matches_sqlite_store(both_stores, fields):
    from cronica.query.entity import entity_profile as lite_profile
    from cronica.store.postgres import entity_profile, resolve_entity
    lite, pg = both_stores
    key = lite.execute("SELECT key FROM entities ORDER BY n_docs DESC, key LIMIT 1").fetchone()[0]
    name = lite.execute("SELECT name FROM entities WHERE key = ?", (key,)).fetchone()[0]
    assert key in resolve_entity(pg, name)
    mine, theirs = entity_profile(pg, key), lite_profile(lite, key)
    assert {k: mine[k] for k in fields} == {k: theirs[k] for k in fields}
    assert sorted(mine["aliases"]) == sorted(theirs["aliases"])
    assert sorted(d["id"] for d in mine["documents"]) == sorted(d["id"] for d in theirs["documents"])


@pytest.mark.parametrize("lang, text, query", [
    ("es", "Los maestros de la capital firmaron cinco convenios con la universidad.", "maestro convenio"),
    ("en", "Thousands of workers protested outside the ministry on Tuesday.", "worker protests"),
])
def test_postgres_search_stems_by_document_language(pg_dsn, lang, text, query):
    from cronica.store.postgres import connect, search_documents
    record = {"schema": "cronica.document/1", "id": f"inline-{lang}", "title": None, "lang": lang,
              "text": text, "entities": [], "events": [], "quantities": [], "times": [], "flags": []}
    _load(pg_dsn, [record])
    with connect(pg_dsn) as pg:
        found = search_documents(pg, query)
    assert found["all_words"] and [r["id"] for r in found["results"]] == [record["id"]]
    snippet, spans = found["results"][0]["snippet"], found["results"][0]["highlights"]
    assert spans and all(snippet[a:b].lower()[:4] in text.lower() for a, b in spans)


@pytest.mark.parametrize("copy_id", ["copia-en-otro-medio"])
def test_postgres_same_text_elsewhere_is_a_copy(pg_dsn, records, copy_id):
    from cronica.store.postgres import connect, document_view
    _load(pg_dsn, records)
    copy = {**records[0], "id": copy_id, "url": "https://example.org/copia", "source": "Otro medio"}
    assert _load(pg_dsn, [copy]) == {"duplicate": 1}
    assert _load(pg_dsn, [copy]) == {"duplicate": 1}
    with connect(pg_dsn) as pg:
        view = document_view(pg, records[0]["id"])
    assert [c["copy_id"] for c in view["copies"]] == [copy_id]


@pytest.mark.parametrize("bad_line", ["{not json"])
def test_postgres_load_cli_reads_batch_output(pg_dsn, records, tmp_path, capsys, bad_line):
    from cronica.cli import main
    (tmp_path / "records").mkdir()
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + [bad_line]
    (tmp_path / "records" / "news.jsonl-0123456789.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["load", str(tmp_path), "--db", pg_dsn]) == 1
    err = capsys.readouterr().err
    assert f"{len(records)} added" in err and "1 failed" in err
    assert main(["load", str(tmp_path), "--db", pg_dsn]) == 1
    assert f"{len(records)} unchanged" in capsys.readouterr().err


@pytest.fixture
def pg_client(pg_dsn, records):
    """The web application serving a PostgreSQL store (writes on, with a token)."""
    from fastapi.testclient import TestClient
    from cronica.settings import load_options
    from cronica.web.app import make_app
    _load(pg_dsn, records)
    options = load_options(environ={}, overrides={"db_path": pg_dsn, "api_token": "pg-token"})
    return TestClient(make_app(options))


@pytest.mark.parametrize("path, field", [("/api/timeline", "stories"), ("/api/figures", "figures")])
def test_postgres_serve_answers_api(pg_client, records, path, field):
    response = pg_client.get(path)
    assert response.status_code == 200 and response.json()["ok"] and response.json()[field]


@pytest.mark.parametrize("index", [0, 3])
def test_postgres_serve_search_and_document(pg_client, records, index):
    record = records[index]
    word = max(re.findall(r"\w{6,}", record["title"]), key=len)
    found = pg_client.get("/api/search", params={"q": word}).json()
    assert record["id"] in [r["id"] for r in found["results"]]
    page = pg_client.get(f"/api/documents/{record['id']}").json()
    assert page["record"]["id"] == record["id"] and page["record"]["text"] == record["text"]


@pytest.mark.parametrize("doc_id", ["escrito-por-api"])
def test_postgres_serve_stores_posted_record(pg_client, records, doc_id):
    body = {**records[1], "id": doc_id, "text": records[1]["text"] + "\nActualizado."}
    response = pg_client.post("/api/documents", json=body, headers={"authorization": "Bearer pg-token"})
    assert response.status_code == 201 and response.json()["status"] == "added"
    assert pg_client.get(f"/api/documents/{doc_id}").json()["record"]["id"] == doc_id


def _cli_json(argv, capsys):
    from cronica.cli import main
    code = main(argv + ["--json"])
    return code, json.loads(capsys.readouterr().out)


# what each command's answer must share across the two stores (row ids and search ranks differ)
CLI_VIEWS = {
    "timeline": _story_view,
    "entity": lambda ps: [(p["key"], p["name"], p["country"], p["n_events"], sorted(p["aliases"])) for p in ps],
    "search": lambda r: sorted(d["id"] for d in r["results"]),
    "figures": lambda r: sorted(((f["document"], f["min"], f["max"], f["unit"]) for f in r["figures"]), key=str),
    "summary": lambda r: {k: sorted(map(tuple, v), key=str) if isinstance(v, list) else v
                          for k, v in r.items() if k != "examples"},
}


@pytest.mark.parametrize("command", [["timeline", "{key}"], ["entity", "{name}"], ["search", "{word}"],
                                     ["figures"], ["summary"]])
def test_postgres_cli_queries_match_sqlite_store(pg_dsn, records, tmp_path, capsys, command):
    from cronica.cli import main
    from cronica.store.sqlite import connect
    lite_db = str(tmp_path / "cronica.db")
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    (tmp_path / "records.jsonl").write_text(lines, encoding="utf-8")
    for db in (lite_db, pg_dsn):
        assert main(["ingest", "--records", str(tmp_path / "records.jsonl"), "--db", db]) == 0
    capsys.readouterr()
    with connect(lite_db) as lite:  # the busiest named actor of these articles
        key, name = lite.execute("SELECT l.key, e.name FROM event_entities l JOIN entities e ON e.key = l.key"
                                 " WHERE e.type IN ('GPE', 'PERSON', 'ORG') GROUP BY l.key, e.name"
                                 " ORDER BY COUNT(*) DESC, l.key LIMIT 1").fetchone()
    word = max(re.findall(r"\w{6,}", records[0]["title"]), key=len)
    command = [part.format(key=key, name=name, word=word) for part in command]
    lite_code, lite = _cli_json(command + ["--db", lite_db], capsys)
    pg_code, pg = _cli_json(command + ["--db", pg_dsn], capsys)
    view = CLI_VIEWS[command[0]]
    assert pg_code == lite_code == 0
    assert view(pg) == view(lite) and view(lite)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_postgres_cli_export_matches_sqlite_store(both_stores, pg_dsn, tmp_path, fmt):
    from cronica.cli import main
    from cronica.store.export import export_store
    lite, _ = both_stores
    assert main(["export", "--format", fmt, "--out", str(tmp_path / f"pg.{fmt}"), "--db", pg_dsn]) == 0
    assert export_store(lite, fmt, tmp_path / f"lite.{fmt}") > 0
    assert _exported(tmp_path / f"pg.{fmt}", fmt) == _exported(tmp_path / f"lite.{fmt}", fmt)


def _exported(path, fmt):
    """An export's rows, less the story ids each store numbers on its own."""
    if fmt == "jsonl":
        return path.read_text(encoding="utf-8").splitlines()
    if fmt == "csv":
        import csv
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    else:
        import pyarrow.parquet as pq
        rows = pq.read_table(path).to_pylist()
    return [{k: v for k, v in row.items() if k != "story_id"} for row in rows]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_postgres_event_roles_take_the_country_the_store_knows(pg_dsn, known_country_records, order):
    from cronica.store.postgres import connect
    key = next(e["key"] for e in known_country_records[1]["entities"] if e["type"] == "PERSON")
    for n in order:  # one load each: the second learns from, or teaches, the first
        _load(pg_dsn, [known_country_records[n]])
    with connect(pg_dsn) as pg:
        rows = pg.execute("SELECT d.id, l.country FROM event_entities l JOIN documents d ON d.doc_rowid = l.doc_rowid"
                          " WHERE l.key = ? AND l.role = 'actor'", (key,)).fetchall()
    assert {(r[0], r[1]) for r in rows} == {("es-molano-despliegue", "COL"), ("es-molano-visita", "COL")}
