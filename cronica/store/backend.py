"""Which store a `--db` target names, and the query functions that read it.

A target is a file path (the embedded SQLite store, the default) or a
`postgresql://` DSN (a server store loaded by `cronica load` or written by
`cronica ingest`). Both stores have the same tables and answer the same
queries; the SQL differs where the dialects do, so each store has its own
query functions with the same names and results.
"""
from __future__ import annotations

from types import SimpleNamespace

from .postgres import is_postgres


def open_target(target):
    """The open store named by `target`: `Store` (SQLite) or `PgStore` (PostgreSQL).

    Both have `.conn`, `add_record`, `get_record` and `close`, and are context managers.
    """
    if is_postgres(target):
        from .postgres import PgStore
        return PgStore(target)
    from .sqlite import open_store
    return open_store(target)


def queries_for(conn) -> SimpleNamespace:
    """The query functions for the store behind `conn`.

    Returns:
        a namespace with search_documents, timeline, resolve_entity, entity_profile,
        figures and document_view, each taking `conn` first.
    """
    if getattr(conn, "backend", None) == "postgresql":
        from . import postgres as q
        return SimpleNamespace(search_documents=q.search_documents, timeline=q.timeline,
                               resolve_entity=q.resolve_entity, entity_profile=q.entity_profile,
                               figures=q.figures, document_view=q.document_view)
    from ..query.document import document_view
    from ..query.entity import entity_profile, resolve_entity
    from ..query.figures import figures
    from ..query.timeline import timeline
    from .search import search_documents
    return SimpleNamespace(search_documents=search_documents, timeline=timeline,
                           resolve_entity=resolve_entity, entity_profile=entity_profile,
                           figures=figures, document_view=document_view)
