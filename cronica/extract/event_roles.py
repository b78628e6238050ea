"""Roles of an event: actor, recipient and place, read from the dependency parse.

One engine for every language: dependency labels (Universal Dependencies for
Spanish, ClearNLP for English) are mapped to roles here; the prepositions that
mark a role come from `frames` in `lang/<lang>/event_triggers.yaml`. Tokens are
tied to entities by the character offsets of entity mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..model import Entity
from .event_reference import antecedent, office_holder, referent, subject_antecedent
from .actor_context import COUNTRY_KINDS, country_of_group, find_evidence
from .linking import load_gazetteer

SUBJECT = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}
PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass"}
OBJECT = {"obj", "dobj", "iobj", "dative", "attr"}
OBLIQUE = {"obl", "obl:arg", "obl:agent", "nmod", "obl:tmod"}
PREP = {"prep", "agent"}
PASSIVE_AUX = {"aux:pass", "auxpass"}
CLAUSE = {"acl", "relcl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj", "xcomp", "punct"}
SHARE_SUBJECT = {"xcomp", "conj", "advcl"}  # a verb with no subject takes its head's
POSSESSIVE = {"poss", "nmod:poss"}
RELATIVE = {"relcl", "acl:relcl", "acl"}
PRONOUN_POS = {"PRON"}
NOMINAL_POS = {"NOUN", "PROPN"}
PLACE_TYPES = {"GPE", "LOC"}
PHYSICAL = {"ASSAULT", "COERCE"}
OWNER_RANK = 3.5  # the owner of a phrase trigger's noun, after every other recipient
# acts that judge or ask for what someone did or has: its owner is their recipient ("celebró la
# decisión de Rusia", "pidió la dimisión del ministro"; not "un acuerdo de asociación")
JUDGED = {"SUPPORT", "ACCUSE", "REJECT", "REQUEST"}
# acts of words done to someone: a nominal that names no people is not their recipient
SAID_TO = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE", "CONSULT"}
GIVING = {"AID"}  # acts whose beneficiary is their recipient (`frames.beneficiary`)
# a nominal event in an adjunct of a clause ("llegó en visita oficial", "cortaron la ruta en
# protesta") has the clause's subject as its actor for these types
PARTICIPANT_TYPES = {"CONSULT", "PROTEST", "SUPPORT", "AID", "AGREE", "COOPERATE"}
# a demand or a threat is addressed to the subject of its clause ("exigió que EE.UU. cancele")
ADDRESSED_TYPES = {"REQUEST", "THREATEN", "ACCUSE"}
JOINT_TYPES = {"CONSULT", "COOPERATE", "AGREE"}  # acts done with someone
_MAX_ACTORS = 4
_MAX_NOMINAL_TOKENS = 6


@dataclass
class Roles:
    """Entity ids found for one trigger, and how they were found."""

    source: list = field(default_factory=list)
    target: list = field(default_factory=list)
    where: str | None = None
    source_how: str | None = None   # syntax, inherited or None
    target_how: str | None = None


class EntityIndex:
    """Entity ids by token, plus the nominal actors made for unnamed groups."""

    def __init__(self, article, doc, frames: dict | None = None):
        self.article = article
        self.frames = frames or {}
        self.by_token: dict[int, list[str]] = {}
        self.types = {e.id: e.type for e in article.entities}
        self._nominal: dict[str, str] = {}
        self._evidence = None  # country evidence, read when the first unnamed group needs it
        self.time_tokens: set[int] = set()  # a date is never an actor ("agreed on Wednesday")
        for time in article.times:
            span = doc.char_span(time.start_char, time.end_char, alignment_mode="expand")
            self.time_tokens.update(t.i for t in span or ())
        self.not_actors = frozenset(self.frames.get("not_actors") or ())
        self.things: set[str] = set()  # nominal entities whose noun names a thing, never an actor
        self.guessed: set[str] = set()  # nominal groups whose country is not named in their own words
        self.unpeopled: set[str] = set()  # nominals that name no people, where the language lists its people nouns
        # "BANGKOK —" says where the story was filed: no event's actor
        dateline = article.dateline or {}
        self.dateline_end = dateline.get("lead_end") or dateline.get("end", 0)
        for entity in article.entities:
            for start, end in entity.mentions:
                if end <= self.dateline_end:
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")
                for token in span or ():
                    ids = self.by_token.setdefault(token.i, [])
                    if entity.id not in ids:
                        ids.append(entity.id)

    def demonym(self, token) -> str | None:
        """The id of an entity for a demonym adjective that names an act's author ("los
        bombardeos israelíes": Israel's; "el ataque ruso"), where the recogniser made none: the
        demonym's words, its country, one mention. None when the token is no demonym."""
        evidence = next((ev for ev in self._country_evidence() if ev.kind == "demonym"
                         and ev.start <= token.idx < ev.end), None)
        if evidence is None:
            return None
        ent_id, made = self._added(f"demonym:{evidence.start}", self.article.text[evidence.start:evidence.end],
                                   "NORP", evidence.country, mentions=[(evidence.start, evidence.end)])
        if made:
            self.by_token.setdefault(token.i, []).append(ent_id)
        return ent_id

    def ids_in(self, tokens) -> list[str]:
        """Entity ids mentioned over `tokens`, in their order."""
        ids = []
        for token in tokens:
            for i in self.by_token.get(token.i, ()):
                if i not in ids:
                    ids.append(i)
        return ids

    def _country_evidence(self) -> list:
        if self._evidence is None:
            gazetteer = load_gazetteer(self.article.lang)
            people = [m for e in self.article.entities if e.type == "PERSON" for m in e.mentions]
            # "Mauricio de Freitas" names a man, not Mauritius
            self._evidence = sorted((ev for ev in find_evidence(self.article.gazetteer_mentions, gazetteer)
                                     if not any(a <= ev.start and ev.end <= b for a, b in people)),
                                    key=lambda e: e.start)
        return self._evidence

    @cached_property
    def countries_named(self) -> frozenset[str]:
        """The countries the article names (a country, its capital, a demonym)."""
        return frozenset(ev.country for ev in self._country_evidence() if ev.kind in COUNTRY_KINDS)

    def _group_country(self, head, start: int, end: int) -> str | None:
        local = self.frames.get("local_groups")  # no list: every group is local
        local = local is None or head.lemma_.lower() in local or head.lower_ in local
        return country_of_group(self.article, self._country_evidence(), start, end, local=local)

    def _added(self, key: str, name: str, type_: str, country, *, aliases=(), mentions=()) -> tuple[str, bool]:
        """The id of the entity this index made under `key`, making it first when there is none
        (an entity the recogniser did not name); and whether it was made now."""
        if key in self._nominal:
            return self._nominal[key], False
        ent_id = f"E{len(self.article.entities) + 1}"
        self.article.entities.append(Entity(id=ent_id, name=name, type=type_, country=country,
                                            aliases=list(aliases), mentions=[list(m) for m in mentions]))
        self.types[ent_id] = type_
        self._nominal[key] = ent_id
        return ent_id, True

    def implicit(self, name: str, start: int) -> str:
        """Return the id of an actor the text implies but does not name: the authorities of
        the place told of, for "fue detenido" with no agent. No mentions, like a nominal.

        Args:
            name: the actor's name in the article's language (frames `state_actor`).
            start: character offset of the act, for the country of the place told of.
        """
        country = country_of_group(self.article, self._country_evidence(), start, start, local=True)
        return self._added(f"\0{name}\0{country}", name, "ORG", country)[0]

    def nominal(self, head) -> str:
        """Return the id of an entity for an unnamed group ("miembros de un grupo armado").

        The entity has the group's words as its name and no mentions.
        """
        words = [t for t in phrase_tokens(head, self.frames)
                 if t.i >= head.i or t.dep_ in ("amod", "compound", "flat")]
        words = [t for t in words if t.i - head.i <= _MAX_NOMINAL_TOKENS and t.pos_ != "PUNCT"]
        start, end = min(t.idx for t in words), max(t.idx + len(t) for t in words)
        holder = office_holder(head, self, start, end)
        if holder:  # "el ministro de Relaciones Exteriores" after "El canciller, Marcelo Ebrard"
            return holder[0]
        key = self.article.text[start:end].lower()
        if key not in self._nominal:
            core = _core_name(head, words)
            ent_id, _ = self._added(key, self.article.text[start:end], "MISC", self._group_country(head, start, end),
                                    aliases=[core] if core.lower() != key else [])
            if not any(start <= ev.start and ev.end <= end for ev in self._country_evidence()):
                self.guessed.add(ent_id)
            if head.lemma_.lower() in self.not_actors:
                self.things.add(ent_id)
            # a capitalised word the recogniser missed ("Hamás") may be any name: only common nouns
            if self.frames.get("people") and head.pos_ == "NOUN" and not names_people(head, self.frames):
                self.unpeopled.add(ent_id)
        # no mention spans: an unnamed group is an event's actor, not a named entity, and
        # must not count as one for named-entity readers
        return self._nominal[key]

    def countries_in(self, start: int, end: int) -> set[str]:
        """The countries named between two character offsets ("el presidente ruso": RUS)."""
        return {ev.country for ev in self._country_evidence() if start <= ev.start and ev.end <= end}


