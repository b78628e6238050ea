"""Trigger lexicons (`lang/*/event_triggers.yaml`): words and light-verb phrases that news uses
for PLOVER acts, in English and Spanish.

Sentences are adapted from news stories; each asserts the type of the act (and its actor or
recipient where the sentence names them), and a few assert that a near-miss use of a word
names no act of that type.
"""
from __future__ import annotations

import pytest

from event_records import names_the_act, role_names

PUBLISHED = {"en": "2019-08-06", "es": "2020-12-25"}


@pytest.mark.parametrize("lang, text, type_, actor, recipient", [
    # verbs
    ("en", "The French government summoned the US ambassador on Monday over the spying report.",
     "ACCUSE", "French government", "United States"),
    ("en", "The Philippines has barred two U.S. senators from entering the country.", "COERCE", "Philippines", "United States"),
    ("en", "A report said the US agency had also hacked the email of former Mexican President Felipe Calderon.",
     "COERCE", "US agency", "Felipe Calderon"),
    ("en", "A court in Pyongyang sentenced the American student to 15 years of hard labor.",
     "COERCE", "court in Pyongyang", "American student"),
    ("en", "Gunmen beheaded two policemen in southern Thailand on Saturday.", "ASSAULT", "Gunmen", "policemen"),
    ("en", "Two men hijacked a car and kidnapped a hostage outside Paris on Thursday.", "ASSAULT", "men", None),
    ("en", "The Sunday protests turned violent when police fired tear gas to disperse the crowds.", "ASSAULT", "police", None),
    ("en", "Italy's coast guard rescued 130 migrants off Libya on Sunday.", "AID", "Italy", None),
    ("en", "Rebels in northern Mali disbanded their militia on Monday.", "RETREAT", "Rebels in northern Mali", None),
    # nouns
    ("en", "Germany paid tribute to the victims of the attack.", "SUPPORT", "Germany", None),
    ("en", "China held huge military drills around Taiwan on Monday.", "MOBILIZE", "China", "Taiwan"),
    ("en", "The government imposed a lockdown on Kashmir on Monday.", "COERCE", "government", None),
    ("en", "The government made concessions to the striking miners on Wednesday.", "CONCEDE", "government", "striking miners"),
    # light-verb and particle phrases
    ("en", "Japan's prime minister offered an apology to South Korea on Friday.", "SUPPORT", "prime minister", "South Korea"),
    ("en", "India's parliament ratified the border treaty with Bangladesh on Thursday.",
     "AGREE", "India's parliament", "Bangladesh"),
    ("en", "Pakistan's foreign minister hit out at India on Wednesday over the Kashmir lockdown.",
     "ACCUSE", "foreign minister", "India"),
    ("en", "Mexican President Claudia Sheinbaum lashed out at the United States on Tuesday.",
     "ACCUSE", "Claudia Sheinbaum", "United States"),
    ("en", "Police rounded up dozens of activists in Minsk on Sunday.", "COERCE", "Police", None),
    ("en", "The United States pulled out of the Trans-Pacific Partnership in 2017.", "RETREAT", "United States", None),
    ("en", "Protesters threw stones at police in Hong Kong on Sunday.", "PROTEST", "Protesters", None),
    ("en", "Armed men set fire to a church in Lahore.", "ASSAULT", "Armed men", None),
    ("en", "The North Korean authorities turned down the request of the women activists.",
     "REJECT", "North Korean authorities", None),
    # a particle the parser takes for an adverb still completes the phrase
    ("en", "The defence minister stepped down on Friday after the procurement scandal.", "CONCEDE", "defence minister",
     None),
    ("en", "The army pulled back from the border on Monday.", "RETREAT", "army", None),
    # verbs
    ("es", "Los médicos se quejaron ante el Ministerio de Salud por la falta de equipos.",
     "ACCUSE", "médicos", "Ministerio de Salud"),
    ("es", "El líder de la oposición descalificó al Gobierno por su gestión de la pandemia.",
     "ACCUSE", "líder de la oposición", "Gobierno"),
    ("es", "La Policía abatió a un presunto terrorista en Barcelona.", "ASSAULT", "Policía", "presunto terrorista"),
    ("es", "Un hombre apuñaló a su vecino en Sevilla.", "ASSAULT", "hombre", "vecino"),
    ("es", "El rey Juan Carlos abdicó en su hijo Felipe.", "CONCEDE", "Juan Carlos", None),
    ("es", "El entrenador fue inhabilitado por la federación durante dos años.", "SANCTION", "federación", "entrenador"),
    ("es", "Los estudiantes desairaron al ministro y no acudieron a la reunión.", "REJECT", "estudiantes", "ministro"),
    # nouns
    ("es", "Los vecinos hicieron un escrache frente a la casa del diputado.", "PROTEST", "vecinos", None),
    # light-verb phrases
    ("es", "El Gobierno de Colombia y la guerrilla ratificaron el acuerdo de paz en La Habana.",
     "AGREE", "Gobierno de Colombia", None),
    ("es", "El presidente de México pidió perdón a los pueblos indígenas por los abusos cometidos.",
     "SUPPORT", "presidente de México", "pueblos indígenas"),
    ("es", "La ONU rindió homenaje a las víctimas del atentado.", "SUPPORT", "ONU", "víctimas del atentado"),
    ("es", "La Fiscalía interpuso una querella contra el exalcalde de Marbella.", "ACCUSE", "Fiscalía", "exalcalde de Marbella"),
    ("es", "Los responsables de Twitter bloquearon la cuenta oficial del partido.", "COERCE", "Twitter", None),
    ("es", "El Gobierno argentino decretó la cuarentena obligatoria en todo el país.", "COERCE", "Gobierno", None),
    ("es", "El Gobierno de Chile levantó las restricciones a los viajeros.", "CONCEDE", "Gobierno de Chile", "viajeros"),
    ("es", "Los transportistas desconvocaron la huelga tras el acuerdo con el Gobierno.", "CONCEDE", "transportistas", None),
    ("es", "El ministro dejó el cargo el viernes tras el escándalo.", "CONCEDE", "ministro", None),
    ("es", "Estados Unidos y Cuba estrecharon lazos tras la visita de Obama.", "COOPERATE", "Estados Unidos", None),
    ("es", "Los agentes propinaron una paliza al detenido en la comisaría.", "ASSAULT", "agentes", None),
    ("es", "Los bombardeos israelíes acabaron con la vida de 58 palestinos en Gaza.", "ASSAULT", "israelíes", None),
    ("es", "El Gobierno de Canadá impuso un gravamen a los productos estadounidenses.",
     "SANCTION", "Gobierno de Canadá", "productos estadounidenses"),
])
def test_triggers_lexicon_names_the_act(pipeline, lang, text, type_, actor, recipient):
    names_the_act(role_names(pipeline, text, lang, PUBLISHED[lang]), type_, actor, recipient)


