"""What a store holds: documents by language, entities by type, events by type and status,
the busiest entities, and a few events with the sentence they were read from."""
from __future__ import annotations

import sqlite3


def _pairs(conn: sqlite3.Connection, sql: str) -> list[list]:
    return [list(row) for row in conn.execute(sql)]


def summarise_store(conn: sqlite3.Connection, *, examples: int = 5) -> dict:
    """Count what the store holds and pick example events.

    Args:
        conn: an open store connection.
        examples: how many events to show with their evidence.
    Returns:
        dict with documents, entities, events, top_entities and examples.
    """
    return {
        "documents": _pairs(conn, "SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY 2 DESC, 1"),
        "entities": _pairs(conn, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY 2 DESC, 1"),
        "events": _pairs(conn, "SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1"),
        "statuses": _pairs(conn, "SELECT status, count(*) FROM events GROUP BY status ORDER BY 2 DESC, 1"),
        "stories": conn.execute("SELECT count(*) FROM stories").fetchone()[0],
        "top_entities": _pairs(conn, """
            SELECT e.name, e.type, e.country, count(*) AS n FROM event_entities l
            JOIN entities e ON e.key = l.key WHERE e.type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP')
            GROUP BY e.key, e.name, e.type, e.country ORDER BY n DESC, e.key LIMIT 10"""),
        "examples": [dict(zip(("type", "status", "date", "title", "evidence"), row)) for row in conn.execute("""
            SELECT ev.type, ev.status, ev.date_start, d.title, ev.evidence FROM events ev
            JOIN documents d ON d.doc_rowid = ev.doc_rowid
            WHERE ev.confidence >= 0.7 AND ev.date_start IS NOT NULL
            ORDER BY ev.confidence DESC, ev.event_rowid LIMIT ?""", (examples,))],
    }


def render_summary(summary: dict) -> str:
    """The summary as a few readable lines."""
    line = lambda rows: ", ".join(f"{k or '?'} {n}" for k, n in rows)
    out = [f"documents: {line(summary['documents'])}",
           f"entities:  {line(summary['entities'])}",
           f"events:    {line(summary['events'])}",
           f"status:    {line(summary['statuses'])}   stories: {summary['stories']}",
           "most active: " + ", ".join(f"{n} ({c or t}) {k}" for n, t, c, k in summary["top_entities"])]
    for ex in summary["examples"]:
        out.append(f"  {ex['type']} [{ex['status']}] {ex['date']}  {ex['title'] or ''}"[:120])
        out.append(f"      {(ex['evidence'] or '').strip()[:150]}")
    return "\n".join(out)
