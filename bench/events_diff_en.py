"""Event misses on a coder gold set, gold beside cronica, record by record.

For every record whose gold events are not all matched (or that has unmatched
predictions) it prints the sentence, each gold event (type, actor and recipient as
text and country) and each cronica event (type, status, actor and recipient as
entity names and countries), marking matches with the scorer's own rules.

    .venv/bin/python bench/events_diff_en.py ../shared/data/events/petrarch2-gsr-en.jsonl [--limit 40]
        [--only fn|fp] [--type ASSAULT]
"""
from __future__ import annotations

import argparse
import importlib.util
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--only", choices=("fn", "fp"))
    parser.add_argument("--type", help="only records with a gold or predicted event of this type")
    parser.add_argument("--cmd", default="cronica extract - --format jsonl")
    args = parser.parse_args(argv)
    os.environ["PATH"] = f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    sc = _load_scorer()
    items = [r for r in sc.load_jsonl(args.gold, args.limit) if r.get("evaluate", True)]
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