def _core_name(head, words: list) -> str:
    """The group's noun with the modifiers next to it, without complements: "campesinos" in
    "Los campesinos de la sierra", "jefes sindicales" in "los jefes sindicales de la CGT"."""
    core = [head]
    for t in sorted(words, key=lambda t: abs(t.i - head.i)):
        if t.head.i == head.i and t.dep_ in ("amod", "compound", "flat") and (
                t.i == core[0].i - 1 or t.i == core[-1].i + 1):
            core = sorted(core + [t], key=lambda x: x.i)
    return head.doc[core[0].i:core[-1].i + 1].text


def marker_of(token) -> str:
    """The preposition that introduces a nominal ("a", "contra", "en contra de", "with")."""
    if token.head.dep_ in PREP:
        return token.head.lower_
    words = []
    for case in (c for c in token.children if c.dep_ == "case"):
        words.append(case.lower_)
        words.extend(f.lower_ for f in case.children if f.dep_ == "fixed")
    return " ".join(words)


def arguments(head):
    """Yield (relation, marker, nominal token) for the arguments of a verb or noun."""
    for child in head.children:
        if child.dep_ in SUBJECT:
            yield "subj", "", child
        elif child.dep_ in OBJECT:
            yield "obj", marker_of(child), child
        elif child.dep_ in OBLIQUE:
            yield "obl", marker_of(child), child
        elif child.dep_ in POSSESSIVE:
            yield "poss", "", child
        elif child.dep_ in PREP:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    yield ("agent" if child.dep_ == "agent" else "obl"), child.lower_, pobj


