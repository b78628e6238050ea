"""Linking the same story across languages in the store: translations, same-day twins, re-ingest."""
from __future__ import annotations

import copy
import shutil

import pytest

from cronica.store.sqlite import open_store
from cronica.store.xlang import language_links


def _linked(conn, doc_id: str) -> list[str]:
    return [link["id"] for link in language_links(conn, doc_id)]


def _all_links(conn) -> set[tuple[str, str]]:
    rows = conn.execute("SELECT a.id, b.id FROM xlang_links l JOIN documents a ON a.doc_rowid = l.doc_a"
                        " JOIN documents b ON b.doc_rowid = l.doc_b").fetchall()
    return {tuple(sorted(r)) for r in rows}


@pytest.fixture
def xlang_copy(xlang_db, tmp_path):
    """A writable copy of the store of translations and originals."""
    path = tmp_path / "xlang.db"
    shutil.copy(xlang_db, path)
    return path


PAIRS = {"tillerson-fox": 0, "tillerson-breitbart": 1, "hagel-cnn": 2}
TWINS = {"hagel-cnn-vs-times": 0, "tillerson-fox-vs-breitbart": 1, "tillerson-breitbart-vs-fox": 2}


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS)
def test_xlang_links_translation_to_its_original(xlang_db, xlang_cases, pair):
    spanish, english = xlang_cases["pairs"][pair]
    with open_store(xlang_db) as store:
        assert _linked(store.conn, spanish) == [english]
        assert _linked(store.conn, english) == [spanish]


@pytest.mark.parametrize("twin", TWINS.values(), ids=TWINS)
def test_xlang_leaves_same_day_twins_unlinked(xlang_db, xlang_cases, twin):
    spanish, english = xlang_cases["twins"][twin]
    with open_store(xlang_db) as store:
        assert english not in _linked(store.conn, spanish)
        assert spanish not in _linked(store.conn, english)


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS)
def test_xlang_link_signals_are_recorded(xlang_db, xlang_cases, pair):
    spanish, _ = xlang_cases["pairs"][pair]
    with open_store(xlang_db) as store:
        link, = language_links(store.conn, spanish)
    assert link["lang"] == "en" and link["signals"]["gap"] <= 3
    assert link["signals"]["alignment"] > 0.7 and link["score"] >= link["signals"]["alignment"]


@pytest.mark.parametrize("change", [False, True])
def test_xlang_reingest_keeps_one_link(xlang_copy, xlang_records, change):
    with open_store(xlang_copy) as store:
        before = _all_links(store.conn)
        for record in xlang_records.values():
            again = copy.deepcopy(record)
            if change:
                again.setdefault("meta", {})["crawled"] = "2026-11-28"
            assert store.add_record(again) == ("replaced" if change else "unchanged")
        assert _all_links(store.conn) == before
        assert store.conn.execute("SELECT COUNT(*) FROM xlang_links").fetchone()[0] == len(PAIRS)


@pytest.mark.parametrize("side", [0, 1], ids=["es", "en"])
def test_xlang_link_survives_reingest_of_either_article(xlang_copy, xlang_records, xlang_cases, side):
    spanish, english = xlang_cases["pairs"][0]
    record = copy.deepcopy(xlang_records[(spanish, english)[side]])
    record["title"] = record["title"] + " (updated)"
    with open_store(xlang_copy) as store:
        assert store.add_record(record) == "replaced"
        assert _linked(store.conn, spanish) == [english]


@pytest.mark.parametrize("order", ["reversed"])
def test_xlang_links_do_not_depend_on_order(xlang_db, xlang_records, tmp_path, order):
    with open_store(xlang_db) as store:
        expected = _all_links(store.conn)
    with open_store(tmp_path / "reversed.db") as store:
        for record in reversed(list(xlang_records.values())):
            store.add_record(record)
        assert _all_links(store.conn) == expected


@pytest.mark.parametrize("pair", [PAIRS["hagel-cnn"]], ids=["hagel-cnn"])
def test_xlang_undated_article_is_not_linked(xlang_records, xlang_cases, tmp_path, pair):
    spanish, english = xlang_cases["pairs"][pair]
    undated = dict(xlang_records[spanish], published=None)
    with open_store(tmp_path / "undated.db") as store:
        store.add_record(undated)
        store.add_record(xlang_records[english])
        assert _linked(store.conn, english) == []
