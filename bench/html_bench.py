"""Article-body extraction on the Zyte/Scrapinghub benchmark: cronica vs trafilatura.

Scoring follows shared/data/html-benchmark/README.md: 4-token shingles of `\\w+`,
per-page TP/FP/FN normalised, P and R averaged over pages (an empty prediction is
left out of precision, counts as recall 0), F1 of the means.

    .venv/bin/python bench/html_bench.py [--limit N] [--passes 3]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "data" / "html-benchmark"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    """Multiset of `size`-token shingles of `\\w+` tokens (a short text is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def page_scores(predicted: str, gold: str) -> tuple[float | None, float]:
    """(precision or None when the prediction is empty, recall) of one page."""
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum((pred & ref).values())
    fp, fn = sum(pred.values()) - tp, sum(ref.values()) - tp
    if fp == fn == 0:
        return (1.0 if pred else None), 1.0
    if not pred:
        return None, 0.0
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    return tp / (tp + fp), (tp / (tp + fn) if tp + fn else 1.0)


def corpus_scores(pairs) -> dict:
    """Macro P, R and F1 over (predicted, gold) pairs."""
    precisions, recalls = [], []
    for predicted, gold in pairs:
        p, r = page_scores(predicted, gold)
        recalls.append(r)
        if p is not None:
            precisions.append(p)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_pages(limit: int | None):
    """[(raw bytes, gold body, url)] in a stable order."""
    gold = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:limit] if limit else sorted(gold)
    return [(gzip.decompress((BENCH / "html" / f"{k}.html.gz").read_bytes()),
             gold[k]["articleBody"], gold[k].get("url")) for k in keys]


def _cronica(options):
    from cronica.errors import InputError
    from cronica.ingest.html import article_from_html

    def run(raw, url):
        try:
            return article_from_html(raw, "page.html", options, url=url).text
        except InputError:
            return ""
    return run


def _trafilatura(with_metadata: bool):
    import trafilatura

    def run(raw, url):
        text = trafilatura.extract(raw, url=url, with_metadata=with_metadata) or ""
        if with_metadata and text.startswith("---\n"):
            text = text.split("\n---\n", 1)[-1]  # the metadata header is not body text
        return text
    return run


def measure(run, pages, passes: int) -> dict:
    """Scores and CPU-time speed (best of `passes`) of one extractor."""
    best, outputs = None, []
    for _ in range(passes):
        start = time.process_time()
        outputs = [run(raw, url) for raw, _, url in pages]
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    scores = corpus_scores(zip(outputs, (g for _, g, _ in pages)))
    scores["pages_per_cpu_s"] = len(pages) / best if best else float("inf")
    scores["empty"] = sum(1 for o in outputs if not o)
    return scores


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="first N pages only")
    parser.add_argument("--passes", type=int, default=2, help="timed passes; the fastest counts")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from cronica.settings import load_options
    pages = load_pages(args.limit)
    tools = {"cronica (article_from_html)": _cronica(load_options(environ={})),
             "trafilatura.extract": _trafilatura(False),
             "trafilatura.extract +metadata": _trafilatura(True)}
    print(f"{len(pages)} pages, {args.passes} passes (CPU time)")
    print(f"{'extractor':32s} {'P':>6s} {'R':>6s} {'F1':>6s} {'pages/s':>8s} {'empty':>5s}")
    for name, run in tools.items():
        s = measure(run, pages, args.passes)
        print(f"{name:32s} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
              f"{s['pages_per_cpu_s']:8.1f} {s['empty']:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
