"""The demo: extract the example article and a few hundred real articles, store them, summarise.

Run through `make demo`. Uses the embedded store (./cronica.db) and ../shared data.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cronica.cli import main as cli_main


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--articles", type=int, default=300, help="news articles per language")
    parser.add_argument("--db", default="cronica.db")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    example = shared / "examples" / "lavrov-corea-del-norte.txt"
    print(f"== cronica extract {example} --date 2025-07-09", flush=True)
    cli_main(["extract", str(example), "--date", "2025-07-09", "--format", "summary"])
    sample = Path("out") / "demo-sample.jsonl"
    sample.parent.mkdir(exist_ok=True)
    with sample.open("w", encoding="utf-8") as out:
        for name in ("es.jsonl", "en.jsonl"):
            with open(shared / "data" / "news" / name, encoding="utf-8") as f:
                for k, line in enumerate(f):
                    if k >= args.articles:
                        break
                    out.write(line)
    print(f"\n== cronica ingest {sample} --db {args.db}", flush=True)
    code = cli_main(["ingest", str(sample), "--db", args.db])
    print(f"\n== summary of {args.db}", flush=True)
    cli_main(["summary", "--db", args.db])
    return code


if __name__ == "__main__":
    sys.exit(main())
