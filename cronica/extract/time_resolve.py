"""Turn template matches into readings (`Atom`s) and resolve them against a date.

An atom is either an interval already fixed (`kind == "interval"`) or a partial
reading that needs a reference date, a tense or a container to be fixed: a month
or day without a year, a weekday, "the third week", a season, a duration. The
same rules serve every language: the lexicon has mapped words to keys before.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import time_calendar as cal
from .time_lexicon import Lexicon

PARTIAL = {"month", "daymonth", "weekday", "day", "nth", "season", "holiday"}


@dataclass
class Atom:
    """One reading of a stretch of text (offsets into the article)."""

    start_char: int
    end_char: int
    rule: str
    kind: str = "interval"
    start: dt.date | None = None
    end: dt.date | None = None
    gran: str = "unknown"
    f: dict = field(default_factory=dict)

    def fix(self, interval, gran: str) -> "Atom":
        """Set the resolved interval (None leaves it unresolved); return self."""
        if interval is not None:
            self.start, self.end = interval
            self.kind = "interval"
        self.gran = gran
        return self


# ---------------------------------------------------------------- reading values

def parse_number(lex: Lexicon, text: str) -> int | None:
    """Cardinal from digits or number words ("dos mil dieciocho", "twenty five")."""
    text = text.strip().lstrip("'")
    if text.isdigit():
        return int(text)
    if text in lex.forms["one"]:
        return 1
    values = _word_values(lex, text)
    if not values:
        return None
    for p, v in zip(values, values[1:]):
        if p < 100 and v < 100 and not (p % 10 == 0 and 20 <= p <= 90 and v < 10) and p != 0:
            return None  # "one two" is no number; "twenty five" and "zero one" are
    total = current = 0
    for v in values:
        if v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 100:
            current = max(current, 1) * 100
        else:
            current += v
    return total + current


def _word_values(lex: Lexicon, text: str) -> list[int]:
    words = lex.forms["number"]
    joiners = set(lex.data.get("number_joiners") or [])
    tokens, out, i = re.split(r"[\s-]+", text), [], 0
    while i < len(tokens):
        two = " ".join(tokens[i:i + 2])
        if two in words:
            out.append(words[two])
            i += 2
            continue
        if tokens[i] in words:
            out.append(words[tokens[i]])
        elif tokens[i] not in joiners:
            return []
        i += 1
    return out


def parse_year(lex: Lexicon, text: str) -> int | None:
    """Year from 4 digits, 2 digits ('87 -> 1987, 16 -> 2016) or words ("nineteen ninety six")."""
    text = text.strip()
    digits = text.lstrip("'")
    if digits.isdigit():
        y = int(digits)
        if len(digits) == 2:
            return 2000 + y if y < 30 else 1900 + y
        return y
    values = _word_values(lex, text)
    standalone = set(lex.data.get("standalone_multipliers") or [])
    first = text.split()[0]
    if lex.forms["number"].get(first) in (100, 1000) and first not in standalone:
        return None  # "thousand and five" is not a year; "mil novecientos" is
    if len(values) >= 2 and 10 <= values[0] < 100 and 100 not in values and 1000 not in values:
        rest = parse_number(lex, " ".join(text.split()[1:]))  # "nineteen ninety six"
        return values[0] * 100 + (rest or 0)
    return parse_number(lex, text)


def parse_ordinal(lex: Lexicon, text: str) -> int | None:
    """Ordinal from "3rd", "3ª", "tercera", "twenty first"; -1 for "last"."""
    m = re.match(r"\d+", text)
    if m:
        return int(m.group())
    words = lex.forms["ordinal"]
    if text in words:
        return words[text]
    for form, value in sorted(words.items(), key=lambda kv: -len(kv[0])):
        if text.endswith(form) and value > 0:
            head = parse_number(lex, text[: -len(form)].strip(" -"))
            return (head or 0) + value if head is not None else None
    return None


def parse_day(lex: Lexicon, text: str) -> int | None:
    """Day of the month from digits, ordinals or number words."""
    n = parse_ordinal(lex, text)
    if n is None:
        n = parse_number(lex, text)
    return n if n is not None and 1 <= n <= 31 else None


def read_groups(lex: Lexicon, groups: dict) -> dict | None:
    """Canonical values of a match's named groups; None when one cannot be read."""
    out = {}
    for name, text in groups.items():
        if text is None or name == "sep":
            continue
        cls, idx = re.match(r"([a-z]+?)(\d?)$", name).groups()
        value = _read_one(lex, cls, re.sub(r"\s+", " ", text))
        if value is None:
            return None
        out[(_CANON.get(cls, cls)) + idx] = value
    return out


_CANON = {"sunit": "unit", "dnum": "day", "dd": "day", "mnum": "month", "mm": "month", "yyyy": "year", "yy": "year",
          "numyear": "year", "qnum": "quarter", "hnum": "half", "numword": "num"}


def _read_one(lex, cls, text):
    if cls in ("month", "weekday", "season", "unit", "sunit", "rel", "relday", "part", "holiday", "decade"):
        return lex.value(cls, text) if cls != "month" or not text.isdigit() else int(text)
    if cls in ("dnum", "dd", "mnum", "mm", "qnum", "hnum"):
        return int(text)
    if cls in ("yyyy", "yy", "year", "numyear"):
        return parse_year(lex, text)
    if cls == "day":
        return parse_day(lex, text)
    if cls == "ord":
        return parse_ordinal(lex, text)
    if cls in ("num", "numword"):
        return parse_number(lex, text)
    if cls == "roman":
        return _roman(text)
    if cls == "now":
        return "now"
    return text


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values.get(a, 0)
        total += -v if values.get(b, 0) > v else v
    return total or None


def safe_date(y, m, d) -> dt.date | None:
    """A date, or None when the fields do not make one."""
    try:
        return dt.date(y, m, d)
    except (TypeError, ValueError):
        return None
