"""Calendar arithmetic for the time layer: periods, shifts and parts of periods.

Conventions (the same for every language):
- a period is its days, both ends included: a week is Monday..Sunday (ISO), the
  weekend its Saturday and Sunday, a fortnight two weeks from a Monday;
- early / mid / late are the first / middle / last third of a period: of a year
  Jan-Apr, May-Aug, Sep-Dec; of a month days 1-10, 11-20, 21-end; of a week
  Mon-Wed, Tue-Fri, Thu-Sun; of anything else, thirds of its days;
- seasons are meteorological, northern hemisphere: spring Mar-May, summer
  Jun-Aug, autumn Sep-Nov, winter Dec of one year to Feb of the next.
"""
from __future__ import annotations

import calendar
import datetime as dt

Interval = tuple[dt.date, dt.date]
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# units whose windows ("the last 2 quarters") count whole periods, not days
WHOLE_PERIOD_UNITS = {"quarter", "half", "decade", "century"}


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, n: int) -> dt.date:
    """`day` moved by n months, clipped to the end of the target month."""
    total = day.year * 12 + day.month - 1 + n
    year, month = divmod(total, 12)
    year = max(1, min(9999, year))
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """`day` moved by n units (day, week, fortnight, month, quarter, half, year, decade, century)."""
    days = {"day": 1, "business_day": 1, "week": 7, "weekend": 7, "workweek": 7, "fortnight": 14}
    if unit in days:
        return day + dt.timedelta(days=days[unit] * n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    return add_months(day, months.get(unit, 12) * n)


def period(unit: str, day: dt.date) -> Interval:
    """The period of kind `unit` that contains `day`."""
    if unit in ("day", "business_day"):
        return day, day
    if unit in ("week", "fortnight", "weekend", "workweek"):
        monday = day - dt.timedelta(days=day.weekday())
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        if unit == "workweek":
            return monday, monday + dt.timedelta(days=4)
        return monday, monday + dt.timedelta(days=6 if unit == "week" else 13)
    if unit == "month":
        return day.replace(day=1), month_end(day.year, day.month)
    span = {"quarter": 3, "half": 6}.get(unit)
    if span:
        first = (day.month - 1) // span * span + 1
        return dt.date(day.year, first, 1), month_end(day.year, first + span - 1)
    if unit == "decade":
        return year_span(day.year // 10 * 10, day.year // 10 * 10 + 9)
    if unit == "century":
        return year_span(day.year // 100 * 100, day.year // 100 * 100 + 99)
    return year_span(day.year, day.year)


def year_span(first: int, last: int) -> Interval:
    """January 1 of `first` to December 31 of `last`."""
    return dt.date(max(1, first), 1, 1), dt.date(min(9999, last), 12, 31)


def season(name: str, year: int) -> Interval:
    """A meteorological season of `year` (winter runs into the next year)."""
    first = dt.date(year, SEASON_START[name], 1)
    return first, add_months(first, 3) - dt.timedelta(days=1)


def part(interval: Interval, gran: str, which: str) -> Interval:
    """Early, mid or late third of an interval (see the module docstring).

    Args:
        interval: the period.
        gran: its granularity ("year", "month", "week", ...).
        which: "early", "mid" or "late".
    Returns:
        the part, as an interval.
    """
    start, end = interval
    k = {"early": 0, "mid": 1, "late": 2}[which]
    if gran == "year" and start.month == 1 and end.month == 12:
        first = dt.date(start.year, 1 + 4 * k, 1)
        return first, month_end(end.year, 4 + 4 * k)
    if gran == "month":
        lo = start.replace(day=1 + 10 * k)
        return lo, (end if k == 2 else start.replace(day=10 + 10 * k))
    if gran == "week":
        offsets = ((0, 2), (1, 4), (3, 6))[k]
        return start + dt.timedelta(days=offsets[0]), start + dt.timedelta(days=offsets[1])
    days = (end - start).days + 1
    lo = start + dt.timedelta(days=days * k // 3)
    hi = start + dt.timedelta(days=days * (k + 1) // 3 - 1)
    return lo, max(lo, hi)


def iso_week(year: int, n: int) -> Interval:
    """ISO week n of `year` (n = -1: the year's last ISO week)."""
    last = dt.date(year, 12, 28).isocalendar()[1]
    n = last + 1 + n if n < 0 else n
    monday = dt.date.fromisocalendar(year, max(1, min(n, last)), 1)
    return monday, monday + dt.timedelta(days=6)


def weekday_near(ref: dt.date, weekday: int, direction: int, *, today: bool = False) -> dt.date:
    """The nearest `weekday` after (direction 1) or before (-1) `ref`; `ref` itself when
    `today` and it is that weekday (news of a Sunday says "on Sunday" of the same day)."""
    delta = (weekday - ref.weekday()) % 7 * direction if direction > 0 else -((ref.weekday() - weekday) % 7)
    if delta == 0 and not today:
        delta = 7 * direction
    return ref + dt.timedelta(days=delta)


def add_business_days(day: dt.date, n: int) -> dt.date:
    """`day` moved by n working days (Monday..Friday)."""
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        day += dt.timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day


# holidays by canonical key: fixed (month, day), or a rule; the words naming them
# are in each language's time.yaml
FIXED_HOLIDAYS = {
    "new_year": (1, 1), "epiphany": (1, 6), "valentine": (2, 14), "saint_patrick": (3, 17),
    "earth_day": (4, 22), "independence_day": (7, 4), "halloween": (10, 31),
    "christmas_eve": (12, 24), "christmas": (12, 25), "new_years_eve": (12, 31),
}


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday(key: str, year: int) -> dt.date | None:
    """The date of a holiday in a year (None when the key is unknown)."""
    if key in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[key])
    rules = {
        "easter": lambda: easter(year), "good_friday": lambda: easter(year) - dt.timedelta(days=2),
        "thanksgiving": lambda: _nth_weekday(year, 11, 3, 4),
        "black_friday": lambda: _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1),
        "labor_day": lambda: _nth_weekday(year, 9, 0, 1),
        "memorial_day": lambda: _nth_weekday(year, 6, 0, 1) - dt.timedelta(days=7),
    }
    rule = rules.get(key)
    return rule() if rule else None
