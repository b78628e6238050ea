"""cronica: turn news into a searchable, source-attributed chronicle of events."""
from __future__ import annotations

import logging

from .model import Article
from .pipeline import Pipeline
from .runner import extract


def open_store(path: str = "cronica.db"):
    """Open (creating if needed) the embedded store at `path`."""
    from .store.sqlite import open_store as _open
    return _open(path)


logging.getLogger("cronica").addHandler(logging.NullHandler())

__all__ = ["Article", "Pipeline", "extract", "open_store"]
__version__ = "0.1.0"
