"""Charts drawn on the server as inline SVG: the timeline of stories and the history of a figure."""
from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote

PALETTE = ("#1b6ca8", "#c8553d", "#2a9d8f", "#8e44ad", "#e9a03b", "#5c7457", "#b5179e", "#3d405b")


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _scale(first: dt.date, last: dt.date, left: float, right: float):
    span = max((last - first).days, 1)
    return lambda day: left + (right - left) * (day - first).days / span


def _axis(first: dt.date, last: dt.date, x, y: float) -> list[str]:
    years = range(first.year, last.year + 2)
    marks = [dt.date(year, 1, 1) for year in years]
    if last.year - first.year < 2:
        marks = [dt.date(y, m, 1) for y in years for m in range(1, 13)]
    step = max(1, len(marks) // 8)
    parts = []
    for mark in [m for m in marks if first <= m <= last][::step]:
        parts.append(f'<line x1="{x(mark):.1f}" y1="{y}" x2="{x(mark):.1f}" y2="{y + 5}" class="tick"/>'
                     f'<text x="{x(mark):.1f}" y="{y + 18}" class="tick-label">{mark.isoformat()[:7]}</text>')
    return parts


def timeline_svg(stories: list[dict], *, width: int = 900) -> str:
    """Stories as marks on a date axis, one lane per event type; a mark links to its first article.

    Args:
        stories: stories from `query.timeline`.
        width: drawing width in pixels.
    Returns:
        an `<svg>` element (empty string when no story has a date).
    """
    dated = [(s, _day(s["date_start"] or s["sort_date"]), _day(s["date_end"]) or _day(s["sort_date"]))
             for s in stories]
    dated = [(s, a, max(a, b or a)) for s, a, b in dated if a]
    if not dated:
        return ""
    types = sorted({s["type"] for s, _, _ in dated})
    first = min(a for _, a, _ in dated) - dt.timedelta(days=1)
    last = max(b for _, _, b in dated) + dt.timedelta(days=1)
    x = _scale(first, last, 110, width - 20)
    lane = 28
    height = 40 + lane * len(types)
    parts = [f'<svg class="chart timeline-chart" viewBox="0 0 {width} {height}" width="100%" role="img"'
             f' aria-label="timeline of {len(dated)} stories" xmlns="http://www.w3.org/2000/svg">']
    for row, name in enumerate(types):
        parts.append(f'<text x="4" y="{24 + row * lane}" class="lane-label">{escape(name)}</text>'
                     f'<line x1="110" y1="{20 + row * lane}" x2="{width - 20}" y2="{20 + row * lane}" class="lane"/>')
    for story, start, end in dated:
        parts.append(_story_mark(story, x(start), x(end), 20 + types.index(story["type"]) * lane,
                                 PALETTE[types.index(story["type"]) % len(PALETTE)]))
    parts += _axis(first, last, x, 20 + lane * len(types) - 8)
    parts.append("</svg>")
    return "".join(parts)


def _story_mark(story: dict, x1: float, x2: float, y: float, color: str) -> str:
    actors = ", ".join(a["name"] for a in story["actors"]) or "?"
    targets = ", ".join(t["name"] for t in story["targets"]) or "?"
    label = (f"{story['type']} {actors} → {targets}, {story['date_start'] or story['sort_date']}"
             f" ({len(story['evidence'])} reports: {', '.join(story['sources'])})")
    doc = quote(story["evidence"][0]["document"], safe="") if story["evidence"] else ""
    radius = 4 + min(len(story["evidence"]), 6)
    shape = (f'<rect x="{x1:.1f}" y="{y - 5}" width="{max(x2 - x1, 3):.1f}" height="10" rx="3" fill="{color}"/>'
             if x2 - x1 > 4 else f'<circle cx="{x1:.1f}" cy="{y}" r="{radius}" fill="{color}"/>')
    return (f'<a href="/documents/{doc}" class="story" data-type="{escape(story["type"])}">'
            f'<title>{escape(label)}</title>{shape}</a>')


def figures_svg(figures: list[dict], *, width: int = 900, height: int = 260) -> str:
    """Each reported figure as a min–max bar at its publication date, one colour per source.

    Args:
        figures: rows from `query.figures`.
        width: drawing width in pixels.
        height: drawing height in pixels.
    Returns:
        an `<svg>` element (empty string when no figure has a date and a value).
    """
    points = [(f, _day(f["published"] or f["date_start"])) for f in figures]
    points = [(f, d) for f, d in points if d and f["min"] is not None]
    if not points:
        return ""
    sources = list(dict.fromkeys(f["source"] or "unknown" for f, _ in points))
    top = max(f["max"] if f["max"] is not None else f["min"] for f, _ in points) * 1.1 or 1
    first = min(d for _, d in points) - dt.timedelta(days=15)
    last = max(d for _, d in points) + dt.timedelta(days=15)
    x = _scale(first, last, 70, width - 160)
    y = lambda value: height - 30 - (height - 50) * value / top  # noqa: E731 - one-line scale
    parts = [f'<svg class="chart figures-chart" viewBox="0 0 {width} {height}" width="100%" role="img"'
             f' aria-label="{len(points)} reported figures" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="70" y1="{height - 30}" x2="{width - 160}" y2="{height - 30}" class="lane"/>',
             f'<text x="4" y="{y(top / 1.1) + 4:.1f}" class="tick-label">{top / 1.1:,.0f}</text>',
             f'<text x="4" y="{height - 26}" class="tick-label">0</text>']
    for figure, day in points:
        color = PALETTE[sources.index(figure["source"] or "unknown") % len(PALETTE)]
        high = figure["max"] if figure["max"] is not None else figure["min"]
        label = escape(f"{figure['text']} ({figure['source']}, {figure['published']})")
        parts.append(f'<g class="figure"><title>{label}</title>'
                     f'<line x1="{x(day):.1f}" y1="{y(figure["min"]):.1f}" x2="{x(day):.1f}" y2="{y(high):.1f}"'
                     f' stroke="{color}" stroke-width="6" stroke-linecap="round"/></g>')
    for row, source in enumerate(sources):
        parts.append(f'<rect x="{width - 150}" y="{14 + row * 18}" width="10" height="10"'
                     f' fill="{PALETTE[row % len(PALETTE)]}"/><text x="{width - 135}" y="{23 + row * 18}"'
                     f' class="legend">{escape(source)}</text>')
    parts += _axis(first, last, x, height - 30)
    parts.append("</svg>")
    return "".join(parts)
