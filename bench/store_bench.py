"""Store benchmark: build a synthetic chronicle from real records, time ingest and queries.

    python -m bench.store_bench                      # 100k events (default)
    python -m bench.store_bench --events 1000000     # the full size
    python -m bench.store_bench --records out.jsonl  # start from records you extracted

Real articles (text, entities, and events when the extractor found some) are extracted
once, then replicated with shifted dates and new ids until the store holds `--events`
events; a record without events gets events between its own entities, with contract
fields (type, source/target, when, evidence, status, quantities). Prints ingest cost
next to extraction cost, and p50/p95 of timeline and entity queries (target: p95 < 50 ms).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cronica.query.entity import entity_profile
from cronica.query.timeline import timeline
from cronica.store.records import write_record
from cronica.store.search import search_documents
from cronica.store.sqlite import open_store, write

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ACTOR_TYPES = ("GPE", "PERSON", "ORG", "NORP")


def extract_sample(n_articles: int) -> tuple[list[dict], float]:
    """Extract the first articles of the shared news files; return records and seconds per article."""
    from cronica.ingest import read_inputs
    from cronica.pipeline import Pipeline
    from cronica.runner import extract_articles
    from cronica.settings import load_options
    options = load_options(environ={})
    pipeline = Pipeline(options=options)
    lines = []
    for name in ("es.jsonl", "en.jsonl"):
        with open(SHARED / "data" / "news" / name, encoding="utf-8") as f:
            lines += [next(f) for _ in range(n_articles // 2)]
    sample = Path(tempfile.mkdtemp()) / "sample.jsonl"
    sample.write_text("".join(lines), encoding="utf-8")
    list(extract_articles(read_inputs([str(sample)], options), pipeline=pipeline))  # load models once
    started = time.perf_counter()
    records = [r for r in extract_articles(read_inputs([str(sample)], options), pipeline=pipeline)
               if isinstance(r, dict)]
    return records, (time.perf_counter() - started) / max(len(records), 1)


def _shift(value, days: int):
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def _synthetic_events(record: dict, rng: random.Random, count: int) -> None:
    """Give `record` events between its own entities, over its own sentences."""
    actors = [e["id"] for e in record["entities"] if e.get("type") in ACTOR_TYPES] or \
        [e["id"] for e in record["entities"]]
    if len(actors) < 2:
        return
    text, published = record["text"], record.get("published") or "2020-01-01"
    units = [q["unit"] for q in record.get("quantities") or [] if q.get("unit")] or ["troops"]
    for n in range(count):
        start = rng.randrange(0, max(len(text) - 200, 1))
        day = _shift(published, -rng.randrange(0, 60))
        source, target = rng.sample(actors, 2)
        event = {"id": f"VS{n}", "type": rng.choice(PLOVER), "mode": None, "source": [source],
                 "target": [target], "where": None, "quantities": [],
                 "when": {"text": None, "start": day, "end": day, "granularity": "day"},
                 "status": rng.choice(("asserted", "reported", "planned")), "attribution": None,
                 "evidence": {"start": start, "end": min(start + 200, len(text))}, "confidence": 0.5}
        if rng.random() < 0.2:
            low = rng.randrange(100, 20000)
            record["quantities"].append({"id": f"QS{n}", "text": str(low), "start": start, "end": start + 1,
                                         "min": low, "max": low * 1.2, "approx": True, "unit": rng.choice(units)})
            event["quantities"] = [f"QS{n}"]
        record["events"].append(event)


def replicate(records: list[dict], n_events: int, seed: int = 1):
    """Yield copies of `records` with new ids, shifted dates and events, until `n_events` events."""
    rng = random.Random(seed)
    made, replica = 0, 0
    while made < n_events:
        for base in records:
            record = dict(base)  # entities and text are shared, read-only; events and figures are new
            record["events"] = [dict(e) for e in base["events"]]
            record["quantities"] = list(base.get("quantities") or [])
            days = replica * 7
            record["id"] = f"{base['id']}~{replica}"
            record["published"] = _shift(record.get("published") or "2020-01-01", days)
            record["text"] = f"{record['text']}\n[{replica}]"  # a replica is not a copy of its base
            for event in record["events"]:
                when = event.get("when") or {}
                event["when"] = {**when, "start": _shift(when.get("start"), days), "end": _shift(when.get("end"), days)}
            if len(record["events"]) < 5:
                _synthetic_events(record, rng, rng.randrange(10, 30))
            made += len(record["events"])
            yield record
            if made >= n_events:
                return
        replica += 1


def build_store(path: Path, records, batch: int = 200) -> tuple[int, float]:
    """Write records in transactions of `batch`; return (records, seconds)."""
    count, started, pending = 0, time.perf_counter(), []
    with open_store(path) as store:
        def flush(conn):
            for record in pending:
                write_record(conn, record)
        for record in records:
            pending.append(record)
            if len(pending) >= batch:
                write(store.conn, flush)
                count += len(pending)
                pending = []
        if pending:
            write(store.conn, flush)
            count += len(pending)
    return count, time.perf_counter() - started


_MULTIPLY = (
    "INSERT INTO documents (doc_rowid, id, url, source, title, published, lang, content_hash, text_hash)"
    " SELECT doc_rowid + :doc, id || :tag, url, source, title, date(published, :shift), lang, content_hash,"
    " text_hash || :tag FROM documents WHERE doc_rowid <= :max_doc",
    "INSERT INTO stories SELECT story_id + :story, signature || :tag, type, date(date_start, :shift),"
    " date(date_end, :shift), n_events FROM stories WHERE story_id <= :max_story",
    "INSERT INTO events SELECT event_rowid + :event, doc_rowid + :doc, local_id, story_id + :story, type, mode,"
    " status, date(date_start, :shift), date(date_end, :shift), granularity, when_text,"
    " COALESCE(date(sort_date, :shift), ''), evidence_start, evidence_end, evidence, confidence FROM events"
    " WHERE event_rowid <= :max_event",
    "INSERT INTO event_entities SELECT key, COALESCE(date(sort_date, :shift), ''), event_rowid + :event, role,"
    " type, country, doc_rowid + :doc FROM event_entities WHERE event_rowid <= :max_event",
    "INSERT INTO doc_entities SELECT doc_rowid + :doc, local_id, key, name, type, country, role, n_mentions"
    " FROM doc_entities WHERE doc_rowid <= :max_doc",
    "INSERT INTO entity_aliases SELECT name_norm, key, alias, doc_rowid + :doc FROM entity_aliases"
    " WHERE doc_rowid <= :max_doc",
    "INSERT INTO quantities (doc_rowid, local_id, event_rowid, text, start_char, end_char, min, max, approx, unit,"
    " unit_norm, published, source) SELECT doc_rowid + :doc, local_id, event_rowid + :event, text, start_char,"
    " end_char, min, max, approx, unit, unit_norm, date(published, :shift), source FROM quantities"
    " WHERE doc_rowid <= :max_doc",
)


def multiply_store(path: Path, times: int) -> float:
    """Grow an ingested store `times`-fold in SQL: rows copied with new ids and dates shifted.

    Timeline and entity queries read only these tables; article texts (search) are not copied.
    Returns:
        seconds taken.
    """
    from cronica.store.sqlite import connect
    started = time.perf_counter()
    conn = connect(path)
    top = {name: conn.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0] or 0
           for name, column, table in (("doc", "doc_rowid", "documents"), ("event", "event_rowid", "events"),
                                       ("story", "story_id", "stories"))}
    for copy_number in range(1, times):
        values = {"doc": top["doc"] * copy_number, "event": top["event"] * copy_number,
                  "story": top["story"] * copy_number, "tag": f"~x{copy_number}",
                  "shift": f"+{copy_number * 97} days", "max_doc": top["doc"], "max_event": top["event"],
                  "max_story": top["story"]}
        write(conn, lambda c: [c.execute(sql, values) for sql in _MULTIPLY])
    write(conn, lambda c: c.execute("UPDATE entities SET n_docs = n_docs * ?", (times,)))
    conn.close()
    return time.perf_counter() - started


def _timed(fn, args_list) -> dict:
    """Wall and CPU milliseconds per call (CPU time stays honest on a shared, busy machine)."""
    wall, cpu = [], []
    for args in args_list:
        started, started_cpu = time.perf_counter(), time.process_time()
        fn(*args)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    wall.sort()
    cpu.sort()
    p95 = int(len(wall) * 0.95) - 1
    return {"n": len(wall), "p50": statistics.median(wall), "p95": wall[p95], "max": wall[-1],
            "cpu_p50": statistics.median(cpu), "cpu_p95": cpu[p95]}


def time_queries(path: Path, n: int, seed: int = 2) -> dict:
    """p50/p95 of search, timeline (by key, by name with dates and types) and entity profile queries."""
    from cronica.store.sqlite import connect
    conn = connect(path, readonly=True)
    rng = random.Random(seed)
    # Keys drawn as the links are, so popular entities are queried as often as they occur.
    most = conn.execute("SELECT MAX(event_rowid) FROM events").fetchone()[0]
    keys = []
    while len(keys) < n:
        row = conn.execute("SELECT key FROM event_entities WHERE event_rowid >= ? LIMIT 1",
                           (rng.randrange(1, most + 1),)).fetchone()
        if row:
            keys.append(row[0])
    names = {k: conn.execute("SELECT name FROM entities WHERE key = ?", (k,)).fetchone()[0] for k in keys}
    titles = [r[0] for r in conn.execute("SELECT title FROM documents WHERE title IS NOT NULL LIMIT 500")]
    words = [" ".join(rng.sample(t.split(), min(2, len(t.split()))))
             for t in (rng.choices(titles, k=n) if titles else [])]
    return {
        "search, two title words": _timed(lambda q: search_documents(conn, q, limit=20), [(q,) for q in words]),
        "timeline by key": _timed(lambda k: timeline(conn, entity=k, limit=100), [(k,) for k in keys]),
        "timeline by name, 1y, 2 types": _timed(
            lambda k: timeline(conn, entity=names[k], date_from="2019-01-01", date_to="2019-12-31",
                               types=rng.sample(PLOVER, 2), limit=100), [(k,) for k in keys]),
        "entity profile": _timed(lambda k: entity_profile(conn, k, limit=20), [(k,) for k in keys]),
    }


def _load_records(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the synthetic store")
    parser.add_argument("--records", help="contract records to replicate (default: extract --articles)")
    parser.add_argument("--articles", type=int, default=20, help="articles to extract when no --records")
    parser.add_argument("--queries", type=int, default=300, help="queries of each kind")
    parser.add_argument("--db", help="store to build (default: a temporary file)")
    parser.add_argument("--query-only", action="store_true", help="only time queries on an existing --db")
    parser.add_argument("--multiply", type=int, default=1,
                        help="after ingesting, grow the store this many times over in SQL (fast way to 1M)")
    args = parser.parse_args(argv)
    if args.query_only and args.db:
        _print_queries(Path(args.db), args.queries)
        return 0
    extract_s = None
    if args.records:
        records = _load_records(args.records)
    else:
        records, extract_s = extract_sample(args.articles)
    path = Path(args.db or Path(tempfile.mkdtemp()) / "bench.db")
    started_cpu = time.process_time()
    n_records, ingest_s = build_store(path, replicate(records, args.events))
    print(f"build: {ingest_s:.0f} s wall, {time.process_time() - started_cpu:.0f} s CPU (replication included)")
    print(f"store: {n_records} documents, {args.events} events, {path.stat().st_size / 1e6:.0f} MB at {path}")
    per_record_ms = ingest_s / n_records * 1000
    print(f"ingest: {n_records / ingest_s:,.0f} records/s, {args.events / ingest_s:,.0f} events/s,"
          f" {per_record_ms:.2f} ms per article")
    if args.multiply > 1:
        seconds = multiply_store(path, args.multiply)
        print(f"multiplied x{args.multiply} in SQL in {seconds:.0f} s: {args.events * args.multiply} events,"
              f" {path.stat().st_size / 1e6:.0f} MB")
    if extract_s is not None:
        print(f"extraction alone: {extract_s * 1000:.0f} ms per article -> storing adds"
              f" {per_record_ms / (extract_s * 1000) * 100:.1f}% to extraction")
    _print_queries(path, args.queries)
    return 0


def _print_queries(path: Path, n: int) -> None:
    print(f"{'query':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p50':>8} {'cpu p95':>8}"
          "  target p95 < 50 ms")
    for name, t in time_queries(path, n).items():
        verdict = "ok" if t["p95"] < 50 else "SLOW"
        print(f"{name:34} {t['n']:5} {t['p50']:8.2f} {t['p95']:8.2f} {t['max']:8.2f} {t['cpu_p50']:8.2f}"
              f" {t['cpu_p95']:8.2f}  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
