"""Every setting, declared once: name, default, help. CLI, docs and checks read this table.

Precedence: defaults < cronica.toml < CRONICA_* environment < --setting NAME VALUE.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = (
    Setting("max_article_bytes", 20_000_000, "Skip inputs (files, records, pages) larger than this"),
    Setting("max_uncompressed_bytes", 200_000_000, "Stop reading a compressed input past this size"),
    Setting("max_analyzed_chars", 40_000, "Analyse at most this many characters of an article (cut at a paragraph or sentence end)"),
    Setting("max_entities_per_article", 2_000, "Keep at most this many entities per article"),
    Setting("min_article_chars", 1, "An article with fewer characters after cleaning is an error"),
    Setting("default_lang", "", "Language to assume when detection is unsure (empty: detect)"),
    Setting("ner_model", "auto", "NER model: 'auto' (cronica's trained model when present), 'spacy' (the pipeline's own)"),
    Setting("db_path", "cronica.db", "Path of the embedded SQLite store"),
    Setting("fetch_timeout_s", 20.0, "Timeout of one HTTP request when fetching"),
    Setting("fetch_max_bytes", 10_000_000, "Largest HTTP response body read when fetching"),
    Setting("fetch_delay_s", 1.0, "Pause between two requests to the same host"),
    Setting("fetch_allow_private", False, "Allow fetching loopback, private and link-local addresses"),
    Setting("fetch_cache_path", "", "JSON file of ETag/Last-Modified per fetched URL, for conditional GET (empty: off)"),
    Setting("serve_host", "127.0.0.1", "Address `cronica serve` binds"),
    Setting("serve_port", 8000, "Port `cronica serve` binds"),
    Setting("api_token", "", "Token required by write endpoints of the HTTP API (empty: writes off)"),
    Setting("api_max_page_size", 500, "Largest page of results the HTTP API returns"),
    Setting("api_max_body_bytes", 25_000_000, "Largest request body the HTTP API accepts"),
    Setting("progress", True, "Show a progress bar on a terminal"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


class Options(dict):
    """Resolved settings, built once and passed down. Read as `options["name"]`."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(name) from e


def _coerce(name: str, value):
    default = _BY_NAME[name].default
    if isinstance(value, type(default)) and not (isinstance(default, int) and isinstance(value, bool)
                                                  and not isinstance(default, bool)):
        return value
    text = str(value).strip()
    try:
        if isinstance(default, bool):
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        if isinstance(default, int):
            return int(text.replace("_", ""))
        if isinstance(default, float):
            return float(text)
    except ValueError as e:
        raise ConfigError("E202", name=name, value=value, kind=type(default).__name__) from e
    return text


def load_options(*, overrides: dict | None = None, toml_path: str | os.PathLike | None = None,
                 environ: dict | None = None) -> Options:
    """Build the options from defaults, cronica.toml, CRONICA_* variables and overrides.

    Args:
        overrides: values from the command line, by setting name.
        toml_path: a cronica.toml to read (default: ./cronica.toml when present).
        environ: the environment (default: os.environ).
    Returns:
        Options with every setting typed by its default.
    """
    values = {s.name: s.default for s in SETTINGS}
    path = Path(toml_path) if toml_path else Path("cronica.toml")
    layers = []
    if path.is_file():
        with path.open("rb") as f:
            layers.append(tomllib.load(f).get("cronica", {}))
    env = os.environ if environ is None else environ
    layers.append({k[8:].lower(): v for k, v in env.items() if k.startswith("CRONICA_")})
    layers.append(overrides or {})
    for layer in layers:
        for name, value in layer.items():
            if name not in _BY_NAME:
                if layer is layers[-1] or (toml_path and layer is layers[0]):
                    raise ConfigError("E201", name=name, known=", ".join(sorted(_BY_NAME)))
                continue
            values[name] = _coerce(name, value)
    return Options(values)
