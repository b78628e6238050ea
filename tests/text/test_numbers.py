"""Digit literals and an article's separator habits (language-neutral)."""
from __future__ import annotations

import pytest

from cronica.text.numbers import NumberConvention, read_literal, tokenize


@pytest.mark.parametrize("literal,value,mark", [
    ("3.000", 3000, "."),
    ("4,000", 4000, ","),
    ("1.234.567,51274", 1234567.51274, "."),
    ("1,674,200.5", 1674200.5, ","),
    ("12,34,567.89", 1234567.89, ","),
    ("2,75", 2.75, None),
    ("1111,121", 1111.121, None),
    ("0,683", 0.683, None),
    ("1\u202f234\u202f567,89", 1234567.89, None),
])
def test_numbers_reads_literal_by_shape(literal, value, mark):
    assert read_literal(literal) == (pytest.approx(value), mark)


@pytest.mark.parametrize("context,literal,value", [
    (["1.234.567,5", "0,25"], "4,800", 4.8),       # the article writes 1.234,5: comma is decimal
    (["3.000"], "4,000", 4000),                    # mixed marks in one AP translation
    (["1,5", "3.000"], "4,000", 4000),             # a decimal comma elsewhere: still no 4.000
    (["1,5", "3.000"], "4,500", 4.5),              # ... but 4,500 follows the article
    ([], "4,000", 4000),
])
def test_numbers_ambiguous_literal_follows_article(context, literal, value):
    convention = NumberConvention()
    for seen in context:
        convention.learn(seen)
    assert read_literal(literal, convention)[0] == pytest.approx(value)


@pytest.mark.parametrize("text,expected", [
    ("Exercises nrs. 22,24,26,31.", ["22", "24", "26", "31"]),
    ("192.168.1.2", ["192", "168", "1", "2"]),
    ("423 0000 se reconocerán", ["423", "0000"]),
    ("40 000 es lo mismo", ["40 000"]),
    ("down 0 . 6 % to 309,381 yen", ["0 . 6", "309,381"]),
])
def test_numbers_tokenizes_literals(text, expected):
    assert [t.text for t in tokenize(text) if t.kind == "num"] == expected


@pytest.mark.parametrize("digits", [400, 5000])
def test_numbers_long_digit_runs_are_not_numbers(digits):
    assert [t.kind for t in tokenize("9" * digits)] == ["sym"]
