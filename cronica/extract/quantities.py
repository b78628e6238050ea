"""Numbers, ranges and amounts with their unit."""
from __future__ import annotations

from ..model import Article
from ..pipeline import component


@component("cronica.quantities.v1", assigns=["article.quantities"], requires=["article.text"])
def make_quantities(options):
    def find(article: Article) -> Article:
        article.quantities = []
        return article
    return find
