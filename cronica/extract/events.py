"""Events typed with PLOVER, with roles, status, attribution and evidence.

For each sentence: find triggers (`triggers.py`), read actor, recipient and place
from the parse (`roles.py`), who reports it (`attribution.py`) and its status
(`status.py`), then tie the times and quantities found inside the trigger's clause.
A clause without a subject (Spanish pro-drop, or a pronoun) takes the main actor of
the previous sentences, with lower confidence. `when` is the time expression of the
trigger's clause; a past event in a sentence with no time expression at all continues
the narrative time ("Lavrov visitó Corea del Norte en junio de 2024 ... Los líderes
firmaron un acuerdo"; `event_when.py` reads dates and figures); otherwise `when` is null:
the publication date is not the date of the event.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Event
from ..pipeline import component
from .attribution import find_attribution, is_reporting, load_reporting
from .event_recipients import (accused_target, carried_actor, coordinated, deployed_forces, fallback_target,
                               is_purpose, is_refusal, is_threat, lent_actor, marked_recipient, object_owner,
                               reaction_target)
from .event_parties import fill_story_parties
from .event_received import received_roles
from .event_speech import find_speech_acts
from .event_time import VERBAL, borrowed_time, said_time, spoken_when
from .event_when import Narrative, event_quantities as _quantities, event_when as _when, own_clause
from .event_implicit import absence_target, clitic_target, group_tokens, implicit_actor, is_impersonal
from .event_roles import (PHYSICAL, SUBJECT, EntityIndex, arguments, clause_of_time, entities_of, find_roles,
                          is_passive, is_pronoun, marker_of, names_people, subject_of, subject_referent)
from .status import find_status, load_modality
from .triggers import find_triggers, load_lexicon

# the content of a demand, threat or accusation is not an event that happened
CONTENT_OF = {"REQUEST", "THREATEN", "ACCUSE"}
DENYING = {("REJECT", "deny")}
# what is agreed to, promised or refused has not happened: "agreed to provide aid", "refused to deploy"
INTENDED = {"AGREE", "REJECT"}
_MAX_CLIMB = 4
# attacks told again with no doer ("the Sunday airstrike hit ..."): the last named attacker's
RETOLD_DEEDS = {"ASSAULT"}
NO_DOERS = {"LOC"}  # who may not be that attacker: a place (nor a thing, nor words naming no people)


@dataclass
class Context:
    """What one sentence leaves to the next: the main actor, for subjectless clauses."""

    actor: list = field(default_factory=list)
    narrative: Narrative = field(default_factory=Narrative)  # the times the story is told at
    by_type: dict = field(default_factory=dict)  # type -> actor of the last event of that type
    target_by_type: dict = field(default_factory=dict)  # type -> recipient of the last event of that type
    told: list = field(default_factory=list)  # (type, actor) of the events told so far, in order


def _governing(trigger, by_token: dict):
    """The nearest trigger whose clause holds this one (ancestors in the parse)."""
    token = trigger.head
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        other = by_token.get(token.i)
        if other is not None and other is not trigger:
            return other
    return None


def _clause_tokens(trigger) -> set[int]:
    """Token indices of the trigger's own clause, nested clauses left out; with a noun's, the
    clause of the verb it hangs on (through a preposition too); with a participle on a verb's
    object, that verb's."""
    heads = [trigger.head]
    governor = trigger.head.head
    if governor.pos_ == "ADP" and governor.head.pos_ in ("VERB", "AUX"):
        governor = governor.head  # "rallied in solidarity Thursday": through the preposition
    if trigger.kind == "noun" and governor.pos_ in ("VERB", "AUX"):
        heads.append(governor)
    verb = trigger.head
    if trigger.kind != "noun" and verb.dep_ == "acl" and "Fin" not in verb.morph.get("VerbForm") \
            and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.dep_ in ("dobj", "obj"):
        heads.append(verb.head.head)  # "published a story Friday accusing China": the story's day
    return set().union(*(own_clause(head) for head in heads))


