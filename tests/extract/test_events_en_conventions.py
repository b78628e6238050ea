"""English event conventions shared with event coders: recipients of announced acts,
places as recipients, purposes, refusals and the object of a sanction.

Sentences come from the PLOVER gold standard records in ../shared/data/events.
"""
from __future__ import annotations

import json

import pytest

from cronica.model import Article

GSR = "plover-gsr-cameo-en.jsonl"


@pytest.fixture(scope="module")
def gsr_text(shared_data):
    """Sentence of a PLOVER gold record by id."""
    with open(shared_data / "events" / GSR, encoding="utf-8") as f:
        records = {r["id"]: r["text"] for r in map(json.loads, f)}
    return records.__getitem__


def _events(pipeline, text: str) -> list[tuple]:
    """(type, actor countries, recipient countries) of each event of one English text."""
    article = pipeline(Article(text=text, lang="en"))
    countries = {e.id: e.country for e in article.entities}
    return [(ev.type, {countries.get(i) for i in ev.source}, {countries.get(i) for i in ev.target})
            for ev in article.events]


def _coded(events, type_: str, actor: str | None, recipient: str) -> bool:
    return any(t == type_ and (actor is None or actor in src) and recipient in tgt for t, src, tgt in events)


@pytest.mark.parametrize("record, type_, actor, recipient", [
    ("PLOVER-GSR01-THREATEN-0002", "THREATEN", "IRN", "AZE"),   # threatened to cut off electricity to ...
    ("PLOVER-GSR01-THREATEN-0005", "THREATEN", "AZE", "RUS"),   # threatened to break relations with Russia
    ("PLOVER-GSR01-REJECT-0011", "REJECT", "PAK", "IRQ"),       # refused to deploy peacekeepers in Iraq
])
def test_events_en_conventions_announced_act_lends_recipient(pipeline, gsr_text, record, type_, actor, recipient):
    assert _coded(_events(pipeline, gsr_text(record)), type_, actor, recipient)


@pytest.mark.parametrize("record, type_, actor, recipient", [
    ("PLOVER-GSR01-CONCEDE-0005", "CONCEDE", "SRB", "MNE"),     # lifted a night curfew in Montenegro
    ("PLOVER-GSR01-PROTEST-0002", "PROTEST", None, "SRB"),      # demonstrated on Tuesday in Serbia
])
def test_events_en_conventions_place_is_recipient(pipeline, gsr_text, record, type_, actor, recipient):
    assert _coded(_events(pipeline, gsr_text(record)), type_, actor, recipient)


@pytest.mark.parametrize("record, governed", [
    ("PLOVER-GSR01-REJECT-0011", "MOBILIZE"),    # the deployment refused did not happen
    ("PLOVER-GSR01-REJECT-0013", "CONCEDE"),     # declined to resign
])
def test_events_en_conventions_refused_act_is_no_event(pipeline, gsr_text, record, governed):
    events = _events(pipeline, gsr_text(record))
    assert any(t == "REJECT" for t, _, _ in events)
    assert not any(t == governed for t, _, _ in events)


@pytest.mark.parametrize("record, recipient", [
    ("PLOVER-GSR01-PROTEST-0007", "SWE"),   # began a hunger strike ... to protest against Sweden's decision
])
def test_events_en_conventions_purpose_is_one_event(pipeline, gsr_text, record, recipient):
    protests = [e for e in _events(pipeline, gsr_text(record)) if e[0] == "PROTEST"]
    assert len(protests) == 1 and recipient in protests[0][2]


@pytest.mark.parametrize("record, type_, actor, recipient", [
    ("PLOVER-GSR01-SANCTION-0003", "SANCTION", "CHE", "RUS"),   # expelled two Russian diplomats
    ("PLOVER-GSR01-SANCTION-0006", "SANCTION", "JPN", "SRB"),   # halted economic aid to Serbia
])
def test_events_en_conventions_sanction_recipient(pipeline, gsr_text, record, type_, actor, recipient):
    assert _coded(_events(pipeline, gsr_text(record)), type_, actor, recipient)


@pytest.mark.parametrize("text, actor", [
    ("Syria says it will not accept any more refugees if war starts in Iraq.", "SYR"),
    ("Turkey said it would not provide support to the rebels.", "TUR"),
    ("Obama said he would not provide support to Israel", "USA"),
    ("Serbia said it would not release the prisoners.", "SRB"),
])
def test_events_en_conventions_negated_cooperation_is_refusal(pipeline, text, actor):
    events = _events(pipeline, text)
    assert any(t == "REJECT" and actor in src for t, src, _ in events)
    assert not any(t in ("AGREE", "CONCEDE") for t, _, _ in events)


@pytest.mark.parametrize("record, recipient", [
    ("PLOVER-GSR01-PROTEST-0004", "IDN"),   # staged mass demonstrations to demand reforms by Suharto's government
    ("PLOVER-GSR01-PROTEST-0018", "DZA"),   # blocked roads in Algiers demanding that he be reinstated
])
def test_events_en_conventions_protest_demand_is_one_event(pipeline, gsr_text, record, recipient):
    events = _events(pipeline, gsr_text(record))
    assert any(t == "PROTEST" and recipient in tgt for t, _, tgt in events)
    assert not any(t == "REQUEST" for t, _, _ in events)


