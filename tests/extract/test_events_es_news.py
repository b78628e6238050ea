"""Spanish news events on articles nobody tuned on: who the author of an act can be (an
unnamed "por" or "de" phrase only when it names people), partitive groups, acts of the
state told in the passive, refusals told as absences, accusations told as qualifications,
and the recipients hidden in clitics, letters and possessives."""
from __future__ import annotations

import pytest

from event_records import coded, extract, names as _names, of_type as _of_type


def _extract(pipeline, text, published="2021-03-05"):
    return extract(pipeline, text, "es", published)


def _first_role(pipeline, text, type_, role):
    """The names in `role` of the first event of `type_` read from `text` (one must be found)."""
    record, entities = _extract(pipeline, text)
    events = _of_type(record, type_)
    assert events, record["events"]
    return _names(events[0][role], entities)


@pytest.mark.parametrize("text,type_,not_actor", [
    # "por" gives a time or a cause as often as an agent
    ("Otros dos ministros de su gobierno fueron detenidos el viernes por la tarde.", "COERCE", "tarde"),
    ("El joven fue detenido por una falla administrativa, según el gobernador.", "COERCE", "falla"),
    # "demanda de sedición": the "de" phrase of an agentive noun names no one here
    ("La Fiscalía investiga una demanda de sedición contra la expresidenta.", "REQUEST", "sedición"),
    # a thing in the sentence before is not the subject a pro-drop verb leaves out
    ("Durante el acto numerosas sillas quedaron vacías. Más tarde criticaron al Gobierno.", "ACCUSE", "sillas"),
])
def test_events_es_news_actor_names_people(pipeline, text, type_, not_actor):
    record, entities = _extract(pipeline, text)
    for event in _of_type(record, type_):
        assert not_actor not in _names(event["source"], entities)


@pytest.mark.parametrize("text,type_,actor", [
    ("Cinco personas fueron secuestradas el miércoles por un millar de indígenas.", "ASSAULT", "indígenas"),
    ("El alcalde fue golpeado por agentes de la policía municipal.", "ASSAULT", "agentes"),
])
def test_events_es_news_agent_names_people(pipeline, text, type_, actor):
    assert actor in _first_role(pipeline, text, type_, "source")


@pytest.mark.parametrize("text,country", [
    ("La Paz, Bolivia. Otros dos ministros del gobierno boliviano fueron detenidos el viernes en La Paz.", "BOL"),
    ("Guadalajara, México. Tras la detención de al menos 28 personas en Jalisco, sus familiares "
     "denunciaron abusos.", "MEX"),
])
def test_events_es_news_state_act_without_actor(pipeline, text, country):
    record, entities = _extract(pipeline, text)
    arrests = [e for e in _of_type(record, "COERCE") if e["target"]]
    assert arrests, record["events"]
    actor = [entities[i] for i in arrests[0]["source"]]
    assert actor and actor[0]["country"] == country
    assert not actor[0]["mentions"]  # implied, never a name in the text


@pytest.mark.parametrize("text,type_,victim", [
    ("Tras la detención de al menos 28 personas en Jalisco, sus familiares denunciaron abusos.", "COERCE",
     "personas"),
    ("La Fiscalía ordenó la aprehensión de la expresidenta Jeanine Áñez en Trinidad.", "COERCE", "áñez"),
])
def test_events_es_news_patient_noun_complement(pipeline, text, type_, victim):
    assert victim in _first_role(pipeline, text, type_, "target")
    assert victim not in _first_role(pipeline, text, type_, "source")


@pytest.mark.parametrize("text,type_,role,name", [
    # the subject of a predicate after a paragraph break is the patient of the arrest
    pytest.param("La familia del albañil pidió justicia.\n\nTres policías se encuentran detenidos por estar "
                 "presuntamente involucrados en la muerte del albañil.", "COERCE", "target", "policías",
                 id="subject-after-paragraph-break"),
    # the author of a denounced act is whom the denunciation is aimed at
    pytest.param("El Comité Internacional de la Cruz Roja ha denunciado el asesinato ayer de dos de sus "
                 "trabajadores en Jan Yunis por parte de Israel.", "ACCUSE", "target", "israel",
                 id="denounced-act-author"),
    # "por parte de" marks the agent of a passive
    pytest.param("El rector de la Universidad de Magdalena fue amenazado por parte de grupos paramilitares.",
                 "THREATEN", "source", "paramilitares", id="agent-por-parte-de"),
])
def test_events_es_news_role_of_the_first_event(pipeline, text, type_, role, name):
    assert name in _first_role(pipeline, text, type_, role)


