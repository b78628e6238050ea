"""The story's parties: the side of an act that its sentence leaves unsaid.

A news story is told between few parties, and its sentences lean on them: "The ministry
condemned the decision", "Lavrov visitó Pyongyang", "Los detenidos fueron trasladados".
A reader fills the side a sentence does not name from the story. So does this step, once
the sentence's own syntax, the clauses before it and the acts told before have given
nothing:

- an act with an actor and no recipient is aimed at the other party the sentence names
  (a named party of another country), else at the party the story names most;
- an act with a recipient and no actor is done by the person, group or organisation of
  another country that the sentence names, else the story names most (a place does not act
  of itself); a protest only by one its sentence names, an attack by none;
- in a story of one country's affairs (its parties make at least `HOME_SHARE` of the
  mentions of parties), an act of words or will, aid, sanction or release by one of that
  country's sides takes its other side from that country's other parties, never the country
  or a place itself ("El Partido Popular replicó reclamando un despliegue mucho mayor": the
  Spanish government's side); material acts at home (tests, exercises) take none so.

A party is an entity with a country, never of the other side's country (but in a story of
one country's affairs), nor a news organisation (listed in `lang/xx/entities.yaml`: who
reports an act is no side of it); salience is how often the story names it. A role filled so is marked in `roles_from`
("story") and lowers the event's confidence: it is a reader's inference, not what the
sentence says.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang.loader import load
from ..model import Article, Event
from .entities import PLACE_KEY

ACTING = {"PERSON", "ORG", "NORP"}  # who may be taken as an unnamed actor
# an attack's unnamed doer is no party of the story: a bomb that "killed three Americans" in
# Kenya does not tell who bombed, and the parties its sentence names are mostly its victims
UNNAMED_ATTACKER = {"ASSAULT"}
# nor is a protest's, unless its sentence names a party ("marchas en Quito contra el FMI")
UNNAMED_MARCHER = {"PROTEST"}
FILLED_PENALTY = 0.1
HOME_SHARE = 0.7  # a story of one country's affairs: its parties are this share of the parties named
# acts of words or will that, in such a story, are aimed at its other parties; material acts
# (tests, exercises, arrests) are not given a recipient that way
ADDRESSED_AT_HOME = {"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "CONSULT", "AGREE", "CONCEDE",
                     "COOPERATE", "AID", "SANCTION", "RETREAT"}
STATES = {"GPE", "LOC"}  # a country or a place is no recipient of its own people's words


@lru_cache(maxsize=1)
def _news_media() -> frozenset:
    """Names of news organisations (`lang/xx/entities.yaml`), lower case."""
    return frozenset(str(n).lower() for n in load("xx", "entities").get("news_media") or ())


def _is_party(entity) -> bool:
    """Someone who can be a side of an act: a person, group, organisation or country, not a
    place where things happen ("in Paris", a dateline's town) nor the news organisation that
    reports it ("CNN reports")."""
    media = _news_media()
    return bool(entity.country and entity.mentions) and entity.type != "LOC" \
        and not (entity.key or "").startswith(PLACE_KEY) \
        and not any(n.lower() in media for n in [entity.name, *entity.aliases])


def _salience(article: Article) -> list:
    """The story's parties, most named first (ties: the first named)."""
    parties = [e for e in article.entities if _is_party(e)]
    return sorted(parties, key=lambda e: (-len(e.mentions), min(m[0] for m in e.mentions)))


def _countries(ids: list[str], by_id: dict) -> set:
    return {by_id[i].country for i in ids if i in by_id}


def _other_party(event: Event, parties: list, by_id: dict, home: str | None = None) -> str | None:
    """The recipient an act's sentence leaves to the story: a party of another country; in a
    story of one country's affairs (`home`), an act of that country's is aimed at its other
    parties ("Mayor Bowser asked for the troops to demobilize": the president)."""
    taken = _countries(event.source, by_id)
    candidates = [e for e in parties if e.id not in event.source and e.country not in taken]
    if _at_home(event, taken, home):
        # not the country itself: a Spanish party's demand is not aimed at Spain
        domestic = [e for e in parties if e.id not in event.source and e.type not in STATES]
        return _nearest(candidates, event, story=False) or _nearest(domestic, event)
    return _nearest(candidates, event)


def _at_home(event: Event, taken: set, home: str | None) -> bool:
    """Whether an act is one of the home country's own affairs: its named side is of that
    country, and it is of a type that such a story aims at its other parties."""
    return home is not None and taken == {home} and event.type in ADDRESSED_AT_HOME


def _home_country(parties: list) -> str | None:
    """The country whose parties the story names most, when they are most of what it names."""
    mentions: dict = {}
    for e in parties:
        mentions[e.country] = mentions.get(e.country, 0) + len(e.mentions)
    if not mentions:
        return None
    country, count = max(mentions.items(), key=lambda kv: kv[1])
    return country if count >= HOME_SHARE * sum(mentions.values()) else None


def _nearest(candidates: list, event: Event, story: bool = True) -> str | None:
    """The most named candidate in the act's sentence, else (`story`) in the story."""
    start, end = event.evidence.get("start", -1), event.evidence.get("end", -1)
    in_sentence = [e for e in candidates if any(start <= m[0] < end for m in e.mentions)]
    chosen = (in_sentence or (candidates if story else []) or [None])[0]
    return chosen.id if chosen is not None else None


def _unnamed_actor(event: Event, parties: list, by_id: dict, home: str | None = None) -> str | None:
    """The actor an act's sentence leaves to the story (in a story of one country's affairs,
    one of its other parties, as for recipients)."""
    if event.type in UNNAMED_ATTACKER:
        return None
    taken = _countries(event.target, by_id)
    candidates = [e for e in parties if e.type in ACTING and e.id not in event.target and e.country not in taken]
    story = event.type not in UNNAMED_MARCHER
    if _at_home(event, taken, home):
        domestic = [e for e in parties if e.type in ACTING and e.id not in event.target]
        return _nearest(candidates, event, story=False) or _nearest(domestic, event, story=story)
    return _nearest(candidates, event, story=story)


def fill_story_parties(events: list[Event], article: Article, places: dict | None = None) -> None:
    """Give each event with one side named the other side from the story, in place.

    `places` maps a sentence's start to the entities it names only as a place ("said at a
    press conference in Paris"): where an act is done is not a side of it.
    """
    everyone = _salience(article)
    if not everyone:
        return
    by_id = {e.id: e for e in article.entities}
    places = places or {}
    home = _home_country(everyone)
    for event in events:
        placed = places.get(event.evidence.get("start"), ())
        parties = [e for e in everyone if e.id not in placed and e.id != event.where]
        filled = {}
        if event.source and not event.target:
            target = _other_party(event, parties, by_id, home)
            if target:
                event.target, filled["target"] = [target], "story"
        elif event.target and not event.source:
            source = _unnamed_actor(event, parties, by_id, home)
            if source:
                event.source, filled["source"] = [source], "story"
        if filled:
            event.roles_from = {**(event.roles_from or {}), **filled}
            event.confidence = round(max(0.1, event.confidence - FILLED_PENALTY), 2)
