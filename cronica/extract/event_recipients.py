"""Recipients, purposes and readings of acts that an event's own arguments do not settle.

Rules of English and Spanish news as event coders (CAMEO, PLOVER) read them, over the
parse and the role markers of `lang/<lang>/event_triggers.yaml` only:

- a verb of intent takes the recipient of the act it announces: "Iran threatened to cut
  off electricity to Nakhichevan" is a threat to Nakhichevan;
- an act with no recipient is done to the place it is done in: "Serbia lifted a night
  curfew in Montenegro";
- an act's purpose is one event with it and lends it its recipient: "sent troops to help
  Russia", "began a hunger strike to protest against Sweden's decision";
- a reaction is aimed at the author of what it reacts to ("retaliate against sanctions
  imposed by the United States"); the accused is the accusing verb's object;
- a cooperation someone says they will not give is a refusal, force they say they will
  use is a threat; forces deployed with no agent named are the actor;
- a joint act whose subject does it "junto con" someone is done with that someone: "la
  ministra, junto con las autoridades de las provincias, realizaron una videoconferencia".
"""
from __future__ import annotations

from .event_roles import (JOINT_TYPES, NOMINAL_POS, PLACE_TYPES, SUBJECT, arguments, entities_of, find_roles,
                          is_passive, marker_of, phrase_tokens, subject_of)
from .event_reference import referent
from .triggers import Trigger

# "threatened to cut off ...", "vowed it would never rule out using force": the complement
# holds the act announced
CONTENT = {"xcomp", "ccomp"}
PURPOSE = {"advcl", "xcomp"}  # "sent troops to help Russia", "envió tropas para ayudar a Rusia"
PURPOSE_TYPES = {"AID"}  # help given by an act is that act's purpose, not a second event
# a protest's demand ("marched to demand reforms", "blocked roads demanding ...") is what the
# protest is for: one event, whose recipient is the one the demand is made of
PURPOSE_PAIRS = {("PROTEST", "REQUEST")}
VERBAL = {"VERB", "AUX"}
OBJECTS = {"dobj", "obj"}


def governor_of(trigger, by_token: dict, frames: dict):
    """The trigger whose act this one is the purpose or manner of: a purpose clause
    ("sent troops to help"), a participle ("marched, calling for"), or an "in" phrase of
    the same act ("began a hunger strike in protest against ...")."""
    # a participle's phrase stands where its noun does: "killed in the attack carried out by X"
    token = trigger.nominal_head or trigger.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        if token.head.lower_ not in (frames.get("purpose") or ()):
            return None  # "held talks during a visit": two acts
        token = token.head
    elif token.dep_ not in PURPOSE or any(c.dep_ in SUBJECT for c in token.children):
        return None  # "dispersed the crowd after protesters attacked": a clause with its own doer
    parent = token.head
    found = by_token.get(parent.i)
    if found is None:  # "began a hunger strike to protest": the verb's object is the trigger
        found = next((by_token[c.i] for c in parent.children if c.dep_ in OBJECTS and c.i in by_token), None)
    return found if found is not trigger else None


def is_purpose(trigger, by_token: dict, frames: dict) -> bool:
    """Whether a trigger only tells what the act it depends on is for: the help in
    "Kim has sent thousands of troops to help Russia", the protest in "began a hunger
    strike to protest against the decision"."""
    governor = governor_of(trigger, by_token, frames)
    if governor is None or trigger.kind == "noun" and trigger.head.dep_ != "pobj":
        return False
    return trigger.type == governor.type or (governor.type, trigger.type) in PURPOSE_PAIRS or (
        trigger.type in PURPOSE_TYPES and governor.type not in PURPOSE_TYPES)


def _lenders(trigger, by_token: dict, frames: dict) -> list:
    """Triggers that lend their recipient to this one: its purposes."""
    return [t for t in by_token.values() if governor_of(t, by_token, frames) is trigger
            and is_purpose(t, by_token, frames)]


