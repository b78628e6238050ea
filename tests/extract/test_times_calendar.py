"""Tests of the calendar conventions behind the time layer (thirds, seasons, ISO weeks, holidays)."""
from __future__ import annotations

import datetime as dt

import pytest

from cronica.extract import time_calendar as cal
from cronica.extract.time_lexicon import fold, load_lexicon

D = dt.date


@pytest.mark.parametrize("interval,gran,which,expected", [
    ((D(2000, 1, 1), D(2000, 12, 31)), "year", "early", (D(2000, 1, 1), D(2000, 4, 30))),
    ((D(2000, 1, 1), D(2000, 12, 31)), "year", "mid", (D(2000, 5, 1), D(2000, 8, 31))),
    ((D(2024, 1, 1), D(2024, 12, 31)), "year", "late", (D(2024, 9, 1), D(2024, 12, 31))),
    ((D(2016, 11, 1), D(2016, 11, 30)), "month", "mid", (D(2016, 11, 11), D(2016, 11, 20))),
    ((D(2018, 2, 1), D(2018, 2, 28)), "month", "late", (D(2018, 2, 21), D(2018, 2, 28))),
    ((D(2017, 11, 13), D(2017, 11, 19)), "week", "early", (D(2017, 11, 13), D(2017, 11, 15))),
    ((D(2017, 11, 13), D(2017, 11, 19)), "week", "late", (D(2017, 11, 16), D(2017, 11, 19))),
])
def test_times_calendar_parts_are_thirds(interval, gran, which, expected):
    assert cal.part(interval, gran, which) == expected


@pytest.mark.parametrize("name,year,expected", [
    ("autumn", 2024, (D(2024, 9, 1), D(2024, 11, 30))),
    ("winter", 2023, (D(2023, 12, 1), D(2024, 2, 29))),
    ("spring", 1978, (D(1978, 3, 1), D(1978, 5, 31))),
])
def test_times_calendar_seasons_are_meteorological(name, year, expected):
    assert cal.season(name, year) == expected


@pytest.mark.parametrize("year,n,expected", [
    (2015, 1, (D(2014, 12, 29), D(2015, 1, 4))),
    (2021, 1, (D(2021, 1, 4), D(2021, 1, 10))),
    (2016, -1, (D(2016, 12, 26), D(2017, 1, 1))),
])
def test_times_calendar_iso_weeks(year, n, expected):
    assert cal.iso_week(year, n) == expected


@pytest.mark.parametrize("key,year,expected", [
    ("easter", 2018, D(2018, 4, 1)), ("easter", 2019, D(2019, 4, 21)), ("thanksgiving", 2023, D(2023, 11, 23)),
    ("black_friday", 2010, D(2010, 11, 26)), ("christmas", 2016, D(2016, 12, 25)),
])
def test_times_calendar_holidays(key, year, expected):
    assert cal.holiday(key, year) == expected


@pytest.mark.parametrize("text", ["Mañana, AÑO y otoño", "İstanbul ß ﬁ"])
def test_times_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_times_lexicon_builds_every_template(lang):
    lex = load_lexicon(lang)
    rules = {rule for rule, _ in lex.patterns}
    assert {"date", "month", "year", "weekday", "rel_unit", "season", "ago"} <= rules


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("text", ["El 12 de mayo de 2020, el martes 3 de marzo y hace tres días.",
                                  "12 de mayo; _12 de mayo, a12 de mayo. On May 5, 2021 and 3 days ago",
                                  "", "mayo", "x"])
def test_times_word_start_search_finds_what_the_template_finds(lang, text):
    folded = fold(text)
    for _, pattern in load_lexicon(lang).patterns:
        for pos in range(len(folded) + 1):
            fast, plain = pattern.search(folded, pos), pattern.regex.search(folded, pos)
            assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict()))
