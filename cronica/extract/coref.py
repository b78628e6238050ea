"""Coreference within one article: short names to full names, and masked names to people.

`Lavrov` joins `Sergey Lavrov`, `Kim` joins `Kim Jong Un` and `Serguéi Lavrov` joins
`Sergey Lavrov` when exactly one longer name fits; `Norte` joins `Corea del Norte` the
same way. A masked name (`©© viajará a ...`) is resolved to the one person a caption
line names, else to the person the headline's role points at, else to the first person
named right after it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Mention
from .linking import skeleton, without_initials


@dataclass
class Cluster:
    """Mentions of one entity while the article is being read."""

    key: str
    type: str
    mentions: list = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    names: list = field(default_factory=list)  # names known from outside the text (captions)
    country_from: str | None = None  # "article" when the country is inferred, not stated

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 10**12

    def longest_name(self) -> str:
        """The longest spelled-out name of the cluster (most words, then first)."""
        texts = [m.text for m in self.mentions if m.source != "masked"] + self.names
        return max(texts, key=lambda t: (len(t.split()), -texts.index(t))) if texts else ""


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _given_variant(a: str, b: str) -> bool:
    """Two given names are variants: same initial and at most two edits apart."""
    return a[:1] == b[:1] and _edit_distance(a, b) <= max(1, min(len(a), len(b)) // 3)


def name_fits(short: str, full: str) -> bool:
    """True when `short` can name the same person as `full`.

    A one-word name is the first or last word of the full name (Lavrov, Kim); a longer
    one has the same last word and variant given names (Serguéi / Sergey Lavrov).
    """
    # a middle initial is no part of the match: "Donald Trump" names "Donald J. Trump"
    s, f = without_initials(skeleton(short).split()), without_initials(skeleton(full).split())
    if not s or not f or len(s) > len(f):
        return False
    if len(s) == 1:
        return s[0] in (f[0], f[-1])
    if len(s) == len(f):
        return s[-1] == f[-1] and all(_given_variant(x, y) for x, y in zip(s[:-1], f[:-1]))
    return s == f[-len(s):] or s == f[:len(s)]


def _fitting(c: Cluster, out: list[Cluster], types: tuple) -> list[Cluster]:
    """Longer clusters of the given types whose name `c`'s name fits; a mistyped cluster
    (not of those types) also joins a person of exactly its name."""
    name = c.longest_name()
    same = c.type not in types
    return [o for o in out if o.type in types and o is not c
            and len(o.longest_name().split()) >= len(name.split())
            and (o.longest_name() != name or same) and name_fits(name, o.longest_name())]


def merge_short_names(clusters: list[Cluster], types: tuple, loose: tuple = ()) -> list[Cluster]:
    """Fold each cluster of the given types into the one longer cluster its name fits.

    Args:
        clusters: the article's clusters.
        types: entity types whose names are compared (PERSON).
        loose: keys of one-word clusters of any type the model may have mistyped
            ("Trump" read as a place), folded into a person whose name they fit.
    Returns:
        the clusters left.
    """
    ordered = sorted(clusters, key=lambda c: -len(c.longest_name().split()))
    out: list[Cluster] = []
    for c in ordered:
        if c.type not in types and c.key not in loose:
            out.append(c)
            continue
        fits = _fitting(c, out, types)
        if len(fits) == 1:
            fits[0].mentions.extend(c.mentions)
            fits[0].role = fits[0].role or c.role
            fits[0].country = fits[0].country or (c.country if c.type in types else None)
        else:
            out.append(c)
    return out


def merge_place_parts(clusters: list[Cluster], connectors: set) -> list[Cluster]:
    """Fold a one-word place ("Norte", "North") into the one multi-word place it is a
    word of ("Corea del Norte", "North Korea")."""
    out = list(clusters)
    for c in clusters:
        words = c.longest_name().split()
        if c.type not in ("GPE", "LOC") or len(words) != 1 or c.country:
            continue
        fits = [o for o in out if o is not c and o.type == "GPE" and o.country
                and len(o.longest_name().split()) > 1
                and words[0] in [w for w in o.longest_name().split() if w.lower() not in connectors]]
        if len({id(o) for o in fits}) == 1:
            fits[0].mentions.extend(c.mentions)
            out.remove(c)
    return out


def _lead(article: Article, mention: Mention, sentences: int = 2) -> bool:
    """True when the mention stands in the first sentences of the text."""
    starts = sorted(s.start for s in article.sentences)
    return len(starts) <= sentences or mention.start < starts[sentences]


def _next_person(article: Article, mention: Mention, persons: list[Cluster]) -> Cluster | None:
    """The person named first after the mention, within the next two sentences."""
    ends = sorted(s.end for s in article.sentences if s.end > mention.end)
    limit = ends[1] if len(ends) > 1 else (ends[0] if ends else len(article.text))
    after = [(m.start, c) for c in persons for m in c.mentions
             if mention.end <= m.start < limit and m.source != "masked"]
    return min(after, key=lambda p: p[0])[1] if after else None


def resolve_masked(article: Article, masked: Mention, persons: list[Cluster],
                   caption_people: list[tuple], headline_roles: dict) -> Cluster | None:
    """The person a masked mention stands for, or None when the context is not clear.

    Args:
        article: the article.
        masked: the masked mention.
        persons: person clusters of the text.
        caption_people: (name, role, country) of each person the caption lines name.
        headline_roles: role -> countries the headline pairs with it.
    Returns:
        the person's cluster (possibly new, when only a caption names the person), or None.
    """
    if _lead(article, masked) and len({skeleton(n) for n, _, _ in caption_people}) == 1:
        name, role, country = caption_people[0]
        match = [c for c in persons if name_fits(c.longest_name(), name)]
        target = match[0] if len(match) == 1 else None
        if target is None:
            target = Cluster(key="", type="PERSON")
            persons.append(target)
        target.names.append(name)
        target.role, target.country = target.role or role, target.country or country
        return target
    if _lead(article, masked) and headline_roles:
        match = [c for c in persons if c.role in headline_roles]
        if len(match) == 1:
            return match[0]
    return _next_person(article, masked, persons)
