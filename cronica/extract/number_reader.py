"""Read a whole number at a token: sign, cardinal, then fractions, decimals and ratios."""
from __future__ import annotations

import math

from ..text.numbers import NumberConvention, Token
from .number_lexicon import NumberLexicon
from .number_words import (HYPHENS, CardinalState, Reading, compound_den, ordinal_use, partitive,
                           read_cardinal, vulgar_fraction)

MINUS = ("-", "−", "–")
SPACED_MINUS = ("-", "−")  # "- 20 grados"; a spaced en dash is punctuation


def read_number(tokens: list[Token], i: int, lex: NumberLexicon,
                conv: NumberConvention | None = None) -> Reading | None:
    """Read the number that starts at token i, if any.

    Args:
        tokens: the text's tokens.
        i: index of the first token.
        lex: the language's number lexicon.
        conv: the article's separator habits.
    Returns:
        Reading over tokens [start, end), or None.
    """
    if i >= len(tokens):
        return None
    negative, j = _sign(tokens, i, lex)
    reading = _unsigned(tokens, j, lex, conv)
    if reading is None:
        return None
    if negative:
        reading.value, reading.start = -reading.value, i
    return reading


def _sign(tokens: list[Token], i: int, lex: NumberLexicon) -> tuple[bool, int]:
    t = tokens[i]
    if i + 1 >= len(tokens):
        return False, i
    nxt = tokens[i + 1]
    glued = nxt.start == t.end
    if t.text in (MINUS if glued else SPACED_MINUS) and nxt.kind == "num" and nxt.start - t.end <= 2:
        glued_word = i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].kind == "word"
        if (i == 0 or tokens[i - 1].kind != "num") and not glued_word and not _bullet(tokens, i, glued):
            return True, i + 1
    if t.norm in lex.negative and (nxt.kind == "num" or nxt.norm in lex.cardinals):
        return True, i + 1
    return False, i


def _bullet(tokens, i, glued) -> bool:
    """A hyphen opening a line of a list ("\n- 20 heridos") is a bullet, not a minus."""
    return not glued and i > 0 and tokens[i - 1].kind == "sym" and tokens[i - 1].text in ".:;"


def _unsigned(tokens, i, lex, conv) -> Reading | None:
    t = tokens[i]
    value = vulgar_fraction(t)
    if value is not None:
        return Reading(i, i + 1, value, fraction=True)
    if t.norm in lex.half_nouns:
        return Reading(i, i + 1, 0.5, words=True, fraction=True)
    if t.kind == "word" and t.norm not in lex.cardinals and t.norm not in lex.weak_one \
            and partitive(t, lex) is not None:
        return _bare_partitive(tokens, i, lex)
    g = read_cardinal(tokens, i, lex, conv)
    if g is None:
        return None
    reading = Reading(i, g.end, g.total(), words=g.words, marks=g.marks,
                      scale=g.last_mult if g.prev == "mult" else None)
    if not g.words:
        _digit_fraction(tokens, reading)
        _power(tokens, reading, conv)
    _decimal_words(tokens, reading, lex)
    if g.words:
        _fraction(tokens, reading, g, lex)
    _mixed(tokens, reading, g, lex, conv)
    _ratio(tokens, reading, lex, conv)
    return reading


def _bare_partitive(tokens, i, lex) -> Reading | None:
    """"half million", "media docena", "half a dozen", "media vuelta": a partitive without numerator."""
    den = partitive(tokens[i], lex)
    if den is None or den[1] and tokens[i].norm not in lex.half_words or ordinal_use(tokens, i, lex):
        return None
    scaled = _scale(tokens, i + 1, 1.0 / den[0], lex)
    if scaled:
        factor = lex.multipliers.get(tokens[scaled[0] - 1].norm)
        return Reading(i, scaled[0], scaled[1], words=True, fraction=True, scale=factor)
    if is_unit_at(tokens, i + 1, lex):
        return Reading(i, i + 1, 1.0 / den[0], words=True, fraction=True)
    return None


def is_unit_at(tokens: list[Token], k: int, lex: NumberLexicon) -> bool:
    """Does a unit (or percent sign) start at token k?"""
    if k < len(tokens) and tokens[k].text in HYPHENS:
        k += 1
    return k < len(tokens) and bool(lex.units.match(tokens, k) or lex.percent.match(tokens, k))


