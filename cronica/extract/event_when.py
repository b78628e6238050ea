"""The date and the figures of one event, read from its own clause and from the narrative.

- `when` is the time expression of the trigger's clause, a resolved date first, then the
  nearest; a noun's participial modifier is part of its clause ("una marcha, desarrollada
  este domingo", "a visit starting Friday"), and a predicate coordinated under one subject
  shares the time of the first ("protesters on Sunday chanted ... and called on Trump").
- A date introduced as a start ("a partir del viernes", "starting Friday", `connectors.since`
  in `lang/<lang>/time.yaml`) opens a window: as long as a stated length in days or weeks
  ("una visita de tres días", "a three-day visit"), else, for an act told in the present or
  present perfect, up to the publication date ("han matado a 58 desde el sábado": Saturday to
  today; "desde el jueves atacaron" stays Thursday).
- The narrative: a past deed told without a date takes the time of its paragraph, set by the
  paragraph's last sentence that gave a date (its dated event, else its main clause's time), and
  in another paragraph the story's main time, the first date it gave ("on Sunday ... The women
  walked and carried banners"). Only a tense of narration carries it: a finite past, and the
  present perfect where the language narrates with it (`tense.perfect_narrates` in time.yaml).
- An event's figures are the quantities of its clause, without the finite clauses nested in it,
  the predicates coordinated with it that tell another act, and lengths of time ("tras 14 años en
  el poder" counts nothing); a gerund that tells the act again lends its figures ("attacked the
  town, killing 12 civilians").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .time_lexicon import fold, load_lexicon

NESTED = {"ccomp", "parataxis", "advcl", "acl", "relcl", "acl:relcl"}
PARTICIPIAL = {"acl"}
NOUN_MODIFIERS = {"nmod", "compound", "amod", "poss", "nmod:poss"}  # "un viaje de junio", "Sunday's vote"
SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
AUXILIARY = {"aux", "auxpass", "aux:pass"}
UNIT_DAYS = {"days": 1, "day": 1, "weeks": 7, "week": 7}
LEAD_SENTENCES = 3  # the lead: the sentences a story's first date may follow


def _token_at(article, start: int):
    span = article.doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span else None


def _inside(start: int, article, tokens: set[int]) -> bool:
    token = _token_at(article, start)
    return token is not None and token.i in tokens


def own_clause(head, skip=None, nested=NESTED) -> set[int]:
    """Token indices of the clause of `head`, its nested clauses (dependents of `head` of a
    kind in `nested`) and `skip`'s subtree left out."""
    out, stack = set(), [head]
    while stack:
        token = stack.pop()
        out.add(token.i)
        stack.extend(c for c in token.children if (skip is None or c.i != skip.i)
                     and (c.dep_ not in nested or token.i != head.i))
    return out


def resolved_time_in(tokens: set[int], article, near: int) -> dict | None:
    """The resolved time expression among `tokens` nearest to `near`, as a `when`."""
    best = _closest([t for t in article.times if t.start and _inside(t.start_char, article, tokens)], near)
    return _as_when(best) if best is not None else None


def _participles(trigger) -> set[int]:
    """The participial modifiers of a noun trigger: "la ofensiva iniciada el pasado 17 de mayo"."""
    if trigger.kind != "noun":
        return set()
    return {t.i for c in trigger.head.children if c.dep_ in PARTICIPIAL for t in c.subtree}


def _shared_predicate(trigger) -> set[int]:
    """The clause of the first predicate when the trigger's verb is coordinated under its subject."""
    verb = trigger.head
    if trigger.kind == "noun" or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return set()
    if any(c.dep_ in SUBJECT for c in verb.children):
        return set()  # "Hamas attacked on Sunday and Israel responded": two clauses, two times
    if set(verb.morph.get("Tense")) != set(verb.head.morph.get("Tense")):
        return set()
    return own_clause(verb.head, skip=verb)


def _own_tokens(trigger, tokens: set[int]) -> set[int]:
    """The clause's tokens without the finite clauses nested deeper in it: "renunció tras 14 años en
    el poder, después de que la policía matara a 36 personas" (the 36 are the killing's)."""
    doc, heads = trigger.head.doc, {trigger.head.i, trigger.head.head.i}
    out = set(tokens)
    for i in tokens:
        token = doc[i]
        if i in heads or token.dep_ not in NESTED or token.is_ancestor(trigger.head):
            continue
        if "Fin" in token.morph.get("VerbForm") or any(c.dep_ in SUBJECT for c in token.children):
            out -= {t.i for t in token.subtree}
    return out


