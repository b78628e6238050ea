"""Event triggers: verbs, nouns and verb+noun phrases read from `event_triggers.yaml`.

The lexicon maps surface lemmas to (PLOVER type, mode) keys; `find_triggers` walks
one sentence of a spaCy Doc and returns every trigger it finds. Nothing here knows
a word of any language: the words are in `cronica/lang/<lang>/event_triggers.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain

from ..errors import LanguageDataError
from ..lang.loader import load
from .status import load_modality

GENERAL_MODE = "general"
VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN", "ADJ", "VERB"}
MODIFIER = {"amod", "advmod", "nummod"}  # "deminadores militares": an adjective, not the noun


@dataclass(frozen=True)
class Lexicon:
    """One language's triggers and frames, keyed for lookup."""

    lang: str
    verbs: dict            # lemma -> (type, mode)
    reflexive_verbs: dict  # lemma without the reflexive suffix -> (type, mode)
    nouns: dict            # tuple of lower-case words -> (type, mode)
    phrases: dict          # verb lemma -> list of (tuple of noun lemmas, type, mode)
    frames: dict           # role name -> list of markers
    plover: dict           # type -> {quad, modes, gloss}
    natural_forces: frozenset = frozenset()  # lemmas of hazards that act without an actor
    negated_verbs: dict = field(default_factory=dict)  # lemma -> (type, mode), an event only when negated
    # lemma -> (type, mode), an event only with an infinitive complement ("llamó a los líderes a establecer")
    infinitive_verbs: dict = field(default_factory=dict)
    # lemma -> (type, mode), an event only with a name for its object and nothing said of it
    # ("Putin called Trump on Sunday": a phone call; not "called Trump a liar")
    named_object_verbs: dict = field(default_factory=dict)
    # lemma -> (type, mode), an event only with a clause whose subject is another's: wanting
    # someone to act is a demand ("Obama wants Putin to attack", "quiere que el Gobierno dimita")
    bidding_verbs: dict = field(default_factory=dict)

    @cached_property
    def noun_openers(self) -> frozenset:
        """First words of the noun triggers: a token that is none of them opens no noun event."""
        return frozenset(words[0] for words in self.nouns)

    @cached_property
    def not_events(self) -> dict:
        """First word -> the expressions naming no event that start with it, as word tuples."""
        out: dict = {}
        for expression in self.frames.get("not_events") or ():
            words = tuple(expression.split())
            if words:
                out.setdefault(words[0], []).append(words)
        return out


@dataclass
class Trigger:
    """A trigger found in a sentence: its head token and the tokens it spans."""

    head: object           # spaCy Token (the verb, or the noun of a nominal trigger)
    tokens: list = field(default_factory=list)
    type: str = ""
    mode: str | None = None
    kind: str = "verb"     # verb, noun or phrase
    noun: object = None    # the noun of a phrase ("acuerdo" in "firmar un acuerdo")
    negated: bool = False  # a verb that is an event only under negation ("no acudieron": a refusal)

    @property
    def nominal_head(self):
        """The noun that stands for the act in its sentence: a nominal trigger's head, or
        the noun a participle phrase modifies ("the sanctions imposed on North Korea");
        None for an act told by a verb."""
        if self.kind == "noun":
            return self.head
        return self.noun if self.kind == "phrase" and self.noun is not None and reduced_relative(self.head) else None

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t) for t in self.tokens)


def _key(type_: str, mode: str) -> tuple[str, str | None]:
    return type_, (None if mode == GENERAL_MODE else mode)


