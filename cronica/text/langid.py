"""Language identification per article: function words first, simplemma's detector second.

Function words (`lang/<lang>/langid.yaml`) decide most news texts at once and keep
working on lists and datelines; simplemma (its word lists ship inside its PyPI
package: nothing is downloaded) decides when they tie. When neither is sure, the
`default_lang` setting, else English.
"""
from __future__ import annotations

import re

from ..lang.loader import SUPPORTED
from ..model import Article
from ..pipeline import component
from .mt_damage import stopwords

_WORD = re.compile(r"[^\W\d_]+")

_SAMPLE_CHARS = 3000


def detect_language(text: str, *, default: str = "en") -> str:
    """Return the most likely supported language of `text`.

    Args:
        text: any text; only its first few thousand characters are read.
        default: the answer when no supported language scores above zero.
    Returns:
        an ISO 639-1 code from SUPPORTED.
    """
    sample = text[:_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    votes = {lang: sum(w in stopwords(lang) for w in words) for lang in SUPPORTED}
    ranked = sorted(votes.values(), reverse=True)
    if ranked[0] > ranked[1]:
        return max(votes, key=votes.get)
    import simplemma
    scores = dict(simplemma.langdetect(sample, lang=SUPPORTED))
    scores.pop("unk", None)
    best = max(scores, key=scores.get, default=None)
    return best if best and scores[best] > 0 else default


@component("cronica.langid.v1", assigns=["article.lang"], requires=["article.text"])
def make_langid(options):
    default = options["default_lang"] or "en"

    def identify(article: Article) -> Article:
        if not article.lang:
            article.lang = detect_language(f"{article.title or ''}\n{article.text}", default=default)
        return article
    return identify
