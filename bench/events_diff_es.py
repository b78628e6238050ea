"""Spanish event coding, side by side: each missed or spurious gold event next to cronica's.

Runs cronica once over a coder gold set (`shared/data/events/*.jsonl`), caches its
output, then prints for every record with a miss the gold events (type, actor and
recipient text with country, trigger) beside cronica's events (type, actor and
recipient names with country, trigger text). Matching follows the scorer
(`shared/score/cronica_score.py`): type, then actors by country, span or text.

    .venv/bin/python bench/events_diff_es.py up-es-protest-cameo --limit 43 [--offset 0]
        [--fresh] [--misses-only] [--classes]

Given hand-annotated articles instead (`bench/gold/events/es-*.json`), it prints each
article's events in text order with the gold event the scorer's greedy matching gives
them (or FP), the required gold events left unmatched (FN), and, for matched ones, a
date or figure that differs from the gold's:

    .venv/bin/python bench/events_diff_es.py bench/gold/events/es-*.json
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CACHE = Path("/tmp") / "cronica-events-diff-es"
sys.path.insert(0, str(SHARED / "score"))

import cronica_score as scorer  # noqa: E402  (the scorer lives in ../shared/score)


def _load(name: str, limit: int, offset: int) -> list[dict]:
    path = SHARED / "data" / "events" / f"{name}.jsonl"
    with path.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    items = [r for r in items[offset:offset + limit if limit else None] if r.get("evaluate", True)]
    return items


def _run(items: list[dict], fresh: bool, cmd: str | None = None) -> dict:
    """cronica's records by id, cached by the input's digest (rerun with --fresh)."""
    records = [{"id": str(r["id"]), "text": r["text"], "lang": r.get("lang"),
                "published": r.get("date"), "title": r.get("title"), "raw": True} for r in items]
    digest = hashlib.sha1(json.dumps(records).encode()).hexdigest()[:12]
    cache = CACHE / f"{digest}.json"
    if cache.exists() and not fresh:
        return json.loads(cache.read_text())
    cmd = cmd or f"{ROOT / '.venv' / 'bin' / 'cronica'} extract - --format jsonl"
    docs, _ = scorer.run_extractor(cmd, records)
    CACHE.mkdir(exist_ok=True)
    cache.write_text(json.dumps(docs))
    return docs


def _actor(actors: list | None) -> str:
    return " + ".join(f"{a.get('text')}[{a.get('country') or '-'}]" for a in actors or []) or "."


def _entity(ids: list, ents: dict) -> str:
    return " + ".join(f"{(ents.get(i) or {}).get('name')}[{(ents.get(i) or {}).get('country') or '-'}]"
                      for i in ids or []) or "."


def _match(r: dict, doc: dict) -> tuple[list, list, list]:
    """(gold events with their matching prediction or None, unmatched predictions, untyped)."""
    ents = scorer.entity_index(doc)
    typed = [g for g in r.get("gold") or [] if scorer.gold_types(g)]
    hits, spurious = {}, []
    for ev in doc.get("events") or []:
        for k, g in enumerate(typed):
            type_ok = ev.get("type") in scorer.gold_types(g) or (
                ev.get("type") == "AGREE" and ev.get("status") == "planned")
            if k not in hits and type_ok and \
                    scorer.gold_actor_matches(g.get("source"), ev.get("source"), ents, r["text"]) and \
                    scorer.gold_actor_matches(g.get("target"), ev.get("target"), ents, r["text"]):
                hits[k] = ev
                break
        else:
            spurious.append(ev)
    return [(g, hits.get(k)) for k, g in enumerate(typed)], spurious, ents


def _why(g: dict, doc: dict, ents: dict, r: dict) -> str:
    """A rough class for a miss: no event of the type, or which role failed."""
    same = [e for e in doc.get("events") or [] if e.get("type") in scorer.gold_types(g)]
    if not same:
        return "type-missing"
    src = any(scorer.gold_actor_matches(g.get("source"), e.get("source"), ents, r["text"]) for e in same)
    tgt = any(scorer.gold_actor_matches(g.get("target"), e.get("target"), ents, r["text"]) for e in same)
    if not src and not tgt:
        return "actor+recipient"
    return "actor" if not src else "recipient" if not tgt else "pairing"


def _show(r: dict, doc: dict, pairs: list, spurious: list, ents: dict, classes: collections.Counter) -> None:
    text = r["text"]
    print(f"== {r['id']}  {text[:160]!r}")
    for g, ev in pairs:
        mark = "ok " if ev else "FN "
        why = "" if ev else f" <{_why(g, doc, ents, r)}>"
        if not ev:
            classes[_why(g, doc, ents, r) + " " + "/".join(sorted(scorer.gold_types(g)))] += 1
        print(f"   {mark}{'/'.join(sorted(scorer.gold_types(g)))} {_actor(g.get('source'))} -> "
              f"{_actor(g.get('target'))}  «{g.get('event_text')}»{why}")
    for ev in doc.get("events") or []:
        tag = "FP " if ev in spurious else "   "
        trig = (ev.get("trigger") or {}).get("text")
        print(f"   {tag}  got {ev.get('type')}/{ev.get('mode')} {_entity(ev.get('source'), ents)} -> "
              f"{_entity(ev.get('target'), ents)}  «{trig}» {ev.get('status')}")
        if ev in spurious:
            classes[f"spurious {ev.get('type')}"] += 1


def _assign(g: dict, doc: dict) -> list:
    """(prediction, gold event or None) in text order, as `score_events` assigns them."""
    ents, used, out = scorer.entity_index(doc), set(), []
    golds = g["events"]
    for ev in doc.get("events") or []:
        candidates = [ge for ge in golds if scorer.event_matches(ge, ev, ents)
                      and (ge["id"] not in used or not ge.get("required"))]
        match = max(candidates, key=lambda ge: (
            bool(ge.get("required")), scorer.when_matches(ge.get("when"), ev.get("when")),
            _figure_ok(ge, ev, doc), -golds.index(ge)), default=None)
        if match is not None and match.get("required"):
            used.add(match["id"])
        out.append((ev, match))
    return out


def _figure_ok(ge: dict, ev: dict, doc: dict) -> bool:
    want = ge.get("quantity")
    return bool(want) and any(q.get("min") == want["min"] and q.get("max") == want["max"]
                              for q in scorer.quantity_of(ev, doc))


def _show_article(g: dict, doc: dict) -> None:
    ents = scorer.entity_index(doc)
    print(f"== {g['id']}")
    pairs = _assign(g, doc)
    for ev, ge in pairs:
        when = ev.get("when") or {}
        tag = ge["id"] if ge else "FP"
        print(f"   {tag:4s} {ev.get('type')}/{ev.get('mode')} {_entity(ev.get('source'), ents)} -> "
              f"{_entity(ev.get('target'), ents)}  «{(ev.get('trigger') or {}).get('text')}» {ev.get('status')} "
              f"{when.get('start')}..{when.get('end')}")
        if ge and ge.get("required") and ge.get("when") and not scorer.when_matches(ge["when"], when):
            print(f"        date: gold {ge['when']['start']}..{ge['when']['end']}")
        if ge and ge.get("required") and ge.get("quantity") and not _figure_ok(ge, ev, doc):
            print(f"        figure: gold {ge['quantity']}")
    matched = {ge["id"] for _, ge in pairs if ge}
    for ge in g["events"]:
        if ge.get("required") and ge["id"] not in matched:
            print(f"   FN   {ge['id']} {'/'.join(ge['types'])}: {ge.get('what', '')[:110]}")


def _articles(paths: list[str], cmd: str | None) -> int:
    golds = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    cmd = cmd or f"{ROOT / '.venv' / 'bin' / 'cronica'} extract - --format jsonl"
    docs, _ = scorer.run_extractor(cmd, [scorer.gold_input(g) for g in golds])
    for g in golds:
        _show_article(g, docs.get(g["id"]) or {})
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="+", help="gold set name (up-es-protest-cameo) or hand-gold .json files")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--fresh", action="store_true", help="rerun cronica even if cached")
    parser.add_argument("--misses-only", action="store_true")
    parser.add_argument("--classes", action="store_true", help="print only the counts of miss classes")
    parser.add_argument("--cmd", help="another extractor command (always run, never cached)")
    args = parser.parse_args(argv)
    if args.set[0].endswith(".json"):
        return _articles(args.set, args.cmd)
    args.set = args.set[0]
    items = _load(args.set, args.limit, args.offset)
    docs = _run(items, args.fresh or bool(args.cmd), args.cmd)
    classes: collections.Counter = collections.Counter()
    tp = fn = fp = 0
    for r in items:
        doc = docs.get(str(r["id"])) or {}
        pairs, spurious, ents = _match(r, doc)
        untyped = len(r.get("gold") or []) - len(pairs)
        tp += sum(1 for _, ev in pairs if ev)
        fn += sum(1 for _, ev in pairs if not ev)
        fp += max(0, len(spurious) - untyped)
        if not args.classes and (not args.misses_only or spurious or any(ev is None for _, ev in pairs)):
            _show(r, doc, pairs, spurious, ents, classes)
        elif args.classes:
            _show_quiet(r, doc, pairs, spurious, ents, classes)
    p, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    for name, n in classes.most_common(30):
        print(f"{n:5d}  {name}")
    print(f"{args.set}: records {len(items)}  P {p:.3f} R {rc:.3f} F1 {scorer.f1(p, rc):.3f}"
          f"  (tp {tp} fp {fp} fn {fn})")
    return 0


def _show_quiet(r, doc, pairs, spurious, ents, classes) -> None:
    for g, ev in pairs:
        if not ev:
            classes[_why(g, doc, ents, r) + " " + "/".join(sorted(scorer.gold_types(g)))] += 1
    for ev in spurious:
        classes[f"spurious {ev.get('type')}"] += 1


if __name__ == "__main__":
    sys.exit(main())
