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
