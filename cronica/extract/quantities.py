"""Numbers, ranges and amounts with their unit (`article.quantities`).

`find_quantities(text, lang)` works on plain text: it learns how the article writes
thousands and decimals, reads each expression once (longest first, no overlaps), drops
days, years and times of day, and returns contract quantities plus a
`mixed_number_format` flag when the article groups thousands with both `.` and `,`.
"""
from __future__ import annotations

import logging
import math

from ..lang.loader import available_languages
from ..model import Article, Flag, Quantity
from ..pipeline import component
from ..text.numbers import NumberConvention, Token, tokenize
from .number_dates import is_date_or_time
from .number_lexicon import NumberLexicon, load_lexicon
from .number_phrases import read_phrase
from .number_units import Measure
from .number_words import HYPHENS, partitive, vulgar_fraction

DEFAULT_LANG = "es"
log = logging.getLogger(__name__)


def find_quantities(text: str, lang: str | None = None) -> tuple[list[Quantity], list[Flag]]:
    """Find every quantity in `text`.

    Args:
        text: plain text.
        lang: "es" or "en" (default Spanish).
    Returns:
        (quantities with ids Q1.. in text order, flags).
    """
    if (lang or DEFAULT_LANG) not in available_languages():
        log.debug("no number data for %r; no quantities", lang)
        return [], []
    lex = load_lexicon(lang or DEFAULT_LANG)
    tokens = tokenize(text)
    conv = NumberConvention(usual_decimal=lex.usual_decimal)
    for t in tokens:
        if t.kind == "num":
            conv.learn(t.text)
    measures = _measures(tokens, lex, conv)
    quantities = [_quantity(n, m, tokens, text) for n, m in enumerate(measures, 1)]
    return quantities, _mixed_format(measures, tokens, text)


def _measures(tokens: list[Token], lex: NumberLexicon, conv: NumberConvention) -> list[Measure]:
    out, i = [], 0
    opening = lex.opening
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "word" and t.norm not in opening and vulgar_fraction(t) is None \
                and partitive(t, lex) is None:
            i += 1
            continue
        skip = _not_a_start(tokens, i, lex)
        if skip:
            i = skip
            continue
        m = read_phrase(tokens, i, lex, conv)
        if m is None or m.end <= i:
            i += 1
            continue
        if not is_date_or_time(tokens, m, lex) and _finite(m):
            out.append(m)
        i = m.end
    return out


def _finite(m: Measure) -> bool:
    """Drop readings that overflow ("1e310")."""
    return all(v is None or math.isfinite(v) for v in (m.min, m.max))


def _not_a_start(tokens: list[Token], i: int, lex: NumberLexicon) -> int:
    """Where to resume when no quantity may start at i: inside "por ciento", or "B12"."""
    found = lex.percent.match(tokens, i)
    if found and tokens[i].kind == "word":
        return found[0]
    t = tokens[i]
    if t.kind == "num" and i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].kind == "word":
        return i + 1  # a code or model name: "B12", "G7"
    if t.text in HYPHENS and i > 0 and i + 1 < len(tokens) and tokens[i + 1].kind == "num" \
            and tokens[i - 1].kind == "word" and tokens[i - 1].end == t.start == tokens[i + 1].start - 1:
        return i + 2  # "covid-19", "Hwasong-18", "F-16"
    return 0


def _number(value: float | None):
    if value is None:
        return None
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _quantity(n: int, m: Measure, tokens: list[Token], text: str) -> Quantity:
    start, end = tokens[m.start].start, tokens[m.end - 1].end
    return Quantity(id=f"Q{n}", text=text[start:end], start=start, end=end,
                    min=_number(m.min), max=_number(m.max), approx=m.approx, unit=m.unit)


def _mixed_format(measures: list[Measure], tokens: list[Token], text: str) -> list[Flag]:
    """Flag the first expression once the article has grouped thousands with both marks."""
    seen: set = set()
    for m in measures:
        marks = {mark for r in m.numbers for mark in r.marks}
        seen |= marks
        if len(seen) == 2:
            first = m.numbers[0] if len(marks) == 2 else m.numbers[-1]
            last = m.numbers[-1]
            start, end = tokens[first.start].start, tokens[last.end - 1].end
            return [Flag(kind="mixed_number_format", text=text[start:end], start=start, end=end)]
    return []


def _outside_names(quantities: list[Quantity], mentions) -> list[Quantity]:
    """Drop unitless numbers inside a name ("Apollo 11", "Boeing 737"); renumber the rest."""
    kept = [q for q in quantities
            if q.unit is not None or not any(m.start <= q.start and q.end <= m.end for m in mentions)]
    for n, q in enumerate(kept, 1):
        q.id = f"Q{n}"
    return kept


@component("cronica.quantities.v1", assigns=["article.quantities"],
           requires=["article.text", "article.lang"])
def make_quantities(options):
    """Factory of the quantities component (reads `article.text` and `article.lang`)."""
    def find(article: Article) -> Article:
        quantities, flags = find_quantities(article.text, article.lang)
        article.quantities = _outside_names(quantities, article.mentions)
        article.flags = [f for f in article.flags if f.kind != "mixed_number_format"] + flags
        return article
    return find