def _scale(tokens, k, value, lex):
    """A multiplier or dozen after a fraction: (end, value) or None."""
    of = lex.fraction_of.match(tokens, k)
    if of:
        k = of[0]
    if k < len(tokens) and tokens[k].norm in lex.weak_one and k + 1 < len(tokens):
        nxt = tokens[k + 1].norm
        if nxt in lex.dozen:
            return k + 2, value * 12  # "half a dozen"
        if nxt in lex.multipliers:
            return k + 2, value * lex.multipliers[nxt]  # "half a million"
    if k < len(tokens) and tokens[k].norm in lex.dozen:
        return k + 1, value * 12
    if k < len(tokens) and tokens[k].norm in lex.multipliers:
        return k + 1, value * lex.multipliers[tokens[k].norm]
    return None


def _glued(tokens, a, b) -> bool:
    return b < len(tokens) and tokens[a].end == tokens[b].start


def _plain(tokens, k) -> bool:
    return k < len(tokens) and tokens[k].kind == "num" and tokens[k].text.isdigit()


def _digit_fraction(tokens, r: Reading) -> None:
    """3/4, -4/5, 2 1/4, 10 1/2 (not dates such as 5/17/2018)."""
    e = r.end
    if not _plain(tokens, e - 1) or (r.start > 0 and tokens[r.start - 1].text == "/"):
        return
    if e + 1 < len(tokens) and tokens[e].text == "/" and _glued(tokens, e - 1, e) \
            and _glued(tokens, e, e + 1) and _plain(tokens, e + 1) and not _slash_after(tokens, e + 1):
        den = float(tokens[e + 1].text)
        if den:
            r.value, r.end, r.fraction = r.value / den, e + 2, True
        return
    if _plain(tokens, e) and e + 2 < len(tokens) and tokens[e + 1].text == "/" \
            and _glued(tokens, e, e + 1) and _glued(tokens, e + 1, e + 2) and _plain(tokens, e + 2) \
            and not _slash_after(tokens, e + 2):
        num, den = float(tokens[e].text), float(tokens[e + 2].text)
        if den and num < den:
            r.value, r.end, r.fraction = r.value + num / den, e + 3, True


def _power(tokens, r: Reading, conv) -> None:
    """"1,1^23": a power written with a caret."""
    e = r.end
    if e + 1 < len(tokens) and tokens[e].text == "^" and _glued(tokens, e - 1, e) \
            and _glued(tokens, e, e + 1) and _plain(tokens, e + 1) and len(tokens[e + 1].text) <= 3:
        exponent = int(tokens[e + 1].text)
        if abs(r.value) < 2 or exponent * math.log10(abs(r.value)) < 300:
            r.value, r.end = r.value ** exponent, e + 2


def _slash_after(tokens, k) -> bool:
    return k + 1 < len(tokens) and tokens[k + 1].text == "/" and _glued(tokens, k, k + 1)


def _decimal_words(tokens, r: Reading, lex) -> None:
    """"cuarenta y siete coma veintiocho", "nine point nought four"."""
    e = r.end
    if e >= len(tokens) or tokens[e].norm not in lex.decimal_point:
        return
    digits, k = "", e + 1
    while k < len(tokens) and (tokens[k].norm in lex.cardinals or tokens[k].norm in lex.multipliers):
        g = read_cardinal(tokens, k, lex)
        if g is None:
            break
        digits += str(int(g.total()))
        k = g.end
        if g.total() >= 10:
            break
    if digits:
        r.value = r.value + float("0." + digits) * (1 if r.value >= 0 else -1)
        r.end, r.words = k, True


def _denominator(tokens, e, lex):
    """(end, denominator, plural) of a partitive at e, after an optional hyphen."""
    if e < len(tokens) and tokens[e].text in HYPHENS and e + 1 < len(tokens) \
            and tokens[e + 1].kind == "word":
        e += 1
    found = compound_den(tokens, e, lex)
    if found is None and e < len(tokens):
        den = partitive(tokens[e], lex)
        found = (e + 1, den[0], den[1]) if den else None
    return found or _ordinal_numeral(tokens, e, lex)


