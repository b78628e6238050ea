"""Roles and countries read from the words around a name.

A title before a name (`el líder norcoreano Kim Jong Un`, `Ministro de Relaciones
Exteriores de Rusia, Sergey Lavrov`) or in an apposition after it (`Lavrov, ministro de
Exteriores ruso,`) gives the person's role, in the English canonical form of
`lang/<lang>/titles.yaml`, and the country named or implied by a demonym inside it.
Group nouns (`funcionarios de Corea del Sur`, `South Korean officials`) and
organisation heads (`la agencia de espionaje de Corea del Sur`) next to a country
make actors of their own. Only the article's words count: no list of office holders.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.loader import load
from ..model import Article, Mention
from .linking import Gazetteer, Link, lookup

_MAX_GAP_CHARS = 70  # title ... name: longer gaps are another clause
_MAX_PREMODIFIER_WORDS = 4  # country ... title: "U.S. Army Gen.", "Philippine exercise director"


@dataclass(frozen=True)
class Evidence:
    """A country named in the text: a country, capital or city name, or a demonym."""

    start: int
    end: int
    country: str
    kind: str


@dataclass(frozen=True)
class Phrase:
    """A title, group noun or organisation head found in the text."""

    start: int
    end: int
    key: str


def _pattern(table: dict, flags=re.IGNORECASE) -> tuple:
    pairs = sorted(((form, key) for key, forms in table.items() for form in forms),
                   key=lambda p: -len(p[0]))
    if not pairs:
        return None, {}
    alternation = "|".join(re.escape(form) for form, _ in pairs)
    by_form = {form.lower(): key for form, key in pairs}
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags), by_form


@lru_cache(maxsize=None)
def load_patterns(lang: str) -> dict:
    """Compiled title, group and organisation-head patterns of a language."""
    titles = load(lang, "titles")
    entities = load(lang, "entities")
    links = sorted(entities.get("country_link") or [], key=len, reverse=True)
    nouns = "|".join(re.escape(w) for w in sorted(entities.get("place_nouns") or [], key=len, reverse=True))
    link_words = "|".join(re.escape(w) for w in links) or r"(?!)"
    return {"place_of": re.compile(rf"(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:{nouns})\s+(?:{link_words})\s+",
                                   re.IGNORECASE) if nouns else None,
            "place_noun": re.compile(rf"(?<!\w)(?:{nouns})\s+$", re.IGNORECASE) if nouns else None,
            "place_link": re.compile(rf"\s+(?:{link_words})\s+", re.IGNORECASE),
            "titles": _pattern(titles.get("titles") or {}),
            "groups": _pattern(titles.get("groups") or {}),
            "orgs": _pattern(entities.get("org_heads") or {}, flags=0),
            "link": re.compile(r"\s*(?:(?:" + "|".join(re.escape(w) for w in links) + r")\s+)?$")
            if links else re.compile(r"\s*$"),
            "markers": [(country, re.compile(p)) for country, forms in (titles.get("country_markers") or {}).items()
                        for p in forms]}


def find_phrases(text: str, compiled: tuple, lo: int = 0, hi: int | None = None) -> list[Phrase]:
    """Occurrences of a compiled pattern in text[lo:hi], with their canonical keys."""
    regex, by_form = compiled
    if regex is None:
        return []
    hi = len(text) if hi is None else hi
    return [Phrase(m.start(), m.end(), by_form[m.group().lower()]) for m in regex.finditer(text, lo, hi)]


def find_evidence(mentions: list[Mention], gazetteer: Gazetteer, seats: bool = False) -> list[Evidence]:
    """Every country-bearing gazetteer mention (places, capitals, cities, demonyms); with
    `seats`, the seats of government too ("Pentagon", "Kremlin"): they say whom an office
    holder serves ("Pentagon spokesman Peter Cook"), not where a thing happens."""
    out = []
    for m in mentions:
        link: Link | None = lookup(gazetteer, m.text)
        if link is not None and link.country and (seats or link.kind != "seat"):
            out.append(Evidence(m.start, m.end, link.country, link.kind))
    return out


def evidence_next_to(text: str, start: int, end: int, evidence: list[Evidence], link_re) -> Evidence | None:
    """The country evidence right after a phrase ("de Rusia", "ruso") or right before it
    ("South Korean officials", "Russia's")."""
    for ev in evidence:
        if ev.start >= end and link_re.match(text[end:ev.start]) and "\n" not in text[end:ev.start]:
            return ev
    for ev in reversed(evidence):
        if ev.end <= start and re.fullmatch(r"(?:['’]s)?\s*", text[ev.end:start]):
            return ev
    return None


def country_next_to(text: str, start: int, end: int, evidence: list[Evidence], link_re) -> str | None:
    """The country of `evidence_next_to`, or None."""
    ev = evidence_next_to(text, start, end, evidence, link_re)
    return ev.country if ev else None


def countries_between(evidence: list[Evidence], lo: int, hi: int) -> list[str]:
    """Countries of the evidence lying inside [lo, hi)."""
    return [ev.country for ev in evidence if lo <= ev.start and ev.end <= hi]


def _clause_break(article: Article, lo: int, hi: int) -> bool:
    gap = article.text[lo:hi]
    if "\n" in gap or "." in gap.replace(". ", "|") and len(gap) > 3 or len(gap) > _MAX_GAP_CHARS:
        return True
    span = article.doc.char_span(lo, hi, alignment_mode="expand") if article.doc is not None else None
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _premodifies(article: Article, lo: int, hi: int) -> bool:
    """True when the words in text[lo:hi] join a country to the title after them inside
    one noun phrase: nothing ("Russian President"), a possessive ("Russia's President") or
    a few words of an institution ("U.S. Army Gen.", "Philippine Marine Corps Commandant")."""
    gap = article.text[lo:hi]
    if not re.fullmatch(r"(?:['’]s)?(?:\s+[\w.\-]+){0,%d}\s*" % _MAX_PREMODIFIER_WORDS, gap):
        return False
    if not gap.strip() or gap.strip() in ("'s", "’s"):
        return True
    if _clause_break(article, lo, hi):
        return False
    span = article.doc.char_span(lo, hi, alignment_mode="contract") if article.doc is not None else None
    return span is not None and not any(t.pos_ in ("DET", "ADP", "PRON", "CCONJ", "SCONJ") for t in span)


def describe_person(article: Article, mention: Mention, titles: list[Phrase],
                    evidence: list[Evidence], others: list[Mention]) -> tuple:
    """Role and country of a person mention, from a title just before it or an
    apposition just after it. Returns (role or None, country or None)."""
    before = [t for t in titles if t.end <= mention.start and not _clause_break(article, t.end, mention.start)
              and not any(t.end <= o.start < mention.start for o in others)]
    marked = marker_country(article, mention)  # "Sen. Lindsey Graham (R-S.C.)"
    if before:
        title = before[-1]
        found = countries_between(evidence, title.start, mention.start)
        ahead = [ev.country for ev in evidence if ev.end <= title.start
                 and _premodifies(article, ev.end, title.start)]
        return title.key, (found[-1] if found else ahead[-1] if ahead else marked)
    owner = [ev.country for ev in evidence if ev.end <= mention.start
             and re.fullmatch(r"['’]s\s+", article.text[ev.end:mention.start])]
    if owner:  # "France's Emmanuel Macron"
        return None, owner[-1]
    if marked:
        return None, marked
    tail = article.text[mention.end:mention.end + _MAX_GAP_CHARS]
    if tail.startswith(","):
        stop = re.search(r"[,.;\n]", tail[1:])
        hi = mention.end + 1 + (stop.start() if stop else len(tail) - 1)
        after = [t for t in titles if mention.end < t.start and t.end <= hi
                 and len(article.text[mention.end + 1:t.start].split()) <= 2]
        if after:
            found = countries_between(evidence, after[0].start, hi)
            return after[0].key, (found[0] if found else None)
    return None, None


def marker_country(article: Article, mention: Mention) -> str | None:
    """The country a mark right after a name gives (a US party and state: "(R-Texas)")."""
    tail = article.text[mention.end:mention.end + _MAX_GAP_CHARS]
    return next((country for country, regex in load_patterns(article.lang)["markers"] if regex.match(tail)), None)


def role_countries(text: str, titles: list[Phrase], evidence: list[Evidence], link_re,
                   people: list[Mention] = ()) -> dict:
    """Role -> countries the text pairs with it where no name goes with the title
    ("el ministro de Relaciones Exteriores ruso visitará ...")."""
    out: dict[str, set] = {}
    for t in titles:
        ev = evidence_next_to(text, t.start, t.end, evidence, link_re)
        if ev is None:
            continue
        end = max(t.end, ev.end)
        named = any(0 <= p.start - end <= 3 or 0 <= t.start - p.end <= 3 for p in people)
        if not named:
            out.setdefault(t.key, set()).add(ev.country)
    return out


def country_of_place_phrase(text: str, start: int, evidence: list[Evidence], patterns: dict) -> str | None:
    """The country of a place named after a place noun tied to a country ("the
    Philippines' main island of Luzon", "la isla filipina de Luzón")."""
    if patterns.get("place_of") is None:
        return None
    for ev in reversed(evidence):
        if ev.end > start or start - ev.end > 40:
            continue
        gap = text[ev.end:start]
        if patterns["place_of"].fullmatch(gap) or patterns["place_link"].fullmatch(gap) \
                and patterns["place_noun"].search(text[max(0, ev.start - 20):ev.start]):
            return ev.country
    return None


# evidence that names the country itself, not a town that may lie anywhere
COUNTRY_KINDS = ("country", "capital", "demonym")


def _one_country(evidence: list[Evidence], lo: int, hi: int) -> str | None:
    found = {ev.country for ev in evidence if lo <= ev.start and ev.end <= hi and ev.kind in COUNTRY_KINDS}
    return found.pop() if len(found) == 1 else None


def country_of_group(article: Article, evidence: list[Evidence], start: int, end: int, *,
                     local: bool = True) -> str | None:
    """The country of an unnamed group ("los manifestantes", "campesinos de la sierra"),
    read as event coders read it: a country named or implied inside the phrase
    ("colonos israelíes", "estudiantes de Chile"), else the article's home country (its
    dateline's, or the one its places name far more than any other: `article.home_country`,
    set by the entity layer), else the only country of its sentence.

    Args:
        article: the article (sentences and dateline read).
        evidence: the article's country evidence (`find_evidence`), in text order.
        start, end: the group phrase's character span.
        local: whether the group is people of the place told of (protesters, the police);
            only such a group takes a country from outside its own phrase.
    Returns:
        an ISO 3166-1 alpha-3 code, or None.
    """
    inside = [ev.country for ev in evidence if start <= ev.start and ev.end <= end]
    if inside or not local:
        return inside[0] if inside else None
    if any(e.type in ("NORP", "MISC") and not e.country and any(start <= a and b <= end for a, b in e.mentions)
           for e in article.entities):
        return None  # "Arab leaders", "European diplomats": a people of no one country
    if article.home_country:
        return article.home_country
    sent = next((s for s in article.sentences if s.start <= start < s.end), None)
    return _one_country(evidence, sent.start, sent.end) if sent is not None else None
