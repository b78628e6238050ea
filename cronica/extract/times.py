"""Temporal expressions resolved against the article's date."""
from __future__ import annotations

from ..model import Article
from ..pipeline import component


@component("cronica.times.v1", assigns=["article.times"], requires=["article.text"])
def make_times(options):
    def find(article: Article) -> Article:
        article.times = []
        return article
    return find
