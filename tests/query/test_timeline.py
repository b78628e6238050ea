"""Timelines through the event-entity links: by name, alias, key or words; dates and types."""
from __future__ import annotations

import pytest

from cronica.query.timeline import timeline
from cronica.store.sqlite import connect


@pytest.fixture(scope="module")
def conn(chronicle_db):
    return connect(chronicle_db, readonly=True)


@pytest.mark.parametrize("entity,n_events", [("Corea del Norte", 3), ("corea del norte", 3),
                                             ("country:PRK", 3), ("Putin", 2), ("Vladimir Putin", 2)])
def test_timeline_entity_by_any_name(conn, entity, n_events):
    result = timeline(conn, entity=entity)
    assert result["total"] == n_events


@pytest.mark.parametrize("entity", ["Corea del Norte"])
def test_timeline_is_in_date_order(conn, entity):
    dates = [s["sort_date"] for s in timeline(conn, entity=entity)["stories"]]
    assert dates == sorted(dates) and len(dates) == 3


@pytest.mark.parametrize("date_from,date_to,types,expected", [
    ("2024-01-01", None, ["AID", "MOBILIZE"], ["2024-09-01", "2025-01-01"]),
    ("2025", None, None, ["2025-01-01", "2025-07-11"]),
    (None, "2024-12", None, ["2024-09-01"]),
    ("2024-01-01", None, ["CONSULT"], ["2025-07-11"]),
])
def test_timeline_filters_dates_and_types(conn, date_from, date_to, types, expected):
    result = timeline(conn, entity="Corea del Norte", date_from=date_from, date_to=date_to, types=types)
    assert [s["sort_date"] for s in result["stories"]] == expected


@pytest.mark.parametrize("entity,n_reports", [("Putin", 2)])
def test_timeline_story_groups_reports(conn, entity, n_reports):
    (story,) = timeline(conn, entity=entity)["stories"]
    assert len(story["evidence"]) == n_reports
    assert len(story["sources"]) == n_reports
    assert all(e["evidence"] for e in story["evidence"])


@pytest.mark.parametrize("query,types", [("tropas Kursk", {"CONSULT", "MOBILIZE"}), ("Hamburg", {"CONSULT"})])
def test_timeline_of_matching_articles(conn, query, types):
    result = timeline(conn, query=query)
    assert {s["type"] for s in result["stories"]} == types


@pytest.mark.parametrize("entity", ["Atlantis", "country:XXX"])
def test_timeline_unknown_entity_is_empty(conn, entity):
    assert timeline(conn, entity=entity)["stories"] == []


@pytest.mark.parametrize("limit,offset", [(1, 0), (1, 1), (2, 1)])
def test_timeline_pages(conn, limit, offset):
    full = [s["story_id"] for s in timeline(conn, entity="Corea del Norte")["stories"]]
    page = timeline(conn, entity="Corea del Norte", limit=limit, offset=offset)
    assert [s["story_id"] for s in page["stories"]] == full[offset:offset + limit]
