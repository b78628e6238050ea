"""What a pronoun or a definite place noun stands for, when an act is done to it.

"the government shut off most communication with it" (the Kashmir Valley named before it),
"vowed it would never rule out using force to take it" (Taiwan), "troops were deployed to
the already heavily militarized region" (the region the sentence before names), "pulling
U.S. troops from the area" (Syria): the nearest place or body named before the word, never
inside its own clause. A neuter pronoun looks back in its sentence; a place
noun that refers back (`frames.place_anaphora` in `lang/<lang>/event_triggers.yaml`: "the
region", "the area") in its sentence and the one before.

A definite title with no name ("the president has defended his decision", "el ministro de
Relaciones Exteriores") is the person of the article who holds that role (titles of
`lang/<lang>/titles.yaml`; `office_holder`).

A personal object pronoun of the third person ("El Papa Francisco los felicitó", "la policía
lo detuvo", "decidieron acusarla") stands for the nearest nominal before it, in its sentence or the one before,
that agrees with it in number (and gender, where both show one) and names a person, a body
or a group of people (`antecedent`).
"""
from __future__ import annotations

from .actor_context import find_phrases, load_patterns

PLACES = {"GPE", "LOC"}
NOMINAL_HEADS = {"NOUN", "PROPN"}
BODIES = {"GPE", "LOC", "ORG"}
CLAUSES = {"ccomp", "xcomp", "advcl", "acl", "relcl", "acl:relcl", "parataxis", "csubj", "conj"}
OWN_NAMES = {"poss", "nmod:poss", "compound", "amod", "flat", "appos"}
_MAX_CLIMB = 6
_RIVAL_MENTIONS = 3  # a person named this often, with no office stated, may hold the office a title names


def _is_neuter_pronoun(token) -> bool:
    morph = token.morph
    return token.pos_ == "PRON" and "Neut" in morph.get("Gender") and "Sing" in morph.get("Number") \
        and "Prs" in morph.get("PronType") and "Yes" not in morph.get("Poss")


def _is_place_anaphor(token, frames: dict) -> bool:
    """A definite place noun with no name of its own ("the region", not "the Kashmir region")."""
    if token.lemma_.lower() not in (frames.get("place_anaphora") or ()):
        return False
    definite = any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in token.children)
    return definite and not any(c.dep_ in OWN_NAMES and c.pos_ == "PROPN" for c in token.children)


def _own_clause(token) -> set[int]:
    """Token indices of the clause the word belongs to, nested clauses left out: what it
    refers back to lies outside ("pulling U.S. troops from the area" is not the U.S.)."""
    head = token
    for _ in range(_MAX_CLIMB):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    out, stack = set(), [head]
    while stack:
        current = stack.pop()
        out.add(current.i)
        stack.extend(c for c in current.children if c.dep_ not in CLAUSES)
    return out


def office_holder(token, index, start: int | None = None, end: int | None = None) -> list[str]:
    """The person a definite title with no name stands for: "the president" after "President
    Donald Trump", "el ministro de Relaciones Exteriores" after "El canciller, Marcelo Ebrard".

    The title (`lang/<lang>/titles.yaml`) must hold the noun `token`, singular, with a definite
    article and no name of its own; the holder is the person with that role (and the country
    the phrase names, if any: "el presidente ruso") named most often before it, then last.
    None when a person named more often, whose office the story never states, may be the one
    meant. `start`/`end` bound the phrase (its words up to the noun's complements by default).
    """
    definite = any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in token.children)
    if not definite or "Plur" in token.morph.get("Number"):
        return []
    if start is None:
        start = token.left_edge.idx
        end = token.right_edge.idx + len(token.right_edge)
    text = index.article.text
    title = next((p for p in find_phrases(text, load_patterns(index.article.lang)["titles"], start, end)
                  if p.start <= token.idx < p.end), None)
    span = token.doc.char_span(start, end, alignment_mode="expand")
    if title is None or span is None or any(t.pos_ == "PROPN" and not title.start <= t.idx < title.end for t in span):
        return []  # "el presidente Trump" is named
    named = index.countries_in(start, end)
    holders = [(sum(m[0] < start for m in e.mentions), max(m[0] for m in e.mentions if m[0] < start), e.id)
               for e in index.article.entities
               if e.type == "PERSON" and e.role == title.key and any(m[0] < start for m in e.mentions)
               and (not named or e.country in named)]
    if not holders:
        return []
    holder = max(holders)
    rivals = [e for e in index.article.entities if e.type == "PERSON" and e.role is None
              and sum(m[0] < start for m in e.mentions) >= max(holder[0] + 1, _RIVAL_MENTIONS)]
    return [] if rivals else [holder[2]]


