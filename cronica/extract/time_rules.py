"""One function per template rule: canonical values -> an `Atom`.

Rules are language-neutral: `time.yaml` of each language says which words and
word orders make a rule; these functions say what the rule means. `ref` is the
article's date (None: relative readings stay unresolved, never guessed).
"""
from __future__ import annotations

import datetime as dt

from . import time_calendar as cal
from .time_resolve import Atom, safe_date

ONE_DAY = dt.timedelta(days=1)


YEARS = range(1000, 2201)  # a year written out with a date or month, or alone
NUMERIC_YEARS = range(1900, 2101)  # a year in an all-digit month ("11.2016")


def _day(d):
    return (d, d) if d else None


def rule_date(a: Atom, v: dict, ref) -> Atom | None:
    """A day and month, with or without year ("9 de julio de 2025", "July 9")."""
    d, m, y = v.get("day"), v.get("month"), v.get("year")
    if not isinstance(m, int) or d is None:
        return None
    if y is None:
        a.kind, a.f = "daymonth", {"d": d, "m": m, "rel": v.get("rel")}
        return a if safe_date(2000, m, d) else None
    date = safe_date(y, m, d) if y in YEARS else None
    return a.fix(_day(date), "day") if date else None


def rule_numeric(a: Atom, v: dict, ref) -> Atom | None:
    """An all-digit date in the language's order; a day over 12 in the month slot swaps."""
    d, m, y = v.get("day"), v.get("month"), v.get("year")
    if y is not None and safe_date(y, m, d) is None and safe_date(y, d, m):
        d, m = m, d  # "9-18-15" written month first
    if y is None:
        if safe_date(2000, m, d) is None:
            return None
        a.kind, a.f = "daymonth", {"d": d, "m": m, "rel": v.get("rel")}
        return a
    date = safe_date(y, m, d)
    return a.fix(_day(date), "day") if date else None


def rule_month(a: Atom, v: dict, ref) -> Atom | None:
    """A month, with or without year ("junio de 2024", "11/2016", "este septiembre")."""
    m, y = v.get("month"), v.get("year")
    if not isinstance(m, int) or not 1 <= m <= 12:
        return None
    if a.rule in ("num_my", "num_ym") and y not in NUMERIC_YEARS:
        return None  # "1.1253" is a rate, "11.2016" a month
    if y is None:
        a.kind, a.f = "month", {"m": m, "rel": v.get("rel")}
        return a
    return a.fix((dt.date(y, m, 1), cal.month_end(y, m)), "month") if y in YEARS else None


def rule_year(a: Atom, v: dict, ref) -> Atom | None:
    """A year ("2016", "año 247"); bare years stay within 1000..2200."""
    y = v.get("year", v.get("num"))
    if y is None or not (1 <= y <= 9999 if a.rule == "year_cued" else y in YEARS):
        return None  # "año 247" is a year, "tres mil" alone is not
    return a.fix(cal.year_span(y, y), "year")


def rule_day(a: Atom, v: dict, ref) -> Atom | None:
    """A day of the month alone ("el día 21"), fixed by its container."""
    if v.get("day") is None:
        return None
    a.kind, a.f = "day", {"d": v["day"]}
    return a


def rule_rel_day(a: Atom, v: dict, ref) -> Atom | None:
    """Today, yesterday, tomorrow and their kin, by offset in days."""
    offset = v.get("relday")
    if offset is None:
        offset = {"this": 0, "next": 1, "last": -1}.get(v.get("rel"), 0 if "rel" not in v else None)
    if offset is None or not isinstance(offset, int):
        return None
    return a.fix(_day(ref + dt.timedelta(days=offset)) if ref else None, "day")


def rule_now(a: Atom, v: dict, ref) -> Atom | None:
    """"Now": the reference day."""
    return a.fix(_day(ref), "day")


_STEP = {"this": 0, "next": 1, "last": -1, "upcoming": 1, "recent": -1}


def rule_rel_unit(a: Atom, v: dict, ref) -> Atom | None:
    """This / next / last period ("la semana pasada", "next quarter")."""
    unit, rel = v.get("unit"), v.get("rel", "this")
    step = _STEP.get(rel)
    if unit is None or step is None:
        return None
    if a.rule == "rel_unit2":
        step = 2
    gran = "week" if unit in ("weekend", "fortnight", "workweek") else unit
    gran = "month" if unit in ("quarter", "half") else gran
    if not ref:
        return a.fix(None, gran)
    return a.fix(cal.period(unit, cal.shift(ref, unit, step)), gran)


