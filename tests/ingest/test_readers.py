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