@pytest.mark.parametrize("record, actor, recipient", [
    ("PLOVER-GSR01-THREATEN-0015", "FRA", "FRA"),   # farmers said they would blockade Paris
])
def test_events_en_conventions_announced_force_is_threat(pipeline, gsr_text, record, actor, recipient):
    events = _events(pipeline, gsr_text(record))
    assert _coded(events, "THREATEN", actor, recipient)
    assert not any(t == "PROTEST" for t, _, _ in events)


@pytest.mark.parametrize("text, recipient", [
    ("Israel accuses militants of using Gaza civilians as human shields.", "militants"),
    ("Obama and Ban Ki-moon demanded the soldier's release and blamed Hamas for the resumption of violence.",
     "Hamas"),
])
def test_events_en_conventions_accused_is_the_object(pipeline, text, recipient):
    article = pipeline(Article(text=text, lang="en"))
    names = {e.id: e.name for e in article.entities}
    accusations = [ev for ev in article.events if ev.type == "ACCUSE"]
    assert accusations and all(any(names[i].startswith(recipient) for i in ev.target) for ev in accusations)


@pytest.mark.parametrize("text", ["Israel and Hamas each accused the other of shattering the cease-fire."])
def test_events_en_conventions_reciprocal_accusation(pipeline, text):
    article = pipeline(Article(text=text, lang="en"))
    accusation = next(ev for ev in article.events if ev.type == "ACCUSE")
    assert len(accusation.source) == 2 and set(accusation.target) == set(accusation.source)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("Iran said on Saturday it would retaliate against new sanctions imposed by the United States.",
     "THREATEN", "IRN", "USA"),
    ("Manila accused Beijing's maritime militia of sideswiping a Philippine civilian patrol boat.",
     "ACCUSE", "PHL", "CHN"),
])
def test_events_en_conventions_reaction_aims_at_author(pipeline, text, type_, actor, recipient):
    assert _coded(_events(pipeline, text), type_, actor, recipient)


@pytest.mark.parametrize("text", ["The violence continued for a third day.", "There were reports of looting overnight."])
def test_events_en_conventions_act_of_no_one_is_not_coded(pipeline, text):
    assert pipeline(Article(text=text, lang="en")).events == []


@pytest.mark.parametrize("text, actor, recipient", [
    ("Thousands of additional Russian troops were deployed to Belarus on Monday.", "RUS", "BLR"),
])
def test_events_en_conventions_deployed_forces_act(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "MOBILIZE", actor, recipient)


@pytest.mark.parametrize("text, actor, recipient", [
    ("Beijing has vowed it would never rule out using force to take Taiwan.", "CHN", "TWN"),
])
def test_events_en_conventions_vow_of_force_is_threat(pipeline, text, actor, recipient):
    events = _events(pipeline, text)
    assert _coded(events, "THREATEN", actor, recipient)
    assert not any(t in ("AGREE", "ASSAULT") for t, _, _ in events)


@pytest.mark.parametrize("text, actor, recipient", [
    ("India responded with an airstrike inside Pakistan in February.", "IND", "PAK"),
    ("Russia used the Oreshnik ballistic missile during a mass drone and missile attack on Kyiv on Sunday.",
     "RUS", "UKR"),
    ("Netanyahu said Hamas broke the accord by attacking Israeli forces.", None, "ISR"),
])
def test_events_en_conventions_clause_lends_actor(pipeline, text, actor, recipient):
    events = _events(pipeline, text)
    assert _coded(events, "ASSAULT", actor, recipient)
    assert all(src for t, src, _ in events if t == "ASSAULT")


@pytest.mark.parametrize("text, actor, recipient", [
    ("Obama is scheduled to attend a summit in Switzerland next week.", "USA", "CHE"),
])
def test_events_en_conventions_attendee_of_meeting(pipeline, text, actor, recipient):
    assert _coded(_events(pipeline, text), "CONSULT", actor, recipient)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("France is ready to contribute up to 4,000 troops to an international peace-keeping force in Liberia.",
     "AGREE", "FRA", "LBR"),
    ("Israel is ready to strike Iran's nuclear sites.", "THREATEN", "ISR", "IRN"),
])
def test_events_en_conventions_readiness_is_offer_or_threat(pipeline, text, type_, actor, recipient):
    assert _coded(_events(pipeline, text), type_, actor, recipient)


@pytest.mark.parametrize("text, actor, other", [("Russia and Ukraine negotiated for three hours on Friday.", "RUS", "UKR")])
def test_events_en_conventions_mutual_meeting(pipeline, text, actor, other):
    assert _coded(_events(pipeline, text), "CONSULT", actor, other)


@pytest.mark.parametrize("text", [
    "Duduzile Zuma-Sambudla pleaded not guilty to the charges when she appeared before the Durban high court.",
    "The former minister pleaded innocent to all charges on Monday.",
])
def test_events_en_conventions_plea_of_innocence_is_denial(pipeline, text):
    assert any(t == "REJECT" for t, _, _ in _events(pipeline, text))
    assert not any(t == "REQUEST" for t, _, _ in _events(pipeline, text))
