"""`cronica load`: put a batch output folder (or any folder of record files) into PostgreSQL."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterator

from ..errors import InputError

CHUNK_RECORDS = 500


def record_files(outdir: str | Path) -> list[Path]:
    """The record files of an output folder: `records/*.jsonl`, else every `.jsonl` under it."""
    root = Path(outdir)
    if not root.exists():
        raise InputError("E107", input=str(root))
    if root.is_file():
        return [root]
    found = sorted((root / "records").glob("*.jsonl"))
    return found or sorted(p for p in root.rglob("*.jsonl") if "errors" not in p.parts)


def read_records(paths: list[Path], counts: Counter) -> Iterator[dict]:
    """Every record of `paths`, in order; a line that is not JSON is counted as failed."""
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    counts["failed"] += 1


def load_outdir(outdir: str | Path, dsn: str, *, chunk: int = CHUNK_RECORDS) -> Counter:
    """Load every record under `outdir` into the PostgreSQL database at `dsn`.

    Args:
        outdir: a `cronica batch` output folder, a folder of .jsonl records, or one file.
        dsn: postgresql://user@host:port/dbname (tables are created when missing).
        chunk: records per transaction.
    Returns:
        counts: added, replaced, unchanged, duplicate, failed.
    """
    from ..store.pg_load import write_records
    from ..store.postgres import open_pg_store
    counts: Counter = Counter()
    batch: list[dict] = []
    paths = record_files(outdir)
    with open_pg_store(dsn) as pg:
        for record in read_records(paths, counts):
            batch.append(record)
            if len(batch) >= chunk:
                counts += write_records(pg, batch)
                batch = []
        if batch:
            counts += write_records(pg, batch)
    return counts
