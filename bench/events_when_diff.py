"""Each matched gold event's date and figure beside cronica's, with what the sentence holds.

For every required gold event of hand-read article gold (`bench/gold/events/*.json`)
that a cronica event matches (with the scorer's own greedy matching) and that has a
`when` or a `quantity`, it prints the gold interval and figure, the event's `when` and
quantities, its trigger and sentence, and every time expression and quantity cronica
found in that sentence. The extractor runs once; its output is kept in `--cache` and
read again until `--refresh`.

    .venv/bin/python bench/events_when_diff.py bench/gold/events/*.json [--only miss] [--refresh]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "score" / "cronica_score.py"
CMD = f"{ROOT / '.venv' / 'bin' / 'cronica'} extract - --format jsonl"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("cronica_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documents(sc, golds: list[dict], cache: Path, refresh: bool) -> dict:
    """cronica's records by gold id, from the cache or from one run of the extractor."""
    if cache.exists() and not refresh:
        with open(cache, encoding="utf-8") as f:
            docs = {d["id"]: d for d in map(json.loads, f)}
        if all(g["id"] in docs for g in golds):
            return docs
    docs, _ = sc.run_extractor(CMD, [sc.gold_input(g) for g in golds])
    with open(cache, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs.values())
    return docs


def _figure_agrees(sc, gold: dict, event: dict, doc: dict) -> bool:
    q = gold.get("quantity")
    return bool(q) and any(x.get("min") == q["min"] and x.get("max") == q["max"] for x in sc.quantity_of(event, doc))


def _matches(sc, gold: dict, doc: dict) -> list[tuple[dict, dict]]:
    """(gold event, cronica event) pairs for required gold, as `score_events` pairs them."""
    ents, gold_events, used, pairs = sc.entity_index(doc), gold["events"], set(), []
    for ev in doc.get("events") or []:
        candidates = [ge for ge in gold_events if sc.event_matches(ge, ev, ents)
                      and (ge["id"] not in used or not ge.get("required"))]
        match = max(candidates, key=lambda ge: (
            bool(ge.get("required")), sc.when_matches(ge.get("when"), ev.get("when")),
            _figure_agrees(sc, ge, ev, doc), -gold_events.index(ge)), default=None)
        if match is not None and match.get("required") and match["id"] not in used:
            used.add(match["id"])
            pairs.append((match, ev))
    return pairs


def _inside(start: int, evidence: dict) -> bool:
    return evidence.get("start", 0) <= start < evidence.get("end", 0)


def _when_text(when: dict | None) -> str:
    if not when:
        return "-"
    return f"{when.get('start')}..{when.get('end')} ({when.get('text')!r})"


def _figure_text(q: dict) -> str:
    return f"{q.get('id')} {q.get('min')}..{q.get('max')} {q.get('unit')} ({q.get('text')!r})"


def _report(sc, gold_event: dict, event: dict, doc: dict) -> tuple[list[str], bool, bool]:
    """Lines for one pair, and whether its date and its figure are right (None when not asked)."""
    gw, gq = gold_event.get("when"), gold_event.get("quantity")
    time_ok = sc.when_matches(gw, event.get("when")) if gw else None
    qty_ok = _figure_agrees(sc, gold_event, event, doc) if gq else None
    marks = " ".join(f"{name}={'ok' if ok else 'MISS'}" for name, ok in (("time", time_ok), ("qty", qty_ok))
                     if ok is not None)
    evidence, text = event.get("evidence") or {}, doc.get("text") or ""
    trigger = (event.get("trigger") or {}).get("text")
    lines = [f"[{marks}] {doc['id']} {gold_event['id']} {event.get('type')} {event.get('status')}"
             f" trigger={trigger!r}: {gold_event.get('what', '')}",
             f"    gold when {gw['start'] + '..' + gw['end'] if gw else '-'}"
             f"   event when {_when_text(event.get('when'))}",
             f"    gold qty  {gq['min'] if gq else '-'}..{gq['max'] if gq else '-'}"
             f"   event qty {[_figure_text(q) for q in sc.quantity_of(event, doc)]}",
             f"    sentence: {text[evidence.get('start', 0):evidence.get('end', 0)]!r}"]
    times = [f"{t.get('text')!r}={t.get('start')}..{t.get('end')}" for t in doc.get("times") or []
             if _inside(t.get("start_char", -1), evidence)]
    figures = [_figure_text(q) for q in doc.get("quantities") or [] if _inside(q.get("start", -1), evidence)]
    lines += [f"    times in sentence: {times}", f"    figures in sentence: {figures}"]
    return lines, time_ok, qty_ok


def main(argv: list[str] | None = None) -> int:
    """Print the date and figure of every matched gold event; the last line counts them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--cache", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "cronica_events_when.jsonl"))
    parser.add_argument("--refresh", action="store_true", help="run the extractor again")
    parser.add_argument("--only", choices=("miss",), help="print only pairs with a wrong date or figure")
    args = parser.parse_args(argv)
    sc = _load_scorer()
    golds = [json.load(open(p, encoding="utf-8")) for p in args.gold]
    docs = _documents(sc, golds, Path(args.cache), args.refresh)
    counts = {"time": [0, 0], "qty": [0, 0]}
    for gold in golds:
        for gold_event, event in _matches(sc, gold, docs[gold["id"]]):
            if not (gold_event.get("when") or gold_event.get("quantity")):
                continue
            lines, time_ok, qty_ok = _report(sc, gold_event, event, docs[gold["id"]])
            for name, ok in (("time", time_ok), ("qty", qty_ok)):
                if ok is not None:
                    counts[name][0] += ok
                    counts[name][1] += 1
            if args.only != "miss" or time_ok is False or qty_ok is False:
                print("\n".join(lines))
    print(f"time={counts['time'][0]}/{counts['time'][1]} qty={counts['qty'][0]}/{counts['qty'][1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
