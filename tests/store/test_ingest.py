"""Ingest: the readers and Pipeline of `cronica extract`, then the store."""
from __future__ import annotations

import json

import pytest

from cronica.store.ingest import extract_records, read_records, store_records
from cronica.store.sqlite import open_store


@pytest.mark.parametrize("doc_ids", [("es-fnc-1a8324332adb", "en-abp-EMjRpWe01vqXQwA2")])
def test_ingest_extracts_and_stores_articles(tmp_path, news_records, pipeline, options, doc_ids):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "news.jsonl").write_text("".join(json.dumps(news_records[i], ensure_ascii=False) + "\n"
                                               for i in doc_ids), encoding="utf-8")
    with open_store(tmp_path / "c.db") as store:
        first = list(store_records(store, extract_records([str(folder)], options, pipeline=pipeline)))
        again = list(store_records(store, extract_records([str(folder)], options, pipeline=pipeline)))
        stored = [store.get_record(i) for i in doc_ids]
    assert first == [("added", i) for i in doc_ids]
    assert again == [("unchanged", i) for i in doc_ids]
    assert [r["text"][:40] for r in stored] == [news_records[i]["text"][:40] for i in doc_ids]


@pytest.mark.parametrize("content,code", [("{broken\n", "E105"), ('{"id": "x1"}\n', "E404")])
def test_ingest_read_records_reports_bad_lines(tmp_path, content, code):
    path = tmp_path / "records.jsonl"
    path.write_text(content, encoding="utf-8")
    (error,) = list(read_records(path))
    assert error.code == code


@pytest.mark.parametrize("name", ["missing.jsonl"])
def test_ingest_read_records_missing_file(tmp_path, name):
    (error,) = list(read_records(tmp_path / name))
    assert error.code == "E107"
