"""Jinja filters of the pages: marked snippets, pager links, `.json` twin links."""
from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup, escape


def marked(text: str, highlights: list) -> Markup:
    """Escape `text` and wrap each [start, end) of `highlights` in <mark>."""
    parts, at = [], 0
    for start, end in highlights or []:
        parts.append(escape(text[at:start]))
        parts.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        at = end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def pager_query(params, *, offset: int) -> str:
    """The current query string with `offset` replaced."""
    values = [(k, v) for k, v in params.multi_items() if k != "offset"]
    return urlencode(values + [("offset", offset)])


def json_twin(request) -> str:
    """The `.json` twin of the page being shown."""
    path = request.url.path.rstrip("/") or "/search"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"


def web_url(value) -> str | None:
    """`value` when it is an http(s) URL, else None (a record's url never becomes `javascript:`)."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def install_filters(env) -> None:
    """Add cronica's filters to a Jinja environment."""
    env.filters.update(marked=marked, pager_query=pager_query, json_twin=json_twin, web_url=web_url)
