"""English aid: money approved for someone is aid to them."""
from __future__ import annotations

import pytest

from cronica.model import Article


@pytest.mark.parametrize("text, actor, recipient", [
    ("The U.S. House and Senate yesterday approved $225 million in emergency spending for Israel's Iron Dome "
     "missile-defense system.", "USA", "ISR"),
])
def test_events_en_aid_beneficiary_is_recipient(pipeline, text, actor, recipient):
    article = pipeline(Article(text=text, lang="en", published="2014-08-01"))
    countries = {e.id: e.country for e in article.entities}
    assert any(ev.type == "AID" and actor in {countries[i] for i in ev.source}
               and recipient in {countries[i] for i in ev.target} for ev in article.events)