def _needs_context(trigger, frames) -> bool:
    """A finite verb with no subject of its own, or a pronoun subject."""
    verb = trigger.head
    if trigger.kind == "noun" and verb.dep_ in ("obj", "dobj") and (
            verb.head.lemma_.lower() in (frames.get("support_verbs") or ())):
        verb = verb.head  # "lanzó su crítica": the support verb's missing subject
    elif verb.dep_ == "acomp" and verb.pos_ == "ADJ":
        verb = verb.head  # "I am fully prepared to destroy ...": the copula's subject
    elif trigger.kind == "noun" or is_passive(verb, frames):
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT]
    if subjects:
        return all(is_pronoun(s) for s in subjects)
    return "Fin" in verb.morph.get("VerbForm") or verb.tag_ in ("VBD", "VBZ", "VBP")


def _speaker(trigger, index, reporting) -> list[str]:
    """A pronoun subject of a reported clause is its speaker: "Lam said she was withdrawing the bill"."""
    verb = trigger.head
    if verb.dep_ == "acomp":
        verb = verb.head  # "Trump said: I am fully prepared to ...": the copula's clause
    while verb.dep_ == "xcomp" and verb.head.i != verb.i and not any(c.dep_ in SUBJECT for c in verb.children):
        verb = verb.head  # "We continue to consult with ..., the Pentagon said": the clause of "continue"
    if verb.dep_ not in ("ccomp", "parataxis") or not is_reporting(verb.head, reporting):
        return []
    pronoun = next((c for c in verb.children if c.dep_ in SUBJECT and is_pronoun(c)), None)
    if pronoun is None:
        return []
    speaker = subject_of(verb.head)
    # "we" speaks for a body ("we continue to consult, the Pentagon said"); a third person must agree
    first = "1" in pronoun.morph.get("Person")
    if speaker is None or is_pronoun(speaker) or (
            not first and _number(pronoun) not in (_number(speaker), None)):
        return []  # "they asked for a ransom, Morning Star News reported": not the reporter
    return entities_of(speaker, index)


def _number(token) -> str | None:
    found = token.morph.get("Number")
    return found[0] if found else None


def _is_bare(trigger, roles, dateline_place=None) -> bool:
    """An act of no one, nowhere: a noun that is not its clause's topic ("la entrada de la ayuda
    humanitaria", but "La huelga general fue un éxito"), or a subjectless subordinate verb
    ("Lejos de negar el recrudecimiento ..."). The dateline, every event's place by default,
    does not make a place of its own."""
    if roles.source or roles.target or (roles.where and roles.where != dateline_place):
        return False
    if trigger.kind != "noun":
        return any(c.dep_ == "mark" and c.i < trigger.head.i for c in trigger.head.children) \
            and not any(c.dep_ in SUBJECT for c in trigger.head.children)
    # "its demands", "sus exigencias": an owned noun is someone's act
    owned = any(c.dep_ == "poss" or "Yes" in c.morph.get("Poss") for c in trigger.head.children)
    return not owned and trigger.head.dep_ not in SUBJECT and trigger.head.dep_ != "ROOT"


CONTENT_DEPS = {"obj", "dobj", "ccomp", "xcomp", "nsubjpass", "nsubj:pass"}


def _is_content(trigger, governor) -> bool:
    """Whether a trigger lies in what its governor denies ("negó la participación de X"),
    not in an adjunct ("At a meeting on the strike, X denied ...")."""
    token = trigger.head
    while token.head.i != governor.head.i and token.head.i != token.i:
        token = token.head
    return token.dep_ in CONTENT_DEPS or token.i == governor.head.i


SETTING = {"obl", "advcl", "nmod", "prep"}


def _is_setting(trigger, governor, frames: dict) -> bool:
    """Whether a trigger is the time or setting of its governor ("Tras la detención de 28
    personas, sus familiares denunciaron abusos", "blamed Obama before beheading Sotloff") or
    lies in its subject ("Participantes de una marcha exigieron ..."), not in what is demanded
    or denounced."""
    token = trigger.head
    main = clause_of_time(token, frames)
    if main is not None and main.i == governor.head.i:
        return True  # "condemned the president after police cleared protesters": when, not what
    while token.head.i != governor.head.i and token.head.i != token.i:
        token = token.head
    if token.dep_ in SUBJECT:
        return True
    token = trigger.head
    if trigger.kind != "noun" or token.head.i != governor.head.i:
        return False
    return token.dep_ in SETTING and any(c.dep_ == "case" for c in token.children) and token.i < governor.head.i


