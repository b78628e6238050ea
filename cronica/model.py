"""The data model: one `Article` with stand-off annotations, and its contract record.

Every annotation is a `[start, end)` character span into `article.text`. Only this
module converts between objects and the `cronica.document/1` record (see CONTRACT.md).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "cronica.document/1"


@dataclass
class Flag:
    """A note about the text: damage found or boilerplate removed."""

    kind: str
    text: str
    start: int | None = None
    end: int | None = None
    resolved_to: str | None = None


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    """A name in the text, before mentions are merged into entities."""

    start: int
    end: int
    text: str
    type: str
    source: str = "model"  # model, gazetteer, title, masked


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)
    key: str | None = None  # canonical key shared across articles and languages
    # where a country not stated beside the name came from: "article" (the one holder of a
    # role the article pairs with a country, or the article's own country for its officials),
    # "knowledge" (what other articles state); absent when the text states it
    country_from: str | None = None


@dataclass
class TimeExpr:
    id: str
    text: str
    start_char: int
    end_char: int
    start: str | None
    end: str | None
    granularity: str = "unknown"


@dataclass
class Quantity:
    id: str
    text: str
    start: int
    end: int
    min: float | None
    max: float | None
    approx: bool = False
    unit: str | None = None


@dataclass
class Event:
    id: str
    type: str
    mode: str | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    where: str | None = None
    when: dict | None = None
    quantities: list[str] = field(default_factory=list)
    status: str = "asserted"
    attribution: dict | None = None
    evidence: dict = field(default_factory=dict)
    confidence: float = 0.5
    trigger: dict | None = None
    # roles the sentence leaves unsaid and the story gives ({"target": "story"}); absent when
    # the sentence names both sides
    roles_from: dict | None = None


@dataclass
class Article:
    """One news article as it moves through the pipeline."""

    text: str
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    dateline: dict | None = None
    raw: bool = False
    input_name: str | None = None
    flags: list[Flag] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # every gazetteer match (demonym adjectives included), found once by the mentions step and
    # read again by the entity layer as country evidence; not part of the record
    gazetteer_mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # the one country the article is about (its dateline's, the one its places name far more
    # than any other, or its publisher's), set by the entity layer; not part of the record
    home_country: str | None = None
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # extra facts: authors, canonical_url, copies (duplicates), captions (caption lines the
    # cleaner removed from the text: context for resolving masked names), crawled (WARC date)
    meta: dict = field(default_factory=dict)
    doc: Any = None  # the spaCy Doc, kept only while the pipeline runs

    def ensure_id(self) -> str:
        """Give the article a content-derived id unless it has one; return it."""
        if not self.id:
            basis = "\x1f".join([self.url or "", self.title or "", self.text])
            self.id = "doc-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        return self.id


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if not (k in _OPTIONAL and v is None)}


_OPTIONAL = {"resolved_to", "start", "end", "key", "trigger"}


def to_record(article: Article) -> dict:
    """Turn an article into a contract record (a plain dict, JSON-ready).

    Args:
        article: the processed article.
    Returns:
        dict in the shape of `cronica.document/1`.
    """
    record = {
        "schema": SCHEMA,
        "id": article.ensure_id(),
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "lang": article.lang,
        "dateline": article.dateline,
        "text": article.text,
        "flags": [_clean(asdict(f)) for f in article.flags],
        "entities": [{k: v for k, v in asdict(e).items() if not (k == "country_from" and v is None)}
                     for e in article.entities],
        "events": [{k: v for k, v in asdict(e).items() if not (k in ("trigger", "roles_from") and v is None)}
                   for e in article.events],
        "quantities": [asdict(q) for q in article.quantities],
        "times": [asdict(t) for t in article.times],
    }
    if article.meta:
        record["meta"] = article.meta
    return record


def _build(cls, data: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def from_record(record: dict) -> Article:
    """Rebuild an `Article` from a contract record (the inverse of `to_record`).

    Args:
        record: a `cronica.document/1` dict.
    Returns:
        Article with every annotation layer filled.
    """
    article = Article(
        text=record.get("text") or "", id=record.get("id"), url=record.get("url"),
        source=record.get("source"), title=record.get("title"),
        published=record.get("published"), lang=record.get("lang"),
        dateline=record.get("dateline"), meta=record.get("meta") or {})
    article.flags = [_build(Flag, f) for f in record.get("flags") or []]
    article.entities = [_build(Entity, e) for e in record.get("entities") or []]
    article.events = [_build(Event, e) for e in record.get("events") or []]
    article.quantities = [_build(Quantity, q) for q in record.get("quantities") or []]
    article.times = [_build(TimeExpr, t) for t in record.get("times") or []]
    return article
