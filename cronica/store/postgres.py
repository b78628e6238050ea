"""The store on PostgreSQL: the SQLite store's tables, bulk loading with COPY, the same queries.

A server store holds what `cronica batch` produces at scale. Its schema
(`pg_schema.sql`) has the tables and columns of the embedded store, so the query
functions of `cronica.query` run on it unchanged through `PgConnection`, a thin
adapter with the sqlite3 calling style (`?` parameters, rows read by name or
position). Only full-text search differs: a tsvector per document, built with the
document's language (`spanish`, `english`, else `simple`).

Loading is idempotent: a record whose id and content hash are stored is skipped, a
changed one replaces the old version, a new one is copied in (COPY), chunk by chunk,
one transaction per chunk.
"""
from __future__ import annotations

import re
from importlib import resources

from ..errors import StoreError
from .search import _with_highlights

SCHEMA_VERSION = 2  # 2: cross-language links (xlang_*)
LOCK_ID = 0x63726F6E  # advisory lock: one writer at a time ("cron")
_WORD = re.compile(r"\w+", re.UNICODE)


class Row:
    """A result row read by position or by column name, like `sqlite3.Row`."""

    __slots__ = ("_values", "_index")

    def __init__(self, values, index: dict[str, int]):
        self._values, self._index = tuple(values), index

    def __getitem__(self, key):
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def keys(self) -> list[str]:
        """Column names, in order (so `dict(row)` works)."""
        return list(self._index)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or []]
    index = {name: i for i, name in enumerate(names)}
    return lambda values: Row(values, index)


class PgConnection:
    """A psycopg connection with the sqlite3 calling style the query functions use."""

    backend = "postgresql"

    def __init__(self, conn, dsn: str):
        self.raw, self.dsn = conn, dsn

    def execute(self, sql: str, params=()):
        """Run `sql` (with `?` placeholders) and return the cursor."""
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def transaction(self):
        """A transaction block (`with pg.transaction(): ...`)."""
        return self.raw.transaction()

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def is_postgres(target) -> bool:
    """True when `target` names a PostgreSQL database (a postgresql:// or postgres:// DSN)."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def _safe_dsn(dsn: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", dsn)


def connect(dsn: str) -> PgConnection:
    """Open a connection (autocommit; writes use explicit transactions).

    Args:
        dsn: postgresql://user@host:port/dbname
    Returns:
        PgConnection.
    """
    import psycopg
    try:
        conn = psycopg.connect(dsn, autocommit=True, row_factory=_row_factory)
    except psycopg.Error as e:
        raise StoreError("E401", path=_safe_dsn(dsn), reason=str(e).strip()) from e
    return PgConnection(conn, dsn)


def migrate(pg: PgConnection) -> int:
    """Create the tables when missing; refuse a database made by a newer cronica.

    Args:
        pg: a connection.
    Returns:
        the schema version.
    """
    script = (resources.files("cronica.store") / "pg_schema.sql").read_text(encoding="utf-8")
    with pg.transaction():
        pg.raw.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
        found = pg.raw.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]
        if found:
            current = pg.raw.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise StoreError("E402", path=_safe_dsn(pg.dsn), found=current, known=SCHEMA_VERSION)
        pg.raw.execute(script)
    return SCHEMA_VERSION


def open_pg_store(dsn: str) -> PgConnection:
    """Connect to the database at `dsn` and create cronica's tables when missing."""
    pg = connect(dsn)
    migrate(pg)
    return pg


# Queries: the store's own functions where their SQL is portable, PostgreSQL's where not.

def _tsquery_text(query: str, operator: str) -> str:
    """User words as tsquery text: words joined by `&` (or `|`), `word:*` for a trailing `*`."""
    terms = []
    for token in query.split():
        words = _WORD.findall(token)
        if not words:
            continue
        phrase = " <-> ".join(words)
        terms.append(f"{phrase}:*" if token.endswith("*") else phrase)
    return f" {operator} ".join(f"({t})" for t in terms)


