"""Spanish protest and conflict events: support-verb phrases, unnamed group actors and
their country, victims, purpose clauses, partitives and upper-case headlines."""
from __future__ import annotations


import pytest

from cronica.extract.nlp import case_for_parsing
from event_records import extract, names as _names, of_type as _of_type


def _extract(pipeline, text, published="1994-07-01"):
    return extract(pipeline, text, "es", published)


@pytest.mark.parametrize("text,type_,mode,actor", [
    ("Los mineros ocuparon la mina de carbón y levantaron barricadas en la entrada.", "PROTEST", "obstruct",
     "mineros"),
    ("Los campesinos quemaron neumáticos en la carretera Panamericana.", "PROTEST", "riot", "campesinos"),
    ("Unas 5.000 personas manifestaron el sábado en Roma contra la reforma del gobierno.", "PROTEST", "demo",
     "personas"),
    ("La policía cargó contra los manifestantes frente al Congreso.", "ASSAULT", "crowd-control", "policía"),
    ("Los maestros paralizaron sus labores en todo el país.", "PROTEST", "strike", "maestros"),
])
def test_events_es_protest_support_phrases(pipeline, text, type_, mode, actor):
    record, entities = _extract(pipeline, text)
    events = [e for e in _of_type(record, type_) if e["mode"] == mode]
    assert events, record["events"]
    assert actor in _names(events[0]["source"], entities)


@pytest.mark.parametrize("text,type_,actor,country", [
    # a demonym inside the group's phrase
    ("Colonos israelíes cortaron este viernes la carretera entre Jerusalén y Jericó.", "PROTEST", "colonos",
     "ISR"),
    # no country in the phrase: the country most of the article's places point to
    ("Manifestantes atacaron el Palacio de Gobierno de Jalisco, en Guadalajara, México. "
     "Otros protestaron frente a la embajada de Estados Unidos.", "ASSAULT", "manifestantes", "MEX"),
])
def test_events_es_protest_group_country(pipeline, text, type_, actor, country):
    record, entities = _extract(pipeline, text)
    sources = [entities[i] for e in _of_type(record, type_) for i in e["source"]]
    group = [s for s in sources if actor in s["name"].lower()]
    assert group, record["events"]
    assert group[0]["country"] == country


@pytest.mark.parametrize("text,type_,actor", [
    # experts speak from anywhere: the article's country is not theirs
    ("Los expertos criticaron la reforma del gobierno en Guadalajara, México. La policía de Jalisco "
     "detuvo a 28 personas en Guadalajara.", "ACCUSE", "expertos"),
])
def test_events_es_protest_group_country_only_local(pipeline, text, type_, actor):
    record, entities = _extract(pipeline, text)
    sources = [entities[i] for e in _of_type(record, type_) for i in e["source"]]
    group = [s for s in sources if actor in s["name"].lower()]
    assert group and group[0]["country"] is None, record["events"]


@pytest.mark.parametrize("record_id,type_,victim", [
    ("note_13298_1", "ASSAULT", "personas"),   # "ejecutaron en sitio no precisado , a cuatro personas"
    ("note_16132_1", "ASSAULT", "personas"),   # "Dos personas ... fueron desaparecidas por ..."
    ("note_14253_1", "ASSAULT", "persona"),    # "Una persona resultó herida"
])
def test_events_es_protest_victim(pipeline, event_gold, record_id, type_, victim):
    gold = event_gold("up-es-fight-cameo", record_id)
    record, entities = _extract(pipeline, gold["text"], gold["date"])
    targets = " ".join(_names(e["target"], entities) for e in _of_type(record, type_))
    assert victim in targets, record["events"]


@pytest.mark.parametrize("text,victim", [
    ("Dos estudiantes desaparecieron el sábado en Iguala tras una protesta.", "estudiantes"),
])
def test_events_es_protest_went_missing(pipeline, text, victim):
    record, entities = _extract(pipeline, text)
    events = _of_type(record, "ASSAULT")
    assert events and not events[0]["source"], record["events"]
    assert victim in _names(events[0]["target"], entities)


@pytest.mark.parametrize("text,type_,actor,other", [
    ("Policías y grupos de jóvenes se enfrentaron este sábado en San Sebastián.", "ASSAULT", "policías", "jóvenes"),
    ("Los guerrilleros se enfrentaron con el ejército en zona rural.", "ASSAULT", "guerrilleros", "ejército"),
])
def test_events_es_protest_mutual(pipeline, text, type_, actor, other):
    record, entities = _extract(pipeline, text)
    events = _of_type(record, type_)
    assert events, record["events"]
    assert actor in _names(events[0]["source"], entities) and other in _names(events[0]["target"], entities)


@pytest.mark.parametrize("text,type_,actor", [
    # an infinitive of purpose on the object noun takes the subject of its verb
    ("Unos 200 militantes del partido comunista efectúan una huelga de hambre para protestar contra "
     "el gobierno.", "PROTEST", "militantes"),
    # the agent of a support participle describing the event noun
    ("El bloqueo, realizado por unos 370 atuneros, impidió la salida de los barcos.", "PROTEST", "atuneros"),
    # a partitive pronoun names its group
    ("Las protestas se salieron de control cuando algunos de los manifestantes prendieron fuego a un "
     "policía.", "ASSAULT", "manifestantes"),
    # a support verb's subject, not the "de" complement, is the actor of its object noun
    ("Los pesqueros españoles iniciaron un bloqueo de los puertos de Bermeo y Bilbao.", "PROTEST",
     "pesqueros"),
])
def test_events_es_protest_actor(pipeline, text, type_, actor):
    record, entities = _extract(pipeline, text)
    sources = " ".join(_names(e["source"], entities) for e in _of_type(record, type_))
    assert actor in sources, record["events"]


@pytest.mark.parametrize("record_id,type_,actor", [
    ("AFP_SPA_19940701.0010_1", "PROTEST", "colonos"),    # "COLONOS JUDIOS CORTAN LA CARRETERA DE JERICO"
    ("AFP_SPA_19940614.0068_1", "PROTEST", "guerrilla"),  # "GUERRILLA DINAMITA ... EN PROTESTA POR CUMBRE"
])
def test_events_es_protest_headline(pipeline, event_gold, record_id, type_, actor):
    gold = event_gold("up-es-protest-cameo", record_id)
    record, entities = _extract(pipeline, gold["text"], gold["date"])
    sources = " ".join(_names(e["source"], entities) for e in record["events"])
    assert _of_type(record, type_) and actor in sources, record["events"]


@pytest.mark.parametrize("text", [
    "COLONOS JUDIOS CORTAN LA CARRETERA DE JERICO\n\nJERUSALEN, Jul 1\n\nColonos israelíes cortaron la ruta.",
    "HUELGA DE LA ETA EN ESPAÑA\nLa ETA convocó una huelga en España.",
])
def test_events_es_protest_headline_case_keeps_offsets(text):
    parsed = case_for_parsing(text)
    assert len(parsed) == len(text) and parsed.lower() == text.lower()
    assert parsed.split("\n")[0] != text.split("\n")[0]  # the headline is no longer all capitals
    assert parsed.split("\n")[1:] == text.split("\n")[1:]  # body lines untouched
