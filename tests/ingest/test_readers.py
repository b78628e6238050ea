"""Text and JSON Lines readers on real articles."""
from __future__ import annotations

import gzip
import json

import pytest

from cronica.ingest.readers import read_jsonl, read_text
from cronica.model import Article


@pytest.fixture(scope="module")
def spanish(news_records):
    return next(r for r in news_records.values() if r["lang"] == "es" and "ó" in r["text"])


def test_readers_text_double_encoded_file_is_repaired(spanish, options):
    data = spanish["text"].encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    (article,) = read_text(data, "nota.txt", options)
    assert "Ã" not in article.text and "ó" in article.text


def test_readers_jsonl_raw_text_is_kept_as_given(spanish, options):
    broken = "AdriÃ¡n " + spanish["text"]
    line = json.dumps({"id": "x1", "text": broken, "raw": True}, ensure_ascii=False)
    (article,) = read_jsonl(line.encode("utf-8"), "batch.jsonl", options)
    assert article.text == broken and article.raw and article.id == "x1"


@pytest.mark.parametrize("page_id", ["es-fundus-es-ABC_2025_01_13"])
def test_readers_jsonl_html_record_is_extracted(shared_data, options, page_id):
    with open(shared_data / "news" / "html" / "index.jsonl", encoding="utf-8") as f:
        page = next(r for r in map(json.loads, f) if r["id"] == page_id)
    html = gzip.decompress((shared_data / "news" / page["file"]).read_bytes()).decode("utf-8")
    line = json.dumps({"id": page_id, "html": html, "url": page["url"]})
    (article,) = read_jsonl(line.encode("utf-8"), "pages.jsonl", options)
    assert isinstance(article, Article) and article.id == page_id
    assert article.title == page["title"] and article.published[:10] == page["published"][:10]


def test_readers_jsonl_files_are_streamed(news_records, options, tmp_path, monkeypatch):
    from cronica.ingest import read_inputs, sources

    def refuse(*args, **kwargs):
        raise AssertionError("a JSON Lines file must not be read into memory whole")
    monkeypatch.setattr(sources, "open_bytes", refuse)
    records = list(news_records.values())[:3]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False)
                              for r in records) + "\n", encoding="utf-8")
    assert [a.id for a in read_inputs([str(path)], options)] == [r["id"] for r in records]


@pytest.mark.parametrize("streamed", [True, False])
def test_readers_jsonl_line_separator_inside_text_is_not_a_line_break(spanish, options, tmp_path, streamed):
    from cronica.ingest.readers import read_jsonl_file
    text = spanish["text"].replace(". ", ".\u2028", 1)
    data = (json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n"
            + json.dumps({"id": "b", "text": spanish["text"]}, ensure_ascii=False)).encode("utf-8")
    path = tmp_path / "sep.jsonl"
    path.write_bytes(data)
    items = list(read_jsonl_file(str(path), options) if streamed else read_jsonl(data, "sep.jsonl", options))
    assert [i.id for i in items] == ["a", "b"] and items[0].text == text


def test_readers_jsonl_overlong_line_is_e103_and_the_next_is_read(spanish, options, tmp_path):
    from cronica.ingest.readers import read_jsonl_file
    small = dict(options, max_article_bytes=len(spanish["text"].encode("utf-8")) * 3)
    long_line = json.dumps({"id": "long", "text": spanish["text"] * 5}, ensure_ascii=False)
    short = json.dumps({"id": "short", "text": spanish["text"]}, ensure_ascii=False)
    path = tmp_path / "mixed.jsonl"
    path.write_text(long_line + "\n" + short + "\n", encoding="utf-8")
    items = list(read_jsonl_file(str(path), small))
    assert items[0].code == "E103" and items[0].values["input"].endswith("mixed.jsonl:1")
    assert [i.id for i in items[1:]] == ["short"]
