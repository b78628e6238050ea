"""Time lexicon: a language's `time.yaml` turned into word classes and compiled templates.

Surface forms map to canonical keys (month 7, weekday 4, unit "week", relative
"last", ...). Matching runs on a folded copy of the text (lower case, accents
removed, same length), so offsets found there are offsets into the article.
Templates name word classes as `<month>`, `<day2>`, ...; each becomes a named
group whose canonical value the resolver reads back with `Lexicon.value`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import LanguageDataError
from ..lang.loader import LANG_DIR, load

_WORD_CLASSES = {  # placeholder class -> YAML section holding its surface forms
    "month": "months", "weekday": "weekdays", "season": "seasons", "unit": "units",
    "rel": "relative", "relday": "relative_days", "part": "parts", "sunit": "units_singular",
    "holiday": "holidays", "decade": "decades",
}
_DIGIT_CLASSES = {
    "dnum": r"(?:0?[1-9]|[12]\d|3[01])", "mnum": r"(?:0?[1-9]|1[0-2])",
    "yyyy": r"(?:1[0-9]\d\d|2[01]\d\d)", "yy": r"(?:1[0-9]\d\d|2[01]\d\d|'?\d\d)",
    "mm": r"(?:0[1-9]|1[0-2])", "dd": r"(?:0[1-9]|[12]\d|3[01])", "qnum": r"[1-4]", "hnum": r"[12]",
    "roman": r"(?:x{0,2}(?:ix|iv|v?i{0,3}))",
}


class _FoldTable(dict):
    """`str.translate` table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0] if ch.isalpha() else ch
        low = base.lower()
        self[code] = low if len(low) == 1 else ch
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping its length (one char per char)."""
    return text.translate(_FOLD_TABLE)


def _alternation(forms) -> str:
    """Regex alternation of surface forms, longest first, spaces flexible."""
    uniq = sorted({fold(str(f)) for f in forms}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(w) for w in f.split()) for f in uniq]
    return "(?:" + "|".join(parts) + ")"


@dataclass
class Lexicon:
    """Word classes and compiled templates of one language."""

    lang: str
    data: dict
    forms: dict = field(default_factory=dict)      # class -> {folded form: key}
    classes: dict = field(default_factory=dict)    # class -> regex
    patterns: list = field(default_factory=list)   # (rule, WordStartPattern)
    connectors: dict = field(default_factory=dict)  # name -> compiled fullmatch regex
    prefixes: list = field(default_factory=list)   # (key, compiled regex ending at $)
    future: list = field(default_factory=list)
    past: list = field(default_factory=list)
    needs_number: set = field(default_factory=set)
    needs_cue: set = field(default_factory=set)
    needs_capital: set = field(default_factory=set)

    def folded(self, key: str) -> frozenset:
        """The words of the data list `key` ("year_cues"), folded; computed once."""
        cache = self.__dict__.setdefault("_folded", {})
        if key not in cache:
            cache[key] = frozenset(fold(str(w)) for w in self.data.get(key) or [])
        return cache[key]

    def value(self, cls: str, text: str):
        """Canonical key of a surface form of word class `cls` (None when unknown)."""
        return self.forms.get(cls, {}).get(re.sub(r"\s+", " ", text.strip()))


def _number_words(data) -> tuple[dict, str]:
    """Number words and the regex of a run of them; a joiner ("y", "and") may only
    follow the values listed under `joiner_after` ("treinta y uno", "hundred and five")."""
    words = {}
    for key, forms in (data.get("numbers") or {}).items():
        for f in forms:
            words[fold(f)] = int(key)
    word = _alternation(words)
    joiners = [fold(j) for j in data.get("number_joiners") or []]
    after = {int(v) for v in data.get("joiner_after") or []}
    heads = [w for w, v in words.items() if v in after]
    unit = word
    if joiners and heads:
        joined = _alternation(heads) + r"\s+" + _alternation(joiners) + r"\s+" + word
        unit = f"(?:{joined}|{word})"
    return words, rf"(?:{unit}(?:[\s-]+{unit}){{0,5}})"  # bounded: a year takes at most six words


def _day_words(data) -> str:
    """One or two number words (with a joiner) up to 31: "diez", "twenty five", "treinta y uno"."""
    words = {fold(f): int(k) for k, forms in (data.get("numbers") or {}).items() for f in forms if int(k) <= 31}
    tens = _alternation([w for w, v in words.items() if v in (20, 30)])
    units = _alternation([w for w, v in words.items() if 1 <= v <= 9])
    joiners = [fold(j) for j in data.get("number_joiners") or []]
    join = r"[\s-]+(?:" + _alternation(joiners) + r"\s+)?" if joiners else r"[\s-]+"
    return f"(?:{tens}{join}{units}|{_alternation(words)})"


def _ordinal_class(data, number_re: str) -> tuple[dict, str]:
    """Ordinal words and the regex of an ordinal: "3rd", "3ª", "tercera", "twenty first"."""
    words = {}
    for key, forms in (data.get("ordinals") or {}).items():
        for f in forms:
            words[fold(f)] = int(key)
    suffix = data.get("ordinal_suffix") or ""
    alt = _alternation(words)
    return words, rf"(?:\d{{1,2}}{suffix}|(?:{number_re}[\s-]+)?{alt})"


def _build_classes(lex: Lexicon) -> None:
    """Fill `lex.forms` (surface form -> key) and `lex.classes` (class -> regex) from the data."""
    data = lex.data
    for cls, section in _WORD_CLASSES.items():
        table = {}
        for key, forms in (data.get(section) or {}).items():
            for f in forms:
                table[fold(f)] = key
        lex.forms[cls] = table
        lex.classes[cls] = _alternation(table) if table else r"(?!x)x"
    lex.forms["now"] = {fold(f): "now" for f in data.get("now") or []}
    lex.classes["now"] = _alternation(lex.forms["now"]) if lex.forms["now"] else r"(?!x)x"
    numbers, numword = _number_words(data)
    dayword = _day_words(data)
    lex.forms["number"] = numbers
    ordinals, ordinal = _ordinal_class(data, numword)
    lex.forms["ordinal"] = ordinals
    one = data.get("article_one") or []
    lex.forms["one"] = {fold(f): 1 for f in one}
    extra = "|" + _alternation(one) if one else ""
    lex.classes.update(_DIGIT_CLASSES)
    lex.classes["numword"] = numword
    lex.classes["num"] = rf"(?:\d{{1,4}}|{numword}{extra})"
    lex.classes["ord"] = ordinal
    lex.classes["day"] = rf"(?:(?:0?[1-9]|[12]\d|3[01])(?:{data.get('ordinal_suffix') or ''})?|{ordinal}|{dayword})"
    lex.classes["numyear"] = numword
    lex.classes["year"] = rf"(?:1[0-9]\d\d|2[01]\d\d|{numword})"


_PLACEHOLDER = re.compile(r"(?<!\?P)<([a-z]+?)(\d?)>")


def _expand(lex: Lexicon, template: str, path) -> str:
    macros = lex.data.get("macros") or {}

    def sub(m):
        name, idx = m.group(1), m.group(2)
        if name in macros:
            return macros[name]
        if name not in lex.classes:
            raise LanguageDataError("E301", path=path, reason=f"unknown class <{name}> in '{template}'")
        return f"(?P<{name}{idx or ''}>{lex.classes[name]})"
    plain = "".join(unicodedata.normalize("NFD", ch)[0] if ch.isalpha() else ch for ch in template)
    body = _PLACEHOLDER.sub(sub, plain).replace(" ?", r"\s*").replace(" ", r"\s+")
    return _WORD_START + body + r"(?![^\W_])"


_WORD_START = r"(?<![^\W_])"


class WordStartPattern:
    """A template compiled twice: as written (`(?<![^\W_])` + body), and with a consumed
    non-alphanumeric character in place of the lookbehind, which `re` scans for quickly
    instead of trying the whole template at every character. `search` finds the same
    leftmost match as the template's own `search`."""

    def __init__(self, regex: str):
        self.regex = re.compile(regex)
        self.pattern = self.regex.pattern
        body = regex[len(_WORD_START):] if regex.startswith(_WORD_START) else None
        self._after_gap = re.compile(r"[\W_]" + body) if body is not None else None

    def search(self, string: str, pos: int = 0):
        if self._after_gap is None:
            return self.regex.search(string, pos)
        if pos <= 0:
            m = self.regex.match(string, 0)
            if m is not None:
                return m
        gap = self._after_gap.search(string, max(pos - 1, 0))
        if gap is None:
            return None
        return self.regex.match(string, gap.start() + 1) or self.regex.search(string, gap.start() + 1)

    def __getattr__(self, name):
        return getattr(self.regex, name)


