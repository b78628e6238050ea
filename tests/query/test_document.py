"""The article view: record, entity keys, stories and copies."""
from __future__ import annotations

import pytest

from cronica.query.document import document_view
from cronica.store.sqlite import connect


@pytest.mark.parametrize("doc_id,local,key", [("es-lavrov-pyongyang", "E2", "country:PRK"),
                                              ("en-abp-EMjRpWe01vqXQwA2", "E2", "person:vladimir putin")])
def test_document_view_maps_entities_to_keys(chronicle_db, doc_id, local, key):
    view = document_view(connect(chronicle_db, readonly=True), doc_id)
    assert view["keys"][local] == key
    assert view["record"]["id"] == doc_id


@pytest.mark.parametrize("doc_id,event,n_events", [("en-abp-53QhWFnjZEO4wNbk", "V1", 2)])
def test_document_view_counts_story_reports(chronicle_db, doc_id, event, n_events):
    view = document_view(connect(chronicle_db, readonly=True), doc_id)
    assert view["stories"][event]["n_events"] == n_events


@pytest.mark.parametrize("doc_id", ["no-such-article"])
def test_document_view_unknown_is_none(chronicle_db, doc_id):
    assert document_view(connect(chronicle_db, readonly=True), doc_id) is None
