"""The Ray Data executor of a batch job: the same pipeline, run by a pool of workers.

Read tasks turn each input into rows (`worker.read_rows`); rows are cut into small
blocks so one large input still spreads over every worker, and no worker is left waiting
long for another at the end; each worker is an actor that builds the `Pipeline` once
(`worker.ExtractWorker`); the driver receives results as they are done, puts each input's
rows back in order, and is the only writer (`outputs.InputWriter`). When Ray runs on this
machine, the workers share its CPUs with the driver and Ray's own processes, so local mode
makes Ray's bookkeeping less frequent (`start_ray`).
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from .inputs import BatchInput, is_done, list_inputs
from .outputs import InputWriter
from .worker import END_OF_INPUT, ExtractWorker, read_rows

log = logging.getLogger("cronica.batch")

# Two rows a block: each worker holds at most two blocks (the one running and the next), so
# when the input runs dry one worker waits at most that long for the other; 8 rows left
# one worker idle for up to two 8-row blocks (several seconds) at the end of a job
ROWS_PER_BLOCK = 2
READ_ROWS_PER_TABLE = 64
# Reads take the CPU kept free beside the workers (a 1-CPU actor must not starve them), one
# whole CPU like the repartition after them, so that Ray Data runs both in one task: a read
# task yields blocks of ROWS_PER_BLOCK rows itself (two operators cost the driver and Ray
# more per block than small blocks could bear)
READ_CPUS = 1
# Local mode: how long Ray Data's scheduling loop waits for a task before a round of
# bookkeeping (Ray's default, 0.1 s, spent ~4% of a CPU on the workers' machine; a worker
# always holds its next block, so a later look costs it nothing)
LOCAL_SCHEDULING_WAIT_S = 0.25
# Local mode: Ray's log monitor looks for new log files every 0.5 s instead of every 0.1 s
LOCAL_RAY_ENV = {"RAY_LOG_MONITOR_MANY_FILES_THRESHOLD": "0"}


def _read_schema():
    import pyarrow as pa
    return pa.schema([("input", pa.int64()), ("seq", pa.int64()), ("article", pa.binary()),
                      ("code", pa.string()), ("error", pa.string())])


def _result_schema():
    import pyarrow as pa
    return pa.schema([("input", pa.int64()), ("seq", pa.int64()), ("id", pa.string()),
                      ("month", pa.string()), ("lang", pa.string()), ("record", pa.string()),
                      ("code", pa.string()), ("error", pa.string())])


def _read_batch(table, options):
    """Ray adapter of `read_rows`: (input, path) rows -> tables of article rows, a few at a time.

    Yielding as it reads keeps a large input (a WARC of 40,000 pages) from being held whole.
    """
    import pyarrow as pa
    rows = []
    for item in table.to_pylist():
        for row in read_rows(item["input"], item["path"], options):
            rows.append(row)
            if len(rows) >= READ_ROWS_PER_TABLE:
                yield pa.Table.from_pylist(rows, schema=_read_schema())
                rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=_read_schema())


class _ExtractBatch:
    """Ray adapter of `ExtractWorker`: one per actor, so models load once per worker."""

    def __init__(self, options, date=None, lang=None):
        self.worker = ExtractWorker(options, date=date, lang=lang)

    def __call__(self, table):
        import pyarrow as pa
        return pa.Table.from_pylist(self.worker(table.to_pylist()), schema=_result_schema())


def start_ray(*, address: str | None, workers: int, progress: bool = False) -> bool:
    """Connect to a cluster at `address`, or start Ray on this machine.

    Args:
        address: `ray://host:10001`, `auto`, or None for local mode.
        workers: extraction workers; local mode reserves one more CPU for reads.
        progress: show Ray Data's progress bars.
    Returns:
        True when this call started Ray (the caller shuts it down).
    """
    import ray
    ray.data.DataContext.get_current().enable_progress_bars = progress
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, logging_level=logging.WARNING)
    else:
        for name, value in LOCAL_RAY_ENV.items():  # read by the processes ray.init starts
            os.environ.setdefault(name, value)
        ray.init(num_cpus=workers + 1, include_dashboard=False, logging_level=logging.WARNING)
        _set_scheduling_wait(LOCAL_SCHEDULING_WAIT_S)
    return True


def _set_scheduling_wait(seconds: float) -> None:
    """Ray Data's scheduling loop wait, where this Ray version has it (it is internal)."""
    try:
        from ray.data._internal.execution import streaming_executor_state as state
    except ImportError:
        return
    if isinstance(getattr(state, "WAIT_FOR_TASK_COMPLETION_TIMEOUT_S", None), (int, float)):
        state.WAIT_FOR_TASK_COMPLETION_TIMEOUT_S = seconds


