"""Read one number at a token position: digits, words, or both ("2 mil millones").

Rules, the same for every language (the words come from `numbers.yaml`):
- a group adds words whose place is free (`cuarenta y siete`, `one hundred and six`);
- a multiplier closes the group and multiplies it, gathering smaller ones before it
  (`dos mil millones` = 2e9, `tres billones ... mil ... millones`);
- a dozen multiplies the last word (`dos mil y cuatro docenas` = 2048);
- a partitive after a cardinal divides (`dos tercios`, `cinco octavos`): singular after
  one, plural after more (`dos millonésimo` stays 2); after `and`/`con`, a proper
  fraction adds to the whole (`twenty and three fifths`, `ciento tres con dos tercios`);
- after a decimal word, spoken digits follow (`cuarenta y siete coma veintiocho`).
"""
from __future__ import annotations

import math

import unicodedata
from dataclasses import dataclass, field

from ..text.numbers import Token, read_literal
from .number_lexicon import NumberLexicon

HYPHENS = ("-", "–", "‐")


@dataclass
class Reading:
    """A number read from tokens [start, end)."""

    start: int
    end: int
    value: float
    words: bool = False  # any number word (not only digits)
    scale: float | None = None  # the multiplier it ends with ("4 millones")
    fraction: bool = False
    marks: list = field(default_factory=list)  # thousands marks used by its literals


@dataclass
class CardinalState:
    """State of the cardinal being read."""

    stack: list = field(default_factory=list)  # (amount, multiplier)
    cur: float | None = None
    last_add: float = 0.0
    prev: str | None = None  # digits, word, hundred, mult, dozen
    last_mult: float | None = None
    before_and: float | None = None  # value before the last mixed connector
    since_and: float | None = None
    and_mult: float | None = None  # the multiplier right before that connector
    end: int = 0
    words: bool = False
    marks: list = field(default_factory=list)

    def total(self) -> float:
        return sum(a for a, _ in self.stack) + (self.cur or 0.0)


def _places(v: float) -> int:
    return len(str(int(v))) if v >= 1 else 1


def _addable(g: CardinalState, v: float) -> bool:
    if g.cur is None:
        return True
    if g.prev == "digits" or g.cur == 0 or v == 0 or v != int(v):
        return False
    return g.cur % (10 ** _places(v)) == 0 and g.cur > v


def _is_tens(v: float | None) -> bool:
    return v is not None and 20 <= v <= 90 and v % 10 == 0


def compound_den(tokens: list[Token], i: int, lex: NumberLexicon):
    """A tens word plus a unit ordinal ("twenty-first", "thirty fifths"): (end, den, plural)."""
    if i >= len(tokens) or not _is_tens(lex.cardinals.get(tokens[i].norm)):
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].text in HYPHENS:
        j += 1
    if j >= len(tokens):
        return None
    tens, norm = lex.cardinals[tokens[i].norm], tokens[j].norm
    if norm in lex.compound_plural:
        return j + 1, tens + lex.compound_plural[norm], True
    if norm in lex.compound_singular:
        return j + 1, tens + lex.compound_singular[norm], False
    return None


def glued_number(word: str, lex: NumberLexicon) -> float | None:
    """Read a cardinal written as one word ("treintaicinco", "cientocinco", "dosmil")."""
    pieces = _segment(word, lex, 0)
    if not pieces:
        return None
    g = CardinalState()
    for value, is_mult in pieces:
        if is_mult:
            _apply_mult(g, value)
        elif _addable(g, value):
            g.cur = value if g.cur is None else g.cur + value
            g.prev = "word"
        else:
            return None
    return g.total()


def _segment(word: str, lex: NumberLexicon, depth: int):
    if not word:
        return []
    if depth > 8:
        return None
    for size in range(len(word), 0, -1):
        head = word[:size]
        value = lex.cardinals.get(head)
        is_mult = value is None and head in lex.multipliers
        if value is None and not is_mult:
            continue
        rest = word[size:]
        for glue in ("",) + lex.glue:
            if glue and not rest.startswith(glue):
                continue
            tail = _segment(rest[len(glue):], lex, depth + 1)
            if tail is not None:
                return [(lex.multipliers[head] if is_mult else value, is_mult)] + tail
    return None


