"""Readers: turn inputs (files, folders, standard input) into `Article`s.

`read_inputs` yields, in input order, either an `Article` or an `InputError` for an
input (or one record of it) that could not be read; the caller decides what to do
with errors, and the batch goes on.
"""
from __future__ import annotations

from .dedup import Deduplicator, deduplicate
from .sources import read_inputs

__all__ = ["Deduplicator", "deduplicate", "read_inputs"]
