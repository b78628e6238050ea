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


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping: YAML would keep the last
    and silently drop the words listed under the first."""


def _unique_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key '{key}' given twice (line "
                                                    f"{key_node.start_mark.line + 1})", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


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
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
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