_MAX_REMEMBERED = 50_000


def partitive(token: Token, lex: NumberLexicon):
    """Denominator of a partitive word: (value, plural) or None."""
    cache = lex.__dict__.setdefault("_partitives", {})  # most words are none: remember each once
    if token.norm not in cache:
        if len(cache) >= _MAX_REMEMBERED:
            cache.clear()  # bounded memory over any number of articles
        cache[token.norm] = _partitive(token.norm, lex)
    return cache[token.norm]


def _partitive(norm: str, lex: NumberLexicon):
    if norm in lex.den_singular:
        return lex.den_singular[norm], False
    if norm in lex.den_plural:
        return lex.den_plural[norm], True
    for table, plural in ((lex.power_plural, True), (lex.power_singular, False)):
        for form, base in table.items():
            if norm.endswith(form) and len(norm) > len(form):
                stem = glued_number(norm[:-len(form)], lex)
                if stem:
                    return stem * base, plural
    for suffixes, plural in ((lex.partitive_plural, True), (lex.partitive_singular, False)):
        for suffix in suffixes:
            if norm.endswith(suffix) and len(norm) > len(suffix):
                stem = norm[:-len(suffix)]
                for candidate in (stem,) + tuple(stem + e for e in lex.stem_endings):
                    value = glued_number(candidate, lex)
                    if value and value > 1:
                        return value, plural
    return None


def _apply_mult(g: CardinalState, m: float) -> None:
    amount = g.cur if g.cur is not None else 0.0
    popped = False
    while g.stack and g.stack[-1][1] < m:
        amount += g.stack.pop()[0]
        popped = True
    if g.cur is None and not popped:
        amount = 1.0
    g.stack.append((amount * m, m))
    g.cur, g.prev, g.last_mult, g.last_add = None, "mult", m, 0.0


def _starts_group(tokens: list[Token], j: int, g: CardinalState, lex: NumberLexicon) -> bool:
    """Can the token after a connector continue the number?"""
    if j >= len(tokens):
        return False
    t = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    before_hundred = nxt is not None and nxt.norm in lex.hundred and (g.cur or 0) >= 100
    if t.kind == "num":
        return g.prev in ("hundred", "mult") and not before_hundred
    v = lex.cardinals.get(t.norm)
    if v is None:
        return False
    if g.cur is None:
        return g.prev == "mult"
    return _addable(g, v) and not before_hundred


def _weak_ok(tokens: list[Token], j: int, lex: NumberLexicon) -> bool:
    """A determiner ("un", "a") counts as one only before a multiplier, dozen or partitive."""
    if j + 1 >= len(tokens):
        return tokens[j].norm in lex.cardinals
    nxt = tokens[j + 1]
    if nxt.norm in lex.multipliers or nxt.norm in lex.hundred or nxt.norm in lex.dozen:
        return True
    if tokens[j].norm in lex.one_before_unit and nxt.kind == "word" \
            and (lex.units.match(tokens, j + 1) or lex.minor_units.match(tokens, j + 1)):
        return True  # "un año", "una milla", "un centavo" (but "$5 a share" is a rate)
    if compound_den(tokens, j + 1, lex):
        return True
    return partitive(nxt, lex) is not None and not ordinal_use(tokens, j + 1, lex)


def ordinal_use(tokens: list[Token], k: int, lex: NumberLexicon) -> bool:
    """Is the partitive-looking word at k an ordinal adjective ("un cuarto hijo", "a third party")?"""
    if tokens[k].norm not in lex.ordinals or k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    if nxt.kind != "word" or nxt.norm in lex.partitive_nouns:
        return False
    if lex.units.match(tokens, k + 1) or lex.percent.match(tokens, k + 1):
        return False
    return nxt.norm not in lex.unit_link | lex.vague_link | lex.and_words | lex.mixed | lex.bound_join