@pytest.mark.parametrize("text,actor,host", [
    ("El presidente, Pedro Sánchez, estuvo arropado por seis ministros, pero no acudieron, pese a estar "
     "invitados, los expresidentes Felipe González y Mariano Rajoy.", "gonzález", "sánchez"),
    ("Tampoco acudió al acto del Gobierno la presidenta de la Comunidad de Madrid, Isabel Díaz Ayuso.",
     "ayuso", "gobierno"),
])
def test_events_es_news_absence_is_refusal(pipeline, text, actor, host):
    record, entities = _extract(pipeline, text)
    refusals = _of_type(record, "REJECT")
    assert refusals, record["events"]
    assert actor in _names(refusals[0]["source"], entities)
    assert host in _names(refusals[0]["target"], entities)
    assert refusals[0]["status"] == "asserted"


@pytest.mark.parametrize("text", [
    "Los expresidentes acudieron al acto celebrado en Valdemoro.",
])
def test_events_es_news_attendance_is_no_event(pipeline, text):
    record, _ = _extract(pipeline, text)
    assert not _of_type(record, "REJECT")


@pytest.mark.parametrize("text,type_,actor", [
    ("Decenas de participantes de una marcha desarrollada este domingo en Quito exigieron justicia.", "PROTEST",
     "participantes"),
])
def test_events_es_news_participants_act(pipeline, text, type_, actor):
    assert actor in _first_role(pipeline, text, type_, "source")


@pytest.mark.parametrize("text,type_,recipient", [
    ("Luis Fernando Camacho denunció persecución y amedrentamiento en una carta a Arce.", "ACCUSE", "arce"),
])
def test_events_es_news_letter_addressee(pipeline, text, type_, recipient):
    assert recipient in _first_role(pipeline, text, type_, "target")


@pytest.mark.parametrize("text,published,type_,day", [
    ("El Gobierno de Canadá ha anunciado este viernes que demandará a Washington ante la OMC.", "2018-06-02",
     "REQUEST", "2018-06-01"),
])
def test_events_es_news_said_act_takes_time_of_saying(pipeline, text, published, type_, day):
    record, _ = _extract(pipeline, text, published=published)
    events = _of_type(record, type_)
    assert events, record["events"]
    assert (events[0]["when"] or {}).get("start") == day


@pytest.mark.parametrize("text,published,day,count", [
    ("Decenas de participantes de una marcha, desarrollada este domingo en Quito, exigieron justicia.",
     "2021-03-07", "2021-03-07", 10),
])
def test_events_es_news_participants_give_time_and_count(pipeline, text, published, day, count):
    record, _ = _extract(pipeline, text, published=published)
    marches = _of_type(record, "PROTEST")
    assert marches, record["events"]
    assert (marches[0]["when"] or {}).get("start") == day
    quantities = {q["id"]: q for q in record["quantities"]}
    assert [quantities[q]["min"] for q in marches[0]["quantities"]] == [count]


@pytest.mark.parametrize("text,type_,recipient", [
    ("Pablo Casado tildó el acto de propagandístico y criticaba al Gobierno los pactos con Bildu.", "ACCUSE",
     "gobierno"),
])
def test_events_es_news_one_reproach_with_its_recipient(pipeline, text, type_, recipient):
    record, entities = _extract(pipeline, text)
    events = _of_type(record, type_)
    assert len(events) == 1, record["events"]
    assert recipient in _names(events[0]["target"], entities)


@pytest.mark.parametrize("text,type_,recipient,not_recipient", [
    ("Al término del acto, la presidenta de la AVT, Maite Araluce, se acercó a Pedro Sánchez para "
     "recriminarle el traslado de presos de ETA.", "ACCUSE", "sánchez", "eta"),
])
def test_events_es_news_dative_clitic_is_addressee(pipeline, text, type_, recipient, not_recipient):
    record, entities = _extract(pipeline, text)
    events = _of_type(record, type_)
    assert events, record["events"]
    assert recipient in _names(events[0]["target"], entities)
    assert not_recipient not in _names(events[0]["target"], entities)


@pytest.mark.parametrize("text,type_,count", [
    ("La familia pidió justicia.\n\nTres policías se encuentran detenidos por estar presuntamente involucrados "
     "en la muerte del albañil.", "COERCE", 3),
])
def test_events_es_news_predicate_subject_count(pipeline, text, type_, count):
    record, _ = _extract(pipeline, text)
    events = _of_type(record, type_)
    assert events, record["events"]
    quantities = {q["id"]: q for q in record["quantities"]}
    assert count in [quantities[q]["min"] for q in events[0]["quantities"]]


