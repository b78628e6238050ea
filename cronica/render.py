"""A readable summary of a contract record, for a terminal."""
from __future__ import annotations


def render_summary(record: dict, *, color: bool = False) -> str:
    """Return a few lines: title, date, entities, events with their evidence (a side that its
    sentence does not name, taken from the story, in parentheses)."""
    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    lines = [bold(record.get("title") or record["id"]),
             f"  published {record.get('published')}  lang {record.get('lang')}  id {record['id']}"]
    ents = {e["id"]: e for e in record.get("entities") or []}
    lines.append("  entities: " + ", ".join(f"{e['name']} ({e['type']}{'/' + e['country'] if e.get('country') else ''})"
                                            for e in list(ents.values())[:15]))
    for ev in record.get("events") or []:
        told = ev.get("roles_from") or {}

        def who(role: str) -> str:
            names = "+".join(ents[i]["name"] for i in ev.get(role) or [] if i in ents) or "?"
            return f"({names})" if role in told else names  # a side the story gives, not the sentence

        when = (ev.get("when") or {}).get("start") or ""
        lines.append(f"  {bold(ev['type'])} {who('source')} -> {who('target')}"
                     f" [{ev.get('status')}] {when}")
        span = ev.get("evidence") or {}
        if "start" in span:
            lines.append("      " + record["text"][span["start"]:span["end"]][:160].replace("\n", " "))
    return "\n".join(lines)
