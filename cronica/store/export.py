"""Export the store: contract records (JSON Lines) or a flat events table (CSV, Parquet)."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Iterator

from ..errors import StoreError

EVENT_COLUMNS = ("document", "event", "story_id", "type", "mode", "status", "date_start", "date_end",
                 "actors", "targets", "place", "evidence", "confidence", "source", "url", "published")


def iter_records(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every stored contract record, in storage order."""
    for (text,) in conn.execute("SELECT record FROM document_records ORDER BY doc_rowid"):
        yield json.loads(text)


def iter_event_rows(conn: sqlite3.Connection) -> Iterator[dict]:
    """One flat row per stored event, actors and targets as `;`-joined keys."""
    sql = ("SELECT d.id AS document, e.local_id AS event, e.story_id, e.type, e.mode, e.status,"
           " e.date_start, e.date_end,"
           " (SELECT group_concat(key, ';') FROM (SELECT key FROM event_entities x"
           "  WHERE x.event_rowid = e.event_rowid AND x.role = 'actor' ORDER BY key) a) AS actors,"
           " (SELECT group_concat(key, ';') FROM (SELECT key FROM event_entities x"
           "  WHERE x.event_rowid = e.event_rowid AND x.role = 'target' ORDER BY key) t) AS targets,"
           " (SELECT key FROM event_entities x WHERE x.event_rowid = e.event_rowid AND x.role = 'place')"
           "  AS place, e.evidence, e.confidence, d.source, d.url, d.published"
           " FROM events e JOIN documents d ON d.doc_rowid = e.doc_rowid ORDER BY e.event_rowid")
    for row in conn.execute(sql):
        yield dict(row)


def export_store(conn: sqlite3.Connection, fmt: str, out: str | Path) -> int:
    """Write the store to `out`: records as jsonl, events as csv or parquet.

    Args:
        conn: a store connection.
        fmt: 'jsonl', 'csv' or 'parquet'.
        out: the file to write.
    Returns:
        the number of rows written.
    """
    if fmt == "jsonl":
        return _write_jsonl(iter_records(conn), out)
    if fmt == "csv":
        return _write_csv(iter_event_rows(conn), out)
    return _write_parquet(iter_event_rows(conn), out)


def _write_jsonl(records, out) -> int:
    count = 0
    with open(out, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(rows, out) -> int:
    count = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(rows, out) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise StoreError("E405", fmt="parquet", package="pyarrow") from e
    rows = list(rows)
    columns = {name: [row[name] for row in rows] for name in EVENT_COLUMNS}
    pq.write_table(pa.table(columns), out)
    return len(rows)