def _answered(trigger, by_token: dict, frames, index) -> list[str]:
    """A denial answers the author of what it denies: "denied his Russian counterpart's accusations"."""
    if (trigger.type, trigger.mode) not in DENYING:
        return []
    for child in trigger.head.children:
        other = by_token.get(child.i)
        if other is not None and child.dep_ in CONTENT_DEPS and other.type in CONTENT_OF:
            return roles_of_governor(other, frames, index)
    return []


def _by_nature(trigger, lexicon) -> bool:
    """An earthquake, a storm or a fire that "struck" or "killed" is no one's act (the verb's
    subject, or the noun its present participle modifies, is a hazard; event nouns are left
    alone: "opened fire" is an act)."""
    if trigger.kind == "noun":
        return False
    verb = trigger.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT]
    if not subjects and verb.dep_ == "conj":  # "sacudió Nepal y mató a decenas": the first verb's subject
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT]
    if not subjects and verb.dep_ in ("acl", "amod") and "Pres" in verb.morph.get("Tense") \
            and "Part" in verb.morph.get("VerbForm"):  # "fires burning in New South Wales": the noun does it
        subjects = [verb.head]
    return any(c.lemma_.lower() in lexicon.natural_forces or c.lower_ in lexicon.natural_forces for c in subjects)


def _against_nature(trigger, lexicon) -> bool:
    """A fight against a disease, a fire or a storm is no assault: "el combate contra la
    pandemia", "combatir el virus", "fight the fire" (its object or complement is a hazard)."""
    if trigger.type != "ASSAULT":
        return False
    heads = [trigger.head] + ([trigger.noun] if trigger.noun is not None else [])
    own = {t.i for t in trigger.tokens}  # "prendieron fuego a un policía": the phrase's own fire
    found = []
    for head in heads:
        for child in head.children:
            if child.dep_ in ("obj", "dobj", "obl", "nmod", "prep") and child.i not in own:
                found.append(child)
                found += [c for c in child.children if c.dep_ == "pobj"]
    return any(t.lemma_.lower() in lexicon.natural_forces or t.lower_ in lexicon.natural_forces for t in found)


def _is_imperative(trigger) -> bool:
    """An order or plea in a quote names no act yet: "Please support us in our fight"."""
    verb = trigger.head
    if trigger.kind == "noun" or any(c.dep_ in SUBJECT for c in verb.children):
        return False
    bare = verb.tag_ == "VB" and verb.dep_ in ("ROOT", "ccomp", "parataxis") and not any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)  # no "to", "will", "did"
    return "Imp" in verb.morph.get("Mood") or bare


def _is_demanded(trigger, modality, reporting) -> bool:
    """What a reported obligation demands has not happened: "Israel says Hamas should be
    disarmed" is a demand (`_demands`), not a disarmament."""
    verb = trigger.head if trigger.kind != "noun" else trigger.head.head
    if verb.dep_ not in ("ccomp", "xcomp") or not is_reporting(verb.head, reporting):
        return False
    speaker = subject_of(verb.head)
    return any(c.dep_ == "aux" and c.lemma_.lower() in modality.obligation for c in verb.children) \
        and speaker is not None and not is_pronoun(speaker) and subject_of(verb) is not None


def _is_generic(trigger, frames) -> bool:
    """A state of a whole population, not an act: "most people there oppose Indian rule" (a
    simple present whose subject a quantifier of `frames.generic_quantifiers` opens)."""
    verb = trigger.head
    if trigger.kind != "verb" or verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ == "aux" for c in verb.children):
        return False
    quantifiers = set(frames.get("generic_quantifiers") or ())
    return any(c.dep_ in SUBJECT and any(q.lower_ in quantifiers for q in c.children if q.i < c.i)
               for c in verb.children)


