"""Spanish trigger lexicon: words and light-verb phrases that Spanish news uses for PLOVER acts.

Sentences are adapted from Spanish news stories; each asserts the type of the act (and its
actor or recipient where the sentence names them), and a few assert that a near-miss use
of a word names no act of that type.
"""
from __future__ import annotations

import pytest

from cronica.model import Article


def _events(pipeline, text: str):
    article = pipeline(Article(text=text, lang="es", published="2020-12-25"))
    names = {e.id: e.name for e in article.entities}
    return [(ev.type, [names.get(i) for i in ev.source], [names.get(i) for i in ev.target]) for ev in article.events]


def _types(pipeline, text: str) -> list[str]:
    return [type_ for type_, _, _ in _events(pipeline, text)]


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # verbs
    ("Los médicos se quejaron ante el Ministerio de Salud por la falta de equipos.",
     "ACCUSE", "médicos", "Ministerio de Salud"),
    ("El líder de la oposición descalificó al Gobierno por su gestión de la pandemia.",
     "ACCUSE", "líder de la oposición", "Gobierno"),
    ("La Policía abatió a un presunto terrorista en Barcelona.", "ASSAULT", "Policía", "presunto terrorista"),
    ("Un hombre apuñaló a su vecino en Sevilla.", "ASSAULT", "hombre", "vecino"),
    ("El rey Juan Carlos abdicó en su hijo Felipe.", "CONCEDE", "Juan Carlos", None),
    ("El entrenador fue inhabilitado por la federación durante dos años.", "SANCTION", "federación", "entrenador"),
    ("Los estudiantes desairaron al ministro y no acudieron a la reunión.", "REJECT", "estudiantes", "ministro"),
    # nouns
    ("Los vecinos hicieron un escrache frente a la casa del diputado.", "PROTEST", "vecinos", None),
    # light-verb phrases
    ("El Gobierno de Colombia y la guerrilla ratificaron el acuerdo de paz en La Habana.",
     "AGREE", "Gobierno de Colombia", None),
    ("El presidente de México pidió perdón a los pueblos indígenas por los abusos cometidos.",
     "SUPPORT", "presidente de México", "pueblos indígenas"),
    ("La ONU rindió homenaje a las víctimas del atentado.", "SUPPORT", "ONU", "víctimas del atentado"),
    ("La Fiscalía interpuso una querella contra el exalcalde de Marbella.", "ACCUSE", "Fiscalía", "exalcalde de Marbella"),
    ("Los responsables de Twitter bloquearon la cuenta oficial del partido.", "COERCE", "Twitter", None),
    ("El Gobierno argentino decretó la cuarentena obligatoria en todo el país.", "COERCE", "Gobierno", None),
    ("El Gobierno de Chile levantó las restricciones a los viajeros.", "CONCEDE", "Gobierno de Chile", "viajeros"),
    ("Los transportistas desconvocaron la huelga tras el acuerdo con el Gobierno.", "CONCEDE", "transportistas", None),
    ("El ministro dejó el cargo el viernes tras el escándalo.", "CONCEDE", "ministro", None),
    ("Estados Unidos y Cuba estrecharon lazos tras la visita de Obama.", "COOPERATE", "Estados Unidos", None),
    ("Los agentes propinaron una paliza al detenido en la comisaría.", "ASSAULT", "agentes", None),
    ("Los bombardeos israelíes acabaron con la vida de 58 palestinos en Gaza.", "ASSAULT", "israelíes", None),
    ("El Gobierno de Canadá impuso un gravamen a los productos estadounidenses.",
     "SANCTION", "Gobierno de Canadá", "productos estadounidenses"),
])
def test_triggers_es_lexicon_names_the_act(pipeline, text, type_, actor, recipient):
    events = [(s, t) for ty, s, t in _events(pipeline, text) if ty == type_]
    assert events, _events(pipeline, text)
    if actor:
        assert any(actor in s for s, _ in events), events
    if recipient:
        assert any(recipient in t for _, t in events), events


@pytest.mark.parametrize("text, absent", [
    # "dar marcha a" sets a plan going; only "dar marcha atrás" backs down
    ("El Gobierno dio marcha a un nuevo plan de vivienda.", "CONCEDE"),
    # "dio marcha atrás" backs down: no march
    ("El Gobierno dio marcha atrás con la reforma fiscal.", "PROTEST"),
    # asking pardon is an apology, not a request
    ("El presidente de México pidió perdón a los pueblos indígenas.", "REQUEST"),
    # an account blocked by a platform blocks no road
    ("Los responsables de Twitter bloquearon la cuenta oficial del partido.", "PROTEST"),
    # going out into the street is no protest
    ("Los aficionados salieron a la calle a celebrar el título.", "PROTEST"),
])
def test_triggers_es_lexicon_near_miss(pipeline, text, absent):
    assert absent not in _types(pipeline, text)