def place_target(trigger, frames: dict, index) -> list[str]:
    """The country or region an act is done in ("in Montenegro"), read from the trigger,
    its noun, and the verb of a nominal trigger ("attend a summit in X", "arrived in Amman
    on a visit")."""
    markers = set(frames.get("place") or ())
    heads = [trigger.head] + ([trigger.noun] if trigger.noun is not None else [])
    governor = trigger.head.head
    if trigger.kind == "noun" and governor.dep_ == "prep":
        governor = governor.head  # "arrived in Amman on a visit": the verb of the noun's phrase
    if trigger.kind == "noun" and governor.pos_ in VERBAL:
        heads.append(governor)
    for head in heads:
        for rel, marker, token in arguments(head):
            if rel != "obl" or marker not in markers or token.pos_ not in NOMINAL_POS:
                continue
            for ent_id in index.ids_in(phrase_tokens(token, frames)):
                if index.types.get(ent_id) in PLACE_TYPES:
                    return [ent_id]
    return []


def content_target(trigger, frames: dict, index, by_token: dict, depth: int = 3) -> list[str]:
    """The recipient of the act an infinitive complement announces ("threatened to break
    relations with Russia"), or the place of that act; a complement's own complement
    counts too ("sent troops to help prolong Russia's war effort")."""
    if depth == 0:
        return []
    lenders = _lenders(trigger, by_token, frames)
    inners = lenders + [by_token.get(c.i) or Trigger(c, [c], trigger.type, None, "verb")
                        for c in trigger.head.children if c.dep_ in CONTENT and c.pos_ in VERBAL
                        and by_token.get(c.i) not in lenders]
    for inner in inners:
        target = find_roles(inner, frames, index).target or place_target(inner, frames, index) \
            or content_target(inner, frames, index, by_token, depth - 1)
        if target:
            return target
    return []


COOPERATION = {"verbal_cooperation", "material_cooperation"}
DECIDED = {"SANCTION", "MOBILIZE"}


def is_refusal(trigger, plover: dict, modality) -> bool:
    """A cooperation someone says they will not give is a refusal (PLOVER REJECT):
    "Syria says it will not accept any more refugees", "he would not provide support".
    The caller checks that someone says it; this reads the negated future."""
    if plover.get(trigger.type, {}).get("quad") not in COOPERATION:
        return False
    verb = trigger.head
    if trigger.kind == "noun" and verb.head.pos_ in VERBAL:
        verb = verb.head  # "would not provide support": the noun's verb
    words = [{c.lower_, c.lemma_.lower()} for c in verb.children if c.dep_ in ("aux", "neg", "advmod")]
    negated = any(w & modality.negation for w in words)
    return negated and any(w & (modality.future_aux | modality.conditional) for w in words)


def is_threat(trigger, plover: dict) -> bool:
    """An act of material conflict its actor says they will carry out is a threat (PLOVER
    THREATEN): "French farmers said they would blockade Paris". The caller checks that the
    act is planned and said by someone. A sanction or a deployment announced is a decision
    taken, coded as the act ("announced it would prohibit all aid", "decided to send workers
    and deminers to Kursk")."""
    return plover.get(trigger.type, {}).get("quad") == "material_conflict" and trigger.type not in DECIDED



def coordinated(trigger, governor) -> bool:
    """Whether a trigger is an act coordinated with its governor's, not its content:
    "demanded the soldier's release and blamed Hamas"."""
    return trigger.head.dep_ == "conj" and trigger.head.head.i == governor.head.i


def accused_target(trigger, frames: dict, index, source: list[str]) -> list[str]:
    """The one accused or blamed: the object of the verb itself, named or not ("accuses
    militants of using civilians as shields"), never someone inside what they are accused
    of; "each other" is the actors themselves."""
    verb = trigger.head
    if trigger.kind != "verb" or verb.lemma_.lower() not in (frames.get("accused_object") or ()):
        return []
    obj = next((c for c in verb.children if c.dep_ in OBJECTS), None)
    if obj is None:
        return []
    if obj.lower_ in (frames.get("reciprocal_pronouns") or ()):
        return list(source)
    if obj.pos_ not in NOMINAL_POS:
        return []
    # the object's own words: "Beijing's maritime militia", not "of using Gaza civilians"
    own = [obj] + [t for c in obj.children if c.dep_ in ("poss", "amod", "compound") for t in c.subtree]
    return index.ids_in(own) or [index.nominal(obj)]


REACTION = {"obj", "obl"}