def _is_characterisation(trigger) -> bool:
    """A threat named as what something is, not one made: "upholding these rights is not a
    threat to stability", "made it a significant threat to the climate", "es una amenaza para
    la región" (the noun as a predicate: an attribute, the head of a copula or of a clause
    with a subject of its own)."""
    noun = trigger.head
    return trigger.kind == "noun" and trigger.type == "THREATEN" and (
        noun.dep_ in ("attr", "oprd") or any(c.dep_ == "cop" or c.dep_ in SUBJECT for c in noun.children))


def _is_ability(trigger, frames) -> bool:
    """An act someone or something is able to do, not one done: "a missile capable of
    striking U.S. forces", "un misil capaz de alcanzar" (`frames.ability`)."""
    token = trigger.head
    if token.dep_ in ("pcomp", "pobj", "xcomp", "acl") and token.head.dep_ == "prep":
        token = token.head  # "capable of striking": the preposition hangs the act on the adjective
    return token.head.lemma_.lower() in (frames.get("ability") or ()) and token.dep_ in (
        "prep", "xcomp", "pcomp", "acl", "advcl", "ccomp")


def _is_speech(trigger, reporting) -> bool:
    """A verb both of saying and of an act ("reconoció que ...") reports when it takes a clause."""
    verb = trigger.head
    return trigger.kind == "verb" and is_reporting(verb, reporting) and any(
        c.dep_ in ("ccomp", "parataxis") for c in verb.children)


def _is_definite(trigger) -> bool:
    """An event noun with a definite article ("la huelga", "the strike", "the sanctions imposed
    on North Korea"): one already told of."""
    noun = trigger.nominal_head
    return noun is not None and any("Def" in c.morph.get("Definite") for c in noun.children if c.dep_ == "det")


def _promises_not(trigger, modality) -> bool:
    """A promise of not acting is a refusal: "vowed not to cooperate", "se comprometió a no
    participar" (a verb whose infinitive complement is negated)."""
    if trigger.kind != "verb":
        return False
    return any(c.dep_ in ("xcomp", "advcl") and c.i > trigger.head.i and "Inf" in c.morph.get("VerbForm")
               and any(n.dep_ in ("neg", "advmod") and n.lower_ in modality.negation and n.i < c.i
                       for n in c.children)
               for c in trigger.head.children)


def _confidence(roles, trigger, inherited: bool) -> float:
    score = 0.45 + (0.25 if roles.source_how == "syntax" else 0.0)
    score += 0.15 if roles.target_how == "syntax" else 0.0
    score -= 0.1 if inherited else 0.0
    score -= 0.05 if trigger.kind == "noun" else 0.0
    return round(min(0.95, max(0.1, score)), 2)


