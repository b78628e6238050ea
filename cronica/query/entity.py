"""Entities: find one by name, alias or key; its profile (aliases, country, events, co-actors)."""
from __future__ import annotations

import sqlite3

from ..store.keys import fold

SCAN_CAP = 2_000  # rows read for the roles of a very common entity: the top ones are in there
COUNT_CAP = 20_000  # events counted at most; past it, the count means "at least"


def resolve_entity(conn: sqlite3.Connection, name: str) -> list[str]:
    """Keys of the entities `name` denotes: a key as is, else every entity with that name or alias.

    Args:
        conn: a store connection.
        name: a key (`country:PRK`), a name or an alias, any case and accents.
    Returns:
        keys, the most documented first (empty when nothing matches).
    """
    if conn.execute("SELECT 1 FROM entities WHERE key = ?", (name,)).fetchone():
        return [name]
    rows = conn.execute(
        "SELECT a.key FROM entity_aliases a JOIN entities e ON e.key = a.key WHERE a.name_norm = ?"
        " GROUP BY a.key ORDER BY MAX(e.n_docs) DESC, a.key LIMIT 20", (fold(name),)).fetchall()
    return [r[0] for r in rows]


def entity_profile(conn: sqlite3.Connection, key: str, *, limit: int = 20, offset: int = 0) -> dict | None:
    """Everything the store knows of one entity.

    Args:
        conn: a store connection.
        key: the entity's canonical key.
        limit: how many events and co-actors to list.
        offset: events to skip.
    Returns:
        {key, name, type, country, n_docs, aliases, roles, events, co_actors, documents}, or None.
    """
    row = conn.execute("SELECT key, name, type, country, n_docs FROM entities WHERE key = ?",
                       (key,)).fetchone()
    if row is None:
        return None
    profile = dict(row)
    profile["aliases"] = _aliases(conn, key)
    profile["roles"] = [r[0] for r in conn.execute(
        f"SELECT role FROM (SELECT role FROM doc_entities WHERE key = ? LIMIT {SCAN_CAP})"
        " WHERE role IS NOT NULL GROUP BY role ORDER BY COUNT(*) DESC LIMIT 10", (key,))]
    profile["n_events"] = conn.execute(  # links: an event where it plays two roles counts twice
        f"SELECT COUNT(*) FROM (SELECT 1 FROM event_entities WHERE key = ? LIMIT {COUNT_CAP})",
        (key,)).fetchone()[0]
    profile["events"] = _events(conn, key, limit, offset)
    profile["co_actors"] = co_actors(conn, key, limit=limit)
    profile["documents"] = [dict(r) for r in conn.execute(
        "SELECT d.id, d.title, d.source, d.published FROM doc_entities de JOIN documents d"
        " ON d.doc_rowid = de.doc_rowid WHERE de.key = ? ORDER BY de.doc_rowid DESC LIMIT ?", (key, limit))]
    return profile


def _aliases(conn, key: str, most: int = 50) -> list[str]:
    """Distinct names of `key`, one index seek each (a common entity has thousands of alias rows)."""
    aliases, after = [], ""
    while len(aliases) < most:
        row = conn.execute("SELECT name_norm, alias FROM entity_aliases WHERE key = ? AND name_norm > ?"
                           " ORDER BY name_norm LIMIT 1", (key, after)).fetchone()
        if row is None:
            break
        after = row[0]
        aliases.append(row[1])
    return aliases


def _events(conn, key: str, limit: int, offset: int) -> list[dict]:
    rows = conn.execute(
        "SELECT e.event_rowid, e.type, e.mode, e.status, e.date_start, e.date_end, e.sort_date,"
        " e.evidence, ee.role, d.id AS document, d.source, d.title FROM event_entities ee"
        " JOIN events e ON e.event_rowid = ee.event_rowid JOIN documents d ON d.doc_rowid = e.doc_rowid"
        " WHERE ee.key = ? ORDER BY ee.sort_date DESC, ee.event_rowid DESC LIMIT ? OFFSET ?",
        (key, limit, offset)).fetchall()
    return [dict(r) for r in rows]


def co_actors(conn: sqlite3.Connection, key: str, *, limit: int = 20, scan: int = 500) -> list[dict]:
    """Entities that share events with `key`, most shared first.

    Args:
        conn: a store connection.
        key: the entity's key.
        limit: how many to return.
        scan: look at this many of its latest events at most (keeps a busy entity fast).
    Returns:
        [{key, name, country, n_events}].
    """
    rows = conn.execute(
        "WITH mine AS (SELECT event_rowid FROM event_entities WHERE key = ?"
        " ORDER BY sort_date DESC LIMIT ?)"
        " SELECT other.key, ent.name, ent.country, COUNT(DISTINCT other.event_rowid) AS n_events"
        " FROM mine JOIN event_entities other ON other.event_rowid = mine.event_rowid"
        " JOIN entities ent ON ent.key = other.key WHERE other.key != ?"
        " GROUP BY other.key ORDER BY n_events DESC, other.key LIMIT ?",
        (key, scan, key, limit)).fetchall()
    return [dict(r) for r in rows]
