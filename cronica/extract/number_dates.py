"""Numbers that are parts of dates or clock times, which are not quantities.

`9 de julio`, `May 8, 1945`, `en 2024`, `junio de 2024`, `a las 10`, `9:30`, `6.55 p.m.`. A year is
dropped only when it is a bare four-digit number (no unit, bound or range) after a
year word or a month; a bare `2024` elsewhere stays a number.
"""
from __future__ import annotations

from ..text.numbers import Token
from .number_lexicon import NumberLexicon
from .number_units import Measure

YEARS = (1900, 2100)  # bare four-digit numbers in this span are read as years
CLOCK_UNIT = "hours"  # the unit key of "horas", which after "a las" tells the hour of the day


def _plain_int(m: Measure, tokens: list[Token]) -> int | None:
    if m.end - m.start != 1 or tokens[m.start].kind != "num" or not tokens[m.start].text.isdigit():
        return None
    return int(tokens[m.start].text)


def after_month(tokens: list[Token], i: int, lex: NumberLexicon) -> bool:
    """Is token i right after a month name ("oct. 13", "junio de", "May 8,")?"""
    for back in (1, 2, 3, 4):
        j = i - back
        if j < 0:
            return False
        found = lex.months.match(tokens, j)
        if found and found[0] == i:
            return True
        if found and found[0] < i and all(t.norm in lex.day_link or t.text in ",." or t.kind == "num"
                                          for t in tokens[found[0]:i]):
            return True
    return False


def _before_month(tokens, i, lex) -> bool:
    k = i + 1
    if k < len(tokens) and tokens[k].norm in lex.day_link:
        k += 1
    return k < len(tokens) and lex.months.match(tokens, k) is not None


def _clock(tokens, i) -> bool:
    """Is token i an hour or minute of a clock time ("9:30")?"""
    def glued(a, b):
        return 0 <= a and b < len(tokens) and tokens[a].end == tokens[b].start

    before = glued(i - 2, i - 1) and glued(i - 1, i) and tokens[i - 1].text == ":" \
        and tokens[i - 2].kind == "num"
    after = glued(i, i + 1) and glued(i + 1, i + 2) and tokens[i + 1].text == ":" \
        and tokens[i + 2].kind == "num"
    return before or after


def is_date_or_time(tokens: list[Token], m: Measure, lex: NumberLexicon) -> bool:
    """Is this measure a day, a year or a clock time rather than a quantity?"""
    if tokens[m.start].kind == "num" and _clock(tokens, m.start):
        return True
    if m.unit is None and m.end < len(tokens) and lex.time_after.match(tokens, m.end):
        return True  # "at 6.55 p.m.", "6 p.m."
    if m.unit in (None, CLOCK_UNIT) and m.min is not None and m.min == m.max and 0 <= m.min < 24.6 \
            and _phrase_before(lex.time_before, tokens, m.start):
        return True  # "a las 18.30", "a las 18 horas": the hour of the day
    if m.unit is None and m.numbers and all(r.value == int(r.value) and 1 <= r.value <= 31 for r in m.numbers) \
            and _before_month(tokens, m.end - 1, lex):
        return True  # "desde el 2 hasta el 15 de mayo"
    if _year_range(tokens, m) or _glued_suffix(tokens, m) or _dated_year(tokens, m, lex):
        return True
    if not m.bare:
        return False
    value = _plain_int(m, tokens)
    if value is None:
        return False
    i = m.start
    if _clock(tokens, i):
        return True
    if value <= 24 and _phrase_before(lex.time_before, tokens, i):
        return True
    if 1 <= value <= 31 and (_before_month(tokens, i, lex) or after_month(tokens, i, lex)):
        return True
    if 1000 <= value <= 2100 and len(tokens[i].text) == 4:
        if YEARS[0] <= value <= YEARS[1] or after_month(tokens, i, lex):
            return True  # a bare "2016" in news is the year ("the 2016 election")
        return _phrase_before(lex.year_before, tokens, i)
    return False


def _dated_year(tokens, m: Measure, lex) -> bool:
    """"September 2001 attacks", "some 2016 GOP hopefuls": a year with a noun or an approximator."""
    if len(m.numbers) != 1 or m.min != m.max:
        return False
    r = m.numbers[0]
    text = tokens[r.start].text if r.end - r.start == 1 else ""
    if not (text.isdigit() and len(text) == 4 and YEARS[0] <= int(text) <= YEARS[1]):
        return False
    return after_month(tokens, r.start, lex) or (m.kind in (None, "counted") and r.start == m.end - 1)


def _year_range(tokens, m: Measure) -> bool:
    """"from 2010 to 2012", "entre 2019 y 2021": years, not a quantity."""
    if m.unit or m.approx or len(m.numbers) != 2:
        return False
    texts = [tokens[r.end - 1].text for r in m.numbers]
    return all(t.isdigit() and len(t) == 4 and YEARS[0] <= int(t) <= YEARS[1] for t in texts)


def _glued_suffix(tokens, m: Measure) -> bool:
    """"1990s", "1st", "100s": digits glued to a word that is neither unit nor multiplier."""
    last = m.end - 1
    return m.bare and tokens[last].kind == "num" and last + 1 < len(tokens) \
        and tokens[last + 1].kind == "word" and tokens[last + 1].start == tokens[last].end


def _phrase_before(phrases, tokens, i) -> bool:
    """Does a phrase of `phrases` end right before token i?"""
    for j in range(max(0, i - 3), i):
        found = phrases.match(tokens, j)
        if found and found[0] == i:
            return True
    return False