def _dates_another_noun(time, trigger, article) -> bool:
    """Whether a time expression modifies a noun other than a noun trigger's: "La visita de
    Lavrov sigue un viaje de junio" (June is the earlier trip's, not the visit's)."""
    span = article.doc.char_span(time.start_char, time.end_char, alignment_mode="expand")
    if span is None or trigger.head.i in range(span.start, span.end):
        return False
    root = span.root
    head = root.head
    return root.dep_ in NOUN_MODIFIERS and head.i != root.i and head.pos_ in ("NOUN", "PROPN") \
        and not span.start <= head.i < span.end and head.i != trigger.head.i


def _without_content(verb, tokens: set[int]) -> set[int]:
    """A verb's tokens without the infinitive it governs: a time there is the time of what is
    agreed, promised or decided ("han acordado aplazar hasta febrero de 2021 la reunión")."""
    out = set(tokens)
    for child in verb.children:
        if child.dep_ == "xcomp" and "Inf" in child.morph.get("VerbForm"):
            out -= {t.i for t in child.subtree}
    return out


def _closest(times: list, near: int):
    if not times:
        return None
    # a resolved date before a duration ("de tres días a partir del viernes"), then the nearest
    return min(times, key=lambda t: (t.start is None, abs(t.start_char - near)))


def _as_when(time) -> dict:
    return {"text": time.text, "start": time.start, "end": time.end, "granularity": time.granularity}


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()\"'“”«»") for w in fold(text).split()]


def _opens(time, article) -> bool:
    """Whether a time is told as a start: "a partir del viernes", "starting Friday", "desde el sábado"."""
    lexicon = load_lexicon(article.lang) if article.lang else None
    forms = [_words(str(f)) for f in ((lexicon.data.get("connectors") or {}).get("since") or ())] if lexicon else []
    before = _words(article.text[max(0, time.start_char - 40):time.start_char])[-4:]
    words, k = before + _words(time.text), len(before)
    for form in (f for f in forms if f):
        n = len(form)
        if any(words[s:s + n] == form and s + n < len(words) for s in range(max(0, k - n), k + 1)):
            return True
    return False


def _length_days(article, tokens: set[int]) -> int | None:
    """A stated length in days or weeks in the clause: "de tres días", "a three-day visit"."""
    for quantity in article.quantities:
        per = UNIT_DAYS.get(quantity.unit or "")
        if per and quantity.min is not None and quantity.min == quantity.max and _inside(quantity.start, article,
                                                                                         tokens):
            return int(quantity.min * per)
    return None


def _published(article) -> dt.date | None:
    try:
        return dt.date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def _window(time, trigger, article, tokens: set[int], planned: bool) -> tuple[str, str] | None:
    """The interval a date told as a start opens (see the module's rules), or None."""
    if time.start is None or len(time.start) != 10 or not _opens(time, article):
        return None
    start = dt.date.fromisoformat(time.start)
    days = _length_days(article, tokens)
    if days and time.granularity == "day":
        return time.start, (start + dt.timedelta(days=days - 1)).isoformat()
    published = _published(article)
    if planned or published is None or (time.end or "") >= published.isoformat() or not _reaches_now(trigger):
        return None
    return time.start, published.isoformat()


def _reaches_now(trigger) -> bool:
    """Whether the event's verb is a present or a present perfect ("han acabado", "have killed"),
    told as lasting up to now; a plain past ("desde el jueves atacaron") is bounded."""
    verb = trigger.head if trigger.kind != "noun" else trigger.head.head
    if "Fin" in verb.morph.get("VerbForm"):
        return "Pres" in verb.morph.get("Tense")
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARY]
    return "Part" in verb.morph.get("VerbForm") and any("Pres" in a.morph.get("Tense") for a in auxiliaries)


def event_when(trigger, article, tokens: set[int], *, planned: bool = False) -> dict | None:
    """The date of an event: the time expression of its clause (see the module's rules).

    Args:
        trigger: the event's triggers.Trigger.
        article: the Article (doc, times, quantities, published).
        tokens: token indices of the trigger's clause.
        planned: whether the event is announced, not done (a start then opens no window up to today).
    Returns:
        a `when` dict (text, start, end, granularity), or None.
    """
    tokens = _own_tokens(trigger, tokens | _participles(trigger))
    tokens = tokens if trigger.kind == "noun" else _without_content(trigger.head, tokens)
    dates = [t for t in article.times if t.granularity != "duration"]  # "tras 14 años" dates nothing

    def dates_in(within: set[int]) -> list:
        return [t for t in dates if _inside(t.start_char, article, within)
                and not (trigger.kind == "noun" and _dates_another_noun(t, trigger, article))]

    best = _closest(dates_in(tokens), trigger.head.idx)
    if best is None:
        best = _closest(dates_in(_shared_predicate(trigger)), trigger.head.idx)
    if best is None:
        return None
    when = _as_when(best)
    window = _window(best, trigger, article, tokens, planned)
    if window is not None:
        when["start"], when["end"] = window
    return when