@pytest.mark.parametrize("lang, text, absent", [
    # "hit out at" is a verbal attack, not a blow
    ("en", "Pakistan's foreign minister hit out at India on Wednesday over the Kashmir lockdown.", "ASSAULT"),
    # only a treaty, pact or deal ratified is an agreement, not an appointment
    ("en", "Lutnick's appointment was ratified by the U.S. Senate on Tuesday.", "AGREE"),
    # a currency that appreciates praises no one
    ("en", "The yuan appreciated against the dollar on Monday.", "SUPPORT"),
    # sending asylum-seekers home is no return of what was taken
    ("en", "There is already hostility in Israel toward asylum-seekers from Africa and a concerted government effort "
     "to repatriate them.", "RETREAT"),
    # a state of affairs, not an act
    ("en", "Christian persecution in Nigeria is rampant.", "COERCE"),
    # meeting a standard is no meeting; releasing information frees no one, told as a noun too
    ("en", "India has failed to meet the eligibility criterion for the trade preferences.", "CONSULT"),
    ("en", "Investigators asked whether aides had coordinated the release of damaging information about the "
     "campaign.", "RETREAT"),
    # "dar marcha a" sets a plan going; only "dar marcha atrás" backs down
    ("es", "El Gobierno dio marcha a un nuevo plan de vivienda.", "CONCEDE"),
    # "dio marcha atrás" backs down: no march
    ("es", "El Gobierno dio marcha atrás con la reforma fiscal.", "PROTEST"),
    # asking pardon is an apology, not a request
    ("es", "El presidente de México pidió perdón a los pueblos indígenas.", "REQUEST"),
    # an account blocked by a platform blocks no road
    ("es", "Los responsables de Twitter bloquearon la cuenta oficial del partido.", "PROTEST"),
    # going out into the street is no protest
    ("es", "Los aficionados salieron a la calle a celebrar el título.", "PROTEST"),
])
def test_triggers_lexicon_near_miss(pipeline, lang, text, absent):
    assert absent not in [type_ for type_, _, _ in role_names(pipeline, text, lang, PUBLISHED[lang])]
