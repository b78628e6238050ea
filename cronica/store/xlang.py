"""The same story in several languages: link stored articles that tell one wire story.

Both articles stay; a row of `xlang_links` joins them. Two articles are linked when
they are in different languages, were published within `WINDOW_DAYS` days, share
entity keys in their leads, score at least `THRESHOLD` and each is the other's best
match in that language (mutual best). The score (`score_pair`) adds to the alignment
of their lead sentences (each sentence of the shorter lead finds its translation in
the other: multilingual embeddings) the shared entity keys, figures and resolved days,
which cronica writes in the same canonical form in every language. Blocking by day
and key keeps the comparison to a few candidates, whatever the size of the store.

Links are a function of the stored articles, not of the order they came in: storing
an article recomputes the links of the articles it could change (its candidates and
its former partners), so re-ingesting either article leaves the same links.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import numpy as np

from .embedding import DIMENSIONS, embed, from_blob, to_blob
from .signature import Signature, key_weight, lead_sentences, make_signature

WINDOW_DAYS = 3
MAX_CANDIDATES = 40  # per article, the ones sharing the most key weight
MIN_SHARED_WEIGHT = 1.0  # blocking: at least one shared key atom (a country will do)
# score = sentence alignment + weighted language-independent signals. Weights and threshold were
# chosen on bench/xlang_bench.py (a coarse grid): true pairs scored 0.92 and more, the best
# other article of a translation 0.86 at most (but one twin: see README), so 0.89 splits them.
THRESHOLD = 0.89
WEIGHTS = {"keys": 0.25, "numbers": 0.08, "days": 0.04}
MAX_NUMBERS, MAX_DAYS = 3, 2
TOP_SENTENCES = 4  # the alignment is the mean of the best-aligned sentences of the shorter lead


@dataclass
class Entry:
    """A stored article's signature, with its sentence embeddings once computed."""

    rowid: int
    signature: Signature
    vectors: np.ndarray | None = None  # one row per lead sentence

    @property
    def mean(self) -> np.ndarray:
        """The lead's vector: the normalised mean of its sentences'."""
        mean = self.vectors.mean(axis=0)
        return mean / (np.linalg.norm(mean) or 1.0)


def _placeholders(items) -> str:
    return ",".join("?" * len(items))


def save_signature(conn, doc_rowid: int, record: dict) -> Signature | None:
    """Store the lead signature of a record just written; None when it cannot be linked.

    Args:
        conn: a store connection inside the write transaction.
        doc_rowid: the document's row id.
        record: its contract record.
    Returns:
        the signature, or None (no language, no publication day or no entity in the lead).
    """
    sig = make_signature(record)
    if not (sig.lang and sig.day and sig.keys):
        return None
    conn.execute("INSERT INTO xlang_signatures (doc_rowid, lang, day, lead, keys, numbers, days, events)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (doc_rowid, sig.lang, sig.day, sig.lead, json.dumps(sig.keys), json.dumps(sig.numbers),
                  json.dumps(sig.days), json.dumps(sig.events)))
    for key in sig.keys:
        conn.execute("INSERT INTO xlang_keys (key, day, doc_rowid, lang) VALUES (?, ?, ?, ?)",
                     (key, sig.day, doc_rowid, sig.lang))
    return sig


def _window(day: str) -> tuple[str, str]:
    date = dt.date.fromisoformat(day)
    step = dt.timedelta(days=WINDOW_DAYS)
    return (date - step).isoformat(), (date + step).isoformat()


def find_candidates(conn, entry: Entry) -> list[int]:
    """Articles in other languages, published within the window, sharing enough lead keys.

    Args:
        conn: a store connection.
        entry: the article to match.
    Returns:
        row ids, the most shared key weight first (at most MAX_CANDIDATES).
    """
    sig = entry.signature
    first, last = _window(sig.day)
    rows = conn.execute(f"SELECT doc_rowid, key FROM xlang_keys WHERE key IN ({_placeholders(sig.keys)})"
                        " AND day >= ? AND day <= ? AND lang != ? AND doc_rowid != ?",
                        (*sig.keys, first, last, sig.lang, entry.rowid)).fetchall()
    shared: dict[int, float] = {}
    for rowid, key in rows:
        shared[rowid] = shared.get(rowid, 0.0) + key_weight(key)
    ranked = sorted((-weight, rowid) for rowid, weight in shared.items() if weight >= MIN_SHARED_WEIGHT)
    return [rowid for _, rowid in ranked[:MAX_CANDIDATES]]


