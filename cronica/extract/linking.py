"""Linking: surface forms -> canonical keys and countries, from the gazetteer tables.

Keys are stable across runs, articles and languages: a country is its ISO 3166-1
alpha-3 code (`RUS`), and so is its capital (`Moscú`, `Moscow`: the seat of its
government); another city is `place:<name>`; a person `person:<folded name>`; an
organisation `org:<kind>:<ISO3>` when its kind is known (`org:ministry-of-defense:UKR`),
else `org:<folded name>`; a group of people acting together `group:<kind>:<ISO3>`.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..lang.loader import load, load_table

# gazetteer kinds that name a place with a government (typed GPE)
PLACE_KINDS = ("country", "capital", "city")


@dataclass(frozen=True)
class Link:
    """What a surface form names: its key, kind and country."""

    key: str
    kind: str  # country, capital, city, demonym, seat
    country: str | None
    number: str = "sg"


@dataclass(frozen=True)
class Gazetteer:
    """Every linkable surface form of one language, and the longest form in tokens."""

    forms: dict
    folded: dict  # case-folded demonyms: Spanish writes them in lower case
    names: dict  # ISO3 -> the country's usual name in this language
    max_words: int
    places: dict  # folded town name -> ISO3 (only to give a country to a place the model found)
    openings: frozenset = frozenset()  # every prefix of every form's first word, lower case
    stems: tuple = ()  # every form in lower case, sorted

    def may_open(self, word: str) -> bool:
        """Whether some form can start with this word (a cheap test before `lookup`)."""
        return word.lower() in self.openings

    def may_extend(self, text: str) -> bool:
        """Whether some form starts with `text` (any case): a longer span may still match."""
        low = text.lower()
        k = bisect.bisect_left(self.stems, low)
        return k < len(self.stems) and self.stems[k].startswith(low)


def fold(text: str) -> str:
    """Lower-case ASCII form of a name ("Serguéi" -> "serguei")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slug(text: str) -> str:
    """Hyphenated ASCII key part ("Kim Jong Un" -> "kim-jong-un")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


_NOT_NAME_CHARS = re.compile(r"[^a-z\- ]+")


@lru_cache(maxsize=None)
def _translit_rules() -> tuple:
    return tuple((re.compile(old), new) for old, new in load("xx", "entities").get("transliteration") or [])


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A name reduced so that romanisation variants agree (Sergey, Serguéi -> "sergei").
    Cached: coreference compares every pair of names of an article."""
    text = _NOT_NAME_CHARS.sub("", fold(name))
    for old, new in _translit_rules():
        text = old.sub(new, text)
    return " ".join(text.split())


def _add(forms: dict, form: str, link: Link) -> None:
    if form and form not in forms:
        forms[form] = link


def _country_links(lang: str, forms: dict, names: dict) -> None:
    for row in load_table(lang, "countries"):
        _add(forms, row["form"], Link(row["iso3"], "country", row["iso3"]))
        if row["source"] == "cldr":
            names.setdefault(row["iso3"], row["form"])
    extra = load(lang, "entities")
    for iso3, aliases in (extra.get("country_aliases") or {}).items():
        for form in aliases:
            _add(forms, form, Link(iso3, "country", iso3))
    for iso3, seats in (extra.get("seats_of_government") or {}).items():
        for form in seats:
            _add(forms, form, Link("org:" + slug(form), "seat", iso3))


@lru_cache(maxsize=None)
def load_gazetteer(lang: str) -> Gazetteer:
    """Build (once per language) the table of linkable forms.

    Args:
        lang: ISO 639-1 code.
    Returns:
        Gazetteer with countries, hand-added aliases, seats of government, cities and demonyms.
    """
    forms: dict[str, Link] = {}
    names: dict[str, str] = {}
    _country_links(lang, forms, names)
    for row in load_table("xx", "cities"):
        kind = "capital" if row["capital"] == "1" else "city"
        _add(forms, row["form"], Link(row["key"], kind, row["iso3"]))
    folded = {}
    for row in load_table(lang, "demonyms"):
        link = Link("norp:" + row["iso3"], "demonym", row["iso3"], row["number"])
        _add(forms, row["form"], link)
        folded.setdefault(row["form"].lower(), link)
    longest = max((len(f.split()) for f in forms), default=1)
    firsts = {f.split()[0].lower() for f in forms if f.split()}
    openings = frozenset(w[:k] for w in firsts for k in range(1, len(w) + 1))
    stems = tuple(sorted({f.lower() for f in forms} | set(folded)))
    return Gazetteer(forms, folded, names, longest, _places(), openings, stems)


