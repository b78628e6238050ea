"""Temporal expressions resolved against the article's date.

`find_times(text, lang, published)` is the engine (no spaCy needed); the
`cronica.times.v1` component runs it over an article, using the spaCy Doc for
the tense of each sentence when there is one.

Readings (the conventions of `time_calendar` and the language data):
- every expression becomes one `TimeExpr` with inclusive ISO `start`/`end`;
  the longest match wins and readings never overlap;
- relative expressions need `published`; without it they keep their text and
  `start`/`end` stay None (never guessed); absolute dates resolve anyway;
- a month, a day or a weekday without more is read in the tense of its
  sentence: future -> the nearest one ahead, otherwise the latest one before;
- a duration ("tres días") is not a date: it is emitted with granularity
  "duration" and no start/end;
- "hasta X" / "until X": from the published date to the end of X when X lies
  ahead of it, else X itself (the state ended within X).
"""
from __future__ import annotations

import datetime as dt
import re

from ..model import Article, TimeExpr
from ..pipeline import component
from .time_compose import Composer
from .time_lexicon import Lexicon, fold, load_lexicon
from .time_resolve import Atom, read_groups
from .time_tense import TenseFinder
from .time_rules import RULES

_YEAR_RULES = {"year", "decade", "num_my", "num_ym"}
_GRAN = {"business_day": "day", "weekend": "week", "fortnight": "week", "workweek": "week", "half": "month",
         "halfof": "month", "weekday": "day"}
GRANULARITIES = {"day", "week", "month", "season", "quarter", "year", "decade", "century", "unknown", "duration"}


