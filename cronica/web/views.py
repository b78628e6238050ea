"""What each page and API endpoint shows, as plain data (the pages' `.json` twins)."""
from __future__ import annotations

import sqlite3

from ..store.backend import queries_for
from .highlight import annotation_lists, highlight_segments


def _queries(conn):
    """The query functions for the store behind `conn` (SQLite or PostgreSQL)."""
    return queries_for(conn)


def _page(data: dict, limit: int, offset: int, shown: int) -> dict:
    total = data.get("total", shown)
    data.update(ok=True, limit=limit, offset=offset,
                next_offset=offset + limit if offset + limit < total else None)
    return data


def search_data(conn: sqlite3.Connection, q: str, limit: int, offset: int) -> dict:
    """Search results for `q`."""
    data = _queries(conn).search_documents(conn, q or "", limit=limit, offset=offset)
    return _page(data, limit, offset, len(data["results"]))


def timeline_data(conn: sqlite3.Connection, *, entity, q, date_from, date_to, types,
                  limit: int, offset: int) -> dict:
    """Timeline of an entity or of the articles matching `q`."""
    data = _queries(conn).timeline(conn, entity=entity or None, query=q or None, date_from=date_from or None,
                    date_to=date_to or None, types=[t for t in (types or "").split(",") if t],
                    limit=limit, offset=offset)
    data.update(date_from=date_from or None, date_to=date_to or None, types=types or None)
    return _page(data, limit, offset, len(data["stories"]))


def entity_data(conn: sqlite3.Connection, name: str, limit: int, offset: int) -> dict | None:
    """Profile of the entity `name` (a key, name or alias); None when unknown."""
    keys = _queries(conn).resolve_entity(conn, name)
    if not keys:
        return None
    data = _queries(conn).entity_profile(conn, keys[0], limit=limit, offset=offset)
    data["other_keys"] = keys[1:]
    data["total"] = data["n_events"]
    return _page(data, limit, offset, len(data["events"]))


def figures_data(conn: sqlite3.Connection, *, actor, target, unit, limit: int, offset: int) -> dict:
    """Figure history for `unit` by `actor` on `target`."""
    data = _queries(conn).figures(conn, actor=actor or None, target=target or None, unit=unit or None,
                   limit=limit, offset=offset)
    return _page(data, limit, offset, len(data["figures"]))


def document_data(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    """One article: its record, store context and highlight layers; None when unknown."""
    view = _queries(conn).document_view(conn, doc_id)
    if view is None:
        return None
    view["annotations"] = annotation_lists(view["record"], view["keys"])
    view["segments"] = highlight_segments(view["record"])
    view["ok"] = True
    return view