def referent(token, index) -> list[str]:
    """The entity a neuter pronoun or a definite place noun stands for (see the module's rules).

    Args:
        token: the pronoun or noun (spaCy Token).
        index: the article's event_roles.EntityIndex.
    Returns:
        one entity id, or [] when the word refers back to nothing named.
    """
    titled = office_holder(token, index)
    if titled:
        return titled
    if _is_neuter_pronoun(token):
        types, start = BODIES, token.sent.start
    elif _is_place_anaphor(token, index.frames):
        sent = token.sent
        types, start = PLACES, (token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start)
    else:
        return []
    excluded = _own_clause(token)
    for before in reversed(token.doc[start:token.i]):
        if before.i in excluded:
            continue
        ids = [i for i in index.by_token.get(before.i, ()) if index.types.get(i) in types]
        if ids:
            return ids[:1]
    return []


def is_personal_object(token) -> bool:
    """A third-person object pronoun that is neither reflexive nor neuter ("los", "him"), or a
    verb that carries one as an enclitic, as the parse gives its features ("acusarla")."""
    morph = token.morph
    return token.pos_ in ("PRON", "VERB", "AUX") and "Prs" in morph.get("PronType") and "3" in morph.get("Person") \
        and bool({"Acc", "Dat"} & set(morph.get("Case"))) and "Yes" not in morph.get("Reflex") \
        and "Neut" not in morph.get("Gender") and "Yes" not in morph.get("Poss")


def is_personal_subject(token) -> bool:
    """A third-person personal pronoun as a subject ("he", "it", "they"; "él", "ellos")."""
    morph = token.morph
    return token.pos_ == "PRON" and "Prs" in morph.get("PronType") and "3" in morph.get("Person") \
        and token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and "Yes" not in morph.get("Reflex") \
        and "Yes" not in morph.get("Poss")


def subject_antecedent(token, accepts):
    """The subject a personal subject pronoun takes up: the nearest subject before it, in its
    sentence (outside its clause) or the one before, that agrees with it and names a person or
    a body ("The government of North Korea published a report in which it accused the CIA").

    Args:
        token: the pronoun (spaCy Token).
        accepts: whether a nominal names a person, a body or a group of people.
    """
    if not is_personal_subject(token):
        return None
    return _named_after(token, accepts) or _nearest_before(
        token, lambda t: t.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and accepts(t))


def _named_after(pronoun, accepts):
    """The name a pronoun in a clause set before its main clause looks ahead to: the main
    clause's subject, a proper name that agrees ("A day after it launched an airstrike ...,
    Israel sought to play down the attack")."""
    verb = pronoun.head
    main = verb.head
    if verb.dep_ != "advcl" or main.i <= verb.i or main.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")), None)
    if subject is None or subject.pos_ != "PROPN" or not _agrees(pronoun, subject) or not accepts(subject):
        return None
    return subject


def _nearest_before(pronoun, fits):
    """The nearest nominal before a pronoun, in its sentence (outside its own clause) or the
    one before, that agrees with it and `fits`; a later word of a name gives way to its head."""
    sent = pronoun.sent
    start = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    excluded = _own_clause(pronoun)
    for before in reversed(pronoun.doc[start:pronoun.i]):
        if before.i in excluded or before.pos_ not in NOMINAL_HEADS:
            continue
        if before.head.i != before.i and before.head.pos_ == "PROPN" and before.dep_ in ("flat", "compound"):
            continue
        if _agrees(pronoun, before) and fits(before):
            return before
    return None


def _agrees(pronoun, noun) -> bool:
    for feature in ("Number", "Gender"):
        mine, theirs = set(pronoun.morph.get(feature)), set(noun.morph.get(feature))
        if mine and theirs and not mine & theirs:
            return False
    return True


def antecedent(token, accepts):
    """The nominal a personal object pronoun stands for (see the module's rules), or None.

    Args:
        token: the pronoun (spaCy Token).
        accepts: whether a nominal names a person, a body or a group of people.
    """
    if not is_personal_object(token):
        return None
    return _nearest_before(token, accepts)
