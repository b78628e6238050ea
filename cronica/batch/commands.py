"""Commands of the batch stage: `cronica batch` (a Ray Data job) and `cronica load` (PostgreSQL)."""
from __future__ import annotations

import importlib.util
import sys

from ..errors import ConfigError
from ..settings import load_options


def _options(args):
    return load_options(overrides=dict(args.setting or []))


def _exit_code(ok: int, failed: int) -> int:
    if failed == 0:
        return 0
    return 1 if ok else 2


def batch_cli(args) -> int:
    """`cronica batch`: run the pipeline over many inputs as a Ray Data job."""
    if "-" in args.paths:
        sys.stderr.write("cronica: batch: reads files and folders, not standard input ('-')\n")
        return 2
    if importlib.util.find_spec("ray") is None:
        raise ConfigError("E406", command="batch", package="ray", extra="ray")
    from .job import run_batch
    summary = run_batch(args.paths, args.out, options=_options(args), address=args.address,
                        workers=args.workers, resume=args.resume, date=args.date, lang=args.lang)
    sys.stderr.write(f"cronica: batch: {summary['inputs']} inputs written, {summary['skipped']} skipped,"
                     f" {summary['records']} records, {summary['errors']} errors -> {args.out}\n")
    return _exit_code(summary["records"], summary["errors"])


def load_cli(args) -> int:
    """`cronica load`: load a batch output folder into PostgreSQL."""
    from .load import load_outdir
    if importlib.util.find_spec("psycopg") is None:
        raise ConfigError("E406", command="load", package="psycopg", extra="postgres")
    counts = load_outdir(args.outdir, args.db)
    summary = ", ".join(f"{n} {name}" for name, n in sorted(counts.items()))
    sys.stderr.write(f"cronica: load: {summary}\n")
    return _exit_code(counts.get("added", 0) + counts.get("replaced", 0) + counts.get("unchanged", 0),
                      counts.get("failed", 0))


def register(subparsers, add_settings) -> None:
    """Add `batch` and `load` to the command line."""
    from ..cli import _date
    p = subparsers.add_parser("batch", help="run the pipeline over many inputs as a Ray Data job")
    p.add_argument("paths", nargs="+", metavar="INPUT", help="WARC, JSON Lines, HTML, feed or text files, or folders")
    p.add_argument("--out", required=True, help="output folder (records, errors, parquet, done markers)")
    p.add_argument("--address", help="Ray cluster address (ray://head:10001 or auto); default: run here")
    p.add_argument("--workers", type=int, help="extraction workers (default: 1 here, a cluster's CPUs less one)")
    p.add_argument("--resume", action="store_true", help="skip inputs a previous run finished")
    p.add_argument("--date", type=_date, help="published date for articles without one")
    p.add_argument("--lang", help="language of every article (default: detect)")
    add_settings(p)
    p.set_defaults(run=batch_cli)

    p = subparsers.add_parser("load", help="load a batch output folder into PostgreSQL")
    p.add_argument("outdir", help="output folder of `cronica batch` (or any folder of .jsonl records)")
    p.add_argument("--db", required=True, help="postgresql://user@host:port/dbname")
    add_settings(p)
    p.set_defaults(run=load_cli)
