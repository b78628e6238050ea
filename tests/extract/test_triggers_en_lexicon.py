"""English trigger lexicon: words and light-verb phrases that news uses for PLOVER acts.

Sentences are adapted from English news stories; each asserts the type of the act (and its
actor or recipient where the sentence names them), and a few assert that a near-miss use
of a word names no act of that type.
"""
from __future__ import annotations

import pytest

from cronica.model import Article


def _events(pipeline, text: str):
    article = pipeline(Article(text=text, lang="en", published="2019-08-06"))
    names = {e.id: e.name for e in article.entities}
    return [(ev.type, [names.get(i) for i in ev.source], [names.get(i) for i in ev.target]) for ev in article.events]


def _types(pipeline, text: str) -> list[str]:
    return [type_ for type_, _, _ in _events(pipeline, text)]


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # verbs
    ("The French government summoned the US ambassador on Monday over the spying report.",
     "ACCUSE", "French government", "United States"),
    ("The Philippines has barred two U.S. senators from entering the country.", "COERCE", "Philippines", "United States"),
    ("A report said the US agency had also hacked the email of former Mexican President Felipe Calderon.",
     "COERCE", "US agency", "Felipe Calderon"),
    ("A court in Pyongyang sentenced the American student to 15 years of hard labor.",
     "COERCE", "court in Pyongyang", "American student"),
    ("Gunmen beheaded two policemen in southern Thailand on Saturday.", "ASSAULT", "Gunmen", "policemen"),
    ("Two men hijacked a car and kidnapped a hostage outside Paris on Thursday.", "ASSAULT", "men", None),
    ("The Sunday protests turned violent when police fired tear gas to disperse the crowds.", "ASSAULT", "police", None),
    ("Italy's coast guard rescued 130 migrants off Libya on Sunday.", "AID", "Italy", None),
    ("Rebels in northern Mali disbanded their militia on Monday.", "RETREAT", "Rebels in northern Mali", None),
    # nouns
    ("Germany paid tribute to the victims of the attack.", "SUPPORT", "Germany", None),
    ("China held huge military drills around Taiwan on Monday.", "MOBILIZE", "China", "Taiwan"),
    ("The government imposed a lockdown on Kashmir on Monday.", "COERCE", "government", None),
    ("The government made concessions to the striking miners on Wednesday.", "CONCEDE", "government", "striking miners"),
    # light-verb and particle phrases
    ("Japan's prime minister offered an apology to South Korea on Friday.", "SUPPORT", "prime minister", "South Korea"),
    ("India's parliament ratified the border treaty with Bangladesh on Thursday.",
     "AGREE", "India's parliament", "Bangladesh"),
    ("Pakistan's foreign minister hit out at India on Wednesday over the Kashmir lockdown.",
     "ACCUSE", "foreign minister", "India"),
    ("Mexican President Claudia Sheinbaum lashed out at the United States on Tuesday.",
     "ACCUSE", "Claudia Sheinbaum", "United States"),
    ("Police rounded up dozens of activists in Minsk on Sunday.", "COERCE", "Police", None),
    ("The United States pulled out of the Trans-Pacific Partnership in 2017.", "RETREAT", "United States", None),
    ("Protesters threw stones at police in Hong Kong on Sunday.", "PROTEST", "Protesters", None),
    ("Armed men set fire to a church in Lahore.", "ASSAULT", "Armed men", None),
    ("The North Korean authorities turned down the request of the women activists.",
     "REJECT", "North Korean authorities", None),
    # a particle the parser takes for an adverb still completes the phrase
    ("The defence minister stepped down on Friday after the procurement scandal.", "CONCEDE", "defence minister",
     None),
    ("The army pulled back from the border on Monday.", "RETREAT", "army", None),
])
def test_triggers_en_lexicon_names_the_act(pipeline, text, type_, actor, recipient):
    events = [(s, t) for ty, s, t in _events(pipeline, text) if ty == type_]
    assert events, _events(pipeline, text)
    if actor:
        assert any(actor in s for s, _ in events), events
    if recipient:
        assert any(recipient in t for _, t in events), events


@pytest.mark.parametrize("text, absent", [
    # "hit out at" is a verbal attack, not a blow
    ("Pakistan's foreign minister hit out at India on Wednesday over the Kashmir lockdown.", "ASSAULT"),
    # only a treaty, pact or deal ratified is an agreement, not an appointment
    ("Lutnick's appointment was ratified by the U.S. Senate on Tuesday.", "AGREE"),
    # a currency that appreciates praises no one
    ("The yuan appreciated against the dollar on Monday.", "SUPPORT"),
    # sending asylum-seekers home is no return of what was taken
    ("There is already hostility in Israel toward asylum-seekers from Africa and a concerted government effort "
     "to repatriate them.", "RETREAT"),
    # a state of affairs, not an act
    ("Christian persecution in Nigeria is rampant.", "COERCE"),
    # meeting a standard is no meeting; releasing information frees no one, told as a noun too
    ("India has failed to meet the eligibility criterion for the trade preferences.", "CONSULT"),
    ("Investigators asked whether aides had coordinated the release of damaging information about the "
     "campaign.", "RETREAT"),
])
def test_triggers_en_lexicon_near_miss(pipeline, text, absent):
    assert absent not in _types(pipeline, text)