def _event_for(trigger, sent, article, index, langdata, by_token, context) -> Event | None:
    """Build the event of one trigger, or None when it is the content of a demand or threat."""
    lexicon, modality, reporting = langdata
    if _is_speech(trigger, reporting) or _is_imperative(trigger) or _by_nature(trigger, lexicon) \
            or _against_nature(trigger, lexicon) \
            or is_purpose(trigger, by_token, lexicon.frames) or _is_demanded(trigger, modality, reporting) \
            or _is_generic(trigger, lexicon.frames) or _is_ability(trigger, lexicon.frames) \
            or _is_characterisation(trigger):
        return None
    governor = _governing(trigger, by_token)
    if governor is not None and governor.type in CONTENT_OF and trigger.type != governor.type \
            and not coordinated(trigger, governor) and not _is_setting(trigger, governor, lexicon.frames):
        return None
    if governor is not None and governor.type in INTENDED and (governor.type, governor.mode) not in DENYING \
            and trigger.type != governor.type and _is_content(trigger, governor):
        return None
    frames = lexicon.frames
    place = (article.dateline or {}).get("place")
    roles = find_roles(trigger, frames, index, dateline_place=place if place in index.types else None)
    received = received_roles(trigger, frames, index)
    if received:  # "received a phone call from Taiwan's president": the caller acts on the subject
        roles.source, roles.target = received
    if _is_bare(trigger, roles, place):
        return None
    answered = _answered(trigger, by_token, frames, index)
    if answered:
        roles.target, roles.target_how = answered, "syntax"
    if not roles.source:
        roles.source = [i for i in carried_actor(trigger, frames, index) or lent_actor(trigger, frames, index, by_token)
                        if i not in roles.target]
    if deployed_forces(trigger, roles, frames):
        roles.source, roles.target = roles.target, marked_recipient(trigger, frames, index)
    reacted = [i for i in reaction_target(trigger, frames, index, by_token, context.by_type)
               if i not in roles.source]
    if reacted and not answered:
        roles.target = reacted
    accused = accused_target(trigger, frames, index, roles.source) or clitic_target(trigger, frames, index)
    if accused:
        roles.target = accused
    owner = object_owner(trigger, index)
    if owner and not roles.target:
        roles.source, roles.target = [i for i in roles.source if i not in owner], owner
    if not roles.target:
        roles.target = [i for i in fallback_target(trigger, frames, index, by_token) if i not in roles.source]
    roles.source = [i for i in roles.source if i not in index.things]  # "the blast hit", "bodies were brought"
    if roles.source and roles.source_how == "syntax" and all(i in index.unpeopled for i in roles.source):
        # "la crisis exige", "los datos se están manifestando", "la ley prohíbe": a thing does
        # no deed of words or will; a harm it causes has no actor
        if trigger.type not in PHYSICAL:
            return None
        roles.source = []
    inherited = retold = False
    if not roles.source and trigger.kind != "noun":
        roles.source = [i for i in _speaker(trigger, index, reporting) if i not in roles.target]
    impersonal = is_impersonal(trigger, lexicon)
    if not roles.source and not is_passive(trigger.head, frames):
        # "a report in which it accused the CIA": the subject a pronoun takes up
        roles.source = [i for i in subject_referent(trigger, index) if i not in roles.target]
    if not roles.source and context.actor and _needs_context(trigger, frames) and not impersonal:
        roles.source, inherited = [i for i in context.actor if i not in roles.target], True
    elif not roles.source and _is_definite(trigger) and context.by_type.get(trigger.type):
        # "La huelga ... " after "los mineros iniciaron una huelga": the strike told of before
        roles.source, inherited = [i for i in context.by_type[trigger.type] if i not in roles.target], True
        roles.target = roles.target or [i for i in context.target_by_type.get(trigger.type, ()) if i not in roles.source]
    elif not roles.source and roles.target and trigger.type in RETOLD_DEEDS and context.by_type.get(trigger.type):
        # "the Sunday airstrike hit a military facility" after "Israel launched an airstrike":
        # an attack told with no doer is the last named attacker's, when a person or group and
        # not of the country its victims are named with ("damaged in clashes with Chinese vessels")
        country = {e.id: e.country for e in index.article.entities if e.id not in index.guessed}
        harmed = {country.get(i) for i in roles.target} - {None}
        roles.source = [i for i in context.by_type[trigger.type]
                        if i not in roles.target and index.types.get(i) not in NO_DOERS
                        and i not in index.things and i not in index.unpeopled and country.get(i) not in harmed]
        inherited = retold = bool(roles.source)
    if not roles.source:
        roles.source = implicit_actor(trigger, roles, frames, index, impersonal=impersonal)
    attribution = find_attribution(trigger, sent, article, index, reporting)
    status = find_status(trigger, modality, reported=attribution is not None)
    if trigger.negated and status == "denied":  # "no acudieron": the negation is the act
        status = "reported" if attribution is not None else "asserted"
        roles.target = [i for i in absence_target(trigger, frames, index) if i not in roles.source]
    if governor is not None and (governor.type, governor.mode) in DENYING and _is_content(trigger, governor):
        status = "denied"
        attribution = attribution or {"text": article.text[governor.start:governor.end],
                                      "source": (roles_of_governor(governor, frames, index) or [None])[0]}
    tokens = _clause_tokens(trigger) | group_tokens(trigger, frames)
    when = _when(trigger, article, tokens, planned=status == "planned") or said_time(
        trigger, article, lexicon, reporting)
    if when is None:  # a past deed told without a date continues the narrative time
        when = context.narrative.when_for(trigger, sent, article, told=status in ("asserted", "reported"))
    etype, emode = trigger.type, trigger.mode
    if etype == "AGREE" and _promises_not(trigger, modality):
        etype, emode = "REJECT", "refuse"  # "vowed not to cooperate with the US administration"
    if (etype, emode) == ("ASSAULT", "crowd-control") and roles.source \
            and all(index.types.get(i) == "PERSON" for i in roles.source):
        etype, emode = "ACCUSE", "disapprove"  # "Bono cargó contra el exsecretario general": words, not a charge
    if status == "denied" and attribution is not None and is_refusal(trigger, lexicon.plover, modality):
        etype, emode, status = "REJECT", "refuse", "reported"  # "X said it would not ...": a refusal
    elif status == "planned" and attribution is not None and is_threat(trigger, lexicon.plover):
        etype, emode, status = "THREATEN", None, "reported"  # "X said it would blockade ...": a threat
    if when is None:  # an announced act is dated by its saying; a "when" clause by its main clause
        announced = status == "planned" or etype != trigger.type
        when = borrowed_time(trigger, article, frames, reporting, announced=announced)
    _place_the_unplaced(roles, index, etype)
    return Event(
        id="", type=etype, mode=emode, source=roles.source, target=roles.target,
        where=roles.where, when=when,
        quantities=_quantities(trigger, article, tokens, by_token), status=status, attribution=attribution,
        evidence={"start": sent.start_char, "end": sent.end_char},
        confidence=_confidence(roles, trigger, inherited),
        trigger={"text": article.text[trigger.start:trigger.end], "start": trigger.start,
                 "end": trigger.end},
        roles_from={"source": "story"} if retold else None)