def _entries(section: dict, plover: dict, path: str):
    for type_, modes in (section or {}).items():
        if type_ not in plover:
            raise LanguageDataError("E301", path=path, reason=f"unknown PLOVER type '{type_}'")
        for mode, forms in modes.items():
            if mode != GENERAL_MODE and mode not in plover[type_]["modes"]:
                raise LanguageDataError("E301", path=path, reason=f"unknown mode '{type_}/{mode}'")
            for form in forms:
                yield str(form).lower(), _key(type_, mode)


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """Build the trigger lexicon of `lang` from its data files.

    Args:
        lang: ISO 639-1 code.
    Returns:
        a Lexicon (cached per language).
    """
    data = load(lang, "event_triggers")
    plover = load("xx", "plover").get("types", {})
    path = f"lang/{lang}/event_triggers.yaml"
    reflexive = tuple((data.get("frames") or {}).get("reflexive") or ())
    verbs, reflexive_verbs, nouns, phrases = {}, {}, {}, {}
    for form, key in _entries(data.get("verbs"), plover, path):
        suffix = next((r for r in reflexive if form.endswith(r) and len(form) > len(r) + 2), None)
        if suffix:
            reflexive_verbs[form[: -len(suffix)]] = key
        else:
            verbs[form] = key
    for form, key in _entries(data.get("nouns"), plover, path):
        nouns[tuple(form.split())] = key
    for form, key in _entries(data.get("phrases"), plover, path):
        verb, *rest = form.split()
        phrases.setdefault(verb, []).append((tuple(rest), *key))
    frames = {k: {str(a).lower(): b for a, b in v.items()} if isinstance(v, dict) else [str(x).lower() for x in v]
              for k, v in (data.get("frames") or {}).items()}
    forces = frozenset(str(w).lower() for w in data.get("natural_forces") or ())
    negated = dict(_entries(data.get("negated_verbs"), plover, path))
    infinitive = dict(_entries(data.get("infinitive_verbs"), plover, path))
    named = dict(_entries(data.get("named_object_verbs"), plover, path))
    bidding = dict(_entries(data.get("bidding_verbs"), plover, path))
    return Lexicon(lang, verbs, reflexive_verbs, nouns, phrases, frames, plover, forces, negated, infinitive, named,
                   bidding)


def _lemma(token) -> str:
    """The token's lemma; a one-word verb with enclitic pronouns, lemmatised with them
    ("recriminarle" -> "recriminar él"), keeps the verb's."""
    lemma = token.lemma_.lower()
    return lemma.split(" ", 1)[0] if " " in lemma and " " not in token.text else lemma


def _has_reflexive(token, lexicon: Lexicon) -> bool:
    markers = set(lexicon.frames.get("reflexive") or ())
    if not markers:
        return False
    if any(c.lower_ in markers for c in token.children if c.i < token.i or c.dep_.startswith("expl")):
        return True
    return any(token.lower_.endswith(m) for m in markers) and not _lemma(token).endswith(tuple(markers))


THROUGH = {"prep", "obj", "dobj", "obl", "nmod", "pobj", "nummod"}  # "enviar miles de tropas"
_MAX_DEPTH = 3


def _below(heads, depth: int = _MAX_DEPTH):
    """Tokens under the heads, going deeper only through objects and prepositions."""
    for head in heads:
        for child in head.children:
            yield child
            if depth > 1 and (child.dep_ in THROUGH or child.pos_ == "NUM"):
                yield from _below((child,), depth - 1)


def _match_phrase(token, lexicon: Lexicon) -> Trigger | None:
    reduced = reduced_relative(token)
    entries = lexicon.phrases.get(_lemma(token))
    if entries is None and (token.pos_ in VERB_POS or reduced):  # "bloqueó": the tagger's lemma is made up
        entries = lexicon.phrases.get(_dictionary_lemma(token.lower_, lexicon.lang))
    if entries is None and reduced:  # "las tropas enviadas": the dictionary gives the adjective
        entries = next((lexicon.phrases[v] for v in _infinitives(token.lower_, lexicon.frames)
                        if v in lexicon.phrases), None)
    for words, type_, mode in entries or ():
        found, noun = [token], None
        for word in words:
            # each word hangs from the verb or from the word before it ("iniciar huelga de hambre");
            # a preposition in between is skipped ("llegar a un acuerdo", "fire on"); a
            # participle's noun is its object ("a deal struck last year")
            heads = (token, found[-1])
            candidates = _below(heads) if not reduced or len(found) > 1 else chain((token.head,), _below(heads))
            hit = next((a for a in candidates if a not in found
                        and (a.dep_ not in MODIFIER or _is_particle(a, token))
                        and _is_word(a, word, lexicon.lang)), None)
            if hit is None:
                break
            found.append(hit)
            noun = noun or (hit if hit.pos_ in ("NOUN", "PROPN") else None)
        else:  # "the calls for calm" is a noun's event: its roles are a noun's
            if not _particle_in_place(token, found, words, lexicon):
                continue
            kind = "noun" if token.pos_ in ("NOUN", "PROPN") else "phrase"
            return Trigger(token, found, type_, mode, kind, noun)
    return None


