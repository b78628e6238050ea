"""Event misses on a coder gold set, gold beside cronica, record by record.

For every record whose gold events are not all matched (or that has unmatched
predictions) it prints the sentence, each gold event (type, actor and recipient as
text and country) and each cronica event (type, status, actor and recipient as
entity names and countries), marking matches with the scorer's own rules.

    .venv/bin/python bench/events_diff_en.py ../shared/data/events/petrarch2-gsr-en.jsonl [--limit 40]
        [--only fn|fp] [--type ASSAULT]

Given hand-read article gold (`bench/gold/events/*.json`) instead, it prints per article
each gold event (missed or matched, with the matching event's date and figures) and
each cronica event with its status, date, figures, trigger and sentence.

    .venv/bin/python bench/events_diff_en.py bench/gold/events/en-*.json [--only fn|fp]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "score" / "cronica_score.py"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("cronica_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_actor(actors) -> str:
    return " + ".join(f"{a.get('text') or a.get('code')}/{a.get('country')}" for a in actors or []) or "-"


def _pred_actor(ids, ents) -> str:
    return " + ".join(f"{ents.get(i, {}).get('name')}/{ents.get(i, {}).get('country')}" for i in ids or []) or "-"


def _match(sc, typed, preds, ents, text):
    """The scorer's one-to-one matching: gold index -> prediction index."""
    used, pairs = set(), {}
    for j, ev in enumerate(preds):
        for k, g in enumerate(typed):
            if k in used:
                continue
            ok = ev.get("type") in sc.gold_types(g) or (ev.get("type") == "AGREE" and ev.get("status") == "planned")
            if ok and sc.gold_actor_matches(g.get("source"), ev.get("source"), ents, text) \
                    and sc.gold_actor_matches(g.get("target"), ev.get("target"), ents, text):
                used.add(k)
                pairs[k] = j
                break
    return pairs


def _show(record, typed, preds, ents, pairs) -> list[str]:
    lines = [f"{record['id']}: {record['text']}"]
    for k, g in enumerate(typed):
        mark = "ok" if k in pairs else "FN"
        lines.append(f"   {mark} gold {'/'.join(sorted(_types(g)))}: {_gold_actor(g.get('source'))}"
                     f" -> {_gold_actor(g.get('target'))}  [{g.get('event_text') or g.get('event_type')}]")
    hit = set(pairs.values())
    for j, ev in enumerate(preds):
        mark = "ok" if j in hit else "FP"
        trig = (ev.get("trigger") or {}).get("text")
        lines.append(f"   {mark} pred {ev.get('type')}/{ev.get('mode')} {ev.get('status')}: "
                     f"{_pred_actor(ev.get('source'), ents)} -> {_pred_actor(ev.get('target'), ents)}  [{trig}]")
    return lines


def _types(g):
    return set(g.get("plover_accept") or []) | ({g["plover_type"]} if g.get("plover_type") else set())


def _article_match(sc, gold_events, preds, ents, doc):
    """The scorer's greedy matching of one article: prediction index -> gold event or None."""
    used, pairs = set(), {}
    for j, ev in enumerate(preds):
        candidates = [ge for ge in gold_events if sc.event_matches(ge, ev, ents)
                      and (ge["id"] not in used or not ge.get("required"))]
        match = max(candidates, key=lambda ge: (
            bool(ge.get("required")), sc.when_matches(ge.get("when"), ev.get("when")),
            bool(ge.get("quantity")) and any(q.get("min") == ge["quantity"]["min"] and
                                             q.get("max") == ge["quantity"]["max"]
                                             for q in sc.quantity_of(ev, doc)),
            -gold_events.index(ge)), default=None)
        pairs[j] = match
        if match is not None and match.get("required"):
            used.add(match["id"])
    return pairs


def _pred_line(ev, doc, ents) -> str:
    text = doc.get("text") or ""
    ev_start = (ev.get("evidence") or {}).get("start", 0)
    when = ev.get("when") or {}
    figures = [f"{q.get('min')}..{q.get('max')} {q.get('unit')}" for q in _score().quantity_of(ev, doc)]
    return (f"{ev.get('type')}/{ev.get('mode')} {ev.get('status')}: {_pred_actor(ev.get('source'), ents)} -> "
            f"{_pred_actor(ev.get('target'), ents)} when={when.get('start')}..{when.get('end')} q={figures} "
            f"[{(ev.get('trigger') or {}).get('text')}] {text[ev_start:ev_start + 110]!r}")


_SCORER = []


def _score():
    if not _SCORER:
        _SCORER.append(_load_scorer())
    return _SCORER[0]


def _show_article(g, doc, only) -> list[str]:
    sc = _score()
    ents = sc.entity_index(doc)
    preds = list(doc.get("events") or [])
    pairs = _article_match(sc, g["events"], preds, ents, doc)
    lines = [f"== {g['id']} (published {doc.get('published')})"]
    for ge in g["events"]:
        hits = [j for j, m in pairs.items() if m is ge]
        if only == "fp" or (only == "fn" and (hits or not ge.get("required"))):
            continue
        mark = "ok" if hits else ("FN" if ge.get("required") else "--")
        extra = f" when={ge.get('when')} q={ge.get('quantity')}"
        lines.append(f"  {mark} gold {ge['id']} {ge['types']}: {ge.get('source')} -> {ge.get('target')}{extra}"
                     f"\n        {ge.get('what')}")
        lines.extend(f"        <- V{j + 1} {_pred_line(preds[j], doc, ents)}" for j in hits)
    for j, ev in enumerate(preds):
        if pairs[j] is None and only != "fn":
            lines.append(f"  FP V{j + 1} {_pred_line(ev, doc, ents)}")
    return lines


def _articles(paths, only, cmd) -> int:
    sc = _score()
    golds = [json.load(open(p, encoding="utf-8")) for p in paths]
    docs, _ = sc.run_extractor(cmd, [sc.gold_input(g) for g in golds])
    for g in golds:
        sys.stdout.write("\n".join(_show_article(g, docs[g["id"]], only)) + "\n")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--only", choices=("fn", "fp"))
    parser.add_argument("--type", help="only records with a gold or predicted event of this type")
    parser.add_argument("--cmd", default="cronica extract - --format jsonl")
    args = parser.parse_args(argv)
    os.environ["PATH"] = f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    if all(p.endswith(".json") for p in args.gold):
        return _articles(args.gold, args.only, args.cmd)
    sc = _score()
    items = [r for r in sc.load_jsonl(args.gold[0], args.limit) if r.get("evaluate", True)]
    records = [{"id": str(r["id"]), "text": r["text"], "lang": r.get("lang"), "published": r.get("date"),
                "title": r.get("title"), "raw": True} for r in items]
    docs, _ = sc.run_extractor(args.cmd, records)
    fn = fp = 0
    for r in items:
        doc = docs.get(str(r["id"])) or {}
        ents = sc.entity_index(doc)
        preds = list(doc.get("events") or [])
        typed = [g for g in r.get("gold") or [] if _types(g)]
        pairs = _match(sc, typed, preds, ents, r["text"])
        misses, extra = len(typed) - len(pairs), len(preds) - len(pairs)
        fn, fp = fn + misses, fp + extra
        wanted = {"fn": misses, "fp": extra}.get(args.only, misses + extra)
        types = {t for g in typed for t in _types(g)} | {e.get("type") for e in preds}
        if wanted and (not args.type or args.type in types):
            sys.stdout.write("\n".join(_show(r, typed, preds, ents, pairs)) + "\n")
    sys.stdout.write(f"records {len(items)}  missed gold {fn}  unmatched predictions {fp}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