def conjuncts(token) -> list:
    """The token and the tokens coordinated with it ("Pyongyang y Moscú")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in NOMINAL_POS | PRONOUN_POS:
            out.extend(conjuncts(child))
    return out


def phrase_tokens(token, frames: dict | None = None, *, thing: bool = False) -> list:
    """The tokens of a nominal, without nested clauses, conjuncts or place phrases.

    "Guerrilleros del Frente 21 de las FARC EP" keeps its "de" phrases (who they are);
    "una persona, en la inspección de policía El Secreto" loses "en ..." (where). For a
    `thing`, English place phrases go too: "a bombing in Baghdad" is no Iraqi's, while
    "police in Sydney" are Australian.
    """
    place = set((frames or {}).get("place") or ())
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE and c.dep_ not in ("conj", "cc")
                     and not (c.dep_ in OBLIQUE and marker_of(c) in place)
                     and not (thing and c.dep_ == "prep" and c.lower_ in place))
    return sorted(out, key=lambda t: t.i)


def _group_head(token, partitives=frozenset()):
    """The counted noun of a quantity ("miles de manifestantes", "hundreds of workers"), of
    a partitive pronoun ("algunos de los manifestantes", "some of the protesters"), or of a
    partitive noun of the language's frames ("un millar de indígenas", "la mayoría de los jóvenes")."""
    partitive = token.pos_ == "NOUN" and token.lemma_.lower() in partitives
    if token.pos_ != "NUM" and not token.like_num and token.pos_ not in PRONOUN_POS and not partitive:
        return token
    for child in token.children:
        if child.dep_ == "nmod" and child.pos_ in NOMINAL_POS:
            return child
        if child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return token


def names_people(token, frames: dict) -> bool:
    """Whether an unnamed nominal names people or a body of people ("los policías", "un juez"),
    who can be an act's author; "por la tarde", "por una falla" cannot. With no word list in
    the language's frames, every nominal can."""
    words = _people_words(frames)
    if not words:
        return True
    head = _group_head(token, set(frames.get("partitives") or ()))
    forms = {head.lemma_.lower(), head.lower_}
    # a capitalised plural the tagger takes for a name keeps its plural: "Organizaciones"
    forms |= {f[:-len(e)] for f in forms for e in frames.get("plural_endings") or () if f.endswith(e)}
    suffixes = tuple(frames.get("people_suffixes") or ())
    return bool(forms & words) or (bool(suffixes) and head.lower_.endswith(suffixes))


_PEOPLE_WORDS: dict[int, tuple] = {}  # id(frames) -> (frames, words): the frames kept, so no id is reused


def _people_words(frames: dict) -> frozenset:
    """The nouns of people and bodies of people in the language's frames, read once per frames."""
    cached = _PEOPLE_WORDS.get(id(frames))
    if cached is None or cached[0] is not frames:
        words = frozenset(frames.get("local_groups") or ()) | frozenset(frames.get("people") or ())
        cached = _PEOPLE_WORDS[id(frames)] = (frames, words)
    return cached[1]


def author_of(token, frames: dict):
    """The nominal that names the author in an agent phrase: the phrase itself when it names
    people, else the people its means belongs to ("por el disparo de un policía"), else None."""
    if names_people(token, frames):
        return token
    possessor = set(frames.get("possessor") or ())
    return next((c for c in token.children if c.dep_ in OBLIQUE and c.pos_ in NOMINAL_POS
                 and marker_of(c) in possessor and names_people(c, frames)), None)


def _through_space(token):
    """The nominal a paragraph break stands for: the parser may make the break that opens a
    sentence its subject, with the real subject ("Tres policías") hung under it."""
    if token.pos_ != "SPACE":
        return token
    return next((c for c in token.children if c.pos_ in NOMINAL_POS | PRONOUN_POS | {"NUM"}), token)


