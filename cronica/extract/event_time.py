"""The time of an event whose own clause names none, borrowed from the clause that holds it.

- What is announced, promised or threatened is told at the time it is said: "Iran said on
  Saturday it would retaliate" is Saturday's threat, "Trump said on Friday he would waive
  the sanctions" Friday's decision (the act of saying is the event coded).
- A verbal act told in what is said ("ha anunciado este viernes que demandará") is made
  when it is said, whatever its status (`said_time`); so is one told by no act word, a
  demand or a verdict ("Herzog on Saturday said Israel should ...": `spoken_when`).
- A subordinate clause of simultaneity ("when", "as", "while": `frames.simultaneous` in
  `lang/<lang>/event_triggers.yaml`) shares the time of its main clause: "the boat had
  sustained damage on Friday last week when it was sideswiped".
"""
from __future__ import annotations

from .attribution import is_reporting
from .event_when import event_when, own_clause, resolved_time_in

NESTED = {"ccomp", "parataxis", "advcl", "acl", "relcl", "acl:relcl", "xcomp", "csubj"}
_MAX_CLIMB = 5
VERBAL = {"verbal_cooperation", "verbal_conflict"}
SAID = {"ccomp", "xcomp", "parataxis"}  # what a verb of saying says (the Spanish parse tags "que ..." xcomp)


def _reporter(head, reporting):
    """The reporting verb whose clause holds `head`, and the child of it that leads to `head`."""
    child, token = head, head
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i:
            return None, None
        child, token = token, token.head
        if is_reporting(token, reporting):
            return token, child
    return None, None


def _main_clause(head, frames: dict):
    """The main clause of a simultaneous subordinate clause, and the subordinate clause's head."""
    marks = set(frames.get("simultaneous") or ())
    token = head
    for _ in range(_MAX_CLIMB):
        if token.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in token.children):
            return token.head, token
        if token.head.i == token.i or token.dep_ not in ("conj", "xcomp", "auxpass"):
            return None, None
        token = token.head
    return None, None


def borrowed_time(trigger, article, frames: dict, reporting, *, announced: bool) -> dict | None:
    """The time an event takes from the clause that holds it (see the module's rules).

    Args:
        trigger: the event's triggers.Trigger.
        article: the Article (times and doc).
        frames: the language's role markers (`simultaneous`).
        reporting: the language's Reporting.
        announced: whether the event is what someone says will be done (planned, a threat).
    Returns:
        a `when` dict, or None.
    """
    head = trigger.head if trigger.kind != "noun" or trigger.head.head.pos_ not in ("VERB", "AUX") \
        else trigger.head.head
    main, sub = _main_clause(head, frames)
    if main is not None:
        when = resolved_time_in(own_clause(main, sub, NESTED), article, main.idx)
        if when is not None:
            return when
    if announced:
        verb, child = _reporter(head, reporting)
        if verb is not None:
            return resolved_time_in(own_clause(verb, child, NESTED), article, verb.idx)
    return None


def said_time(trigger, article, lexicon, reporting) -> dict | None:
    """A verbal act told in what someone announces or says is made when it is said: "ha
    anunciado este viernes que demandará a Washington" (the time of the saying verb's clause)."""
    verb = trigger.head
    if lexicon.plover.get(trigger.type, {}).get("quad") not in VERBAL or trigger.kind == "noun" \
            or verb.dep_ not in ("ccomp", "parataxis") or not is_reporting(verb.head, reporting):
        return None
    return event_when(trigger, article, own_clause(verb.head, skip=verb))


def spoken_when(verb, article) -> dict | None:
    """When a verbal act told by no act word is made: the time of the verb that says it, or,
    for what a complement clause says, of the verb it completes ("Ebrard said Tuesday the
    tariffs are illogical"; "Herzog on Saturday said Israel should take in refugees")."""
    if verb.dep_ in SAID and verb.head.i != verb.i:
        when = resolved_time_in(own_clause(verb.head, skip=verb), article, verb.head.idx)
        if when is not None:
            return when
    return resolved_time_in(own_clause(verb), article, verb.idx)
