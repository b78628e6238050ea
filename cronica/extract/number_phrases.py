"""Numbers in their phrase: approximations, open bounds, ranges and vague magnitudes.

One reading per expression, longest first, never overlapping:
- `alrededor de` / `about` mark the value approximate;
- `más de 30` has min 30 and no max, `menos de 170` max only, `igual a 20` both;
- `entre 3 y 4 millones`, `10,000 a 12,000 tropas`, `from 5 to 10`, `1000-5000` are ranges
  (a bare join needs the smaller first and compatible units);
- `mayor que 20 y menor que 35` joins two bounds when they agree;
- `miles de tropas` is min 1000, max open, approximate ("thousands" has no ceiling:
  "decenas de miles" are still "miles"); `decenas de miles de` multiplies.
"""
from __future__ import annotations

from ..text.numbers import NumberConvention, Token
from .number_dates import after_month
from .number_lexicon import NumberLexicon
from .number_units import Measure, read_measure, unit_after
from .number_words import Reading


def read_phrase(tokens: list[Token], i: int, lex: NumberLexicon,
                conv: NumberConvention | None = None) -> Measure | None:
    """The quantity expression starting at token i, or None.

    Args:
        tokens: the text's tokens.
        i: first token (an approximator, a bound, a range opener or the number).
        lex: the language's lexicon.
        conv: the article's separator habits.
    Returns:
        Measure spanning the whole expression.
    """
    approx = lex.approx.match(tokens, i)
    k = approx[0] if approx else i
    m = _bounded(tokens, k, lex, conv) or _ranged(tokens, k, lex, conv) or _simple(tokens, k, lex, conv)
    if m is None:
        return None
    if approx:
        m.start, m.approx, m.bare = i, True, False
    return m


def _simple(tokens, i, lex, conv) -> Measure | None:
    m = _vague(tokens, i, lex) or read_measure(tokens, i, lex, conv)
    if m is None:
        return None
    _range_join(tokens, m, lex, conv)
    _bound_after(tokens, m, lex, conv)
    if not m.bare and (m.min is None or m.max is None):
        _second_bound(tokens, m, lex, conv)
    return m


def _skip_articles(tokens, k, lex) -> int:
    return k + 1 if k < len(tokens) and tokens[k].norm in lex.articles else k


def _bounded(tokens, i, lex, conv) -> Measure | None:
    found = lex.bounds.match(tokens, i)
    if not found:
        return None
    k = found[0]
    if found[1] == "max_bare":
        found = (k, "max")  # "hasta 700", but "hasta los 18 meses" is a time limit
    else:
        k = _skip_articles(tokens, k, lex)
    approx = lex.approx.match(tokens, k)  # "hasta unos 500", "more than about 20"
    k = approx[0] if approx else k
    m = _vague(tokens, k, lex) or _ordinal(tokens, k, lex) or read_measure(tokens, k, lex, conv)
    if m is None:
        return None
    m.approx = m.approx or bool(approx)
    _apply_bound(m, found[1])
    m.start = i
    _bound_after(tokens, m, lex, conv)
    _second_bound(tokens, m, lex, conv)
    return m


def _apply_bound(m: Measure, kind: str) -> None:
    value = m.min if m.min is not None else m.max
    if kind == "min":
        m.min, m.max = value, None
    elif kind == "max":
        m.min, m.max = None, (m.max if m.max is not None else value)
    m.bare = False


def _second_bound(tokens, m: Measure, lex, conv) -> None:
    """"mayor que 20 y menor o igual a 35": two agreeing bounds are one range."""
    e = m.end
    if e >= len(tokens) or tokens[e].norm not in lex.bound_join:
        return
    found = lex.bounds.match(tokens, e + 1)
    if found and found[1] != "exact":
        k = _skip_articles(tokens, found[0], lex)
        other = _ordinal(tokens, k, lex) or read_measure(tokens, k, lex, conv)
        kind = found[1]
    else:
        other = read_measure(tokens, e + 1, lex, conv)
        after = lex.bounds_after.match(tokens, other.end) if other else None
        kind = after[1] if after else None
        if other is not None and after:
            other.end = after[0]
    if other is None or kind not in ("min", "max") or kind == ("min" if m.min is not None else "max"):
        return
    lo = m.min if m.min is not None else other.value
    hi = m.max if m.max is not None else other.value
    if lo is not None and hi is not None and lo < hi:
        m.min, m.max, m.end = lo, hi, other.end
        m.unit, m.kind = m.unit or other.unit, m.kind or other.kind


