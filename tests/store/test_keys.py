"""Canonical keys and date bounds."""
from __future__ import annotations

import pytest

from cronica.store.keys import date_ceiling, date_floor, entity_key, fold


@pytest.mark.parametrize("entity,key", [
    ({"name": "Corea del Norte", "type": "GPE", "country": "PRK"}, "country:PRK"),
    ({"name": "North Korea", "type": "GPE", "country": "PRK"}, "country:PRK"),
    ({"name": "Sergey  Lavrov", "type": "PERSON", "country": "RUS"}, "person:sergey lavrov"),
    ({"name": "ASEAN", "type": "ORG", "country": None}, "org:asean"),
    ({"name": "Lavrov", "type": "PERSON", "key": "wikidata:Q182500"}, "wikidata:Q182500"),
])
def test_keys_entity_key(entity, key):
    assert entity_key(entity) == key


@pytest.mark.parametrize("value,floor,ceiling", [
    ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-07-11", "2025-07-11", "2025-07-11"), (None, None, None)])
def test_keys_date_bounds(value, floor, ceiling):
    assert (date_floor(value), date_ceiling(value)) == (floor, ceiling)


@pytest.mark.parametrize("text,folded", [("Serguéi  LAVROV", "serguei lavrov"), ("Pyongyang", "pyongyang")])
def test_keys_fold(text, folded):
    assert fold(text) == folded
