"""Plain functions behind `cronica ingest`: extract articles (or read records) and store them."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import CronicaError, InputError
from .records import check_record
from .sqlite import Store


def read_records(path: str | Path) -> Iterator[dict | InputError]:
    """Contract records from a JSON Lines file (`cronica extract --format jsonl` output).

    Args:
        path: the file, or '-' for standard input.
    Returns:
        iterator of records, or an InputError for each line that is not one.
    """
    try:
        handle = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")
    except OSError as e:
        yield InputError("E107", input=str(path)) if isinstance(e, FileNotFoundError) else \
            InputError("E104", input=str(path))
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield check_record(json.loads(line), f"{path}:{number}")
            except json.JSONDecodeError as e:
                yield InputError("E105", input=str(path), line=number, reason=e.msg)
            except InputError as e:
                yield e


def store_records(store: Store, items: Iterable[dict | CronicaError]) -> Iterator[tuple[str, object]]:
    """Store each record in its own transaction; pass errors through.

    Args:
        store: an open store.
        items: records and errors.
    Returns:
        iterator of (status, record id) or ("error", the error).
    """
    for item in items:
        if isinstance(item, CronicaError):
            yield "error", item
            continue
        try:
            yield store.add_record(item), item["id"]
        except InputError as e:
            yield "error", e


def extract_records(paths: list[str], options, *, date: str | None = None, lang: str | None = None,
                    pipeline=None) -> Iterator[dict | CronicaError]:
    """Read and extract articles with the same readers and Pipeline as `cronica extract`.

    Args:
        paths: files, folders or '-'.
        options: resolved settings.
        date: published date for articles without one.
        lang: language of every article.
        pipeline: a Pipeline to reuse (built from `options` when omitted).
    Returns:
        iterator of contract records and errors, in input order.
    """
    from ..ingest import read_inputs
    from ..pipeline import Pipeline
    from ..runner import extract_articles
    pipeline = pipeline or Pipeline(options=options)
    yield from extract_articles(read_inputs(paths, options), pipeline=pipeline, date=date, lang=lang)
