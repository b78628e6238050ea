"""WARC files: each HTML `response` record becomes an Article named `crawl.warc.gz#N`.

Records are streamed with warcio's ArchiveIterator (a gzip WARC is one gzip member
per record; a WARC gzipped whole is read through one gzip stream), never the whole
file in memory. N counts every record from 1. A corrupt
record is one error; reading resumes at the next record that starts cleanly.
`WARC-Date` is when the page was crawled: it goes to `meta["crawled"]` and becomes
`published` only when the page itself declares no date.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import logging
import zlib
from typing import BinaryIO, Iterator

from ..errors import InputError
from ..model import Article
from .decode import charset_from_content_type, decode_text
from .html import article_from_html, declared_charset
from .pagemeta import normalize_date

log = logging.getLogger("cronica")

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN_CHUNK = 1 << 16


def _errors():
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException
    return (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, OSError, ValueError)


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def article_from_warc_record(record, name: str, options) -> Article | InputError | None:
    """One WARC record as an Article, an InputError, or None when it is not an HTML response.

    Args:
        record: a warcio ArcWarcRecord, positioned at its content.
        name: the record's input name (`file#N`).
        options: settings (max_article_bytes).
    Returns:
        Article, InputError or None.
    """
    if not _is_html_response(record):
        return None
    limit = options["max_article_bytes"]
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return InputError("E103", input=name, limit=limit)
    content_type = record.http_headers.get_header("Content-Type") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    try:
        text = decode_text(data, name, declared=charset_from_content_type(content_type) or declared_charset(data))
        article = article_from_html(text, name, options, url=url)
    except InputError as e:
        return e
    article.meta["crawled"] = normalize_date(crawled) or crawled
    if not article.published and crawled:
        article.published = normalize_date(crawled)
        article.meta["published_from"] = "warc-date"
    return article


def _next_record(iterator):
    """The iterator's next record, or None; warcio's own warnings go to the log, not stderr."""
    noise = io.StringIO()
    with contextlib.redirect_stderr(noise):
        record = next(iterator, None)
    if noise.getvalue().strip():
        log.debug("warcio: %s", " ".join(noise.getvalue().split()))
    return record


def _truncated(record) -> bool:
    """Drain the record; True when its block ends before its declared Content-Length."""
    stream = record.raw_stream
    while stream.read(_SCAN_CHUNK):
        pass
    return getattr(stream, "limit", 0) > 0


def _reason(error: Exception) -> str:
    """A one-line, printable reason (corrupt headers would otherwise print raw bytes)."""
    lines = [line.strip() for line in str(error).split(", first line:")[0].splitlines() if line.strip()]
    text = "".join(c if c.isprintable() else "?" for c in (lines[0] if lines else ""))[:160]
    return text or type(error).__name__


def _looks_like_start(stream: BinaryIO, position: int, gzipped: bool) -> bool:
    stream.seek(position)
    head = stream.read(4096)
    if not gzipped:
        return head.startswith(b"WARC/")
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _next_start(stream: BinaryIO, after: int, gzipped: bool) -> int | None:
    """The offset of the first record that starts cleanly after `after`, or None."""
    marker = b"\x1f\x8b\x08" if gzipped else b"WARC/1."
    position = after + 1
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK + len(marker))
        if len(chunk) < len(marker):
            return None
        found = chunk.find(marker)
        if found < 0:
            position += _SCAN_CHUNK
            continue
        candidate = position + found
        if (gzipped or candidate == 0 or _byte_before(stream, candidate) == b"\n") \
                and _looks_like_start(stream, candidate, gzipped):
            return candidate
        position = candidate + 1


def _byte_before(stream: BinaryIO, position: int) -> bytes:
    stream.seek(position - 1)
    return stream.read(1)


def _gzipped_whole(stream: BinaryIO) -> bool:
    """True when the first gzip member holds more than one record (gzip over the whole WARC)."""
    stream.seek(0)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = b""
    while not inflater.eof and len(out) < (4 << 20):
        chunk = stream.read(_SCAN_CHUNK)
        try:
            out += inflater.decompress(chunk, (4 << 20) - len(out)) if chunk else b""
        except zlib.error:
            break  # damage: judge by what came out before it
        if not chunk:
            break
    stream.seek(0)
    return out.count(b"\nWARC/1.") > 0


def read_warc_stream(stream: BinaryIO, name: str, options) -> Iterator[Article | InputError]:
    """Stream the records of a seekable WARC (plain or gzip per record).

    Args:
        stream: a seekable binary file object at the start of the WARC.
        name: input name; records are named `name#N`.
        options: settings.
    Returns:
        iterator of Article or InputError, one per HTML response record or corrupt record;
        one E110 for the file when it holds no HTML response at all (only requests,
        images, metadata), so an archive never passes silently.
    """
    found = False
    for item in _read_records(stream, name, options):
        found = True
        yield item
    if not found:
        yield InputError("E110", input=name, reason="no HTML response records")


def _read_records(stream: BinaryIO, name: str, options) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    errors = _errors()
    gzipped = stream.read(2) == b"\x1f\x8b"
    if gzipped and _gzipped_whole(stream):
        stream, gzipped = gzip.GzipFile(fileobj=stream), False
    position, number = 0, 0
    while position is not None:
        stream.seek(position)
        iterator = ArchiveIterator(stream)
        counted = False
        try:
            for record in iter(lambda: _next_record(iterator), None):
                number, counted = number + 1, True
                item = article_from_warc_record(record, f"{name}#{number}", options)
                if _truncated(record):
                    item = InputError("E110", input=f"{name}#{number}", reason="record truncated")
                counted = False
                if item is not None:
                    yield item
            return
        except errors as e:
            failed_at = max(iterator.offset, position)
            number += 0 if counted else 1
            yield InputError("E110", input=f"{name}#{number}", reason=_reason(e))
        try:
            position = _next_start(stream, failed_at, gzipped)
        except errors:  # a gzip stream over the whole file cannot be read past its damage
            position = None


def read_warc(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    """A WARC already in memory (standard input, a JSON Lines field): see `read_warc_stream`."""
    yield from read_warc_stream(io.BytesIO(data), name, options)


def read_warc_file(path: str, options) -> Iterator[Article | InputError]:
    """A WARC file on disk, streamed record by record (any size; each page is capped)."""
    with open(path, "rb") as stream:
        yield from read_warc_stream(stream, path, options)
