"""Fuzz the readers and the normalisers for minutes, on demand (hypothesis-driven).

    python -m bench.fuzz --minutes 10 [--target readers|times|numbers|clean|all]

Each round draws inputs with hypothesis: random bytes, and real inputs from
../shared/data (news text, HTML pages, feeds, the WARC) cut, flipped and spliced.
A reader may refuse an input only with an `InputError`; the time and number
engines must never raise, and every range they return must be ordered. Any
other exception is a crash: it is printed with the input that caused it and the
run exits 1. The summary line reads `N passed, N failed`.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import traceback
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cronica.errors import InputError
from cronica.settings import load_options

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
OPTIONS = load_options(overrides={"max_uncompressed_bytes": 5_000_000}, environ={})


@lru_cache(maxsize=None)
def _seeds() -> tuple[bytes, ...]:
    """Real inputs to mutate: a few news records, pages, feeds and the WARC."""
    seeds = []
    for name in ("es.jsonl", "en.jsonl"):
        lines = (SHARED / "news" / name).read_text(encoding="utf-8").splitlines()[:20]
        seeds += [json.loads(l)["text"].encode("utf-8") for l in lines]
        seeds.append("\n".join(lines[:3]).encode("utf-8"))
    for path in sorted((SHARED / "news" / "html").glob("*/*.html.gz"))[:10]:
        seeds.append(gzip.decompress(path.read_bytes()))
    seeds += [p.read_bytes() for p in sorted((SHARED / "news" / "rss").glob("*.xml"))[:5]]
    seeds.append((SHARED / "news" / "warc" / "fundus-sample.warc.gz").read_bytes()[:200_000])
    return tuple(seeds)


@st.composite
def _mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(_seeds())))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["cut", "flip", "insert", "splice"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "cut":
            del data[pos:pos + draw(st.integers(1, 4096))]
        elif op == "flip" and data:
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(max_size=64))
        else:
            other = draw(st.sampled_from(_seeds()))
            data[pos:] = other[draw(st.integers(0, max(0, len(other) - 1))):]
    return bytes(data)


INPUTS = st.one_of(st.binary(max_size=4096), _mutated())
TEXTS = st.one_of(st.text(max_size=400), _mutated().map(lambda b: b[:3000].decode("utf-8", "replace")))


def _check_readers(data: bytes) -> None:
    from cronica.ingest.detect import detect_format
    from cronica.ingest.readers import READERS
    try:
        fmt = detect_format(data, "fuzz.bin")
        for item in READERS[fmt](data, "fuzz.bin", OPTIONS):
            if not isinstance(item, InputError):
                assert isinstance(item.text, str)
    except InputError:
        pass


def _ordered(lo, hi) -> bool:
    return lo is None or hi is None or lo <= hi


def _check_times(text: str) -> None:
    from cronica.extract.times import find_times
    for lang in ("es", "en"):
        for t in find_times(text, lang, "2025-07-09"):
            assert _ordered(t.start, t.end), (t.text, t.start, t.end)
            assert text[t.start_char:t.end_char] == t.text, (lang, t.text, text[t.start_char:t.end_char])


def _check_numbers(text: str) -> None:
    from cronica.extract.quantities import find_quantities
    for lang in ("es", "en"):
        quantities, _ = find_quantities(text, lang)
        for q in quantities:
            assert _ordered(q.min, q.max), (q.text, q.min, q.max)


def _check_clean(text: str) -> None:
    from cronica.model import Article
    from cronica.text.clean import clean_article
    for lang in ("es", "en"):
        clean_article(Article(text=text, lang=lang))


TARGETS = {"readers": (_check_readers, INPUTS), "times": (_check_times, TEXTS),
           "numbers": (_check_numbers, TEXTS), "clean": (_check_clean, TEXTS)}


def _round(name: str, examples: int) -> list[str]:
    check, strategy = TARGETS[name]
    crashes = []

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value):
        try:
            check(value)
        except Exception:  # noqa: BLE001  (every escape is a finding)
            crashes.append(f"{name}: {value[:200]!r}\n{traceback.format_exc(limit=4)}")
    run()
    return crashes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--target", choices=sorted(TARGETS) + ["all"], default="all")
    parser.add_argument("--examples", type=int, default=200, help="examples per round")
    args = parser.parse_args(argv)
    names = sorted(TARGETS) if args.target == "all" else [args.target]
    deadline = time.monotonic() + args.minutes * 60
    rounds = crashes = 0
    while time.monotonic() < deadline:
        for name in names:
            found = _round(name, args.examples)
            rounds += 1
            crashes += len(found)
            for report in found[:3]:
                print(report, file=sys.stderr)
    print(f"fuzz: {rounds} rounds of {args.examples} examples over {', '.join(names)}")
    print(f"{rounds * args.examples - crashes} passed, {crashes} failed")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
