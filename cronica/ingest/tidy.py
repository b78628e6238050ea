"""Last touches on every Article a reader yields: no unprintable code points, a bounded length.

- NUL and other C0/C1 control characters (but tab and newlines) are dropped from text and
  title: they come from broken exports and break JSON consumers and terminals;
- lone surrogates (JSON `"\\ud800"`) cannot be written as UTF-8: each becomes U+FFFD;
- text longer than `max_analyzed_chars` is cut at the last paragraph (else sentence, else
  word) end before that length, and `meta["truncated_from"]` keeps the original length,
  so one pathological article cannot hold the batch for minutes.
"""
from __future__ import annotations

import re

from ..model import Article

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# where a cut may fall, best first: a paragraph end, a sentence end, a space
_BREAKS = (re.compile(r"\n"), re.compile(r"[.!?…][\"'»”)]*\s"), re.compile(r"\s"))


def clean_text(text: str | None) -> str | None:
    """Text without control characters and lone surrogates (None stays None).

    Args:
        text: text from a reader.
    Returns:
        the cleaned text.
    """
    if not text:
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at the best break found in its second half.

    Args:
        text: the text.
        limit: the most characters kept.
    Returns:
        the text, or its head ending at a paragraph, sentence or word boundary.
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(head, limit // 2)]
        if ends:
            return head[:ends[-1]].rstrip()
    return head


def tidy_article(article: Article, options) -> Article:
    """Clean an Article's text and title, and bound its length (see the module docstring)."""
    article.text = clean_text(article.text) or ""
    if isinstance(article.title, str):
        article.title = clean_text(article.title)
    limit = options.get("max_analyzed_chars") or 0
    if limit and len(article.text) > limit:
        article.meta["truncated_from"] = len(article.text)
        article.text = cut(article.text, limit)
    return article
