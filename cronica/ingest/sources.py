"""Walk paths (files, folders, "-", http(s) URLs) and dispatch each input to the reader for its format."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .detect import detect_format, is_jsonl_file, is_warc_file, open_bytes
from .readers import READERS
from .tidy import tidy_article


def _is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def _walk(path: str) -> Iterator[str | InputError]:
    """The files under `path` (sorted), and an E118 for each folder that cannot be listed."""
    if path == "-" or _is_url(path) or not os.path.isdir(path):
        yield path
        return
    failed: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=failed.append):
        while failed:
            error = failed.pop(0)
            yield InputError("E118", input=error.filename or root, reason=error.strerror or str(error))
        dirs.sort()
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)
    for error in failed:
        yield InputError("E118", input=error.filename or path, reason=error.strerror or str(error))


def _unreadable(path: str) -> InputError | None:
    """E107 for a missing file (or dangling link), E118 for a link loop or a non-regular file.

    A FIFO or device is refused before it is opened: opening a FIFO would wait for a writer.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return InputError("E107", input=path)
    except OSError as e:
        return InputError("E118", input=path, reason=e.strerror or str(e))
    if not stat.S_ISREG(info.st_mode):
        return InputError("E118", input=path, reason="not a regular file (a FIFO, socket or device)")
    return None


def _read_one(path: str, options) -> Iterator[Article | InputError]:
    if path == "-":
        yield from _read_data(sys.stdin.buffer.read(), "<stdin>", options)
        return
    error = _unreadable(path)
    if error is not None:
        yield error
        return
    try:
        yield from _read_file(path, options)
    except OSError as e:  # permission denied, I/O error: this file fails, the batch goes on
        yield InputError("E118", input=path, reason=e.strerror or str(e))


def _read_file(path: str, options) -> Iterator[Article | InputError]:
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
    yield from _read_data(data, path, options)


def _read_data(data: bytes, name: str, options) -> Iterator[Article | InputError]:
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
    items = (tidy_article(item, options) if isinstance(item, Article) else item
             for item in _read_all(paths, options, fetcher))
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
            if isinstance(one, InputError):
                yield one
            else:
                yield from _read_one(one, options)
