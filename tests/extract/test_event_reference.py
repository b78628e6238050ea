"""What a pronoun or a definite place noun stands for when an act is done to it
(extract/event_reference.py), on English news sentences."""
from __future__ import annotations

import pytest

from cronica.model import Article
from event_records import coded


def _targets(pipeline, text: str, type_: str) -> list[set]:
    """Names and countries of the recipients of each event of one type."""
    article = pipeline(Article(text=text, lang="en", published="2019-08-07"))
    ents = {e.id: e for e in article.entities}
    return [{x for i in ev.target for x in (ents[i].name, ents[i].country) if x}
            for ev in article.events if ev.type == type_]


@pytest.mark.parametrize("text, type_, recipient", [
    # a pronoun
    pytest.param("How the 7 million people in the Kashmir Valley were reacting was unclear, because the Indian "
                 "government shut off most communication with it.", "COERCE", "Kashmir Valley", id="pronoun-it"),
    pytest.param("Beijing considers Taiwan part of its territory and has vowed it would never rule out using force "
                 "to take it.", "THREATEN", "TWN", id="pronoun-take-it"),
    # a definite place noun
    pytest.param("The Indian government shut off most communication with the Kashmir Valley. Thousands of "
                 "additional troops were deployed to the already heavily militarized region.", "MOBILIZE",
                 "Kashmir Valley", id="noun-the-region"),
    pytest.param("Turkey moved into Syria after Trump announced that he was pulling U.S. troops from the area.",
                 "RETREAT", "SYR", id="noun-the-area"),
])
def test_event_reference_is_the_place_named_before(pipeline, text, type_, recipient):
    assert any(recipient in found for found in _targets(pipeline, text, type_))


@pytest.mark.parametrize("text, type_, wrong", [
    ("The Indian government shut off most communication with it.", "COERCE", "IND"),
])
def test_event_reference_subject_is_never_the_referent(pipeline, text, type_, wrong):
    assert not any(wrong in found for found in _targets(pipeline, text, type_))


@pytest.mark.parametrize("text, type_, actor", [
    ("President Donald Trump announced sanctions on Turkey on Monday. The president has defended his decision to "
     "pull troops from Syria.", "RETREAT", "USA"),
])
def test_event_reference_definite_title_is_the_one_holder(pipeline, text, type_, actor):
    assert coded(pipeline, text, "en", "2019-10-14", type_, actor)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("President-elect Donald Trump spoke on Saturday. Last month the president-elect received a congratulatory phone "
     "call from Taiwan's president.", "CONSULT", "TWN", "Donald Trump"),
])
def test_event_reference_received_act_comes_from_its_sender(pipeline, text, type_, actor, recipient):
    article = pipeline(Article(text=text, lang="en", published="2016-12-17"))
    ents = {e.id: e for e in article.entities}
    assert any(actor in {ents[i].country for i in ev.source} and recipient in {ents[i].name for i in ev.target}
               for ev in article.events if ev.type == type_)
