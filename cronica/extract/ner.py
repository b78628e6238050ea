"""Named-entity recognition: spans with contract types from the spaCy Doc."""
from __future__ import annotations

from ..model import Article, Mention

# spaCy label -> contract type
LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE",
          "NORP": "NORP", "EVENT": "EVENT", "MISC": "MISC", "FAC": "LOC"}


def recognize(article: Article, options) -> list[Mention]:
    """Return the names in `article.doc` as Mentions with contract types."""
    out = []
    for ent in article.doc.ents:
        kind = LABELS.get(ent.label_)
        if kind:
            out.append(Mention(ent.start_char, ent.end_char, ent.text, kind))
    return out
