"""Tense of the clause around a time expression: does it speak of the future?

With a spaCy Doc, the verb that governs the expression decides ("Lavrov will
travel on Friday, state media said on Monday": Friday is ahead, Monday behind):
Tense=Fut, a future auxiliary ("will") or "ir a" + infinitive make it future,
Tense=Past makes it past. When the parse says nothing, the whole sentence is
searched for the language's future cues (`tense` in time.yaml). Without a
Doc, the cues are looked for in the stretch between commas first (future or
past cues), then in the sentence. No cue: past (the news default).
"""
from __future__ import annotations

import bisect
import re

from .time_lexicon import Lexicon

_MAX_CLIMB = 8


class TenseFinder:
    """Answers `future_at(char offset)` for one text, caching by sentence."""

    def __init__(self, lex: Lexicon, text: str, doc=None):
        self.lex, self.text, self.doc = lex, text, doc
        tense = lex.data.get("tense") or {}
        self.aux = {str(w).lower() for w in tense.get("future_aux") or []}
        self.lemmas = {str(w).lower() for w in tense.get("future_lemma") or []}
        self.particles = {str(w).lower() for w in tense.get("future_particle") or []}
        self.cache: dict[int, bool] = {}
        self.pieces: dict[tuple[int, int], bool | None] = {}
        self.starts = [0] + [m.end() for m in re.finditer(r"[.!?;\n]\s", text)] if doc is None else \
            [0] + [sent.start_char for sent in doc.sents if sent.start_char > 0]
        self.doc_chars = doc[-1].idx + len(doc[-1].text_with_ws) if doc is not None and len(doc) else 0

    def __call__(self, pos: int) -> bool:
        clause = self._clause(pos)
        if clause is not None:
            return clause
        lo, hi = self._sentence(pos)
        if self.doc is None:  # the comma-delimited stretch first: "..., que llegó el martes, ..."
            piece = self._piece_tense(pos, lo, hi)
            if piece is not None:
                return piece
        if lo not in self.cache:
            self.cache[lo] = self._span_future(lo, hi) or \
                any(p.search(self.text[lo:hi].lower()) for p in self.lex.future)
        return self.cache[lo]

    def _piece_tense(self, pos: int, lo: int, hi: int) -> bool | None:
        """Future (True), past (False) or unknown (None) by the cues of the stretch around `pos`."""
        left = max(self.text.rfind(",", lo, pos), self.text.rfind(";", lo, pos), lo - 1) + 1
        rights = [k for k in (self.text.find(",", pos, hi), self.text.find(";", pos, hi)) if k >= 0]
        right = min(rights) if rights else hi
        if (left, right) not in self.pieces:
            piece = self.text[left:right].lower()
            self.pieces[(left, right)] = True if any(p.search(piece) for p in self.lex.future) else \
                False if any(p.search(piece) for p in self.lex.past) else None
        return self.pieces[(left, right)]

    def _sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, pos)
        return self.starts[k - 1], (self.starts[k] if k < len(self.starts) else len(self.text))

    def _is_future(self, tok) -> bool:
        if "Fut" in tok.morph.get("Tense") or tok.lower_ in self.aux:
            return True
        return tok.lemma_ in self.lemmas and tok.i + 2 < len(tok.doc) and \
            tok.nbor(1).lower_ in self.particles and "Inf" in tok.nbor(2).morph.get("VerbForm")

    def _clause(self, pos: int) -> bool | None:
        """Tense of the verb governing the token at `pos`; None when the parse does not say."""
        if self.doc is None or pos >= self.doc_chars:
            return None
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span[0]
        for _ in range(_MAX_CLIMB):
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        group = [tok] + [c for c in tok.children if c.dep_.startswith("aux")]
        if any(self._is_future(t) for t in group):
            return True
        if any("Past" in t.morph.get("Tense") for t in group):
            return False
        return None

    def _span_future(self, lo: int, hi: int) -> bool:
        if self.doc is None:
            return False
        return any(self._is_future(tok) for tok in self.doc.char_span(lo, hi, alignment_mode="expand") or [])