@lru_cache(maxsize=None)
def _places() -> dict:
    """Town name -> ISO3, under its own spelling and folded (towns, and the cities under
    any spelling: "Montreal" for "Montréal"); a name two countries share is left out
    (the folded "bari" of Italy's Bari and India's Bāri, but not the exact "Bari")."""
    out: dict[str, str | None] = {}
    for row in list(load_table("xx", "places")) + list(load_table("xx", "cities")):
        for key in {row["form"], fold(row["form"])}:
            out[key] = row["iso3"] if out.get(key, row["iso3"]) == row["iso3"] else None
    return {k: v for k, v in out.items() if v}


def place_country(gazetteer: Gazetteer, text: str) -> str | None:
    """The country of a town the gazetteer does not list as a city ("Idlib" -> "SYR")."""
    return gazetteer.places.get(text) or gazetteer.places.get(fold(text))


def lookup(gazetteer: Gazetteer, text: str, *, capitals: bool = True) -> Link | None:
    """The link of a surface form, or None.

    Exact forms first; demonyms also in any case ("Rusos", "rusos"); with `capitals`, an
    all-capitals form of four letters or more (a dateline, "SEOUL") as the capitalised name.
    """
    link = gazetteer.forms.get(text)
    if link is None and capitals and text.isupper() and len(text) >= 4:
        link = gazetteer.forms.get(text.title())
    if link is None:
        link = gazetteer.folded.get(text.lower())
    return link


def country_name(gazetteer: Gazetteer, iso3: str) -> str | None:
    """The usual name of a country in the gazetteer's language ("RUS" -> "Rusia")."""
    return gazetteer.names.get(iso3)


def person_key(name: str) -> str:
    """Key of a person ("Serguéi Lavrov" -> "person:sergei-lavrov"); a middle initial is left
    out ("Donald J. Trump" -> "person:donald-trump")."""
    return "person:" + slug(" ".join(without_initials(skeleton(name).split())))


def without_initials(words: list[str]) -> list[str]:
    """A name's words without its middle initials ("donald j trump" -> "donald trump")."""
    if len(words) < 3:
        return words
    return [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]


def org_key(name: str, kind: str | None, country: str | None) -> str:
    """Key of an organisation: its kind and country when known, else its folded name."""
    if kind and country:
        return f"org:{slug(kind)}:{country}"
    return "org:" + slug(name)


@lru_cache(maxsize=None)
def _country_codes() -> dict[str, str]:
    """{two-letter country-code domain: ISO3} ("uk" is Great Britain's too)."""
    out = {row["iso2"].lower(): row["iso3"] for row in load_table("xx", "countries") if row.get("iso2")}
    out.setdefault("uk", out.get("gb", "GBR"))
    return out


@lru_cache(maxsize=None)
def _domain_countries() -> dict[str, str]:
    """{country-code domain: ISO3} less the codes sold to anyone."""
    generic = set(load("xx", "entities").get("generic_country_domains") or [])
    return {k: v for k, v in _country_codes().items() if k not in generic}


@lru_cache(maxsize=None)
def _second_level() -> frozenset:
    """Labels under which a country-code domain is its country's own ("com" in "com.co")."""
    return frozenset(load("xx", "entities").get("second_level_domains") or ())


@lru_cache(maxsize=None)
def _country_slugs(lang: str) -> dict[str, str]:
    """{slug of a country's name in `lang`: ISO3} ("estados-unidos" -> "USA")."""
    return {slug(form): link.country for form, link in load_gazetteer(lang).forms.items()
            if link.kind == "country" and link.country}


def url_country(url: str | None, lang: str) -> str | None:
    """The country of the publisher a URL names: its country-code domain ("proceso.com.mx"),
    else a section of the site named after a country ("elpais.com/espana/...",
    "reportur.com/argentina/..."); None for a generic domain with no such section."""
    m = re.match(r"(?i)^[a-z]+://([^/:?#]+)(?::\d+)?(/[^?#]*)?", url or "")
    if not m:
        return None
    labels = m.group(1).lower().rstrip(".").split(".")
    country = _domain_countries().get(labels[-1])
    if country is None and len(labels) > 2 and labels[-2] in _second_level():  # "eltiempo.com.co"
        country = _country_codes().get(labels[-1])
    if country:
        return country
    sections = [s for s in (m.group(2) or "").split("/") if s][:-1]  # the last part names the article
    slugs = _country_slugs(lang)
    return next((slugs[s.lower()] for s in sections[:2] if s.lower() in slugs), None)
