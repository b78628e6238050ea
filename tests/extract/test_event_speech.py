"""Verbal acts read from what is said: verdicts on acts, wrongs said to be done, conditional
threats (extract/event_speech.py), on English news sentences."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _events(pipeline, text: str, published: str = "2019-08-07") -> list[tuple]:
    """(type, actor countries and names, recipient countries and names, trigger) per event."""
    article = pipeline(Article(text=text, lang="en", published=published))
    ents = {e.id: e for e in article.entities}

    def side(ids):
        return {x for i in ids for x in (ents[i].country, ents[i].name) if x}
    return [(ev.type, side(ev.source), side(ev.target), ev.trigger["text"]) for ev in article.events]


def _coded(events, type_: str, actor: str, recipient: str | None) -> bool:
    return any(t == type_ and actor in src and (recipient is None or recipient in tgt) for t, src, tgt, _ in events)


@pytest.mark.parametrize("text, actor, recipient", [
    ("Russian Deputy Foreign Minister Sergei Ryabkov called Trump's remarks “extremely negative”, RIA state "
     "news agency reported.", "RUS", "USA"),
    ("Leahy's spokesman David Carle called the U.S. charges against the senator politically motivated.",
     "David Carle", "USA"),
    ("Russian troops seized the port of Berdyansk on Monday. Ukraine's foreign minister described the move as an "
     "act of aggression.", "UKR", "RUS"),
])
def test_event_speech_verdict_of_naming_is_accusation(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "ACCUSE", actor, recipient)


@pytest.mark.parametrize("text", [
    "Russian Deputy Foreign Minister Sergei Ryabkov called Trump's remarks “extremely negative”.",
])
def test_event_speech_verdict_is_no_phone_call(pipeline, text):
    assert not any(t == "CONSULT" for t, *_ in _events(pipeline, text))


@pytest.mark.parametrize("text, judged", [
    ("Washington imposed sanctions on the head of Iran's judiciary on Friday. Describing the sanctions against "
     "Larijani as “hostile action”, Iran's Foreign Ministry said the move violates international law.", "SANCTION"),
])
def test_event_speech_judged_act_is_the_one_told_before(pipeline, text, judged):
    events = _events(pipeline, text)
    assert _coded(events, "ACCUSE", "IRN", "USA")
    assert [t for t, *_ in events].count(judged) == 1


@pytest.mark.parametrize("text, actor, recipient", [
    ("Philippine presidential spokesman Salvador Panelo said the U.S. travel restrictions were nonsense.",
     "Salvador Panelo", "USA"),
    ("Iran's Foreign Minister Mohammad Javad Zarif said Trump's move amounts to desperate attempts to undermine "
     "a solid multilateral agreement.", "IRN", "USA"),
])
def test_event_speech_reported_verdict_is_accusation(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "ACCUSE", actor, recipient)


@pytest.mark.parametrize("text, actor, recipient", [
    ("Gaza Health Ministry spokesman Ashraf al-Qedra told reporters Israel violated the truce by shelling Rafah.",
     "Ashraf al-Qedra", "ISR"),
    ("Israeli Prime Minister Benjamin Netanyahu said Hamas broke the accord by attacking Israeli forces.",
     "ISR", "Hamas"),
])
def test_event_speech_reported_wrong_is_accusation(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "ACCUSE", actor, recipient)


@pytest.mark.parametrize("text", [
    "Israeli Prime Minister Benjamin Netanyahu said Hamas broke the news to its supporters on Tuesday.",
    "Philippine presidential spokesman Salvador Panelo said the U.S. travel restrictions were not illegal.",
    "The Pakistani foreign minister called the meeting for Tuesday in Islamabad.",
])
def test_event_speech_no_verdict_no_accusation(pipeline, text):
    assert not any(t == "ACCUSE" for t, *_ in _events(pipeline, text))


@pytest.mark.parametrize("text", [
    "Organizer Christine Ahn said the crossing itself was a success and a historic event.",
])
def test_event_speech_verdict_on_no_ones_act_is_no_event(pipeline, text):
    assert not any(t in ("SUPPORT", "ACCUSE") for t, *_ in _events(pipeline, text))


@pytest.mark.parametrize("text", [
    "Ukrainian Ambassador Andrii Melnyk denied the Russian accusations of war crimes, calling them lies.",
])
def test_event_speech_verdict_as_manner_of_denial(pipeline, text):
    events = _events(pipeline, text)
    assert any(t == "REJECT" and "UKR" in src for t, src, _, _ in events)
    assert not any(t == "ACCUSE" and "UKR" in src for t, src, _, _ in events)


@pytest.mark.parametrize("text, actor, recipient", [
    ("Pakistan's Prime Minister Imran Khan addressed Parliament on Tuesday night. “If India attacks us, we will "
     "respond,” Khan said.", "PAK", "IND"),
])
def test_event_speech_conditional_threat(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "THREATEN", actor, recipient)


@pytest.mark.parametrize("text, actor, recipient", [
    ("The Pakistani foreign minister warned that India's move would lead to a war in the region.", "PAK", "IND"),
])
def test_event_speech_warning_of_harm_is_threat(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "THREATEN", actor, recipient)


@pytest.mark.parametrize("text", [
    "The Pakistani foreign minister warned that India's economy would slow down next year.",
])
def test_event_speech_warning_without_harm_is_no_threat(pipeline, text):
    assert not any(t == "THREATEN" for t, *_ in _events(pipeline, text))
