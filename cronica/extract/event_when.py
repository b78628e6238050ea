"""The date and the figures of one event, read from its own clause and from the narrative.

- `when` is the time expression of the trigger's clause, a resolved date first, then the
  nearest; a noun's participial modifier is part of its clause ("una marcha, desarrollada
  este domingo", "a visit starting Friday"), and a predicate coordinated under one subject
  shares the time of the first ("protesters on Sunday chanted ... and called on Trump").
- A date introduced as a start ("a partir del viernes", "starting Friday", `connectors.since`
  in `lang/<lang>/time.yaml`) opens a window: as long as a stated length in days or weeks
  ("una visita de tres días", "a three-day visit"), else, for a past event, up to the
  publication date ("han matado a 58 desde el sábado": Saturday to today).
- The narrative time is the date of the last sentence that gave one: its dated past event,
  else the time of its main clause. Sentences that give no date keep it, so a past event
  told without a date continues it ("on Sunday ... The women walked and carried banners").
- An event's figures are the quantities of its clause that are not lengths of time
  ("tras 14 años en el poder", "una visita de tres días" count nothing).
"""
from __future__ import annotations

import datetime as dt

from .time_lexicon import fold, load_lexicon

NESTED = {"ccomp", "parataxis", "advcl", "acl", "relcl", "acl:relcl"}
PARTICIPIAL = {"acl"}
SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
UNIT_DAYS = {"days": 1, "day": 1, "weeks": 7, "week": 7}


def _token_at(article, start: int):
    span = article.doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span else None


def _inside(start: int, article, tokens: set[int]) -> bool:
    token = _token_at(article, start)
    return token is not None and token.i in tokens


def own_clause(head, skip=None) -> set[int]:
    """Token indices of the clause of `head`, its nested clauses (and `skip`'s subtree) left out."""
    out, stack = set(), [head]
    while stack:
        token = stack.pop()
        out.add(token.i)
        stack.extend(c for c in token.children if (skip is None or c.i != skip.i)
                     and (c.dep_ not in NESTED or token.i != head.i))
    return out


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
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "auxpass")]
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
    tokens = tokens | _participles(trigger)
    best = _closest([t for t in article.times if _inside(t.start_char, article, tokens)], trigger.head.idx)
    if best is None:
        shared = _shared_predicate(trigger)
        best = _closest([t for t in article.times if _inside(t.start_char, article, shared)], trigger.head.idx)
    if best is None:
        return None
    when = _as_when(best)
    window = _window(best, trigger, article, tokens, planned)
    if window is not None:
        when["start"], when["end"] = window
    return when


def event_quantities(article, tokens: set[int]) -> list[str]:
    """Ids of the figures of an event's clause, lengths of time left out.

    Args:
        article: the Article (doc, times, quantities).
        tokens: token indices of the trigger's clause.
    Returns:
        quantity ids in text order.
    """
    return [q.id for q in article.quantities if _inside(q.start, article, tokens)
            and not any(t.start_char < q.end and q.start < t.end_char for t in article.times)]


def narrative_when(narrative: dict | None, sent, article, *, past: bool, told: bool) -> dict | None:
    """The date a past event without one of its own continues, or None.

    Args:
        narrative: the narrative time left by the sentences before (`next_narrative`).
        sent: the event's sentence (a spaCy Span).
        article: the Article (times).
        past: whether the event is told in a past tense.
        told: whether it is told as done (asserted or reported, not planned, denied or hypothetical).
    Returns:
        the narrative `when`, or None when the sentence gives a date of its own or the event is not a past deed.
    """
    if not (past and told) or _dated(sent, article):
        return None
    return narrative


def _dated(sent, article) -> list:
    """The resolved time expressions of a sentence (lengths of time left out)."""
    return [t for t in article.times if sent.start_char <= t.start_char < sent.end_char and t.start]


def next_narrative(narrative: dict | None, events, sent, article) -> dict | None:
    """The narrative time after a sentence (see the module's rules).

    Args:
        narrative: the narrative time before it.
        events: the sentence's events.
        sent: the sentence (a spaCy Span).
        article: the Article (times, published).
    Returns:
        a `when` dict, or None.
    """
    times = _dated(sent, article)
    if not times:
        return narrative
    dated = next((e.when for e in events if e.when and e.when.get("start") and e.status != "planned"), None)
    if dated is not None:
        return dated
    published = _published(article)
    main = [t for t in times if _inside(t.start_char, article, own_clause(sent.root))
            and (published is None or t.start <= published.isoformat())]
    best = _closest(main, sent.root.idx)
    return _as_when(best) if best is not None else None