def _bound_after(tokens, m: Measure, lex, conv) -> None:
    """"quinientos o más", "30 al menos", "mayor que 5000 o igual" (not "200 o más de 190")."""
    found = lex.bounds_after.match(tokens, m.end)
    if not found:
        return
    k = found[0]
    linked = k < len(tokens) and tokens[k].kind == "word" and tokens[k].norm not in lex.bound_join
    for skip in (k, k + 1) if linked else (k,):
        if skip < len(tokens) and read_measure(tokens, skip, lex, conv) is not None:
            return  # "200 o más de 190": the bound belongs to the next number
    value = m.value
    if found[1] == "min" and m.max is not None:
        m.min, m.max = value, None
    elif found[1] == "max" and m.min is not None:
        m.min, m.max = None, (m.max if m.max is not None else value)
    m.end, m.bare = k, False
    unit = unit_after(tokens, k, lex, m.numbers[-1]) if m.unit is None and m.numbers else None
    if unit and unit[1][0] != "percent":
        m.end, (m.kind, m.unit) = unit[0], unit[1]  # "cuatro o más horas"


def _ranged(tokens, i, lex, conv) -> Measure | None:
    """"entre 20 y 30", "desde 20 hasta 100", "between 20 and 30", "from 200 to 3000000"."""
    if i >= len(tokens) or tokens[i].norm not in lex.ranges:
        return None
    k = _skip_articles(tokens, i + 1, lex)
    first = _ordinal(tokens, k, lex) or read_measure(tokens, k, lex, conv)
    if first is None or first.end >= len(tokens) or tokens[first.end].norm not in lex.ranges[tokens[i].norm]:
        return None
    k = _skip_articles(tokens, first.end + 1, lex)
    second = _ordinal(tokens, k, lex) or read_measure(tokens, k, lex, conv)
    if second is None or first.value is None or second.value is None:
        return None
    _join(first, second)
    if first.min is not None and first.max is not None and first.min >= first.max:
        return None  # "de 6 a 3 votos" is a tally, not a range
    first.start = i
    return first


def _join(first: Measure, second: Measure) -> None:
    lo, hi = first.value, second.value
    if second.scale and not first.scale and lo is not None and hi is not None and lo <= hi / second.scale:
        lo *= second.scale  # "entre 3 y 4 millones" (not "between $500,000 and $99 million")
    first.min, first.max, first.end = lo, hi, second.end
    first.unit, first.kind = first.unit or second.unit, first.kind or second.kind
    first.numbers += second.numbers
    first.bare = False


def _range_join(tokens, m: Measure, lex, conv) -> None:
    """"10,000 a 12,000 tropas", "1000-5000", "5 to 10": smaller first, units that agree."""
    e = m.end
    if e + 1 >= len(tokens) or tokens[e].norm not in lex.range_join or m.min is None:
        return
    if after_month(tokens, m.start, lex):
        return  # "jan. 1 to 15" is a date
    second = read_measure(tokens, e + 1, lex, conv)
    if second is None or second.min is None:
        return
    if tokens[e].kind == "sym" and (_has_words(m) or tokens[e + 1].kind != "num"
                                    or _chained(tokens, second, lex) or _lopsided(tokens, e)):
        return  # "three-nought-four", "+1-222-2222", "75 -300mm": not ranges
    if m.unit and second.unit and m.unit != second.unit:
        return
    inherit = second.scale and not m.scale and m.min <= second.min / second.scale
    lo = m.min * second.scale if inherit else m.min
    if not lo < second.min:
        return
    _join(m, second)


