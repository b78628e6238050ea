"""Entity lookup and profile: aliases, country, events, co-actors."""
from __future__ import annotations

import pytest

from cronica.query.entity import entity_profile, resolve_entity
from cronica.store.sqlite import connect


@pytest.fixture(scope="module")
def conn(chronicle_db):
    return connect(chronicle_db, readonly=True)


@pytest.mark.parametrize("name,key", [("Lavrov", "person:lavrov"), ("sergey LAVROV", "person:lavrov"),
                                      ("President Trump", "person:trump"), ("Rusia", "country:RUS")])
def test_entity_resolve_by_alias(conn, name, key):
    assert resolve_entity(conn, name)[0] == key


@pytest.mark.parametrize("key,alias,country", [("person:lavrov", "Sergey Lavrov", "RUS"),
                                               ("person:vladimir putin", "Putin", "RUS")])
def test_entity_profile_aliases_and_country(conn, key, alias, country):
    profile = entity_profile(conn, key)
    assert alias in profile["aliases"]
    assert profile["country"] == country


@pytest.mark.parametrize("key,co_actor,shared", [("country:PRK", "country:RUS", 2), ("person:trump",
                                                                                    "person:vladimir putin", 2)])
def test_entity_top_co_actor(conn, key, co_actor, shared):
    top = entity_profile(conn, key)["co_actors"][0]
    assert (top["key"], top["n_events"]) == (co_actor, shared)


@pytest.mark.parametrize("key,roles", [("country:PRK", {"actor", "target"})])
def test_entity_events_carry_role(conn, key, roles):
    profile = entity_profile(conn, key)
    assert {e["role"] for e in profile["events"]} == roles
    assert profile["n_events"] == 3


@pytest.mark.parametrize("key", ["person:nobody"])
def test_entity_unknown_key_is_none(conn, key):
    assert entity_profile(conn, key) is None