def rule_this_unit(a: Atom, v: dict, ref) -> Atom | None:
    """A bare period ("for the day.", "socio del mes"): the current one."""
    return rule_rel_unit(a, {"unit": v.get("unit"), "rel": "this"}, ref)


def rule_weekday(a: Atom, v: dict, ref) -> Atom | None:
    """A weekday, with its relative word if any; fixed later by tense or container."""
    if v.get("weekday") is None:
        return None
    rel, rel2 = v.get("rel"), v.get("rel2")
    if rel == "this" and rel2 in ("last", "next"):  # "este miércoles pasado"
        rel = "recent" if rel2 == "last" else "upcoming"
    a.kind, a.f = "weekday", {"wd": v["weekday"], "rel": rel or rel2}
    return a


def rule_weekday_day(a: Atom, v: dict, ref) -> Atom | None:
    """A weekday and a day number ("lunes 21"): the nearest such date."""
    wd, d = v.get("weekday"), v.get("day")
    if wd is None or d is None or not ref:
        return a.fix(None, "day") if wd is not None and d else None
    best = None
    for k in (0, -1, 1, -2, 2):
        m = cal.add_months(ref.replace(day=1), k)
        date = safe_date(m.year, m.month, d)
        if date and date.weekday() == wd and (best is None or abs(date - ref) < abs(best - ref)):
            best = date
    return a.fix(_day(best or safe_date(ref.year, ref.month, d)), "day")


def _count(v):
    n = v.get("num", 1)
    return n if isinstance(n, int) else None


def _move(ref, unit, n):
    if unit == "business_day":
        return cal.add_business_days(ref, n)
    return cal.shift(ref, unit, n)


def rule_ago(a: Atom, v: dict, ref) -> Atom | None:
    """A day counted from the reference ("hace dos semanas", "in 3 weeks", "2 days later")."""
    n, unit = _count(v), v.get("unit")
    if n is None or unit is None:
        return None
    sign = -1 if a.rule in ("ago", "earlier") else 1
    a.f = {"n": n, "unit": unit}
    if not ref:
        return a.fix(None, "day")
    day = _move(ref, unit, sign * n)
    for k in ("2", "3"):
        if v.get("num" + k) is not None and v.get("unit" + k):
            day = _move(day, v["unit" + k], sign * v["num" + k])
    return a.fix(_day(day), "day")


def rule_within(a: Atom, v: dict, ref) -> Atom | None:
    """A window from the reference day ("dentro de 9 meses": day one to the day before month nine)."""
    n, unit = _count(v), v.get("unit")
    if n is None or unit is None:
        return None
    if not ref:
        return a.fix(None, unit)
    return a.fix((ref, _move(ref, unit, n) - ONE_DAY), unit)


def rule_window(a: Atom, v: dict, ref) -> Atom | None:
    """The next / last n units, the reference day excluded; quarters and decades whole."""
    n, unit, rel = _count(v), v.get("unit"), v.get("rel", "next")
    step = _STEP.get(rel)
    if n is None or unit is None or not step:
        return None
    gran = "day" if unit == "business_day" else unit
    if not ref:
        return a.fix(None, gran)
    if unit in cal.WHOLE_PERIOD_UNITS:
        here = cal.period(unit, ref)
        if step > 0:
            return a.fix((here[1] + ONE_DAY, cal.period(unit, cal.shift(ref, unit, n))[1]), gran)
        return a.fix((cal.period(unit, cal.shift(ref, unit, -n))[0], here[0] - ONE_DAY), gran)
    if step > 0:
        return a.fix((ref + ONE_DAY, _move(ref, unit, n)), gran)
    return a.fix((_move(ref, unit, -n), ref - ONE_DAY), gran)


def rule_duration(a: Atom, v: dict, ref) -> Atom | None:
    """A span of time with no place in the calendar ("tres días")."""
    n, unit = _count(v), v.get("unit")
    if n is None or unit is None:
        return None
    a.kind, a.f = "duration", {"n": n, "unit": unit}
    a.gran = "duration"
    return a


def rule_season(a: Atom, v: dict, ref) -> Atom | None:
    """A season, with a year or relative word if any."""
    name, y = v.get("season"), v.get("year")
    if name is None:
        return None
    if y is not None:
        return a.fix(cal.season(name, y), "season")
    a.kind, a.f = "season", {"season": name, "rel": v.get("rel")}
    return a


