"""English aid: money approved for someone is aid to them."""
from __future__ import annotations

import pytest

from event_records import coded


@pytest.mark.parametrize("text, actor, recipient", [
    ("The U.S. House and Senate yesterday approved $225 million in emergency spending for Israel's Iron Dome "
     "missile-defense system.", "USA", "ISR"),
])
def test_events_en_aid_beneficiary_is_recipient(pipeline, text, actor, recipient):
    assert coded(pipeline, text, "en", "2014-08-01", "AID", actor, recipient)