def _same_act(trigger, child, by_token: dict) -> bool:
    """Whether a predicate under the trigger's verb tells the same act again: a trigger of the same
    type with no subject or conjunction of its own ("atacaron la ciudad y mataron a 12 civiles")."""
    other = by_token.get(child.i)
    return other is not None and other.type == trigger.type and not any(
        c.dep_ in SUBJECT or c.dep_ == "mark" for c in child.children)


def _counted_tokens(trigger, tokens: set[int], by_token: dict) -> set[int]:
    """The tokens whose figures are the event's: its clause without the predicates coordinated with
    it that tell another act ("detuvo a 20 personas e incautó 300 kilos"), plus a gerund that tells
    it again as its result ("attacked the town, killing 12 civilians"), and the subject a
    conjoined verb shares."""
    out = set(tokens)
    verb = trigger.head
    if trigger.kind != "noun" and verb.dep_ == "conj" and not any(c.dep_ in SUBJECT for c in verb.children):
        # "Thousands of protesters chanted the anthem and marched": a conjunct's subject is its head's
        out |= {t.i for c in verb.head.children if c.dep_ in SUBJECT for t in c.subtree}
    for child in trigger.head.children:
        verbal = child.pos_ in ("VERB", "AUX")
        if child.dep_ == "conj" and verbal and not _same_act(trigger, child, by_token):
            out -= {t.i for t in child.subtree}
        gerund = "Ger" in child.morph.get("VerbForm") or child.tag_ == "VBG"
        if child.dep_ == "advcl" and gerund and _same_act(trigger, child, by_token):
            out |= own_clause(child)
    return out


def event_quantities(trigger, article, tokens: set[int], by_token: dict | None = None) -> list[str]:
    """Ids of the figures of an event's clause, lengths of time left out.

    Args:
        trigger: the event's triggers.Trigger.
        article: the Article (doc, times, quantities).
        tokens: token indices of the trigger's clause.
        by_token: the sentence's triggers by head token, for a gerund that tells the act again.
    Returns:
        quantity ids in text order.
    """
    tokens = _counted_tokens(trigger, _own_tokens(trigger, tokens), by_token or {})
    return [q.id for q in article.quantities if _inside(q.start, article, tokens)
            and not any(t.start_char < q.end and q.start < t.end_char for t in article.times)]


def _dated(sent, article) -> list:
    """The resolved time expressions of a sentence (lengths of time left out)."""
    return [t for t in article.times if sent.start_char <= t.start_char < sent.end_char and t.start]


def _paragraph(sent, article) -> int:
    """Where the paragraph of a sentence starts (its sentences share a narrative time)."""
    text = sent.text
    return article.text.rfind("\n", 0, sent.start_char + len(text) - len(text.lstrip()))


def _is_bare(verb) -> bool:
    """An infinitive, gerund or participle without auxiliary, told in its governor's tense."""
    forms = set(verb.morph.get("VerbForm"))
    if not forms or not forms <= {"Inf", "Ger", "Part"} or verb.head.i == verb.i:
        return False
    if "Part" in forms:  # "the three people killed in the attack", "las personas detenidas"
        return verb.dep_ in ("acl", "amod") and not any(c.dep_ in AUXILIARY for c in verb.children)
    return verb.dep_ in ("xcomp", "advcl", "acl")  # "firmó el memorándum para enviar tropas"


def _told_verb(trigger):
    """The verb that tells an event: a noun's verb ("India responded with an airstrike"), and for a
    bare infinitive, gerund or participle its governor's ("se acercó a Sánchez para recriminarle",
    "was among the three people killed in the attack")."""
    verb = _verb_above(trigger.head) if trigger.kind == "noun" else trigger.head
    for _ in range(2):
        if not _is_bare(verb):
            break
        verb = _verb_above(verb)  # from the noun a participle modifies to the verb of its clause
    return verb


def _verb_above(token):
    """The nearest verb above a token (its head through prepositions and nouns), or its head."""
    verb = token.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else token.head


