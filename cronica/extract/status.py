"""Status of an event: asserted, reported, planned, denied or hypothetical.

Read from the trigger's clause: negation, modal and future auxiliaries, the verb's
tense and mood, and the verbs it depends on ("planea visitar", "negó que atacara").
The words are in `lang/<lang>/modality.yaml`; this module holds only the rule.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang.loader import load

EMBED = {"xcomp", "ccomp", "csubj", "advcl", "obj", "dobj", "acl", "pcomp", "pobj", "prep",
         "obl", "nmod", "mark"}
NONFINITE = {"Inf", "Ger"}
MODIFIER = {"aux", "aux:pass", "auxpass", "advmod", "neg", "mark", "cop"}
DENIED_DEPS = {"obj", "dobj", "ccomp", "xcomp", "csubj", "nsubjpass", "nsubj:pass", "pobj"}
_MAX_CLIMB = 4


@dataclass(frozen=True)
class Modality:
    """A language's modality words, by canonical key."""

    negation: frozenset
    deny: frozenset
    plan: frozenset
    future_aux: frozenset
    hypothetical: frozenset
    conditional: frozenset
    obligation: frozenset
    condition: frozenset = frozenset()


@lru_cache(maxsize=None)
def load_modality(lang: str) -> Modality:
    """Read `lang/<lang>/modality.yaml` into a Modality (cached)."""
    data = load(lang, "modality")

    def words(key):
        return frozenset(str(w).lower() for w in data.get(key) or ())
    return Modality(words("negation"), words("deny"), words("plan"), words("future_aux"),
                    words("hypothetical"), words("conditional"), words("obligation"), words("condition"))


def _words(token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _own_status(verb, modality: Modality) -> str | None:
    """Status marked on the verb itself: negation, modal, future, conditional."""
    mods = [c for c in verb.children if c.dep_ in MODIFIER] + [verb]
    if any(c.dep_ == "mark" and _words(c) & modality.condition for c in mods):
        return "hypothetical"  # the protasis of a condition ("si ... enfrenta agresión") did not happen
    if any(_words(c) & modality.negation for c in mods if c.i != verb.i):
        return "denied"
    if any(_words(c) & modality.hypothetical for c in mods if c.i != verb.i):
        return "hypothetical"
    if any(_words(c) & modality.future_aux for c in mods if c.i != verb.i and c.dep_ != "mark"):
        return "planned"
    if any("Fut" in c.morph.get("Tense") for c in mods):
        return "planned"
    if any("Cnd" in c.morph.get("Mood") for c in mods) or any(
            _words(c) & modality.conditional for c in mods if c.i != verb.i):
        return "conditional"
    return None


def _governed_status(verb, modality: Modality) -> str | None:
    """Status from the verbs the trigger depends on ("planea visitar", "puede discutir")."""
    token = verb
    for _ in range(_MAX_CLIMB):
        if token.dep_ not in EMBED or token.head.i == token.i:
            return None
        child, token = token, token.head
        lemma = token.lemma_.lower()
        # a plan or a modal governs an infinitive or a noun ("planea visitar", "anunció un paro")
        bare = bool(set(child.morph.get("VerbForm")) & NONFINITE) or child.pos_ in ("NOUN", "PROPN") \
            or child.tag_ == "VB"
        if lemma in modality.deny and child.dep_ in DENIED_DEPS:
            return "denied"  # what is denied, not where it is denied ("At a meeting, X denied ...")
        if bare and lemma in modality.hypothetical:
            return "hypothetical"
        if bare and (lemma in modality.plan or lemma in modality.future_aux):
            return "planned"
        # a negated governor ("no han revelado cuántos ... fueron desplegados") does not
        # deny what it embeds; a modal one makes it hypothetical
        if _own_status(token, modality) == "hypothetical":
            return "hypothetical"
    return None


def find_status(trigger, modality: Modality, *, reported: bool) -> str:
    """The status of one trigger.

    Args:
        trigger: a triggers.Trigger.
        modality: the language's Modality.
        reported: whether a reporting verb or "según X" governs the trigger.
    Returns:
        one of asserted, reported, planned, denied, hypothetical.
    """
    verb = trigger.head
    if trigger.kind == "noun" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "anunciaron una huelga": the noun's status is its verb's
    status = _own_status(verb, modality) or _governed_status(verb, modality)
    if status == "conditional":
        # "dijo que visitaría": a conditional under a reporting verb is a future in the past
        status = "planned" if reported else "hypothetical"
    return status or ("reported" if reported else "asserted")
