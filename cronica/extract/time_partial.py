"""Fix partial readings: by default (reference date and tense) or inside a container.

A month, a day of a month or a weekday without more is read in the tense of
its sentence: in a future sentence the nearest one ahead of the article's date,
otherwise the latest one not after it (a weekday: the nearest before it).
`rel` words pin the reading instead: this / next / last period, or the
upcoming / recent weekday.
"""
from __future__ import annotations

import datetime as dt

from . import time_calendar as cal
from .time_resolve import Atom, safe_date

ONE_DAY = dt.timedelta(days=1)


def _month_year(m: int, ref: dt.date, rel, future: bool) -> int:
    if rel == "this":
        return ref.year
    if rel in ("next", "upcoming"):
        return ref.year if m > ref.month else ref.year + 1
    if rel in ("last", "recent"):
        return ref.year if m < ref.month else ref.year - 1
    if future:
        return ref.year if m >= ref.month else ref.year + 1
    return ref.year if m <= ref.month else ref.year - 1


def _daymonth(f: dict, year: int):
    lo = safe_date(year, f["m"], f["d"])
    hi = safe_date(year, f["m"], f.get("d2", f["d"]))
    return (lo, hi) if lo and hi else None


def _daymonth_default(f: dict, ref: dt.date, future: bool):
    rel = f.get("rel")
    if rel == "this":
        return _daymonth(f, ref.year)
    if rel in ("next", "upcoming"):  # "el próximo 15 de agosto": the first one after the date
        here = _daymonth(f, ref.year)
        return here if here and here[0] > ref else _daymonth(f, ref.year + 1)
    if rel in ("last", "recent"):  # "el pasado 3 de julio": the last one before it
        here = _daymonth(f, ref.year)
        return here if here and here[1] < ref else _daymonth(f, ref.year - 1)
    here = _daymonth(f, ref.year) or _daymonth(f, ref.year - 1)
    if here is None:
        return None
    if future and here[1] < ref:
        return _daymonth(f, ref.year + 1)
    if not future and here[0] > ref:
        return _daymonth(f, ref.year - 1)
    return here


def weekday_default(wd: int, rel, ref: dt.date, future: bool) -> dt.date:
    """The day a weekday names, read with its relative word or the sentence's tense."""
    monday = ref - dt.timedelta(days=ref.weekday())
    if rel in ("this", "next", "last"):
        return monday + dt.timedelta(days=wd + 7 * {"this": 0, "next": 1, "last": -1}[rel])
    if rel == "upcoming" or (rel is None and future):
        return cal.weekday_near(ref, wd, 1)
    return cal.weekday_near(ref, wd, -1, today=True)


def _season_default(f: dict, ref: dt.date, future: bool):
    name, rel = f["season"], f.get("rel")
    this = cal.season(name, ref.year if name != "winter" or ref.month == 12 else ref.year - 1)
    if rel == "this" or (rel is None and this[0] <= ref <= this[1]):
        return cal.season(name, ref.year) if rel == "this" else this
    ahead = this if this[0] > ref else cal.season(name, this[0].year + 1)
    behind = this if this[1] < ref else cal.season(name, this[0].year - 1)
    if rel in ("next", "upcoming") or (rel is None and future):
        return ahead
    return behind