@pytest.mark.parametrize("text,type_,actor", [
    ("Los líderes de la oposición calificaron las detenciones de ilegales.", "ACCUSE", "líderes"),
])
def test_events_es_news_verdict_is_accusation(pipeline, text, type_, actor):
    assert actor in _first_role(pipeline, text, type_, "source")


@pytest.mark.parametrize("text,type_,actor,partner", [
    ("España y Marruecos han acordado aplazar hasta febrero la Reunión de Alto Nivel.", "AGREE", "españa",
     "marruecos"),
])
def test_events_es_news_joint_act_partner(pipeline, text, type_, actor, partner):
    record, entities = _extract(pipeline, text)
    events = _of_type(record, type_)
    assert events, record["events"]
    assert actor in _names(events[0]["source"], entities)
    assert partner in _names(events[0]["target"], entities)


@pytest.mark.parametrize("text", [
    "Juan Carlos, el pequeño niño oaxaqueño, fue expulsado de Masterchef el domingo.",
])
def test_events_es_news_expulsion_needs_no_state(pipeline, text):
    record, entities = _extract(pipeline, text)
    for event in record["events"]:
        assert all(entities[i]["mentions"] for i in event["source"] if entities[i]["name"] == "autoridades")


@pytest.mark.parametrize("text,type_,actor", [
    # the tagger's lemma of "reprimió" is made up: the dictionary's is "reprimir"
    ("El primer ministro Khalifa reprimió con mano de hierro la sublevación chií de los años noventa.",
     "ASSAULT", "khalifa"),
    ("Italia ofreció un lugar seguro para el desembarco de los 265 inmigrantes rescatados por el Open Arms.",
     "AGREE", "italia"),
])
def test_events_es_news_verbs_read_through_the_dictionary(pipeline, text, type_, actor):
    assert actor in _first_role(pipeline, text, type_, "source")


@pytest.mark.parametrize("lang, text, body", [
    ("es", "La Unión Europea también ha presentado una denuncia en la OMC contra EE UU.", "Unión Europea"),
    ("en", "The European Union filed a complaint at the WTO against the United States.", "European Union"),
])
def test_events_international_body_takes_no_home_country(pipeline, lang, text, body):
    """A body of many countries is no one country's, even in a story about one."""
    record, entities = extract(pipeline, text, lang, "2018-06-01")
    accused = _of_type(record, "ACCUSE")
    assert accused and any(entities[i]["name"] == body and entities[i].get("country") is None
                           for e in accused for i in e["source"])
    assert any(entities[i].get("country") == "USA" for e in accused for i in e["target"])


@pytest.mark.parametrize("text,type_,actor,recipient", [
    # inquiries opened and prosecutions brought accuse
    pytest.param("La Cámara de Representantes abrió la pesquisa contra Donald Trump el 24 de septiembre.",
                 "ACCUSE", "cámara de representantes", "donald trump", id="abrir-pesquisa"),
    pytest.param("La Asociación Española de Guardias Civiles ejerce la acusación particular contra el joven.",
                 "ACCUSE", "asociación española de guardias civiles", "joven", id="ejercer-acusacion"),
    # fines sanction, pardons release
    pytest.param("La Procuraduría Federal del Consumidor multó a la aerolínea con dos millones de pesos.",
                 "SANCTION", "procuraduría federal del consumidor", "aerolínea", id="multar"),
    pytest.param("El Gobierno indultó a los nueve presos condenados por el proceso independentista.",
                 "RETREAT", "gobierno", "presos", id="indultar"),
])
def test_events_es_news_actor_and_recipient(pipeline, text, type_, actor, recipient):
    assert actor in _first_role(pipeline, text, type_, "source")
    assert recipient in _first_role(pipeline, text, type_, "target")


