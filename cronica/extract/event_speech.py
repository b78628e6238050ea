"""Verbal acts that no act word names: they are read from what someone says.

Rules of news language as event coders (PLOVER ACCUSE, SUPPORT, THREATEN) read them,
over the parse and `lang/<lang>/speech_acts.yaml` only:

- a verdict on an act: a verb of naming with a judgement of its object ("Ryabkov called
  Trump's remarks extremely negative", "describing sanctions against Larijani as hostile
  action"), or an equative in reported speech ("Panelo said the restrictions were
  nonsense"), is an accusation (or praise) by the one who judges, aimed at the author of
  the judged act;
- a wrong said to be done: "Al-Qedra told reporters Israel violated the truce" is an
  accusation by the speaker against the wrongdoer;
- a conditional threat: "If India attacks us, we will respond," Khan said, is a threat by
  the speaker against the actor of the condition;
- a warning of harm: "actions that Pakistan warned could lead to war" is a threat by the one
  who warns, aimed at the author of what would bring the harm.
  A warning given to someone of a harm ("warned Iran of serious consequences") is a threat
  to the one warned.

The act word a verdict takes the place of ("called" read as a phone call) and the act
judged (the sanctions described as hostile, told of elsewhere) are not events of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.loader import load
from ..model import Event
from .attribution import find_attribution, is_reporting
from .event_roles import POSSESSIVE, RELATIVE, SUBJECT, arguments, entities_of, find_roles, is_pronoun, marker_of
from .event_time import spoken_when

OBJECTS = {"dobj", "obj"}
# what a verb of naming says of its object: "called X negative" (oprd), "described X as Y" (prep)
PREDICATES = {"oprd", "xcomp", "acomp", "attr", "ccomp", "obl", "prep"}
CLAUSES = {"ccomp", "conj"}
MODIFIERS = {"amod", "compound"}
NEGATION = {"neg"}
VERBAL_CONFLICT = {"ACCUSE", "REJECT", "REQUEST", "THREATEN"}


@dataclass(frozen=True)
class SpeechActs:
    """A language's words for verbal acts told without an act verb."""

    judging: frozenset
    equatives: frozenset
    verdicts: tuple          # (PLOVER type, compiled pattern of its verdict words)
    wrong_verbs: frozenset
    wrong_objects: dict      # verb lemma -> frozenset of object words ("break" -> accord, truce)
    anaphoric: frozenset = frozenset()  # nouns that name an act told before ("the incident")
    warning_verbs: frozenset = frozenset()
    harms: frozenset = frozenset()      # what a warning says may come: war, retaliation
    deeds: frozenset = frozenset()      # PLOVER types of material acts, which such a noun may name
    claims: frozenset = frozenset()     # what is said of someone ("the allegations"), which a falsehood denies
    falsehoods: re.Pattern | None = None
    harm_markers: frozenset = frozenset()  # what marks the harm warned of: "of", "de"


