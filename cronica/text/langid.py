"""Language identification per article."""
from __future__ import annotations

from ..model import Article
from ..pipeline import component


@component("cronica.langid.v1", assigns=["article.lang"], requires=["article.text"])
def make_langid(options):
    def identify(article: Article) -> Article:
        if not article.lang:
            import simplemma
            scores = dict(simplemma.langdetect(article.text[:2000], lang=("es", "en")))
            article.lang = max(scores, key=scores.get) if scores else "en"
        return article
    return identify
