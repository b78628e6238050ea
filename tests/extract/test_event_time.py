"""The time an event borrows from the clause that holds it (extract/event_time.py), on English
news sentences with a pinned publication date."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _when(pipeline, text: str, published: str, type_: str) -> list:
    """(start, end) of each event of one type."""
    article = pipeline(Article(text=text, lang="en", published=published))
    return [((ev.when or {}).get("start"), (ev.when or {}).get("end")) for ev in article.events if ev.type == type_]


@pytest.mark.parametrize("text, published, type_, day", [
    ("Iran said on Saturday it would retaliate against new sanctions imposed by the United States.", "2018-01-14",
     "THREATEN", "2018-01-13"),
    ("Trump said on Friday he would waive nuclear sanctions on Iran for the last time.", "2018-01-14",
     "CONCEDE", "2018-01-12"),
])
def test_event_time_announced_act_takes_the_time_of_saying(pipeline, text, published, type_, day):
    assert (day, day) in _when(pipeline, text, published, type_)


@pytest.mark.parametrize("text, published, type_, day", [
    ("The Philippine government announced that the patrol vessel had sustained minor damage on Friday last week "
     "when it was deliberately sideswiped by a Chinese maritime militia vessel.", "2024-10-16", "ASSAULT",
     "2024-10-11"),
])
def test_event_time_simultaneous_clause_shares_main_time(pipeline, text, published, type_, day):
    assert (day, day) in _when(pipeline, text, published, type_)


@pytest.mark.parametrize("text, published, type_", [
    ("Israel said on Friday that militants had attacked its troops near the border.", "2014-08-01", "ASSAULT"),
])
def test_event_time_reported_past_act_keeps_its_own_time(pipeline, text, published, type_):
    assert _when(pipeline, text, published, type_) == [(None, None)]