@pytest.mark.parametrize("text,type_,actor,recipient", [
    # money received is aid from its sender
    ("Su equipo de investigación en Harvard había recibido 15 millones de dólares del Instituto Nacional de "
     "Salud norteamericano.", "AID", "instituto nacional de salud", "equipo de investigación"),
    # working side by side with another body
    ("El Ministerio de Economía trabaja junto al Banco de España para identificar los problemas de "
     "sobreendeudamiento.", "COOPERATE", "ministerio de economía", "banco de españa"),
    # a gift goes to whom it is given, not to the thing given
    ("Una de las campanas fue donada por la esposa del presidente al hospital pediátrico Bambino Gesù de Roma.",
     "AID", "esposa del presidente", "bambino gesù"),
    # an object pronoun stands for the people named before it
    ("Los niños del Hospital Infantil acudieron a la audiencia. El papa Francisco los felicitó muy cálidamente.",
     "SUPPORT", "francisco", "niños del hospital infantil"),
    # aid goes to whom it is for ("para")
    ("El Gobierno aprobó una ayuda de 500 millones para los damnificados del terremoto.", "AID", "gobierno",
     "damnificados"),
    # an enclitic too ("acusarla": the minister named before)
    ("La ministra presentó su plan el lunes. Los diputados decidieron acusarla de fraude.",
     "ACCUSE", "diputados", "ministra"),    # calling someone to act is a request; the infinitive is what makes "llamar" one
    ("Guterres llamó a todos los líderes mundiales a establecer cinco puntos clave para avanzar hacia la "
     "igualdad.", "REQUEST", "guterres", "líderes mundiales"),
    # providing goods to people is aid
    ("El gobierno de Italia proveerá cada día de mascarillas gratuitas a más de diez millones de estudiantes.",
     "AID", "gobierno de italia", "estudiantes"),
    # joining an organisation is working with it
    ("Estados Unidos se reincorporó a la Organización Mundial de la Salud el primer día del nuevo gobierno.",
     "COOPERATE", "estados unidos", "organización mundial de la salud"),
    # the tagger's made-up lemma of the phrase's adjective ("inaceptabl") is no obstacle
    ("El primer ministro canadiense había calificado de inaceptables las medidas proteccionistas de "
     "Washington.", "ACCUSE", "primer ministro canadiense", "washington"),
    # a joint act's subject does it "junto con" the other party
    ("La ministra de Salud, Carla Vizzotti, junto con las autoridades sanitarias de las provincias realizaron "
     "una videoconferencia este martes.", "CONSULT", "carla vizzotti", "autoridades sanitarias"),
    # a penalty asked "para" someone: that one is the request's recipient
    ("La Fiscalía solicitó dos años de prisión para el joven por un delito de atentado.", "REQUEST",
     "fiscalía", "joven"),
])
def test_events_es_news_roles_of_giving_working_and_pronouns(pipeline, text, type_, actor, recipient):
    assert actor in _first_role(pipeline, text, type_, "source")
    assert recipient in _first_role(pipeline, text, type_, "target")


@pytest.mark.parametrize("text,type_", [
    ("La crisis en nuestra frontera sur exige una respuesta del Gobierno.", "REQUEST"),
    ("Los datos se están manifestando.", "PROTEST"),
    ("Calviño defendió que el Gobierno ha movilizado ya miles de millones para hacer frente a la crisis.",
     "MOBILIZE"),
    # a death told with the perfect of "morir" is no killing ("ha muerto", not "los muertos")
    ("El primer ministro de Bahréin, el príncipe Khalifa, ha muerto a los 84 años en una clínica.", "ASSAULT"),
    # a fight against a disease is no assault
    ("Los mexicanos llevan un año asistiendo a un combate contra la pandemia de coronavirus.", "ASSAULT"),
    # holding elections is not welcoming someone's election
    ("México celebra además en junio elecciones intermedias que renovarán la Cámara de Diputados.", "SUPPORT"),
    # a pronominal verb told of its subject is another verb: stopped, not arrested; soared, not fired
    ("El Congreso de los Diputados se detuvo este martes en un asunto de la máxima actualidad.", "COERCE"),
    ("Los precios de la luz se dispararon en marzo por la ola de frío.", "ASSAULT"),
    # money mobilised or freed, told with a noun too, is no march and no release of prisoners
    ("El Gobierno anunció la movilización de recursos para la reconstrucción de la zona.", "PROTEST"),
    ("El Gobierno liberó fondos para las pymes afectadas por la pandemia.", "RETREAT"),
    # calling someone a name is no call to act
    ("El presidente lo llamó mentiroso delante de todos los periodistas.", "REQUEST"),
    ("Los vecinos llaman al barrio la pequeña Habana.", "REQUEST"),
])
def test_events_es_news_things_do_no_deeds(pipeline, text, type_):
    record, _ = _extract(pipeline, text)
    assert not _of_type(record, type_), record["events"]