def _holiday_default(f: dict, ref: dt.date, future: bool):
    rel = f.get("rel")
    if rel == "this":
        return cal.holiday(f["key"], ref.year)
    days = [cal.holiday(f["key"], y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    days = [d for d in days if d]
    if rel in ("next", "upcoming") or (rel is None and future):
        ahead = [d for d in days if d > ref or (rel is None and d == ref)]
        return ahead[0] if ahead else None
    behind = [d for d in days if d < ref or (rel is None and d == ref)]
    return behind[-1] if behind else None


def resolve_default(atom: Atom, ref: dt.date | None, future: bool) -> Atom:
    """Fix a partial atom against the reference date; without one it stays open."""
    if atom.kind not in ("month", "daymonth", "weekday", "day", "nth", "season", "holiday"):
        return atom
    gran = {"month": "month", "daymonth": "day", "weekday": "day", "day": "day", "holiday": "day",
            "season": "season"}.get(atom.kind, atom.gran)
    if ref is None:
        return atom.fix(None, gran)
    f = atom.f
    if atom.kind == "month":
        y = _month_year(f["m"], ref, f.get("rel"), future)
        return atom.fix((dt.date(y, f["m"], 1), cal.month_end(y, f["m"])), "month")
    if atom.kind == "daymonth":
        interval = _daymonth_default(f, ref, future)
        return atom.fix(interval, "day") if interval else atom.fix(None, "day")
    if atom.kind == "weekday":
        day = weekday_default(f["wd"], f.get("rel"), ref, future)
        last = day + dt.timedelta(days=(f.get("wd2", f["wd"]) - f["wd"]) % 7)
        return atom.fix((day, last), "day")
    if atom.kind == "season":
        return atom.fix(_season_default(f, ref, future), "season")
    if atom.kind == "holiday":
        day = _holiday_default(f, ref, future)
        return atom.fix((day, day) if day else None, "day")
    if atom.kind == "day":
        day = safe_date(ref.year, ref.month, f["d"])
        return atom.fix((day, day) if day else None, "day")
    if f["n"] == -1 and f["unit"] != "halfof":  # "el último trimestre", "last Sunday": the last one
        return _last_one(atom, ref)
    container = cal.period("month" if f.get("wd") is not None else "year", ref)
    return resolve_within(atom, container, "month" if f.get("wd") is not None else "year")


def _last_one(atom: Atom, ref: dt.date) -> Atom:
    f = atom.f
    unit, count = f["unit"], f.get("count")
    if unit == "weekday":
        day = weekday_default(f["wd"], "last", ref, False)
        return atom.fix((day, day), "day")
    if count and unit in cal.WHOLE_PERIOD_UNITS:
        lo = cal.period(unit, cal.shift(ref, unit, -count))[0]
        return atom.fix((lo, cal.period(unit, ref)[0] - ONE_DAY), _nth_gran(f))
    if count:
        return atom.fix((cal.shift(ref, unit, -count), ref - ONE_DAY), _nth_gran(f))
    return atom.fix(cal.period(unit, cal.shift(ref, unit, -1)), _nth_gran(f))


def resolve_within(atom: Atom, container, cgran: str) -> Atom:
    """Fix a partial atom inside a container period ("junio del próximo año")."""
    cs, ce = container
    f, kind = atom.f, atom.kind
    if kind == "month":
        return atom.fix((dt.date(cs.year, f["m"], 1), cal.month_end(cs.year, f["m"])), "month")
    if kind == "daymonth":
        interval = _daymonth(f, cs.year)
        return atom.fix(interval, "day") if interval else atom.fix(None, "day")
    if kind == "season":
        return atom.fix(cal.season(f["season"], cs.year), "season")
    if kind == "holiday":
        day = cal.holiday(f["key"], cs.year)
        return atom.fix((day, day) if day else None, "day")
    if kind == "weekday":
        monday = cs - dt.timedelta(days=cs.weekday())
        day = monday + dt.timedelta(days=f["wd"])
        return atom.fix((day, monday + dt.timedelta(days=max(f["wd"], f.get("wd2", f["wd"])))), "day")
    if kind == "day":
        day = safe_date(cs.year, cs.month, f["d"])
        return atom.fix((day, day) if day else None, "day")
    if kind == "nth":
        return atom.fix(_nth(f, cs, ce, cgran), _nth_gran(f))
    return atom


def _half(cs: dt.date, ce: dt.date, cgran: str, n: int):
    """First or second half of a period (of a week: Mon-Wed and Thu-Sun)."""
    if cgran == "week":
        return (cs, cs + dt.timedelta(days=2)) if n == 1 else (cs + dt.timedelta(days=3), ce)
    if cgran == "month":
        mid = cs.replace(day=15)
    elif cgran == "year":
        mid = cs.replace(month=6, day=30)
    else:
        mid = cs + dt.timedelta(days=((ce - cs).days + 1) // 2 - 1)
    return (cs, mid) if n == 1 else (mid + ONE_DAY, ce)


def _nth_gran(f):
    return {"weekday": "day", "quarter": "month", "half": "month"}.get(f["unit"], f["unit"])


def _nth(f: dict, cs: dt.date, ce: dt.date, cgran: str):
    n, unit, count = f["n"], f["unit"], f.get("count")
    if unit == "weekday":
        if n > 0:
            first = cs + dt.timedelta(days=(f["wd"] - cs.weekday()) % 7)
            day = first + dt.timedelta(days=7 * (n - 1))
        else:
            day = ce - dt.timedelta(days=(ce.weekday() - f["wd"]) % 7)
        return (day, day) if cs <= day <= ce else None
    if unit == "halfof":
        return _half(cs, ce, cgran, n)
    if unit == "week" and cgran == "year":
        if count:
            lo = cal.iso_week(cs.year, 1 if n > 0 else -count)
            hi = cal.iso_week(cs.year, count if n > 0 else -1)
            return lo[0], hi[1]
        return cal.iso_week(cs.year, n)
    if unit == "week":
        anchor = cs if n > 0 else ce
        week = cal.period("week", anchor + dt.timedelta(days=7 * (n - 1 if n > 0 else n + 1)))
        return week
    count = count or 1
    if n > 0:
        lo = cal.shift(cs, unit, (n - 1) if count == 1 else 0)
        return cal.period(unit, lo)[0], cal.shift(lo, unit, count) - ONE_DAY
    hi = ce + ONE_DAY
    return cal.shift(hi, unit, -count), ce
