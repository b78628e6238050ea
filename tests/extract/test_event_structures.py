"""Constructions that carry an event's type or roles beyond its verb: a participle that
modifies the act's noun ("sanctions imposed by the United States"), the parties of a joint
act named together ("between X and Y"), the author of a noun of will ("Trump's decision to
strike Syria"), a noun aimed by a participle ("tariffs aimed at the United States"), a
weapon fired as a test, an act one is only able to do, a month that is no march, and the
doer of a clause with no subject of its own: the object that controls it ("prompting the
party to accuse"), or the main clause's subject through a preposition of time or manner
("broke the accord by attacking").

Sentences come from the news records of ../shared/data/news and the development gold.
"""
from __future__ import annotations

import pytest

from event_records import extract, names, names_the_act, of_type, role_names


@pytest.mark.parametrize("lang, text, type_, actor, recipient", [
    # a participle on the act's noun: its agent acts, its recipient is the act's
    ("en", "MOSCOW (Reuters) - Iran said on Saturday it would retaliate against new sanctions imposed by "
           "the United States after President Donald Trump set an ultimatum to fix “disastrous flaws” in a "
           "deal curbing Tehran’s nuclear program.", "SANCTION", "United States", None),
    # ... and the reaction to that act is aimed at its agent
    ("en", "MOSCOW (Reuters) - Iran said on Saturday it would retaliate against new sanctions imposed by "
           "the United States after President Donald Trump set an ultimatum to fix “disastrous flaws” in a "
           "deal curbing Tehran’s nuclear program.", "THREATEN", "Iran", "United States"),
    # a joint act's parties named together: the first acts with the others
    ("es", "Ha dicho que no está en sus planes mantener el acuerdo firmado entre el Fondo Monetario "
           "Internacional (FMI) y el actual presidente, Lenín Moreno, para reconstruir la economía del país.",
     "AGREE", "Fondo Monetario Internacional", "Lenín Moreno"),
    # whose decision it is does the act decided
    ("en", "Trump's decision to strike Syria won widespread praise from other nations, including Saudi "
           "Arabia and Turkey, which support the Syrian opposition.", "ASSAULT", "Trump", "Syria"),
    ("es", "La situación geopolítica en la zona ha experimentado un importante giro tras la decisión de la "
           "Administración Trump de reconocer la soberanía marroquí sobre el Sáhara Occidental.",
     "SUPPORT", "Administración Trump", None),
    # a sanction announced is one decided, aimed where its participle aims it
    ("en", "Chinese officials announced retaliatory tariffs aimed at the United States on Saturday.",
     "SANCTION", "Chinese officials", "United States"),
    ("en", "The U.N. slapped North Korea with new sanctions just days ago in response to a powerful "
           "nuclear test.", "SANCTION", "U.N.", "North Korea"),
])
def test_event_structures_roles(pipeline, lang, text, type_, actor, recipient):
    names_the_act(role_names(pipeline, text, lang, "2019-06-05"), type_, actor, recipient)


@pytest.mark.parametrize("lang, text", [
    ("en", "Iran successfully test-fired a medium-range ballistic missile capable of striking U.S. forces in "
           "the region as well as Israel, the third such test since the nuclear agreement with Western "
           "nations took effect in January, multiple defense officials confirmed to Fox News."),
    ("es", "Corea del Norte lanzó el domingo un misil balístico de alcance intermedio, informó el Estado "
           "Mayor Conjunto surcoreano."),
])
def test_event_structures_weapons_test_is_a_show_of_force(pipeline, lang, text):
    events = role_names(pipeline, text, lang, "2016-05-09")
    assert any(t == "MOBILIZE" for t, _, _ in events), events
    # neither the test nor what the missile is able to strike is an attack
    assert not any(t == "ASSAULT" for t, _, _ in events), events


def test_event_structures_missile_attack_stays_an_attack(pipeline):
    text = ("Russia used the Oreshnik during a mass drone and missile attack on Kyiv on Sunday that killed "
            "at least two people.")
    names_the_act(role_names(pipeline, text, "en", "2024-11-25"), "ASSAULT", "Russia", None)