def _place_the_unplaced(roles, index, etype: str) -> None:
    """People harmed or held where an act happens are of that place's country, as coders
    read them: "six people" killed "in Quetta" are Pakistanis, "seis menores" detained "en
    Cádiz" Spaniards; so are the people who protest there. Only unnamed groups whose own
    words name no country take it, over the story's home country they were given."""
    if roles.where is None:
        return
    entities = {e.id: e for e in index.article.entities}
    place = entities.get(roles.where)
    # a town's country is trusted when the story names that country or has no other home
    # ("Jalalabad" is also a town of India: in an Afghan story it is Afghan)
    home = index.article.home_country
    if place is None or place.country is None or (
            home not in (None, place.country) and place.country not in index.countries_named):
        return
    people = roles.target if etype in PHYSICAL else roles.source if etype == "PROTEST" else []
    for ent_id in people:
        entity = entities.get(ent_id)
        if entity is not None and entity.type == "MISC" and not entity.mentions and ent_id in index.guessed \
                and ent_id not in index.things:
            entity.country = place.country


def roles_of_governor(governor, frames, index) -> list[str]:
    """The actor of a governing speech act ("Moscú negó que ...")."""
    return find_roles(governor, frames, index).source


def _demands(sent, article, index, langdata) -> list[Event]:
    """A reported obligation is a demand: "Francia dijo que Irak debe cooperar" (REQUEST)."""
    _, modality, reporting = langdata
    found = []
    for verb in (t for t in sent if is_reporting(t, reporting)):
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            modal = next((c for c in clause.children if c.dep_ == "aux"
                          and c.lemma_.lower() in modality.obligation), None)
            speaker, addressee = subject_of(verb), subject_of(clause)
            if modal is None or speaker is None or addressee is None or is_pronoun(speaker) \
                    or modal.i < addressee.i:  # "should they occupy the offices": a condition, inverted
                continue
            start, end = min(verb.idx, modal.idx), max(verb.idx + len(verb), modal.idx + len(modal))
            found.append(Event(
                id="", type="REQUEST", mode="demand", source=entities_of(speaker, index),
                target=entities_of(addressee, index), status="asserted", when=spoken_when(clause, article),
                evidence={"start": sent.start_char, "end": sent.end_char}, confidence=0.6,
                trigger={"text": article.text[start:end], "start": start, "end": end}))
    return found


