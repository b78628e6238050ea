"""Figures: every reported number of a kind (troops, deaths, USD), by date and by source.

A figure is a quantity of a stored article; linked to an event, it is known by the
event's actor and target (`troops PRK -> RUS`). The history shows how the reported
range moved as sources and dates changed.
"""
from __future__ import annotations

import re
import sqlite3

from ..store.keys import unit_norm
from .entity import resolve_entity

_COUNTRY = re.compile(r"^[A-Z]{3}$")


def _party(conn, value: str | None, role: str, alias: str) -> tuple[str, list]:
    """SQL restricting quantities to events whose `role` is `value` (a country code or an entity)."""
    if not value:
        return "", []
    if _COUNTRY.match(value):
        return (f" AND EXISTS (SELECT 1 FROM event_entities {alias} WHERE {alias}.event_rowid = q.event_rowid"
                f" AND {alias}.role = ? AND ({alias}.country = ? OR {alias}.key IN (?, ?)))",
                [role, value, f"country:{value}", value])
    keys = resolve_entity(conn, value) or [value]
    return (f" AND EXISTS (SELECT 1 FROM event_entities {alias} WHERE {alias}.event_rowid = q.event_rowid"
            f" AND {alias}.role = ? AND {alias}.key IN ({','.join('?' * len(keys))}))", [role, *keys])


def figures(conn: sqlite3.Connection, *, actor: str | None = None, target: str | None = None,
            unit: str | None = None, limit: int = 200, offset: int = 0) -> dict:
    """Reported figures of `unit` for events by `actor` on `target`, in publication order.

    Args:
        conn: a store connection.
        actor: a country code (PRK) or an entity name or key; None for any.
        target: the same, for the event's target.
        unit: what is counted (`troops`); None for any.
        limit: figures per page.
        offset: figures to skip.
    Returns:
        {"actor", "target", "unit", "total", "figures": [...], "by_source": {source: [...]}}.
    """
    sql, params = "", []
    if unit:
        sql += " AND q.unit_norm = ?"
        params.append(unit_norm(unit))
    for value, role, alias in ((actor, "actor", "a"), (target, "target", "t")):
        more, values = _party(conn, value, role, alias)
        sql, params = sql + more, params + values
    base = (" FROM quantities q JOIN documents d ON d.doc_rowid = q.doc_rowid"
            " LEFT JOIN events e ON e.event_rowid = q.event_rowid WHERE q.min IS NOT NULL" + sql)
    total = conn.execute("SELECT COUNT(*)" + base, params).fetchone()[0]
    rows = conn.execute(
        "SELECT q.min, q.max, q.approx, q.unit, q.text, q.published, q.source, d.id AS document,"
        " d.title, d.url, e.type AS event_type, e.status, e.date_start, e.date_end, e.event_rowid"
        + base + " ORDER BY COALESCE(q.published, e.sort_date), q.qty_rowid LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    found = [dict(r) for r in rows]
    by_source: dict[str, list] = {}
    for figure in found:
        by_source.setdefault(figure["source"] or "unknown", []).append(figure)
    return {"actor": actor, "target": target, "unit": unit, "total": total, "figures": found,
            "by_source": by_source}
