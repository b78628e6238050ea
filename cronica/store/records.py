"""Write one contract record into the normalised tables, or read it back.

Every function here runs inside the caller's transaction (see `sqlite.write`), so an
article is stored whole or not at all.
"""
from __future__ import annotations

import json
import sqlite3

from ..errors import InputError
from .keys import date_ceiling, date_floor, entity_key, fold, record_hash, text_hash, unit_norm
from .stories import assign_story, release_stories

_ROLES = (("source", "actor"), ("target", "target"))


def check_record(record: dict, name: str = "record") -> dict:
    """Reject what is not a contract record (no id, no text) with a coded error."""
    if not isinstance(record, dict):
        raise InputError("E404", input=name, reason=f"a {type(record).__name__}, not an object")
    for field in ("id", "text"):
        if not record.get(field) or not isinstance(record.get(field), str):
            raise InputError("E404", input=name, reason=f"'{field}' missing or not a string")
    return record


def write_record(conn: sqlite3.Connection, record: dict) -> str:
    """Store `record` unless an identical one is there; replace an older version.

    Args:
        conn: a connection inside a write transaction.
        record: a `cronica.document/1` dict.
    Returns:
        'added', 'replaced', 'unchanged' or 'duplicate' (a copy of another document).
    """
    check_record(record, str(record.get("id")) if isinstance(record, dict) else "record")
    digest = record_hash(record)
    row = conn.execute("SELECT doc_rowid, content_hash FROM documents WHERE id = ?",
                       (record["id"],)).fetchone()
    if row and row["content_hash"] == digest:
        return "unchanged"
    if row is None and _store_copy(conn, record):
        return "duplicate"
    copies = []
    if row:
        copies = conn.execute("SELECT copy_id, url, source FROM duplicates WHERE doc_rowid = ?",
                              (row["doc_rowid"],)).fetchall()
        delete_document(conn, row["doc_rowid"])
    doc_rowid = _insert_document(conn, record, digest, row["doc_rowid"] if row else None)
    keys = _insert_entities(conn, doc_rowid, record)
    events = _insert_events(conn, doc_rowid, record, keys)
    fill_known_countries(conn, sorted({key for key, _ in keys.values()}))
    _insert_quantities(conn, doc_rowid, record, events)
    _insert_times_and_flags(conn, doc_rowid, record)
    copies = [tuple(c) for c in copies] + _meta_copies(record)
    conn.executemany("INSERT OR IGNORE INTO duplicates VALUES (?, ?, ?, ?)",
                     [(doc_rowid, *c) for c in copies])
    return "replaced" if row else "added"


def _store_copy(conn, record: dict) -> bool:
    if not record["text"].strip():
        return False
    original = conn.execute("SELECT doc_rowid FROM documents WHERE text_hash = ?",
                            (text_hash(record),)).fetchone()
    if original is None:
        return False
    conn.execute("INSERT OR IGNORE INTO duplicates VALUES (?, ?, ?, ?)",
                 (original["doc_rowid"], record["id"], record.get("url"), record.get("source")))
    return True


def _meta_copies(record: dict) -> list[tuple]:
    copies = (record.get("meta") or {}).get("copies") or []
    found = []
    for copy in copies:
        if isinstance(copy, dict) and (copy.get("id") or copy.get("url")):
            found.append((str(copy.get("id") or copy.get("url")), copy.get("url"), copy.get("source")))
    return found


def delete_document(conn: sqlite3.Connection, doc_rowid: int) -> None:
    """Remove a document and everything read from it; keep shared rows others still use."""
    release_stories(conn, doc_rowid)
    keys = [r[0] for r in conn.execute("SELECT DISTINCT key FROM doc_entities WHERE doc_rowid = ?",
                                       (doc_rowid,))]
    conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (doc_rowid,))
    conn.execute("DELETE FROM event_entities WHERE doc_rowid = ?", (doc_rowid,))
    conn.execute("DELETE FROM documents WHERE doc_rowid = ?", (doc_rowid,))
    conn.executemany("UPDATE entities SET n_docs = n_docs - 1 WHERE key = ?", [(k,) for k in keys])
    conn.executemany("DELETE FROM entities WHERE key = ? AND n_docs <= 0", [(k,) for k in keys])


def _insert_document(conn, record: dict, digest: str, doc_rowid: int | None) -> int:
    cursor = conn.execute(
        "INSERT INTO documents (doc_rowid, id, url, source, title, published, lang, content_hash,"
        " text_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_rowid, record["id"], record.get("url"), record.get("source"), record.get("title"),
         record.get("published"), record.get("lang"), digest, text_hash(record)))
    doc_rowid = cursor.lastrowid
    conn.execute("INSERT INTO document_records VALUES (?, ?)", (doc_rowid, json.dumps(record, ensure_ascii=False)))
    conn.execute("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
                 (doc_rowid, record.get("title") or "", record["text"]))
    return doc_rowid