def test_event_structures_month_is_no_march(pipeline):
    text = ("In March, Iran test-fired two ballistic missiles -- one emblazoned with the phrase \"Israel must "
            "be wiped out\" in Hebrew -- that set off an international outcry.")
    events = role_names(pipeline, text, "en", "2016-05-09")
    assert not any(t == "PROTEST" for t, _, _ in events), events


@pytest.mark.parametrize("lang, text", [
    # a state of affairs hit is no blow; fuel burned is no arson
    ("en", "They were seen as key to the Israeli-Palestinian peace process, which hit an impasse in the years "
           "following the signing."),
    ("en", "It would do this by burning wood or plants and then capturing and storing the emissions."),
    # fires that burn are no one's act, as fires that kill are
    ("en", "There were 57 bush and grass fires burning in New South Wales, 23 of which were yet to be "
           "contained as of early Saturday."),
    # vanishing from a list is no forced disappearance
    ("es", "No desaparece de su lista un contribuyente que pueda tener una responsabilidad frente a las "
           "autoridades fiscales."),
    # an ill or a crime fought is no combat; a right or a rule violated is no rape
    ("en", "By straining the binational relationship, the tariffs could also stymie efforts to fight "
           "cross-border crime."),
    ("es", "Venimos aquí a presentar nuestra queja ante la OEA, porque se han violado mis derechos y en México "
           "no han hecho nada."),
    ("es", "El periodista comparecerá este lunes en un juzgado de Atenas acusado de violar datos confidenciales."),
])
def test_event_structures_no_assault(pipeline, lang, text):
    events = role_names(pipeline, text, lang, "2020-01-04")
    assert not any(t == "ASSAULT" for t, _, _ in events), events


def test_event_structures_forced_disappearance_is_an_abduction(pipeline):
    events = role_names(pipeline, "Los policías desaparecieron a 43 estudiantes en Iguala.", "es", "2014-10-01")
    names_the_act(events, "ASSAULT", "policías", "estudiantes")


def test_event_structures_place_of_an_attack_is_not_its_author(pipeline):
    # the bombing's place is where it happened; the attacker is not named
    events = role_names(pipeline, "In February, a bombing in Indian-controlled Kashmir killed 40 Indian troops.",
                        "en", "2019-08-07")
    killed = [(s, t) for ty, s, t in events if ty == "ASSAULT" and any("troops" in n for n in t)]
    assert killed and all(not s for s, _ in killed), events


def test_event_structures_absolute_participle_is_passive(pipeline):
    # "with 40 people arrested": the people are the ones arrested, not the arresters
    events = role_names(pipeline, "Voting ended at 8 pm local time, with 40 people arrested.", "en", "2019-11-24")
    arrests = [(s, t) for ty, s, t in events if ty == "COERCE"]
    assert arrests and all("people" in t and "people" not in s for s, t in arrests), events


def test_event_structures_attack_told_again_is_the_last_attackers(pipeline):
    # an attack retold with no doer of its own is the doer's the story named last, and says so
    text = ("Al-Shabaab militants attacked a military base in Kenya on Sunday, officials said. "
            "Two other DOD members were wounded in the attack, the African Command also confirmed.")
    record, entities = extract(pipeline, text, "en", "2020-01-06")
    wounded = [e for e in of_type(record, "ASSAULT") if "dod" in names(e["target"], entities)]
    assert wounded and all("shabaab" in names(e["source"], entities) for e in wounded), record["events"]
    assert all((e.get("roles_from") or {}).get("source") == "story" for e in wounded), record["events"]


def test_event_structures_place_takes_no_retold_attack(pipeline):
    # a bombing whose sentence names no attacker keeps none when the story named none before
    events = role_names(pipeline, "In February, a bombing in Indian-controlled Kashmir killed 40 Indian troops.",
                        "en", "2019-08-07")
    assert all(not s for ty, s, _ in events if ty == "ASSAULT"), events


def test_event_structures_call_to_a_named_person_is_a_phone_call(pipeline):
    text = ("Russia's Vladimir Putin called President Trump Sunday to thank him for U.S. intelligence that helped "
            "thwart terrorist attacks in St. Petersburg, officials in both countries said.")
    names_the_act(role_names(pipeline, text, "en", "2017-12-18"), "CONSULT", "Vladimir Putin", "Trump")


