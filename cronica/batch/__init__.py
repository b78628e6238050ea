"""Distributed runner: the same pipeline and readers, executed as a Ray Data job.

`run_batch` (in `job`) is the entry point of `cronica batch`; `worker` holds the
engine-free half (read an input into rows, extract rows), `outputs` the single writer,
`load` the `cronica load` command's reader of an output folder.
"""
