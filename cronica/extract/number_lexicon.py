"""Compile a language's `numbers.yaml` and `units.yaml` into lookup tables.

Surface forms are tokenized with the same tokenizer as the text and folded (lower
case, no accents), so `más de`, `US$` or `t.métrica` match token by token. Forms listed
under `case_sensitive` in units.yaml keep their case ("K" kelvin, "m" metre).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import LanguageDataError
from ..lang.loader import load
from ..text.numbers import Token, fold, tokenize


@dataclass
class Phrases:
    """Multi-token surface forms mapped to a payload; longest match wins."""

    table: dict = field(default_factory=dict)
    longest: int = 0
    first: set = field(default_factory=set)  # folded first tokens of every form

    def add(self, form: str, payload, *, exact: bool = False) -> None:
        """Register one surface form."""
        tokens = tokenize(str(form))
        if not tokens:
            return
        key = tuple(t.norm for t in tokens)
        text = tuple(t.text for t in tokens) if exact else None
        glued = tuple(a.end == b.start and a.kind != "sym" and b.kind != "sym"
                      for a, b in zip(tokens, tokens[1:]))  # "m2" must stay glued; "jan ." may not
        self.table.setdefault(key, []).append((text, glued, payload))
        self.longest = max(self.longest, len(key))
        self.first.add(key[0])

    def match(self, tokens: list[Token], i: int):
        """Longest form starting at token `i`: (end index, payload) or None."""
        if i >= len(tokens) or tokens[i].norm not in self.first:
            return None
        for size in range(min(self.longest, len(tokens) - i), 0, -1):
            span = tokens[i:i + size]
            options = self.table.get(tuple(t.norm for t in span))
            for exact, glued, payload in options or ():
                if exact is not None and exact != tuple(t.text for t in span):
                    continue
                if all(a.end == b.start for (a, b), g in zip(zip(span, span[1:]), glued) if g):
                    return i + size, payload
        return None


def _values(section, path) -> dict:
    """{value: [forms]} -> {folded form: value}."""
    out = {}
    for value, forms in (section or {}).items():
        if not isinstance(forms, list):
            raise LanguageDataError("E301", path=path, reason=f"{value}: expected a list of forms")
        for form in forms:
            out[fold(str(form))] = float(value)
    return out


def _fold_set(forms) -> frozenset:
    return frozenset(fold(str(f)) for f in forms or ())


def _phrases(forms, payload=None) -> Phrases:
    table = Phrases()
    for form in forms or ():
        table.add(form, form if payload is None else payload)
    return table


@dataclass
class NumberLexicon:
    """Everything the number reader needs for one language, as lookup tables."""

    lang: str
    usual_decimal: str | None
    cardinals: dict
    weak_one: frozenset
    one_before_unit: frozenset
    hundred: frozenset
    multipliers: dict
    digit_suffixes: dict
    dozen: frozenset
    and_words: frozenset
    mixed: frozenset
    decimal_point: frozenset
    negative: frozenset
    over: frozenset
    ratio: Phrases
    den_singular: dict
    den_plural: dict
    compound_singular: dict
    compound_plural: dict
    partitive_singular: tuple
    partitive_plural: tuple
    power_singular: dict
    power_plural: dict
    glue: tuple
    stem_endings: tuple
    half_nouns: frozenset
    half_words: frozenset
    partitive_nouns: frozenset
    fraction_of: Phrases
    ordinals: dict
    approx: Phrases
    bounds: Phrases
    bounds_after: Phrases
    articles: frozenset
    bound_join: frozenset
    ranges: dict
    range_join: frozenset
    vague: dict
    round_nouns: dict
    several: Phrases
    vague_link: frozenset
    months: Phrases
    day_link: frozenset
    year_before: Phrases
    time_before: Phrases
    time_after: Phrases
    units: Phrases
    minor_units: Phrases
    percent: Phrases
    percent_before: Phrases
    compound_units: dict
    unit_link: frozenset
    unit_modifiers: frozenset
    opening: frozenset = frozenset()  # words that may open a quantity, see starters()


def _kinded(section: dict, kind: str, table: Phrases, exact: frozenset) -> None:
    for key, forms in (section or {}).items():
        for form in forms:
            table.add(form, (kind, str(key)), exact=str(form) in exact)


def _unit_tables(units: dict) -> dict:
    exact = frozenset(str(f) for f in units.get("case_sensitive") or ())
    table = Phrases()
    for kind in ("currency", "dimension", "temperature", "age", "counted"):
        _kinded(units.get(kind), kind, table, exact)
    for key, forms in (units.get("currency_millions") or {}).items():
        for form in forms:
            table.add(form, ("currency_millions", str(key)), exact=True)
    minor = Phrases()
    _kinded(units.get("currency_minor"), "minor", minor, exact)
    compound = {}
    for major, spec in (units.get("compound") or {}).items():
        compound[str(major)] = (float(spec["per"]), _phrases(spec.get("minor"), "minor"))
    return {"units": table, "minor_units": minor,
            "percent": _phrases(units.get("percent"), ("percent", "percent")),
            "percent_before": _phrases(units.get("percent_before"), ("percent", "percent")),
            "compound_units": compound, "unit_link": _fold_set(units.get("unit_link")),
            "unit_modifiers": _fold_set(units.get("unit_modifiers"))}


def _bound_tables(data: dict) -> dict:
    bounds, after = Phrases(), Phrases()
    for kind, forms in (data.get("bounds") or {}).items():
        for form in forms:
            bounds.add(form, kind)
    for kind, forms in (data.get("bounds_after") or {}).items():
        for form in forms:
            after.add(form, kind)
    ranges = {fold(k): _fold_set(v) for k, v in (data.get("ranges") or {}).items()}
    return {"bounds": bounds, "bounds_after": after, "ranges": ranges,
            "approx": _phrases(data.get("approx"), "approx"),
            "articles": _fold_set(data.get("articles")),
            "bound_join": _fold_set(data.get("bound_join")),
            "range_join": _fold_set(data.get("range_join")),
            "vague": _values(data.get("vague"), "vague"),
            "round_nouns": _values(data.get("round_nouns"), "round_nouns"),
            "several": _phrases(data.get("several")),
            "vague_link": _fold_set(data.get("vague_link"))}


def _fraction_tables(data: dict, path) -> dict:
    den = data.get("denominators") or {}
    comp = data.get("compound_denominators") or {}
    part = data.get("partitive_suffixes") or {}
    power = data.get("power_partitives") or {}
    by_length = lambda forms: tuple(sorted(_fold_set(forms), key=len, reverse=True))  # noqa: E731
    return {"den_singular": _values(den.get("singular"), path),
            "den_plural": _values(den.get("plural"), path),
            "compound_singular": _values(comp.get("singular"), path),
            "compound_plural": _values(comp.get("plural"), path),
            "partitive_singular": by_length(part.get("singular")),
            "partitive_plural": by_length(part.get("plural")),
            "power_singular": _values(power.get("singular"), path),
            "power_plural": _values(power.get("plural"), path),
            "glue": tuple(_fold_set(data.get("glue"))),
            "stem_endings": tuple(_fold_set(data.get("stem_endings"))),
            "fraction_of": _phrases(data.get("fraction_of"))}


def starters(lex: NumberLexicon) -> frozenset:
    """Folded words and signs that may open a quantity (besides digits and partitives)."""
    words = set(lex.cardinals) | lex.weak_one | lex.hundred | set(lex.multipliers) | lex.dozen
    words |= set(lex.vague) | set(lex.round_nouns) | lex.half_nouns | lex.half_words | lex.negative
    words |= set(lex.den_singular) | set(lex.den_plural) | set(lex.ranges)
    for phrases in (lex.approx, lex.bounds, lex.units, lex.percent_before, lex.several):
        words |= phrases.first
    return frozenset(words | {"-", "−", "–"})


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> NumberLexicon:
    """Build the lexicon of `lang` from its numbers.yaml and units.yaml.

    Args:
        lang: ISO 639-1 code with data files under cronica/lang/.
    Returns:
        NumberLexicon.
    """
    data, units = load(lang, "numbers"), load(lang, "units")
    if not data:
        raise LanguageDataError("E302", lang=lang)
    path = f"lang/{lang}/numbers.yaml"
    dates = data.get("dates") or {}
    suffixes = {str(f): float(v) for v, forms in (data.get("digit_suffixes") or {}).items() for f in forms}
    lexicon = NumberLexicon(
        lang=lang, usual_decimal=data.get("usual_decimal_mark"), cardinals=_values(data.get("cardinals"), path),
        weak_one=_fold_set(data.get("weak_one")), one_before_unit=_fold_set(data.get("one_before_unit")),
        hundred=_fold_set(data.get("hundred")),
        multipliers=_values(data.get("multipliers"), path), digit_suffixes=suffixes,
        dozen=_fold_set(data.get("dozen")), and_words=_fold_set(data.get("and")),
        mixed=_fold_set(data.get("mixed")), decimal_point=_fold_set(data.get("decimal_point")),
        negative=_fold_set(data.get("negative")), over=_fold_set(data.get("over")),
        ratio=_phrases(data.get("ratio")), half_nouns=_fold_set(data.get("half_nouns")),
        half_words=_fold_set(data.get("half_words")),
        partitive_nouns=_fold_set(data.get("partitive_nouns")), ordinals=_values(data.get("ordinals"), path),
        months=_phrases(dates.get("months")), day_link=_fold_set(dates.get("day_link")),
        year_before=_phrases(dates.get("year_before")), time_before=_phrases(dates.get("time_before")),
        time_after=_phrases(dates.get("time_after")),
        **_fraction_tables(data, path), **_bound_tables(data), **_unit_tables(units))
    lexicon.opening = starters(lexicon)
    return lexicon
