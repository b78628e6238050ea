"""Numbers as written with digits: tokens, literals and an article's separator habits.

Language-neutral. A literal such as `3.000`, `4,000`, `1.234.567,5` or `2,75` is
read by its shape first (repeated marks are thousands groups, a part of other than
three digits is decimal) and, when the shape allows both readings (`4,000`), by what
the rest of the article proves about each mark (`NumberConvention`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_DIGITS = "0123456789"
_LITERAL = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_SCIENTIFIC = re.compile(r"[0-9]{1,20}(?:[.,][0-9]{1,20})?[eE][+-]?[0-9]{1,2}(?![\w])")  # finite floats only
_SPACE_GROUP = re.compile(r"[ \u00a0\u202f][0-9]{3}(?![0-9])")
_SPACE_DECIMAL = re.compile(r"[.,][0-9]+(?![0-9.,])")
_LEADING_DECIMAL = re.compile(r"[.,][0-9]+(?![.,]?[0-9])")
_PLAIN = re.compile(r"[0-9]+")
_SPACED_MARK = re.compile(r" ([.,]) ([0-9]+)(?![0-9]|[.,][0-9]| [.,] [0-9])")
_WORD = re.compile(r"[^\W\d_]+")
_SPACES = " \u00a0\u202f"
MAX_DIGITS = 60  # longer digit runs are read as text, not as numbers (no huge floats)


@dataclass(slots=True)
class Token:
    """One token of the text: a number literal, a word or a symbol."""

    text: str
    start: int
    end: int
    norm: str
    kind: str  # num, word, sym


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case `text` and drop its accents ("Millón" -> "millon"); cached: words recur."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def tokenize(text: str) -> list[Token]:
    """Split `text` into number literals, words and single symbols.

    Args:
        text: any text.
    Returns:
        tokens in text order, with character offsets.
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        end, kind = _scan(text, i)
        piece = text[i:end]
        tokens.append(Token(piece, i, end, fold(piece), kind))
        i = end
    return tokens


def _scan(text: str, i: int) -> tuple[int, str]:
    c = text[i]
    if c in _DIGITS:
        after_list = i > 1 and text[i - 1] in ".," and text[i - 2] in _DIGITS
        end = _PLAIN.match(text, i).end() if after_list else scan_literal(text, i)
        digits = sum(ch in _DIGITS for ch in text[i:end])
        return end, ("num" if digits <= MAX_DIGITS else "sym")
    if c in ".," and (i == 0 or text[i - 1].isspace() or text[i - 1] in "(-$"):
        m = _LEADING_DECIMAL.match(text, i)
        if m:
            return m.end(), "num"
    m = _WORD.match(text, i)
    if m:
        return m.end(), "word"
    return i + 1, "sym"


def scan_literal(text: str, i: int) -> int:
    """Return the end of the digit literal that starts at `i`."""
    m = _SCIENTIFIC.match(text, i)
    if m:
        return m.end()
    literal = valid_prefix(_LITERAL.match(text, i).group())
    end = i + len(literal)
    spaced = _SPACED_MARK.match(text, end)
    if spaced and literal.isdigit() and (spaced.group(1) == "." or len(spaced.group(2)) == 3):
        return spaced.end()  # tokenized newswire: "0 . 6 %", "80 , 000 spectators"
    if literal.isdigit() and len(literal) <= 3:
        j = end
        while (g := _SPACE_GROUP.match(text, j)):
            j = g.end()
        if j > end:
            d = _SPACE_DECIMAL.match(text, j)
            end = d.end() if d else j
    return end


def _split(literal: str) -> tuple[list[str], list[str]]:
    parts = re.split(r"([.,])", literal)
    return parts[0::2], parts[1::2]


def _is_grouped(groups: list[str], marks: list[str]) -> bool:
    """Are these digits grouped in thousands (optionally with a decimal part in the other mark)?"""
    mark = marks[0]
    if marks[-1] != mark:
        groups, marks = groups[:-1], marks[:-1]
    if any(m != mark for m in marks) or not 1 <= len(groups[0]) <= 3:
        return False
    rest = groups[1:]
    if all(len(g) == 3 for g in rest):
        return True
    return mark == "," and len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1])  # 12,34,567


