"""The engine-free half of a batch job: read one input into rows, extract rows of articles.

Nothing here knows about Ray. A row is a plain dict; the executor (`cronica.batch.job`)
moves rows between processes and calls these functions. Articles travel pickled
(their exact state, `raw` and `meta` included); errors travel as their message, since
an exception does not survive the trip.
"""
from __future__ import annotations

import json
import logging
import pickle
from typing import Iterable, Iterator

from ..errors import CronicaError
from ..model import Article
from ..runner import extract_articles

log = logging.getLogger("cronica.batch")

UNKNOWN_MONTH = "unknown"
UNKNOWN_LANG = "und"
END_OF_INPUT = "end"  # `code` of the last row of an input: its `seq` is the input's row count


def _error_row(index: int, seq: int, error: CronicaError) -> dict:
    return {"input": index, "seq": seq, "article": None, "code": error.code, "error": str(error)}


def read_rows(index: int, path: str, options) -> Iterator[dict]:
    """Read one input with cronica's readers; one row per article or failed record.

    Args:
        index: the input's position in the job (outputs keep input order by it).
        path: the file to read.
        options: resolved settings.
    Returns:
        iterator of rows with `input`, `seq` (position within the input), and either a
        pickled `article` or an error `code` and message; then one row with code
        `END_OF_INPUT` whose `seq` is the number of rows before it, so that a writer
        receiving rows in any order knows when the input is complete.
    """
    from ..ingest import read_inputs
    seq = 0
    for seq, item in enumerate(read_inputs([path], options), start=1):
        if isinstance(item, CronicaError):
            yield _error_row(index, seq - 1, item)
        else:
            yield {"input": index, "seq": seq - 1, "code": None, "error": None,
                   "article": pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)}
    yield {"input": index, "seq": seq, "article": None, "code": END_OF_INPUT, "error": None}


def partition_of(record: dict) -> tuple[str, str]:
    """The (month, lang) partition of a record: published year-month and language."""
    published = record.get("published")
    month = published[:7] if isinstance(published, str) and len(published) >= 7 else UNKNOWN_MONTH
    return month, record.get("lang") or UNKNOWN_LANG


def _result_row(row: dict, *, record: dict | None = None, code: str | None = None,
                error: str | None = None) -> dict:
    out = {"input": row["input"], "seq": row["seq"], "id": None, "month": None, "lang": None,
           "record": None, "code": code, "error": error}
    if record is not None:
        out.update(id=record["id"], record=json.dumps(record, ensure_ascii=False))
        out["month"], out["lang"] = partition_of(record)
    return out


class ExtractWorker:
    """Builds the pipeline once (models load once per worker) and extracts rows of articles."""

    def __init__(self, options, *, date: str | None = None, lang: str | None = None):
        from ..pipeline import Pipeline
        self.pipeline = Pipeline(options=options)
        self.date = date
        self.lang = lang

    def __call__(self, rows: Iterable[dict]) -> list[dict]:
        """Extract every article row; pass error rows through.

        Args:
            rows: rows from `read_rows`, in order.
        Returns:
            one result row per input row (`record` as JSON text, or `code` and `error`).
        """
        return [self._extract_one(row) for row in rows]

    def _extract_one(self, row: dict) -> dict:
        if row.get("article") is None:
            return _result_row(row, code=row["code"], error=row["error"])
        article: Article = pickle.loads(row["article"])
        result = next(extract_articles([article], pipeline=self.pipeline, date=self.date,
                                       lang=self.lang))
        if isinstance(result, CronicaError):
            return _result_row(row, code=result.code, error=str(result))
        return _result_row(row, record=result)
