"""Temporal expressions: cronica vs dateparser and Duckling on the Recognizers-Text sets.

Gold: shared/data/time/recognizers-{es,en}.jsonl. Every system is scored with the
project scorer's own rule (shared/score/cronica_score.py, imported, not copied):
the first reading whose text overlaps the expected words must have the expected
start and end. cronica runs its engine directly (`find_times`, no spaCy), the
peers their search functions; Duckling is skipped when it is not installed.

    .venv/bin/python bench/time_bench.py [--limit N] [--lang es|en]
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def load_scorer():
    """The project scorer as a module (its matching rule is the one that counts)."""
    spec = importlib.util.spec_from_file_location("cronica_score", SHARED / "score" / "cronica_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def run_cronica():
    from cronica.extract.times import find_times

    def run(text, lang, ref):
        return [{"text": t.text, "start": t.start, "end": t.end}
                for t in find_times(text, lang, ref.isoformat())]
    return run


def _period_interval(day: dt.date, period: str):
    from cronica.extract.time_calendar import period as calendar_period
    unit = {"day": "day", "week": "week", "month": "month", "year": "year"}.get(period or "day", "day")
    return calendar_period(unit, day)


def run_dateparser():
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def run(text, lang, ref):
        settings = {"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day, 12)}
        found = search_dates(text, languages=[lang], settings=settings) or []
        parser = DateDataParser(languages=[lang], settings=settings)
        out = []
        for surface, moment in found:
            period = parser.get_date_data(surface).period or "day"
            lo, hi = _period_interval(moment.date(), period)
            out.append({"text": surface, "start": lo.isoformat(), "end": hi.isoformat()})
        return out
    return run


def _duckling_interval(value: dict):
    from cronica.extract.time_calendar import period as calendar_period, shift
    if value.get("type") == "interval":
        lo, hi = value.get("from"), value.get("to")
        if not lo or not hi:
            return None, None
        end = _day(hi["value"]) - dt.timedelta(days=1) if hi.get("grain") in ("day", "hour", "minute") \
            else shift(_day(hi["value"]), hi["grain"], 1) - dt.timedelta(days=1)
        return _day(lo["value"]), end
    grain = value.get("grain", "day")
    day = _day(value["value"])
    if grain in ("hour", "minute", "second", "day"):
        return day, day
    return calendar_period(grain, day)


def run_duckling():
    import duckling
    duckling.init()
    zones = duckling.load_time_zones("/usr/share/zoneinfo")
    dims = duckling.parse_dimensions(["time"])

    def run(text, lang, ref):
        stamp = int(dt.datetime(ref.year, ref.month, ref.day, 12, tzinfo=dt.timezone.utc).timestamp())
        context = duckling.Context(duckling.parse_ref_time(zones, "UTC", stamp),
                                   duckling.default_locale_lang(duckling.parse_lang(lang.upper())))
        out = []
        for item in duckling.parse(text, context, dims, False):
            lo, hi = _duckling_interval(item["value"])
            out.append({"text": item["body"], "start": lo and lo.isoformat(), "end": hi and hi.isoformat()})
        return out
    return run


def score(run, items, scorer) -> tuple[int, int, float]:
    """(right, expressions, seconds) of one system on one set, by the scorer's rule."""
    ok = n = 0
    t0 = time.perf_counter()
    for item in items:
        ref = _day(item["reference_datetime"])
        try:
            got = run(item["text"], item["lang"], ref)
        except Exception:  # noqa: BLE001  (a peer failing on one sentence scores it as missed)
            got = []
        for expected in item.get("expected") or []:
            n += 1
            cand = [g for g in got if scorer.overlaps(expected.get("text"), g.get("text"))]
            ok += bool(cand) and scorer.time_value_matches(expected, cand[0])
    return ok, n, time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each set")
    ap.add_argument("--lang", choices=["es", "en"], action="append", help="sets to score (default both)")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    systems = [("cronica", run_cronica), ("dateparser", run_dateparser), ("duckling", run_duckling)]
    langs = args.lang or ["es", "en"]
    rows = {}
    for name, make in systems:
        try:
            run = make()
        except ImportError as e:
            print(f"{name}: not installed ({e.name}); skipped", file=sys.stderr)
            continue
        for lang in langs:
            items = scorer.load_jsonl(SHARED / "data" / "time" / f"recognizers-{lang}.jsonl", args.limit)
            rows[(name, lang)] = score(run, items, scorer)
    print(f"{'system':12s} " + " ".join(f"{lang + ' accuracy':>24s}" for lang in langs) + "   seconds")
    for name, _ in systems:
        if (name, langs[0]) not in rows:
            continue
        cells = [rows[(name, lang)] for lang in langs]
        text = " ".join(f"{ok / n if n else 0:>8.4f} ({ok:>4d}/{n:>4d})    " for ok, n, _ in cells)
        print(f"{name:12s} {text}  {sum(c[2] for c in cells):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
