"""Named-entity recognition: spans with contract types.

Two recognizers, chosen by the `ner_model` setting:

- "auto": cronica's own recognizer for the article's language when its model is in
  `cronica/models/ner-<lang>/` (trained by `scripts/train_ner.py`), else the spaCy
  pipeline's own entities;
- "spacy": the entities of the spaCy pipeline that parsed the article.

cronica's recognizer is a second, small spaCy pipeline (tok2vec + ner). It runs over
the tokens of `article.doc` (same words, same spaces), so its spans share the article's
tokenization and character offsets.
"""
from __future__ import annotations

import contextlib
import ctypes
import warnings
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..model import Article, Mention

MODELS = Path(__file__).resolve().parent.parent / "models"
CHOICES = ("auto", "spacy")

# model label -> contract type
LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE",
          "NORP": "NORP", "EVENT": "EVENT", "MISC": "MISC", "FAC": "LOC"}


def model_path(lang: str) -> Path:
    """Where cronica's trained recognizer for `lang` lives."""
    return MODELS / f"ner-{lang}"


@lru_cache(maxsize=None)
def load_recognizer(lang: str):
    """Load (once per process) cronica's recognizer for `lang`; None when it is not shipped."""
    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        return None
    import spacy
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(path)
    if _blas_thread_setter() is not None:
        ops = _numpy_dot_ops()
        for _name, component in nlp.pipeline:
            for node in component.model.walk():
                node.ops = ops
    return nlp


@lru_cache(maxsize=None)
def _blas_thread_setter():
    """OpenBLAS's `openblas_set_num_threads_local` from the library numpy loaded, or None
    (another BLAS, or none found: the recognizer then keeps thinc's own matrix products)."""
    import numpy  # noqa: F401  (loads its BLAS)
    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            paths = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and "/" in line})
    except OSError:
        return None
    for path in paths:
        try:
            setter = ctypes.CDLL(path).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        setter.argtypes, setter.restype = [ctypes.c_int], ctypes.c_int
        return setter
    return None


@lru_cache(maxsize=None)
def _numpy_dot_ops():
    """thinc's NumpyOps with matrix products through numpy's BLAS, several times faster
    than thinc's blis build on CPUs where blis falls back to its generic kernel."""
    from thinc.backends.numpy_ops import NumpyOps
    from thinc.backends.ops import Ops

    class NumpyDotOps(NumpyOps):
        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)
    return NumpyDotOps()


@contextlib.contextmanager
def _one_blas_thread():
    """Matrix products on the calling thread only (no BLAS worker threads) while it runs:
    a document's matrices are small, and extra threads cost more CPU time than they save."""
    setter = _blas_thread_setter()
    before = setter(1) if setter is not None else None
    try:
        yield
    finally:
        if setter is not None:
            setter(before)


def uses_own_recognizer(lang: str | None, options) -> bool:
    """Whether `recognize` will use cronica's recognizer (not the pipeline's NER) for `lang`."""
    choice = options["ner_model"] if options is not None else "auto"
    return choice == "auto" and bool(lang) and load_recognizer(lang) is not None


def own_entities(nlp, doc):
    """Run the recognizer `nlp` over the tokens of `doc`; return the entity spans."""
    from spacy.tokens import Doc
    copy = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    with _one_blas_thread():
        for _name, component in nlp.pipeline:
            copy = component(copy)
    return copy.ents


def choose_entities(article: Article, options):
    """The entity spans of `article.doc` from the recognizer that `ner_model` selects."""
    choice = options["ner_model"] if options is not None else "auto"
    if choice not in CHOICES:
        raise ConfigError("E202", name="ner_model", value=choice, kind=" or ".join(CHOICES))
    if uses_own_recognizer(article.lang, options):
        return own_entities(load_recognizer(article.lang), article.doc)
    return article.doc.ents


def recognize(article: Article, options) -> list[Mention]:
    """Return the names in `article.doc` as Mentions with contract types.

    Args:
        article: an article whose `doc` (spaCy Doc of `article.text`) is set.
        options: resolved settings; `ner_model` picks the recognizer.
    Returns:
        Mentions (character spans into `article.text`), in text order.
    """
    out = []
    for ent in choose_entities(article, options):
        kind = LABELS.get(ent.label_)
        if kind:
            out.append(Mention(ent.start_char, ent.end_char, ent.text, kind))
    return out
