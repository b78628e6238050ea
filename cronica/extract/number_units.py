"""A number with what it counts: currency before or after, units, percent, cents, feet and inches."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text.numbers import NumberConvention, Token, classify, read_literal
from .number_lexicon import NumberLexicon
from .number_reader import read_number
from .number_words import HYPHENS, Reading

MILLION = 1_000_000.0


@dataclass
class Measure:
    """A value over tokens [start, end): a number, range or bound, with its unit."""

    start: int
    end: int
    min: float | None
    max: float | None
    approx: bool = False
    unit: str | None = None
    kind: str | None = None  # currency, percent, dimension, temperature, age, counted
    bare: bool = True  # a plain number: no unit, bound, range or approximation
    numbers: list = field(default_factory=list)  # Readings inside
    scale: float | None = None

    @property
    def value(self) -> float | None:
        return self.min if self.min is not None else self.max


def unit_after(tokens: list[Token], k: int, lex: NumberLexicon, reading: Reading):
    """Unit phrase right after the number: (end, (kind, key)) or None."""
    if k < len(tokens) and tokens[k].text in HYPHENS and k + 1 < len(tokens) \
            and tokens[k].start == tokens[k - 1].end:
        found = lex.units.match(tokens, k + 1)
        return found if found and found[1][0] in ("dimension", "currency", "age") else None
    found = lex.percent.match(tokens, k) or lex.units.match(tokens, k) or lex.minor_units.match(tokens, k)
    if found and found[0] < len(tokens) and tokens[found[0]].kind == "num" \
            and tokens[found[0] - 1].end == tokens[found[0]].start:
        return None  # "3 USD50": the sign belongs to the next number
    if found:
        return found
    if reading.scale and k < len(tokens) and tokens[k].norm in lex.unit_link:
        found = lex.units.match(tokens, k + 1) or lex.minor_units.match(tokens, k + 1)
        return found if found and found[1][0] != "age" else None
    return _counted_after_modifiers(tokens, k, lex)


def _counted_after_modifiers(tokens, k, lex):
    """"3,000 North Korean soldiers", "5 more people": a counted noun after a few modifiers."""
    j = k
    while j < len(tokens) and j - k < 4 and _modifier(tokens[j], lex):
        j += 1
    if j == k or j >= len(tokens):
        return None
    found = lex.units.match(tokens, j)
    return found if found and found[1][0] == "counted" else None


def _modifier(token: Token, lex) -> bool:
    if token.norm in lex.unit_modifiers:
        return True
    return (token.kind == "word" and token.text[:1].isupper()) or token.text == "."


def _prefix_unit(tokens, i, lex):
    """Currency or "percent of" written before the number: (number start, (kind, key))."""
    found = lex.percent_before.match(tokens, i)
    if found:
        return found
    found = lex.units.match(tokens, i)
    if found and found[1][0] in ("currency", "currency_millions") and found[0] < len(tokens):
        nxt = tokens[found[0]]
        if nxt.kind == "num" or nxt.norm in lex.cardinals or nxt.norm in lex.weak_one:
            return found
    return None


def read_measure(tokens: list[Token], i: int, lex: NumberLexicon,
                 conv: NumberConvention | None = None) -> Measure | None:
    """A number at token i with its unit, if any.

    Args:
        tokens: the text's tokens.
        i: where the number (or a currency sign before it) starts.
        lex: the language's lexicon.
        conv: the article's separator habits.
    Returns:
        Measure or None.
    """
    prefix = _prefix_unit(tokens, i, lex)
    start = prefix[0] if prefix else i
    reading = read_number(tokens, start, lex, conv)
    if reading is None:
        return None
    m = Measure(i, reading.end, reading.value, reading.value, numbers=[reading], scale=reading.scale)
    if prefix:
        _set_unit(m, prefix[1])
    else:
        found = unit_after(tokens, reading.end, lex, reading)
        if found:
            m.end = found[0]
            _set_unit(m, found[1])
    _unit_multiplier(tokens, m, lex)
    if m.kind == "counted":
        _whole_count(tokens, m, reading)
    if m.kind == "currency":
        _cents(tokens, m, lex, conv)
    elif m.unit in lex.compound_units:
        _compound(tokens, m, lex, conv)
    return m


def _whole_count(tokens, m: Measure, reading: Reading) -> None:
    """"4,500 soldados" counts soldiers: a doubtful mark groups thousands even where the
    article writes decimal commas, since a count of people is whole."""
    literal = tokens[reading.start].text if reading.end - reading.start == 1 else ""
    if classify(literal)[0] == "ambiguous" and m.min is not None and m.min != int(m.min):
        value, mark = read_literal(literal)
        m.min = m.max = reading.value = value
        reading.marks = [mark]


def _set_unit(m: Measure, payload) -> None:
    kind, key = payload
    m.bare = False
    if kind == "currency_millions":
        kind = "currency"
        m.min = m.max = m.min * MILLION
    if kind == "minor":
        kind = "currency"
    m.kind, m.unit = kind, key


def _unit_multiplier(tokens, m: Measure, lex) -> None:
    """"75 USD millones": a multiplier after the currency."""
    e = m.end
    if m.kind == "currency" and e < len(tokens) and tokens[e].norm in lex.multipliers and not m.scale:
        factor = lex.multipliers[tokens[e].norm]
        m.min = m.max = m.min * factor
        m.end, m.scale = e + 1, factor


def _cents(tokens, m: Measure, lex, conv) -> None:
    """"15 dólares y 15 centavos", "15 USD 50", "3 euros con 99 céntimos" (not "50 dollar 40 rmb")."""
    e = m.end
    if m.unit == "cents" or e >= len(tokens):
        return
    k = e + 1 if tokens[e].norm in lex.and_words | lex.mixed else e
    if k >= len(tokens) or tokens[k].kind not in ("num", "word"):
        return
    r = read_number(tokens, k, lex, conv)
    if r is None or r.value != int(r.value) or not 0 < r.value < 100 or r.fraction or m.min != int(m.min):
        return
    if r.end < len(tokens) and tokens[r.end].kind == "word" and tokens[r.end].start == tokens[r.end - 1].end:
        return
    minor = lex.minor_units.match(tokens, r.end)
    if not minor and lex.units.match(tokens, r.end):
        return
    if not minor and r.end < len(tokens) and tokens[r.end].text in ("/", "%"):
        return
    m.min = m.max = m.min + r.value / 100
    m.end = minor[0] if minor else r.end


def _compound(tokens, m: Measure, lex, conv) -> None:
    """"5 feet 2 inches", "12 ft 2 in"."""
    per, minor = lex.compound_units[m.unit]
    e = m.end
    k = e + 1 if e < len(tokens) and tokens[e].norm in lex.and_words else e
    if k >= len(tokens):
        return
    r = read_number(tokens, k, lex, conv)
    if r is None:
        return
    found = minor.match(tokens, r.end)
    if found and 0 <= r.value < per:
        m.min = m.max = m.min + r.value / per
        m.end = found[0]
