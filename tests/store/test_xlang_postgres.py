"""Cross-language links in the PostgreSQL store: the same links as the embedded store, kept on reload.

The server fixtures are those of test_postgres (a DSN from CRONICA_TEST_PG or a throwaway
cluster); without a server these tests skip, as those do.
"""
from __future__ import annotations

import pytest

from test_postgres import pg_dsn, pg_server  # noqa: F401  (the server fixtures, defined once there)


def _pairs(conn) -> set[tuple[str, str]]:
    rows = conn.execute("SELECT a.id, b.id FROM xlang_links l JOIN documents a ON a.doc_rowid = l.doc_a"
                        " JOIN documents b ON b.doc_rowid = l.doc_b").fetchall()
    return {tuple(sorted(r)) for r in rows}


@pytest.mark.parametrize("chunk", [1, 100], ids=["one-by-one", "one-chunk"])
def test_xlang_postgres_links_as_sqlite(pg_dsn, xlang_records, xlang_db, chunk):  # noqa: F811
    from cronica.store.pg_load import write_records
    from cronica.store.postgres import open_pg_store
    from cronica.store.sqlite import open_store
    records = list(xlang_records.values())
    with open_pg_store(pg_dsn) as pg:
        for at in range(0, len(records), chunk):
            write_records(pg, records[at:at + chunk])
        linked = _pairs(pg)
    with open_store(xlang_db) as store:
        assert linked == _pairs(store.conn) and len(linked) == 3


@pytest.mark.parametrize("pair", [0], ids=["tillerson-fox"])
def test_xlang_postgres_reload_keeps_links(pg_dsn, xlang_records, xlang_cases, pair):  # noqa: F811
    from cronica.store.pg_load import write_records
    from cronica.store.postgres import document_view, open_pg_store
    spanish, english = xlang_cases["pairs"][pair]
    changed = dict(xlang_records[english], title=xlang_records[english]["title"] + " (updated)")
    with open_pg_store(pg_dsn) as pg:
        write_records(pg, list(xlang_records.values()))
        assert write_records(pg, [changed])["replaced"] == 1
        assert [o["id"] for o in document_view(pg, spanish)["other_languages"]] == [english]
        assert len(_pairs(pg)) == 3