def _tense_data(lang: str | None) -> dict:
    lexicon = load_lexicon(lang) if lang else None
    return (lexicon.data.get("tense") or {}) if lexicon else {}


def _is_narrated(trigger, lang: str | None) -> bool:
    """Whether an event is told in a tense of narration: a finite past or imperfect ("atacaron",
    "were deployed", "mataba"), and where the language narrates with it (`tense.perfect_narrates`
    in time.yaml) the present perfect ("ha anunciado este viernes"); in English "have been killed"
    tells a state, and a pluperfect ("había sido detenido") what came before the story."""
    verb, tense = _told_verb(trigger), _tense_data(lang)
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARY]
    perfect = [a for a in auxiliaries if a.lemma_.lower() in {str(w) for w in tense.get("perfect_aux") or ()}]
    if perfect:
        return bool(tense.get("perfect_narrates")) and all("Pres" in a.morph.get("Tense") for a in perfect)
    return any(t.tag_ == "VBD" or ("Fin" in t.morph.get("VerbForm") and set(t.morph.get("Tense")) & {"Past", "Imp"})
               for t in [verb] + auxiliaries)


@dataclass
class Narrative:
    """The times a story is told at: its main time (the first date it gives, in the lead) and the
    time of the paragraph being told, which holds to the end of that paragraph. Deeds of the lead
    told before its first date ("La Casa Blanca dice que Trump firmó el memorándum ... Nielsen
    anunció el miércoles") take that date once it comes."""

    main: dict | None = None
    current: dict | None = None
    paragraph: int = -1
    sentences: int = 0
    waiting: list = field(default_factory=list)  # trigger starts, then events, of the undated lead

    def when_for(self, trigger, sent, article, *, told: bool) -> dict | None:
        """The date a past deed without one of its own takes, or None.

        Args:
            trigger: the event's triggers.Trigger.
            sent: its sentence (a spaCy Span).
            article: the Article (text, times).
            told: whether it is told as done (asserted or reported).
        Returns:
            the paragraph's time, else the main time; None in a sentence that gives a date.
        """
        if not told or not _is_narrated(trigger, article.lang) or _told_dates(sent, article):
            return None
        if self.main is None and self.sentences < LEAD_SENTENCES:
            self.waiting.append(trigger.start)
        return self.current if _paragraph(sent, article) == self.paragraph else self.main

    def follow(self, events, sent, article) -> None:
        """Move the narrative on after a sentence (see the module's rules).

        Args:
            events: the sentence's events.
            sent: the sentence (a spaCy Span).
            article: the Article (times, published).
        """
        self.sentences += 1
        self.waiting = [e for e in self.waiting if not isinstance(e, int)] + [
            e for e in events if e.when is None and (e.trigger or {}).get("start") in self.waiting]
        times = _dated(sent, article)
        if not times:
            return
        when = next((e.when for e in events if e.when and e.when.get("start") and e.status != "planned"), None)
        if when is None:
            when = _main_clause_time(sent, article)
        self.current, self.paragraph = when, _paragraph(sent, article)
        if self.main is None and self.sentences <= LEAD_SENTENCES and _is_news_day(when, article):
            for event in self.waiting:
                event.when = dict(when)
        if when is not None:
            self.main, self.waiting = self.main or when, []


def _told_dates(sent, article) -> list:
    """The sentence's dates but those of what it agrees or decides to do ("han acordado aplazar
    hasta febrero"): a sentence that tells a date of its own continues no narrative."""
    content = {t.i for c in sent if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for t in c.subtree}
    return [t for t in _dated(sent, article) if not _inside(t.start_char, article, content)]


def _is_news_day(when: dict | None, article) -> bool:
    """Whether a date is a day of the news: a single day in the week up to publication."""
    published = _published(article)
    if not when or published is None or when.get("start") != when.get("end") or len(when.get("start") or "") != 10:
        return False
    return 0 <= (published - dt.date.fromisoformat(when["start"])).days < 7


def _main_clause_time(sent, article) -> dict | None:
    """The time of a sentence's main clause, what it agrees or decides to do left out ("han
    acordado aplazar hasta febrero"), and not ahead of the publication date."""
    published, clause = _published(article), _without_content(sent.root, own_clause(sent.root))
    main = [t for t in _dated(sent, article) if _inside(t.start_char, article, clause)
            and (published is None or t.start <= published.isoformat())]
    best = _closest(main, sent.root.idx)
    return _as_when(best) if best is not None else None
