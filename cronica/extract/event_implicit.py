"""What a sentence implies about an event without naming it: the actor of an act of the state
told in the passive or with an impersonal "se" ("fue detenido", "se detuvo a tres personas",
"la detención de 28 personas": the authorities of the place told of).

Rules over the parse and the frames of `lang/<lang>/event_triggers.yaml` only (`reflexive`,
`state_actor`); no word of any language is written here.
"""
from __future__ import annotations

from .event_roles import arguments, entities_of, is_passive, phrase_tokens, subject_of

# acts only a state does; told with no actor, their actor is the authorities of the place
# (not an expulsion: one is expelled from a party, a school or a contest too)
STATE_ACTS = {("COERCE", "arrest"), ("COERCE", "ban"), ("COERCE", "raid"), ("COERCE", "curfew"),
              ("COERCE", "censor"), ("ACCUSE", "investigate"), ("RETREAT", "release")}


def _lemma(verb) -> str:
    lemma = verb.lemma_.lower()
    return lemma.split(" ", 1)[0] if " " in lemma else lemma


def is_impersonal(trigger, lexicon) -> bool:
    """Whether a verb trigger carries a passive or impersonal "se" ("se enviaron invitaciones",
    "se detuvo a tres personas"): a reflexive pronoun on a verb that the lexicon does not list
    as pronominal ("reunirse", "negarse"). Its actor is unsaid, never the previous sentence's.

    Args:
        trigger: a triggers.Trigger.
        lexicon: the language's triggers.Lexicon.
    Returns:
        True for an impersonal or passive "se".
    """
    verb = trigger.head
    if trigger.kind == "noun" or _lemma(verb) in lexicon.reflexive_verbs:
        return False
    markers = set(lexicon.frames.get("reflexive") or ())
    return any(c.lower_ in markers and (c.i < verb.i or c.dep_.startswith("expl")) for c in verb.children)


def implicit_actor(trigger, roles, frames: dict, index, *, impersonal: bool) -> list[str]:
    """The authorities of the place told of, as the actor of a state's act told with no actor
    and done to someone: a passive ("fueron detenidos"), an impersonal "se", or a noun ("la
    aprehensión de Áñez").

    Args:
        trigger: a triggers.Trigger.
        roles: the event's roles found so far (the recipient must be known).
        frames: the language's frames (`state_actor`: the actor's name; `state_words`: words of
            acts only a state does, beyond the modes of STATE_ACTS: "was deported").
        index: the article's event_roles.EntityIndex.
        impersonal: whether the verb has an impersonal "se".
    Returns:
        [entity id] of the implied actor, or [].
    """
    name = next(iter(frames.get("state_actor") or ()), None)
    state_act = (trigger.type, trigger.mode) in STATE_ACTS or _lemma(trigger.head) in (frames.get("state_words") or ())
    if not name or not roles.target or not state_act:
        return []
    if trigger.kind == "noun" or impersonal or is_passive(trigger.head, frames):
        return [index.implicit(str(name), trigger.start)]
    return []


def absence_target(trigger, frames: dict, index) -> list[str]:
    """Whom a refusal told as an absence is aimed at: the named owner of the act not attended
    ("no acudió al acto del Gobierno"), else the one named as host in the clause the absence
    is set against ("Sánchez estuvo arropado por seis ministros, pero no acudieron los
    expresidentes").

    Args:
        trigger: a negated triggers.Trigger.
        frames: the language's frames (`addressee`: the markers of what is attended).
        index: the article's event_roles.EntityIndex.
    Returns:
        entity ids, or [].
    """
    verb = trigger.head
    addressee = set(frames.get("addressee") or ())
    for rel, marker, token in arguments(verb):
        if rel == "obl" and marker in addressee:
            owners = index.ids_in(phrase_tokens(token, frames))
            if owners:
                return owners
    if verb.dep_ == "conj":
        host = subject_of(verb.head)
        if host is not None:
            return entities_of(host, index, make_nominal=False)
    return []


def group_tokens(trigger, frames: dict) -> set[int]:
    """The words of the group an event is told of, beyond its own clause: those said to take
    part in an event noun ("Decenas de participantes de una marcha, desarrollada este domingo"),
    or the subject of a predicate participle ("Tres policías se encuentran detenidos"). Their
    count and the time they are placed at are the event's too."""
    noun, participants = trigger.head, set(frames.get("participants") or ())
    if trigger.kind == "verb" and noun.dep_ in ("obj", "xcomp") and noun.head.pos_ in ("VERB", "AUX"):
        # "Tres policías se encuentran detenidos": the count of those the predicate tells of
        subject = subject_of(noun.head)
        return {t.i for t in subject.subtree} if subject is not None else set()
    if trigger.kind != "noun" or not participants:
        return set()
    head = noun.head
    if head.i == noun.i or (head.lemma_.lower() not in participants and head.lower_ not in participants):
        return set()
    while head.dep_ in ("nmod", "obl") and head.head.pos_ in ("NOUN", "NUM") and head.head.i != head.i:
        head = head.head  # "Decenas de participantes": the count is the group's phrase
    return {t.i for t in head.subtree}


ADDRESSED = {"REQUEST", "ACCUSE", "THREATEN"}  # acts said to someone: a dative clitic is that someone


def clitic_target(trigger, frames: dict, index) -> list[str]:
    """Whom a dative clitic on a demand, reproach or threat stands for: the one the verb it
    depends on is aimed at ("se acercó a Sánchez para recriminarle el traslado": Sánchez, not
    the transfer reproached). Read from the parse's Case and Reflex features.

    Args:
        trigger: a triggers.Trigger.
        frames: the language's frames (`addressee`: the markers of a person aimed at).
        index: the article's event_roles.EntityIndex.
    Returns:
        entity ids, or [] when there is no dative clitic or no one to stand for.
    """
    verb = trigger.head
    if trigger.type not in ADDRESSED or trigger.kind == "noun" or verb.head.i == verb.i:
        return []
    dative = "Dat" in verb.morph.get("Case") or any(
        c.pos_ == "PRON" and "Dat" in c.morph.get("Case") and "Yes" not in c.morph.get("Reflex")
        for c in verb.children)
    if not dative or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return []
    addressee = set(frames.get("addressee") or ())
    for rel, marker, token in arguments(verb.head):
        if rel in ("obl", "obj") and marker in addressee and token.pos_ in ("NOUN", "PROPN"):
            return entities_of(token, index, make_nominal=False)
    return []