def build_dataset(todo: list[BatchInput], options, *, workers: int, date=None, lang=None):
    """The Ray Dataset of result rows for `todo`, in input order."""
    import ray
    context = ray.data.DataContext.get_current()
    # results come back as workers finish them; `write_results` puts each input's rows back
    # in order (an ordered stream made one slow block hold every worker back)
    context.execution_options.preserve_order = False
    items = [{"input": pos, "path": item.path} for pos, item in enumerate(todo)]
    ds = ray.data.from_items(items, override_num_blocks=len(items))
    ds = ds.map_batches(_read_batch, fn_kwargs={"options": options}, batch_size=1,
                        batch_format="pyarrow", num_cpus=READ_CPUS)
    ds = ds.repartition(target_num_rows_per_block=ROWS_PER_BLOCK)
    return ds.map_batches(_ExtractBatch, fn_constructor_kwargs={"options": options, "date": date,
                                                                "lang": lang},
                          batch_size=ROWS_PER_BLOCK, batch_format="pyarrow", num_cpus=1,
                          concurrency=workers)


class _InputState:
    """One input's writer while its rows arrive: rows ahead of the next one wait here."""

    def __init__(self, out: Path, item: BatchInput):
        self.writer = InputWriter(out, item)
        self.next_seq, self.end = 0, None
        self.waiting: dict[int, dict] = {}

    def take(self, row: dict) -> bool:
        """Add a row (any order); True when the input is complete and finished."""
        if row.get("code") == END_OF_INPUT:
            self.end = row["seq"]
        else:
            self.waiting[row["seq"]] = row
        while self.next_seq in self.waiting:
            self.writer.add(self.waiting.pop(self.next_seq))
            self.next_seq += 1
        return self.end is not None and self.next_seq == self.end


def write_results(rows, todo: list[BatchInput], out: Path) -> dict:
    """Write result rows, which may arrive in any order, input by input and in input order.

    Each input's rows are written in their order within the input (rows that come early
    wait for the ones before them); an input is finished (outputs in place, done marker)
    when its `END_OF_INPUT` row and every row before it have arrived. An input whose rows
    did not all arrive is left unfinished, so `--resume` runs it again.

    Args:
        rows: result rows, each naming its input by position in `todo`.
        todo: the inputs of this run.
        out: the output folder.
    Returns:
        counts: inputs, records, errors.
    """
    totals = {"inputs": 0, "records": 0, "errors": 0}
    open_inputs: dict[int, _InputState] = {}
    for row in rows:
        index = row["input"]
        state = open_inputs.get(index) or open_inputs.setdefault(index, _InputState(out, todo[index]))
        if state.take(row):
            for name, n in state.writer.finish().items():
                totals[name] += n
            totals["inputs"] += 1
            del open_inputs[index]
    if open_inputs:
        log.warning("%d input(s) not finished: their rows did not all arrive", len(open_inputs))
    return totals


def run_batch(paths, out, *, options, address: str | None = None, workers: int | None = None,
              resume: bool = False, date: str | None = None, lang: str | None = None) -> dict:
    """Run the pipeline over every input under `paths` as a Ray Data job.

    Args:
        paths: files and folders (WARC, JSON Lines, HTML, feeds, text).
        out: output folder.
        options: resolved settings (passed to every worker).
        address: Ray cluster address; None runs Ray on this machine.
        workers: extraction workers (default: 1 locally, the cluster's CPUs less one).
        resume: skip inputs a previous run finished.
        date: published date for articles without one.
        lang: language of every article.
    Returns:
        counts: inputs (written now), skipped, records, errors.
    """
    out = Path(out)
    items = list_inputs(paths)
    todo = [item for item in items if not (resume and is_done(out, item))]
    summary = {"inputs": 0, "skipped": len(items) - len(todo), "records": 0, "errors": 0}
    if not todo:
        return summary
    started = start_ray(address=address, workers=workers or 1,
                        progress=bool(options["progress"]) and sys.stderr.isatty())
    try:
        import ray
        workers = workers or max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
        ds = build_dataset(todo, options, workers=workers, date=date, lang=lang)
        summary.update(write_results(ds.iter_rows(), todo, out))
    finally:
        if started:
            import ray
            ray.shutdown()
    return summary