def entities_of(token, index: EntityIndex, *, make_nominal: bool = True) -> list[str]:
    """Entity ids for a nominal and its conjuncts; unnamed groups get a nominal entity."""
    ids = []
    partitives = set(index.frames.get("partitives") or ())
    for head in (_group_head(t, partitives) for t in conjuncts(_through_space(token))):
        if head.idx < index.dateline_end:
            # the dateline ("BANGKOK —") parsed as the subject of the first sentence; the real one
            # may hang on it ("Cairo (AFP) - Palestinian leader Mahmud Abbas announced ...")
            head = next((c for c in head.children if c.dep_ == "appos" and c.idx >= index.dateline_end), None)
            if head is None:
                continue
        if head.i in index.time_tokens:
            # "Bashar Assad Tuesday" parsed as one nominal: keep the names, drop the date
            tokens = [t for t in phrase_tokens(head, index.frames) if t.i not in index.time_tokens]
            ids.extend(i for i in index.ids_in(tokens) if i not in ids)
            continue
        found = index.ids_in([head])
        if not found:
            # "pesqueros españoles de Fuenterrabía": the names inside, and the group itself
            inside = index.ids_in(phrase_tokens(head, index.frames, thing=head.lemma_.lower() in index.not_actors))
            # "communication with it", "deployed to the region": the place named before, not a group
            back = [] if inside else referent(head, index) or _antecedent_of(head, index)
            found = inside + back
            if make_nominal and head.pos_ in NOMINAL_POS and not back:
                found.append(index.nominal(head))
        ids.extend(i for i in found if i not in ids)
    return ids[:_MAX_ACTORS]


def _names_someone(token, index: EntityIndex) -> bool:
    """Whether a nominal a pronoun may stand for names someone: a person, a body or a country
    by name, or (where the language lists them) an unnamed group of people."""
    named = [i for i in index.by_token.get(token.i, ()) if index.types.get(i) not in ("LOC", "MISC")]
    return bool(named) or (not index.by_token.get(token.i) and bool(index.frames.get("people"))
                           and names_people(token, index.frames))


def _antecedent_of(pronoun, index: EntityIndex) -> list[str]:
    """Entity ids of what a personal object pronoun stands for ("los felicitó": the children
    named before); a named entity or a nominal naming people, never a thing."""
    found = antecedent(pronoun, lambda t: _names_someone(t, index))
    return entities_of(found, index, make_nominal=True) if found is not None else []


def subject_referent(trigger, index: EntityIndex) -> list[str]:
    """Entity ids a personal pronoun subject of the trigger's verb takes up (`subject_antecedent`)."""
    if trigger.kind == "noun":
        return []
    subject = next((c for c in trigger.head.children if c.dep_ in SUBJECT), None)
    found = subject_antecedent(subject, lambda t: _names_someone(t, index)) if subject is not None else None
    return entities_of(found, index, make_nominal=True) if found is not None else []


def is_passive(verb, frames: dict) -> bool:
    """A passive verb: passive label, or a passive auxiliary with a participle."""
    if any(c.dep_ in PASSIVE_AUX or c.dep_ in PASSIVE_SUBJECT for c in verb.children):
        return True
    aux = set(frames.get("passive_aux") or ())
    if any(c.dep_ == "cop" and c.lemma_.lower() in aux for c in verb.children):
        return True  # "fueron muertas", "fue herido": a predicate participle or adjective
    if "Part" not in verb.morph.get("VerbForm") and verb.pos_ != "ADJ":
        return False
    if "Pres" in verb.morph.get("Tense"):
        return False  # "have been pressuring": a progressive, active
    if any(c.dep_ == "aux" and c.lemma_.lower() in aux for c in verb.children):
        return True
    if any(c.dep_ == "aux" for c in verb.children):
        return False  # "se habían amotinado": a compound tense, active
    # a predicative participle ("resultaron heridas", "los detenidos") is passive, and so is one
    # without auxiliary in an adverbial clause ("with 40 people arrested", "con 40 personas detenidas")
    return verb.dep_ in ("xcomp", "amod", "acl", "advcl") or verb.pos_ == "ADJ"


def is_pronoun(token) -> bool:
    """Whether a token is a pronoun (its referent is found elsewhere); a partitive names its
    group itself ("algunos de los manifestantes")."""
    return token.pos_ in PRONOUN_POS and _group_head(token) is token


def subject_of(verb, depth: int = 3):
    """The subject of a verb, or of the verb it depends on (xcomp, conj, advcl)."""
    for child in verb.children:
        if child.dep_ in SUBJECT:
            return child
    if depth and verb.dep_ in SHARE_SUBJECT and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head  # "were swift to condemn": the subject of "were" condemns
        return subject_of(head, depth - 1)
    return None


def _asks_penalty(verb, frames: dict) -> bool:
    """A request whose object is a penalty (`frames.penalties`): the one it is asked for is its
    recipient ("la Fiscalía pidió dos años de prisión para el joven")."""
    penalties = set(frames.get("penalties") or ())
    return bool(penalties) and any(t.lemma_.lower() in penalties for c in verb.children if c.dep_ in OBJECT
                                   for t in c.subtree)


