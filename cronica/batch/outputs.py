"""A batch job's outputs for one input, written by one writer in input order.

    OUT/records/<key>.jsonl                          contract records (cronica.document/1)
    OUT/errors/<key>.jsonl                           failed records: input, code, error
    OUT/parquet/month=YYYY-MM/lang=xx/<key>.parquet  the records as a table
    OUT/done/<key>.json                              written last: the input is finished

Each file is written under a hidden temporary name and renamed into place when the
input is finished, so a killed job never leaves half an output behind a done marker.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .inputs import BatchInput, mark_done

PARQUET_ROW_GROUP = 512
_JSON_LAYERS = ("dateline", "flags", "entities", "events", "quantities", "times", "meta")


def parquet_schema():
    """The Arrow schema of the Parquet output (partition columns live in the folder names)."""
    import pyarrow as pa
    scalar = [("id", pa.string()), ("seq", pa.int64()), ("url", pa.string()),
              ("source", pa.string()), ("title", pa.string()), ("published", pa.string()),
              ("text", pa.string()), ("n_entities", pa.int32()), ("n_events", pa.int32())]
    layers = [(name, pa.string()) for name in _JSON_LAYERS]  # nested layers as JSON text
    return pa.schema(scalar + layers)


def parquet_row(record: dict, seq: int) -> dict:
    """One Parquet row from a contract record."""
    row = {k: record.get(k) for k in ("id", "url", "source", "title", "published", "text")}
    row.update(seq=seq, n_entities=len(record.get("entities") or []),
               n_events=len(record.get("events") or []))
    for name in _JSON_LAYERS:
        value = record.get(name)
        row[name] = None if value is None else json.dumps(value, ensure_ascii=False)
    return row


def _hidden(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


class InputWriter:
    """Collects the results of one input, in order, and puts its outputs in place."""

    def __init__(self, out: Path, item: BatchInput):
        self.out, self.item = out, item
        self.records_path = out / "records" / f"{item.key}.jsonl"
        self.errors_path = out / "errors" / f"{item.key}.jsonl"
        for path in (self.records_path, self.errors_path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self._records = _hidden(self.records_path).open("w", encoding="utf-8")
        self._errors = _hidden(self.errors_path).open("w", encoding="utf-8")
        self._parts: dict[tuple[str, str], list[dict]] = {}
        self._writers = {}
        self.counts = {"records": 0, "errors": 0}

    def add(self, row: dict) -> None:
        """Write one result row (a record or an error) of this input."""
        if row.get("record") is None:
            self.counts["errors"] += 1
            error = {"input": self.item.path, "seq": row["seq"], "code": row.get("code"),
                     "error": row.get("error")}
            self._errors.write(json.dumps(error, ensure_ascii=False) + "\n")
            return
        self.counts["records"] += 1
        self._records.write(row["record"] + "\n")
        part = (row["month"], row["lang"])
        self._parts.setdefault(part, []).append(parquet_row(json.loads(row["record"]), row["seq"]))
        if len(self._parts[part]) >= PARQUET_ROW_GROUP:
            self._flush(part)

    def _part_path(self, part: tuple[str, str]) -> Path:
        month, lang = part
        return self.out / "parquet" / f"month={month}" / f"lang={lang}" / f"{self.item.key}.parquet"

    def _flush(self, part: tuple[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq
        rows = self._parts.pop(part, [])
        if not rows:
            return
        if part not in self._writers:
            path = _hidden(self._part_path(part))
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writers[part] = pq.ParquetWriter(str(path), parquet_schema())
        self._writers[part].write_table(pa.Table.from_pylist(rows, schema=parquet_schema()))

    def finish(self) -> dict:
        """Close every file, rename them into place, drop stale ones, then mark the input done.

        Returns:
            the input's counts: records and errors.
        """
        for part in list(self._parts):
            self._flush(part)
        for writer in self._writers.values():
            writer.close()
        self._records.close()
        self._errors.close()
        for stale in (self.out / "parquet").glob(f"month=*/lang=*/{self.item.key}.parquet"):
            if (stale.parent.parent.name[6:], stale.parent.name[5:]) not in self._writers:
                stale.unlink()
        done = [self.records_path, *map(self._part_path, self._writers)]
        if self.counts["errors"]:
            done.append(self.errors_path)
        else:  # no error file for a clean input (and none left from an earlier run)
            _hidden(self.errors_path).unlink()
            self.errors_path.unlink(missing_ok=True)
        for path in done:
            os.replace(_hidden(path), path)
        mark_done(self.out, self.item, self.counts)
        return dict(self.counts)
