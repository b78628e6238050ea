"""Clean a plain-text scrape: boilerplate lines, dateline, damage flags."""
from __future__ import annotations

from ..errors import InputError
from ..model import Article
from ..pipeline import component


@component("cronica.clean.v1", assigns=["article.text", "article.flags", "article.dateline"])
def make_cleaner(options):
    def clean(article: Article) -> Article:
        if not article.raw:
            article.text = article.text.strip()
        if len(article.text.strip()) < options["min_article_chars"]:
            raise InputError("E102", input=article.input_name or article.id or "<text>")
        return article
    return clean
