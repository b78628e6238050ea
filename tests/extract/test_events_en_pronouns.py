"""English pronoun subjects of events: who "they" or "I" stands for."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _sources(pipeline, text: str, type_: str) -> list[set]:
    article = pipeline(Article(text=text, lang="en", published="2019-10-10"))
    names = {e.id: e.name for e in article.entities}
    return [{names[i] for i in ev.source} for ev in article.events if ev.type == type_]


@pytest.mark.parametrize("text, type_, reporter", [
    ("The abductors have made contact with officials. Initially, they asked for about $82,327 per student, "
     "Morning Star News reported.", "REQUEST", "Morning Star News"),
])
def test_events_en_pronouns_plural_is_not_the_reporter(pipeline, text, type_, reporter):
    found = _sources(pipeline, text, type_)
    assert found and not any(reporter in names for names in found)


@pytest.mark.parametrize("text, type_, speaker", [
    ("Hong Kong leader Carrie Lam said she was formally withdrawing the bill.", "CONCEDE", "Carrie Lam"),
])
def test_events_en_pronouns_same_person_is_the_speaker(pipeline, text, type_, speaker):
    assert any(speaker in names for names in _sources(pipeline, text, type_))


@pytest.mark.parametrize("text, type_, speaker", [
    ("Trump reiterated his warning to Turkey on Monday. “I am fully prepared to swiftly destroy Turkey's economy if "
     "Turkish leaders continue down this dangerous path,” he said.", "THREATEN", "Trump"),
])
def test_events_en_pronouns_first_person_of_a_quote_is_its_speaker(pipeline, text, type_, speaker):
    assert any(speaker in names for names in _sources(pipeline, text, type_))


@pytest.mark.parametrize("text, type_, actor", [
    # a pronoun in a clause set before its main clause looks ahead to the main clause's named subject
    ("A day after it launched an airstrike outside of Damascus, killing scores of Syrian soldiers, Israel sought to "
     "play down the attack as a strike against regime-ally Hezbollah, not President Bashar al-Assad.",
     "ASSAULT", "Israel"),
])
def test_events_en_pronouns_fronted_clause_looks_ahead(pipeline, text, type_, actor):
    assert any(actor in names for names in _sources(pipeline, text, type_))

