"""Duplicates in a batch: exact and near copies of real articles are recorded, not re-read."""
from __future__ import annotations

import json

import pytest

from cronica.ingest import Deduplicator, deduplicate, read_inputs
from cronica.model import Article

@pytest.fixture(scope="module")
def samples(news_records):
    """A few long real articles, one per language."""
    es = [r for r in news_records.values() if r["lang"] == "es" and len(r["text"]) > 1500][:3]
    en = [r for r in news_records.values() if r["lang"] == "en" and len(r["text"]) > 1500][:3]
    return es + en


def _article(record, **changes) -> Article:
    fields = {"text": record["text"], "url": record["url"], "source": record["source"], "id": record["id"]}
    fields.update(changes)
    return Article(**fields)


def _near_copy(text: str) -> str:
    """The same story as another outlet runs it: its end cut, re-spaced and re-cased."""
    return "\n\n".join(p for p in text[: int(len(text) * 0.9)].split("\n") if p.strip()).upper()


@pytest.mark.parametrize("index", range(6))
def test_dedup_exact_copy_returns_the_original(samples, index):
    record = samples[index]
    checker = Deduplicator()
    assert checker.check(_article(record)) is None
    copy = _article(record, text="  " + record["text"].replace("\n", "\n\n").upper(), url="https://copy.example/1",
                    source="Agencia", id="copy-1")
    assert checker.check(copy) == record["id"]


@pytest.mark.parametrize("index", range(6))
def test_dedup_near_copy_is_found(samples, index):
    record = samples[index]
    checker = Deduplicator()
    original = _article(record)
    checker.check(original)
    assert checker.check(_article(record, text=_near_copy(record["text"]), id="near", url="https://b.example/x")) \
        == record["id"]
    assert original.meta["copies"] == [{"id": "near", "url": "https://b.example/x", "source": record["source"]}]


def test_dedup_different_articles_are_kept(samples):
    checker = Deduplicator()
    assert [checker.check(_article(r)) for r in samples] == [None] * len(samples)


def test_dedup_in_read_inputs_keeps_order_and_records_copies(samples, options, tmp_path):
    lines = [dict(id=r["id"], text=r["text"], url=r["url"], source=r["source"]) for r in samples[:3]]
    lines.insert(2, dict(lines[0], id="wire-copy", url="https://other.example/a", source="Otro"))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    articles = list(read_inputs([str(path)], options, dedup=True))
    assert [a.id for a in articles] == [r["id"] for r in samples[:3]]
    assert articles[0].meta["copies"] == [{"id": "wire-copy", "url": "https://other.example/a", "source": "Otro"}]
    assert len(list(read_inputs([str(path)], options))) == 4  # off unless asked


@pytest.mark.parametrize("hold", [1, 64])
def test_dedup_errors_pass_through_in_order(samples, hold):
    from cronica.errors import InputError
    error = InputError("E102", input="empty.txt")
    items = [_article(samples[0]), error, _article(samples[1]), _article(samples[0], id="again")]
    assert list(deduplicate(items, hold=hold))[:3] == items[:3]
