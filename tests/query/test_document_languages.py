"""The document view lists the same story in other languages."""
from __future__ import annotations

import pytest

from cronica.query.document import document_view

PAIRS = {"tillerson-fox": 0, "hagel-cnn": 2}


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS)
@pytest.mark.parametrize("side", [0, 1], ids=["es", "en"])
def test_document_view_lists_other_languages(xlang_db, xlang_cases, pair, side):
    from cronica.store.sqlite import open_store
    doc_id, other = xlang_cases["pairs"][pair][side], xlang_cases["pairs"][pair][1 - side]
    with open_store(xlang_db) as store:
        view = document_view(store.conn, doc_id)
    assert [o["id"] for o in view["other_languages"]] == [other]
    assert view["other_languages"][0]["lang"] == ("en", "es")[side]


@pytest.mark.parametrize("doc_id", ["en-abp-DXsS77gdYh8KO6Rz"])
def test_document_view_without_translation_lists_none(xlang_db, doc_id):
    from cronica.store.sqlite import open_store
    with open_store(xlang_db) as store:
        assert document_view(store.conn, doc_id)["other_languages"] == []