def _connector(forms) -> re.Pattern:
    return re.compile(r"\s*" + _alternation(forms) + r"\s*") if forms else re.compile(r"(?!x)x")


def _build_patterns(lex: Lexicon, path) -> None:
    for rule, templates in (lex.data.get("patterns") or {}).items():
        for template in templates:
            try:
                lex.patterns.append((rule, WordStartPattern(_expand(lex, template, path))))
            except re.error as e:
                raise LanguageDataError("E301", path=path, reason=f"bad template '{template}': {e}") from e
    for name, forms in (lex.data.get("connectors") or {}).items():
        lex.connectors[name] = _connector(forms)
    tail = lex.data.get("prefix_tail") or ""
    for key, forms in (lex.data.get("prefixes") or {}).items():
        lex.prefixes.append((key, re.compile(r"(?:^|(?<=[^\w]))" + _alternation(forms) + tail + r"\s*$")))
    # tense cues keep their accents ("será" is future, "sera" is not a word)
    lex.future = [re.compile(p.lower()) for p in (lex.data.get("tense") or {}).get("future") or []]
    lex.past = [re.compile(p.lower()) for p in (lex.data.get("tense") or {}).get("past") or []]
    lex.needs_number = {fold(w) for w in lex.data.get("needs_number") or []}
    lex.needs_cue = {fold(w) for w in lex.data.get("needs_cue") or []}
    lex.needs_capital = {fold(w) for w in lex.data.get("needs_capital") or []}


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon | None:
    """Build (once) the time lexicon of `lang`; None when the language has no time.yaml.

    Args:
        lang: ISO 639-1 code.
    Returns:
        Lexicon, or None.
    """
    data = load(lang, "time") if lang else {}
    if not data:
        return None
    lex = Lexicon(lang, data)
    _build_classes(lex)
    _build_patterns(lex, LANG_DIR / lang / "time.yaml")
    return lex
