"""Linking and name matching: canonical keys, romanisation variants, short names."""
import pytest

from cronica.extract.coref import name_fits
from cronica.extract.linking import load_gazetteer, lookup, person_key, place_country, skeleton


@pytest.mark.parametrize("lang, form, key, country", [
    ("es", "Rusia", "RUS", "RUS"), ("en", "Russia", "RUS", "RUS"),
    ("es", "Moscú", "RUS", "RUS"), ("en", "Moscow", "RUS", "RUS"),
    ("es", "Corea del Norte", "PRK", "PRK"), ("en", "North Korea", "PRK", "PRK"),
    ("es", "Pyongyang", "PRK", "PRK"), ("es", "EE.UU.", "USA", "USA"),
    ("es", "surcoreanos", "norp:KOR", "KOR"), ("en", "South Korean", "norp:KOR", "KOR"),
    ("es", "maltesas", "norp:MLT", "MLT"), ("es", "somalíes", "norp:SOM", "SOM"),
    ("es", "bareiní", "norp:BHR", "BHR"), ("es", "malgaches", "norp:MDG", "MDG"),
    ("es", "Kremlin", "org:kremlin", "RUS"),
])
def test_entities_linking_forms_share_keys_across_languages(lang, form, key, country):
    link = lookup(load_gazetteer(lang), form)
    assert (link.key, link.country) == (key, country)


@pytest.mark.parametrize("lang, form", [("es", "Norte"), ("en", "Minister"), ("es", "ministro")])
def test_entities_linking_common_words_unlinked(lang, form):
    assert lookup(load_gazetteer(lang), form) is None


@pytest.mark.parametrize("lang, form, country", [
    ("es", "Morelos", "MEX"), ("en", "Palawan", "PHL"), ("en", "Texas", "USA"),
    ("es", "Gaza", "PSE"),  # a town keeps its name over a Mozambican province
    ("es", "Andalucía", "ESP"), ("en", "Arizona", "USA"),  # a region over a small foreign town
    ("en", "Bari", "ITA"),  # a city of 300,000 over a Somali region
    ("en", "Montreal", "CAN"), ("es", "Bogota", "COL"),  # a city under any accenting
    ("es", "Norte", None), ("en", "North", None),  # common words are no regions
    # both halves of a bilingual ISO 3166-2 name ("Catalunya [Cataluña]", "Wales [Cymru GB-CYM]")
    ("es", "Cataluña", "ESP"), ("en", "Catalunya", "ESP"), ("en", "Wales", "GBR"),
    ("en", "Asia", None), ("es", "Este", None),  # a continent, a common word: no town's name
])
def test_entities_linking_regions_give_their_country(lang, form, country):
    assert place_country(load_gazetteer(lang), form) == country


@pytest.mark.parametrize("lang, form", [("en", "SEOUL"), ("es", "MOSCÚ")])
def test_entities_linking_dateline_capitals(lang, form):
    assert lookup(load_gazetteer(lang), form).kind == "capital"


@pytest.mark.parametrize("a, b", [("Serguéi Lavrov", "Sergey Lavrov"), ("Sergei Lavrov", "Sergey Lavrov"),
                                  ("Volodímir Zelenski", "Volodymyr Zelensky"), ("Kim Jong-un", "Kim Jong Un"),
                                  ("Mijaíl Gorbachov", "Mijail Gorbachov")])
def test_entities_linking_romanisations_share_person_key(a, b):
    assert person_key(a) == person_key(b) and skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [("Donald J. Trump", "Donald Trump"), ("George W. Bush", "George Bush")])
def test_entities_linking_middle_initial_shares_person_key(a, b):
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize("short, full, fits", [
    ("Lavrov", "Sergey Lavrov", True), ("Kim", "Kim Jong Un", True), ("Serguéi Lavrov", "Sergey Lavrov", True),
    ("Jong", "Kim Jong Un", False), ("Sergei Shoigu", "Sergey Lavrov", False), ("Ivan Lavrov", "Sergey Lavrov", False),
    # a middle initial is no part of the match
    ("Donald Trump", "Donald J. Trump", True), ("George Bush", "George W. Bush", True),
    ("Jeb Bush", "George W. Bush", False),
])
def test_entities_linking_short_name_fits_full_name(short, full, fits):
    assert name_fits(short, full) is fits
