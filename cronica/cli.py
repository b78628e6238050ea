"""Command line: thin commands that parse options and call plain functions.

`main(argv)` is testable; it returns the exit code: 0 when every input went
through, 1 when some failed, 2 when none did or the command line was wrong.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from .errors import CronicaError
from .settings import SETTINGS, load_options


def _date(value: str) -> str:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from e
    return value


def _add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                        help="override a setting (see `cronica settings`)")


def _options(args):
    return load_options(overrides=dict(args.setting or []))


def _progress(iterable, *, total=None, desc="articles", enabled=True):
    if not (enabled and sys.stderr.isatty()):
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, total=total, desc=desc, unit=" art", file=sys.stderr)


def _report(error: CronicaError) -> None:
    sys.stderr.write(f"cronica: {error}\n")


def _exit_code(ok: int, failed: int) -> int:
    if failed == 0:
        return 0
    return 1 if ok else 2


def extract_cli(args) -> int:
    """`cronica extract`: print one record per article."""
    from .ingest import read_inputs
    from .pipeline import Pipeline
    from .render import render_summary
    from .runner import extract_articles
    options = _options(args)
    pipeline = Pipeline(options=options)
    fmt = args.format or ("summary" if sys.stdout.isatty() else "jsonl")
    items = read_inputs(args.paths, options, dedup=args.dedup)
    ok = failed = 0
    for result in _progress(extract_articles(items, pipeline=pipeline, date=args.date, lang=args.lang),
                            enabled=options["progress"]):
        if isinstance(result, CronicaError):
            failed += 1
            _report(result)
            continue
        ok += 1
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        elif fmt == "json":
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render_summary(result, color=sys.stdout.isatty()) + "\n")
        sys.stdout.flush()
    return _exit_code(ok, failed)


def settings_cli(args) -> int:
    """`cronica settings`: list every setting with its value and help."""
    options = _options(args)
    for s in SETTINGS:
        print(f"{s.name:28s} {options[s.name]!r:24s} {s.help}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cronica", description="Turn news into a chronicle of events.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract contract records from articles")
    p.add_argument("paths", nargs="+", help="files, folders or - (standard input)")
    p.add_argument("--date", type=_date, help="published date for articles without one")
    p.add_argument("--lang", help="language of every article (default: detect)")
    p.add_argument("--format", choices=["jsonl", "json", "summary"],
                   help="output format (default: summary on a terminal, else jsonl)")
    p.add_argument("--dedup", action="store_true",
                   help="one record per story: later exact or near copies are listed in meta.copies")
    _add_settings(p)
    p.set_defaults(run=extract_cli)

    p = sub.add_parser("settings", help="list settings and their values")
    _add_settings(p)
    p.set_defaults(run=settings_cli)

    for register in _command_modules():
        register(sub, _add_settings)
    return parser


def _command_modules():
    """Commands that live with their stage (store, query, web, batch) register here.

    These modules import their heavy dependencies (Ray, psycopg, FastAPI) inside the
    commands, so listing them costs nothing and a missing extra fails only when used.
    """
    from .batch import commands as batch_commands
    from .store import commands as store_commands
    from .store import link_commands
    return [store_commands.register, link_commands.register, batch_commands.register]


def main(argv=None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CronicaError as e:
        _report(e)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
