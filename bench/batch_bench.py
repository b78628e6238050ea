"""Batch throughput: `cronica batch` in Ray local mode with 1 and 2 workers vs plain extract.

All three runs take the same articles from shared/data/news (one JSON Lines file by
default, so the split of one large input over workers is part of what is measured).
Each Ray run reports its total time (actor start and model loading included) and its
rate past start-up (a one-article-per-worker job measures the fixed cost), and the CPU
that the driver and Ray's own processes spent beside the workers (on Linux; unlike rates,
other load on the machine hardly moves it). Targets: 2 workers >= 1.8x one
worker; one worker >= 85% of plain extract. On a machine with other busy processes,
compare rates past start-up, and only when the machine is otherwise idle. Beside them, the
machine's own ceiling: two plain extract processes at once (no Ray) against one, models
loaded before timing; no engine can scale past what the machine's cores give two processes.

    .venv/bin/python bench/batch_bench.py [--articles 60] [--files 1] [--workers 1,2]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e2e_bench import load_articles, write_jsonl  # noqa: E402  (bench/ is not a package on every path)


def make_inputs(count: int, files: int, folder: str) -> list[str]:
    """`count` articles in `files` JSON Lines files."""
    records = load_articles(count)
    paths = []
    for n in range(files):
        sub = Path(folder) / f"part{n}"
        sub.mkdir()
        paths.append(write_jsonl(records[n::files], str(sub)))
    return paths


def plain_extract(paths: list[str]) -> tuple[int, float]:
    """Articles and seconds of in-process extraction (models loaded before timing)."""
    from cronica.ingest import read_inputs
    from cronica.model import Article
    from cronica.pipeline import Pipeline
    from cronica.runner import extract_articles
    from cronica.settings import load_options
    options = load_options(environ={})
    pipeline = Pipeline(options=options)
    for lang, text in (("es", "El ministro visitó Seúl."), ("en", "The minister visited Seoul.")):
        pipeline(Article(text=text, lang=lang))
    start = time.perf_counter()
    done = sum(1 for r in extract_articles(read_inputs(paths, options), pipeline=pipeline) if isinstance(r, dict))
    return done, time.perf_counter() - start


def _plain_in_process(paths, ready, go) -> None:
    """One of two plain processes: load the models, wait for the other, then extract."""
    from cronica.ingest import read_inputs
    from cronica.model import Article
    from cronica.pipeline import Pipeline
    from cronica.runner import extract_articles
    from cronica.settings import load_options
    options = load_options(environ={})
    pipeline = Pipeline(options=options)
    for lang, text in (("es", "El ministro visitó Seúl."), ("en", "The minister visited Seoul.")):
        pipeline(Article(text=text, lang=lang))
    ready.wait()
    go.wait()
    for _ in extract_articles(read_inputs(paths, options), pipeline=pipeline):
        pass


def two_plain_processes(paths: list[str]) -> float:
    """Seconds for two plain extract processes at once, each over all of `paths`, timed from
    the moment both have their models loaded."""
    import multiprocessing as mp
    context = mp.get_context("spawn")
    ready, go = context.Barrier(3), context.Event()
    procs = [context.Process(target=_plain_in_process, args=(paths, ready, go)) for _ in range(2)]
    for p in procs:
        p.start()
    ready.wait()
    start = time.perf_counter()
    go.set()
    for p in procs:
        p.join()
    return time.perf_counter() - start


def _cpu_seconds() -> dict[int, float]:
    """CPU-seconds so far of this process and every process under it (Ray's, on Linux)."""
    tick, stats = os.sysconf("SC_CLK_TCK"), {}
    for name in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                text = f.read()
        except (OSError, ValueError):
            continue
        fields = text[text.rfind(")") + 2:].split()
        stats[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    ours, me = {}, os.getpid()
    for pid, (_, cpu) in stats.items():
        up, seen = pid, set()
        while up in stats and up not in seen and up != me:
            seen.add(up)
            up = stats[up][0]
        if up == me:
            ours[pid] = cpu
    return ours


def ray_job(paths: list[str], workers: int, out: str) -> tuple[int, float]:
    """Records and seconds of one batch job on the running Ray (actor start and model loading included)."""
    return ray_job_cpu(paths, workers, out)[:2]


def ray_job_cpu(paths: list[str], workers: int, out: str) -> tuple[int, float, float]:
    """`ray_job`, and the CPU-seconds that the driver and the Ray processes already running
    (raylet, GCS, Ray Data's actors, idle workers) spent during it: the job's overhead, the
    workers it starts excepted."""
    from cronica.batch.inputs import list_inputs
    from cronica.batch.job import build_dataset, write_results
    from cronica.settings import load_options
    options = load_options(environ={})
    before = _cpu_seconds()
    start = time.perf_counter()
    todo = list_inputs(paths)
    totals = write_results(build_dataset(todo, options, workers=workers).iter_rows(), todo, Path(out))
    seconds = time.perf_counter() - start
    after = _cpu_seconds()
    overhead = sum(after[pid] - cpu for pid, cpu in before.items() if pid in after)
    return totals["records"], seconds, overhead


def ray_run(paths: list[str], small: list[str], workers: int, out: str) -> dict:
    """A small job and the full job with `workers` workers; the difference gives the rate past start-up.

    Every job starts its actors and loads the models again; the small job (one article per
    worker) measures that fixed cost, so (N - n) / (T_full - T_small) is the rate of the work itself.
    """
    n_small, t_small = ray_job(small, workers, out + "-small")
    records, total, overhead = ray_job_cpu(paths, workers, out)
    marginal = (records - n_small) / (total - t_small) if total > t_small else 0.0
    return {"records": records, "total_s": total, "rate": records / total, "marginal": marginal,
            "fixed_s": t_small, "overhead_cpu_s": overhead}


def report(runs: dict, plain_rate: float) -> None:
    """The two ratios the targets name."""
    if 1 in runs:
        print(f"  1 worker / plain extract   {runs[1]['marginal'] / plain_rate:.2f} (target >= 0.85)")
    if 1 in runs and 2 in runs and runs[1]["marginal"]:
        print(f"  2 workers / 1 worker       {runs[2]['marginal'] / runs[1]['marginal']:.2f} (target >= 1.8)")


def main(argv=None) -> int:
    import ray
    from cronica.batch.job import start_ray
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="articles (default 60)")
    parser.add_argument("--files", type=int, default=1, help="input files to spread them over (default 1)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="cronica-batch-bench-")
    try:
        paths = make_inputs(args.articles, args.files, folder)
        print(f"{args.articles} articles in {args.files} file(s); load average {os.getloadavg()[0]:.1f}"
              f" on {os.cpu_count()} CPUs")
        done, seconds = plain_extract(paths)
        print(f"  plain extract (1 process)  {done:5d} records {seconds:7.1f} s  {done / seconds:6.2f} articles/s")
        both = two_plain_processes(paths)
        print(f"  plain extract, 2 processes {2 * done:5d} records {both:7.1f} s  {2 * done / both:6.2f} articles/s"
              f"  = {2 * seconds / both:.2f}x one process: the machine's ceiling for 2 workers")
        counts = [int(w) for w in args.workers.split(",")]
        runs = {}
        start_ray(address=None, workers=max(counts))
        try:
            for workers in counts:
                small = make_inputs(workers, 1, tempfile.mkdtemp(dir=folder))
                runs[workers] = r = ray_run(paths, small, workers, os.path.join(folder, f"out{workers}"))
                print(f"  ray local, {workers} worker(s)     {r['records']:5d} records {r['total_s']:7.1f} s"
                      f"  {r['rate']:6.2f} articles/s overall, {r['marginal']:6.2f}/s past start-up"
                      f" ({r['fixed_s']:.1f} s start-up)")
                print(f"    driver and Ray's own processes: {r['overhead_cpu_s']:.1f} CPU-s"
                      f" ({100 * r['overhead_cpu_s'] / max(r['records'], 1):.1f} per 100 articles,"
                      f" {r['overhead_cpu_s'] / r['total_s']:.2f} of a CPU)")
        finally:
            ray.shutdown()
        report(runs, done / seconds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
