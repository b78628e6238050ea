"""Attribution: who says an event happened ("dijo X", "informaron los medios", "según X").

An event is reported when a reporting verb governs its clause ("X dijo que Y atacó"),
when a reporting clause hangs off its clause ("Y atacó, dijo X"), or when the
sentence names a source with "según X" / "according to X". Reporting verbs come
from `lang/<lang>/reporting_verbs.yaml`; this module holds only the rule.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang.loader import load
from .event_roles import SUBJECT, entities_of, subject_of

REPORT_LINK = {"ccomp", "parataxis", "conj", "advcl", "dep", "xcomp"}
_MAX_CLIMB = 5


@dataclass(frozen=True)
class Reporting:
    """A language's reporting verbs and source markers."""

    verbs: frozenset
    according_to: tuple  # tuples of lower-case words


@lru_cache(maxsize=None)
def load_reporting(lang: str) -> Reporting:
    """Read `lang/<lang>/reporting_verbs.yaml` into a Reporting (cached)."""
    data = load(lang, "reporting_verbs")
    verbs = frozenset(str(v).lower() for v in data.get("REPORT") or ())
    markers = tuple(tuple(str(m).lower().split()) for m in data.get("ACCORDING_TO") or ())
    return Reporting(verbs, markers)


def is_reporting(token, reporting: Reporting) -> bool:
    """Whether a token is a reporting verb ("dijo", "said")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in reporting.verbs


def _clause_text(verb, trigger_head, article) -> tuple[dict, object]:
    """The reporting clause (verb and subject) as attribution text, and the subject token."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT and trigger_head not in c.subtree]
    subject = min(subjects, key=lambda c: abs(c.i - verb.i), default=None)
    if subject is None:  # "..., indicating that ...": the speaker is the main clause's subject
        subject = subject_of(verb)
        if subject is not None and trigger_head in subject.subtree:
            subject = None
        tokens_of_subject = []
    else:
        tokens_of_subject = list(subject.subtree)
    tokens = [verb] + tokens_of_subject
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    return {"text": article.text[start:end], "start": start, "end": end}, subject


def _governing_reporter(head, reporting: Reporting):
    token = head
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        if is_reporting(token, reporting):
            return token
    return None


def _attached_reporter(head, reporting: Reporting):
    """A reporting verb hanging off the trigger's clause: "Y atacó, dijo X"."""
    token = head
    for _ in range(_MAX_CLIMB):
        for child in token.children:
            if child.dep_ in REPORT_LINK and is_reporting(child, reporting) and child.i > head.i \
                    and head not in child.subtree:
                return child
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _according_to(sent, reporting: Reporting):
    """The nominal after "según" / "according to" in a sentence, and the marker's tokens."""
    tokens = list(sent)
    lower = [t.lower_ for t in tokens]
    for marker in reporting.according_to:
        n = len(marker)
        for i in range(len(tokens) - n):
            if tuple(lower[i:i + n]) == marker:
                after = tokens[i + n]
                nominal = next((t for t in [after] + list(after.ancestors)
                                if t.pos_ in ("NOUN", "PROPN") and t.i >= i + n), after)
                return tokens[i:i + n], nominal
    return None, None


def find_attribution(trigger, sent, article, index, reporting: Reporting):
    """Who reports the event of `trigger`, if anyone.

    Args:
        trigger: a triggers.Trigger.
        sent: the trigger's sentence (spaCy Span).
        article: the Article (for its text).
        index: the article's roles.EntityIndex.
        reporting: the language's Reporting.
    Returns:
        `{text, source}` (source: entity id or None), or None when nothing reports it.
    """
    head = trigger.head
    verb = _governing_reporter(head, reporting) or _attached_reporter(head, reporting)
    if verb is not None:
        clause, subject = _clause_text(verb, head, article)
        ids = entities_of(subject, index) if subject is not None and subject.pos_ != "PRON" else []
        return {"text": clause["text"], "source": ids[0] if ids else None}
    marker, nominal = _according_to(sent, reporting)
    if marker:
        tokens = marker + list(nominal.subtree)
        start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
        ids = entities_of(nominal, index)
        return {"text": article.text[start:end], "source": ids[0] if ids else None}
    return None
