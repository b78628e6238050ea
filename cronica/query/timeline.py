"""Timelines: the events of an entity (or of the articles matching words), in date order.

Events come through the event-entity link table (one index range per entity key), and
events that several articles tell are grouped into their story with every evidence.
"""
from __future__ import annotations

import sqlite3

from ..store.keys import date_ceiling, date_floor
from ..store.search import make_match
from .entity import resolve_entity


def _filters(alias: str, date_from, date_to, types) -> tuple[str, list]:
    sql, params = [f"{alias}.sort_date > ?"], [""]  # undated events have no place on a timeline
    if date_from:
        sql.append(f"{alias}.sort_date >= ?")
        params.append(date_floor(date_from))
    if date_to:
        sql.append(f"{alias}.sort_date <= ?")
        params.append(date_ceiling(date_to))
    if types:
        sql.append(f"{alias}.type IN ({','.join('?' * len(types))})")
        params.extend(types)
    return " AND ".join(sql), params


COUNT_CAP = 20_000  # count at most this many matching events; past it, "total" says "at least"


def _page_by_keys(conn, keys, where, params, limit, offset) -> list[int]:
    """Walk the link index in (key, date) order, skipping repeated events (one entity, two roles)."""
    order = "ee.sort_date, ee.event_rowid" if len(keys) > 1 else "ee.key, ee.sort_date, ee.event_rowid"
    cursor = conn.execute(
        f"SELECT ee.event_rowid FROM event_entities ee WHERE ee.key IN ({','.join('?' * len(keys))})"
        f" AND {where.replace('x.', 'ee.')} ORDER BY {order}", [*keys, *params])
    seen, page = set(), []
    for (event_id,) in cursor:
        if event_id in seen:
            continue
        seen.add(event_id)
        if len(seen) > offset:
            page.append(event_id)
        if len(page) >= limit:
            break
    cursor.close()
    return page


