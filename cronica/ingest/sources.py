"""Walk paths (files, folders, "-", http(s) URLs) and dispatch each input to the reader for its format."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .detect import detect_format, is_jsonl_file, is_warc_file, open_bytes
from .readers import READERS


def _is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def _walk(path: str) -> Iterator[str]:
    if path == "-" or _is_url(path) or not os.path.isdir(path):
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _read_one(path: str, options) -> Iterator[Article | InputError]:
    if path == "-":
        data, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        name = path
        if not os.path.exists(path):
            yield InputError("E107", input=path)
            return
        if is_warc_file(Path(path)):
            from .warc import read_warc_file
            yield from read_warc_file(path, options)
            return
        if is_jsonl_file(Path(path)):
            from .readers import read_jsonl_file
            yield from read_jsonl_file(path, options)
            return
        try:
            data = open_bytes(Path(path), options)
        except InputError as e:
            yield e
            return
    if not data.strip():
        yield InputError("E102", input=name)
        return
    try:
        fmt = detect_format(data, name)
    except InputError as e:
        yield e
        return
    yield from READERS[fmt](data, name, options)


def read_inputs(paths, options, *, dedup: bool = False) -> Iterator[Article | InputError]:
    """Yield an Article (or an InputError) for every article found under `paths`.

    Args:
        paths: file paths, folder paths (walked recursively, sorted), "-", or http(s) URLs
            (fetched under the fetch_* settings).
        options: resolved settings.
        dedup: drop later copies of an article (exact or near), recording them on
            the first one's `meta["copies"]` (see `cronica.ingest.dedup`).
    Returns:
        iterator of Article or InputError, in input order.
    """
    paths, fetcher = list(paths), None
    if any(_is_url(path) for path in paths):
        from .fetch import Fetcher
        # one for the batch: it keeps the per-host delay
        fetcher = Fetcher(options, cache_path=options.get("fetch_cache_path") or None)
    items = _read_all(paths, options, fetcher)
    if dedup:
        from .dedup import deduplicate
        items = deduplicate(items)
    try:
        yield from items
    finally:
        if fetcher is not None:
            fetcher.close()


def _read_all(paths, options, fetcher) -> Iterator[Article | InputError]:
    for path in paths:
        if _is_url(path):
            from .fetch import read_url
            yield from read_url(path, options, fetcher=fetcher)
            continue
        for one in _walk(path):
            yield from _read_one(one, options)