def _dedupe(events: list[Event], verbal: frozenset = frozenset()) -> list[Event]:
    """One event per type and actors in a sentence; a role-less noun gives way to its type's verb,
    and a verbal act with no recipient to the same actor's act of that type with one (`verbal`:
    the types of verbal acts; two deeds, "cortaron la carretera y cerraron el paso a ...", stay two).

    "Iniciaron una huelga en protesta por ..." names one strike, not two.
    """
    kept, seen = [], set()
    for event in sorted(events, key=lambda e: -e.confidence):
        key = (event.type, event.evidence["start"], tuple(event.source), tuple(event.target))
        bare = not event.source and not event.target and any(
            k[0] == event.type and k[1] == event.evidence["start"] for k in seen)
        if key in seen or bare:
            continue
        seen.add(key)
        kept.append(event)
    # "tildó el acto de propagandístico y criticaba al Gobierno": one reproach, aimed at the Government
    kept = [e for e in kept if e.target or e.type not in verbal or not any(
        o.type == e.type and o.target and set(o.source) & set(e.source) for o in kept)]
    # an act told with no actor gives way to the same act upon the same recipient with one
    kept = [e for e in kept if e.source or not any(
        o.type == e.type and o.source and o.target == e.target for o in kept)]
    return sorted(kept, key=lambda e: (e.trigger["start"], e.type))


def _vows_of_force(triggers, by_token: dict, lexicon) -> None:
    """A vow whose content is an act of material conflict is a threat ("vowed to strike back",
    "vowed retaliation"); an act only named in a phrase under it is no content ("promised
    he won't interrupt his sleep, referring to missile tests")."""
    vows = set(lexicon.frames.get("vows") or ())
    for trigger in triggers:
        governor = _governing(trigger, by_token)
        if governor is None or governor.kind != "verb" or governor.head.lemma_.lower() not in vows:
            continue
        named = trigger.kind == "noun" and trigger.head.head != governor.head
        if not named and lexicon.plover[trigger.type]["quad"] == "material_conflict":
            governor.type, governor.mode = "THREATEN", None


FIRING = {"heavy-weapons", "aerial"}  # ASSAULT modes of weapons fired


def _weapons_tests(triggers, lexicon) -> None:
    """A weapon fired as a test is a show of force, not an attack (PLOVER MOBILIZE): "Iran
    test-fired a ballistic missile", and a missile launched at no one ("Kim supervised the
    launch of a Hwasong-12 missile"). Words in `frames.weapons_test`, `frames.tested_weapons`."""
    tests = set(lexicon.frames.get("weapons_test") or ())
    weapons = set(lexicon.frames.get("tested_weapons") or ())
    recipient = set(lexicon.frames.get("recipient") or ())
    for trigger in triggers:
        if trigger.type != "ASSAULT" or trigger.mode not in FIRING:
            continue
        heads = [trigger.head] + ([trigger.noun] if trigger.noun is not None else [])
        near = [c for h in heads for c in h.children] + heads
        tested = any(t.lemma_.lower() in tests or t.lower_ in tests for t in near)
        aimed = any(rel == "obl" and marker in recipient for h in heads for rel, marker, _ in arguments(h))
        launched = not aimed and trigger.noun is not None and trigger.noun.lemma_.lower() in weapons
        if tested or launched:
            trigger.type, trigger.mode = "MOBILIZE", "exercise"


