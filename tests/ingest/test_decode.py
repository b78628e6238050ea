"""Decoding: declared, UTF-8, legacy Western pages, damaged UTF-8, double-encoded text."""
from __future__ import annotations

import pytest

from cronica.errors import InputError
from cronica.ingest.decode import charset_from_content_type, decode_text, repair_mojibake

SENTENCES = ["El Gobierno de España anunció el miércoles que la reunión será en Bruselas.",
             "Sánchez afirmó que «la negociación sigue abierta» tras el año más difícil."]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1", "windows-1252"])
def test_decode_utf8_wins_over_a_latin_declaration(text, declared):
    assert decode_text(text.encode("utf-8"), "page.html", declared=declared) == text


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("declared", [None, "iso-8859-1", "windows-1252"])
def test_decode_windows_1252_without_mojibake(text, declared):
    assert decode_text(text.encode("cp1252"), "page.html", declared=declared) == text


@pytest.mark.parametrize("text", SENTENCES)
def test_decode_bom_decides(text):
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == text
    assert decode_text(text.encode("utf-16"), "a.txt") == text


@pytest.mark.parametrize("text", SENTENCES)
def test_decode_damaged_utf8_is_e116(text):
    data = text.encode("utf-8")
    with pytest.raises(InputError) as info:
        decode_text(data[:20] + b"\xff" + data[20:], "nota.txt")
    assert info.value.code == "E116" and "nota.txt" in str(info.value)


@pytest.mark.parametrize("text", SENTENCES)
def test_decode_double_encoded_text_is_repaired(text):
    broken = text.encode("utf-8").decode("cp1252")
    assert broken != text
    assert repair_mojibake(broken) == text


@pytest.mark.parametrize("text", SENTENCES + ["«Sí», dijo. ¿Qué pasó? 1º y 2ª fila, café–bar…"])
def test_decode_repair_leaves_clean_text_alone(text):
    assert repair_mojibake(text) == text


@pytest.mark.parametrize("header,expected", [
    ("text/html; charset=ISO-8859-1", "ISO-8859-1"), ('text/html;charset="utf-8"', "utf-8"),
    ("text/html", None), ("", None)])
def test_decode_charset_from_content_type(header, expected):
    assert charset_from_content_type(header) == expected