def _direct_roles(trigger, frames: dict, index: EntityIndex, roles: Roles, passive: bool,
                  penalty: bool = False) -> list:
    """Fill the actor from the verb's own arguments; return ranked recipient candidates
    (`penalty`: the verb asks a penalty for someone, see `_asks_penalty`)."""
    agent, recipient = set(frames.get("agent") or ()), set(frames.get("recipient") or ())
    addressee = set(frames.get("addressee") or ())
    if trigger.type in PHYSICAL | {"THREATEN"}:  # "threatened Baghdad with sanctions": what with, not whom
        recipient -= set(frames.get("instrument") or ())
    if trigger.type in GIVING or penalty:
        recipient |= set(frames.get("beneficiary") or ())  # "approved $225 million for Israel"
    skip = {t.i for t in trigger.tokens}
    targets = []  # (rank, token): a passive subject, a marked object ("a una persona"), a bare one
    for rel, marker, token in arguments(trigger.head):
        if token.i in skip:
            continue
        if rel == "subj" and not passive and not is_pronoun(token):
            roles.source = roles.source or entities_of(token, index)
        elif rel == "subj" and passive:
            # "fue donada ... al Hospital": what is given is no recipient before the one it goes to
            targets.append((3 if trigger.type in GIVING else 0, token))
        elif rel == "agent" or (passive and rel == "obl" and marker in agent):
            # "por" also gives a time or a cause: an unnamed one is an agent only if it names people
            author = author_of(token, frames)
            roles.source = roles.source or entities_of(author if author is not None else token, index,
                                                       make_nominal=author is not None)
        elif rel in ("obj", "obl") and marker in recipient:
            # a party addressed ("against the United States") before a place-like recipient
            # ("filed a complaint at the WTO against the United States")
            targets.append((1 if rel == "obj" else 2 if marker in addressee else 2.5, token))
        elif rel == "obj" and not marker:
            targets.append((3, token))
    targets.extend(_phrase_objects(trigger, frames, skip))
    return targets


def _phrase_objects(trigger, frames: dict, skip: set) -> list:
    """An addressee hung on a phrase's other word: "citó como investigados a X" (X is under
    "investigados"), "el establecimiento de relaciones con Israel", "signed a deal with X"."""
    addressee = set(frames.get("addressee") or ())
    found = [(2, token) for word in trigger.tokens[1:] for rel, marker, token in arguments(word)
             if rel in ("obj", "obl") and marker in addressee and token.i not in skip]
    if trigger.type in JUDGED:  # "celebró la decisión de Rusia": whose decision is praised (by name)
        owner = set(frames.get("possessor") or ())
        found += [(OWNER_RANK, token) for word in trigger.tokens[1:] for rel, marker, token in arguments(word)
                  if (rel == "poss" or rel in ("obj", "obl") and marker in owner) and token.i not in skip]
    return found