def _particle_in_place(token, found: list, words: tuple, lexicon: Lexicon) -> bool:
    """A phrase whose preposition belongs to its verb (`frames.particle_phrases`: "call on",
    "call for") has it right after the verb, adverbs aside: "called on Washington to ...",
    not "called Macron on Tuesday"."""
    if " ".join((_lemma(token),) + tuple(words)) not in (lexicon.frames.get("particle_phrases") or ()):
        return True
    particle = found[1]
    return particle.i > token.i and all(t.pos_ in ("ADV", "PART") or t.dep_ == "prt"
                                        for t in token.doc[token.i + 1:particle.i])


def reduced_relative(token) -> bool:
    """A past participle that modifies a noun, a relative clause cut short: "a deal struck
    last year", "sanctions imposed by the United States", "el acuerdo firmado por España"."""
    return token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN") \
        and "Part" in token.morph.get("VerbForm") and "Pres" not in token.morph.get("Tense")


def _infinitives(participle: str, frames: dict) -> list[str]:
    """The infinitives a participle may come from: its masculine singular
    (`frames.participle_inflections`), then that form's ending (`frames.participle_endings`)
    or its irregular verb (`frames.irregular_participles`): "enviadas" -> enviar,
    "impuestas" -> imponer."""
    inflections = frames.get("participle_inflections") or {}
    endings, irregular = frames.get("participle_endings") or {}, frames.get("irregular_participles") or {}
    forms = [participle] + [participle[:-len(s)] + base for s, base in inflections.items() if participle.endswith(s)]
    out = []
    for form in forms:
        if form in irregular:
            out.append(irregular[form])
        out += [form[:-len(e)] + v for e, verbs in endings.items() if form.endswith(e) for v in verbs]
    return out


def _is_particle(token, verb) -> bool:
    """A verb's particle the parser took for an adverb: "stepped down", "pulled back" (right
    after the verb, hung on it)."""
    return token.dep_ == "advmod" and token.head == verb and token.i == verb.i + 1 \
        and token.pos_ in ("ADV", "ADP", "PART")


def _is_word(token, word: str, lang: str) -> bool:
    """Whether a token is a phrase's word: by its lemma, its form, or the dictionary's lemma
    where the tagger made one up ("inaceptables" -> "inaceptabl")."""
    return _lemma(token) == word or token.lower_ == word or _dictionary_lemma(token.lower_, lang) == word


@lru_cache(maxsize=65536)
def _dictionary_lemma(word: str, lang: str) -> str:
    """A verb form's lemma from simplemma's word lists: the tagger's rules now and then
    make one up ("reprimió" -> "reprimeír")."""
    import simplemma
    return simplemma.lemmatize(word, lang=lang).lower()


def _match_verb(token, lexicon: Lexicon) -> Trigger | None:
    if token.pos_ not in VERB_POS and token.dep_ != "ROOT":
        return None
    lemma = _lemma(token)
    if token.pos_ in VERB_POS and lemma not in lexicon.verbs and lemma not in lexicon.reflexive_verbs \
            and lemma not in lexicon.negated_verbs and lemma not in lexicon.infinitive_verbs \
            and lemma not in lexicon.named_object_verbs and lemma not in lexicon.bidding_verbs:
        lemma = _dictionary_lemma(token.lower_, lexicon.lang)
    reflexive = _has_reflexive(token, lexicon)
    if reflexive and lemma in (lexicon.frames.get("pronominal_other") or ()) and _stands_alone(token):
        return None  # "el Congreso se detuvo" (stopped), "los precios se dispararon" (soared)
    key = lexicon.reflexive_verbs.get(lemma) if reflexive else None
    key = key or lexicon.verbs.get(lemma)
    if key is None and token.pos_ in VERB_POS and token.lower_ != lemma:
        key = lexicon.verbs.get(token.lower_)
    if key is None and lemma in lexicon.negated_verbs and _is_negated(token, load_modality(lexicon.lang).negation):
        return Trigger(token, [token], *lexicon.negated_verbs[lemma], "verb", negated=True)
    if key is None and lemma in lexicon.infinitive_verbs and _has_infinitive(token):
        return Trigger(token, [token], *lexicon.infinitive_verbs[lemma], "verb")
    if key is None and lemma in lexicon.named_object_verbs and _has_bare_name(token):
        return Trigger(token, [token], *lexicon.named_object_verbs[lemma], "verb")
    if key is None and lemma in lexicon.bidding_verbs and _bids_another(token, lexicon.frames):
        return Trigger(token, [token], *lexicon.bidding_verbs[lemma], "verb")
    return Trigger(token, [token], *key, "verb") if key else None


