"""Stories: one row for the same event told by several articles.

Two events are one story when they have the same type, the same actor keys, the same
target keys and date ranges that overlap. Each article's event stays a row of
`events` (its evidence and source); the story groups them.
"""
from __future__ import annotations

import hashlib
import sqlite3


def story_signature(event_type: str, links: list[tuple]) -> str | None:
    """The merge key of an event: type plus sorted actor and target keys (None without both)."""
    actors = sorted({key for key, role, _ in links if role == "actor"})
    targets = sorted({key for key, role, _ in links if role == "target"})
    if not actors and not targets:
        return None
    basis = "\x1f".join([event_type, ",".join(actors), ",".join(targets)])
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


def assign_story(conn: sqlite3.Connection, event: dict, links: list[tuple], start: str, end: str,
                 *, unique: str) -> int:
    """Find the story `event` belongs to, or open one; return its id.

    Args:
        conn: a connection inside a write transaction.
        event: the contract event.
        links: (key, role, country) of its entities.
        start: first day of the event (or of its article when undated); '' when unknown.
        end: last day.
        unique: a signature for an event that can merge with nothing.
    Returns:
        the story id.
    """
    signature = story_signature(event["type"], links)
    if signature and start:
        row = conn.execute("SELECT story_id, date_start, date_end FROM stories WHERE signature = ?"
                           " AND date_start <= ? AND date_end >= ? ORDER BY story_id LIMIT 1",
                           (signature, end, start)).fetchone()
        if row:
            conn.execute("UPDATE stories SET n_events = n_events + 1, date_start = ?, date_end = ?"
                         " WHERE story_id = ?",
                         (min(row["date_start"], start), max(row["date_end"], end), row["story_id"]))
            return row["story_id"]
    cursor = conn.execute("INSERT INTO stories (signature, type, date_start, date_end, n_events)"
                          " VALUES (?, ?, ?, ?, 1)",
                          (signature or unique, event["type"], start or None, end or None))
    return cursor.lastrowid


def release_stories(conn: sqlite3.Connection, doc_rowid: int) -> None:
    """Take a document's events out of their stories; drop stories left empty."""
    counts = conn.execute("SELECT story_id, COUNT(*) FROM events WHERE doc_rowid = ? AND story_id"
                          " IS NOT NULL GROUP BY story_id", (doc_rowid,)).fetchall()
    conn.executemany("UPDATE stories SET n_events = n_events - ? WHERE story_id = ?",
                     [(n, story) for story, n in counts])
    conn.execute("UPDATE events SET story_id = NULL WHERE doc_rowid = ?", (doc_rowid,))
    conn.executemany("DELETE FROM stories WHERE story_id = ? AND n_events <= 0",
                     [(story,) for story, _ in counts])