class Entries:
    """Signatures read from the store once per linking pass; embeddings computed on demand."""

    def __init__(self, conn):
        self.conn = conn
        self.loaded: dict[int, Entry] = {}

    def get(self, rowids) -> dict[int, Entry]:
        """Entries of `rowids` (those without a signature are left out)."""
        rowids = list(dict.fromkeys(rowids))
        missing = [r for r in rowids if r not in self.loaded]
        if missing:
            for row in self.conn.execute(
                    "SELECT doc_rowid, lang, day, lead, keys, numbers, days, events, embedding"
                    f" FROM xlang_signatures WHERE doc_rowid IN ({_placeholders(missing)})", missing):
                sig = Signature(lang=row[1], day=row[2], lead=row[3], keys=json.loads(row[4]),
                                numbers=json.loads(row[5]), days=json.loads(row[6]), events=json.loads(row[7]))
                vectors = from_blob(row[8]).reshape(-1, DIMENSIONS) if row[8] is not None else None
                self.loaded[row[0]] = Entry(row[0], sig, vectors)
        return {r: self.loaded[r] for r in rowids if r in self.loaded}

    def embed(self, entries) -> None:
        """Compute and store the sentence embeddings the entries lack (one batch)."""
        todo = list({e.rowid: e for e in entries if e.vectors is None}.values())
        if not todo:
            return
        sentences = [lead_sentences(e.signature.lead) or [e.signature.lead] for e in todo]
        vectors = embed([s for group in sentences for s in group])
        at = 0
        for entry, group in zip(todo, sentences):
            entry.vectors, at = vectors[at:at + len(group)], at + len(group)
            self.conn.execute("UPDATE xlang_signatures SET embedding = ? WHERE doc_rowid = ?",
                              (to_blob(entry.vectors), entry.rowid))


def _alignment(a: np.ndarray, b: np.ndarray) -> float:
    """How well the sentences of the shorter lead each find a counterpart in the other."""
    similarity = a @ b.T
    best = similarity.max(axis=1) if len(a) <= len(b) else similarity.max(axis=0)
    return float(np.sort(best)[::-1][:TOP_SENTENCES].mean())


def _key_overlap(a: Signature, b: Signature) -> float:
    """Weighted Dice coefficient of the two leads' key atoms."""
    total = sum(map(key_weight, a.keys)) + sum(map(key_weight, b.keys))
    shared = sum(key_weight(k) for k in set(a.keys) & set(b.keys))
    return 2 * shared / total if total else 0.0


def score_pair(a: Entry, b: Entry) -> tuple[float, dict]:
    """The link score of two embedded entries, and the signals it is made of.

    Args:
        a: one article.
        b: an article in another language.
    Returns:
        (score, signals): alignment, cosine, keys, numbers, days, event types and the day gap.
    """
    signals = {
        "alignment": round(_alignment(a.vectors, b.vectors), 4),
        "cosine": round(float(a.mean @ b.mean), 4),
        "keys": round(_key_overlap(a.signature, b.signature), 4),
        "numbers": len(set(a.signature.numbers) & set(b.signature.numbers)),
        "days": len(set(a.signature.days) & set(b.signature.days)),
        "events": len(set(a.signature.events) & set(b.signature.events)),  # shown, not weighted: it added nothing
        "gap": abs((dt.date.fromisoformat(a.signature.day) - dt.date.fromisoformat(b.signature.day)).days),
    }
    score = (signals["alignment"] + WEIGHTS["keys"] * signals["keys"]
             + WEIGHTS["numbers"] * min(signals["numbers"], MAX_NUMBERS)
             + WEIGHTS["days"] * min(signals["days"], MAX_DAYS))
    return round(score, 4), signals


class Matcher:
    """Each article's best match per other language, computed once per linking pass."""

    def __init__(self, conn):
        self.entries = Entries(conn)
        self.conn = conn
        self._best: dict[int, dict] = {}

    def lang(self, rowid: int) -> str | None:
        """The language of a stored article with a signature."""
        entry = self.entries.get([rowid]).get(rowid)
        return entry.signature.lang if entry else None

    def best(self, rowid: int) -> dict[str, tuple[int, float, dict]]:
        """{language: (row id, score, signals)} of the best match at or above THRESHOLD."""
        if rowid not in self._best:
            self._best[rowid] = self._find_best(rowid)
        return self._best[rowid]

    def _find_best(self, rowid: int) -> dict:
        entry = self.entries.get([rowid]).get(rowid)
        if entry is None:
            return {}
        candidates = list(self.entries.get(find_candidates(self.conn, entry)).values())
        if not candidates:
            return {}
        self.entries.embed([entry, *candidates])
        found: dict[str, tuple[int, float, dict]] = {}
        for other in candidates:
            score, signals = score_pair(entry, other)
            held = found.get(other.signature.lang)
            if score >= THRESHOLD and (held is None or (score, -other.rowid) > (held[1], -held[0])):
                found[other.signature.lang] = (other.rowid, score, signals)
        return found


