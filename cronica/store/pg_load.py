"""Loading records into the PostgreSQL store: chunk by chunk, rows copied in with COPY.

Idempotent: a record whose id and content hash are stored is skipped, a changed one
replaces its old version (same rowid, its copies kept), a new one whose words are
those of a stored document is recorded as a copy of it. One transaction per chunk,
and one writer at a time (an advisory lock), so a chunk is stored whole or not at all.
The rows are those the embedded store writes (`cronica.store.records`), stories and
links between the same story in several languages (`cronica.store.xlang`) included.
"""
from __future__ import annotations

import json
from collections import Counter

from ..errors import InputError
from .postgres import LOCK_ID, PgConnection

_COLUMNS = {
    "documents": "doc_rowid, id, url, source, title, published, lang, content_hash, text_hash, record",
    "doc_entities": "doc_rowid, local_id, key, name, type, country, role, n_mentions",
    "entity_aliases": "name_norm, key, alias, doc_rowid",
    "stories": "story_id, signature, type, date_start, date_end, n_events",
    "events": "event_rowid, doc_rowid, local_id, story_id, type, mode, status, date_start, date_end,"
              " granularity, when_text, sort_date, evidence_start, evidence_end, evidence, confidence",
    "event_entities": "key, sort_date, event_rowid, role, type, country, doc_rowid",
    "quantities": "doc_rowid, local_id, event_rowid, text, start_char, end_char, min, max, approx, unit,"
                  " unit_norm, published, source",
    "times": "doc_rowid, local_id, text, start_char, end_char, date_start, date_end, granularity",
    "flags": "doc_rowid, kind, text, start_char, end_char",
    "duplicates": "doc_rowid, copy_id, url, source",
}


