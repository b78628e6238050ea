"""Mentions: repaired model spans, gazetteer places and demonyms, masked names."""
import pytest

from cronica.model import Article, Sentence


def _mentions(pipeline, text, lang):
    """Run the pipeline up to the mentions layer."""
    article = Article(text=text, lang=lang)
    for name, step in pipeline._steps:
        article = step(article)
        if name == "cronica.mentions.v1":
            return article
    raise AssertionError("no mentions layer in the pipeline")


@pytest.mark.parametrize("text, lang, form, kind", [
    ("Los soldados norcoreanos lucharon junto a las fuerzas rusas en la región de Kursk.", "es", "norcoreanos", "NORP"),
    ("Lavrov visitó por última vez Corea del Norte en junio de 2024.", "es", "Corea del Norte", "GPE"),
    ("Pyongyang y Moscú negaron la participación de Corea del Norte en la guerra.", "es", "Moscú", "GPE"),
    ("Officials in Seoul said the missile flew for about 18 miles.", "en", "Seoul", "GPE"),
])
def test_entities_mentions_gazetteer_places_typed(pipeline, text, lang, form, kind):
    article = _mentions(pipeline, text, lang)
    assert any(m.text == form and m.type == kind for m in article.mentions)


@pytest.mark.parametrize("text, lang", [
    ("La agencia oficial de noticias coreanas de Corea del Norte dijo que Lavrov fue invitado.", "es"),
    ("El anuncio de Corea del Norte se produjo cuando Lavrov se dirigía a Malasia.", "es"),
    ("Una evaluación de la agencia de espionaje de Corea del Sur dijo que el despacho tendrá lugar en julio.", "es"),
])
def test_entities_mentions_no_lowercase_words_inside_names(pipeline, text, lang):
    article = _mentions(pipeline, text, lang)
    for m in article.mentions:
        inner = [w for w in m.text.split() if w[:1].islower() and w not in ("de", "del", "la", "las", "los", "y")]
        assert m.type == "NORP" or not inner, m


@pytest.mark.parametrize("text, lang", [("Sergey Lavrov llegó a Pyongyang el viernes, según la agencia.", "es")])
def test_entities_mentions_leading_article_trimmed(pipeline, text, lang):
    article = _mentions(pipeline, "Según el Sergey Lavrov, " + text, lang)
    assert not any(m.text.lower().startswith(("el ", "la ", "según ")) for m in article.mentions)


@pytest.mark.parametrize("text, lang, masked", [
    ("SEOUL: ©© viajará a Corea del Norte para una visita de tres días a partir del viernes.", "es", "©©"),
    ("MOSCOW — ## will travel to North Korea for a three-day visit starting on Friday.", "en", "##"),
])
def test_entities_mentions_masked_name_flagged(pipeline, text, lang, masked):
    article = _mentions(pipeline, text, lang)
    flags = [f for f in article.flags if f.kind == "masked_mention"]
    assert [(f.text, article.text[f.start:f.end]) for f in flags] == [(masked, masked)]


@pytest.mark.parametrize("text, lang", [("Las exportaciones crecieron un 5 % ... y el © del diario se mantuvo.", "es")])
def test_entities_mentions_symbols_in_running_text_not_masked(pipeline, text, lang):
    article = _mentions(pipeline, text, lang)
    assert not [f for f in article.flags if f.kind == "masked_mention"]
