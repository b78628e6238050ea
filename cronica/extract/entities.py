"""Entities: mentions merged into one entity per real-world thing in the article."""
from __future__ import annotations

from ..model import Article, Entity
from ..pipeline import component


@component("cronica.entities.v1", assigns=["article.entities"], requires=["article.mentions"])
def make_entities(options):
    def merge(article: Article) -> Article:
        by_name: dict[tuple, Entity] = {}
        for m in article.mentions:
            key = (m.text.lower(), m.type)
            ent = by_name.get(key)
            if ent is None:
                ent = by_name[key] = Entity(id=f"E{len(by_name) + 1}", name=m.text, type=m.type)
            ent.mentions.append([m.start, m.end])
        article.entities = list(by_name.values())
        return article
    return merge