def rule_nth(a: Atom, v: dict, ref) -> Atom | None:
    """The n-th unit or weekday of a container ("la tercera semana", "first Friday", "week 31")."""
    n = v.get("ord", v.get("day", v.get("num")))
    unit = v.get("unit") or ("weekday" if v.get("weekday") is not None else "day")
    if "ord" not in v and "unit" in v and v.get("day") is None and v.get("num") is None:
        return None
    if unit is None or n is None:
        return None
    if a.rule == "nth" and "ord" not in v and unit not in ("week", "quarter", "half", "month"):
        return None  # "semana 31" but not "día 3"
    a.kind = "nth"
    a.f = {"n": n, "unit": unit, "wd": v.get("weekday"), "count": v.get("num") if "ord" in v else None}
    a.gran = unit
    return a


def rule_quarter_year(a: Atom, v: dict, ref) -> Atom | None:
    """A quarter or half of a year ("2017-T1", "Q3 2019", "H2 2016")."""
    y = v.get("year")
    q = v.get("quarter", v.get("half", v.get("ord")))
    unit = "half" if "half" in v else v.get("unit", "quarter")
    if y is None or not q:
        return None
    span = 6 if unit == "half" else 3
    if q > 12 // span:
        return None
    first = dt.date(y, (q - 1) * span + 1, 1)
    return a.fix((first, cal.add_months(first, span) - ONE_DAY), "month")


def rule_decade(a: Atom, v: dict, ref) -> Atom | None:
    """A decade ("la década de 1990", "the 1970s", "the noughties")."""
    y = v.get("year", v.get("decade"))
    if isinstance(y, str) and y.isdigit():
        y = int(y)
    if not isinstance(y, int) or y < 100 or y % 10:
        return None
    return a.fix(cal.year_span(y, y + 9), "decade")


def rule_holiday(a: Atom, v: dict, ref) -> Atom | None:
    """A named holiday, with a year or relative word if any."""
    key, y = v.get("holiday"), v.get("year")
    if key is None:
        return None
    if y is not None:
        day = cal.holiday(key, y)
        return a.fix(_day(day), "day") if day else None
    a.kind, a.f = "holiday", {"key": key, "rel": v.get("rel")}
    return a


def rule_century(a: Atom, v: dict, ref) -> Atom | None:
    """A century by roman or ordinal number ("siglo XV" = 1400-1499)."""
    n = v.get("roman", v.get("ord"))
    if not n or n > 30:
        return None
    return a.fix(cal.year_span((n - 1) * 100, (n - 1) * 100 + 99), "century")


def rule_ytd(a: Atom, v: dict, ref) -> Atom | None:
    """Year to date: January 1 to the day before the reference."""
    return a.fix((ref.replace(month=1, day=1), ref - ONE_DAY) if ref else None, "year")


def rule_day_range(a: Atom, v: dict, ref) -> Atom | None:
    """Days of one month ("del 11 al 13 de julio", "Jan 4-22, 1995")."""
    d1, d2, m, y = v.get("day"), v.get("day2"), v.get("month"), v.get("year")
    if not isinstance(m, int) or d1 is None or d2 is None or d1 > d2:
        return None
    if y is None:
        a.kind, a.f = "daymonth", {"d": d1, "d2": d2, "m": m}
        return a if safe_date(2000, m, d2) else None
    lo, hi = safe_date(y, m, d1), safe_date(y, m, d2)
    return a.fix((lo, hi), "day") if lo and hi else None


RULES = {
    "date": rule_date, "num_dmy": rule_numeric, "num_mdy": rule_numeric, "num_ymd": rule_numeric,
    "num_dm": rule_numeric, "num_md": rule_numeric, "num_my": rule_month, "num_ym": rule_month,
    "month": rule_month, "year": rule_year, "year_cued": rule_year, "day": rule_day, "rel_day": rule_rel_day, "now": rule_now,
    "rel_unit": rule_rel_unit, "rel_unit2": rule_rel_unit, "this_unit": rule_this_unit,
    "weekday": rule_weekday, "weekday_day": rule_weekday_day, "ago": rule_ago, "later": rule_ago,
    "earlier": rule_ago, "in": rule_ago, "within": rule_within, "window_next": rule_window,
    "duration": rule_duration, "season": rule_season, "nth": rule_nth,
    "quarter_year": rule_quarter_year, "decade": rule_decade, "century": rule_century,
    "ytd": rule_ytd, "holiday": rule_holiday, "day_range": rule_day_range,
}
