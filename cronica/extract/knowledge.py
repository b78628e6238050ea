"""What cronica already knows about an entity: the country it acts for, from other articles.

An article often names a person without saying whom they act for ("el presidente
Vladimir Putin"). Other articles say it ("Russian President Vladimir Putin"). The
table `lang/xx/gazetteer/known_entities.tsv` holds, per canonical entity key, the
country its articles in the news corpus gave it, with the number of articles that
agree and whether some article's text states it (else it was inferred from what the
articles naming it were about: a body like the "FBI" or a party like the "PSOE" that
home news never places); `scripts/build_knowledge.py` builds it by running the
pipeline without this component. An entity keeps a country found in its own article; only one
without a country takes the known one.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang.loader import load_table
from ..model import Article
from ..pipeline import component
from .linking import without_initials

# entity types whose country is a fact about the entity (a place's country comes from the gazetteer)
TYPES = ("PERSON", "ORG")
WELL_KNOWN = 5  # articles that must state a country before it outweighs an article's inference


def _rows() -> list[dict]:
    """The generated table's rows, each person key as `person_key` makes it now (a table
    built before middle initials left the key, "person:john-f-kennedi", still matches)."""
    rows = []
    for row in load_table("xx", "known_entities"):
        key = row["key"]
        if key.startswith("person:"):
            key = "person:" + "-".join(without_initials(key[len("person:"):].split("-")))
        rows.append({**row, "key": key})
    return rows


@lru_cache(maxsize=None)
def known_countries() -> dict[str, str]:
    """Return {entity key: ISO 3166-1 alpha-3 country} from the generated table."""
    return {row["key"]: row["country"] for row in _rows() if row.get("country")}


def by_surname(known: dict[str, str]) -> dict[str, str]:
    """{person key of a surname alone: country} for the surnames whose known bearers all act
    for one country: an article that says only "Putin" means the Putin the corpus knows.

    Args:
        known: {entity key: country}, as `known_countries` returns.
    Returns:
        keys such as `person:putin`, absent from `known`, with their one country.
    """
    countries: dict[str, set] = {}
    for key, country in known.items():
        if key.startswith("person:") and "-" in key:
            countries.setdefault("person:" + key.rsplit("-", 1)[1], set()).add(country)
    return {k: next(iter(v)) for k, v in countries.items() if len(v) == 1 and k not in known}


def _stated_rows() -> list[dict]:
    """Rows whose country some article's text states (`stated` 1), not only inferred from
    what the articles naming it were about."""
    return [row for row in _rows() if row.get("country") and row.get("stated", "1") == "1"]


@lru_cache(maxsize=None)
def known_table() -> dict[str, str]:
    """{entity key: country} the knowledge component applies: the corpus's keys, and the
    surnames alone of people of one stated country."""
    return {**by_surname({row["key"]: row["country"] for row in _stated_rows()}), **known_countries()}


@lru_cache(maxsize=None)
def well_known() -> dict[str, str]:
    """{entity key: country} stated by at least WELL_KNOWN articles of the corpus: it
    outweighs an article's own inference."""
    return {row["key"]: row["country"] for row in _stated_rows() if int(row.get("articles") or 0) >= WELL_KNOWN}


def apply_knowledge(article: Article, known: dict[str, str], well: dict[str, str] | None = None) -> Article:
    """Give a country to each person or organisation that has none but is known. A country
    the article only inferred (the one president it pairs with a country, its own country
    for its officials) yields to what many other articles state: "Trump", the one
    "president" named in a story of Taiwan's president, is not Taiwanese."""
    well = well or {}
    for entity in article.entities:
        if entity.type not in TYPES:
            continue
        if entity.country is None and entity.key in known:
            entity.country, entity.country_from = known[entity.key], "knowledge"
        elif entity.country_from == "article" and well.get(entity.key, entity.country) != entity.country:
            entity.country, entity.country_from = well[entity.key], "knowledge"
    return article


@component("cronica.knowledge.v1", assigns=["article.entities"], requires=["article.entities"])
def make_knowledge(options):
    known, well = known_table(), well_known()

    def recall(article: Article) -> Article:
        return apply_knowledge(article, known, well)
    return recall
