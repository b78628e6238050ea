"""Import every module that registers a built-in component (see pipeline.component)."""
from .text import clean, langid  # noqa: F401
from .extract import nlp, mentions, entities, knowledge, quantities, times, events  # noqa: F401
