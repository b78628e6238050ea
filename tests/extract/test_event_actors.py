"""Who may act: a thing or a harm never does, the dateline never does, and an act
reacted to as one already told is the act of its told author."""
from __future__ import annotations

import pytest

from tests.extract.event_records import extract, names, of_type


def test_event_actors_dateline_is_no_actor(pipeline):
    text = ("BANGKOK — A deadly bomb blast Monday rocked a downtown shopping and tourism hub here during the evening "
            "rush hour, killing at least 18 people and injuring scores more, authorities said.")
    record, entities = extract(pipeline, text, "en", "2015-08-17")
    assert of_type(record, "ASSAULT")
    assert all("bangkok" not in names(e["source"], entities) for e in record["events"])


@pytest.mark.parametrize("lang, text, thing", [
    ("en", "The Post said an improvised explosive device placed inside the shrine complex detonated at 6.55 p.m. "
           "Anna Mallika, a Thai-American auditor, said she was in an exercise class when the blast hit.", "device"),
    ("es", "La explosión alcanzó a varios vehículos que circulaban por la avenida y causó la muerte de tres "
           "personas, según informó la policía.", "explosión"),
    ("en", "The Sunday airstrike hit a military facility near the presidential palace in Damascus, The New York "
           "Times reported.", "airstrike"),
    ("en", "The material that killed Litvinenko has a half-life of just 138 days.", "material"),
    # a thing in Spanish does no deed of words or will: the event goes with its subject
    ("es", "Ese dinero estaba previsto para financiar, sobre todo, actuaciones en el ámbito educativo.", "dinero"),
])
def test_event_actors_things_never_act(pipeline, lang, text, thing):
    record, entities = extract(pipeline, text, lang, "2015-08-17")
    assert all(thing not in names(e["source"], entities) for e in record["events"])


@pytest.mark.parametrize("lang, text, actor, author", [
    ("es", "Estados Unidos acusó a Rusia de interferir en las elecciones presidenciales de 2016. "
           "Vladímir Putin negó las acusaciones en una entrevista con la cadena NBC.", "putin", "estados unidos"),
    ("en", "Hamas militants fired rockets at southern Israel on Friday. "
           "The White House condemned the attack and said it stood with Israel.", "white house", "hamas"),
])
def test_event_actors_act_told_before_is_its_authors(pipeline, lang, text, actor, author):
    record, entities = extract(pipeline, text, lang, "2018-03-11")
    reactions = [e for e in record["events"] if e["type"] in ("REJECT", "ACCUSE")
                 and actor in names(e["source"], entities)]
    assert reactions and any(author in names(e["target"], entities) for e in reactions)
    assert not any(e["type"] in ("REJECT", "ACCUSE") and not e["source"] for e in record["events"])


@pytest.mark.parametrize("lang, text, type_, actor", [
    ("en", "Local Muslim leaders were swift to condemn the hostage taking at the cafe in Sydney.", "ACCUSE",
     "local muslim leaders"),
    ("en", "The Philippines was quick to reject the proposal of the United States.", "REJECT", "philippines"),
])
def test_event_actors_subject_of_a_predicate_adjective_acts(pipeline, lang, text, type_, actor):
    """"were swift to condemn": the subject of the copula is the one who condemns."""
    record, entities = extract(pipeline, text, lang, "2014-12-15")
    assert any(actor in names(e["source"], entities) for e in of_type(record, type_))


@pytest.mark.parametrize("lang, text, type_, place, victims, country", [
    ("en", "WASHINGTON (Reuters) - The United States warned its citizens against travel to Pakistan on Friday. "
           "Gunmen killed six people outside a mosque in Quetta on Thursday, police said.",
     "ASSAULT", "Quetta", "people", "PAK"),
    ("es", "Seis menores han sido detenidos en Cádiz acusados de abusos sexuales a dos chicas, según la Policía "
           "Nacional.", "COERCE", "Cádiz", "presuntos", None),
    ("es", "MADRID. - El Gobierno español pidió calma a sus ciudadanos en Pakistán. Varios hombres atacaron a dos "
           "personas frente a una mezquita en Quetta.", "ASSAULT", "Quetta", "personas", "PAK"),
])
def test_event_actors_people_harmed_are_of_the_place(pipeline, lang, text, type_, place, victims, country):
    """The act's place is the town a spot named lies in ("outside a mosque in Quetta"); the
    unnamed people harmed there are of its country, over the story's home country."""
    record, entities = extract(pipeline, text, lang, "2013-08-09")
    event = next(e for e in of_type(record, type_) if e.get("where"))
    assert entities[event["where"]]["name"] == place
    if country:
        assert any(victims in entities[i]["name"] and entities[i]["country"] == country for i in event["target"])


@pytest.mark.parametrize("lang, text, actor, recipient", [
    ("es", "Marruecos anunció el establecimiento de relaciones diplomáticas con Israel.", "marruecos", "israel"),
    ("en", "Morocco announced the normalization of relations with Israel.", "morocco", "israel"),
])
def test_event_actors_party_on_a_phrase_noun(pipeline, lang, text, actor, recipient):
    """A noun phrase's act ('el establecimiento de relaciones con X') is aimed at the party
    its second word names."""
    record, entities = extract(pipeline, text, lang, "2020-12-10")
    events = of_type(record, "SUPPORT")
    assert any(actor in names(e["source"], entities) and recipient in names(e["target"], entities) for e in events)