def _pattern(words) -> re.Pattern:
    alternation = "|".join(re.escape(str(w).lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


@lru_cache(maxsize=None)
def load_speech_acts(lang: str) -> SpeechActs:
    """Read `lang/<lang>/speech_acts.yaml` (empty tables when the language has none)."""
    data = load(lang, "speech_acts")
    wrongs = data.get("wrongs") or {}
    verdicts = tuple((type_, _pattern(words)) for type_, words in (data.get("verdicts") or {}).items() if words)
    objects = {str(verb).lower(): frozenset(str(w).lower() for w in words)
               for verb, words in (wrongs.get("with_object") or {}).items()}
    return SpeechActs(frozenset(str(w).lower() for w in data.get("judging_verbs") or ()),
                      frozenset(str(w).lower() for w in data.get("equatives") or ()), verdicts,
                      frozenset(str(w).lower() for w in wrongs.get("verbs") or ()), objects,
                      frozenset(str(w).lower() for w in data.get("acts_told") or ()),
                      frozenset(str(w).lower() for w in (data.get("warnings") or {}).get("verbs") or ()),
                      frozenset(str(w).lower() for w in (data.get("warnings") or {}).get("harms") or ()),
                      frozenset(t for t, v in load("xx", "plover").get("types", {}).items()
                                if str(v.get("quad", "")).startswith("material")),
                      frozenset(str(w).lower() for w in data.get("claims") or ()),
                      _pattern(data["falsehoods"]) if data.get("falsehoods") else None,
                      frozenset(str(w).lower() for w in (data.get("warnings") or {}).get("markers") or ()))


def _says(tokens, pattern: re.Pattern) -> bool:
    """Whether the words of `tokens`, as written or as lemmas, hold `pattern` (never when negated)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens or any(t.dep_ in NEGATION or "Neg" in t.morph.get("Polarity") for t in tokens):
        return False
    return bool(pattern.search(" ".join(t.lower_ for t in tokens))
                or pattern.search(" ".join(t.lemma_.lower() for t in tokens)))


def _verdict(tokens, acts: SpeechActs) -> str | None:
    """The PLOVER type of the verdict words among `tokens`, if any (none when negated)."""
    return next((type_ for type_, pattern in acts.verdicts if _says(tokens, pattern)), None)


def _denial(type_, judged, words, by_token: dict, acts: SpeechActs):
    """(type, mode) of a verdict: one of falsehood on a claim ("called the allegations false",
    "dijo que las acusaciones son falsas") denies it (REJECT) instead of accusing anyone."""
    act = by_token.get(judged.i)
    claim = judged.lemma_.lower() in acts.claims or judged.lower_ in acts.claims or (
        act is not None and act.type == "ACCUSE")
    if claim and acts.falsehoods is not None and _says(words, acts.falsehoods):
        return "REJECT", "deny"
    return type_, None


def _speaker(verb, index, context) -> list[str]:
    """Who speaks: the verb's subject (or the one of the verb it hangs on), a pronoun the
    sentence before names."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT), None)
    token = verb
    while subject is None and token.dep_ in ("advcl", "xcomp", "conj") and token.head.i != token.i:
        token = token.head  # "Describing X as Y, the ministry said": the main clause's subject
        subject = next((c for c in token.children if c.dep_ in SUBJECT), None)
    if subject is None:
        return []
    return list(context.actor) if is_pronoun(subject) else entities_of(subject, index)


def _author(token, index, by_token: dict, frames: dict, context, judge: list, acts) -> list[str]:
    """Who did the judged thing: the actor of an act told by it ("the sanctions", whose
    author the story told before), or the owner named on it ("Trump's remarks",
    "U.S. sanctions"); never the one who judges it (the subject "called the charges" lends
    the charges)."""
    act = by_token.get(token.i)
    if act is None and token.dep_ == "appos":
        act = by_token.get(token.head.i)  # "a U.S. drone strike ... — a move that Iran said was a violation"
    source = [i for i in find_roles(act, frames, index).source if i not in judge] if act is not None else []
    owners = index.ids_in([t for c in token.children if c.dep_ in POSSESSIVE | MODIFIERS or _of_phrase(c, frames)
                           for t in c.subtree])
    if act is not None:  # "called looming U.S. tariffs a violation": the owner named on an act with no doer
        return source or [i for i in owners if i not in judge] or [
            i for i in context.by_type.get(act.type) or [] if i not in judge]
    # "called Trump reckless", "el representante Adam Schiff era culpable": the one named is the one judged
    owners = owners or index.ids_in([token] + [t for c in token.children if c.dep_ == "appos" for t in c.subtree])
    if owners or token.lemma_.lower() not in acts.anaphoric:
        return [i for i in owners if i not in judge]
    # "called the incident a violation": the last deed the story told, by someone else
    return next(([i for i in source if i not in judge] for type_, source in reversed(context.told)
                 if type_ in acts.deeds and not set(source) & set(judge)), [])


def _of_phrase(token, frames: dict) -> bool:
    """A possessor's phrase on a noun (the language's `possessor` markers): "la decisión de
    Duque", "the decision of the court"."""
    return token.dep_ == "nmod" and marker_of(token) in set(frames.get("possessor") or ())


def _said_of(verb, objects: list) -> list:
    """The parts of a clause that may hold what a verb of naming says of its object."""
    parts = [list(c.subtree) for c in verb.children if c.dep_ in PREDICATES and c.i > objects[0].i]
    # "called X “extremely negative”" parsed as X's modifier, or as a second object
    parts.extend([t for t in obj.subtree if t.i > obj.i] for obj in objects)
    # "calificó de impecable el discurso": the verdict parsed as an object of its own
    parts.extend(list(obj.subtree) for obj in objects if obj.pos_ == "ADJ")
    return parts


def _make(type_, source, target, verb, sent, article, attribution=None, mode=None) -> Event:
    start, end = verb.idx, verb.idx + len(verb)
    return Event(id="", type=type_, mode=mode, source=source, target=[i for i in target if i not in source],
                 when=spoken_when(verb, article),
                 status="reported" if attribution else "asserted", attribution=attribution,
                 evidence={"start": sent.start_char, "end": sent.end_char}, confidence=0.6,
                 trigger={"text": article.text[start:end], "start": start, "end": end})


def _judgements(sent, article, index, frames, by_token, context, acts) -> tuple[list, set]:
    """Verdicts given by a verb of naming ("called Trump's remarks extremely negative")."""
    events, silenced = [], set()
    for verb in (t for t in sent if t.lemma_.lower() in acts.judging and t.pos_ in ("VERB", "AUX")):
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        if not objects:
            continue
        parts = _said_of(verb, objects)
        type_ = next(filter(None, (_verdict(part, acts) for part in parts)), None)
        type_, mode = _denial(type_, objects[0], [t for part in parts for t in part], by_token, acts)
        own, manner = by_token.get(verb.i), by_token.get(verb.head.i)
        source = _speaker(verb, index, context)
        if type_ is None or not source or (own is not None and own.type == type_) or (
                manner is not None and manner is not own and manner.type in VERBAL_CONFLICT):
            continue  # "denied the accusations, calling them lies": the manner of the denial
        obj, target = next(((o, t) for o in objects
                            for t in [_author(o, index, by_token, frames, context, source, acts)] if t), (None, []))
        if target or mode:  # a verdict on no one's act ("called the crossing a success") is no act on anyone
            obj = obj if obj is not None else objects[0]
            events.append(_make(type_, source, target, verb, sent, article, mode=mode))
            silenced.update({verb.i, obj.i})
    return events, silenced


def _said_clauses(sent, reporting):
    """(reporting verb, clause it reports) pairs: "said [the move was illegal]"."""
    for verb in (t for t in sent if is_reporting(t, reporting)):
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            yield verb, clause
            for conj in (c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                yield verb, conj  # "said the deal was X and that the move amounts to Y"


def _subject(clause, verb=None):
    """A clause's subject, not a pronoun; a relative pronoun stands for the noun its clause
    hangs on ("a move that Iran said was a violation": the move), where `verb` says it."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT), None)
    if subject is not None and verb is not None and "Rel" in subject.morph.get("PronType") \
            and verb.dep_ in RELATIVE and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None if subject is None or is_pronoun(subject) else subject


def _equated(sent, article, index, frames, by_token, context, acts, reporting) -> tuple[list, set]:
    """Verdicts said of a subject: "Panelo said the travel restrictions were nonsense"."""
    events, silenced = [], set()
    for verb, clause in _said_clauses(sent, reporting):
        subject = _subject(clause, verb)
        # "the move was illegal" (the verb heads the clause) or "Schiff era culpable" (the
        # predicate heads it, the copula hangs on it)
        cop = next((c for c in clause.children if c.dep_ == "cop"), None)
        equative = clause.lemma_.lower() in acts.equatives or (
            cop is not None and cop.lemma_.lower() in acts.equatives)
        if not equative or subject is None or any(c.dep_ in NEGATION for c in clause.children):
            continue
        said = [t for c in clause.children if c.dep_ not in SUBJECT and c.dep_ not in ("mark", "cop")
                for t in c.subtree] + ([clause] if cop is not None else [])
        type_, mode = _denial(_verdict(said, acts), subject, said, by_token, acts)
        source = _speaker(verb, index, context)
        if type_ is None or not source:
            continue
        target = _author(subject, index, by_token, frames, context, source, acts)
        if target or mode:  # a claim denied is a denial even when the story does not say whose
            events.append(_make(type_, source, target, verb, sent, article, mode=mode))
            silenced.add(subject.i)
    return events, silenced


def _is_wrong(clause, acts: SpeechActs) -> bool:
    lemma = clause.lemma_.lower()
    if lemma in acts.wrong_verbs:
        return True
    wanted = acts.wrong_objects.get(lemma)
    obj = next((c for c in clause.children if c.dep_ in OBJECTS), None)
    if not wanted or obj is None:
        return False
    words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ in MODIFIERS] + [obj]
    return obj.lemma_.lower() in wanted or " ".join(t.lower_ for t in words) in wanted


def _wrongs(sent, article, index, context, acts, reporting) -> list:
    """Wrongs someone says another did: "Netanyahu said Hamas broke the accord"."""
    events = []
    for verb, clause in _said_clauses(sent, reporting):
        subject = _subject(clause)
        if subject is None or not _is_wrong(clause, acts) or any(c.dep_ in NEGATION for c in clause.children):
            continue
        source = _speaker(verb, index, context)
        target = [i for i in entities_of(subject, index, make_nominal=False) if i not in source]
        if source and target:
            events.append(_make("ACCUSE", source, target, clause, sent, article, mode="allege"))
    return events


def _warnings(sent, article, index, langdata, by_token, context, acts) -> list:
    """Warnings of harm: "actions that archrival Pakistan warned could lead to war"."""
    frames, modality = langdata[0].frames, langdata[1]
    maybe = modality.future_aux | modality.conditional | modality.hypothetical
    events = []
    for verb in (t for t in sent if t.lemma_.lower() in acts.warning_verbs and t.pos_ == "VERB"):
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            modal = any(c.dep_ == "aux" and {c.lower_, c.lemma_.lower()} & maybe for c in clause.children)
            if not modal or not any(t.lemma_.lower() in acts.harms for t in clause.subtree):
                continue
            # "actions that Pakistan warned could lead to war": the noun the warning's clause describes
            judged = _subject(clause) or (verb.head if verb.dep_ in ("relcl", "acl:relcl") else None)
            source = _speaker(verb, index, context)
            target = _author(judged, index, by_token, frames, context, source, acts) if judged is not None else []
            if source and target:
                events.append(_make("THREATEN", source, target, verb, sent, article))
        events += _warned_of_harm(verb, sent, article, index, context, acts)
    return events


def _warned_of_harm(verb, sent, article, index, context, acts) -> list:
    """A warning given to someone of a harm to come ("warned Iran of serious consequences",
    "advirtió a Irán de graves consecuencias"): a threat by the one who warns to the one warned."""
    warned = [token for rel, marker, token in arguments(verb) if rel == "obj" and marker not in acts.harm_markers]
    said = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    harm = any(t.i not in said and t.lemma_.lower() in acts.harms and marker_of(t) in acts.harm_markers
               for t in verb.subtree)  # "of consequences" on the verb or on the one warned
    if not warned or not harm:
        return []
    source = _speaker(verb, index, context)
    target = [i for i in entities_of(warned[0], index) if i not in source]
    return [_make("THREATEN", source, target, verb, sent, article)] if source and target else []


def _will(verb, modality) -> bool:
    """Whether a clause tells what its subject will do ("we will respond")."""
    return any(c.dep_ == "aux" and {c.lower_, c.lemma_.lower()} & modality.future_aux for c in verb.children) \
        or "Fut" in verb.morph.get("Tense")


def _threats(triggers, sent, article, index, langdata, context) -> list:
    """Conditional threats: "“If India attacks us, we will respond,” Khan said" (THREATEN by the
    speaker against the actor of the condition)."""
    lexicon, modality, reporting = langdata
    events = []
    for trigger in triggers:
        verb = trigger.head
        conditional = trigger.kind == "verb" and verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in modality.condition for c in verb.children)
        if not conditional or lexicon.plover[trigger.type]["quad"] != "material_conflict" \
                or not _will(verb.head, modality):
            continue
        target = find_roles(trigger, lexicon.frames, index).source
        attribution = find_attribution(trigger, sent, article, index, reporting)
        speaker = _subject(verb.head)
        source = entities_of(speaker, index) if speaker is not None else (
            [attribution["source"]] if attribution and attribution.get("source") else list(context.actor))
        if source and target:
            events.append(_make("THREATEN", source, target, verb.head, sent, article, attribution))
    return events


def find_speech_acts(sent, article, index, langdata, by_token: dict, context) -> tuple[list, set]:
    """Verbal acts of one sentence that no act word names (see the module's rules).

    Args:
        sent: the sentence (spaCy Span).
        article: the Article.
        index: the article's EntityIndex.
        langdata: (Lexicon, Modality, Reporting) of the article's language.
        by_token: the sentence's triggers by head token index.
        context: what earlier sentences leave (`events.Context`: actor, actors by type).
    Returns:
        (events, token indices of triggers that are no events of their own).
    """
    acts = load_speech_acts(article.lang)
    frames, reporting = langdata[0].frames, langdata[2]
    judged, silenced = _judgements(sent, article, index, frames, by_token, context, acts)
    equated, more = _equated(sent, article, index, frames, by_token, context, acts, reporting)
    events = judged + equated + _wrongs(sent, article, index, context, acts, reporting)
    events += _threats(list(by_token.values()), sent, article, index, langdata, context)
    events += _warnings(sent, article, index, langdata, by_token, context, acts)
    return events, silenced | more
