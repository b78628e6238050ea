"""One reader per format: bytes -> Articles (or InputErrors, one per bad record)."""
from __future__ import annotations

import json
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .decode import decode_text, repair_mojibake

_RECORD_FIELDS = ("id", "url", "source", "title", "published", "lang")
_KINDS = {int: "a number", float: "a number", bool: "a boolean", list: "a list", dict: "an object"}


def read_text(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    """A plain-text article (possibly a scrape with boilerplate lines)."""
    if len(data) > options["max_article_bytes"]:
        yield InputError("E103", input=name, limit=options["max_article_bytes"])
        return
    try:
        text = decode_text(data, name)
    except InputError as e:
        yield e
        return
    if not text.strip():  # a BOM and blanks
        yield InputError("E102", input=name)
        return
    yield Article(text=repair_mojibake(text), input_name=name)


def article_from_record(record: dict, name: str, options) -> Article | InputError:
    """Build an Article from one JSON Lines record (text, or raw page as html)."""
    if record.get("html") and not record.get("text"):
        from .html import article_from_html
        try:
            article = article_from_html(record["html"], name, options, url=record.get("url"))
        except InputError as e:
            return e
        for key in _RECORD_FIELDS:
            if record.get(key):
                setattr(article, key, str(record[key]) if key == "id" else record[key])
        return article
    text = record.get("text")
    path, line = name.rsplit(":", 1)[0], name.rsplit(":", 1)[-1]
    if text is not None and not isinstance(text, str):
        return InputError("E117", input=path, line=line, field="text", kind=_KINDS.get(type(text), "not a string"))
    if text is None:
        return InputError("E106", input=path, line=line)
    if len(text.encode("utf-8", "surrogatepass")) > options["max_article_bytes"]:
        return InputError("E103", input=name, limit=options["max_article_bytes"])
    article = Article(text=text, input_name=name, raw=bool(record.get("raw")))
    for key in _RECORD_FIELDS:
        value = record.get(key)
        if key == "published" and not value:
            value = record.get("date")
        if value is not None:
            setattr(article, key, str(value) if key == "id" else value)
    return article


def _parse_line(line: str, number: int, name: str, options) -> Article | InputError | None:
    """One JSON Lines line: an Article, an InputError, or None for a blank line."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError("E105", input=name, line=number, reason=e.msg)
    if not isinstance(record, dict):
        return InputError("E105", input=name, line=number, reason=type(record).__name__)
    return article_from_record(record, f"{name}:{number}", options)


def read_jsonl(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    """JSON Lines: one article per line; a bad line is an error, the others go on."""
    try:
        text = decode_text(data, name)
    except InputError as e:
        yield e
        return
    # split on "\n" only: str.splitlines() would also cut at U+2028 inside a JSON string
    for number, line in enumerate(text.split("\n"), 1):
        item = _parse_line(line, number, name, options)
        if item is not None:
            yield item


def read_jsonl_file(path: str, options) -> Iterator[Article | InputError]:
    """A JSON Lines file streamed line by line (any size; each line capped by max_article_bytes).

    Args:
        path: an uncompressed UTF-8 JSON Lines file.
        options: settings.
    Returns:
        iterator of Article or InputError, one per non-blank line.
    """
    limit = options["max_article_bytes"]
    with open(path, "rb") as f:
        for number, raw in enumerate(iter(lambda: f.readline(limit + 1), b""), 1):
            if len(raw) > limit and not raw.endswith(b"\n"):
                _skip_line(f)
                yield InputError("E103", input=f"{path}:{number}", limit=limit)
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as e:
                yield InputError("E116", input=f"{path}:{number}", offset=e.start)
                continue
            item = _parse_line(line, number, path, options)
            if item is not None:
                yield item


def _skip_line(f, chunk: int = 1 << 24) -> None:
    """Move `f` past the end of the current line, reading large chunks (a line may be gigabytes)."""
    while block := f.read(chunk):
        end = block.find(b"\n")
        if end >= 0:
            f.seek(end + 1 - len(block), 1)
            return


def read_html(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    from .html import read_html as _read
    yield from _read(data, name, options)


def read_feed(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    from .feeds import read_feed as _read
    yield from _read(data, name, options)


def read_warc(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    from .warc import read_warc as _read
    yield from _read(data, name, options)


READERS = {"text": read_text, "jsonl": read_jsonl, "html": read_html,
           "feed": read_feed, "warc": read_warc}
