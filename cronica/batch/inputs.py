"""A batch job's inputs: files found under the given paths, their output names, done markers.

Every input file gets a stable key (its name plus a digest of its absolute path), so
its outputs have the same names on every run. A done marker, written atomically
after an input's outputs, lets `--resume` skip what a previous run finished.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class BatchInput:
    """One input file of a job: its position, path and output key."""

    index: int
    path: str
    key: str


def _walk(path: str):
    if not os.path.isdir(path):
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def input_key(path: str) -> str:
    """The output name of an input: its file name made safe, plus a digest of its full path."""
    absolute = os.path.abspath(path)
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = _UNSAFE.sub("_", os.path.basename(absolute))[:80] or "input"
    return f"{stem}-{digest}"


def list_inputs(paths) -> list[BatchInput]:
    """Every input file under `paths` (folders walked recursively, sorted), in order.

    Args:
        paths: files and folders (a missing one is kept: reading it gives its error).
    Returns:
        BatchInput list, duplicates removed.
    """
    found, seen = [], set()
    for path in paths:
        for one in _walk(path):
            key = input_key(one)
            if key not in seen:
                seen.add(key)
                found.append(BatchInput(len(found), one, key))
    return found


def _fingerprint(path: str) -> dict:
    try:
        stat = os.stat(path)
    except OSError:
        return {"size": None, "mtime_ns": None}
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a hidden temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def marker_path(out: Path, item: BatchInput) -> Path:
    """Where the done marker of `item` lives."""
    return out / "done" / f"{item.key}.json"


def mark_done(out: Path, item: BatchInput, counts: dict) -> None:
    """Record that `item` was processed whole (after its outputs are in place)."""
    body = {"input": os.path.abspath(item.path), **_fingerprint(item.path), **counts}
    write_atomic(marker_path(out, item), json.dumps(body, sort_keys=True) + "\n")


def is_done(out: Path, item: BatchInput) -> bool:
    """True when a previous run finished `item` and the file has not changed since."""
    try:
        marker = json.loads(marker_path(out, item).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(marker.get(k) == v for k, v in _fingerprint(item.path).items())
