"""Plain-text views of query results for the terminal."""
from __future__ import annotations


def _names(parties: list[dict]) -> str:
    return ", ".join(p["name"] for p in parties) or "?"


def render_search(result: dict) -> str:
    """Search hits: id, date, source, title and snippet."""
    lines = [f"{result['total']} documents match '{result['query']}'"]
    for hit in result["results"]:
        lines.append(f"{hit['id']}  {hit['published'] or '':10}  {hit['source'] or ''}: {hit['title'] or ''}")
        lines.append(f"    {hit['snippet']}")
    return "\n".join(lines)


def render_timeline(result: dict) -> str:
    """One line per story (date, type, actors -> targets, sources), then its evidence."""
    lines = [f"{result['total']} events ({len(result['stories'])} stories)"]
    for story in result["stories"]:
        span = story["date_start"] or story["sort_date"] or "?"
        if story["date_end"] and story["date_end"] != story["date_start"]:
            span += f"..{story['date_end']}"
        lines.append(f"{span:22} {story['type']:10} {_names(story['actors'])} -> {_names(story['targets'])}"
                     f"  [{'; '.join(story['sources'])}]")
        for evidence in story["evidence"][:3]:
            lines.append(f"    {evidence['document']}: {(evidence['evidence'] or '')[:140]}")
    return "\n".join(lines)


def render_entity(profile: dict) -> str:
    """Name, key, country, aliases, latest events and top co-actors."""
    lines = [f"{profile['name']}  ({profile['key']}, {profile['type']}, country {profile['country'] or '?'})",
             f"  in {profile['n_docs']} documents, {profile['n_events']} event links",
             f"  aliases: {', '.join(profile['aliases'])}"]
    if profile["roles"]:
        lines.append(f"  roles: {', '.join(profile['roles'])}")
    for event in profile["events"][:10]:
        lines.append(f"  {event['sort_date'] or '?':10} {event['type']:10} ({event['role']}) {event['source'] or ''}")
    if profile["co_actors"]:
        lines.append("  with: " + ", ".join(f"{c['name']} ({c['n_events']})" for c in profile["co_actors"]))
    return "\n".join(lines)


def _range(figure: dict) -> str:
    low, high = figure["min"], figure["max"]
    text = f"{low:,.0f}" if high in (None, low) else f"{low:,.0f}-{high:,.0f}"
    return ("~" if figure["approx"] else "") + text


def render_figures(result: dict) -> str:
    """Every figure by publication date, then the same grouped by source."""
    title = f"{result['unit'] or 'figures'} {result['actor'] or ''} -> {result['target'] or ''}".strip()
    lines = [f"{title}: {result['total']} reported"]
    for f in result["figures"]:
        lines.append(f"  {f['published'] or '?':10} {_range(f):>20} {f['unit'] or ''}  {f['source'] or '?'}"
                     f"  ({f['document']})")
    lines.append("by source:")
    for source, items in result["by_source"].items():
        lines.append(f"  {source}: " + "; ".join(f"{f['published'] or '?'} {_range(f)}" for f in items))
    return "\n".join(lines)