def _bids_another(verb, frames: dict) -> bool:
    """A verb with a clause after it whose subject is someone else, a name or people
    (`frames.people`, `frames.local_groups`): "wants Putin to attack", "quiere que el
    Gobierno dimita" (not "wants to attack", "wants its profits to grow")."""
    people = set(frames.get("people") or ()) | set(frames.get("local_groups") or ())
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    bidden = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)  # "wants the government to resign"
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i):
        own = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        own = own if own is not None else (bidden if bidden is not None and bidden.i < clause.i else None)
        if own is not None and (own.pos_ == "PROPN" or own.lemma_.lower() in people) and (
                subject is None or own.lower_ != subject.lower_):
            return True
    return False


# what a verb may say of its object: "called Trump a liar", "called the move illegal"
SAID_OF_OBJECT = {"oprd", "xcomp", "acomp", "attr", "ccomp", "dative"}


def _has_bare_name(verb) -> bool:
    """A verb whose object is a name with nothing said of it ("Putin called Trump on
    Sunday", "called Trump to discuss Syria"; not "called Trump a liar", "called for calm")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if len(objects) != 1 or objects[0].pos_ != "PROPN" or any(c.dep_ == "prt" for c in verb.children):
        return False
    # an infinitive after the name says why the call was made, not what the name is
    said = [c for c in verb.children if c.dep_ in SAID_OF_OBJECT and not (
        c.dep_ == "xcomp" and c.i > objects[0].i and "Inf" in c.morph.get("VerbForm"))]
    return not said and not any(c.dep_ in ("appos", "npadvmod") and c.pos_ in ("NOUN", "PROPN")
                                for c in objects[0].children)


def _stands_alone(verb) -> bool:
    """A pronominal verb told of its subject: the subject comes first and no other object
    follows ("el Congreso se detuvo"; not "se detuvieron cinco personas", "se detuvo a dos")."""
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
    return subject is not None and subject.i < verb.i and not objects


def _has_infinitive(verb, deps=("xcomp", "advcl", "ccomp")) -> bool:
    """A verb with an infinitive clause after it for a complement: "llamó a los líderes a
    establecer" (`deps`: the relations that may hang it on the verb)."""
    return any(c.dep_ in deps and c.i > verb.i and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def _is_negated(verb, negation: frozenset) -> bool:
    """A verb with a negative adverb (the language's `negation` words, "no", "tampoco") or a
    negative subject ("ninguno acudió")."""
    return any("Neg" in c.morph.get("Polarity") or c.lower_ in negation
               or (c.dep_.startswith("nsubj") and "Neg" in c.morph.get("PronType")) for c in verb.children)


def _match_noun(tokens, i: int, lexicon: Lexicon) -> Trigger | None:
    token = tokens[i]
    if token.pos_ not in NOUN_POS:
        return None
    morph = token.morph
    if token.pos_ == "VERB" and ("Part" not in morph.get("VerbForm") or "Pres" in morph.get("Tense")):
        return None  # "called", "calling" are verbs; only past participles ("heridos") read as nouns
    # "Trump called Putin a killer": a verb with its subject and object is no noun; with an
    # auxiliary it stays a predicate ("una persona fue muerta de varios impactos", whatever
    # the parse makes its object)
    if token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
            and any(c.dep_ in ("dobj", "obj", "oprd") for c in token.children) \
            and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in token.children):
        return None
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_.lower() in (lexicon.frames.get("perfect_aux") or ())
                                    for c in token.children):
        return None  # "ha muerto" is the verb "morir" in a perfect tense, not "los muertos"
    if token.lower_ not in lexicon.noun_openers and _lemma(token) not in lexicon.noun_openers:
        return None
    for n in (4, 3, 2, 1):  # longest first: "huelga de hambre" before "huelga"
        span = tokens[i:i + n]
        if len(span) < n:
            continue
        words = tuple(t.lower_ for t in span)
        first = (_lemma(span[0]),) + words[1:]
        last = words[:-1] + (_lemma(span[-1]),)  # the plural of a compound: "air strikes", "peace talks"
        key = lexicon.nouns.get(words)
        # a participle is a noun by its own form, not by its verb's lemma ("called" is no "call")
        if key is None and not (token.pos_ == "VERB" and n == 1):
            key = lexicon.nouns.get(first) or lexicon.nouns.get(last)
        if key:
            # a participle or adjective ("fue muerta", "resultaron heridos") takes a verb's roles
            predicate = token.pos_ in ("ADJ", "VERB") or any(c.dep_ == "cop" for c in token.children)
            kind = "verb" if n == 1 and predicate else "noun"
            # the span's own head carries the roles: "mediation effort" -> "effort"
            head = next((t for t in span if t.head not in span or t.head == t), token)
            return Trigger(head, list(span), *key, kind)
    return None