@pytest.mark.parametrize("text,type_,actor", [
    ("AstraZeneca buscará la aprobación de emergencia de la FDA.", "REQUEST", "astrazeneca"),
    ("Anthony Fauci celebró este lunes los resultados del nuevo estudio.", "SUPPORT", "fauci"),
    ("Li Wenliang fue silenciado por la policía.", "COERCE", "policía"),
    # a phrase's verb whose lemma the tagger made up ("bloqueó") is read by the dictionary's
    ("La red social Twitter bloqueó la cuenta del diputado Iván Espinosa de los Monteros.", "COERCE", "twitter"),
    # setting fire to someone is an assault, though fire is also a hazard
    ("Algunos de los manifestantes prendieron fuego a un policía frente al palacio de gobierno.", "ASSAULT",
     "manifestantes"),
    # the "de" phrase of an attack is its author
    ("Tres soldados murieron en un ataque de los rebeldes contra el cuartel.", "ASSAULT", "rebeldes"),
])
def test_events_es_news_acts_of_seeking_praising_and_silencing(pipeline, text, type_, actor):
    assert actor in _first_role(pipeline, text, type_, "source")



@pytest.mark.parametrize("text,type_,country", [
    # a demonym adjective the recogniser leaves unnamed is the act's author
    ("Los bombardeos israelíes han acabado con la vida de al menos 58 palestinos en Gaza desde el sábado.",
     "ASSAULT", "ISR"),
    ("Las sanciones estadounidenses contra Irán entraron en vigor este lunes.", "SANCTION", "USA"),
])
def test_events_es_news_demonym_adjective_is_the_author(pipeline, text, type_, country):
    assert coded(pipeline, text, "es", "2021-03-05", type_, actor=country)


@pytest.mark.parametrize("text,type_,not_recipient", [
    # what is asked for, and the manner of a refusal, are no one an act of words is done to
    ("Vox pide que se levante de inmediato el bloqueo de su cuenta alegando que impide a sus candidatos competir en "
     "igualdad de condiciones en la campaña electoral catalana.", "REQUEST", "bloqueo"),
    ("La propuesta se votará el jueves, pero está abocada al fracaso porque las fuerzas que se definen de izquierda "
     "suman mayoría en el Congreso (176 escaños, entre PSOE, Unidas Podemos, ERC, EH Bildu, CUP y BNG). Todos ellos "
     "la rechazaron con gran vehemencia.", "REJECT", "vehemencia"),
])
def test_events_es_news_recipient_names_people(pipeline, text, type_, not_recipient):
    record, entities = _extract(pipeline, text)
    assert _of_type(record, type_), record["events"]
    for event in _of_type(record, type_):
        assert not_recipient not in _names(event["target"], entities)


def test_events_es_news_party_members_are_recipients(pipeline):
    # "los populares": the members of a party, the one accused
    text = ("El cierre de filas fue total también con el PSOE, cuyo diputado Rafael Simancas reconoció el papel en la "
            "Transición de comunistas como Santiago Carrillo o los abogados de Atocha, y acusó a los populares de "
            "querer “equiparar a la ministra de Trabajo con Adolf Hitler”.")
    assert "populares" in _first_role(pipeline, text, "ACCUSE", "target")


def test_events_es_news_praise_of_a_named_owners_result(pipeline):
    # "celebrar resultado" names the act; the one whose results are praised is its recipient
    text = ("Anthony Fauci celebró los resultados del ensayo de la vacuna de AstraZeneca y destacó que no se "
            "registraron preocupaciones por su seguridad.")
    assert "astrazeneca" in _first_role(pipeline, text, "SUPPORT", "target")


def test_events_es_news_charge_by_a_person_is_words(pipeline):
    # a named person "carga contra" someone with words; the police charge a crowd
    text = ("En una entrevista a La Sexta, Bono cargó contra el exsecretario general del Partido Comunista de "
            "España, a quien tachó de rozar la incultura y la ignorancia en unas declaraciones sobre Pablo Iglesias.")
    record, entities = _extract(pipeline, text)
    assert any("bono" in _names(e["source"], entities) for e in _of_type(record, "ACCUSE"))
    assert not _of_type(record, "ASSAULT")


def test_events_es_news_praise_of_a_persons_commitment(pipeline):
    # "celebrar compromiso": whose commitment is praised, a noun of people, is the recipient
    text = ("La presidenta de los socialistas, Cristina Narbona, ha celebrado “el firme compromiso del Rey con los "
            "valores éticos que los ciudadanos reclaman de las instituciones”.")
    assert "rey" in _first_role(pipeline, text, "SUPPORT", "target")
