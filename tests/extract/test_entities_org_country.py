"""An organisation's country from a place or demonym inside its name (a spot's from the town
that ends its name), and names of seas that no country owns."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _entities(pipeline, text: str, lang: str) -> dict:
    article = pipeline(Article(text=text, lang=lang, published="2015-08-17"))
    return {e.name: e for e in article.entities}


@pytest.mark.parametrize("lang, text, name, country", [
    ("en", "The Bangkok Post, citing the Royal Thai Police, put the death toll at 19.", "Royal Thai Police", "THA"),
    ("en", "The Bangkok Post, citing the Royal Thai Police, put the death toll at 19.", "Bangkok Post", "THA"),
    ("es", "Los supuestos agresores resultaron ser todos menores de edad, de nacionalidad marroquí y residentes en "
           "un centro bajo la tutela de la Junta de Andalucía.", "Junta de Andalucía", "ESP"),
    # a spot in a town takes the town's country, as an organisation does
    ("es", "El vídeo muestra imágenes de los atentados del 17 de agosto de 2017 en las Ramblas de Barcelona.",
     "Ramblas de Barcelona", "ESP"),
])
def test_entities_org_takes_the_country_named_inside(pipeline, lang, text, name, country):
    assert _entities(pipeline, text, lang)[name].country == country


@pytest.mark.parametrize("text", [
    "The Pentagon reached a deal Saturday with the Chinese to turn over a Navy research drone a Chinese crew "
    "removed Thursday from the South China Sea.",
])
def test_entities_sea_is_no_countrys_body(pipeline, text):
    found = [e for e in _entities(pipeline, text, "en").values() if "South China Sea" in e.name]
    assert found and all(e.country != "CHN" for e in found)


@pytest.mark.parametrize("lang, text, name", [
    ("en", "Pope Francis arrived in South Korea on Thursday for his first visit to Asia.", "Francis"),
    ("es", "El papa Francisco recibió a los niños del Hospital Infantil de México en el Vaticano.", "Francisco"),
])
def test_entities_pope_acts_for_the_holy_see(pipeline, lang, text, name):
    assert _entities(pipeline, text, lang)[name].country == "VAT"

