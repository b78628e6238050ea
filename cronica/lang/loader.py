"""Load per-language knowledge from data files under cronica/lang/<lang>/.

Hand-edited lexicons are YAML (`<kind>.yaml`), big generated tables TSV
(`gazetteer/<name>.tsv`). Extractors ask for a kind and get canonical keys mapped
to surface forms; they never hold words of a language themselves.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import LanguageDataError
from .schema import validate

LANG_DIR = Path(__file__).parent
SUPPORTED = ("es", "en")


def available_languages() -> list[str]:
    """Return the languages that have a data directory (two-letter names)."""
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and len(p.name) == 2 and p.name != "xx")


@lru_cache(maxsize=None)
def load(lang: str, kind: str) -> dict:
    """Read and validate `lang/<lang>/<kind>.yaml`.

    Args:
        lang: ISO 639-1 code, or "xx" for language-neutral data.
        kind: file name without extension ("time", "numbers", "event_triggers", ...).
    Returns:
        the file's content without its `meta` block (empty dict when the file is absent).
    """
    path = LANG_DIR / lang / f"{kind}.yaml"
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise LanguageDataError("E301", path=path, reason=str(e).splitlines()[0]) from e
    validate(kind, data, path)
    return {k: v for k, v in data.items() if k != "meta"}


@lru_cache(maxsize=None)
def load_table(lang: str, name: str) -> tuple[dict, ...]:
    """Read `lang/<lang>/gazetteer/<name>.tsv` (header row, tab separated; `#` lines are notes).

    Args:
        lang: language code or "xx".
        name: table name without extension.
    Returns:
        tuple of row dicts (empty when the table is absent).
    """
    path = LANG_DIR / lang / "gazetteer" / f"{name}.tsv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as f:
        rows = (line for line in f if not line.startswith("#"))
        return tuple(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))
