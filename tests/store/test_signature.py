"""Lead signatures: what a Spanish translation and its English original share in canonical form."""
from __future__ import annotations

import pytest

from cronica.store.signature import key_atom, key_weight, lead_end, lead_sentences, make_signature

PAIRS = {"tillerson-fox": 0, "tillerson-breitbart": 1, "hagel-cnn": 2}


@pytest.mark.parametrize("key, atom", [
    ("norp:RUS", "RUS"),  # a nationality is its country
    ("org:sewol", "sewol"),  # the two languages' models may type a name differently
    ("person:rex-tillerson", "rex-tillerson"),
    ("org:army:THA", "org:army:THA"),  # a kind of actor of a country keeps its kind
    ("KOR", "KOR"),
])
def test_signature_key_atom_drops_what_languages_disagree_on(key, atom):
    assert key_atom(key) == atom


@pytest.mark.parametrize("atom, weight", [("KOR", 1.0), ("org:army:THA", 1.5), ("rex-tillerson", 2.0)])
def test_signature_key_weight_counts_names_above_countries(atom, weight):
    assert key_weight(atom) == weight


@pytest.mark.parametrize("text", [
    "Un terremoto de magnitud 7,3 sacudió Nepal el martes. " * 40,
    "A magnitude-7.3 earthquake struck Nepal on Tuesday.\n" * 40,
])
def test_signature_lead_ends_at_a_sentence_end(text):
    end = lead_end(text, 300)
    assert 300 <= end < len(text) and text[:end].rstrip()[-1] == "."


@pytest.mark.parametrize("lead, count", [
    ("Otro potente terremoto sacude Nepal\nUn terremoto de magnitud 7,3 sacudió Nepal el martes. "
     "Más de 1.000 personas resultaron heridas.\nFoto: AP", 3),
])
def test_signature_lead_sentences_skip_credit_lines(lead, count):
    sentences = lead_sentences(lead)
    assert len(sentences) == count and sentences[0].startswith("Otro potente")


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS)
def test_signature_translation_shares_keys_with_original(xlang_records, xlang_cases, pair):
    spanish, english = (make_signature(xlang_records[i]) for i in xlang_cases["pairs"][pair])
    shared = set(spanish.keys) & set(english.keys)
    assert any(key_weight(k) >= 2.0 for k in shared)  # a named person or organisation, not a country only
    assert spanish.day == english.day and spanish.lang != english.lang


@pytest.mark.parametrize("pair", [PAIRS["hagel-cnn"]], ids=["hagel-cnn"])
def test_signature_translation_reports_the_same_figures(xlang_records, xlang_cases, pair):
    spanish, english = (make_signature(xlang_records[i]) for i in xlang_cases["pairs"][pair])
    assert {58.0, 40.0, 60.0} <= set(spanish.numbers) & set(english.numbers)  # the Senate vote, in words and digits