def _reference(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _candidates(lex: Lexicon, text: str, folded: str, ref, spans) -> list[tuple[int, int, Atom]]:
    found = []
    for index, (rule, pattern) in enumerate(lex.patterns):
        pos = 0
        while (m := pattern.search(folded, pos)) is not None:
            atom = _reading(lex, text, folded, m, rule, ref, spans)
            if atom is not None:
                found.append((m.end() - m.start(), index, atom))
            pos = m.end() if atom is not None else m.start() + 1  # a refused match may hide a shorter one
    return found


def _reading(lex: Lexicon, text: str, folded: str, m: re.Match, rule: str, ref, spans) -> Atom | None:
    values = read_groups(lex, m.groupdict())
    if values is None or not _plausible(lex, text, folded, m, rule, spans):
        return None
    return RULES[rule](Atom(m.start(), m.end(), rule), values, ref)


def _plausible(lex: Lexicon, text: str, folded: str, m: re.Match, rule: str, spans) -> bool:
    """Reject readings a news text rarely means: "may" the verb, "1500 soldiers", "10,000 troops"."""
    groups = m.groupdict()
    has_number = any(groups.get(k) for k in groups if k.startswith(("day", "year", "dnum", "yy", "num")))
    for key in ("month", "weekday", "season"):
        word = (groups.get(key) or "").strip()
        if word in lex.needs_number and not has_number \
                and not (_cued(lex, folded, m) and _capitalised(lex, text, m.start(key))):
            return False
        if word in lex.needs_capital and not has_number and not _capitalised(lex, text, m.start(key)):
            return False
        if word in lex.needs_cue and not has_number and not (groups.get("rel") or _cued(lex, folded, m)):
            return False
    if rule in _YEAR_RULES:
        if any(a < m.end() and m.start() < b and not year_like for a, b, year_like in spans):
            return False
    if rule == "year":
        return _plausible_year(lex, folded, m)
    if rule == "this_unit":  # "for the day." or "the end of the day", not "the day the ferry sank"
        before = folded[max(0, m.start() - 40):m.start()]
        return bool(re.match(r"\s*(?:[.,;:!?)]|$)", folded[m.end():])) or \
            any(p.search(before) for _, p in lex.prefixes)
    if groups.get("num2") and re.search(lex.classes["rel"] + r"\s+$", folded[max(0, m.start() - 20):m.start()]):
        return False  # "the last 3 months and 2 days ago": the 3 belongs to "the last"
    return True


def _capitalised(lex: Lexicon, text: str, pos: int) -> bool:
    """A word the language capitalises when it names a month ("May", not the verb "may")."""
    return not lex.data.get("months_capitalised") or text[pos:pos + 1].isupper()


def _cued(lex: Lexicon, folded: str, m: re.Match) -> bool:
    """Is a match next to a cue word ("in May", "May to June", "Jan-Feb")?"""
    before = re.search(r"([^\W\d_]+)\W*$", folded[max(0, m.start() - 20):m.start()])
    after = re.match(r"\s*([^\W\d_]+)", folded[m.end():])
    cues = lex.folded("month_cues") or lex.folded("year_cues")
    if lex.data.get("month_cues"):  # "May to March": a range of two months
        mid = lex.connectors.get("range_mid")
        to_month = mid is not None and re.match(mid.pattern + lex.classes["month"] + r"(?![^\W_])", folded[m.end():])
        return bool(before and before.group(1) in cues) or bool(re.match(r"\s*[-~/]", folded[m.end():])) \
            or bool(to_month)
    followers = lex.folded("year_followers")
    return bool(before and before.group(1) in cues) or bool(after and after.group(1) in followers) \
        or bool(re.match(r"\s*[-~/]", folded[m.end():]))


def _plausible_year(lex: Lexicon, folded: str, m: re.Match) -> bool:
    """A bare 4-digit number is a year after a cue ("en 2016") or before a connector, not "1500 soldados"."""
    before = re.search(r"([^\W\d_]+)\W*$", folded[max(0, m.start() - 20):m.start()])
    after = re.match(r"\s*([^\W\d_]+)", folded[m.end():])
    if re.search(r"([$€£#]\s*|\d[.,])$", folded[max(0, m.start() - 2):m.start()]) or \
            re.match(r"[.,]\d", folded[m.end():]):
        return False  # "$2000", "1.1253", "2016.5" are amounts
    cues, followers = lex.folded("year_cues"), lex.folded("year_followers")
    if not m.group().strip().isdigit():  # "en mil novecientos": words need a cue, and two of them
        return bool(before and before.group(1) in cues) and len(m.group().split()) > 1
    return bool(before and before.group(1) in cues) or not after or after.group(1) in followers


def _year_like(quantity) -> bool:
    """A quantity that may be a year: no unit counted ("2016"), unlike "10,000 tropas"."""
    return not quantity.unit


def _select(found, size: int) -> list[Atom]:
    """Longest readings first, then leftmost, then the earlier template; no overlaps."""
    taken: list[Atom] = []
    used = bytearray(size + 1)
    for _, _, atom in sorted(found, key=lambda t: (-t[0], t[2].start_char, t[1])):
        if not any(used[atom.start_char:atom.end_char]):
            used[atom.start_char:atom.end_char] = b"\x01" * (atom.end_char - atom.start_char)
            taken.append(atom)
    return sorted(taken, key=lambda a: a.start_char)


def find_times(text: str, lang: str, published: str | None, *, doc=None, quantities=()) -> list[TimeExpr]:
    """Find and resolve the temporal expressions of a text.

    Args:
        text: the article text.
        lang: its language ("es", "en"); one without time data yields nothing.
        published: the article's date (ISO; only the first 10 chars are read) or None.
        doc: the spaCy Doc of `text`, for the tense of sentences (optional).
        quantities: `Quantity` objects already found; their spans are not dates unless years.
    Returns:
        list of TimeExpr (ids T1, T2, ... in text order).
    """
    lex = load_lexicon(lang)
    if lex is None or not text:
        return []
    folded, ref = fold(text), _reference(published)
    spans = [(q.start, q.end, _year_like(q)) for q in quantities if q.end > q.start]
    atoms = _select(_candidates(lex, text, folded, ref, spans), len(text))
    atoms = Composer(lex, folded, ref, TenseFinder(lex, text, doc)).run(atoms)
    lead = re.compile(r"(?:^|(?<=\W))(?:" + "|".join(re.escape(fold(str(w))) for w in lex.data.get("lead_words") or ["\x00"])
                      + r")\s$")
    out = []
    for atom in atoms:
        m = lead.search(folded[max(0, atom.start_char - 12):atom.start_char])
        if m:  # keep the preposition: "de junio" is not read as part of "junio de 2024"
            atom.start_char -= len(m.group())
        if text[atom.end_char - 1:atom.end_char] == "." and re.search(r"\w{5}\.$", text[:atom.end_char]):
            atom.end_char -= 1  # a sentence's full stop, not an abbreviation's dot
        start = atom.start.isoformat() if atom.start and atom.kind == "interval" else None
        end = atom.end.isoformat() if atom.end and atom.kind == "interval" else None
        gran = "duration" if atom.kind == "duration" else _GRAN.get(atom.gran, atom.gran)
        gran = gran if gran in GRANULARITIES else "unknown"
        raw = text[atom.start_char:atom.end_char]
        atom.start_char += len(raw) - len(raw.lstrip())  # offsets cover the words, not the spaces
        atom.end_char -= len(raw) - len(raw.rstrip())
        out.append(TimeExpr(id=f"T{len(out) + 1}", text=text[atom.start_char:atom.end_char],
                            start_char=atom.start_char, end_char=atom.end_char,
                            start=start, end=end, granularity=gran or "unknown"))
    return out


@component("cronica.times.v1", assigns=["article.times"], requires=["article.text"])
def make_times(options):
    def find(article: Article) -> Article:
        article.times = find_times(article.text, article.lang, article.published,
                                   doc=article.doc, quantities=article.quantities)
        return article
    return find