def relink(conn, rowids) -> int:
    """Recompute the links of `rowids`: each to its mutual best match per other language.

    Args:
        conn: a store connection inside a write transaction.
        rowids: the articles whose links may have changed.
    Returns:
        how many links these articles have now.
    """
    affected = set(rowids)
    if not affected:
        return 0
    matcher, wanted = Matcher(conn), {}
    for rowid in sorted(affected):
        for other, score, signals in matcher.best(rowid).values():
            back = matcher.best(other).get(matcher.lang(rowid))
            if back and back[0] == rowid:
                wanted[(min(rowid, other), max(rowid, other))] = (score, signals)
    marks = _placeholders(affected)
    conn.execute(f"DELETE FROM xlang_links WHERE doc_a IN ({marks}) OR doc_b IN ({marks})",
                 [*affected, *affected])
    for (doc_a, doc_b), (score, signals) in sorted(wanted.items()):
        conn.execute("INSERT INTO xlang_links (doc_a, doc_b, score, signals) VALUES (?, ?, ?, ?)",
                     (doc_a, doc_b, score, json.dumps(signals, sort_keys=True)))
    return len(wanted)


def neighbours(conn, doc_ids: list[str]) -> set[int]:
    """The articles whose links may change when `doc_ids` are replaced: their partners and candidates.

    Args:
        conn: a store connection, before the new versions are written.
        doc_ids: ids of documents about to be stored (those not stored yet are skipped).
    Returns:
        row ids.
    """
    ids = list(dict.fromkeys(doc_ids))
    if not ids:
        return set()
    rowids = [r[0] for r in conn.execute(f"SELECT doc_rowid FROM documents WHERE id IN ({_placeholders(ids)})", ids)]
    found: set[int] = set()
    entries = Entries(conn)
    for rowid in rowids:
        found |= {r[0] for r in conn.execute("SELECT doc_a FROM xlang_links WHERE doc_b = ?"
                                             " UNION SELECT doc_b FROM xlang_links WHERE doc_a = ?", (rowid, rowid))}
        entry = entries.get([rowid]).get(rowid)
        found |= set(find_candidates(conn, entry)) if entry else set()
    return found


def link_stored(conn, stored: list[tuple[int, dict]], *, before: set[int] = frozenset()) -> int:
    """Sign records just stored and relink them and the articles they may change.

    Args:
        conn: a store connection inside the write transaction that stored the records.
        stored: (row id, record) of each record written.
        before: `neighbours` of their previous versions.
    Returns:
        how many links the affected articles have now.
    """
    affected, entries = set(before), Entries(conn)
    for rowid, record in stored:
        if save_signature(conn, rowid, record) is not None:
            affected |= {rowid, *find_candidates(conn, entries.get([rowid])[rowid])}
    return relink(conn, affected)


def link_record(conn, record: dict, *, before: set[int] = frozenset()) -> int:
    """Sign one record just stored (`Store.add_record`) and relink; see `link_stored`."""
    row = conn.execute("SELECT doc_rowid FROM documents WHERE id = ?", (record["id"],)).fetchone()
    return link_stored(conn, [(row[0], record)], before=before) if row else 0


_LINKED = (
    "SELECT other.id, other.lang, other.title, other.source, other.url, other.published, l.score, l.signals"
    " FROM documents me JOIN xlang_links l ON me.doc_rowid = l.doc_a OR me.doc_rowid = l.doc_b"
    " JOIN documents other ON other.doc_rowid = CASE WHEN l.doc_a = me.doc_rowid THEN l.doc_b ELSE l.doc_a END"
    " WHERE me.id = ? ORDER BY other.lang, other.id")


def language_links(conn, doc_id: str) -> list[dict]:
    """The same story in other languages: the articles linked to `doc_id`.

    Args:
        conn: a store connection (SQLite or PostgreSQL).
        doc_id: the document id.
    Returns:
        [{id, lang, title, source, url, published, score, signals}], by language.
    """
    links = []
    for row in conn.execute(_LINKED, (doc_id,)):
        link = dict(zip(("id", "lang", "title", "source", "url", "published", "score"), list(row)[:7]))
        link["signals"] = json.loads(row[7])
        links.append(link)
    return links


def resign(conn, rowids: list[int]) -> int:
    """Sign stored documents again from their records (a store made before links existed).

    Args:
        conn: a store connection inside a write transaction.
        rowids: the documents to sign.
    Returns:
        how many of them have a signature now.
    """
    if not rowids:
        return 0
    marks = _placeholders(rowids)
    conn.execute(f"DELETE FROM xlang_keys WHERE doc_rowid IN ({marks})", rowids)
    conn.execute(f"DELETE FROM xlang_signatures WHERE doc_rowid IN ({marks})", rowids)
    signed = 0
    for rowid, text in conn.execute(f"SELECT doc_rowid, record FROM document_records WHERE doc_rowid IN ({marks})",
                                    rowids).fetchall():
        signed += save_signature(conn, rowid, json.loads(text)) is not None
    return signed
