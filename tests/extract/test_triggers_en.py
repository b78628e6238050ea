"""English trigger readings that depend on the words around the trigger word."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _types(pipeline, text: str) -> list[str]:
    return [ev.type for ev in pipeline(Article(text=text, lang="en", published="2020-01-06")).events]


@pytest.mark.parametrize("text, absent", [
    ("Names of the other victims and the wounded have not been released, CNN reports.", "RETREAT"),
    ("The president released a statement Monday on the sanctions against Turkey.", "RETREAT"),
    ("Kerry has been in touch with both countries, according to a U.S. official who asked not to be identified.",
     "REQUEST"),
    ("The western Philippine island of Palawan is also to host part of the drills.", "CONSULT"),
])
def test_triggers_en_word_that_names_no_act(pipeline, text, absent):
    assert absent not in _types(pipeline, text)


@pytest.mark.parametrize("text, present", [
    ("Rebels released two hostages in the town of Gao on Monday.", "RETREAT"),
    ("Israeli air strikes hit the Gaza Strip overnight.", "ASSAULT"),
    ("China will return a U.S. drone that its navy seized in the South China Sea.", "RETREAT"),
    # flights cut off to punish a country
    ("Saudi’s state airline said it was suspending flights to and from Toronto.", "SANCTION"),
    # a phone call told as speaking "by phone"
    ("Amid the escalating tensions, President Obama spoke by telephone Thursday with Mr. Netanyahu to congratulate "
     "him on his reelection.", "CONSULT"),
    ("Abe, who talked by phone with Trump on Monday, said the two leaders plan to seek cooperation.", "CONSULT"),
    # a crowd driven off by force
    ("Current and former officials have condemned the commander in chief after police forcibly cleared protesters "
     "near the White House this week for a photo opportunity.", "ASSAULT"),
])
def test_triggers_en_word_that_names_an_act(pipeline, text, present):
    assert present in _types(pipeline, text)