def _ordinal_numeral(tokens, e, lex):
    """A whole ordinal numeral as denominator: "one one hundred (and) fifth" = 1/105."""
    if e >= len(tokens) or tokens[e].norm not in lex.cardinals:
        return None
    g = read_cardinal(tokens, e, lex)
    if g is None or not g.words or g.total() % 10:
        return None
    k = g.end + 1 if g.end < len(tokens) and tokens[g.end].norm in lex.and_words else g.end
    if k >= len(tokens):
        return None
    norm = tokens[k].norm
    for table, plural in ((lex.compound_singular, False), (lex.compound_plural, True)):
        if norm in table:
            return k + 1, g.total() + table[norm], plural
    return None


def _fraction(tokens, r: Reading, g: CardinalState, lex) -> None:
    """A partitive after the cardinal: "dos tercios", "one hundred thirty fifths"."""
    found = _denominator(tokens, r.end, lex)
    if found is None or not found[1]:
        return
    end, den, plural = found
    if ordinal_use(tokens, end - 1, lex):
        return
    split = g.before_and is not None and g.since_and and g.since_and < den
    numerator = g.since_and if split else r.value
    if not plural and numerator != 1:
        return
    base, part = 0.0, r.value / den
    if split:
        base, part = g.before_and, g.since_and / den
    r.end, r.fraction = end, True
    scaled = _scale(tokens, end, part, lex)
    if scaled:
        r.end, part = scaled
        r.scale = lex.multipliers.get(tokens[r.end - 1].norm)
    elif split:
        part *= g.and_mult or 1  # "five billion and three quarters"
    r.value = base + part


def _mixed(tokens, r: Reading, g: CardinalState, lex, conv, depth: int = 0) -> None:
    """"y medio", "and a half", "con dos tercios", "con cincuenta" after a number."""
    e = r.end
    if e + 1 >= len(tokens):
        return
    c = tokens[e]
    if c.norm not in lex.mixed and c.norm not in lex.and_words:
        return
    if tokens[e + 1].norm in lex.half_words and c.norm in lex.and_words | lex.mixed:
        frac, k = 0.5, e + 2
    elif c.norm in lex.mixed:
        sub = _sub_number(tokens, e + 1, lex, conv, depth) if depth < 2 else None
        if sub is None:
            return
        if sub.fraction:
            frac, k = sub.value, sub.end
        elif c.norm in lex.and_words or sub.value != int(sub.value) or sub.value < 0 \
                or r.value != int(r.value):
            return
        else:
            frac, k = float("0." + str(int(sub.value))), sub.end
    else:
        return
    _add_fraction(tokens, r, g, frac, k, lex)


def _sub_number(tokens, k, lex, conv, depth: int = 0) -> Reading | None:
    t = tokens[k]
    if t.norm in lex.weak_one or t.norm in lex.cardinals or t.kind == "num":
        g = read_cardinal(tokens, k, lex, conv)
        if g is None:
            return None
        sub = Reading(k, g.end, g.total(), words=g.words)
        if g.words:
            _fraction_unscaled(tokens, sub, g, lex)
            _mixed(tokens, sub, g, lex, conv, depth + 1)
        return sub
    return None


def _fraction_unscaled(tokens, r, g, lex) -> None:
    found = _denominator(tokens, r.end, lex)
    if found and found[1] and (found[2] or r.value == 1):
        r.value, r.end, r.fraction = r.value / found[1], found[0], True


def _add_fraction(tokens, r: Reading, g: CardinalState, frac: float, k: int, lex) -> None:
    nxt = tokens[k].norm if k < len(tokens) else None
    following = lex.multipliers.get(nxt) if nxt else None
    if g.cur is None and g.last_mult:
        r.value += frac * (following or g.last_mult)
    else:
        r.value = (r.value + frac) * (following or 1)
    r.end = k + 1 if following else k
    r.fraction, r.words = True, True


def _ratio(tokens, r: Reading, lex, conv) -> None:
    """"uno sobre tres", "2000 over 3", "one out of three" (a ratio only when smaller first)."""
    e = r.end
    if e >= len(tokens):
        return
    over = tokens[e].norm in lex.over
    ratio = None if over else lex.ratio.match(tokens, e)
    if not over and not ratio:
        return
    k = e + 1 if over else ratio[0]
    if k >= len(tokens):
        return
    g = read_cardinal(tokens, k, lex, conv)
    if g is None or not g.total() or lex.units.match(tokens, g.end):
        return
    if r.start > 0 and lex.units.match(tokens, r.start - 1):
        return  # "$2000 over 3 years": money, then a duration
    if ratio and r.value >= g.total():
        return
    r.value, r.end, r.fraction = r.value / g.total(), g.end, True