def _pick_target(trigger, frames: dict, index: EntityIndex, targets: list, penalty: bool = False) -> list[str]:
    addressee, personal = set(frames.get("addressee") or ()), set(frames.get("personal") or ())
    if penalty:
        addressee |= set(frames.get("beneficiary") or ())  # "dos años de prisión para el joven"
    for rank, token in sorted(targets, key=lambda x: (x[0], x[1].i)):
        # an object may be a thing ("prometiendo ayuda", "agreed upon a pact"): only physical
        # acts, and addressee markers ("a", "with"), make an unnamed object the recipient
        nominal = rank == 0 or trigger.type in PHYSICAL or marker_of(token) in addressee
        # the object of a mutual act is the other party ("officials met the group")
        nominal = nominal or trigger.head.lemma_.lower() in (frames.get("reciprocal") or ())
        # whose act is praised or blamed, when a noun of people: "el firme compromiso del Rey"
        nominal = nominal or (rank == OWNER_RANK and names_people(token, frames))
        found = entities_of(token, index, make_nominal=nominal)
        if found and not _no_one(trigger, found, index, rank == 0 or marker_of(token) in personal):
            return found
    verb = trigger.head
    if trigger.type in PHYSICAL and trigger.kind == "phrase" and trigger.mode == "crowd-control":
        # the phrase's own noun of people is the crowd the force is used on: "cleared protesters"
        people = [t for t in trigger.tokens[1:] if t.pos_ == "NOUN" and names_people(t, frames)]
        if people:
            return entities_of(people[0], index)
    if trigger.kind == "verb" and verb.pos_ in ("VERB", "AUX"):
        found = _antecedent_of(verb, index)  # "decidieron acusarla": whom the enclitic stands for
        if found:
            return found
    if trigger.type in ADDRESSED_TYPES:
        # "exigió que EE.UU. cancele", "expresaron su preocupación de que Kim podría buscar ..."
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) or next(
            (c for c in (trigger.noun.children if trigger.noun is not None else ())
             if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
        subject = subject_of(clause) if clause is not None else None
        found = entities_of(subject, index) if subject is not None and not is_pronoun(subject) else []
        if found and not _no_one(trigger, found, index, False):
            return found
    return []


def _no_one(trigger, found: list[str], index: EntityIndex, personal: bool) -> bool:
    """Whether the recipient found for an act of words names no one: unnamed nominals of things
    ("pide que se levante el bloqueo de su cuenta", "la rechazaron con gran vehemencia"), unless
    the language marks it as a person ("amenazaron al personero") or it is the passive's subject."""
    return trigger.type in SAID_TO and not personal and all(i in index.unpeopled for i in found)


def _verb_roles(trigger, frames: dict, index: EntityIndex, roles: Roles) -> None:
    verb = trigger.head
    passive = is_passive(verb, frames)
    penalty = trigger.type == "REQUEST" and _asks_penalty(verb, frames)
    targets = _direct_roles(trigger, frames, index, roles, passive, penalty)
    roles.target = _pick_target(trigger, frames, index, targets, penalty)
    if passive and not roles.source:
        roles.source = _stray_agent(verb, set(frames.get("agent") or ()), index)
    if passive and not roles.target and verb.dep_ in SHARE_SUBJECT:
        subject = subject_of(verb.head)  # "resultaron heridas": the subject is the victim
        roles.target = entities_of(subject, index) if subject is not None else []
    if not roles.target and trigger.type in PHYSICAL:
        roles.target = _described_patient(verb, index) if passive else _stray_patient(verb, frames, index)
    if not roles.source and not passive:
        subject = _controlling_object(verb, frames) or subject_of(verb) or _clause_subject(verb, frames)
        if subject is not None and not is_pronoun(subject):
            roles.source = entities_of(subject, index)
        elif subject is not None and verb.dep_ in RELATIVE and verb.head.pos_ in NOMINAL_POS:
            roles.source = entities_of(verb.head, index)  # "el ELN, que atacó ..."
        elif subject is None and verb.dep_ in RELATIVE and verb.head.pos_ in NOMINAL_POS:
            _relative_object(verb, index, roles)  # "contra X, a quien acusó de ..."
            roles.source = roles.source or _controller(verb, index) or _noun_author(verb, frames, index)
    if trigger.noun is not None:
        _noun_roles(trigger.noun, frames, index, roles, {t.i for t in trigger.tokens}, trigger.type)
    if not roles.target and not targets and trigger.kind == "verb" and verb.lemma_.lower() in (
            frames.get("unaccusative") or ()):
        roles.source, roles.target = [], roles.source  # "cuatro menores desaparecieron": the victims
    joint = set(frames.get("reciprocal") or ()) | set(frames.get("joint_acts") or ())
    if not roles.target and verb.lemma_.lower() in joint:
        _mutual_roles(verb, frames, index, roles)


def _controlling_object(verb, frames: dict):
    """The object of a verb of causing or asking (`frames.object_control`) does what its
    infinitive says: "prompting the opposition party to accuse Moon", "led Palestinian
    leadership to boycott" (not "used force to push back": force pushes nothing)."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in set(frames.get("object_control") or ()):
        return None
    return next((c for c in head.children if c.dep_ in ("obj", "dobj") and c.i < verb.i), None)


def clause_of_time(verb, frames: dict):
    """The main verb a clause of time or manner hangs on, or None: an "-ing" clause after a
    preposition (`frames.clause_preps`: "blamed Obama before beheading Sotloff", "protested by
    blocking the road") or a clause after a subordinator of time ("condemned the president
    after police cleared protesters"; also `frames.simultaneous`)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in set(frames.get("clause_preps") or ()):
        main = head.head
        return main if main.i != head.i and main.pos_ in ("VERB", "AUX") else None
    marks = set(frames.get("clause_preps") or ()) | set(frames.get("simultaneous") or ())
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return head
    return None


def _clause_subject(verb, frames: dict):
    """The subject of the main clause, for an "-ing" clause of time or manner with none of its
    own ("blamed Obama before beheading Sotloff"): `clause_of_time`."""
    main = clause_of_time(verb, frames) if verb.dep_ == "pcomp" else None
    return subject_of(main) if main is not None else None


def _mutual_roles(verb, frames: dict, index: EntityIndex, roles: Roles) -> None:
    """The other side of a mutual act: "se enfrentaron con el ejército" (even where "con" is
    otherwise an instrument), or the later conjuncts of "policías y jóvenes se enfrentaron"."""
    partner = set(frames.get("addressee") or ())
    for rel, marker, token in arguments(verb):
        if rel == "obl" and marker in partner and token.pos_ in NOMINAL_POS:
            roles.target = [i for i in entities_of(token, index) if i not in roles.source]
            return
    if len(roles.source) > 1:
        roles.source, roles.target = roles.source[:1], roles.source[1:]


def _relative_object(verb, index: EntityIndex, roles: Roles) -> None:
    """A relative clause whose pronoun is the object: the noun is the recipient, and the
    actor is the subject of the clause the noun belongs to."""
    if not any(is_pronoun(c) and c.dep_ in OBJECT | OBLIQUE and "Rel" in c.morph.get("PronType")
               for c in verb.children):
        return
    roles.target = roles.target or entities_of(verb.head, index)
    matrix = verb.head.head
    subject = subject_of(matrix) if matrix.pos_ in ("VERB", "AUX") else None
    if subject is not None and not is_pronoun(subject):
        roles.source = entities_of(subject, index)


def _described_patient(verb, index: EntityIndex) -> list[str]:
    """The victim a passive participle describes: "dos personas ... fueron desaparecidas"
    parsed as a modifier of "personas", "una persona resultó herida" with the participle
    parsed as the object of "resultó"."""
    if verb.dep_ in RELATIVE and verb.head.pos_ in NOMINAL_POS:
        return entities_of(verb.head, index)
    if verb.dep_ in OBJECT and verb.head.pos_ in ("VERB", "AUX"):
        subject = subject_of(verb.head)
        return entities_of(subject, index) if subject is not None and not is_pronoun(subject) else []
    return []


def _stray_patient(verb, frames: dict, index: EntityIndex) -> list[str]:
    """The person a physical act is done to, when the parser hung the marked object lower in
    the clause: "ejecutaron en sitio no precisado, a cuatro personas"."""
    markers = set(frames.get("addressee") or ()) - set(frames.get("instrument") or ())
    for token in verb.subtree:
        if token.i > verb.i and token.pos_ in NOMINAL_POS and marker_of(token) in markers:
            between = [t for t in token.ancestors if t.i != verb.i and verb in t.ancestors]
            if not any(t.pos_ in ("VERB", "AUX") for t in between):
                return entities_of(token, index)
    return []


def _stray_agent(verb, agent: set, index: EntityIndex) -> list[str]:
    """A passive agent the parser hung lower in the clause ("muerta de ... por hombres")."""
    for token in verb.subtree:
        if token.pos_ in NOMINAL_POS and marker_of(token) in agent and token.i > verb.i:
            between = [t for t in token.ancestors if t.i != verb.i and verb in t.ancestors]
            if not any(t.pos_ in ("VERB", "AUX") for t in between):
                author = author_of(token, index.frames)
                return entities_of(author if author is not None else token, index, make_nominal=author is not None)
    return []


def _noun_roles(noun, frames: dict, index: EntityIndex, roles: Roles, skip=frozenset(),
                type_: str = "") -> None:
    possessor = set(frames.get("possessor") or ())
    recipient = set(frames.get("recipient") or ()) | set(frames.get("noun_recipient") or ())
    if type_ in GIVING:
        recipient |= set(frames.get("beneficiary") or ())  # "emergency spending for Israel's Iron Dome"
    # "Israeli tank shelling", "el ataque israelí": a named modifier is the actor
    # (a participle is a clause: "una marcha desarrollada en Quito" names where, not who)
    modifiers = [t for c in noun.children if c.dep_ in ("amod", "compound")
                 and "Part" not in c.morph.get("VerbForm") for t in c.subtree]
    roles.source = roles.source or index.ids_in(modifiers)
    if not roles.source:  # "los bombardeos israelíes": a demonym the recogniser left unnamed
        roles.source = [i for i in (index.demonym(c) for c in noun.children if c.dep_ == "amod") if i]
    # "la detención de X", "su asesinato": X, the owner, is who the act befalls
    patient, agent = noun.lemma_.lower() in (frames.get("patient_nouns") or ()), set(frames.get("agent") or ())
    carried, light_object = _carried_actor(noun, frames, index, type_)
    if light_object:  # "iniciaron un bloqueo de los puertos": the subject, not the ports
        roles.source = roles.source or carried
    for rel, marker, token in arguments(noun):
        if token.i in skip or token.pos_ not in NOMINAL_POS | PRONOUN_POS:
            continue
        if patient and (rel == "poss" or (rel in ("obl", "agent") and marker in possessor)):
            roles.target = roles.target or entities_of(token, index)  # "la detención de 28 personas"
        elif patient and rel in ("obl", "agent") and marker in agent:  # "... por parte de la policía"
            author = author_of(token, frames)
            roles.source = roles.source or (entities_of(author, index) if author is not None else [])
        elif rel == "poss" or (rel in ("obl", "agent") and marker in possessor):
            # "la marcha de los campesinos": an act done by a group names it even unnamed
            agentive = noun.lemma_.lower() in (frames.get("agentive_nouns") or ()) and names_people(token, frames)
            roles.source = roles.source or entities_of(token, index, make_nominal=agentive)
        elif rel in ("obl", "obj") and marker in recipient:
            roles.target = roles.target or entities_of(token, index)
    roles.source = roles.source or carried or _participants(noun, frames, index)


def _participants(noun, frames: dict, index: EntityIndex) -> list[str]:
    """Those said to take part in an event: "Decenas de participantes de una marcha", "los
    asistentes a la concentración" (frames `participants`: the nouns of those who take part)."""
    head = noun.head
    markers = set(frames.get("possessor") or ()) | set(frames.get("place") or ()) | set(frames.get("addressee") or ())
    if noun.dep_ not in OBLIQUE or head.pos_ not in NOMINAL_POS or marker_of(noun) not in markers:
        return []
    participants = set(frames.get("participants") or ())
    return entities_of(head, index) if head.lemma_.lower() in participants or head.lower_ in participants else []


def _controller(verb, index: EntityIndex) -> list[str]:
    """The actor of an infinitive of purpose hung on an object noun: "efectúan una huelga de
    hambre para protestar", "launched a campaign to protest": the subject of the noun's verb."""
    noun = verb.head
    if "Inf" not in verb.morph.get("VerbForm") or noun.dep_ not in OBJECT or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    subject = subject_of(noun.head)
    return entities_of(subject, index) if subject is not None and not is_pronoun(subject) else []


def _noun_author(verb, frames: dict, index: EntityIndex) -> list[str]:
    """The actor of an infinitive that completes a noun of will: whose decision, plan or
    promise it is ("Trump's decision to recognize", "la decisión de Rusia de retirar sus
    tropas", "the decision by Russia to withdraw"), named before the infinitive."""
    noun = verb.head
    if "Inf" not in verb.morph.get("VerbForm") or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    for child in noun.children:
        if child.dep_ == "poss" and child.i < verb.i:
            return entities_of(child, index)
    markers = set(frames.get("agent") or ()) | set(frames.get("possessor") or ())
    for rel, marker, token in arguments(noun):
        if rel == "obl" and marker in markers and token.i < verb.i and token.pos_ in NOMINAL_POS:
            return entities_of(token, index, make_nominal=False)
    return []


def _agent_of_support(noun, frames: dict, index: EntityIndex) -> list[str]:
    """The agent of a support verb's participle that describes the noun: "El bloqueo,
    realizado por unos 370 atuneros"."""
    support, agent = set(frames.get("support_verbs") or ()), set(frames.get("agent") or ())
    for child in noun.children:
        if child.dep_ in RELATIVE | {"amod"} and child.lemma_.lower() in support:
            for rel, marker, token in arguments(child):
                if marker in agent and token.pos_ in NOMINAL_POS:
                    return entities_of(token, index)
    return []


def _carried_actor(noun, frames: dict, index: EntityIndex, type_: str) -> tuple[list, bool]:
    """The actor a nominal event takes from its clause: the subject of a support verb
    ("realizaron una huelga"), or of the verb it is an adjunct of for participant types.
    Returns (entity ids, whether the noun is a support verb's object)."""
    support = set(frames.get("support_verbs") or ())
    head = noun.head
    if head.dep_ in PREP and head.head.pos_ in ("VERB", "AUX"):
        head, adjunct = head.head, True  # English "arrived on a visit": noun -> prep -> verb
    else:
        adjunct = noun.dep_ in OBLIQUE and head.pos_ in ("VERB", "AUX")
    light = head.lemma_.lower() in support or head.lower_ in support
    if not ((noun.dep_ in OBJECT | SUBJECT and light) or (adjunct and type_ in PARTICIPANT_TYPES)):
        described = _agent_of_support(noun, frames, index)
        return described, bool(described)
    subject = subject_of(head)
    if subject is None or subject.i == noun.i or is_pronoun(subject):
        return [], False
    return entities_of(subject, index), light and noun.dep_ in OBJECT


def _place(trigger, frames: dict, index: EntityIndex, dateline_place) -> str | None:
    """Where the act happens: a place named after "in"/"en", or the town a spot named after
    "outside", "near", "frente a" lies in ("outside a mosque in Quetta"); else the dateline's."""
    markers, spots = set(frames.get("place") or ()), set(frames.get("spot") or ())
    heads = [trigger.head] + ([trigger.noun] if trigger.noun is not None else [])
    for head in heads:
        for rel, marker, token in arguments(head):
            if rel != "obl" or marker not in markers | spots:
                continue
            found = _place_in(token, index) if marker in markers else None
            for _, inner_marker, inner in ((r, m, t) for r, m, t in arguments(token) if r == "obl"):
                found = found or (_place_in(inner, index) if inner_marker in markers else None)
            if found:
                return found
    return dateline_place


def _place_in(token, index: EntityIndex) -> str | None:
    return next((i for i in index.ids_in(phrase_tokens(token)) if index.types.get(i) in PLACE_TYPES), None)


def _parties(trigger, frames: dict, index: EntityIndex, roles: Roles) -> None:
    """A joint act whose parties are named together and no actor apart (frames `parties`):
    "a deal struck last year between the United States and Mexico" is done by the first with
    the others."""
    markers = set(frames.get("parties") or ())
    for head in (trigger.head, trigger.noun) if trigger.noun is not None else (trigger.head,):
        for rel, marker, token in arguments(head):
            if rel == "obl" and marker in markers and token.pos_ in NOMINAL_POS:
                found = entities_of(token, index, make_nominal=False)
                if len(found) > 1:
                    roles.source, roles.target = found[:1], found[1:]
                return


def find_roles(trigger, frames: dict, index: EntityIndex, *, dateline_place=None) -> Roles:
    """Actor, recipient and place of one trigger, from the parse only.

    Args:
        trigger: a triggers.Trigger.
        frames: the language's role markers (event_triggers.yaml `frames`).
        index: the article's EntityIndex.
        dateline_place: entity id of the dateline place, the place by default.
    Returns:
        Roles; `source_how`/`target_how` say "syntax" where a role was found.
    """
    roles = Roles()
    if trigger.kind == "noun":
        skip = {t.i for t in trigger.tokens}
        _noun_roles(trigger.head, frames, index, roles, skip, trigger.type)
        if not roles.target:  # "el establecimiento de relaciones con Israel": the party on the phrase's noun
            roles.target = next((found for _, token in _phrase_objects(trigger, frames, skip)
                                 for found in [entities_of(token, index)] if found), [])
    else:
        _verb_roles(trigger, frames, index, roles)
    if not roles.source and trigger.type in JOINT_TYPES:
        _parties(trigger, frames, index, roles)
    roles.source = roles.source[:_MAX_ACTORS]
    roles.target = [i for i in roles.target if i not in roles.source][:_MAX_ACTORS]
    roles.source_how = "syntax" if roles.source else None
    roles.target_how = "syntax" if roles.target else None
    roles.where = _place(trigger, frames, index, dateline_place)
    return roles