def _copy(pg: PgConnection, table: str, rows: list[tuple]) -> None:
    if not rows:
        return
    with pg.raw.cursor() as cur, cur.copy(f"COPY {table} ({_COLUMNS[table]}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _take_ids(pg: PgConnection, sequence: str, count: int) -> list[int]:
    if not count:
        return []
    return [r[0] for r in pg.raw.execute("SELECT nextval(%s) FROM generate_series(1, %s)",
                                         (sequence, count))]


def delete_documents(pg: PgConnection, doc_rowids: list[int]) -> None:
    """Remove documents and what was read from them; keep entities and stories others still use."""
    if not doc_rowids:
        return
    raw = pg.raw
    stories = [r[0] for r in raw.execute(
        "SELECT DISTINCT story_id FROM events WHERE doc_rowid = ANY(%s) AND story_id IS NOT NULL",
        (doc_rowids,))]
    raw.execute("UPDATE stories s SET n_events = s.n_events - c.n FROM (SELECT story_id, COUNT(*) AS n"
                " FROM events WHERE doc_rowid = ANY(%s) GROUP BY story_id) c WHERE s.story_id = c.story_id",
                (doc_rowids,))
    keys = [r[0] for r in raw.execute("SELECT DISTINCT key FROM doc_entities WHERE doc_rowid = ANY(%s)",
                                      (doc_rowids,))]
    raw.execute("UPDATE entities e SET n_docs = e.n_docs - c.n FROM (SELECT key, COUNT(DISTINCT doc_rowid)"
                " AS n FROM doc_entities WHERE doc_rowid = ANY(%s) GROUP BY key) c WHERE e.key = c.key",
                (doc_rowids,))
    raw.execute("DELETE FROM documents WHERE doc_rowid = ANY(%s)", (doc_rowids,))
    raw.execute("DELETE FROM stories WHERE story_id = ANY(%s) AND n_events <= 0", (stories,))
    raw.execute("DELETE FROM entities WHERE key = ANY(%s) AND n_docs <= 0", (keys,))


def _plan(pg: PgConnection, records: list[dict], counts: dict) -> tuple[list, list]:
    """Decide what to write: (record, digest, text hash, rowid) to write, and copy rows.

    An unchanged record is counted and skipped; a new record whose words are those of a
    stored one is a copy of it; a changed record replaces its old version (same rowid,
    its copies kept).
    """
    from .keys import fold, record_hash, text_hash
    latest = {r["id"]: r for r in records}  # a later line for the same id wins, as in the store
    stored = {r[0]: (r[1], r[2]) for r in pg.raw.execute(
        "SELECT id, doc_rowid, content_hash FROM documents WHERE id = ANY(%s)", (list(latest),))}
    thashes = {r_id: text_hash(r) for r_id, r in latest.items()}
    originals = {r[0]: r[1] for r in pg.raw.execute(
        "SELECT text_hash, MIN(doc_rowid) FROM documents WHERE text_hash = ANY(%s) GROUP BY text_hash",
        (list(set(thashes.values())),))}
    fresh = iter(_take_ids(pg, "documents_doc_rowid_seq", len(latest)))
    todo, copies, replaced = [], [], []
    for doc_id, record in latest.items():
        digest, old, thash = record_hash(record), stored.get(doc_id), thashes[doc_id]
        if old and old[1] == digest:
            counts["unchanged"] += 1
        elif old is None and fold(record.get("text")) and thash in originals:
            copies.append((originals[thash], doc_id, record.get("url"), record.get("source")))
            counts["duplicate"] += 1
        else:
            rowid = old[0] if old else next(fresh)
            if old is None and fold(record.get("text")):
                originals[thash] = rowid
            replaced += [rowid] if old else []
            todo.append((record, digest, thash, rowid))
            counts["replaced" if old else "added"] += 1
    if replaced:
        copies += [tuple(r) for r in pg.raw.execute(
            "SELECT doc_rowid, copy_id, url, source FROM duplicates WHERE doc_rowid = ANY(%s)", (replaced,))]
        delete_documents(pg, replaced)
    return todo, copies


def _entity_rows(record: dict, rowid: int, rows: dict, tally: dict) -> dict:
    """doc_entities and entity_aliases rows of a record; count its keys into `tally`; return keys."""
    from .keys import entity_key, fold
    keys, aliases, first = {}, {}, {}
    for entity in record.get("entities") or []:
        if not entity.get("id") or entity["id"] in keys:
            continue
        key = entity_key(entity)
        keys[entity["id"]] = (key, entity.get("country"))
        rows["doc_entities"].append((rowid, entity["id"], key, entity.get("name") or key, entity.get("type"),
                                     entity.get("country"), entity.get("role"), len(entity.get("mentions") or [])))
        for alias in [entity.get("name"), *(entity.get("aliases") or [])]:
            if alias:
                aliases.setdefault((fold(alias), key), (fold(alias), key, alias, rowid))
        first.setdefault(key, entity)
    rows["entity_aliases"].extend(sorted(aliases.values()))
    for key, entity in first.items():  # one more document for each key (name and type: the first seen)
        count = tally.setdefault(key, [entity.get("name") or key, entity.get("type"), None, 0])
        count[2] = count[2] or entity.get("country")
        count[3] += 1
    return keys


def _pending_events(record: dict, rowid: int, keys: dict) -> list[dict]:
    """The events of a record with their dates, links and evidence, before rowids and stories."""
    from .records import _event_dates, _evidence, _links  # one mapping from record to rows, the store's
    pending, seen = [], set()
    for event in record.get("events") or []:
        if not event.get("id") or not event.get("type") or event["id"] in seen:
            continue
        seen.add(event["id"])
        start, end, granularity, when_text, sort_date = _event_dates(event, record.get("published"))
        pending.append({"doc": rowid, "event": event, "links": _links(event, keys), "start": start,
                        "end": end, "granularity": granularity, "when_text": when_text,
                        "sort_date": sort_date, "evidence": _evidence(record, event),
                        "unique": f"{record['id']}#{event['id']}"})
    return pending


def _detail_rows(record: dict, rowid: int, event_rowids: dict, rows: dict) -> None:
    """quantities, times and flags rows of a record (quantities know their event's rowid)."""
    from .keys import date_ceiling, date_floor, unit_norm
    owner = {}
    for event in record.get("events") or []:
        for qid in event.get("quantities") or []:
            if (rowid, event.get("id")) in event_rowids:
                owner.setdefault(qid, event_rowids[(rowid, event["id"])])
    rows["quantities"].extend(
        (rowid, q["id"], owner.get(q["id"]), q.get("text"), q.get("start"), q.get("end"), q.get("min"),
         q.get("max"), int(bool(q.get("approx"))), q.get("unit"), unit_norm(q.get("unit")),
         record.get("published"), record.get("source"))
        for q in record.get("quantities") or [] if q.get("id"))
    times = {}
    for t in record.get("times") or []:
        if t.get("id"):
            times.setdefault(t["id"], (rowid, t["id"], t.get("text"), t.get("start_char"), t.get("end_char"),
                                       date_floor(t.get("start")), date_ceiling(t.get("end") or t.get("start")),
                                       t.get("granularity")))
    rows["times"].extend(times.values())
    rows["flags"].extend((rowid, f.get("kind") or "unknown", f.get("text"), f.get("start"), f.get("end"))
                         for f in record.get("flags") or [])


def _assign_stories(pg: PgConnection, pending: list[dict], rows: dict) -> None:
    """Set each pending event's story, as the store does: same signature and overlapping dates."""
    from .stories import story_signature
    for item in pending:
        item["signature"] = story_signature(item["event"]["type"], item["links"])
    known: dict[str, list[list]] = {}
    for story_id, signature, start, end, n in pg.raw.execute(
            "SELECT story_id, signature, date_start, date_end, n_events FROM stories"
            " WHERE signature = ANY(%s) ORDER BY story_id",
            (list({i["signature"] for i in pending if i["signature"]}),)):
        known.setdefault(signature, []).append([story_id, start, end, n, False])
    fresh, created = iter(_take_ids(pg, "stories_story_id_seq", len(pending))), []
    for item in pending:
        start = item["start"] or item["sort_date"]
        end = item["end"] or item["start"] or item["sort_date"]
        story = _find_story(known.get(item["signature"]) or [], start, end) if item["signature"] and start else None
        if story is None:  # [id, start, end, n_events, changed: None for a new story]
            story = [next(fresh), start or None, end or None, 0, None]
            created.append((story, item["signature"] or item["unique"], item["event"]["type"]))
            if item["signature"]:
                known.setdefault(item["signature"], []).append(story)
        else:
            story[1], story[2] = min(story[1], start), max(story[2], end)
            story[4] = True if story[4] is False else story[4]
        story[3] += 1
        item["story"] = story[0]
    rows["stories"] = [(s[0], signature, etype, s[1], s[2], s[3]) for s, signature, etype in created]
    rows["story_updates"] = [(s[3], s[1], s[2], s[0]) for group in known.values() for s in group if s[4]]


def _find_story(stories: list[list], start: str, end: str) -> list | None:
    for story in stories:
        if story[1] is not None and story[2] is not None and story[1] <= end and story[2] >= start:
            return story
    return None


def _event_rows(pg: PgConnection, pending: list[dict], rows: dict) -> dict:
    """events and event_entities rows; return {(doc rowid, local id): event rowid}."""
    rowids = {}
    for item, rowid in zip(pending, _take_ids(pg, "events_event_rowid_seq", len(pending))):
        event = item["event"]
        rowids[(item["doc"], event["id"])] = rowid
        rows["events"].append((rowid, item["doc"], event["id"], item["story"], event["type"], event.get("mode"),
                               event.get("status"), item["start"], item["end"], item["granularity"],
                               item["when_text"], item["sort_date"], *item["evidence"], event.get("confidence")))
        links = {(key, role): country for key, role, country in item["links"]}
        rows["event_entities"].extend((key, item["sort_date"], rowid, role, event["type"], country, item["doc"])
                                      for (key, role), country in links.items())
    return rowids


def _write_rows(pg: PgConnection, rows: dict, tally: dict) -> None:
    for table in ("documents", "doc_entities", "entity_aliases"):
        _copy(pg, table, rows[table])
    with pg.raw.cursor() as cur:
        cur.executemany(
            "INSERT INTO entities (key, name, type, country, n_docs) VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (key) DO UPDATE SET n_docs = entities.n_docs + excluded.n_docs,"
            " country = COALESCE(entities.country, excluded.country)",
            [(key, *values) for key, values in sorted(tally.items())])
        cur.executemany("UPDATE stories SET n_events = %s, date_start = %s, date_end = %s WHERE story_id = %s",
                        rows["story_updates"])
    for table in ("stories", "events", "event_entities", "quantities", "times", "flags"):
        _copy(pg, table, rows[table])


def write_records(pg: PgConnection, records: list[dict]) -> Counter:
    """Store a chunk of contract records in one transaction.

    Args:
        pg: a connection to a migrated database.
        records: `cronica.document/1` dicts (ids unique or the last one wins).
    Returns:
        counts: added, replaced, unchanged, duplicate, failed.
    """
    from .records import _meta_copies, check_record, fill_known_countries
    from .xlang import link_stored, neighbours
    counts, valid = Counter(), []
    for record in records:
        try:
            valid.append(check_record(record, str(record.get("id")) if isinstance(record, dict) else "record"))
        except InputError:
            counts["failed"] += 1
    with pg.transaction():
        pg.raw.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
        before = neighbours(pg, [r["id"] for r in valid])  # articles whose links a new version may change
        todo, copies = _plan(pg, valid, counts)
        rows = {table: [] for table in _COLUMNS}
        tally, pending = {}, []
        for record, digest, thash, rowid in todo:
            rows["documents"].append((rowid, record["id"], record.get("url"), record.get("source"),
                                      record.get("title"), record.get("published"), record.get("lang"),
                                      digest, thash, json.dumps(record, ensure_ascii=False)))
            pending += _pending_events(record, rowid, _entity_rows(record, rowid, rows, tally))
        _assign_stories(pg, pending, rows)
        event_rowids = _event_rows(pg, pending, rows)
        for record, _, _, rowid in todo:
            _detail_rows(record, rowid, event_rowids, rows)
            copies += [(rowid, *c) for c in _meta_copies(record)]
        _write_rows(pg, rows, tally)
        fill_known_countries(pg, sorted(tally))
        with pg.raw.cursor() as cur:  # a copy may be known already: keep the first, as the store does
            cur.executemany("INSERT INTO duplicates (doc_rowid, copy_id, url, source) VALUES (%s, %s, %s, %s)"
                            " ON CONFLICT DO NOTHING", copies)
        link_stored(pg, [(rowid, record) for record, _, _, rowid in todo], before=before)
    return counts
