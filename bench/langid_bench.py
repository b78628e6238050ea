"""Language identification: cronica's detector vs simplemma alone, on CoNLL sentences cut short.

    python -m bench.langid_bench [--words 4] [--sentences 2000]

Prints accuracy per language and sentences/s, side by side.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from cronica.lang.loader import SUPPORTED
from cronica.text.langid import detect_language

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner"
FILES = {"es": SHARED / "conll2002-es" / "test.conll", "en": SHARED / "conll2003-en" / "test.conll"}


def _sentences(path: Path, words: int, limit: int) -> list[str]:
    out, cur = [], []
    for line in path.open(encoding="utf-8"):
        if line.strip() and not line.startswith("-DOCSTART-"):
            cur.append(line.split()[0])
            continue
        if len(cur) >= words:
            out.append(" ".join(cur[:words]))
        cur = []
        if len(out) >= limit:
            break
    return out


def _simplemma(text: str) -> str:
    import simplemma
    scores = dict(simplemma.langdetect(text, lang=SUPPORTED))
    scores.pop("unk", None)
    return max(scores, key=scores.get, default="en")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=4)
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args(argv)
    print(f"{'detector':12s} {'es':>6s} {'en':>6s} {'sent/s':>8s}")
    for name, fn in (("cronica", detect_language), ("simplemma", _simplemma)):
        accs, n, secs = [], 0, 0.0
        for lang, path in FILES.items():
            sents = _sentences(path, args.words, args.sentences)
            t0 = time.perf_counter()
            accs.append(sum(fn(s) == lang for s in sents) / len(sents))
            secs += time.perf_counter() - t0
            n += len(sents)
        print(f"{name:12s} {accs[0]:6.3f} {accs[1]:6.3f} {n / secs:8.0f}")


if __name__ == "__main__":
    main()
