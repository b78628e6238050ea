"""Commands of the links between the same story in several languages.

`cronica document ID` shows a stored article with the same story in other languages;
`cronica relink` signs every stored article again and recomputes every link (for a store
made before links existed, or after the linker changed).
"""
from __future__ import annotations

import json
import sys


def _open(args):
    from ..settings import load_options
    from .backend import open_target
    options = load_options(overrides=dict(args.setting or []))
    return open_target(args.db or options["db_path"])


def _in_transaction(store, action):
    """Run `action(conn)` in one write transaction of either store."""
    if getattr(store.conn, "backend", None) == "postgresql":
        with store.conn.transaction():
            return action(store.conn)
    from .sqlite import write
    return write(store.conn, action, path=store.path)


def render_document(view: dict) -> str:
    """A stored article in a few lines: title, date, source, counts and its other languages."""
    record = view["record"]
    lines = [f"{record.get('title') or record['id']}",
             f"  {record['id']}  {record.get('published') or 'undated'}  {record.get('source') or ''}"
             f"  {record.get('lang') or ''}",
             f"  {len(record.get('entities') or [])} entities, {len(record.get('events') or [])} events,"
             f" {len(record.get('quantities') or [])} figures"]
    if view.get("copies"):
        lines.append("  also in: " + ", ".join(c["source"] or c["url"] or c["copy_id"] for c in view["copies"]))
    if view.get("other_languages"):
        lines.append("  same story in other languages:")
        lines += [f"    {o['lang']}: {o['id']}  {o.get('title') or ''}  ({o.get('source') or '?'},"
                  f" score {o['score']:.2f})" for o in view["other_languages"]]
    return "\n".join(lines)


def document_cli(args) -> int:
    """`cronica document`: one stored article and the same story in other languages."""
    from .backend import queries_for
    with _open(args) as store:
        view = queries_for(store.conn).document_view(store.conn, args.id)
    if view is None:
        sys.stderr.write(f"cronica: no document '{args.id}'\n")
        return 1
    if args.json:
        sys.stdout.write(json.dumps(view, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(render_document(view) + "\n")
    return 0


def relink_cli(args) -> int:
    """`cronica relink`: sign every stored article again and recompute every link."""
    from .xlang import relink, resign
    with _open(args) as store:
        rowids = [r[0] for r in store.conn.execute("SELECT doc_rowid FROM documents ORDER BY doc_rowid")]
        chunks = [rowids[i:i + args.chunk] for i in range(0, len(rowids), args.chunk)]
        signed = sum(_in_transaction(store, lambda conn, c=c: resign(conn, c)) for c in chunks)
        for chunk in chunks:
            _in_transaction(store, lambda conn, c=chunk: relink(conn, c))
        links = store.conn.execute("SELECT COUNT(*) FROM xlang_links").fetchone()[0]
    sys.stderr.write(f"cronica: {len(rowids)} documents, {signed} signed, {links} links across languages\n")
    return 0


def register(sub, add_settings) -> None:
    """Add `document` and `relink` to the `cronica` parser."""
    p = sub.add_parser("document", help="a stored article and the same story in other languages")
    p.add_argument("id", help="document id")
    p.add_argument("--db", help="store file, or a postgresql:// DSN (default: the db_path setting)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_settings(p)
    p.set_defaults(run=document_cli)

    p = sub.add_parser("relink", help="link the same story across languages in the whole store again")
    p.add_argument("--db", help="store file, or a postgresql:// DSN (default: the db_path setting)")
    p.add_argument("--chunk", type=int, default=500, help="documents per transaction")
    add_settings(p)
    p.set_defaults(run=relink_cli)
