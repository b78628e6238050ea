"""Dates, titles and bodies of real news pages (fundus fixtures): cronica vs trafilatura/htmldate.

Gold: shared/data/news/html/index.jsonl (title, published with the publisher's
offset, body). A date counts as right when it names the same day as the gold in the
gold's own offset (and, for "instant", the same moment when both carry a time).

    .venv/bin/python bench/dates_bench.py [--limit N] [--show-misses]
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_bench import corpus_scores  # noqa: E402  (bench scripts share the scorer)


def _parse(value: str | None):
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None


def same_day(predicted: str | None, gold: str | None) -> bool:
    """True when the prediction names the gold's calendar day (in the gold's offset)."""
    p, g = _parse(predicted), _parse(gold)
    if p is None or g is None:
        return False
    if p.tzinfo and g.tzinfo:
        p = p.astimezone(g.tzinfo)
    return p.date() == g.date()


def same_instant(predicted: str | None, gold: str | None) -> bool:
    """True when both carry a time zone and name the same second."""
    p, g = _parse(predicted), _parse(gold)
    return bool(p and g and p.tzinfo and g.tzinfo and p.replace(microsecond=0) == g.replace(microsecond=0))


def _norm(title: str | None) -> str:
    return " ".join((title or "").split()).strip()


def _cronica(options):
    from cronica.errors import InputError
    from cronica.ingest.html import article_from_html

    def run(raw, url):
        try:
            a = article_from_html(raw, "page.html", options, url=url)
        except InputError:
            return {"date": None, "title": None, "text": ""}
        return {"date": a.published, "title": a.title, "text": a.text}
    return run


def _trafilatura(raw, url):
    import trafilatura
    d = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    return {"date": d.date if d else None, "title": d.title if d else None, "text": (d.text if d else "") or ""}


def _htmldate(raw, url):
    from htmldate import find_date
    return {"date": find_date(raw, url=url, original_date=True), "title": None, "text": ""}


def evaluate(run, records, show_misses: bool) -> dict:
    """Counts of right dates (day, instant), exact titles and body F1 for one tool."""
    day = instant = titles = 0
    pairs = []
    start = time.process_time()
    for r in records:
        raw = gzip.decompress((NEWS / r["file"]).read_bytes())
        out = run(raw, r["url"])
        day += same_day(out["date"], r["published"])
        instant += same_instant(out["date"], r["published"])
        titles += _norm(out["title"]) == _norm(r["title"])
        pairs.append((out["text"], r["text"]))
        if show_misses and not same_day(out["date"], r["published"]):
            print(f"  date miss {r['id']}: {out['date']} (gold {r['published']})")
    spent = time.process_time() - start
    return {"day": day, "instant": instant, "titles": titles, "f1": corpus_scores(pairs)["f1"],
            "pages_per_s": len(records) / spent if spent else 0.0}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from cronica.settings import load_options
    records = [json.loads(line) for line in (NEWS / "html" / "index.jsonl").open(encoding="utf-8")]
    records = records[:args.limit] if args.limit else records
    tools = {"cronica": _cronica(load_options(environ={})), "trafilatura +metadata": _trafilatura,
             "htmldate (original_date)": _htmldate}
    n = len(records)
    print(f"{n} pages; dates right to the day / to the instant, exact titles, body F1")
    print(f"{'tool':26s} {'day':>7s} {'instant':>8s} {'titles':>7s} {'F1':>6s} {'pages/s':>8s}")
    for name, run in tools.items():
        s = evaluate(run, records, args.show_misses and name == "cronica")
        print(f"{name:26s} {s['day']:3d}/{n:<3d} {s['instant']:4d}/{n:<3d} {s['titles']:3d}/{n:<3d} "
              f"{s['f1']:6.3f} {s['pages_per_s']:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
