"""Numbers, ranges and amounts: cronica vs quantulum3 and Duckling on the Recognizers-Text specs.

Accuracy uses the scorer's rule (shared/score/cronica_score.py, imported, not copied):
the first quantity whose text overlaps the expected text must have the expected min
and max. Peers are optional (`pip install -e .[bench]`); a peer that is not installed
is skipped with a note.

    .venv/bin/python bench/numbers_bench.py [--limit N] [--show cronica]
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "numbers"
sys.path.insert(0, str(ROOT))
from cronica.extract.quantities import find_quantities  # noqa: E402


def load_scorer():
    """The shared scorer module (for `overlaps` and `_num_eq`)."""
    spec = importlib.util.spec_from_file_location("cronica_score", SHARED / "score" / "cronica_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cronica_reader():
    def read(text, lang):
        quantities, _ = find_quantities(text, lang)
        return [{"text": q.text, "min": q.min, "max": q.max} for q in quantities]
    return read


def quantulum_reader():
    """quantulum3 (English only): value of each quantity, ranges not split."""
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    def read(text, lang):
        if lang != "en":
            return []
        return [{"text": q.surface, "min": q.value, "max": q.value} for q in parser.parse(text)]
    return read


def duckling_reader():
    """Duckling through pyduckling-native-phihos: numbers, money, distances, temperatures."""
    import duckling as d
    d.init()
    tz = d.load_time_zones("/usr/share/zoneinfo")
    ref = d.parse_ref_time(tz, "UTC", int(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc).timestamp()))
    dims = d.parse_dimensions(["number", "amount-of-money", "distance", "temperature",
                               "quantity", "volume", "duration"])
    contexts = {lang: d.Context(ref, d.default_locale_lang(d.parse_lang(lang.upper())))
                for lang in ("es", "en")}

    def read(text, lang):
        out = []
        for hit in d.parse(text, contexts[lang], dims, False):
            value = hit["value"]
            lo = (value.get("from") or {}).get("value") if value.get("type") == "interval" else value.get("value")
            hi = (value.get("to") or {}).get("value") if value.get("type") == "interval" else value.get("value")
            out.append({"text": text[hit["start"]:hit["end"]], "min": lo, "max": hi})
        return out
    return read


PEERS = {"cronica": cronica_reader, "quantulum3": quantulum_reader, "duckling": duckling_reader}
LANGS = {"quantulum3": ("en",)}  # languages a peer reads; others print "-"


def score(read, items, scorer, show=False):
    """Accuracy of one reader over the items, and seconds spent."""
    ok = n = 0
    t0 = time.perf_counter()
    for item in items:
        got = read(item["text"], item["lang"])
        for exp in item.get("expected") or []:
            n += 1
            lo, hi = exp.get("min", exp.get("value")), exp.get("max", exp.get("value"))
            cand = [q for q in got if scorer.overlaps(exp.get("text"), q.get("text"))]
            hit = bool(cand) and scorer._num_eq(cand[0]["min"], lo) and scorer._num_eq(cand[0]["max"], hi)
            ok += hit
            if show and not hit:
                print(f"  miss {item['id']}: want {exp['text']!r} {lo}..{hi} got "
                      f"{[(q['text'], q['min'], q['max']) for q in got][:4]}")
    return (ok / n if n else 0.0), n, time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="items per file (0: all)")
    ap.add_argument("--show", default="", help="print the misses of this reader")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    readers = {}
    for name, make in PEERS.items():
        try:
            readers[name] = make()
        except ImportError as e:
            print(f"note: {name} skipped ({e})")
    files = {lang: DATA / f"recognizers-{lang}.jsonl" for lang in ("es", "en")}
    print(f"{'reader':12} {'es':>7} {'en':>7}   seconds")
    for name, read in readers.items():
        row, secs = [], 0.0
        for lang, path in files.items():
            if lang not in LANGS.get(name, (lang,)):
                row.append(f"{'-':>7}")
                continue
            with open(path, encoding="utf-8") as f:
                items = [json.loads(line) for line in f][:args.limit or None]
            acc, _, s = score(read, items, scorer, show=args.show == name)
            row.append(f"{acc:7.3f}")
            secs += s
        print(f"{name:12} {row[0]} {row[1]}   {secs:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
