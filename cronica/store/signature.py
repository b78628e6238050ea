"""The language-independent signature of a stored article's lead, for linking across languages.

A wire story told in Spanish and in English shares little surface text but much that
cronica already writes in canonical form: entity keys (`RUS`, `person:sergei-lavrov`),
the figures reported (8.000 and 8,000 are one value), the days its times resolve to,
its event types, and its publication day. The signature keeps those of the title and
lead only (the part a translation always keeps), plus the lead text for the embedding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .keys import entity_key

LEAD_CHARS = 1500  # about the first eight sentences of a news article
_LEAD_SLACK = 400  # how far past LEAD_CHARS the lead may run to end at a sentence
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]*\s|\n")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+|\n+")
MAX_SENTENCES = 12
MIN_SENTENCE_CHARS = 20  # shorter lines are bylines, captions and credits
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

# Weight of a shared key: a named person, organisation or place is rarer evidence than a
# country or a kind of actor of a country (`org:army:THA`), which many stories of a week share.
NAME_WEIGHT = 2.0
KIND_WEIGHT = 1.5
COUNTRY_WEIGHT = 1.0
_TYPED_NAME = re.compile(r"^(?:person|org|loc|place|gpe|misc|event|group):([^:]+)$")
_NATIONALITY = re.compile(r"^norp:([A-Z]{3})$")


@dataclass
class Signature:
    """What two articles in two languages are compared by."""

    lang: str | None
    day: str | None
    lead: str
    keys: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    days: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


def key_atom(key: str) -> str:
    """The part of an entity key both languages agree on.

    A nationality is its country (`norp:RUS` -> `RUS`); a typed name loses its type, which
    the two models may guess differently (`org:sewol`, `person:sewol` -> `sewol`); a kind of
    actor of a country (`org:army:THA`) and a country code stay as they are.
    """
    found = _NATIONALITY.match(key)
    if found:
        return found.group(1)
    found = _TYPED_NAME.match(key)
    return found.group(1) if found else key


def key_weight(atom: str) -> float:
    """How much a shared key atom counts: a country 1, a kind of actor 1.5, a name 2."""
    if _COUNTRY.match(atom):
        return COUNTRY_WEIGHT
    return KIND_WEIGHT if ":" in atom else NAME_WEIGHT


def lead_end(text: str, limit: int = LEAD_CHARS) -> int:
    """Where the lead of `text` ends: the first sentence end past `limit` characters.

    Args:
        text: the article body.
        limit: the lead's least length.
    Returns:
        a character offset into `text`.
    """
    if len(text) <= limit:
        return len(text)
    found = _SENTENCE_END.search(text, limit, limit + _LEAD_SLACK)
    return found.end() if found else limit


def _in_lead(span_start, end: int) -> bool:
    return isinstance(span_start, int) and 0 <= span_start < end


def _lead_keys(record: dict, end: int) -> list[str]:
    keys = set()
    for entity in record.get("entities") or []:
        if any(_in_lead(m[0], end) for m in entity.get("mentions") or [] if m):
            keys.add(key_atom(entity_key(entity)))
    return sorted(keys)


def _lead_numbers(record: dict, end: int) -> list[float]:
    """Values of the lead's figures; small counts (one, two weeks) say little and are left out."""
    values = set()
    for quantity in record.get("quantities") or []:
        if not _in_lead(quantity.get("start"), end):
            continue
        for value in (quantity.get("min"), quantity.get("max")):
            if isinstance(value, (int, float)) and abs(value) >= 10:
                values.add(float(value))
    return sorted(values)


def _lead_days(record: dict, end: int) -> list[str]:
    days = set()
    for time in record.get("times") or []:
        if _in_lead(time.get("start_char"), end) and time.get("granularity") == "day" and time.get("start"):
            days.add(str(time["start"])[:10])
    return sorted(days)


def _lead_events(record: dict, end: int) -> list[str]:
    types = set()
    for event in record.get("events") or []:
        evidence = event.get("evidence") if isinstance(event.get("evidence"), dict) else {}
        if _in_lead(evidence.get("start"), end) and event.get("type"):
            types.add(str(event["type"]))
    return sorted(types)


def make_signature(record: dict) -> Signature:
    """The signature of a contract record's title and lead.

    Args:
        record: a `cronica.document/1` dict.
    Returns:
        Signature (day: the publication day, or None when the record has none).
    """
    text = record.get("text") or ""
    end = lead_end(text)
    title = (record.get("title") or "").strip()
    lead = "\n".join(part for part in (title, text[:end].strip()) if part)
    published = str(record.get("published") or "")
    day = published[:10] if _DAY.match(published) else None  # a month or a year is no day
    return Signature(lang=record.get("lang"), day=day, lead=lead,
                     keys=_lead_keys(record, end), numbers=_lead_numbers(record, end),
                     days=_lead_days(record, end), events=_lead_events(record, end))


def lead_sentences(lead: str) -> list[str]:
    """The sentences of a lead (title first), each long enough to say something.

    Args:
        lead: `Signature.lead`.
    Returns:
        at most MAX_SENTENCES sentences, in order.
    """
    parts = (part.strip() for part in _SENTENCE_SPLIT.split(lead) if part)
    return [part for part in parts if len(part) >= MIN_SENTENCE_CHARS][:MAX_SENTENCES]
