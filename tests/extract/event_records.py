"""Helpers shared by the event tests: the record of a news sentence read as raw text, its
events of one type, and the names of the entities an event's roles point to."""
from __future__ import annotations

from cronica.model import Article, to_record


def extract(pipeline, text: str, lang: str, published: str) -> tuple[dict, dict]:
    """The contract record of `text` and its entities by id."""
    record = to_record(pipeline(Article(text=text, lang=lang, published=published, raw=True)))
    return record, {e["id"]: e for e in record["entities"]}


def of_type(record: dict, type_: str) -> list[dict]:
    return [e for e in record["events"] if e["type"] == type_]


def names(ids: list[str], entities: dict) -> str:
    """The lower-case names of the entities `ids`, space-joined, for substring checks."""
    return " ".join(entities[i]["name"] for i in ids).lower()


def coded(pipeline, text: str, lang: str, published: str, type_: str,
          actor: str | None = None, recipient: str | None = None) -> bool:
    """Whether `text` yields an event of `type_` whose actor (and recipient) countries
    include `actor` (and `recipient`); None leaves a role unchecked."""
    article = pipeline(Article(text=text, lang=lang, published=published))
    countries = {e.id: e.country for e in article.entities}
    return any(ev.type == type_ and (actor is None or actor in {countries[i] for i in ev.source})
               and (recipient is None or recipient in {countries[i] for i in ev.target})
               for ev in article.events)


def role_names(pipeline, text: str, lang: str, published: str) -> list[tuple]:
    """(type, actor names, recipient names) of each event of `text`."""
    article = pipeline(Article(text=text, lang=lang, published=published))
    by_id = {e.id: e.name for e in article.entities}
    return [(ev.type, [by_id.get(i) for i in ev.source], [by_id.get(i) for i in ev.target]) for ev in article.events]


def names_the_act(events: list[tuple], type_: str, actor: str | None, recipient: str | None) -> None:
    """Assert that `events` (from `role_names`) hold one of `type_` whose actor names include
    `actor` and one whose recipient names include `recipient` (None leaves a role unchecked)."""
    found = [(s, t) for ty, s, t in events if ty == type_]
    assert found, events
    if actor:
        assert any(actor in s for s, _ in found), found
    if recipient:
        assert any(recipient in t for _, t in found), found
