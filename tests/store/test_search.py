"""Full-text search: words in any case and accent, operators in input are plain words."""
from __future__ import annotations

import pytest

from cronica.store.search import make_match, search_documents
from cronica.store.sqlite import connect


@pytest.mark.parametrize("query,doc_id", [
    ("tropas norcoreanos Kursk", "es-lavrov-pyongyang"),
    ("KURSK tropas", "es-lavrov-pyongyang"),
    ("Hamburg Putin", "en-abp-53QhWFnjZEO4wNbk"),
    ("matematicas UNAM", "es-fnc-1a8324332adb"),
])
def test_search_finds_article(chronicle_db, query, doc_id):
    result = search_documents(connect(chronicle_db, readonly=True), query)
    assert result["results"][0]["id"] == doc_id
    assert result["results"][0]["highlights"]


@pytest.mark.parametrize("query", ['tropas" OR NOT (', "NEAR(Kursk", "*", "Kursk:text -"])
def test_search_operators_are_plain_words(chronicle_db, query):
    result = search_documents(connect(chronicle_db, readonly=True), query)
    assert isinstance(result["results"], list)


@pytest.mark.parametrize("query", ["tropas norcoreanas Kursk"])
def test_search_falls_back_to_some_words(chronicle_db, query):
    result = search_documents(connect(chronicle_db, readonly=True), query)
    assert result["all_words"] is False
    assert result["results"][0]["id"] == "es-lavrov-pyongyang"


@pytest.mark.parametrize("query,expected", [("Corea del Norte", '"Corea" AND "del" AND "Norte"'),
                                            ("Kursk*", '"Kursk"*'), ("(", "")])
def test_search_make_match_quotes_words(query, expected):
    assert make_match(query) == expected