MATCH = ("((d.lang = 'es' AND d.tsv @@ to_tsquery('spanish', ?))"
         " OR (d.lang = 'en' AND d.tsv @@ to_tsquery('english', ?))"
         " OR (COALESCE(d.lang, '') NOT IN ('es', 'en') AND d.tsv @@ to_tsquery('simple', ?)))")


def match_documents(query: str, *, operator: str = "&") -> tuple[str, list]:
    """SQL condition on `documents d` for documents matching the words of `query`, and its parameters."""
    text = _tsquery_text(query, operator)
    return MATCH, [text, text, text]


HEADLINE = "StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \""
_SEARCH = (
    "SELECT d.id, d.title, d.source, d.url, d.published, d.lang, ts_headline(cronica_ts_config(d.lang),"
    " d.record::jsonb ->> 'text', to_tsquery(cronica_ts_config(d.lang), ?), ?) AS snippet, -ts_rank_cd(d.tsv, to_tsquery(cronica_ts_config(d.lang), ?)) AS score"
    " FROM documents d WHERE {match} ORDER BY score, d.doc_rowid LIMIT ? OFFSET ?")


def search_documents(pg: PgConnection, query: str, *, limit: int = 20, offset: int = 0) -> dict:
    """Documents matching `query`, best first, with a snippet (as `cronica.store.search`).

    Args:
        pg: a connection.
        query: the user's words.
        limit: page size.
        offset: rows to skip.
    Returns:
        {"query", "total", "all_words", "results": [{id, title, source, url, published, lang,
        snippet, highlights, score}]}.
    """
    if not _tsquery_text(query, "&"):
        return {"query": query, "total": 0, "results": [], "all_words": True}
    operator, all_words = "&", True
    match, params = match_documents(query)
    total = pg.execute(f"SELECT COUNT(*) FROM documents d WHERE {match}", params).fetchone()[0]
    if not total:  # no article has every word: rank those with some of them
        operator, all_words = "|", False
        match, params = match_documents(query, operator="|")
        total = pg.execute(f"SELECT COUNT(*) FROM documents d WHERE {match}", params).fetchone()[0]
    text = _tsquery_text(query, operator)
    rows = pg.execute(_SEARCH.format(match=match),
                      [text, HEADLINE, text, *params, limit, offset]).fetchall()
    return {"query": query, "total": total, "all_words": all_words,
            "results": [_with_highlights(dict(r)) for r in rows]}


def _date_filters(date_from, date_to, types) -> tuple[str, list]:
    from .keys import date_ceiling, date_floor
    sql, params = ["e.sort_date > ''" if not date_to else "e.sort_date <= ?"], []
    if date_to:
        params.append(date_ceiling(date_to))
    if date_from:
        sql.append("e.sort_date >= ?")
        params.append(date_floor(date_from))
    if types:
        sql.append(f"e.type IN ({','.join('?' * len(types))})")
        params.extend(types)
    return " AND ".join(sql), params