def _sentence_actor(sent, index, by_token: dict) -> list[str]:
    """Who the sentence is about, for the subjectless clauses after it; an event ("Las
    protestas se han extendido") is no one who acts."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT), None)
    if subject is None or is_pronoun(subject) or subject.i in by_token:
        return []
    # "numerosas sillas quedaron vacías": a thing is no one a later clause can be about
    return entities_of(subject, index, make_nominal=names_people(subject, index.frames))


def _named_as_place(sent, index, frames) -> set[str]:
    """The entities a sentence names only after a preposition of place ("in Paris")."""
    where = set(frames.get("place") or ())
    placed, elsewhere = set(), set()
    for token in sent:
        for ent_id in index.by_token.get(token.i, ()):
            (placed if marker_of(token) in where else elsewhere).add(ent_id)
    return placed - elsewhere


SUBHEAD_MAX_WORDS = 8     # a section heading is a short line ...
SUBHEAD_CAPS_WORDS = 12   # ... or a line in capitals
SENTENCE_END = (".", "!", "…", ":", '"', "”", "»", "'", "’", ")")


def _subheadings(text: str) -> list[tuple[int, int]]:
    """Character spans of the body lines that head a section ("THREAT TO INVESTMENT?",
    "Críticas de ERC y PNV", "World leaders briefed"): a short line that no stop ends, or a
    line in capitals, between paragraphs. What they name, the paragraphs below them tell."""
    spans, start, body = [], 0, False
    lines = text.split("\n")
    last = max((n for n, line in enumerate(lines) if line.strip()), default=-1)
    for line in lines[:last]:  # a heading heads something: the last line of a text is none
        words = line.split()
        letters = [c for c in line if c.isalpha()]
        caps = len(words) >= 2 and letters and all(c.isupper() for c in letters)
        heading = words and ((len(words) <= SUBHEAD_MAX_WORDS and not line.rstrip().endswith(SENTENCE_END))
                             or (caps and len(words) <= SUBHEAD_CAPS_WORDS))
        if heading and body:  # a headline kept atop the text, before any paragraph, tells the news
            spans.append((start, start + len(line)))
        body = body or (bool(words) and not heading)
        start += len(line) + 1
    return spans


def extract_events(article: Article) -> list[Event]:
    """Find the events of an analysed article (needs `article.doc` and entities).

    Args:
        article: an Article with doc, entities, times and quantities.
    Returns:
        events with ids V1, V2, ... in text order.
    """
    doc = article.doc
    if doc is None or article.lang is None:
        return []
    langdata = (load_lexicon(article.lang), load_modality(article.lang), load_reporting(article.lang))
    index, context, events = EntityIndex(article, doc, langdata[0].frames), Context(), []
    verbal = frozenset(t for t, info in langdata[0].plover.items() if info.get("quad") in VERBAL)
    headings = _subheadings(doc.text)
    places = {}  # sentence start -> the entities it names only as a place
    for sent in doc.sents:
        # a heading names no event, nor does a date ("in March" is no march)
        triggers = [t for t in find_triggers(sent, langdata[0])
                    if not any(start <= t.head.idx < end for start, end in headings)
                    and not (t.kind == "noun" and any(x.start_char <= t.head.idx < x.end_char for x in article.times))]
        by_token = {t.head.i: t for t in triggers}
        _vows_of_force(triggers, by_token, langdata[0])
        _weapons_tests(triggers, langdata[0])
        spoken, silenced = find_speech_acts(sent, article, index, langdata, by_token, context)
        triggers = [t for t in triggers if t.head.i not in silenced]
        by_token = {t.head.i: t for t in triggers}
        found = [e for e in (_event_for(t, sent, article, index, langdata, by_token, context)
                             for t in triggers) if e is not None]
        found.extend(_demands(sent, article, index, langdata))
        found.extend(spoken)
        # an act of no one upon no one ("the demands", "clashes") is not coded, as event coders do
        events.extend(_dedupe([e for e in found if e.source or e.target], verbal))
        actor = _sentence_actor(sent, index, by_token) or next(
            (e.source for e in found if e.confidence >= 0.6 and e.source), [])
        if actor:
            context.actor = actor
        context.by_type.update((e.type, e.source) for e in found if e.source)
        context.told.extend((e.type, e.source) for e in found if e.source)
        context.target_by_type.update((e.type, e.target) for e in found if e.source)
        context.narrative.follow(found, sent, article)
        if found:  # only the sentences of events ask where they were told
            places[sent.start_char] = _named_as_place(sent, index, langdata[0].frames)
    fill_story_parties(events, article, places)
    for n, event in enumerate(events, 1):
        event.id = f"V{n}"
    return events


@component("cronica.events.v1", assigns=["article.events"],
           requires=["article.doc", "article.entities", "article.times", "article.quantities"])
def make_events(options):
    """Factory of the events component (PLOVER events from the analysed article)."""
    def find(article: Article) -> Article:
        article.events = extract_events(article)
        return article
    return find
