"""Duplicates in one batch: the same story read twice (a feed and its page, two outlets
running one wire story, a WARC re-crawl).

Exact copies share a hash of their normalised words; near copies share most of their
5-word shingles (MinHash with LSH, Jaccard >= 0.8 by default). The first article seen
is the original: a later copy is not extracted again, it is recorded on the original's
`meta["copies"]` as `{id, url, source}`.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import deque
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Article

log = logging.getLogger("cronica")

_WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5
NUM_PERM = 128
# Texts shorter than this many words are matched exactly only: a few shared
# 5-word shingles say little about two short texts.
MIN_WORDS_NEAR = 30


def words(text: str) -> list[str]:
    """The text's words, case-folded and NFKC-normalised (punctuation and spacing ignored)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def text_key(text: str) -> str:
    """The exact-duplicate key of a text: a digest of its normalised words."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def _minhash(tokens: list[str]):
    from datasketch import MinHash
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([" ".join(tokens[i:i + SHINGLE_WORDS]).encode("utf-8")
                            for i in range(len(tokens) - SHINGLE_WORDS + 1)])
    return signature


class Deduplicator:
    """Remembers the articles of one batch and tells whether a new one copies an earlier one."""

    def __init__(self, *, threshold: float = 0.8):
        """Args:
            threshold: estimated Jaccard similarity of shingle sets above which two texts are copies.
        """
        from datasketch import MinHashLSH
        self.threshold = threshold
        self._exact: dict[str, Article] = {}
        self._near = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, object] = {}
        self._by_key: dict[str, Article] = {}

    def find_original(self, article: Article) -> Article | None:
        """The earlier article this one copies, or None; a new article is remembered.

        Args:
            article: an article as a reader yields it.
        Returns:
            the original Article (first seen), or None when the article is new.
        """
        tokens = words(article.text)
        key = hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()
        if key in self._exact:
            return self._exact[key]
        signature = _minhash(tokens) if len(tokens) >= MIN_WORDS_NEAR else None
        if signature is not None:
            for candidate in self._near.query(signature):
                if self._signatures[candidate].jaccard(signature) >= self.threshold:
                    return self._by_key[candidate]
            self._near.insert(key, signature)
            self._signatures[key] = signature
        self._exact[key] = article
        self._by_key[key] = article
        return None

    def check(self, article: Article) -> str | None:
        """None when the article is new (it is remembered); else the original's id.

        A copy is recorded on the original's `meta["copies"]`.

        Args:
            article: the article to check.
        Returns:
            the id of the original, or None.
        """
        original = self.find_original(article)
        if original is None:
            return None
        record_copy(original, article)
        return original.ensure_id()


def record_copy(original: Article, copy: Article) -> None:
    """Add `{id, url, source}` of `copy` to `original.meta["copies"]` (once per id)."""
    entry = {"id": copy.ensure_id(), "url": copy.url, "source": copy.source}
    copies = original.meta.setdefault("copies", [])
    if all(c.get("id") != entry["id"] for c in copies):
        copies.append(entry)


def deduplicate(items: Iterable[Article | InputError], *, threshold: float = 0.8,
                hold: int = 64) -> Iterator[Article | InputError]:
    """Drop later copies from a stream of readers' output, recording them on the original.

    Originals are held back until `hold` more articles have been read (or the input
    ends), so copies found within that window are on `meta["copies"]` when the original
    is passed on; errors pass through in order.

    Args:
        items: Articles and InputErrors, as `read_inputs` yields them.
        threshold: near-duplicate similarity (estimated Jaccard of 5-word shingles).
        hold: how many articles an original waits for its copies.
    Returns:
        iterator of the originals and errors, in input order.
    """
    checker = Deduplicator(threshold=threshold)
    waiting: deque = deque()
    for item in items:
        if isinstance(item, Article):
            original = checker.find_original(item)
            if original is not None:
                record_copy(original, item)
                log.debug("%s: copy of %s", item.input_name, original.input_name)
                continue
        waiting.append(item)
        while sum(isinstance(i, Article) for i in waiting) > hold:
            yield waiting.popleft()
    yield from waiting
