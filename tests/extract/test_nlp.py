"""Analysis: an upper-case headline is parsed in ordinary case, and a masked value as a number;
the words are kept as written."""
import pytest

from cronica.extract.nlp import case_for_parsing, parse, text_for_parsing, with_words_as_written
from cronica.model import Article, to_record

HEADLINES = [
    # one upper-case line and nothing else: names are still read in the words as written
    ("SOCCER - SPAIN PICK UNCAPPED ARMANDO FOR WORLD CUP CLASH .", "en", {"ARMANDO", "WORLD CUP"}),
    ("COLONOS JUDIOS CORTAN LA CARRETERA DE JERICO\n\nColonos israelíes cortaron la ruta de Jericó el domingo"
     " en protesta contra el gobierno de Israel.", "es", {"Israel"}),
]


@pytest.mark.parametrize("text, lang, names", HEADLINES)
def test_nlp_parse_in_ordinary_case_keeps_words_as_written(text, lang, names):
    parsed = parse(case_for_parsing(text), lang, ("ner",))
    doc = with_words_as_written(parsed, text)
    assert [t.text for t in doc] == [text[t.idx:t.idx + len(t)] for t in parsed]
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == [(t.pos_, t.dep_, t.head.i) for t in parsed]


@pytest.mark.parametrize("text, lang, names", HEADLINES)
def test_nlp_upper_case_headline_names_found(pipeline, text, lang, names):
    record = to_record(pipeline(Article(text=text, lang=lang, published="2000-07-02")))
    found = {record["text"][a:b] for e in record["entities"] for a, b in e["mentions"]}
    assert names <= found, found


def test_nlp_masked_value_is_parsed_as_a_number(pipeline):
    # a corpus that masked its digits: "*NUMBER*" stands for a figure, not a name
    text = "El Gobierno envió a *NUMBER* guardias a la frontera con México."
    prepared = text_for_parsing(text)
    assert len(prepared) == len(text)
    doc = with_words_as_written(parse(prepared, "es", ("ner",)), text)
    assert next(t for t in doc if t.text == "*NUMBER*").pos_ == "NUM"
    article = pipeline(Article(text=text, lang="es", published="2018-04-06"))
    assert not any("NUMBER" in e.name for e in article.entities)
    deployed = [ev for ev in article.events if ev.type == "MOBILIZE"]
    assert deployed and all("NUMBER" not in e.name for ev in deployed
                            for e in article.entities if e.id in ev.target), deployed
