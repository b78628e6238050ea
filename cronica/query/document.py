"""One stored article with what was read from it, ready for the article page."""
from __future__ import annotations

import sqlite3

from ..store.records import read_record
from ..store.xlang import language_links


def document_view(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    """The record of `doc_id` plus store context: entity keys, stories, copies, other languages.

    Args:
        conn: a store connection.
        doc_id: the document id.
    Returns:
        {"record", "keys": {local id: key}, "stories": {event id: story id}, "copies": [...],
        "other_languages": the same story in other languages (`language_links`)}, or None.
    """
    record = read_record(conn, doc_id)
    if record is None:
        return None
    rowid = conn.execute("SELECT doc_rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    keys = {r[0]: r[1] for r in conn.execute(
        "SELECT local_id, key FROM doc_entities WHERE doc_rowid = ?", (rowid,))}
    stories = {r[0]: {"story_id": r[1], "n_events": r[2]} for r in conn.execute(
        "SELECT e.local_id, e.story_id, s.n_events FROM events e LEFT JOIN stories s"
        " ON s.story_id = e.story_id WHERE e.doc_rowid = ?", (rowid,))}
    copies = [dict(r) for r in conn.execute(
        "SELECT copy_id, url, source FROM duplicates WHERE doc_rowid = ?", (rowid,))]
    return {"record": record, "keys": keys, "stories": stories, "copies": copies,
            "other_languages": language_links(conn, doc_id)}
