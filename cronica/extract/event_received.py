"""An act someone receives is done to them by the one it comes from.

"The president-elect received a congratulatory phone call from Taiwan's president" is a
call by Taiwan's president to him; so are "received threats from the group", "got a visit
from the envoy", "recibió un millón de dólares de la universidad" (money is aid): the
subject of a verb of receiving (`frames.receiving_verbs` in `lang/<lang>/event_triggers.yaml`)
is the recipient, the "from" phrase (`frames.sender`) the actor.
"""
from __future__ import annotations

from .event_roles import OBJECT, arguments, entities_of, is_pronoun, names_people, subject_of


def received_roles(trigger, frames: dict, index) -> tuple[list, list] | None:
    """(actor, recipient) of an act its recipient receives, or None when the trigger is no such act.

    Args:
        trigger: a triggers.Trigger (a noun, or a phrase with a noun).
        frames: the language's role markers.
        index: the article's EntityIndex.
    """
    noun = trigger.head if trigger.kind == "noun" else trigger.noun
    if noun is None or noun.dep_ not in OBJECT:
        return None
    verb = noun.head
    if verb.lemma_.lower() not in (frames.get("receiving_verbs") or ()):
        return None
    sender = set(frames.get("sender") or ())
    # "recibió un millón de dólares de la universidad": a sender's marker may also open what is
    # sent, so an unnamed phrase sends only when it names people or a body of them
    source = next((found for head in (noun, verb) for rel, marker, token in arguments(head)
                   if rel == "obl" and marker in sender
                   for found in [entities_of(token, index, make_nominal=names_people(token, frames))] if found), [])
    if not source:
        return None
    subject = subject_of(verb)
    target = entities_of(subject, index) if subject is not None and not is_pronoun(subject) else []
    return source, [i for i in target if i not in source]
