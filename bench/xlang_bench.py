"""Same story across languages: cronica's linker vs the embedding cosine alone.

Positives: `bench/xlang/es_translations.jsonl`, Spanish translations (title and first
sentences, as a wire service's Spanish desk writes them) of real English articles of
`shared/data/news/en.jsonl`; each must be linked to its English original. The weights
and threshold were chosen on the `tune` pairs; the `heldout` pairs were translated after. Negatives:
every other pair of the Spanish and English corpora, the translations included, among
them the other outlets' articles on the same event the same day (several of the
translated articles come in such twins, both translated).

Three results, side by side:
  - cronica: the store's linker (`cronica.store.xlang`) over a store of every article;
  - source absent: the same store without the English originals, where any link of a
    translation is false (the threshold, not mutual best, must refuse the twins);
  - cosine: the multilingual embedding of title and lead, a pair linked when its cosine
    reaches a threshold (the best threshold in hindsight, and 0.75), no other signal.

Articles are extracted once with the whole pipeline and cached under out/xlang/
(`--fresh` re-extracts). Run:

    .venv/bin/python -m bench.xlang_bench [--limit 200] [--fresh]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
PAIRS = ROOT / "bench" / "xlang" / "es_translations.jsonl"
CACHE = ROOT / "out" / "xlang"
SEED = 20261128


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_inputs(limit: int | None) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    """Input articles (translations, originals, negatives), the gold pairs and each pair's set.

    A pair's set is `tune` (the weights and threshold were chosen on it) or `heldout`
    (translated afterwards, never looked at while choosing them).
    """
    pairs = _read_jsonl(PAIRS)
    english = {r["id"]: r for r in _read_jsonl(NEWS / "en.jsonl")}
    spanish = _read_jsonl(NEWS / "es.jsonl")
    gold, sets, inputs = {}, {}, []
    for pair in pairs:
        doc_id = "xl-es-" + pair["en_id"].removeprefix("en-abp-")
        gold[doc_id], sets[doc_id] = pair["en_id"], pair.get("set", "tune")
        inputs.append({"id": doc_id, "lang": "es", "title": pair["title"], "text": pair["text"],
                       "published": pair["published"], "source": "translation"})
    days = {english[p["en_id"]]["published"] for p in pairs}
    must = [r for r in english.values() if r["id"] in gold.values() or r["published"] in days]
    rest = [r for r in english.values() if r not in must]
    rng = random.Random(SEED)
    rng.shuffle(rest)
    rng.shuffle(spanish)
    cut = slice(None) if limit is None else slice(limit)
    for record in must + rest[cut] + spanish[cut]:
        inputs.append({k: record.get(k) for k in ("id", "lang", "title", "text", "published", "source", "url")})
    return inputs, gold, sets


def _digest(item: dict) -> str:
    return hashlib.sha1(json.dumps(item, sort_keys=True).encode()).hexdigest()[:16]


def extract_all(inputs: list[dict], *, fresh: bool) -> list[dict]:
    """Contract records of `inputs`, as `cronica extract` writes them; cached per input under out/xlang/."""
    from cronica.ingest import read_inputs
    from cronica.pipeline import Pipeline
    from cronica.runner import extract_articles
    from cronica.settings import load_options
    cache_path = CACHE / "records.jsonl"
    cached = {} if fresh or not cache_path.is_file() else {
        line["digest"]: line["record"] for line in _read_jsonl(cache_path)}
    todo = [item for item in inputs if _digest(item) not in cached]
    if todo:
        options = load_options(environ={})
        CACHE.mkdir(parents=True, exist_ok=True)
        source = CACHE / "inputs.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in todo), encoding="utf-8")
        started, results = time.perf_counter(), []
        for result in extract_articles(read_inputs([str(source)], options), pipeline=Pipeline(options=options)):
            results.append(result)
            if len(results) % 100 == 0:
                print(f"  extracted {len(results)}/{len(todo)} ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr)
        for item, result in zip(todo, results):  # output keeps input order
            if isinstance(result, dict):
                cached[_digest(item)] = result
        cache_path.write_text("".join(json.dumps({"digest": d, "record": r}, ensure_ascii=False) + "\n"
                                      for d, r in cached.items()), encoding="utf-8")
    return [cached[_digest(item)] for item in inputs if _digest(item) in cached]


def build_store(records: list[dict], path: Path) -> tuple[set[tuple[str, str]], float]:
    """Store `records` (in a seeded random order) and return the linked pairs and the seconds taken."""
    from cronica.store.sqlite import open_store
    order = list(records)
    random.Random(SEED).shuffle(order)  # links must not depend on the order articles come in
    started = time.perf_counter()
    with open_store(path) as store:
        for record in order:
            store.add_record(record)
        seconds = time.perf_counter() - started
        rows = store.conn.execute("SELECT a.id, b.id FROM xlang_links l JOIN documents a ON a.doc_rowid = l.doc_a"
                                  " JOIN documents b ON b.doc_rowid = l.doc_b").fetchall()
    return {tuple(sorted(r)) for r in rows}, seconds


def best_scores(path: Path, doc_ids: list[str], exclude: dict | None = None) -> dict[str, tuple[str, float]]:
    """Each article's best candidate in another language (but `exclude[id]`) and its score."""
    from cronica.store.sqlite import open_store
    from cronica.store.xlang import Entries, find_candidates, score_pair
    found = {}
    with open_store(path) as store:
        entries = Entries(store.conn)
        for doc_id in doc_ids:
            rowid = store.conn.execute("SELECT doc_rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            entry = entries.get([rowid]).get(rowid)
            others = list(entries.get(find_candidates(store.conn, entry)).values()) if entry else []
            entries.embed([entry, *others] if others else [])
            banned = store.conn.execute("SELECT doc_rowid FROM documents WHERE id = ?",
                                        ((exclude or {}).get(doc_id, ""),)).fetchone()
            scored = [(score_pair(entry, o)[0], o.rowid) for o in others if not banned or o.rowid != banned[0]]
            if scored:
                score, rowid = max(scored)
                name = store.conn.execute("SELECT id FROM documents WHERE doc_rowid = ?", (rowid,)).fetchone()[0]
                found[doc_id] = (name, score)
    return found


def prf(predicted: set, gold: set) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and false links of predicted pairs against gold pairs."""
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(predicted - gold)


def cosine_baseline(records: list[dict], gold: set) -> list[tuple[str, tuple]]:
    """Pairs linked by the lead embedding's cosine alone: at the best threshold, and at 0.75."""
    from cronica.store.embedding import embed
    from cronica.store.signature import make_signature
    spanish = [r for r in records if r.get("lang") == "es"]
    english = [r for r in records if r.get("lang") == "en"]
    started = time.perf_counter()
    vectors = embed([make_signature(r).lead for r in spanish + english])
    seconds = time.perf_counter() - started
    cosine = vectors[:len(spanish)] @ vectors[len(spanish):].T
    pairs = [(cosine[i, j], tuple(sorted((spanish[i]["id"], english[j]["id"]))))
             for i, j in zip(*np.nonzero(cosine >= 0.6))]
    results = []
    for threshold in sorted({round(float(c), 3) for c, _ in pairs}):
        predicted = {p for c, p in pairs if c >= threshold}
        results.append((threshold, prf(predicted, gold)))
    best = max(results, key=lambda r: (r[1][2], r[0]))
    fixed = (0.75, prf({p for c, p in pairs if c >= 0.75}, gold))
    return [(f"cosine >= {best[0]:.3f} (best in hindsight)", best[1]),
            ("cosine >= 0.75", fixed[1])], seconds, len(spanish) + len(english)


def _row(name: str, scores: tuple, *, negatives_only: bool = False) -> str:
    precision, recall, f1, false = scores
    if negatives_only:  # no pair to find: only false links count
        return f"{name:42} {'-':>9} {'-':>7} {'-':>6} {false:12d}"
    return f"{name:42} {precision:9.3f} {recall:7.3f} {f1:6.3f} {false:12d}"


def _by_set(linked: set, gold_map: dict, sets: dict) -> list[tuple[str, tuple]]:
    """Rows for all pairs, then per set: links of a set's translations against its pairs."""
    rows = [("cronica, all pairs", prf(linked, {tuple(sorted(p)) for p in gold_map.items()}))]
    for name in sorted(set(sets.values()), reverse=True):
        ids = {d for d, s in sets.items() if s == name}
        gold = {tuple(sorted((d, gold_map[d]))) for d in ids}
        rows.append((f"cronica, {name} pairs ({len(ids)})", prf({p for p in linked if set(p) & ids}, gold)))
    return rows


def _run_stores(records: list[dict], gold_map: dict) -> dict:
    """Link the whole store and the store without the English originals; score the translations."""
    with tempfile.TemporaryDirectory() as tmp:
        linked, seconds = build_store(records, Path(tmp) / "all.db")
        originals = set(gold_map.values())
        linked_absent, _ = build_store([r for r in records if r["id"] not in originals], Path(tmp) / "absent.db")
        own = best_scores(Path(tmp) / "all.db", list(gold_map))
        nearest = best_scores(Path(tmp) / "all.db", list(gold_map), exclude=gold_map)
    lowest = min((s for d, (o, s) in own.items() if gold_map[d] == o), default=float("nan"))
    return {"linked": linked, "seconds": seconds, "absent": linked_absent, "lowest": lowest, "nearest": nearest}


def _print_report(records: list[dict], gold_map: dict, sets: dict, run: dict, baseline) -> None:
    from cronica.store.xlang import THRESHOLD
    print(f"\n{'linker':42} {'precision':>9} {'recall':>7} {'F1':>6} {'false links':>12}")
    for name, scores in _by_set(run["linked"], gold_map, sets):
        print(_row(name, scores))
    print(_row("cronica, English originals absent", prf(run["absent"], set()), negatives_only=True))
    impostors = {(d, o) for d, (o, s) in run["nearest"].items() if s >= THRESHOLD}
    print(_row("cronica threshold alone (nearest impostor)", prf(impostors, set()), negatives_only=True))
    if baseline:
        rows, embed_s, count = baseline
        for name, scores in rows:
            print(_row(name, scores))
        print(f"\ncosine baseline: {count} leads embedded in {embed_s:.1f} s")
    print(f"cronica: {len(records)} articles stored and linked in {run['seconds']:.1f} s"
          f" ({len(records) / run['seconds']:.1f} articles/s, extraction excluded)")
    top = max(run["nearest"].items(), key=lambda item: item[1][1], default=(None, (None, float("nan"))))
    print(f"threshold {THRESHOLD}; lowest score of a true pair {run['lowest']:.3f}; highest score of a"
          f" translation with another article {top[1][1]:.3f} ({top[0]} -> {top[1][0]})")
    gold = {tuple(sorted(p)) for p in gold_map.items()}
    for pair in sorted(gold - run["linked"]):
        print("  missed:", pair)
    for pair in sorted(run["linked"] - gold):
        print("  false:", pair)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="negatives per language besides the same-day articles")
    parser.add_argument("--fresh", action="store_true", help="extract again instead of reading out/xlang/")
    parser.add_argument("--no-baseline", action="store_true", help="skip the cosine baseline (slow: embeds all)")
    args = parser.parse_args(argv)
    inputs, gold_map, sets = load_inputs(args.limit)
    records = extract_all(inputs, fresh=args.fresh)
    print(f"{len(records)} articles ({sum(r.get('lang') == 'es' for r in records)} es,"
          f" {sum(r.get('lang') == 'en' for r in records)} en), {len(gold_map)} es-en pairs")
    run = _run_stores(records, gold_map)
    gold = {tuple(sorted(p)) for p in gold_map.items()}
    baseline = None if args.no_baseline else cosine_baseline(records, gold)
    _print_report(records, gold_map, sets, run, baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