def valid_prefix(literal: str) -> str:
    """The longest readable number at the start of a run like `192.168.1.2` or `22,24,26`."""
    groups, marks = _split(literal)
    if len(marks) <= 1 or _is_grouped(groups, marks):
        return literal
    if len(set(marks)) == 1:
        return groups[0]  # a list or a version number: each part stands alone
    for k in range(len(marks) - 1, 0, -1):
        prefix = "".join(x for pair in zip(groups[:k + 1], marks[:k] + [""]) for x in pair)
        if _is_grouped(*_split(prefix)) or k == 1:
            return prefix
    return groups[0]


def classify(literal: str) -> tuple[str, str | None]:
    """Read a literal's shape: ("plain"|"thousands"|"decimal"|"both"|"ambiguous"|"spaced", mark)."""
    if any(s in literal for s in _SPACES):
        return "spaced", None
    if "e" in literal.lower():
        return "scientific", None
    groups, marks = _split(literal)
    if not marks:
        return "plain", None
    if len(set(marks)) == 2:
        return "both", marks[0]
    if len(marks) >= 2:
        return "thousands", marks[0]
    head, tail = groups
    if head == "":
        return "decimal", marks[0]
    if len(tail) != 3 or head == "0" or len(head) > 3:
        return "decimal", marks[0]
    if tail == "000":
        return "thousands", marks[0]  # nobody writes three zero decimals: "4,000" is 4000
    return "ambiguous", marks[0]


@dataclass
class NumberConvention:
    """What an article's literals prove about `.` and `,` (thousands or decimal)."""

    decimal: dict = field(default_factory=lambda: {".": 0, ",": 0})
    thousands: dict = field(default_factory=lambda: {".": 0, ",": 0})
    usual_decimal: str | None = None  # the language's own decimal mark, when it settles doubt

    def learn(self, literal: str) -> None:
        """Count what one literal proves."""
        literal = literal.replace(" . ", ".").replace(" , ", ",")
        shape, mark = classify(literal)
        if shape == "thousands":
            self.thousands[mark] += 1
        elif shape == "decimal" and mark and not literal.startswith((".", ",")):
            self.decimal[mark] += 1
        elif shape == "both":
            other = "," if mark == "." else "."
            self.thousands[mark] += 1
            self.decimal[other] += 1

    def reads_decimal(self, mark: str) -> bool:
        """Is an ambiguous `X<mark>YYY` decimal in this article? Only when everything agrees."""
        other = "," if mark == "." else "."
        if mark == self.usual_decimal and self.thousands[mark] == 0:
            return True
        return self.decimal[mark] > 0 and self.thousands[mark] == 0 and self.thousands[other] > 0


def read_literal(literal: str, convention: NumberConvention | None = None) -> tuple[float, str | None]:
    """Value of a digit literal and the mark it used for thousands (None if none).

    Args:
        literal: digits with optional `.`/`,` marks, thin-space groups or an exponent.
        convention: the article's habits, for shapes that allow both readings.
    Returns:
        (value, thousands mark).
    """
    if " . " in literal or " , " in literal:
        return read_literal(literal.replace(" ", ""), convention)
    shape, mark = classify(literal)
    if shape == "spaced":
        text = "".join(c for c in literal if c not in _SPACES)
        return float(text.replace(",", ".")), None
    if shape == "scientific":
        return float(literal.replace(",", ".")), None
    if shape == "plain":
        return float(literal), None
    if shape == "ambiguous" and convention is not None and convention.reads_decimal(mark):
        shape = "decimal"
    if shape == "decimal":
        return float(literal.replace(",", ".")), None
    other = "," if mark == "." else "."
    text = literal.replace(mark, "").replace(other, ".")
    return float(text), mark