def reaction_target(trigger, frames: dict, index, by_token: dict, told: dict | None = None) -> list[str]:
    """A reaction to an act is aimed at that act's author: "retaliate against new sanctions
    imposed by the United States", "accepted demands from Shona rebels". An act named with
    no author of its own but as one already told ("condemned the attack", "negó las
    acusaciones") is the act of that type told last (`told`: type -> its actor)."""
    recipient = set(frames.get("recipient") or ())
    for rel, marker, token in arguments(trigger.head):
        act = by_token.get(token.i) or _phrase_of(token, by_token)
        if act is None or act is trigger or rel not in REACTION or (rel == "obl" and marker not in recipient):
            continue
        author = find_roles(act, frames, index).source or _stated_author(trigger, frames, index)
        if not author and told and _told_before(act):
            author = list(told.get(act.type) or ())
        if author:
            return author
    return []


def _phrase_of(token, by_token: dict):
    """The phrase a token is the noun of: "sanctions" in "sanctions imposed by the United States"."""
    return next((t for t in by_token.values() if t.kind == "phrase" and token in t.tokens[1:]), None)


def _told_before(act) -> bool:
    """An event noun with a definite or demonstrative determiner ("the attack", "esas
    acusaciones"): an act the article has already told."""
    return act.kind == "noun" and any(
        c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
        for c in act.head.children)


def _stated_author(trigger, frames: dict, index) -> list[str]:
    """The author of the act reacted to, named by a marker that always names one, wherever the
    parser hung it: "ha denunciado el asesinato de dos trabajadores por parte de Israel"
    (frames `act_author`)."""
    markers = set(frames.get("act_author") or ())
    for rel, marker, token in arguments(trigger.head):
        if rel == "obl" and marker in markers and token.pos_ in NOMINAL_POS:
            return entities_of(token, index)
    return []


FORCES = {"MOBILIZE"}  # acts whose object is the actor's own forces


def deployed_forces(trigger, roles, frames: dict) -> bool:
    """Forces deployed with no agent named are the actor's own: in "Thousands of additional
    troops were deployed to the region" the troops act, they are not acted upon."""
    return trigger.type in FORCES and trigger.kind != "noun" and not roles.source and bool(roles.target) \
        and is_passive(trigger.head, frames)


def marked_recipient(trigger, frames: dict, index) -> list[str]:
    """The entities of the trigger's first argument marked as a recipient ("to Kashmir")."""
    recipient = set(frames.get("recipient") or ())
    for rel, marker, token in arguments(trigger.head):
        if rel == "obl" and marker in recipient and token.pos_ in NOMINAL_POS:
            return index.ids_in(phrase_tokens(token, frames)) or referent(token, index)  # "to the region"
    return []


def lent_actor(trigger, frames: dict, index, by_token: dict) -> list[str]:
    """The actor of an act's purpose or manner, for an act with none of its own: "four
    children were killed in Israeli tank shelling" (the shelling's actor killed them)."""
    for inner in _lenders(trigger, by_token, frames):
        source = find_roles(inner, frames, index).source
        if source:
            return source
    return []


def carried_actor(trigger, frames: dict, index) -> list[str]:
    """The actor a clause lends an act with none of its own: an attack an instrument is used
    or answered with ("Russia used the missile during an attack on Kyiv", "India responded
    with an airstrike"), the means of a deed ("Hamas broke the accord by attacking"), and a
    predicate adjective's subject ("France is ready to contribute troops")."""
    token = trigger.head
    if token.dep_ == "acomp":  # "France is ready to contribute troops": the copula's subject
        subject = subject_of(token.head)
        return entities_of(subject, index) if subject is not None and subject.pos_ in NOMINAL_POS else []
    if token.dep_ not in ("pobj", "pcomp") or token.head.dep_ != "prep":
        return []
    verb = token.head.head
    means = trigger.kind != "noun" and token.head.lower_ in (frames.get("agent") or ())
    used = trigger.kind == "noun" and verb.lemma_.lower() in (frames.get("instrument_verbs") or ())
    if verb.pos_ not in VERBAL or not (means or used):
        return []
    subject = subject_of(verb)
    return entities_of(subject, index) if subject is not None and subject.pos_ in NOMINAL_POS else []


def object_owner(trigger, index) -> list[str]:
    """Entities named inside the object of a verb phrase ("expelled two Russian diplomats",
    "recalled France's ambassador"): the recipient of the act, never its actor."""
    noun = trigger.noun
    if trigger.kind != "phrase" or noun is None or noun.dep_ not in OBJECTS or own_forces(trigger):
        return []
    inside = [t for c in noun.children if c.dep_ in ("amod", "compound", "poss") for t in c.subtree]
    return index.ids_in(inside)