def _is_classifier(token) -> bool:
    """A bare singular noun modifying another noun: "tropas de combate", "protest leader"."""
    if token.dep_ not in ("nmod", "compound", "pobj") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "pobj" and token.head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    bare = not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in token.children)
    return bare and "Plur" not in token.morph.get("Number")


def _fixed_expressions(tokens, lexicon: Lexicon) -> set[int]:
    """Token indices inside expressions that name no event ("sin embargo")."""
    lower = [t.lower_ for t in tokens]
    out = set()
    for i, word in enumerate(lower):
        for words in lexicon.not_events.get(word, ()):
            if tuple(lower[i:i + len(words)]) == words:
                out.update(t.i for t in tokens[i:i + len(words)])
    return out


def _names_no_act(trigger, lexicon: Lexicon) -> bool:
    """A verb whose object makes it no act (`frames.not_acts`): "released a statement", "the
    names have not been released" (the object, or the subject of the passive); so does the
    noun of that verb with that complement ("the release of the report")."""
    verb = trigger.head
    if trigger.kind not in ("verb", "noun") or not lexicon.frames.get("not_acts"):
        return False
    if trigger.kind == "noun":  # "the release of damaging information", "la movilización de recursos"
        possessor = set(lexicon.frames.get("possessor") or ())
        objects = [c for c in verb.children if c.dep_ == "nmod" and any(
            m.dep_ == "case" and m.lower_ in possessor for m in c.children)]
        objects += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in possessor
                    for p in prep.children if p.dep_ == "pobj"]
    else:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
        # the subject of a passive with the reflexive ("se han violado mis derechos")
        reflexive = set(lexicon.frames.get("reflexive") or ())
        if any(c.lower_ in reflexive for c in verb.children):
            objects += [c for c in verb.children if c.dep_ == "nsubj"]
        # the noun a participle tells of ("the energy deals struck at a summit")
        if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and verb.head.i < verb.i:
            objects.append(verb.head)
    # a part of it: "to host part of the drills" (`frames.part_words`)
    parts = set(lexicon.frames.get("part_words") or ())
    objects += [p for o in objects if _lemma(o) in parts for prep in o.children if prep.dep_ == "prep"
                for p in prep.children if p.dep_ == "pobj"]
    return any(f"{_lemma(verb)} {_lemma(o)}" in lexicon.frames["not_acts"] for o in objects)


def _is_attempt(trigger, lexicon: Lexicon) -> bool:
    """A verb of asking that, with an infinitive, tells a try (`frames.attempts`): "Israel sought
    to calm Damascus", "Hezbollah seeks to avoid a war" ask no one for anything."""
    verb = trigger.head
    if trigger.kind != "verb" or _lemma(verb) not in (lexicon.frames.get("attempts") or ()):
        return False
    return _has_infinitive(verb, deps=("xcomp",))


def find_triggers(sent, lexicon: Lexicon) -> list[Trigger]:
    """Find event triggers in one sentence.

    Args:
        sent: a spaCy Span (one sentence).
        lexicon: the sentence language's Lexicon.
    Returns:
        triggers in text order; a phrase's noun is not returned again as a noun.
    """
    tokens = list(sent)
    found, used = [], _fixed_expressions(tokens, lexicon)
    for token in tokens:
        if token.i in used:
            continue
        trigger = _match_phrase(token, lexicon) or _match_verb(token, lexicon)
        if trigger and (_names_no_act(trigger, lexicon) or _is_attempt(trigger, lexicon)):
            used.add(token.i)
            continue
        if trigger:
            found.append(trigger)
            used.update(t.i for t in trigger.tokens)
    for i, token in enumerate(tokens):
        if token.i in used:
            continue
        trigger = _match_noun(tokens, i, lexicon)
        if trigger and _is_classifier(trigger.head):  # "protest leader", "air raid sirens"
            continue
        if trigger and trigger.kind == "noun" and _names_no_act(trigger, lexicon):
            continue  # "the release of the report"
        if trigger:
            found.append(trigger)
            used.update(t.i for t in trigger.tokens)
    return sorted(found, key=lambda t: t.head.i)