def _has_words(m: Measure) -> bool:
    return any(r.words for r in m.numbers)


def _lopsided(tokens, e) -> bool:
    """A dash spaced on one side only binds to one number."""
    return (tokens[e - 1].end == tokens[e].start) != (tokens[e].end == tokens[e + 1].start)


def _chained(tokens, m: Measure, lex) -> bool:
    e = m.end
    return e + 1 < len(tokens) and tokens[e].kind == "sym" and tokens[e].norm in lex.range_join \
        and tokens[e + 1].kind == "num"


def _round_noun(tokens, i, lex) -> Measure | None:
    """"un centenar de heridos", "dos millares de", "medio millar": a round figure, approximate."""
    k, count = i, 1.0
    if tokens[i].norm in lex.cardinals or tokens[i].norm in lex.weak_one:
        count, k = lex.cardinals.get(tokens[i].norm, 1.0), i + 1
    elif tokens[i].norm in lex.half_words:
        count, k = 0.5, i + 1
    if k >= len(tokens) or tokens[k].norm not in lex.round_nouns or k == i:
        return None
    value = count * lex.round_nouns[tokens[k].norm]
    m = Measure(i, k + 1, value, value, approx=True, bare=False)
    found = unit_after(tokens, k + 1, lex, Reading(i, k + 1, value, scale=value))
    if found:
        m.end, (m.kind, m.unit) = found[0], found[1]
    return m


def _several(tokens, i, lex) -> Measure | None:
    """"several hundred troops", "a few thousand people", "varios miles de": at least one
    such multiple, no ceiling, approximate."""
    found = lex.several.match(tokens, i)
    if not found or found[0] >= len(tokens):
        return None
    k = found[0]
    norm = tokens[k].norm
    size = lex.multipliers.get(norm) or lex.vague.get(norm) or (100.0 if norm in lex.hundred else None)
    if size is None:
        return None
    m = Measure(i, k + 1, size, None, approx=True, bare=False)
    link = k + 2 if k + 1 < len(tokens) and tokens[k + 1].norm in lex.vague_link else k + 1
    unit = unit_after(tokens, link, lex, Reading(i, link, size)) if link < len(tokens) else None
    if unit:
        m.end, (m.kind, m.unit) = unit[0], unit[1]
    return m


def _vague(tokens, i, lex) -> Measure | None:
    """"miles de tropas", "decenas de miles de personas", "hundreds of"."""
    if i < len(tokens) and (found := _round_noun(tokens, i, lex) or _several(tokens, i, lex)):
        return found
    k, size = i, 1.0
    while k + 1 < len(tokens) and tokens[k].norm in lex.vague and tokens[k + 1].norm in lex.vague_link:
        size *= lex.vague[tokens[k].norm]
        k += 2
    if k == i:
        if i < len(tokens) and tokens[i].norm in lex.vague and tokens[i].norm not in lex.dozen \
                and (i + 1 == len(tokens) or tokens[i + 1].kind != "num"):
            return Measure(i, i + 1, lex.vague[tokens[i].norm], None, approx=True, bare=False)
        return None
    m = Measure(i, k - 1, size, None, approx=True, bare=False)
    found = unit_after(tokens, k, lex, Reading(i, k, size)) if k < len(tokens) else None
    if found:
        m.end = found[0]
        m.kind, m.unit = found[1]
    elif k < len(tokens) and tokens[k].norm in lex.multipliers:
        m.min, m.end = size * lex.multipliers[tokens[k].norm], k + 1
    return m


def _ordinal(tokens, i, lex) -> Measure | None:
    """An ordinal as the end of a range or bound ("entre quinta y vigésima", "the tenth")."""
    if i < len(tokens) and tokens[i].norm in lex.ordinals:
        value = lex.ordinals[tokens[i].norm]
        return Measure(i, i + 1, value, value, bare=False)
    return None
