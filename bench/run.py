"""Run the benchmarks one after another with their default (small) sizes: `make bench`.

    python -m bench.run [NAME ...]      # e.g. python -m bench.run time_bench numbers_bench

Each bench prints cronica beside its peers; see README.md for what each measures.
"""
from __future__ import annotations

import importlib
import sys
import time

SHARED_NER = "../shared/data/ner"
# bench module -> the arguments of its default run
BENCHES = {
    "langid_bench": [], "time_bench": [], "numbers_bench": [], "html_bench": [], "dates_bench": [],
    "ner_bench": [f"{SHARED_NER}/conll2002-es/test.conll", "--lang", "es"],
    "entities_bench": [], "events_bench": [], "e2e_bench": [], "store_bench": [],
    "xlang_bench": ["--limit", "100"],
}


def main(argv=None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(BENCHES)
    failed = []
    for name in names:
        print(f"\n== bench.{name}", flush=True)
        t0 = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        try:
            module.main(BENCHES.get(name, []))
        except SystemExit as e:
            if e.code not in (None, 0):
                failed.append(name)
        print(f"== bench.{name}: {time.perf_counter() - t0:.0f} s", flush=True)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
