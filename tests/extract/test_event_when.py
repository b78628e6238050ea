"""Each event's own date and figures (extract/event_when.py), on news sentences with a pinned
publication date."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _events(pipeline, text: str, published: str, lang: str, type_: str) -> list[dict]:
    """(start, end) and figures (min, max) of each event of one type."""
    article = pipeline(Article(text=text, lang=lang, published=published))
    figures = {q.id: (q.min, q.max) for q in article.quantities}
    return [{"when": ((ev.when or {}).get("start"), (ev.when or {}).get("end")),
             "figures": [figures[q] for q in ev.quantities]} for ev in article.events if ev.type == type_]


def _dates(pipeline, text, published, lang, type_) -> list[tuple]:
    return [e["when"] for e in _events(pipeline, text, published, lang, type_)]


@pytest.mark.parametrize("text, published, lang, type_, interval", [
    ("El canciller ruso, Serguéi Lavrov, viajará a Corea del Norte para una visita de tres días a partir del "
     "viernes, informaron los medios estatales.", "2025-07-09", "es", "CONSULT", ("2025-07-11", "2025-07-13")),
    ("Russian Foreign Minister Sergey Lavrov will travel to North Korea for a three-day visit starting Friday, "
     "state media said.", "2025-07-09", "en", "CONSULT", ("2025-07-11", "2025-07-13")),
])
def test_event_when_start_with_length_opens_window(pipeline, text, published, lang, type_, interval):
    assert interval in _dates(pipeline, text, published, lang, type_)


@pytest.mark.parametrize("text, published, lang, type_, interval", [
    ("Los bombardeos israelíes han acabado con la vida de al menos 58 palestinos en Gaza desde el sábado, según "
     "han informado fuentes del Ministerio de Sanidad gazatí.", "2025-05-25", "es", "ASSAULT",
     ("2025-05-24", "2025-05-25")),
    ("Israeli strikes have killed at least 58 Palestinians in Gaza since Saturday, health officials said.",
     "2025-05-25", "en", "ASSAULT", ("2025-05-24", "2025-05-25")),
])
def test_event_when_since_with_perfect_reaches_publication(pipeline, text, published, lang, type_, interval):
    assert interval in _dates(pipeline, text, published, lang, type_)


@pytest.mark.parametrize("text, published, lang, type_, interval", [
    ("Desde el jueves, manifestantes enfurecidos atacaron el Palacio de Gobierno de Jalisco.", "2020-06-05", "es",
     "ASSAULT", ("2020-06-04", "2020-06-04")),
])
def test_event_when_since_with_plain_past_is_bounded(pipeline, text, published, lang, type_, interval):
    assert _dates(pipeline, text, published, lang, type_) == [interval]


@pytest.mark.parametrize("text, published, lang, type_, day", [
    ("Thousands of protesters in Hong Kong on Sunday chanted the US national anthem and called on President Trump "
     "to liberate the city.", "2019-09-08", "en", "REQUEST", "2019-09-08"),
])
def test_event_when_coordinated_predicate_shares_time(pipeline, text, published, lang, type_, day):
    assert _dates(pipeline, text, published, lang, type_) == [(day, day)]


@pytest.mark.parametrize("text, published, lang, type_, day", [
    ("International women activists on Sunday were denied an attempt to walk across the Demilitarized Zone.\n\n"
     "The North allowed a South Korean bus to cross the demarcation line.\n\n"
     "United Nations Command officials met the group inside the DMZ.", "2015-05-24", "en", "CONSULT", "2015-05-24"),
    ("El acto se celebró este jueves en Valdemoro.\n\nEl pasado 25 de febrero se enviaron invitaciones a los "
     "cuatro expresidentes.\n\nLa policía detuvo a dos manifestantes frente al recinto.",
     "2021-03-04", "es", "COERCE", "2021-03-04"),
])
def test_event_when_narrative_holds_through_undated_sentences(pipeline, text, published, lang, type_, day):
    assert (day, day) in _dates(pipeline, text, published, lang, type_)


@pytest.mark.parametrize("text, published, lang, type_", [
    ("Israeli troops attacked the camp on Sunday.\n\nIsrael will send more troops to the border.", "2015-05-24",
     "en", "MOBILIZE"),
    ("Israeli troops attacked the camp on Sunday.\n\nAbout 70,000 people have been killed in the uprising.",
     "2015-05-24", "en", "ASSAULT"),
])
def test_event_when_narrative_skips_plans_and_states(pipeline, text, published, lang, type_):
    assert _dates(pipeline, text, published, lang, type_)[-1] == (None, None)  # the event of the second paragraph


@pytest.mark.parametrize("text, published, lang, type_, figures", [
    ("La policía detuvo el sábado a al menos 28 personas en Guadalajara.", "2020-06-05", "es", "COERCE",
     [(28, None)]),
    ("Sunday's attack on the base killed 12 soldiers, the army said.", "2019-08-07", "en", "ASSAULT", [(12, 12)]),
    ("El canciller ruso, Serguéi Lavrov, viajará a Corea del Norte para una visita de tres días a partir del "
     "viernes.", "2025-07-09", "es", "CONSULT", []),
])
def test_event_when_figures_are_the_clause_counts(pipeline, text, published, lang, type_, figures):
    assert figures in [e["figures"] for e in _events(pipeline, text, published, lang, type_)]


@pytest.mark.parametrize("text, published, lang, type_", [
    ("Morales renunció tras 14 años en el poder, después de que la policía matara a 36 personas.", "2021-03-08",
     "es", "CONCEDE"),
])
def test_event_when_figures_of_a_nested_clause_stay_there(pipeline, text, published, lang, type_):
    assert [e["figures"] for e in _events(pipeline, text, published, lang, type_)] == [[]]


@pytest.mark.parametrize("text, published, lang, type_, figures", [
    ("Rebels attacked the town on Monday, killing 12 civilians.", "2020-01-08", "en", "ASSAULT", [(12, 12)]),
    ("Los rebeldes atacaron la ciudad el lunes y mataron a 12 civiles.", "2020-01-08", "es", "ASSAULT", [(12, 12)]),
])
def test_event_when_act_told_again_lends_its_figures(pipeline, text, published, lang, type_, figures):
    assert _events(pipeline, text, published, lang, type_)[0]["figures"] == figures


@pytest.mark.parametrize("text, published, lang, type_, figures", [
    ("La policía detuvo a 20 manifestantes y desplegó 500 agentes en el centro de la ciudad.", "2020-01-08", "es",
     "COERCE", [(20, 20)]),
    ("Police arrested 20 protesters and deployed 500 officers in the city centre.", "2020-01-08", "en", "COERCE",
     [(20, 20)]),
])
def test_event_when_figures_of_another_coordinated_act_stay_there(pipeline, text, published, lang, type_, figures):
    assert [e["figures"] for e in _events(pipeline, text, published, lang, type_)] == [figures]


@pytest.mark.parametrize("text, published, lang, type_", [
    ("La policía detuvo el jueves a 20 manifestantes.\n\nEl joven había sido detenido por policías en Jalisco.",
     "2020-06-05", "es", "COERCE"),
    ("Police detained 20 protesters on Thursday.\n\nThe man had been detained by police in Jalisco.", "2020-06-05",
     "en", "COERCE"),
])
def test_event_when_pluperfect_tells_what_came_before(pipeline, text, published, lang, type_):
    assert _dates(pipeline, text, published, lang, type_) == [("2020-06-04", "2020-06-04"), (None, None)]


@pytest.mark.parametrize("text, published, lang, type_, interval", [
    ("España y Marruecos han acordado aplazar hasta febrero de 2021 la Reunión de Alto Nivel que tenían previsto "
     "celebrar en Rabat. Los ministerios de Asuntos Exteriores de ambos países han hecho público este jueves un "
     "comunicado conjunto.", "2020-12-10", "es", "AGREE", ("2020-12-10", "2020-12-10")),
    ("La agencia oficial dijo que Lavrov fue invitado por el Ministerio de Relaciones Exteriores de Corea del Norte. "
     "La visita sigue un viaje de junio de Sergei Shoigu, quien conoció a Kim en Pyongyang.", "2025-07-09", "es",
     "CONSULT", (None, None)),
])
def test_event_when_lead_deed_takes_the_news_day_told_after_it(pipeline, text, published, lang, type_, interval):
    assert _dates(pipeline, text, published, lang, type_)[0] == interval


@pytest.mark.parametrize("text, published, lang, type_, day", [
    # a noun under a preposition of a dated verb: the rally's day is the solidarity's
    ("Angry Tunisians rallied in solidarity Thursday outside the museum where the gunmen had struck.",
     "2015-03-20", "en", "SUPPORT", "2015-03-19"),
    # a participle on the object of a dated verb: the story's day is the accusation's
    ("The Rodong Sinmun also published a story Friday accusing China of dancing to the tune of the U.S.",
     "2017-05-06", "en", "ACCUSE", "2017-05-05"),
])
def test_event_when_noun_and_participle_take_their_verbs_day(pipeline, text, published, lang, type_, day):
    assert (day, day) in _dates(pipeline, text, published, lang, type_)


@pytest.mark.parametrize("text, published, lang, type_, interval", [
    # a demand told in what someone said is made when it is said
    ("Opposition leader Isaac Herzog on Saturday said Israel should take in Syrian refugees.",
     "2015-09-06", "en", "REQUEST", ("2015-09-05", "2015-09-05")),
    ("El presidente de Francia dijo el lunes que Irak debe cooperar con los inspectores.",
     "2003-01-22", "es", "REQUEST", ("2003-01-20", "2003-01-20")),
])
def test_event_when_spoken_demand_takes_the_saying_day(pipeline, text, published, lang, type_, interval):
    assert interval in _dates(pipeline, text, published, lang, type_)


def test_event_when_date_of_another_noun_is_not_the_nouns(pipeline):
    # June is the earlier trip's ("un viaje de junio"), not the visit's
    text = ("La visita de Lavrov sigue un viaje de junio por el alto funcionario de seguridad de Rusia, "
            "Sergei Shoigu, quien conoció al líder norcoreano Kim Jong Un.")
    visits = [e for e in _events(pipeline, text, "2025-07-09", "es", "CONSULT")]
    assert visits and all(e["when"] != ("2025-06-01", "2025-06-30") for e in visits), visits


def test_event_when_conjoined_verb_counts_the_shared_subject(pipeline):
    # "Thousands of protesters ... chanted ... and marched": the march's figure is its marchers
    text = ("Thousands of protesters in Hong Kong on Sunday chanted the US anthem and marched to the US "
            "Consulate.")
    marches = _events(pipeline, text, "2019-09-09", "en", "PROTEST")
    assert marches and (1000, None) in marches[0]["figures"], marches
