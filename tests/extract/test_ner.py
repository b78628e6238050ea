"""Tests of cronica.extract.ner: cronica's trained recognizer and the spaCy fallback."""
from __future__ import annotations

import pytest

from cronica.errors import ConfigError
from cronica.extract import ner
from cronica.extract.nlp import parse
from cronica.model import Article
from cronica.settings import load_options

# language -> CoNLL file used for gold sentences
GOLD = {"es": "ner/conll2002-es/dev.conll", "en": "ner/conll2003-en/dev.conll"}
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC",
         "EVENT": "MISC", "MISC": "MISC"}
N_SENTENCES = 60


def read_gold(path, limit):
    """The first `limit` CoNLL sentences with names: (raw text, gold char spans)."""
    out, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip() and not line.startswith("-DOCSTART-"):
            token, tag = line.split("\t")
            words.append(token)
            tags.append(tag)
            continue
        if any(t != "O" for t in tags) and len(words) > 5:
            out.append((" ".join(words), spans_of(words, tags)))
        words, tags = [], []
    return out[:limit]


def spans_of(words, tags):
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    spans, begin = set(), None
    for i, tag in enumerate(tags + ["O"]):
        if begin is not None and not (tag.startswith("I-") and tag[2:] == tags[begin][2:]):
            spans.add((starts[begin], starts[i - 1] + len(words[i - 1]), tags[begin][2:]))
            begin = None
        if tag != "O" and begin is None:
            begin = i
    return spans


def options_for(choice):
    return load_options(overrides={"ner_model": choice}, environ={})


def found(text, lang, choice):
    article = Article(text=text, lang=lang, doc=parse(text, lang))
    return {(m.start, m.end, TYPES[m.type]) for m in ner.recognize(article, options_for(choice))
            if m.type in TYPES}


@pytest.fixture(scope="module", params=sorted(GOLD))
def gold(request, shared_data):
    lang = request.param
    if ner.load_recognizer(lang) is None:
        pytest.skip(f"no trained recognizer in {ner.model_path(lang)}")
    return lang, read_gold(shared_data / GOLD[lang], N_SENTENCES)


def test_ner_finds_most_gold_names_with_their_types(gold):
    lang, sentences = gold
    hits = total = 0
    for text, spans in sentences:
        hits += len(spans & found(text, lang, "auto"))
        total += len(spans)
    assert total > 50
    assert hits / total >= 0.7, f"{lang}: {hits}/{total} gold names found with the right type"


def test_ner_own_model_beats_the_pipeline_ner(gold):
    lang, sentences = gold
    own = sum(len(spans & found(text, lang, "auto")) for text, spans in sentences)
    spacy_hits = sum(len(spans & found(text, lang, "spacy")) for text, spans in sentences)
    assert own > spacy_hits


@pytest.mark.parametrize("lang,text,name,kind", [
    ("es", "El presidente de Colombia, Andrés Pastrana, se reunió ayer en Madrid con el "
           "secretario general de la OTAN.", "Andrés Pastrana", "PERSON"),
    ("es", "El Real Madrid ganó al Barcelona en el estadio Santiago Bernabéu.", "Real Madrid", "ORG"),
    ("en", "German chancellor Helmut Kohl met Boris Yeltsin in Moscow on Tuesday.", "Helmut Kohl", "PERSON"),
    ("en", "Shares of Microsoft rose 3 percent on the New York Stock Exchange.", "Microsoft", "ORG"),
])
def test_ner_names_in_news_sentences(lang, text, name, kind):
    if ner.load_recognizer(lang) is None:
        pytest.skip(f"no trained recognizer in {ner.model_path(lang)}")
    article = Article(text=text, lang=lang, doc=parse(text, lang))
    mentions = ner.recognize(article, options_for("auto"))
    assert (name, kind) in {(m.text, m.type) for m in mentions}
    for m in mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("lang", sorted(GOLD))
def test_ner_spacy_setting_uses_the_pipeline_entities(lang, shared_data):
    text, _ = read_gold(shared_data / GOLD[lang], 1)[0]
    article = Article(text=text, lang=lang, doc=parse(text, lang))
    mentions = ner.recognize(article, options_for("spacy"))
    expected = [(e.start_char, e.end_char) for e in article.doc.ents if e.label_ in ner.LABELS]
    assert [(m.start, m.end) for m in mentions] == expected


def test_ner_auto_falls_back_without_a_model(monkeypatch, tmp_path):
    monkeypatch.setattr(ner, "MODELS", tmp_path)
    ner.load_recognizer.cache_clear()
    try:
        text = "El ministro Josep Piqué viajó a Lisboa."
        article = Article(text=text, lang="es", doc=parse(text, "es"))
        auto = ner.recognize(article, options_for("auto"))
        assert auto == ner.recognize(article, options_for("spacy"))
    finally:
        ner.load_recognizer.cache_clear()


def test_ner_rejects_an_unknown_choice():
    text = "El ministro Josep Piqué viajó a Lisboa."
    article = Article(text=text, lang="es", doc=parse(text, "es"))
    with pytest.raises(ConfigError):
        ner.recognize(article, {"ner_model": "bert"})


@pytest.mark.parametrize("lang", sorted(GOLD))
def test_ner_matrix_products_through_numpy_find_the_same_names(lang, shared_data):
    import spacy
    if ner.load_recognizer(lang) is None:
        pytest.skip("no recognizer shipped")
    plain = spacy.load(ner.model_path(lang))  # thinc's own matrix products
    for text, _ in read_gold(shared_data / GOLD[lang], 20):
        doc = parse(text, lang, ("ner",))
        fast = [(e.start_char, e.end_char, e.label_) for e in ner.own_entities(ner.load_recognizer(lang), doc)]
        assert fast == [(e.start_char, e.end_char, e.label_) for e in ner.own_entities(plain, doc)]