def _event_page(conn, keys, query, where, params, limit, offset) -> tuple[list[int], int]:
    if keys:
        source = (f"SELECT ee.event_rowid FROM event_entities ee WHERE ee.key IN ({','.join('?' * len(keys))})"
                  f" AND {where.replace('x.', 'ee.')}")
        total = conn.execute(f"SELECT COUNT(*) FROM ({source} LIMIT {COUNT_CAP})",  # links, not events:
                             [*keys, *params]).fetchone()[0]  # one entity in two roles counts twice
        return _page_by_keys(conn, keys, where, params, limit, offset), total
    if query:
        source = ("SELECT e.event_rowid, e.sort_date FROM events e WHERE e.doc_rowid IN"
                  " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) AND "
                  + where.replace("x.", "e."))
        params = [make_match(query), *params]
    else:
        source = "SELECT e.event_rowid, e.sort_date FROM events e WHERE " + where.replace("x.", "e.")
    total = conn.execute(f"SELECT COUNT(*) FROM ({source} LIMIT {COUNT_CAP})", params).fetchone()[0]
    rows = conn.execute(f"{source} ORDER BY 2, 1 LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return [r[0] for r in rows], total


def timeline(conn: sqlite3.Connection, *, entity: str | None = None, query: str | None = None,
             date_from: str | None = None, date_to: str | None = None, types: list[str] | None = None,
             limit: int = 100, offset: int = 0) -> dict:
    """Events of an entity (name, alias or key) or of articles matching `query`, by date.

    Args:
        conn: a store connection.
        entity: whose events (any of its keys when a name is ambiguous).
        query: words; events of the articles that contain them (when no entity is given).
        date_from: first day (ISO; YYYY or YYYY-MM allowed).
        date_to: last day.
        types: PLOVER types to keep (upper case).
        limit: events per page.
        offset: events to skip.
    Returns:
        {"entity", "keys", "total", "stories": [...]}: stories in date order, each with its evidence.
    """
    keys = resolve_entity(conn, entity) if entity else []
    if entity and not keys:
        return {"entity": entity, "keys": [], "total": 0, "stories": []}
    if query and not entity and not make_match(query):
        return {"query": query, "keys": [], "total": 0, "stories": []}
    types = [t.upper() for t in types or [] if t]
    where, params = _filters("x", date_from, date_to, types)
    event_ids, total = _event_page(conn, keys, query if not entity else None, where, params, limit, offset)
    return {"entity": entity, "query": query, "keys": keys, "total": total,
            "stories": load_stories(conn, event_ids)}


MAX_EVIDENCE = 25  # evidence rows shown per story; a story told by hundreds of articles stays light
_EVIDENCE = (
    "SELECT e.event_rowid, e.story_id, e.local_id, e.type, e.mode, e.status, e.date_start, e.date_end,"
    " e.granularity, e.when_text, e.sort_date, e.evidence, e.evidence_start, e.evidence_end, e.confidence,"
    " d.id AS document, d.title, d.source, d.url, d.published FROM events e"
    " JOIN documents d ON d.doc_rowid = e.doc_rowid WHERE e.story_id = ? ORDER BY e.sort_date, e.event_rowid"
    " LIMIT ?")


def load_stories(conn: sqlite3.Connection, event_ids: list[int]) -> list[dict]:
    """Group events into their stories, in the order of `event_ids`; add every evidence row.

    Args:
        conn: a store connection.
        event_ids: event rowids, in the order wanted.
    Returns:
        [{story_id, type, date_start, date_end, actors, targets, places, sources, evidence}].
    """
    if not event_ids:
        return []
    marks = ",".join("?" * len(event_ids))
    story_of = {r[0]: r[1] for r in conn.execute(
        f"SELECT event_rowid, story_id FROM events WHERE event_rowid IN ({marks})", event_ids)}
    story_ids = list(dict.fromkeys(story_of[e] for e in event_ids if e in story_of))
    rows = [row for story in story_ids  # one short index range per story (no scan of a big story)
            for row in conn.execute(_EVIDENCE, (story, MAX_EVIDENCE)).fetchall()]
    links = _links(conn, [r["event_rowid"] for r in rows])
    stories = {s: None for s in story_ids}
    for row in rows:
        story = stories[row["story_id"]] or _new_story(row)
        stories[row["story_id"]] = story
        _add_evidence(story, dict(row), links.get(row["event_rowid"], []))
    return [s for s in stories.values() if s]


_BUCKETS = {"actor": "actors", "target": "targets", "place": "places"}


def _new_story(row) -> dict:
    return {"story_id": row["story_id"], "type": row["type"], "date_start": row["date_start"],
            "date_end": row["date_end"], "sort_date": row["sort_date"], "actors": [], "targets": [],
            "places": [], "sources": [], "evidence": []}


def _add_evidence(story: dict, row: dict, links: list[dict]) -> None:
    for link in links:
        bucket = _BUCKETS[link["role"]]
        if link["key"] not in [known["key"] for known in story[bucket]]:
            story[bucket].append({"key": link["key"], "name": link["name"], "country": link["country"]})
    if row["source"] and row["source"] not in story["sources"]:
        story["sources"].append(row["source"])
    for field in ("date_start", "sort_date"):
        if row[field] and (not story[field] or row[field] < story[field]):
            story[field] = row[field]
    if row["date_end"] and (not story["date_end"] or row["date_end"] > story["date_end"]):
        story["date_end"] = row["date_end"]
    story["evidence"].append({k: row[k] for k in row if k not in ("story_id", "type")})


def _links(conn, event_ids: list[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        for row in conn.execute(
                "SELECT event_rowid, key, role, country FROM event_entities"
                f" WHERE event_rowid IN ({','.join('?' * len(chunk))}) ORDER BY role, key", chunk):
            found.setdefault(row[0], []).append({"key": row[1], "role": row[2], "country": row[3]})
    keys = list({link["key"] for links in found.values() for link in links})
    names = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        names.update(conn.execute(f"SELECT key, name FROM entities WHERE key IN ({','.join('?' * len(chunk))})",
                                  chunk).fetchall())
    for links in found.values():
        for link in links:
            link["name"] = names.get(link["key"], link["key"])
    return found
