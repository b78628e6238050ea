"""Writing records: idempotent re-ingest, atomic replacement, copies, rejects."""
from __future__ import annotations

import copy

import pytest

from cronica.errors import InputError
from cronica.store.sqlite import open_store

COUNTED = ("documents", "documents_fts", "doc_entities", "entity_aliases", "entities", "events",
           "event_entities", "quantities", "stories")


def _counts(conn) -> dict:
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}


@pytest.mark.parametrize("times", [2, 3])
def test_records_reingest_changes_nothing(tmp_path, chronicle_records, times):
    with open_store(tmp_path / "c.db") as store:
        statuses = [[store.add_record(r) for r in chronicle_records] for _ in range(times)]
        assert set(statuses[0]) == {"added"}
        assert all(set(s) == {"unchanged"} for s in statuses[1:])
        assert _counts(store.conn)["documents"] == len(chronicle_records)


@pytest.mark.parametrize("doc_id", ["es-lavrov-pyongyang"])
def test_records_changed_article_replaces_old_version(tmp_path, chronicle_records, doc_id):
    with open_store(tmp_path / "c.db") as store:
        for record in chronicle_records:
            store.add_record(record)
        before = _counts(store.conn)
        changed = copy.deepcopy(next(r for r in chronicle_records if r["id"] == doc_id))
        dropped = changed["events"].pop()
        changed["quantities"] = [q for q in changed["quantities"] if q["id"] not in dropped["quantities"]]
        assert store.add_record(changed) == "replaced"
        after = _counts(store.conn)
        assert after["documents"] == before["documents"]
        assert after["events"] == before["events"] - 1
        assert after["quantities"] == before["quantities"] - len(dropped["quantities"])
        assert store.get_record(doc_id) == changed


@pytest.mark.parametrize("copy_id,source", [("es-lavrov-copy", "Yonhap")])
def test_records_same_text_elsewhere_is_a_copy(tmp_path, chronicle_records, copy_id, source):
    original = chronicle_records[0]
    duplicate = {**copy.deepcopy(original), "id": copy_id, "source": source, "url": "https://example.net/x"}
    with open_store(tmp_path / "c.db") as store:
        store.add_record(original)
        assert store.add_record(duplicate) == "duplicate"
        rows = store.conn.execute("SELECT d.id, x.copy_id, x.source FROM duplicates x"
                                  " JOIN documents d USING (doc_rowid)").fetchall()
        assert [tuple(r) for r in rows] == [(original["id"], copy_id, source)]
        assert _counts(store.conn)["documents"] == 1


@pytest.mark.parametrize("bad", [{"text": "sin id"}, {"id": "x1"}, ["not", "a", "record"]])
def test_records_non_record_is_refused(tmp_path, bad):
    with open_store(tmp_path / "c.db") as store:
        with pytest.raises(InputError, match="E404"):
            store.add_record(bad)
        assert _counts(store.conn)["documents"] == 0


@pytest.mark.parametrize("key,country", [("country:PRK", "PRK"), ("person:lavrov", "RUS")])
def test_records_entities_get_global_keys(chronicle_db, key, country):
    with open_store(chronicle_db) as store:
        row = store.conn.execute("SELECT country FROM entities WHERE key = ?", (key,)).fetchone()
    assert row is not None and row[0] == country



@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_records_event_roles_take_the_country_the_store_knows(tmp_path, known_country_records, order):
    visit = known_country_records[1]
    person = next(e for e in visit["entities"] if e["type"] == "PERSON")
    assert person["country"] is None  # its own article does not say whom he acts for
    with open_store(tmp_path / "c.db") as store:
        for n in order:
            store.add_record(known_country_records[n])
        rows = store.conn.execute(
            "SELECT d.id, l.country FROM event_entities l JOIN documents d ON d.doc_rowid = l.doc_rowid"
            " WHERE l.key = ? AND l.role = 'actor'", (person["key"],)).fetchall()
        kept = store.get_record(visit["id"])
    assert {(r[0], r[1]) for r in rows} == {("es-molano-despliegue", "COL"), ("es-molano-visita", "COL")}
    assert kept == visit  # the stored article itself keeps what its text said