@pytest.mark.parametrize("text, not_type", [
    # a name with something said of it is a verdict, not a call
    ("Trump called Putin a killer in an interview.", "CONSULT"),
    # "on" after the object is a date, not "call on": no demand
    ("Trump called Macron on Tuesday.", "REQUEST"),
])
def test_event_structures_call_is_not_always_a_call(pipeline, text, not_type):
    events = role_names(pipeline, text, "en", "2019-08-07")
    assert not any(t == not_type for t, _, _ in events), events


def test_event_structures_call_on_is_a_demand(pipeline):
    events = role_names(pipeline, "Obama repeatedly called on Congress to act on gun control.", "en", "2016-01-05")
    names_the_act(events, "REQUEST", "Obama", "Congress")


@pytest.mark.parametrize("lang, text, actor", [
    ("en", "Arab leaders also vowed not to cooperate with the US administration to implement this plan.", "Arab"),
    ("es", "Los dirigentes de la oposición prometieron no negociar con el Gobierno de Maduro.", "oposición"),
])
def test_event_structures_promise_not_to_act_is_a_refusal(pipeline, lang, text, actor):
    events = role_names(pipeline, text, lang, "2020-02-01")
    assert any(t == "REJECT" and any(actor in n for n in s) for t, s, _ in events), events
    assert not any(t == "AGREE" for t, _, _ in events), events


def test_event_structures_regret_is_a_concession(pipeline):
    events = role_names(pipeline, "Chinese military leaders expressed regret over the incident.", "en", "2016-12-18")
    assert any(t == "CONCEDE" and any("Chinese" in n for n in s) for t, s, _ in events), events


@pytest.mark.parametrize("lang, text, type_, actor", [
    # a senator's hold blocks a nomination
    ("en", "Senator Rand Paul of Kentucky has said he will place a hold on the nomination of John O. Brennan.",
     "REJECT", "Rand Paul"),
    # "girar" is to pay out in Latin American usage
    ("es", "En total el Gobierno giró en esos siete meses cinco billones de pesos a las empresas.", "AID", "Gobierno"),
])
def test_event_structures_phrases_of_news_usage(pipeline, lang, text, type_, actor):
    names_the_act(role_names(pipeline, text, lang, "2020-12-01"), type_, actor, None)


def test_event_structures_group_of_a_people_takes_no_other_country(pipeline):
    # "Arab leaders" are of no one country: not of the US administration their sentence names
    record, entities = extract(pipeline, "Arab leaders also vowed not to cooperate with the US administration "
                               "to implement this plan.", "en", "2020-02-01")
    refusals = of_type(record, "REJECT")
    assert refusals, record["events"]
    actors = [entities[i] for e in refusals for i in e["source"]]
    assert actors and all(a["country"] != "USA" for a in actors), actors


@pytest.mark.parametrize("lang, text, actor, recipient", [
    ("en", "The US wants China to stop buying Iranian oil.", "United States", "China"),
    ("es", "La oposición venezolana quiere que Nicolás Maduro convoque elecciones.", None, "Nicolás Maduro"),
    # hoping another will act is asking it
    ("en", "Secretary of State Mike Pompeo said he hopes the Iraqi parliament will reconsider its decision.",
     "Mike Pompeo", "Iraqi parliament"),
])
def test_event_structures_wanting_another_to_act_is_a_demand(pipeline, lang, text, actor, recipient):
    names_the_act(role_names(pipeline, text, lang, "2019-05-02"), "REQUEST", actor, recipient)


@pytest.mark.parametrize("lang, text", [
    ("en", "The company wants its profits to grow next year."),
    # what is expected of no one: an impersonal "se espera"
    ("es", "Se espera que el Parlamento discuta su aprobación el próximo curso político."),
])
def test_event_structures_wanting_to_act_oneself_is_no_demand(pipeline, lang, text):
    events = role_names(pipeline, text, lang, "2019-05-02")
    assert not any(t == "REQUEST" for t, _, _ in events), events


@pytest.mark.parametrize("text", [
    # a participle is no noun by its verb's lemma: "called" is no phone call
    "China’s nuclear and conventional missile forces are called the Second Artillery Corps.",
    "Russia - one of the parties to the Iran pact - called Trump’s comments “extremely negative.”",
])
def test_event_structures_participle_of_call_is_no_call(pipeline, text):
    events = role_names(pipeline, text, "en", "2018-01-13")
    assert not any(t == "CONSULT" for t, _, _ in events), events