OWN_FORCES = {("RETREAT", "withdraw"), ("MOBILIZE", "troops"), ("MOBILIZE", "police")}


def own_forces(trigger) -> bool:
    """Whether the act moves its actor's own forces ("pulling U.S. troops from the area", "sent
    Russian troops to Kursk"): the forces named are the actor's, never the recipient."""
    return (trigger.type, trigger.mode) in OWN_FORCES


def origin_target(trigger, frames: dict, index) -> list[str]:
    """The place forces are withdrawn from (`frames.origin`): "pulling troops from the area"."""
    if (trigger.type, trigger.mode) != ("RETREAT", "withdraw"):
        return []
    origin = set(frames.get("origin") or ())
    for rel, marker, token in arguments(trigger.head):
        if rel == "obl" and marker in origin and token.pos_ in NOMINAL_POS:
            return entities_of(token, index, make_nominal=False)
    return []


def particle_object(trigger, index) -> list[str]:
    """The one a phrase's particle points at ("called on Trump to uphold the pact", where
    the parser makes "on" a particle holding "Trump")."""
    for word in trigger.tokens[1:]:
        for child in word.children:
            if child.dep_ == "pobj" and child.pos_ in NOMINAL_POS:
                return index.ids_in(phrase_tokens(child))
    return []


def fallback_target(trigger, frames: dict, index, by_token: dict) -> list[str]:
    """A recipient for an event whose own arguments name none (see the module's rules).

    Args:
        trigger: the event's triggers.Trigger.
        frames: the language's role markers.
        index: the article's EntityIndex.
        by_token: the sentence's triggers by head token index.
    Returns:
        entity ids, or [] when neither rule applies.
    """
    return particle_object(trigger, index) or aimed_target(trigger, frames, index) \
        or content_target(trigger, frames, index, by_token) \
        or channel_target(trigger, frames, index) or companion_target(trigger, frames, index) \
        or origin_target(trigger, frames, index) or place_target(trigger, frames, index)


def aimed_target(trigger, frames: dict, index) -> list[str]:
    """The one an act's noun is aimed at by a participle (frames `aiming`): "announced
    retaliatory tariffs aimed at the United States", "sanciones dirigidas contra Rusia"."""
    aiming, recipient = set(frames.get("aiming") or ()), set(frames.get("recipient") or ())
    nouns = [trigger.head] if trigger.kind == "noun" else trigger.tokens[1:]
    for noun in nouns:
        for participle in (c for c in noun.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in aiming):
            for rel, marker, token in arguments(participle):
                if token.pos_ in NOMINAL_POS and (rel == "obj" or rel == "obl" and marker in recipient):
                    return entities_of(token, index, make_nominal=False)
    return []


def companion_target(trigger, frames: dict, index) -> list[str]:
    """The one a joint act's subject does it with (frames `comitative`): "la ministra, junto
    con las autoridades sanitarias de las provincias, realizaron una videoconferencia"."""
    markers = set(frames.get("comitative") or ())
    if not markers or trigger.type not in JOINT_TYPES or trigger.mode == "visit":
        return []  # "el presidente, junto con su esposa, visitó el hospital": she visits too
    verb = trigger.head.head if trigger.kind == "noun" else trigger.head  # a noun's support verb
    subject = subject_of(verb)
    if subject is None:
        return []
    for token in subject.subtree:
        if token.dep_ in ("nmod", "obl", "pobj") and token.pos_ in NOMINAL_POS and marker_of(token) in markers:
            return entities_of(token, index)
    return []


def channel_target(trigger, frames: dict, index) -> list[str]:
    """The one a message is addressed to, when the act is told through it: "denunció
    persecución en una carta a Arce" (frames `channels`: letters, messages, statements)."""
    channels, addressee = set(frames.get("channels") or ()), set(frames.get("addressee") or ())
    for rel, _, token in arguments(trigger.head):
        if rel != "obl" or token.lemma_.lower() not in channels:
            continue
        for inner_rel, marker, inner in arguments(token):
            if inner_rel == "obl" and marker in addressee and inner.pos_ in NOMINAL_POS:
                return entities_of(inner, index)
    return []
