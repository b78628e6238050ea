"""WARC: HTML responses streamed from disk, crawl dates kept apart, corrupt records isolated."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json

import pytest

from cronica.errors import InputError
from cronica.ingest import read_inputs
from cronica.ingest.warc import read_warc, read_warc_file
from cronica.model import Article

WARC = "news/warc/fundus-sample.warc.gz"


@pytest.fixture(scope="module")
def shared_warc(shared_data, options):
    """Everything the shared WARC yields, read once."""
    return list(read_warc_file(str(shared_data / WARC), options))


@pytest.fixture(scope="module")
def warc_index(shared_data):
    with open(shared_data / "news" / "warc" / "index.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def small_warc(shared_data):
    """The shared WARC's first 7 records (warcinfo + 6 pages): gzip members stand alone."""
    from warcio.archiveiterator import ArchiveIterator
    data = (shared_data / WARC).read_bytes()
    iterator, starts = ArchiveIterator(io.BytesIO(data)), []
    for _ in iterator:
        starts.append(iterator.offset)
    return data[:starts[7]]


def test_warc_every_response_is_an_article(shared_warc, warc_index):
    assert all(isinstance(a, Article) for a in shared_warc)
    assert [a.url for a in shared_warc] == [r["url"] for r in warc_index]
    assert shared_warc[0].input_name.endswith("fundus-sample.warc.gz#2")  # record 1 is warcinfo


def test_warc_page_date_wins_over_crawl_date(shared_warc, shared_data):
    with open(shared_data / "news" / "html" / "index.jsonl", encoding="utf-8") as f:
        gold = {r["url"]: r for r in map(json.loads, f)}
    for article in shared_warc:
        expected = dt.datetime.fromisoformat(gold[article.url]["published"])
        published = dt.datetime.fromisoformat(article.published).astimezone(expected.tzinfo)
        assert published.replace(second=0, microsecond=0) == expected.replace(second=0, microsecond=0)
        assert article.meta["crawled"] and article.meta["published_from"] != "warc-date"


def _response(url: str, date: str, html: bytes, content_type: bytes = b"text/html; charset=utf-8"):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type.decode())], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize("record_id", ["es-fundus-es-Publico_2025_05_29"])  # no date in its URL
def test_warc_crawl_date_only_as_fallback(shared_data, news_records, options, record_id, tmp_path):
    with open(shared_data / "news" / "html" / "index.jsonl", encoding="utf-8") as f:
        page = next(r for r in map(json.loads, f) if r["id"] == record_id)
    paragraphs = "".join(f"<p>{p}</p>" for p in page["text"].split("\n") if p.strip())
    html = f"<html><body><article><h1>{page['title']}</h1>{paragraphs}</article></body></html>".encode()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_response(page["url"], "2024-10-16T09:00:00Z", html)
                     + _response(page["url"] + "?img", "2024-10-16T09:00:01Z", b"\x89PNG", b"image/png"))
    articles = list(read_warc_file(str(path), options))
    assert len(articles) == 1
    assert articles[0].published == "2024-10-16T09:00:00+00:00"
    assert articles[0].meta["published_from"] == "warc-date"
    assert articles[0].input_name == f"{path}#1"


def _corrupt(data: bytes, record: int) -> bytes:
    from warcio.archiveiterator import ArchiveIterator
    iterator, starts = ArchiveIterator(io.BytesIO(data)), []
    for _ in iterator:
        starts.append(iterator.offset)
    damaged = bytearray(data)
    for k in range(starts[record - 1] + 200, starts[record - 1] + 260):
        damaged[k] ^= 0x55
    return bytes(damaged)


@pytest.mark.parametrize("record", [3, 6])
def test_warc_corrupt_record_is_one_error(small_warc, options, tmp_path, record):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_corrupt(small_warc, record))
    items = list(read_warc_file(str(path), options))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.code, e.values["input"]) for e in errors] == [("E110", f"{path}#{record}")]
    assert len(items) == 6 and "\n" not in str(errors[0])


@pytest.mark.parametrize("cut", [500, 5000])
def test_warc_truncated_last_record_is_reported(small_warc, options, cut):
    items = list(read_warc(small_warc[:len(small_warc) - cut], "crawl.warc.gz", options))
    assert isinstance(items[-1], InputError) and items[-1].code == "E110"
    assert all(isinstance(i, Article) for i in items[:-1]) and len(items) == 6


@pytest.mark.parametrize("bad_record", [3, 7])
def test_warc_plain_warc_with_a_bad_header_goes_on(small_warc, options, tmp_path, bad_record):
    data = gzip.decompress(small_warc)  # every member, concatenated
    third = 0
    for _ in range(bad_record - 1):
        third = data.find(b"WARC/1.", third + 1)
    damaged = data[:third] + b"GARBAGE" + data[third + 7:]
    path = tmp_path / "crawl.warc"
    path.write_bytes(damaged)
    items = list(read_warc_file(str(path), options))
    assert [i.values["input"] for i in items if isinstance(i, InputError)] == [f"{path}#{bad_record}"]
    assert sum(isinstance(i, Article) for i in items) == 5


def test_warc_files_are_streamed_not_read_whole(small_warc, options, monkeypatch, tmp_path):
    from cronica.ingest import detect, sources

    def refuse(*args, **kwargs):
        raise AssertionError("a WARC file must not be read into memory whole")
    monkeypatch.setattr(detect, "open_bytes", refuse)
    monkeypatch.setattr(sources, "open_bytes", refuse)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(small_warc)
    items = list(read_inputs([str(path)], options))
    assert len(items) == 6 and all(isinstance(i, Article) for i in items)


def test_warc_gzipped_whole_is_read(small_warc, options):
    whole = gzip.compress(gzip.decompress(small_warc))  # one gzip stream, not one member per record
    items = list(read_warc(whole, "crawl.warc.gz", options))
    assert len(items) == 6 and all(isinstance(i, Article) for i in items)


def test_warc_gzipped_whole_with_damage_is_reported(small_warc, options, capfd):
    whole = bytearray(gzip.compress(gzip.decompress(small_warc)))
    middle = len(whole) // 2
    whole[middle:middle + 100] = bytes(b ^ 0x55 for b in whole[middle:middle + 100])
    items = list(read_warc(bytes(whole), "crawl.warc.gz", options))
    codes = [i.code for i in items if isinstance(i, InputError)]
    assert "E110" in codes and set(codes) <= {"E110", "E116"}  # damaged records, garbled bytes
    assert isinstance(items[0], Article)
    assert capfd.readouterr().err == ""  # the library's own warnings go to the log
