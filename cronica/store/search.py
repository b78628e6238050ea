"""Full-text search over titles and bodies (FTS5, bm25 ranking, highlighted snippets)."""
from __future__ import annotations

import re
import sqlite3

_WORD = re.compile(r"\w+", re.UNICODE)


def make_match(query: str, *, operator: str = "AND") -> str:
    """Turn what a user typed into an FTS5 query: every word must appear (or any, with OR).

    Words are quoted, so FTS5 operators and punctuation in user input are plain text;
    a trailing `*` keeps prefix search.
    Args:
        query: the user's words.
        operator: 'AND' (all words) or 'OR' (any word, best matches first).
    Returns:
        an FTS5 MATCH expression ('' when there is no word).
    """
    terms = []
    for token in query.split():
        words = _WORD.findall(token)
        if not words:
            continue
        phrase = " ".join(words)
        terms.append(f'"{phrase}"*' if token.endswith("*") else f'"{phrase}"')
    return f" {operator} ".join(terms)


def search_documents(conn: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0) -> dict:
    """Documents matching `query`, best first, with a snippet marked with <mark>.

    Args:
        conn: a store connection.
        query: the user's words.
        limit: page size.
        offset: rows to skip.
    Returns:
        {"query", "total", "all_words", "results": [{id, title, source, url, published, lang,
        snippet, highlights, score}]}; all_words is False when no document had every word.
    """
    match = make_match(query)
    if not match:
        return {"query": query, "total": 0, "results": [], "all_words": True}
    total = conn.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?",
                         (match,)).fetchone()[0]
    all_words = bool(total)
    if not total:  # no article has every word: rank those with some of them
        match = make_match(query, operator="OR")
        total = conn.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?",
                             (match,)).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.title, d.source, d.url, d.published, d.lang,"
        " snippet(documents_fts, 1, '\x02', '\x03', ' … ', 24) AS snippet, bm25(documents_fts, 4.0, 1.0)"
        " AS score FROM documents_fts JOIN documents d ON d.doc_rowid = documents_fts.rowid"
        " WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
        (match, limit, offset)).fetchall()
    return {"query": query, "total": total, "all_words": all_words,
            "results": [_with_highlights(dict(r)) for r in rows]}


def _with_highlights(row: dict) -> dict:
    """Replace snippet markers by plain text plus `highlights`: [start, end) spans in it."""
    text, spans, start = "", [], None
    for char in row.get("snippet") or "":
        if char == "\x02":
            start = len(text)
        elif char == "\x03" and start is not None:
            spans.append([start, len(text)])
            start = None
        else:
            text += char
    row["snippet"], row["highlights"] = text, spans
    return row
