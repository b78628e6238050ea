"""Join neighbouring readings into larger expressions, with one rule set for all languages.

In order: a partial reading inside a container ("junio" + "del próximo año"),
an offset from an anchor ("tres días" + "después de" + "mañana"), a part of a
period ("principios de" + "este año"), a range ("de" X "a" Y, X "-" Y), a
choice ("julio o agosto": one interval over both), and "hasta X" (see
`_until`). The connector words come from the language's `time.yaml`.
"""
from __future__ import annotations

import datetime as dt

from . import time_calendar as cal
from .time_lexicon import Lexicon
from .time_partial import resolve_default, resolve_within
from .time_resolve import PARTIAL, Atom

ONE_DAY = dt.timedelta(days=1)
_FITS = {  # partial kind -> container granularities it can sit in
    "month": {"year"}, "daymonth": {"year"}, "season": {"year"}, "day": {"month"},
    "weekday": {"week", "day"}, "nth": {"year", "month", "week", "quarter", "half"}, "holiday": {"year"},
}


class Composer:
    """Applies the joining steps over atoms sorted by position."""

    def __init__(self, lex: Lexicon, folded: str, ref: dt.date | None, future_at):
        self.lex, self.text, self.ref, self.future_at = lex, folded, ref, future_at

    def gap(self, a: Atom, b: Atom) -> str:
        return self.text[a.end_char:b.start_char]

    def conn(self, name: str, text: str) -> bool:
        pattern = self.lex.connectors.get(name)
        return bool(pattern and pattern.fullmatch(text))

    def default(self, atom: Atom) -> Atom:
        return resolve_default(atom, self.ref, self.future_at(atom.start_char))

    def run(self, atoms: list[Atom]) -> list[Atom]:
        atoms = self._pairs(atoms, self._weekday_range)
        atoms = self._pairs(atoms, self._contain)
        atoms = [self._span_later(a) for a in atoms]
        atoms = self._pairs(atoms, self._span)
        atoms = self._pairs(atoms, self._offset)
        atoms = [self._prefix(a) for a in atoms]
        atoms = self._pairs(atoms, self._range)
        atoms = self._pairs(atoms, self._choice)
        atoms = [self._until(self.default(a)) for a in atoms]
        return atoms

    @staticmethod
    def _pairs(atoms, join):
        out = []
        for atom in atoms:
            merged = join(out[-1], atom) if out else None
            if merged is not None:
                out[-1] = merged
            else:
                out.append(atom)
        return out

    # -------------------------------------------------------------- containers

    def _contain(self, a: Atom, b: Atom) -> Atom | None:
        gap = self.gap(a, b)
        if not (self.conn("of", gap) or gap.strip() in ("", ",")):
            return None
        part, box = (a, b) if a.kind in PARTIAL else (b, a)
        if a.kind == "nth" and b.kind == "weekday":
            part, box = b, a  # "last week Sunday"
        if box.kind == "nth" or (box.kind == "month" and part.kind in ("nth", "day", "weekday")):
            box = self.default(box)  # "tuesday of last week", "the third week of January"
        if part.kind not in PARTIAL or box.kind != "interval" or box.gran not in _FITS[part.kind]:
            return None
        if part is b and part.kind in ("month", "daymonth"):
            return None  # "2016 ... junio": a year before a month is a range or a list, not a container
        merged = Atom(a.start_char, b.end_char, part.rule, part.kind, gran=part.gran, f=dict(part.f))
        if box.start is None:
            return merged.fix(None, part.gran)
        return resolve_within(merged, (box.start, box.end), box.gran)

    def _weekday_range(self, a: Atom, b: Atom) -> Atom | None:
        """ "de martes a jueves", "between Wednesday and Friday": one partial reading, fixed later."""
        if a.kind != "weekday" or b.kind != "weekday" or a.f.get("rel") or b.f.get("rel") or "wd2" in a.f:
            return None
        gap = self.gap(a, b)
        for open_name, mid_name in (("range_open", "range_mid"), ("between_open", "between_mid")):
            opener = self._opener(a, open_name)
            if opener is not None and self.conn(mid_name, gap):
                return Atom(opener, b.end_char, "weekday", "weekday", f={"wd": a.f["wd"], "wd2": b.f["wd"]})
        return None

    # -------------------------------------------------------------- windows from an anchor

    def _lead(self, atom: Atom) -> bool:
        pattern = self.lex.connectors.get("span_lead")
        before = self.text[max(0, atom.start_char - 12):atom.start_char]
        return bool(pattern and any(pattern.fullmatch(before[k:]) for k in range(len(before))
                                    if k == 0 or not before[k - 1].isalnum()))

    def _window(self, start_char, end_char, anchor: dt.date | None, n: int, unit: str) -> Atom:
        merged = Atom(start_char, end_char, "span", gran="week" if unit == "week" else "day")
        if anchor is None:
            return merged.fix(None, merged.gran)
        return merged.fix((anchor, cal.shift(anchor, unit, n) - ONE_DAY), merged.gran)

    def _span(self, a: Atom, b: Atom) -> Atom | None:
        """ "for 3 days, from today", "2 weeks starting May 20th": n units from the anchor on."""
        if a.kind != "duration" or b.kind == "duration":
            return None
        gap = self.gap(a, b)
        if not (self.conn("span_start", gap) or (self._lead(a) and self.conn("span_from", gap))):
            return None
        b = self.default(b)
        return self._window(a.start_char, b.end_char, b.start, a.f["n"], a.f["unit"])

    def _span_later(self, atom: Atom) -> Atom:
        """ "for 3 days from today" is a window, not the day three days on."""
        if atom.rule != "later" or not atom.f or not self._lead(atom) or self.ref is None:
            return atom
        return self._window(atom.start_char, atom.end_char, self.ref, atom.f["n"], atom.f["unit"])

    # -------------------------------------------------------------- offsets

    def _offset(self, a: Atom, b: Atom) -> Atom | None:
        if a.kind != "duration" or b.kind == "duration":
            return None
        gap = self.gap(a, b)
        sign = 1 if self.conn("after", gap) else -1 if self.conn("before", gap) else 0
        if not sign:
            return None
        b = self.default(b)
        merged = Atom(a.start_char, b.end_char, "offset", gran="day")
        if b.start is None:
            return merged.fix(None, "day")
        day = cal.shift(b.start if sign > 0 else b.start, a.f["unit"], sign * a.f["n"])
        return merged.fix((day, day), "day")

    # -------------------------------------------------------------- parts

    def _prefix(self, atom: Atom) -> Atom:
        before = self.text[max(0, atom.start_char - 40):atom.start_char]
        for key, pattern in self.lex.prefixes:
            m = pattern.search(before)
            if m is None or atom.kind == "duration":
                continue
            atom = self.default(atom)
            atom.start_char -= len(before) - m.start()
            if atom.start is None:
                return atom
            return self._apply_part(atom, key)
        return atom

    def _apply_part(self, atom: Atom, key: str) -> Atom:
        interval, ref = (atom.start, atom.end), self.ref
        inside = ref is not None and atom.start <= ref <= atom.end
        if key in ("early", "mid", "late"):
            return atom.fix(cal.part(interval, atom.gran, key), atom.gran)
        if key == "earlier":
            return atom.fix((atom.start, ref - ONE_DAY) if inside and ref > atom.start
                            else cal.part(interval, atom.gran, "early"), atom.gran)
        if key == "later":
            return atom.fix((ref + ONE_DAY, atom.end) if inside and ref < atom.end
                            else cal.part(interval, atom.gran, "late"), atom.gran)
        if key == "rest" and ref is not None:
            return atom.fix((max(ref, atom.start), atom.end), "day")
        return atom

    # -------------------------------------------------------------- ranges

    def _range(self, a: Atom, b: Atom) -> Atom | None:
        if "duration" in (a.kind, b.kind) or a.rule == "range":
            return None
        gap = self.gap(a, b)
        opener = self._opener(a, "range_open")
        if opener is None or not self.conn("range_mid", gap):
            opener = self._opener(a, "between_open")
            if opener is None or not self.conn("between_mid", gap):
                opener = None
                if not self.conn("range_mid_bare", gap):
                    return None
        start_char = opener if opener is not None else a.start_char
        exclusive = self.conn("exclusive_until", gap)
        a, b = self._pair_resolve(a, b)
        merged = Atom(start_char, b.end_char, "range", gran=_finer(a.gran, b.gran))
        if a.start is None or b.end is None:
            return merged.fix(None, merged.gran)
        end = b.start - ONE_DAY if exclusive else b.end
        return merged.fix((a.start, max(a.start, end)), merged.gran)

    def _opener(self, a: Atom, name: str) -> int | None:
        before = self.text[max(0, a.start_char - 25):a.start_char]
        pattern = self.lex.connectors.get(name)
        best = None
        if pattern is None:
            return None
        for k in range(len(before)):
            if (k == 0 or not before[k - 1].isalnum()) and pattern.fullmatch(before[k:]):
                best = a.start_char - len(before) + k
                break
        return best

    def _pair_resolve(self, a: Atom, b: Atom):
        if a.kind in PARTIAL and not a.f.get("rel") and b.kind not in PARTIAL and b.start is not None:
            a = resolve_within(a, (b.start, b.end), "year") if a.kind != "weekday" else \
                resolve_within(a, cal.period("week", b.start), "week")
            if a.start and a.start > b.start and a.kind == "interval" and a.gran in ("month", "day"):
                a.start, a.end = cal.shift(a.start, "year", -1), cal.shift(a.end, "year", -1)
            return a, b
        if a.kind in ("month", "daymonth") and not a.f.get("rel") and self.ref is not None:
            a.f["rel"] = "this"  # "de mayo a marzo": from this year's May on
        a = self.default(a)
        if b.kind in PARTIAL and not b.f.get("rel") and a.start is not None:
            if b.kind == "weekday":
                day = a.start + dt.timedelta(days=(b.f["wd"] - a.start.weekday()) % 7)
                return a, b.fix((day, day), "day")
            b = resolve_within(b, (a.start, a.end), "year")
            if b.end is not None and b.end < a.start:
                b.start, b.end = cal.shift(b.start, "year", 1), cal.shift(b.end, "year", 1)
        return a, self.default(b)

    def _choice(self, a: Atom, b: Atom) -> Atom | None:
        if not self.conn("or", self.gap(a, b)):
            return None
        if a.kind != b.kind or a.kind not in ("month", "season") and a.gran not in ("month", "season", "year"):
            return None
        a, b = self._pair_resolve(a, b)
        if a.start is None or b.start is None or a.gran != b.gran:
            return None
        merged = Atom(a.start_char, b.end_char, "choice", gran=a.gran)
        return merged.fix((min(a.start, b.start), max(a.end, b.end)), a.gran)

    # -------------------------------------------------------------- until

    def _until(self, atom: Atom) -> Atom:
        before = self.text[max(0, atom.start_char - 20):atom.start_char]
        pattern = self.lex.connectors.get("until")
        if pattern is None or atom.rule == "range" or atom.start is None:
            return atom
        for k in range(len(before)):
            if (k == 0 or not before[k - 1].isalnum()) and pattern.fullmatch(before[k:]):
                atom.start_char -= len(before) - k
                if self.ref is not None and atom.start > self.ref:
                    atom.start = self.ref
                break
        return atom


_ORDER = ["day", "week", "month", "season", "quarter", "year", "decade", "century"]


def _finer(a: str, b: str) -> str:
    ranks = [x for x in (a, b) if x in _ORDER]
    return min(ranks, key=_ORDER.index) if ranks else "unknown"
