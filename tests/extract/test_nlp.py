"""Analysis: an upper-case headline is parsed in ordinary case, its words kept as written."""
import pytest

from cronica.extract.nlp import case_for_parsing, parse, with_words_as_written
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
