"""Event coding on every public gold set: cronica beside the published anchors.

Runs `shared/score/cronica_score.py events` on each set, on its first half (where
rules were tuned) and on the whole set, and prints event (type+actors) F1,
precision and recall beside the figures quoted for other coders. Then times event
extraction alone on a sample of real news articles (articles per second).

    .venv/bin/python bench/events_bench.py [--sets up-es-fight-cameo ...] [--news 40] [--full-only]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "score" / "cronica_score.py"
SETS = ("up-es-protest-docs", "up-es-protest-cameo", "up-es-fight-cameo", "petrarch2-gsr-en",
        "plover-gsr-cameo-en")
# figures published for other coders on the same sets (event level), None where none is known
ANCHORS = {
    "up-es-protest-docs": ("UniversalPetrarch", "recall 0.44, precision ~0.12"),
    "up-es-protest-cameo": ("UniversalPetrarch", "recall 0.44, precision ~0.12 (Spanish)"),
    "up-es-fight-cameo": ("UniversalPetrarch", "recall 0.44, precision ~0.12 (Spanish)"),
    "petrarch2-gsr-en": ("target", "F1 0.60"),
    "plover-gsr-cameo-en": ("target", "F1 0.60"),
}
_SUMMARY = re.compile(r"event_f1=([\d.]+) event_p=([\d.]+) event_r=([\d.]+) type_f1=([\d.]+)")


def _records(name: str) -> int:
    with open(SHARED / "data" / "events" / f"{name}.jsonl", encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def score_set(name: str, limit: int) -> dict | None:
    """Run the scorer on one set (first `limit` records, 0 = all); return its figures."""
    env = dict(os.environ, PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    cmd = [sys.executable, str(SCORER), "events", str(SHARED / "data" / "events" / f"{name}.jsonl")]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT).stdout
    match = _SUMMARY.search(out)
    if not match:
        return None
    f1, p, r, tf1 = (float(x) for x in match.groups())
    return {"f1": f1, "p": p, "r": r, "type_f1": tf1}


def speed(n: int) -> tuple[int, float, float]:
    """Articles per second of the events component alone, on real news (es and en)."""
    from cronica.extract.events import extract_events
    from cronica.pipeline import Pipeline
    from cronica.model import Article
    pipeline = Pipeline()
    articles = []
    for lang in ("es", "en"):
        with open(SHARED / "data" / "news" / f"{lang}.jsonl", encoding="utf-8") as f:
            for line, _ in zip(f, range(n // 2)):
                r = json.loads(line)
                articles.append(Article(text=r["text"], lang=lang, published=r.get("published")))
    analysed, total = [], 0.0
    for article in articles:
        for name, step in pipeline._steps:
            if name == "cronica.events.v1":
                break
            article = step(article)
        analysed.append(article)
    t0 = time.perf_counter()
    events = sum(len(extract_events(a)) for a in analysed)
    total = time.perf_counter() - t0
    return len(analysed), len(analysed) / total if total else 0.0, events / max(1, len(analysed))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--news", type=int, default=40, help="news articles to time (0: skip)")
    ap.add_argument("--full-only", action="store_true", help="skip the first-half runs")
    args = ap.parse_args(argv)
    print(f"{'set':22s} {'part':6s} {'F1':>6s} {'P':>6s} {'R':>6s} {'typeF1':>6s}   anchor")
    for name in args.sets:
        n = _records(name)
        parts = [("full", 0)] if args.full_only else [("half", n // 2), ("full", 0)]
        for part, limit in parts:
            s = score_set(name, limit)
            who, fig = ANCHORS.get(name, ("", ""))
            if s is None:
                print(f"{name:22s} {part:6s} scorer failed")
                continue
            print(f"{name:22s} {part:6s} {s['f1']:6.3f} {s['p']:6.3f} {s['r']:6.3f} {s['type_f1']:6.3f}"
                  f"   {who}: {fig}")
    if args.news:
        count, rate, per = speed(args.news)
        print(f"speed: {count} news articles, {rate:.1f} articles/s (events component only), "
              f"{per:.1f} events per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
