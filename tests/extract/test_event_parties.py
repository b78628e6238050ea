"""The side of an act that its sentence leaves unsaid is taken from the story's parties,
marked as such (`roles_from`) and with lower confidence; a place where something is said
is no party, and an attack's unnamed doer is never guessed.

Passages come from the seed article and the news records of ../shared/data/news.
"""
from __future__ import annotations

import pytest

from cronica.render import render_summary
from event_records import extract, names, of_type

LAVROV = (
    "SEÚL, Corea del Sur (AP) — El ministro de Relaciones Exteriores de Rusia, Sergey Lavrov, viajará a "
    "Corea del Norte para una visita de tres días a partir del viernes, en la última señal de los lazos de "
    "rápido crecimiento entre los países.\n\n"
    "La visita de Lavrov sigue un viaje de junio por el alto funcionario de seguridad de Rusia, Sergei "
    "Shoigu, quien conoció al líder norcoreano Kim Jong Un.")

ESPER = (
    "Defense Secretary Mark Esper counseled Beijing to use “restraint” in its dealing with Hong Kong, a "
    "British colony that was returned to Chinese rule in 1997.\n\n"
    "“We would obviously urge restraint and not to act, and to sit down and talk with the protesters and "
    "resolve the differences,” Esper said at a press conference in Paris on Saturday.")

CALVINO = (
    "La vicepresidenta Nadia Calviño defendió el plan del Gobierno de España de ayudas a las empresas. El "
    "Gobierno aprobará el martes el plan de 11.000 millones, dijo Calviño. El Partido Popular replicó "
    "reclamando un despliegue mucho mayor.")

CHINA_TESTS = (
    "China's military tested two new intercontinental ballistic missiles this week, Chinese state media "
    "reported. Chinese military leaders said the tests were part of a routine program.")

KENYA = ("Three Americans perished in a terror attack on a military base in Kenya. The Pentagon said "
         "al-Shabaab fighters stormed the base early Sunday.")


def test_event_parties_visit_of_a_named_visitor_goes_to_the_other_party(pipeline):
    record, entities = extract(pipeline, LAVROV, "es", "2025-07-09")
    told, noun = of_type(record, "CONSULT")
    # the first sentence names both sides: nothing is taken from the story
    assert "roles_from" not in told and "corea del norte" in names(told["target"], entities)
    # "La visita de Lavrov" names the visitor only: the host is the North Korean party
    assert names(noun["source"], entities) == "sergey lavrov"
    assert {entities[i]["country"] for i in noun["target"]} == {"PRK"}
    assert noun["roles_from"] == {"target": "story"}
    assert noun["confidence"] < told["confidence"]


CALVINO_CRITICISED = CALVINO.replace(
    "El Partido Popular replicó reclamando un despliegue mucho mayor.",
    "El Partido Popular reclamó un despliegue mucho mayor. Calviño fue criticada duramente por su gestión.")


@pytest.mark.parametrize("text, type_, named_role, named, filled_role", [
    # the opposition's demand is aimed at the Spanish government's side
    (CALVINO, "REQUEST", "source", "partido popular", "target"),
    # an unnamed critic of the minister is one of the story's Spanish parties
    (CALVINO_CRITICISED, "ACCUSE", "target", "calviño", "source"),
])
def test_event_parties_in_a_story_of_one_country_sides_are_its_parties(pipeline, text, type_, named_role, named,
                                                                       filled_role):
    # a story of Spain's affairs: the side left unsaid is a Spanish party, never a foreign one
    # nor Spain itself
    record, entities = extract(pipeline, text, "es", "2021-01-12")
    acts = [e for e in of_type(record, type_) if named in names(e[named_role], entities)]
    assert acts and acts[0]["roles_from"] == {filled_role: "story"}, record["events"]
    sides = [entities[i] for i in acts[0][filled_role]]
    assert sides and all(s["country"] == "ESP" and s["type"] not in ("GPE", "LOC") for s in sides), sides


def test_event_parties_material_act_at_home_gets_no_recipient(pipeline):
    # a missile test in a story of one country is aimed at no one in it, least of all the country
    record, entities = extract(pipeline, CHINA_TESTS, "en", "2014-08-07")
    tests = [e for e in record["events"] if e["type"] in ("MOBILIZE", "THREATEN")]
    assert all("china" not in names(e["target"], entities) for e in tests), record["events"]


def test_event_parties_place_of_a_saying_is_no_party(pipeline):
    record, entities = extract(pipeline, ESPER, "en", "2019-09-08")
    urged = [e for e in of_type(record, "REQUEST") if e["trigger"]["text"] == "urge"]
    assert urged, record["events"]
    assert urged[0]["roles_from"] == {"target": "story"}
    # "at a press conference in Paris" says where Esper spoke, not whom he urged
    assert "paris" not in names(urged[0]["target"], entities)
    assert names(urged[0]["target"], entities) == "beijing"


def test_event_parties_attacker_is_never_guessed(pipeline):
    record, entities = extract(pipeline, KENYA, "en", "2020-01-06")
    attack = next(e for e in of_type(record, "ASSAULT") if e["trigger"]["text"] == "attack")
    # the Americans named in the sentence are the victims, and the story's Pentagon is no attacker
    assert attack["source"] == [] and "roles_from" not in attack
    stormed = next(e for e in of_type(record, "ASSAULT") if e["trigger"]["text"] == "stormed")
    assert "shabaab" in names(stormed["source"], entities)


def test_event_parties_summary_puts_a_side_from_the_story_in_parentheses(pipeline):
    record, _ = extract(pipeline, LAVROV, "es", "2025-07-09")
    lines = [line for line in render_summary(record).splitlines() if line.lstrip().startswith("CONSULT")]
    # the told visit names both sides; the visit of the second sentence has its host from the story
    assert "Sergey Lavrov" in lines[0] and "-> Corea del Norte [planned]" in lines[0]
    assert any("-> (" in line and ")" in line for line in lines[1:]), lines


def test_event_parties_news_organisation_is_no_side(pipeline, news_records):
    # an interview The New York Times published: the paper reports, it is no side of the acts
    # told; the sides taken from this story of China's affairs are its Chinese parties
    # ("la policía te acusó de difundir rumores": the doctor interviewed)
    r = news_records["es-fnc-7a8284be91ee"]
    record, entities = extract(pipeline, r["text"], r["lang"], r["published"])
    assert record["events"] and any("new york times" in e["name"].lower() for e in entities.values())
    for event in record["events"]:
        assert "new york times" not in names(event["source"] + event["target"], entities), event
    accused = [e for e in of_type(record, "ACCUSE") if "policía" in names(e["source"], entities)]
    assert accused and "li wenliang" in names(accused[0]["target"], entities), record["events"]
