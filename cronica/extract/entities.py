"""Entities: mentions merged into one entity per real-world thing in the article.

Each mention gets a canonical key (`linking`): countries and their capitals share the
country's ISO code, so `Rusia`, `Moscú` (as its government) and `Moscow` are one
entity; people merge on their names (`coref`). Demonyms used as adjectives (`ruso`,
`South Korean`) are not entities: they give a country to the person, group or
organisation next to them. Used as plural nouns (`los rusos`) they are NORP entities.
English, which capitalises demonyms as names, makes every demonym a NORP entity
(`demonyms_as_names` in `lang/<lang>/entities.yaml`).

Groups of people acting together next to a country (`los funcionarios de Corea del
Sur`, `South Korean officials`, `analistas surcoreanos`) become entities of type ORG
(they act as an institution's voice, which is what events need of an actor and a
source), with `role` the group kind (`officials`) and key `group:<kind>:<ISO3>`.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..model import Article, Entity, Mention
from ..pipeline import component
from .actor_context import (country_of_place_phrase, describe_person, evidence_next_to, find_evidence,
                            find_phrases, load_patterns, role_countries)
from .coref import Cluster, merge_place_parts, merge_short_names, resolve_masked
from .linking import (PLACE_KINDS, country_name, load_gazetteer, lookup, org_key, person_key,
                      place_country, slug, url_country)
from .mentions import find_gazetteer_mentions, load_name_rules
from .time_lexicon import load_lexicon

PLACE_KEY = "place:"  # the key of a town or city named as a place, not as a government


class _Context:
    """What the entity layer reads about one article: gazetteer, patterns, evidence."""

    def __init__(self, article: Article):
        self.article = article
        self.gazetteer = load_gazetteer(article.lang)
        self.patterns = load_patterns(article.lang)
        self.rules = load_name_rules(article.lang)
        self.connectors = self.rules["connectors"]
        found = article.gazetteer_mentions or find_gazetteer_mentions(
            article, self.gazetteer, {s.start for s in article.doc.sents})
        # seats of government say whom an office holder serves, never where a thing happens
        self.office_evidence = sorted(find_evidence(found, self.gazetteer, seats=True), key=lambda e: e.start)
        self.evidence = [e for e in self.office_evidence if e.kind != "seat"]
        self.titles = find_phrases(article.text, self.patterns["titles"])


def _is_noun_use(article: Article, mention: Mention) -> bool:
    """A demonym used as a noun ("los rusos"), not as an adjective ("soldados rusos")."""
    span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    doc, head = article.doc, span[-1]
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if any(t is not None and t.pos_ in ("NOUN", "PROPN") for t in (prev, nxt)):
        return False
    return head.pos_ in ("NOUN", "PROPN") or (prev is not None and prev.pos_ == "DET")


def _place_reading(kind: str, model_type: str) -> bool:
    """Whether a gazetteer place overrides the model's type: a country or a capital (the
    seat of a government: "Teherán respondió") always; another city only over LOC/MISC
    (a city read as an organisation is a team: "Detroit beat Boston")."""
    if kind in ("country", "capital"):
        return True
    return model_type not in ("PERSON", "ORG")


def _unknown_word(m: Mention, lang: str) -> bool:
    """A one-word MISC name that is no word of the language ("Kursk", not "Libertad")."""
    import simplemma
    return m.type == "MISC" and " " not in m.text and not simplemma.is_known(m.text.lower(), lang=lang)


def _anaphoric_country(ctx: _Context, m: Mention) -> str | None:
    """The country an organisation's "del país" points back at: the last one named
    earlier in the same sentence."""
    after = ctx.article.text[m.end:m.end + 20].lstrip().lower()
    if not any(after.startswith(w.lower()) for w in ctx.rules["anaphora"]):
        return None
    opening = max((s.start for s in ctx.article.sentences if s.start <= m.start), default=0)
    before = [e for e in ctx.evidence if opening <= e.start and e.end <= m.start and e.kind != "demonym"]
    return before[-1].country if before else None


def _land_feature(ctx: _Context, name: str) -> bool:
    """A name with a word of a sea, a river or another feature of the land ("South China
    Sea"), which the model may have read as an organisation."""
    return any(w.lower() in ctx.rules["features"] for w in name.split())


def _international(ctx: _Context, name: str) -> bool:
    """A body of many countries ("Unión Europea", "United Nations", "OTAN"): no one
    country's, whatever country the story is about."""
    low = name.lower()
    return any(w in ctx.rules["international"] for w in low.replace("-", " ").split()) or any(
        " " in w and w in low for w in ctx.rules["international"])


@lru_cache(maxsize=None)
def _role_seats() -> dict:
    """Roles whose holder acts for one country wherever the story is set (`role_seats` in
    lang/xx/entities.yaml): the pope is the Holy See's."""
    from ..lang.loader import load
    return dict(load("xx", "entities").get("role_seats") or {})


def _calendar_word(word: str, lang: str) -> bool:
    """A month or weekday name ("Clínica Mayo" names no Irish county)."""
    lex = load_lexicon(lang)
    return lex is not None and any(lex.value(cls, word.lower()) is not None for cls in ("month", "weekday"))


def _country_in_name(ctx: _Context, m: Mention) -> list[str]:
    """The country a place or demonym inside an organisation's name gives it ("Royal Thai
    Police", "Bangkok Post"): one or two words that are a country, capital, big city or
    demonym; or the town or region that ends the name after "de"/"of" ("Junta de
    Andalucía", "La Voz de Cádiz"). Nothing when they point at two countries."""
    if _land_feature(ctx, m.text):
        return []  # "South China Sea": a sea, no Chinese body
    words = [w.strip(",.;:()\"'") for w in m.text.split()]
    found = set()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            link = lookup(ctx.gazetteer, " ".join(words[i:i + n]), capitals=False)
            if link is not None and link.country and (link.kind != "seat" or len(words) > n):
                found.add(link.country)  # a seat of government names a body of its own ("Pentagon Press")
    country = _tail_country(ctx, words)
    if country:
        found.add(country)
    return sorted(found) if len(found) == 1 else []


def _tail_country(ctx: _Context, words: list[str]) -> str | None:
    """The country of the town or region that ends a name after "de"/"of" ("Junta de
    Andalucía", "las Ramblas de Barcelona"), if the gazetteer knows it."""
    tail = next((words[i + 1:] for i in range(len(words) - 2, 0, -1)
                 if words[i].lower() in ctx.connectors and words[i + 1][:1].isupper()), [])
    place = " ".join(tail)
    country = place_country(ctx.gazetteer, place) if 0 < len(tail) <= 2 else None
    if country and place not in ctx.rules["generic_places"] and not _calendar_word(place, ctx.article.lang):
        return country
    return None


def _org_cluster(ctx: _Context, m: Mention) -> Cluster:
    text = ctx.article.text
    heads = find_phrases(m.text, ctx.patterns["orgs"])
    inside = [e.country for e in ctx.evidence if m.start <= e.start and e.end <= m.end] or _country_in_name(ctx, m)
    near = evidence_next_to(text, m.start, m.end, ctx.evidence, ctx.patterns["link"])
    country = inside[0] if inside else (near.country if near else _anaphoric_country(ctx, m))
    kind = heads[0].key if heads else None
    return Cluster(org_key(m.text, kind, country), "ORG", [m], country)


def _after_title(ctx: _Context, m: Mention) -> bool:
    """True when a title stands right before the name, with at most a demonym or country
    between ("leader Kim Jong Un", "el líder norcoreano Kim Jong Un")."""
    for t in ctx.titles:
        gap = ctx.article.text[t.end:m.start]
        if t.end <= m.start and len(gap) <= 30 and (not gap.strip() or any(
                t.end <= e.start and e.end <= m.start and not ctx.article.text[e.end:m.start].strip()
                for e in ctx.evidence)):
            return True
    return False


def cluster_of(ctx: _Context, m: Mention) -> Cluster | None:
    """A one-mention cluster with the mention's key, type and country (None: not an entity)."""
    link = lookup(ctx.gazetteer, m.text)
    if link is not None and link.kind == "demonym":
        if not ctx.rules["demonyms_as_names"] and not (link.number == "pl" and _is_noun_use(ctx.article, m)):
            return None
        return Cluster(link.key, "NORP", [m], link.country)
    if link is not None and link.kind in PLACE_KINDS and _place_reading(link.kind, m.type):
        return Cluster(link.key, "GPE", [m], link.country)
    if link is not None and link.kind == "seat":
        return Cluster(link.key, m.type if m.type in ("ORG", "LOC", "GPE") else "ORG", [m], link.country)
    if m.type == "PERSON" or link is None and m.type in ("LOC", "MISC", "ORG") and _after_title(ctx, m):
        return Cluster(person_key(m.text), "PERSON", [m])
    if m.type == "ORG" or any(h.start == 0 for h in find_phrases(m.text, ctx.patterns["orgs"])):
        return _org_cluster(ctx, m)
    if place_country(ctx.gazetteer, m.text) and (m.type in ("LOC", "GPE") or _unknown_word(m, ctx.article.lang)):
        return Cluster(PLACE_KEY + slug(m.text), "GPE", [m], place_country(ctx.gazetteer, m.text))
    country = _prefix_country(ctx, m)
    if country is None and m.type in ("LOC", "GPE") and not _land_feature(ctx, m.text):
        # a spot in a town the gazetteer knows: "las Ramblas de Barcelona"
        country = _tail_country(ctx, [w.strip(",.;:()\"'") for w in m.text.split()])
    return Cluster(f"{m.type.lower()}:{slug(m.text)}", m.type, [m], country)


def _prefix_country(ctx: _Context, m: Mention) -> str | None:
    """The country that opens a longer name ("U.S. Africa Command", "Russian Far East") or
    ties a place noun to the name ("the Philippines' main island of Luzon")."""
    return next((e.country for e in ctx.evidence if e.start == m.start and e.end < m.end), None) or \
        country_of_place_phrase(ctx.article.text, m.start, ctx.evidence, ctx.patterns)


def _merge_by_key(clusters: list[Cluster]) -> list[Cluster]:
    by_key: dict[str, Cluster] = {}
    for c in clusters:
        seen = by_key.get(c.key)
        if seen is None:
            by_key[c.key] = c
        else:
            seen.mentions.extend(c.mentions)
            seen.country = seen.country or c.country
    return list(by_key.values())


def group_clusters(ctx: _Context, named: list[Mention]) -> tuple[list[Cluster], list[Mention]]:
    """Group nouns and organisation heads next to a country, outside the named mentions.

    A model mention that is only the group noun itself ("Colonos" opening a sentence)
    gives way to the group. Returns the new clusters and the mentions they replace.
    """
    text, out, replaced = ctx.article.text, [], []
    phrases = [(p, "group") for p in find_phrases(text, ctx.patterns["groups"])] + \
        [(p, "org") for p in find_phrases(text, ctx.patterns["orgs"])]
    for phrase, kind in phrases:
        inside = [m for m in named if m.start < phrase.end and phrase.start < m.end]
        if any(phrase.start < m.start or m.end < phrase.end or m.type not in ("PERSON", "MISC") for m in inside) \
                and inside:
            continue
        ev = evidence_next_to(text, phrase.start, phrase.end, ctx.evidence, ctx.patterns["link"])
        if ev is None or ev.kind == "city" or any(m.start < ev.end and ev.start < m.end and m.type == "ORG"
                                                 for m in named):
            continue
        start, end = min(phrase.start, ev.start), max(phrase.end, ev.end)
        m = Mention(start, end, text[start:end], "ORG", "phrase")
        key = f"group:{slug(phrase.key)}:{ev.country}" if kind == "group" else org_key(m.text, phrase.key, ev.country)
        out.append(Cluster(key, "ORG", [m], ev.country, phrase.key if kind == "group" else None))
        replaced.extend(inside)
    return out, replaced


def _sub_context(text: str, lang: str, skip: tuple[str, ...] = ()) -> _Context:
    """Read a line outside the text (headline, caption) the way the text is read, without
    the spaCy components in `skip`."""
    from ..model import Sentence
    from .nlp import parse
    sub = Article(text=text, lang=lang)
    sub.doc = parse(text, lang, skip)
    sub.sentences = [Sentence(s.start_char, s.end_char) for s in sub.doc.sents]
    return _Context(sub)


def caption_people(article: Article, options) -> list[tuple]:
    """(name, role, country) of each person named in the article's caption lines."""
    from .mentions import repair_span
    from .ner import recognize
    out = []
    for line in (article.meta or {}).get("captions") or []:
        ctx = _sub_context(line, article.lang)
        rules = load_name_rules(article.lang)
        starts = {s.start for s in ctx.article.doc.sents}
        found = [repair_span(ctx.article, m, rules, starts) for m in recognize(ctx.article, options)]
        persons = [m for m in found if m is not None and m.type == "PERSON"]
        for p in persons:
            out.append((p.text, *describe_person(ctx.article, p, ctx.titles, ctx.office_evidence, persons)))
    return out


def headline_roles(article: Article) -> dict:
    """Role -> countries the headline pairs with it ("El ministro de Relaciones Exteriores ruso")."""
    if not article.title:
        return {}
    ctx = _sub_context(article.title, article.lang, ("ner",))  # its names are not read
    return role_countries(article.title, ctx.titles, ctx.evidence, ctx.patterns["link"])


def assign_roles(ctx: _Context, clusters: list[Cluster]) -> None:
    """Give people the role and country their titles and appositions state."""
    persons = [m for c in clusters if c.type == "PERSON" for m in c.mentions]
    for c in clusters:
        if c.type != "PERSON":
            continue
        for m in sorted(c.mentions, key=lambda x: x.start):
            others = [o for o in persons if o is not m]
            role, country = describe_person(ctx.article, m, ctx.titles, ctx.office_evidence, others)
            c.role, c.country = c.role or role, c.country or country
        c.country = c.country or _role_seats().get(c.role)  # "el papa Francisco": the Holy See's


def _fill_countries_from_roles(clusters: list[Cluster], known: dict) -> None:
    """The one person holding a role takes the one country the article pairs with it."""
    roles = [c.role for c in clusters if c.type == "PERSON" and c.role]
    for c in clusters:
        if c.type == "PERSON" and c.role and not c.country and roles.count(c.role) == 1 \
                and len(known.get(c.role, ())) == 1:
            c.country, c.country_from = next(iter(known[c.role])), "article"


def _surname_as_place(ctx: _Context, cluster: Cluster, clusters: list[Cluster]) -> bool:
    """Whether a one-word place the gazetteer does not know is a person's surname the model
    took for a town ("the Bush era", a town of Egypt by that name): the article names a person
    with more words ending in it ("George W. Bush"), or names the person by it more often
    than the place ("Mr. Bush" five times)."""
    if cluster.type != "GPE" or any(len(m.text.split()) != 1 or lookup(ctx.gazetteer, m.text) is not None
                                    for m in cluster.mentions):
        return False
    name = cluster.mentions[0].text
    people = [c for c in clusters if c.type == "PERSON" and c.longest_name().split()[-1] == name]
    return any(len(c.longest_name().split()) > 1 for c in people) or \
        sum(len(c.mentions) for c in people) > len(cluster.mentions)


def _home_country(ctx: _Context, clusters: list[Cluster], dateline: Cluster | None) -> str | None:
    """The one country an article is about: its dateline's, the only one it names, the
    one it names at least three times and twice as often as any other, or else its
    publisher's, when the address says it (a country's domain, "proceso.com.mx", or a
    section named after a country, "elpais.com/espana/"): a paper's home news seldom
    names its own country."""
    if dateline is not None:
        return dateline.country
    named = {e.country for e in ctx.evidence} | {c.country for c in clusters if c.type == "GPE" and c.country}
    if len(named) == 1:
        return next(iter(named))
    counts = Counter(c.country for c in clusters if c.type == "GPE" and c.country for _ in c.mentions)
    ranked = counts.most_common(2) + [(None, 0)] * 2
    (top, n), (_, runner_up) = ranked[0], ranked[1]
    if n >= 3 and n >= 2 * runner_up:
        return top
    return url_country(ctx.article.url, ctx.article.lang)


def _fill_home_country(ctx: _Context, clusters: list[Cluster], home: str | None) -> None:
    """A person or organisation with no country stated takes the article's home country
    when the sentence it first appears in names no other, as a reader takes them: "el
    presidente del Gobierno, Pedro Sánchez", "Ricardo Anaya" in a story of Mexican
    politics (marked `country_from: "article"`; what the corpus knows of a well-known
    name still overrides it)."""
    for c in clusters:
        if home is None or c.country or c.type not in ("PERSON", "ORG") \
                or any(_land_feature(ctx, m.text) or _international(ctx, m.text) for m in c.mentions):
            continue
        first = min(c.mentions, key=lambda m: m.start)
        sent = next((s for s in ctx.article.sentences if s.start <= first.start < s.end), None)
        lo, hi = (sent.start, sent.end) if sent is not None else (first.start, first.end)
        if all(e.country == home for e in ctx.evidence if lo <= e.start and e.end <= hi):
            c.country, c.country_from = home, "article"


def _resolve_masks(article: Article, clusters: list[Cluster], options, headline: dict) -> dict:
    """Masked mention -> the person cluster it stands for (absent when unclear)."""
    masked = [m for m in article.mentions if m.source == "masked"]
    if not masked:
        return {}
    captions = caption_people(article, options)
    persons = [c for c in clusters if c.type == "PERSON"]
    out = {}
    lead_role = next(iter(headline.items())) if len(headline) == 1 else None
    for m in masked:
        target = resolve_masked(article, m, persons, captions, headline)
        if target is not None:
            if lead_role and target.role in (None, lead_role[0]) and len(lead_role[1]) == 1:
                target.role, target.country = lead_role[0], target.country or next(iter(lead_role[1]))
            target.mentions.append(m)
            out[(m.start, m.end)] = target
            if target not in clusters:
                clusters.append(target)
    return out


def _name(ctx: _Context, c: Cluster) -> str:
    if c.type == "GPE" and c.key == c.country:
        if any(getattr(lookup(ctx.gazetteer, m.text), "kind", None) == "country" for m in c.mentions):
            return country_name(ctx.gazetteer, c.country) or c.longest_name()
    return c.longest_name()


def to_entities(ctx: _Context, clusters: list[Cluster]) -> list[Entity]:
    """Entities E1.. in order of first mention, with name, aliases and key."""
    out = []
    for c in sorted(clusters, key=lambda x: x.first):
        name = _name(ctx, c)
        if c.type == "PERSON":
            c.key = person_key(name)
        texts = [m.text for m in c.mentions if m.source != "masked"] + c.names
        aliases = sorted({t for t in texts if t != name}, key=texts.index)
        spans = sorted({(m.start, m.end) for m in c.mentions})
        out.append(Entity(id=f"E{len(out) + 1}", name=name, type=c.type, country=c.country,
                          role=c.role, aliases=aliases, mentions=[list(s) for s in spans], key=c.key,
                          country_from=c.country_from if c.country else None))
    return out


def dateline_cluster(ctx: _Context) -> Cluster | None:
    """The place of the dateline ("SEOUL:"), an entity of its own: where the story was
    filed, a city even when it is a capital. None when the gazetteer does not know it."""
    line = ctx.article.dateline or {}
    start, end = line.get("start"), line.get("end")
    if start is None or end is None or not line.get("text"):
        return None
    text = ctx.article.text[start:end]
    link = lookup(ctx.gazetteer, text)
    country = link.country if link is not None else place_country(ctx.gazetteer, text)
    if not country:
        return None  # not a place cronica knows ("SOCCER -" opening a sports page)
    return Cluster(PLACE_KEY + slug(text), "GPE", [Mention(start, end, text, "GPE", "dateline")], country)


def cluster_mentions(ctx: _Context, dateline: Cluster | None) -> list[Cluster]:
    """Clusters of the named mentions, the groups and the dateline, merged by key and name."""
    article = ctx.article
    named = [m for m in article.mentions if m.source != "masked" and not (
        dateline and m.start < dateline.mentions[0].end and dateline.mentions[0].start < m.end)]
    groups, replaced = group_clusters(ctx, named)
    named = [m for m in named if not any(m is r for r in replaced)]
    clusters = _merge_by_key([c for c in (cluster_of(ctx, m) for m in named) if c is not None] + groups
                             + ([dateline] if dateline else []))
    assign_roles(ctx, clusters)
    loose = {c.key for c in clusters if c.type in ("ORG", "LOC", "MISC") and len(c.mentions[0].text.split()) == 1
             and lookup(ctx.gazetteer, c.mentions[0].text) is None}
    loose |= {c.key for c in clusters if _surname_as_place(ctx, c, clusters)}
    return merge_place_parts(merge_short_names(clusters, ("PERSON",), tuple(loose)), ctx.connectors)


def _role_countries_of_article(ctx: _Context, clusters: list[Cluster], headline: dict) -> dict:
    people = [m for c in clusters if c.type == "PERSON" for m in c.mentions]
    known = role_countries(ctx.article.text, ctx.titles, ctx.evidence, ctx.patterns["link"], people)
    for role, countries in headline.items():
        known.setdefault(role, set()).update(countries)
    return known


def build_entities(article: Article, options) -> list[Entity]:
    """Cluster the article's mentions into entities.

    Args:
        article: with `mentions` and the spaCy Doc on `doc`.
        options: the pipeline options.
    Returns:
        the entities, numbered in order of first mention.
    """
    ctx = _Context(article)
    dateline = dateline_cluster(ctx)
    clusters = cluster_mentions(ctx, dateline)
    wanted = any(m.source == "masked" for m in article.mentions) or any(
        c.type == "PERSON" and c.role and not c.country for c in clusters)
    headline = headline_roles(article) if wanted else {}  # parsing the headline costs a spaCy run
    _fill_countries_from_roles(clusters, _role_countries_of_article(ctx, clusters, headline))
    masks = _resolve_masks(article, clusters, options, headline)
    article.home_country = _home_country(ctx, clusters, dateline)
    _fill_home_country(ctx, clusters, article.home_country)
    entities = to_entities(ctx, clusters)
    ids = {tuple(s): e.id for e in entities for s in e.mentions}
    for flag in article.flags:
        if flag.kind == "masked_mention" and (flag.start, flag.end) in masks:
            flag.resolved_to = ids.get((flag.start, flag.end))
    if dateline is not None:
        article.dateline["place"] = ids.get((dateline.mentions[0].start, dateline.mentions[0].end))
    elif article.dateline:
        article.dateline = None  # an upper-case label ("CHINESE AGGRESSION:"), not a place
    return entities


@component("cronica.entities.v1", assigns=["article.entities"], requires=["article.mentions"])
def make_entities(options):
    limit = options["max_entities_per_article"]

    def merge(article: Article) -> Article:
        article.entities = build_entities(article, options)[:limit]
        return article
    return merge
