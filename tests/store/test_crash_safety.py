"""Crash safety and concurrency: `cronica ingest` killed at random points, or run twice at once."""
from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from cronica.store.search import search_documents
from cronica.store.sqlite import connect

KILLS = 20


def _plain_record(raw: dict) -> dict:
    """A contract record of a real article with no annotations (cheap to store in bulk)."""
    return {"schema": "cronica.document/1", "id": raw["id"], "url": raw.get("url"), "source": raw.get("source"),
            "title": raw.get("title"), "published": raw.get("published"), "lang": raw.get("lang"),
            "dateline": None, "text": raw["text"], "flags": [], "entities": [], "events": [],
            "quantities": [], "times": []}


@pytest.fixture(scope="module")
def many_records(tmp_path_factory, chronicle_records, news_records):
    records = chronicle_records + [_plain_record(r) for r in list(news_records.values())[:150]]
    path = tmp_path_factory.mktemp("crash") / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _ingest(records, db, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "cronica.cli", "ingest", "--records", str(records),
                             "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def _snapshot(db) -> dict:
    conn = sqlite3.connect(db)
    return {
        "documents": conn.execute("SELECT id, content_hash FROM documents ORDER BY id").fetchall(),
        "events": conn.execute("SELECT d.id, e.local_id, s.signature, s.date_start, s.date_end, s.n_events"
                               " FROM events e JOIN documents d USING (doc_rowid) JOIN stories s"
                               " USING (story_id) ORDER BY 1, 2").fetchall(),
        "links": conn.execute("SELECT key, role, sort_date, type FROM event_entities ORDER BY 1, 2, 3").fetchall(),
        "entities": conn.execute("SELECT key, name, country, n_docs FROM entities ORDER BY key").fetchall(),
        "fts": conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone(),
        "quantities": conn.execute("SELECT doc_rowid, local_id, min, max FROM quantities ORDER BY 1, 2").fetchall(),
    }


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory, many_records):
    """A store from one uninterrupted ingest, and how long that ingest took."""
    clean = tmp_path_factory.mktemp("clean") / "clean.db"
    started = time.monotonic()
    assert _ingest(many_records, clean).wait(timeout=120) == 0
    return clean, time.monotonic() - started


def _documents(db) -> int:
    """Documents stored so far (0 when a kill came before the schema was committed)."""
    if not db.exists():
        return 0
    try:
        return sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # no such table yet: the migration had not committed
        return 0


def _kill_while_writing(process, db, before: int, delay: float) -> None:
    """SIGKILL `process` `delay` seconds after it has stored its first new article (at once
    if it ends first), so that kills land among writes whatever the start-up time."""
    deadline = time.monotonic() + 60
    while process.poll() is None and _documents(db) <= before and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)


@pytest.mark.parametrize("seed,rounds", [(7, 4)])
def test_crash_safety_sigkill_then_rerun_equals_clean_run(tmp_path, many_records, clean_run, seed, rounds):
    clean, full_s = clean_run
    total = _documents(clean)
    rng = random.Random(seed)
    mid_ingest = 0
    for round_number in range(rounds):  # each round: a fresh store, KILLS // rounds kills, then a full run
        crashed = tmp_path / f"crashed-{round_number}.db"
        for _ in range(KILLS // rounds):
            before = _documents(crashed)
            process = _ingest(many_records, crashed)
            _kill_while_writing(process, crashed, before, rng.uniform(0, full_s / 8))
            process.wait(timeout=30)
            mid_ingest += before < _documents(crashed) < total
        assert _ingest(many_records, crashed).wait(timeout=120) == 0
        conn = sqlite3.connect(crashed)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) - COUNT(DISTINCT id) FROM documents").fetchone()[0] == 0
        assert _snapshot(crashed) == _snapshot(clean)
    assert mid_ingest >= 3  # the kills did land while articles were being written


def _read_while(db, stop: threading.Event, failures: list) -> None:
    while not stop.is_set():
        try:
            conn = connect(db, readonly=True)
            search_documents(conn, "Rusia")
            conn.execute("SELECT COUNT(*) FROM events").fetchone()
            conn.close()
        except Exception as e:  # noqa: BLE001 - any failure of the reader is the finding
            failures.append(repr(e))
        time.sleep(0.01)


def _wait_for_schema(db, timeout_s: float = 30.0) -> None:
    """Wait until a writer has created and migrated the store (a reader needs its tables)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if connect(db, readonly=True).execute("SELECT MAX(version) FROM schema_version").fetchone()[0]:
                return
        except Exception:  # noqa: BLE001 - not there yet
            pass
        time.sleep(0.02)


@pytest.mark.parametrize("writers", [2])
def test_crash_safety_concurrent_ingests_lose_nothing(tmp_path, many_records, clean_run, writers):
    db = tmp_path / "shared.db"
    stop, failures = threading.Event(), []
    processes = [_ingest(many_records, db) for _ in range(writers)]
    reader = threading.Thread(target=_read_while, args=(db, stop, failures))
    _wait_for_schema(db)
    reader.start()
    outputs = [p.communicate(timeout=180) for p in processes]
    stop.set()
    reader.join()
    assert [p.returncode for p in processes] == [0] * writers
    assert not any(b"locked" in err for _, err in outputs)
    assert sorted(set(failures)) == []
    assert _snapshot(db) == _snapshot(clean_run[0])
