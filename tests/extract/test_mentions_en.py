"""English gazetteer mentions next to other capitalised words."""
from __future__ import annotations

import pytest

from cronica.model import Article


@pytest.mark.parametrize("text, leader, country", [
    ("Pakistan Prime Minister Imran Khan said in an address to Parliament on Tuesday night that he feared war.",
     "Imran Khan", "PAK"),
    ("Israel Defense Minister Moshe Yaalon visited the border on Monday.", "Moshe Yaalon", "ISR"),
])
def test_mentions_en_country_before_title_names_the_leaders_country(pipeline, text, leader, country):
    article = pipeline(Article(text=text, lang="en", published="2019-08-07"))
    assert any(e.name == leader and e.country == country for e in article.entities)


@pytest.mark.parametrize("lang, text, person", [
    ("en", "Saudi Arabian Foreign Minister Adel al-Jubeir - infuriated by Canada’s demand last week that jailed "
           "rights activists be released immediately - said earlier on Wednesday that there was no room for "
           "mediation.", "Adel al-Jubeir"),
    ("es", "El primer ministro de Bahréin, el príncipe Khalifa Bin Salman al Khalifa, ha muerto a los 84 años, "
           "según ha anunciado una nota del Palacio Real.", "Khalifa Bin Salman al Khalifa"),
    ("es", "Karam al-Nasri es un joven fotógrafo y videasta sirio de 28 años, oriundo de Alepo.", "Karam al-Nasri"),
])
def test_mentions_person_name_goes_on_through_particles(pipeline, lang, text, person):
    article = pipeline(Article(text=text, lang=lang, published="2018-08-09"))
    assert person in {m.text for m in article.mentions if m.type == "PERSON"}
    assert not any(m.type != "PERSON" and m.text in person for m in article.mentions)


def test_mentions_en_short_demonym_gives_the_ministers_country(pipeline):
    text = "Saudi Foreign Minister Adel al-Jubeir said the kingdom was still considering additional measures."
    article = pipeline(Article(text=text, lang="en", published="2018-08-09"))
    assert any(e.name == "Adel al-Jubeir" and e.country == "SAU" for e in article.entities)
