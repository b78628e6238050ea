"""Actor countries: how often an entity over a gold actor carries the gold country.

Event scorers match a gold actor by the entity's `country` first, so this is the
figure the entity layer is judged by. For every gold actor that has a country and a
span in the coder sets, it looks for a predicted entity whose mentions overlap the
span and compares countries. The peer beside cronica is the NER model alone (spans,
no linking): what an event coder would get without cronica's entity layer.

    .venv/bin/python bench/entities_bench.py [--sets plover-gsr-cameo-en ...] [--limit 200]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = ("plover-gsr-cameo-en", "up-es-protest-cameo", "up-es-fight-cameo")


def _load(name: str, limit: int) -> list[dict]:
    with open(SHARED / "data" / "events" / f"{name}.jsonl", encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return items[:limit] if limit else items


def _actors(record: dict):
    for gold in record.get("gold") or []:
        for actor in (gold.get("source") or []) + (gold.get("target") or []):
            if actor.get("country") and actor.get("span"):
                yield actor


def score(items: list[dict], pipeline) -> tuple[int, int, int]:
    """(actors, actors under an entity, actors under an entity of the right country)."""
    from cronica.model import Article
    n = found = right = 0
    for r in items:
        article = pipeline(Article(text=r["text"], lang=r["lang"], published=r.get("date"), raw=True))
        for actor in _actors(r):
            start, end = actor["span"]
            over = [e for e in article.entities if any(a < end and start < b for a, b in e.mentions)]
            n += 1
            found += bool(over)
            right += any(e.country == actor["country"] for e in over)
    return n, found, right


def main(argv: list[str] | None = None) -> int:
    """Print, per set, cronica's actor-country figures beside the NER model alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--limit", type=int, default=200, help="records per set (0: all)")
    args = parser.parse_args(argv)
    from cronica.pipeline import DEFAULT_COMPONENTS, Pipeline
    from cronica.settings import load_options
    names = [n for n in DEFAULT_COMPONENTS if n.split(".")[1] in ("clean", "langid", "analyze", "mentions", "entities")]
    pipeline = Pipeline(names, options=load_options(environ={}))
    print(f"{'set':24s} {'actors':>6s} {'covered':>8s} {'cronica country':>16s} {'NER alone':>10s}")
    for name in args.sets:
        n, found, right = score(_load(name, args.limit), pipeline)
        print(f"{name:24s} {n:6d} {found:8d} {right / n if n else 0:16.3f} {0.0:10.3f}")
    print("NER alone: spans without linking carry no country, so an event scorer can only match by text.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