def _word_atom(tokens, j, g: CardinalState, lex) -> bool:
    """Consume one number word at j into g; False when it cannot continue the number."""
    t = tokens[j]
    norm = t.norm
    if norm in lex.hundred:
        if g.cur is not None and g.prev == "hundred":
            return False
        if g.cur is not None and g.cur >= 100 and g.prev != "digits":
            return False
        g.cur = (g.cur if g.cur is not None else 1.0) * 100
        g.last_add, g.prev = g.cur, "hundred"
        return True
    if norm in lex.multipliers:
        if g.stack and g.cur is None and g.stack[-1][1] >= lex.multipliers[norm]:
            return False
        _apply_mult(g, lex.multipliers[norm])
        return True
    if norm in lex.dozen:
        if g.cur is None:
            return False  # "dozens of" is vague, "a dozen" has its "a"
        base = g.last_add
        g.cur = (g.cur or 0.0) - base + base * 12
        g.prev = "dozen"
        return True
    v = lex.cardinals.get(norm)
    if v is None and norm in lex.weak_one:
        v = 1.0
    if v is None:
        return False
    if g.cur is None and g.prev is None and norm in lex.weak_one and not _weak_ok(tokens, j, lex):
        return False
    if not _addable(g, v) or g.prev == "dozen":
        return False
    if _is_tens(v) and g.cur is not None and g.before_and is None and compound_den(tokens, j, lex):
        return False  # "one hundred thirty fifths": the tens word belongs to the denominator
    g.cur = v if g.cur is None else g.cur + v
    g.last_add, g.prev = v, "word"
    if g.since_and is not None:
        g.since_and += v
    return True


def _digit_atom(tokens, j, g: CardinalState, lex, conv) -> bool:
    value, mark = read_literal(tokens[j].text, conv)
    if not math.isfinite(value):
        return False
    if g.cur is not None and g.prev == "hundred" and 0 < value < 100 and value == int(value):
        g.cur += value
        g.end = j + 1
        return True
    if g.cur is not None or g.prev not in (None, "mult"):
        return False
    if mark:
        g.marks.append(mark)
    g.cur, g.last_add, g.prev = value, value, "digits"
    if j + 1 < len(tokens):
        factor = lex.digit_suffixes.get(tokens[j + 1].text)
        if factor and (tokens[j + 1].start - tokens[j].end) <= 2:
            g.cur *= factor
            g.end = j + 2
            return True
    g.end = j + 1
    return True


def read_cardinal(tokens: list[Token], i: int, lex: NumberLexicon, conv=None) -> CardinalState | None:
    """Read the integer part (digits and/or words) starting at token i."""
    g = CardinalState(end=i)
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "num":
            if not _digit_atom(tokens, j, g, lex, conv):
                break
            j = g.end
            continue
        if t.kind == "word" and _word_atom(tokens, j, g, lex):
            g.words = True
            j += 1
            g.end = j
            continue
        if _connector(tokens, j, g, lex):
            if t.norm in lex.mixed:
                g.before_and, g.since_and = g.total(), 0.0
                g.and_mult = g.last_mult if g.prev == "mult" else None
            j += 1
            continue
        break
    if g.end == i:
        return None
    return g


def _connector(tokens, j, g: CardinalState, lex) -> bool:
    t = tokens[j]
    is_and = t.norm in lex.and_words
    if not is_and or g.end != j or (t.kind == "sym" and g.prev != "word"):
        return False
    return _starts_group(tokens, j + 1, g, lex)


def vulgar_fraction(token: Token) -> float | None:
    """Value of a single-character fraction such as ½ or ⅔."""
    if len(token.text) != 1 or token.kind == "num":
        return None
    try:
        value = unicodedata.numeric(token.text)
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 1 else None
