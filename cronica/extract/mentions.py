"""Mentions: names found in the text (model spans), before they are merged into entities."""
from __future__ import annotations

from ..model import Article, Mention
from ..pipeline import component
from .ner import recognize


@component("cronica.mentions.v1", assigns=["article.mentions"], requires=["article.doc"])
def make_mentions(options):
    def find_mentions(article: Article) -> Article:
        article.mentions = recognize(article, options)
        return article
    return find_mentions