def _insert_entities(conn, doc_rowid: int, record: dict) -> dict[str, tuple[str, str | None]]:
    keys, aliases, seen = {}, [], set()
    for entity in record.get("entities") or []:
        if not entity.get("id") or entity["id"] in keys:
            continue
        key = entity_key(entity)
        keys[entity["id"]] = (key, entity.get("country"))
        conn.execute("INSERT INTO doc_entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (doc_rowid, entity["id"], key, entity.get("name") or key, entity.get("type"),
                      entity.get("country"), entity.get("role"), len(entity.get("mentions") or [])))
        for alias in [entity.get("name"), *(entity.get("aliases") or [])]:
            if alias and (fold(alias), key) not in seen:
                seen.add((fold(alias), key))
                aliases.append((fold(alias), key, alias, doc_rowid))
    conn.executemany("INSERT INTO entity_aliases VALUES (?, ?, ?, ?)", aliases)
    first = {}
    for entity in record.get("entities") or []:
        if entity.get("id") in keys:
            first.setdefault(keys[entity["id"]][0], entity)
    conn.executemany(
        "INSERT INTO entities (key, name, type, country, n_docs) VALUES (?, ?, ?, ?, 1)"
        " ON CONFLICT(key) DO UPDATE SET n_docs = n_docs + 1,"
        " country = COALESCE(entities.country, excluded.country)",
        [(k, e.get("name") or k, e.get("type"), e.get("country")) for k, e in first.items()])
    return keys


# the store's knowledge of whom a person or organisation acts for (the first country an article
# gave it), lent to its event roles where their own article named no country: in this article,
# and in earlier ones when this is the first article to name it
_FILL_COUNTRY = (
    "UPDATE event_entities SET country = (SELECT e.country FROM entities e WHERE e.key = event_entities.key)"
    " WHERE country IS NULL AND key IN ({keys}) AND EXISTS (SELECT 1 FROM entities e"
    " WHERE e.key = event_entities.key AND e.country IS NOT NULL AND e.type IN ('PERSON', 'ORG'))")


def fill_known_countries(conn, keys: list[str], *, chunk: int = 500) -> None:
    """Give the store's country of each of `keys` to their event roles that have none.

    Args:
        conn: a store connection (SQLite, or PostgreSQL through its adapter) in a write transaction.
        keys: entity keys just written.
    """
    for n in range(0, len(keys), chunk):
        part = keys[n:n + chunk]
        conn.execute(_FILL_COUNTRY.format(keys=",".join("?" * len(part))), part)


def _event_dates(event: dict, published: str | None) -> tuple:
    when = event.get("when") if isinstance(event.get("when"), dict) else {}
    start = date_floor(when.get("start"))
    end = date_ceiling(when.get("end") or when.get("start"))
    sort_date = start or date_floor(published) or ""
    return start, end, when.get("granularity"), when.get("text"), sort_date


def _evidence(record: dict, event: dict) -> tuple:
    span = event.get("evidence") if isinstance(event.get("evidence"), dict) else {}
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(record["text"]):
        return start, end, record["text"][start:end]
    return start, end, None


def _links(event: dict, keys: dict) -> list[tuple[str, str, str | None]]:
    links = []
    for field, role in _ROLES:
        for local in event.get(field) or []:
            if local in keys:
                links.append((keys[local][0], role, keys[local][1]))
    if event.get("where") in keys:
        links.append((keys[event["where"]][0], "place", keys[event["where"]][1]))
    return list(dict.fromkeys(links))


def _insert_events(conn, doc_rowid: int, record: dict, keys: dict) -> dict[str, int]:
    rowids = {}
    for event in record.get("events") or []:
        if not event.get("id") or not event.get("type") or event["id"] in rowids:
            continue
        start, end, granularity, when_text, sort_date = _event_dates(event, record.get("published"))
        links = _links(event, keys)
        story = assign_story(conn, event, links, start or sort_date, end or start or sort_date,
                             unique=f"{record['id']}#{event['id']}")
        ev_start, ev_end, evidence = _evidence(record, event)
        cursor = conn.execute(
            "INSERT INTO events (doc_rowid, local_id, story_id, type, mode, status, date_start, date_end,"
            " granularity, when_text, sort_date, evidence_start, evidence_end, evidence, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_rowid, event["id"], story, event["type"], event.get("mode"), event.get("status"),
             start, end, granularity, when_text, sort_date, ev_start, ev_end, evidence,
             event.get("confidence")))
        rowids[event["id"]] = cursor.lastrowid
        conn.executemany("INSERT OR IGNORE INTO event_entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(key, sort_date, cursor.lastrowid, role, event["type"], country, doc_rowid)
                          for key, role, country in links])
    return rowids


def _insert_quantities(conn, doc_rowid: int, record: dict, events: dict[str, int]) -> None:
    owner = {}
    for event in record.get("events") or []:
        for qid in event.get("quantities") or []:
            if event.get("id") in events:
                owner.setdefault(qid, events[event["id"]])
    rows = []
    for q in record.get("quantities") or []:
        if not q.get("id"):
            continue
        rows.append((doc_rowid, q["id"], owner.get(q["id"]), q.get("text"), q.get("start"), q.get("end"),
                     q.get("min"), q.get("max"), int(bool(q.get("approx"))), q.get("unit"),
                     unit_norm(q.get("unit")), record.get("published"), record.get("source")))
    conn.executemany("INSERT INTO quantities (doc_rowid, local_id, event_rowid, text, start_char, end_char,"
                     " min, max, approx, unit, unit_norm, published, source)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _insert_times_and_flags(conn, doc_rowid: int, record: dict) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_rowid, t["id"], t.get("text"), t.get("start_char"), t.get("end_char"),
          date_floor(t.get("start")), date_ceiling(t.get("end") or t.get("start")), t.get("granularity"))
         for t in record.get("times") or [] if t.get("id")])
    conn.executemany(
        "INSERT INTO flags VALUES (?, ?, ?, ?, ?)",
        [(doc_rowid, f.get("kind") or "unknown", f.get("text"), f.get("start"), f.get("end"))
         for f in record.get("flags") or []])


def read_record(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    """The stored contract record of `doc_id`, or None when there is none."""
    row = conn.execute("SELECT r.record FROM documents d JOIN document_records r USING (doc_rowid)"
                       " WHERE d.id = ?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None