def _event_page(pg: PgConnection, keys: list[str], query: str | None, where: str, params: list,
                limit: int, offset: int) -> tuple[list[int], int]:
    if keys:
        source = (f"SELECT DISTINCT ee.event_rowid, ee.sort_date FROM event_entities ee JOIN events e"
                  f" ON e.event_rowid = ee.event_rowid WHERE ee.key IN ({','.join('?' * len(keys))}) AND {where}")
        params = [*keys, *params]
    elif query:
        match, match_params = match_documents(query)
        source = ("SELECT e.event_rowid, e.sort_date FROM events e JOIN documents d ON d.doc_rowid = e.doc_rowid"
                  f" WHERE {match} AND {where}")
        params = [*match_params, *params]
    else:
        source = f"SELECT e.event_rowid, e.sort_date FROM events e WHERE {where}"
    total = pg.execute(f"SELECT COUNT(*) FROM ({source}) AS found", params).fetchone()[0]
    rows = pg.execute(f"{source} ORDER BY 2, 1 LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return [r[0] for r in rows], total


def timeline(pg: PgConnection, *, entity: str | None = None, query: str | None = None,
             date_from: str | None = None, date_to: str | None = None, types: list[str] | None = None,
             limit: int = 100, offset: int = 0) -> dict:
    """Events of an entity or of the articles matching `query`, by date (as `cronica.query.timeline`).

    Args and result as `cronica.query.timeline.timeline`; full-text matching uses the tsvector.
    """
    keys = resolve_entity(pg, entity) if entity else []
    if entity and not keys:
        return {"entity": entity, "keys": [], "total": 0, "stories": []}
    if query and not entity and not _tsquery_text(query, "&"):
        return {"query": query, "keys": [], "total": 0, "stories": []}
    where, params = _date_filters(date_from, date_to, [t.upper() for t in types or [] if t])
    event_ids, total = _event_page(pg, keys, None if entity else query, where, params, limit, offset)
    return {"entity": entity, "query": query, "keys": keys, "total": total,
            "stories": load_stories(pg, event_ids)}


_EVIDENCE = (
    "SELECT * FROM (SELECT e.event_rowid, e.story_id, e.local_id, e.type, e.mode, e.status, e.date_start,"
    " e.date_end, e.granularity, e.when_text, e.sort_date, e.evidence, e.evidence_start, e.evidence_end,"
    " e.confidence, d.id AS document, d.title, d.source, d.url, d.published, ROW_NUMBER() OVER"
    " (PARTITION BY e.story_id ORDER BY e.sort_date, e.event_rowid) AS rank FROM events e"
    " JOIN documents d ON d.doc_rowid = e.doc_rowid WHERE e.story_id = ANY(?)) AS ranked"
    " WHERE rank <= ? ORDER BY sort_date, event_rowid")


def load_stories(pg: PgConnection, event_ids: list[int]) -> list[dict]:
    """Group events into their stories with their evidence (as `cronica.query.timeline.load_stories`)."""
    from ..query.timeline import MAX_EVIDENCE, _add_evidence, _links, _new_story  # the same story shape
    if not event_ids:
        return []
    story_of = {r[0]: r[1] for r in pg.execute(
        "SELECT event_rowid, story_id FROM events WHERE event_rowid = ANY(?)", (list(event_ids),))}
    story_ids = list(dict.fromkeys(story_of[e] for e in event_ids if e in story_of))
    rows = pg.execute(_EVIDENCE, (story_ids, MAX_EVIDENCE)).fetchall()
    links = _links(pg, [r["event_rowid"] for r in rows])
    stories = {s: None for s in story_ids}
    for row in rows:
        story = stories[row["story_id"]] or _new_story(row)
        stories[row["story_id"]] = story
        _add_evidence(story, dict(row), links.get(row["event_rowid"], []))
    return [s for s in stories.values() if s]


def resolve_entity(pg: PgConnection, name: str) -> list[str]:
    """Keys of the entities `name` denotes (as `cronica.query.entity.resolve_entity`)."""
    from ..query.entity import resolve_entity as store_resolve
    return store_resolve(pg, name)


_CO_ACTORS = (
    "WITH mine AS (SELECT event_rowid FROM event_entities WHERE key = ? ORDER BY sort_date DESC LIMIT ?)"
    " SELECT other.key, ent.name, ent.country, COUNT(DISTINCT other.event_rowid) AS n_events"
    " FROM mine JOIN event_entities other ON other.event_rowid = mine.event_rowid"
    " JOIN entities ent ON ent.key = other.key WHERE other.key != ?"
    " GROUP BY other.key, ent.name, ent.country ORDER BY n_events DESC, other.key LIMIT ?")


def co_actors(pg: PgConnection, key: str, *, limit: int = 20, scan: int = 20_000) -> list[dict]:
    """Entities that share events with `key` (as `cronica.query.entity.co_actors`)."""
    return [dict(r) for r in pg.execute(_CO_ACTORS, (key, scan, key, limit))]


_PROFILE = {
    "aliases": "SELECT MIN(alias) FROM entity_aliases WHERE key = ? GROUP BY name_norm"
               " ORDER BY COUNT(*) DESC, MIN(alias) LIMIT 50",
    "roles": "SELECT role FROM doc_entities WHERE key = ? AND role IS NOT NULL GROUP BY role"
             " ORDER BY COUNT(*) DESC, role LIMIT 10",
}
_PROFILE_EVENTS = (
    "SELECT e.event_rowid, e.type, e.mode, e.status, e.date_start, e.date_end, e.sort_date,"
    " e.evidence, ee.role, d.id AS document, d.source, d.title FROM event_entities ee"
    " JOIN events e ON e.event_rowid = ee.event_rowid JOIN documents d ON d.doc_rowid = e.doc_rowid"
    " WHERE ee.key = ? ORDER BY ee.sort_date DESC, ee.event_rowid DESC LIMIT ? OFFSET ?")
_PROFILE_DOCUMENTS = (
    "SELECT d.id, d.title, d.source, d.published FROM documents d WHERE d.doc_rowid IN"
    " (SELECT doc_rowid FROM doc_entities WHERE key = ?) ORDER BY d.published DESC NULLS LAST LIMIT ?")


def entity_profile(pg: PgConnection, key: str, *, limit: int = 20, offset: int = 0) -> dict | None:
    """Everything the store knows of one entity (as `cronica.query.entity.entity_profile`)."""
    row = pg.execute("SELECT key, name, type, country, n_docs FROM entities WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    profile = dict(row)
    for name, sql in _PROFILE.items():
        profile[name] = [r[0] for r in pg.execute(sql, (key,))]
    profile["n_events"] = pg.execute("SELECT COUNT(*) FROM event_entities WHERE key = ?", (key,)).fetchone()[0]
    profile["events"] = [dict(r) for r in pg.execute(_PROFILE_EVENTS, (key, limit, offset))]
    profile["co_actors"] = co_actors(pg, key, limit=limit)
    profile["documents"] = [dict(r) for r in pg.execute(_PROFILE_DOCUMENTS, (key, limit))]
    return profile


def figures(pg: PgConnection, **filters) -> dict:
    """Reported figures of a unit by actor and target (as `cronica.query.figures.figures`)."""
    from ..query.figures import figures as store_figures
    return store_figures(pg, **filters)


def document_view(pg: PgConnection, doc_id: str) -> dict | None:
    """One stored article with its store context (as `cronica.query.document.document_view`)."""
    from ..query.document import document_view as store_document_view
    return store_document_view(pg, doc_id)


def read_record(pg: PgConnection, doc_id: str) -> dict | None:
    """The stored contract record of `doc_id`, or None."""
    from .records import read_record as store_read_record
    return store_read_record(pg, doc_id)


class PgStore:
    """An open PostgreSQL store with the embedded store's entry points (`add_record`, `get_record`)."""

    def __init__(self, dsn: str):
        self.path = _safe_dsn(dsn)
        self.conn = open_pg_store(dsn)

    def add_record(self, record: dict) -> str:
        """Store one contract record in one transaction.

        Args:
            record: a `cronica.document/1` dict.
        Returns:
            'added', 'replaced', 'unchanged' or 'duplicate'.
        """
        from .pg_load import write_records
        from .records import check_record
        check_record(record, str(record.get("id")) if isinstance(record, dict) else "record")
        return next(iter(write_records(self.conn, [record])))

    def get_record(self, doc_id: str) -> dict | None:
        """The stored record of document `doc_id`, or None."""
        return read_record(self.conn, doc_id)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class PgReaders:
    """The web server's connections to PostgreSQL: one per server thread, one writer behind a lock."""

    def __init__(self, dsn: str):
        import threading
        self.dsn = dsn
        self._local = threading.local()
        self.write_lock = threading.Lock()
        self._writer = None
        open_pg_store(dsn).close()  # create the tables before the first request

    def conn(self) -> PgConnection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.raw.closed:
            conn = self._local.conn = connect(self.dsn)
        return conn

    def writer(self) -> PgStore:
        """The store to write through (opened on first write); use under `write_lock`."""
        if self._writer is None:
            self._writer = PgStore(self.dsn)
        return self._writer
