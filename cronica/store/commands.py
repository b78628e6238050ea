"""Store, query and web commands: each parses its options and calls a plain function.

`cronica.cli` imports this module and calls `register(subparsers, add_settings)`.
"""
from __future__ import annotations

import json
import sys

from ..settings import load_options


def _options(args):
    options = load_options(overrides=dict(args.setting or []))
    if getattr(args, "db", None):
        options["db_path"] = args.db
    return options


def _open(args):
    from .backend import open_target
    return open_target(_options(args)["db_path"])


def _print(data, as_json: bool, render) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(render(data) + "\n")


def ingest_cli(args) -> int:
    """`cronica ingest`: extract articles (or read records) and store them."""
    from .ingest import extract_records, read_records, store_records
    options = _options(args)
    if args.records:
        items = (item for path in args.paths for item in read_records(path))
    else:
        items = extract_records(args.paths, options, date=args.date, lang=args.lang)
    from ..cli import _progress
    counts: dict[str, int] = {}
    with _open(args) as store:
        for status, value in _progress(store_records(store, items), enabled=options["progress"]):
            counts[status] = counts.get(status, 0) + 1
            if status == "error":
                sys.stderr.write(f"cronica: {value}\n")
    stored = sum(n for s, n in counts.items() if s != "error")
    sys.stderr.write("cronica: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + "\n")
    if not counts.get("error"):
        return 0
    return 1 if stored else 2


def search_cli(args) -> int:
    """`cronica search`: documents matching words, best first."""
    from ..query.render import render_search
    from .backend import queries_for
    with _open(args) as store:
        result = queries_for(store.conn).search_documents(store.conn, " ".join(args.words), limit=args.limit)
    _print(result, args.json, render_search)
    return 0 if result["results"] else 1


def timeline_cli(args) -> int:
    """`cronica timeline`: events of an entity (or of matching articles) by date."""
    from ..query.render import render_timeline
    from .backend import queries_for
    with _open(args) as store:
        result = queries_for(store.conn).timeline(store.conn, entity=None if args.query else args.name,
                          query=args.name if args.query else None, date_from=args.date_from,
                          date_to=args.date_to, types=(args.type or "").split(","), limit=args.limit)
    _print(result, args.json, render_timeline)
    return 0 if result["stories"] else 1


def entity_cli(args) -> int:
    """`cronica entity`: who or what a name is, its aliases, events and co-actors."""
    from ..query.render import render_entity
    from .backend import queries_for
    with _open(args) as store:
        queries = queries_for(store.conn)
        keys = queries.resolve_entity(store.conn, args.name)
        profiles = [queries.entity_profile(store.conn, key, limit=args.limit) for key in keys[:3]]
    if not profiles:
        sys.stderr.write(f"cronica: no entity named '{args.name}'\n")
        return 1
    _print(profiles, args.json, lambda ps: "\n\n".join(render_entity(p) for p in ps))
    return 0


def figures_cli(args) -> int:
    """`cronica figures`: every reported figure of a unit, by date and by source."""
    from ..query.render import render_figures
    from .backend import queries_for
    with _open(args) as store:
        result = queries_for(store.conn).figures(store.conn, actor=args.actor, target=args.target,
                                                 unit=args.unit, limit=args.limit)
    _print(result, args.json, render_figures)
    return 0 if result["figures"] else 1


def export_cli(args) -> int:
    """`cronica export`: records as JSON Lines, or events as CSV or Parquet."""
    from .export import export_store
    with _open(args) as store:
        count = export_store(store.conn, args.format, args.out)
    sys.stderr.write(f"cronica: {count} rows written to {args.out}\n")
    return 0


def serve_cli(args) -> int:
    """`cronica serve`: the web pages and HTTP API over the store."""
    from ..web.app import serve
    options = _options(args)
    address = f"http://{options['serve_host']}:{options['serve_port']}"
    sys.stderr.write(f"cronica: serving {options['db_path']} on {address}\n")
    serve(options)
    return 0


def summary_cli(args) -> int:
    """`cronica summary`: what the store holds, with a few events and their evidence."""
    from ..query.summary import render_summary, summarise_store
    with _open(args) as store:
        result = summarise_store(store.conn, examples=args.limit)
    _print(result, args.json, render_summary)
    return 0


def _common(p, add_settings, *, json_flag=True, limit=20):
    p.add_argument("--db", help="store file, or a postgresql:// DSN (default: the db_path setting)")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON instead of text")
        p.add_argument("--limit", type=int, default=limit, help="most results to show")
    add_settings(p)


def register(sub, add_settings) -> None:
    """Add the store, query and web commands to the `cronica` parser."""
    from ..cli import _date
    _register_store(sub, add_settings, _date)
    _register_queries(sub, add_settings, _date)


def _register_store(sub, add_settings, _date) -> None:
    p = sub.add_parser("ingest", help="extract articles (or read records) and store them")
    p.add_argument("paths", nargs="+", help="files, folders or - (standard input)")
    p.add_argument("--records", action="store_true", help="inputs are contract records (JSON Lines)")
    p.add_argument("--date", type=_date, help="published date for articles without one")
    p.add_argument("--lang", help="language of every article (default: detect)")
    _common(p, add_settings, json_flag=False)
    p.set_defaults(run=ingest_cli)

    p = sub.add_parser("export", help="write the store as records (jsonl) or events (csv, parquet)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    p.add_argument("--out", required=True, help="file to write")
    _common(p, add_settings, json_flag=False)
    p.set_defaults(run=export_cli)

    p = sub.add_parser("serve", help="web pages and HTTP API over the store")
    _common(p, add_settings, json_flag=False)
    p.set_defaults(run=serve_cli)


def _register_queries(sub, add_settings, _date) -> None:
    p = sub.add_parser("search", help="full-text search over stored articles")
    p.add_argument("words", nargs="+")
    _common(p, add_settings)
    p.set_defaults(run=search_cli)

    p = sub.add_parser("timeline", help="events of an entity (or of articles matching words) by date")
    p.add_argument("name", help="entity name, alias or key (or words, with --query)")
    p.add_argument("--query", action="store_true", help="NAME is words to search, not an entity")
    p.add_argument("--from", dest="date_from", type=_date, help="first day")
    p.add_argument("--to", dest="date_to", type=_date, help="last day")
    p.add_argument("--type", help="event types, comma separated (AID,MOBILIZE)")
    _common(p, add_settings, limit=100)
    p.set_defaults(run=timeline_cli)

    p = sub.add_parser("entity", help="an entity: aliases, country, events, co-actors")
    p.add_argument("name", help="name, alias or key")
    _common(p, add_settings)
    p.set_defaults(run=entity_cli)

    p = sub.add_parser("summary", help="what the store holds: counts and example events")
    _common(p, add_settings, limit=5)
    p.set_defaults(run=summary_cli)

    p = sub.add_parser("figures", help="reported figures of a unit, by date and by source")
    p.add_argument("--actor", help="country code (PRK) or entity of the events' actor")
    p.add_argument("--target", help="country code or entity of the events' target")
    p.add_argument("--unit", help="what is counted (troops, deaths, USD)")
    _common(p, add_settings, limit=200)
    p.set_defaults(run=figures_cli)