@pytest.mark.parametrize("lang, text, actor", [
    ("en", "Chinese officials initially ripped Friday's announcement, calling it damaging.", "Chinese officials"),
    ("es", "Paul Ryan, el portavoz de la Cámara de Representantes, tachó al régimen de brutal.", "Paul Ryan"),
])
def test_event_structures_criticism_words(pipeline, lang, text, actor):
    names_the_act(role_names(pipeline, text, lang, "2018-06-12"), "ACCUSE", actor, None)


def test_event_structures_passive_participle_stays_a_killing(pipeline):
    # the parser takes "impactos" for an object of "muerta": with its auxiliary it is still a killing
    text = "Una persona fue muerta de varios impactos de arma de fuego, por hombres armados en la vereda Trinchera."
    names_the_act(role_names(pipeline, text, "es", "2005-03-01"), "ASSAULT", None, "persona")


@pytest.mark.parametrize("lang, text, type_, actor, recipient", [
    # the object of "prompt", "lead" does what its infinitive says
    ("en", "The North’s delegation took a different route, prompting the opposition Korea Liberty Party to "
           "accuse Moon’s administration of “abuse of power and an act of treason” by rerouting the motorcade "
           "to shield it from the protest.", "ACCUSE", "Korea Liberty Party", None),
    ("en", "That move reversed longtime U.S. policy and led Palestinian leadership to boycott Washington peace "
           "efforts led by Trump's son-in-law Jared Kushner.", "REJECT", "Palestinian leadership", None),
    # "by", "before", "after" + -ing: the main clause's subject does it
    ("en", "Israeli Prime Minister Benjamin Netanyahu said Hamas broke the accord by attacking Israeli forces "
           "about an hour after the cease-fire began.", "ASSAULT", "Hamas", "Israeli forces"),
    # a clause with its own subject is no purpose of the act it hangs on: two attacks
    ("en", "The Bancroft military acknowledged Tuesday its troops fired on and killed a Syrian combatant when "
           "government supporters attacked an American convoy in northeastern San Giacomo a day earlier.",
     "ASSAULT", "government supporters", "American convoy"),
])
def test_event_structures_doer_of_a_subjectless_clause(pipeline, lang, text, type_, actor, recipient):
    names_the_act(role_names(pipeline, text, lang, "2018-02-10"), type_, actor, recipient)


def test_event_structures_deed_before_is_no_content_of_an_accusation(pipeline):
    # "blamed X before beheading Y": the beheading is a deed of its own, not what is blamed (the
    # record's "a hooded man dressed in black blames President Obama before beheading Sotloff",
    # with the words the parser reads as a noun phrase put plainly)
    events = role_names(pipeline, "The militant blamed President Obama before beheading the journalist.",
                        "en", "2014-09-02")
    names_the_act(events, "ACCUSE", "militant", "Obama")
    names_the_act(events, "ASSAULT", "militant", "journalist")


@pytest.mark.parametrize("text", [
    "“It is my view that upholding these rights is not a threat to stability but enhances stability and is the "
    "foundation of progress,” Obama said.",
    "The environmental lawyers argued the combination of the project’s large scale, level of carbon emissions and "
    "long operating life made it a significant threat to the UK’s carbon targets.",
])
def test_event_structures_threat_named_as_what_something_is(pipeline, text):
    # a threat as the predicate of what something is: a characterisation, no threat made
    assert not any(t == "THREATEN" for t, _, _ in role_names(pipeline, text, "en", "2019-06-05"))


def test_event_structures_threat_made_stays(pipeline):
    text = ("Trump used his post as this month’s holder of the rotating Security Council presidency to level fresh "
            "threats against Iran, saying new U.S. sanctions would be imposed.")
    names_the_act(role_names(pipeline, text, "en", "2018-09-26"), "THREATEN", "Trump", "Iran")


def test_event_structures_force_used_on_the_phrase_noun(pipeline):
    # "cleared protesters": the phrase's own noun of people is whom the force is used on
    text = ("Current and former officials have condemned the commander in chief after police forcibly cleared "
            "protesters near the White House this week for a photo opportunity.")
    names_the_act(role_names(pipeline, text, "en", "2020-06-05"), "ASSAULT", "police", "protesters")
