"""Find the dateline at the start of an article body (`SEOUL:`, `WASHINGTON (AP) —`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang.loader import load


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern:
    return re.compile(load("xx", "boilerplate")["dateline"]["pattern"])


def find_dateline(text: str) -> dict | None:
    """Return `{text, place, start, end, lead_end}` for a dateline opening `text`, or None.

    `place` is filled later with the id of the entity the dateline names; `lead_end` is where
    the dateline with its agency and dash ends ("Cairo (AFP) - "): no name before it acts.
    """
    match = _pattern().match(text)
    if not match:
        return None
    place = match.group("place").strip(" .-")
    if len(place) < 3 or not any(c.isalpha() for c in place):
        return None
    start = match.start("place")
    return {"text": place, "place": None, "start": start, "end": start + len(place), "lead_end": match.end()}
