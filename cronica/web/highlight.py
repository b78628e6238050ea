"""Highlights for the article page: the text cut into segments, each with the layers covering it."""
from __future__ import annotations


def _spans(record: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, layer, annotation id) of every entity mention, time, quantity and evidence."""
    size = len(record.get("text") or "")
    spans = []
    for entity in record.get("entities") or []:
        for mention in entity.get("mentions") or []:
            if isinstance(mention, (list, tuple)) and len(mention) == 2:
                spans.append((mention[0], mention[1], "ent", entity.get("id")))
    for time in record.get("times") or []:
        spans.append((time.get("start_char"), time.get("end_char"), "time", time.get("id")))
    for quantity in record.get("quantities") or []:
        spans.append((quantity.get("start"), quantity.get("end"), "qty", quantity.get("id")))
    for event in record.get("events") or []:
        evidence = event.get("evidence") or {}
        spans.append((evidence.get("start"), evidence.get("end"), "evidence", event.get("id")))
    return [s for s in spans if isinstance(s[0], int) and isinstance(s[1], int) and 0 <= s[0] < s[1] <= size]


def highlight_segments(record: dict) -> list[dict]:
    """Cut the text at every span boundary; each piece lists the layers and ids over it.

    Args:
        record: a contract record.
    Returns:
        [{"text", "layers": [...], "ids": [...]}] covering the whole text in order.
    """
    text = record.get("text") or ""
    spans = sorted(_spans(record))
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments, active, next_span = [], [], 0
    for left, right in zip(cuts, cuts[1:]):
        while next_span < len(spans) and spans[next_span][0] <= left:
            active.append(spans[next_span])
            next_span += 1
        active = [s for s in active if s[1] > left]
        layers = sorted({s[2] for s in active})
        segments.append({"text": text[left:right], "layers": layers,
                         "ids": sorted({s[3] for s in active if s[3]})})
    return segments


def _names(ids, entities: dict) -> list[str]:
    return [entities[i]["name"] for i in ids or [] if i in entities]


def annotation_lists(record: dict, keys: dict) -> dict:
    """The lists shown beside the article: entities (with keys), times, figures, events."""
    entities = {e.get("id"): e for e in record.get("entities") or []}
    quantities = {q.get("id"): q for q in record.get("quantities") or []}
    events = []
    for event in record.get("events") or []:
        events.append({**event, "actor_names": _names(event.get("source"), entities),
                       "target_names": _names(event.get("target"), entities),
                       "figures": [quantities[q] for q in event.get("quantities") or [] if q in quantities]})
    return {"entities": [{**e, "key": keys.get(e.get("id"))} for e in entities.values()],
            "times": list(record.get("times") or []), "quantities": list(quantities.values()),
            "events": events}
