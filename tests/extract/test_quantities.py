"""Quantities on real inputs: the recognizers specs, the seed article and news sentences."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.extract.quantities import find_quantities, make_quantities
from cronica.model import Article, Mention

RECOGNIZERS_ES = ["rt-es-num-0007", "rt-es-num-0035", "rt-es-num-0062", "rt-es-num-0128",
                  "rt-es-num-0150", "rt-es-num-0185", "rt-es-pct-0030", "rt-es-rng-0001",
                  "rt-es-rng-0011", "rt-es-rng-0026", "rt-es-rng-0066", "rt-es-cur-0026",
                  "rt-es-cur-0032", "rt-es-cur-0102", "rt-es-cur-0118", "rt-es-dim-0014",
                  "rt-es-tmp-0022", "rt-es-num-0000-mx"]
RECOGNIZERS_EN = ["rt-en-num-0012", "rt-en-num-0102", "rt-en-num-0106", "rt-en-num-0147",
                  "rt-en-num-0173", "rt-en-num-0205", "rt-en-num-0231", "rt-en-pct-0011",
                  "rt-en-rng-0008", "rt-en-rng-0031", "rt-en-rng-0081", "rt-en-cur-0031",
                  "rt-en-cur-0096", "rt-en-cur-0170", "rt-en-dim-0062", "rt-en-dim-0067"]


@pytest.fixture(scope="module")
def recognizers(shared_data):
    """Recognizers-Text spec items by id (both languages)."""
    items = {}
    for name in ("recognizers-es.jsonl", "recognizers-en.jsonl"):
        with open(shared_data / "numbers" / name, encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                items[item["id"]] = item
    return items


@pytest.fixture(scope="module")
def lavrov(shared_root):
    """The seed article's text."""
    return (shared_root / "examples" / "lavrov-corea-del-norte.txt").read_text(encoding="utf-8")


def _covering(quantities, text):
    """The first quantity whose text overlaps `text` (the scorer's rule)."""
    want = text.strip().lower()
    return next(q for q in quantities if want in q.text.lower() or q.text.lower() in want)


@pytest.mark.parametrize("item_id", RECOGNIZERS_ES + RECOGNIZERS_EN)
def test_quantities_reads_recognizers_spec(recognizers, item_id):
    item = recognizers[item_id]
    quantities, _ = find_quantities(item["text"], item["lang"])
    for exp in item["expected"]:
        q = _covering(quantities, exp["text"])
        assert q.min == pytest.approx(exp.get("min", exp.get("value")))
        hi = exp.get("max", exp.get("value"))
        assert q.max == (None if hi is None else pytest.approx(hi))


@pytest.mark.parametrize("phrase,low,high,approx,unit", [
    ("alrededor de 10,000 a 12,000 tropas", 10000, 12000, True, "troops"),
    ("alrededor de 3.000 a 4,000 soldados", 3000, 4000, True, "soldiers"),
    ("miles de tropas", 1000, None, True, "troops"),
    ("tres días", 3, 3, False, "days"),
])
def test_quantities_reads_seed_article(lavrov, phrase, low, high, approx, unit):
    quantities, _ = find_quantities(lavrov, "es")
    q = next(q for q in quantities if q.text == phrase)
    assert (q.min, q.max, q.approx, q.unit) == (low, high, approx, unit)
    assert lavrov[q.start:q.end] == phrase


@pytest.mark.parametrize("lang", ["es"])
def test_quantities_flags_mixed_separators(lavrov, lang):
    _, flags = find_quantities(lavrov, lang)
    assert [(f.kind, f.text) for f in flags] == [("mixed_number_format", "3.000 a 4,000")]


@pytest.mark.parametrize("text,lang,low,high,approx,unit", [
    ("El Gobierno destinará entre 3 y 4 millones de dólares a la reconstrucción.", "es", 3e6, 4e6, False, "USD"),
    ("La epidemia ha dejado más de 500 muertos en la región.", "es", 500, None, False, "deaths"),
    ("Unos 1,5 millones de personas huyeron de la ciudad.", "es", 1.5e6, 1.5e6, True, "people"),
    ("Las acciones de la empresa cayeron 2,75 dólares.", "es", 2.75, 2.75, False, "USD"),
    ("El paro subió al 25 por ciento en el segundo trimestre.", "es", 25, 25, False, "percent"),
    ("Decenas de miles de personas marcharon por el centro.", "es", 10000, None, True, "people"),
    ("Nissan plans to cut up to 700 contract workers.", "en", None, 700, False, None),
    ("Officials said at least 20 people were killed.", "en", 20, None, False, "people"),
    ("The company will hire from 5 to 10 engineers.", "en", 5, 10, False, None),
    ("Thousands of protesters gathered in the capital.", "en", 1000, None, True, "protesters"),
    ("The army sent nearly one and a half thousand troops.", "en", 1500, 1500, True, "troops"),
    ("Un centenar de manifestantes se concentró ante el Congreso.", "es", 100, 100, True, "protesters"),
    ("El Gobierno evacuó a más de medio millón de personas.", "es", 500000, None, False, "people"),
    ("Hundreds of thousands of people fled the city.", "en", 100000, None, True, "people"),
    ("Bail was set between $500,000 and $99 million.", "en", 500000, 99000000, False, "USD"),
    ("Pyongyang sent some 3,000 North Korean soldiers to Kursk.", "en", 3000, 3000, True, "soldiers"),
    ("El ataque dejó al menos 20 civiles muertos.", "es", 20, None, False, "civilians"),
    ("The war displaced 3-4 million people.", "en", 3e6, 4e6, False, "people"),
    ("Several hundred troops crossed the border.", "en", 100, None, True, "troops"),
    ("Varios miles de soldados norcoreanos llegaron a Kursk.", "es", 1000, None, True, "soldiers"),
    ("Llegaron 4,500 soldados; el gasto subió 1,5 millones y hay 3.000 heridos.", "es", 4500, 4500, False, "soldiers"),
])
def test_quantities_reads_news_sentences(text, lang, low, high, approx, unit):
    quantities, _ = find_quantities(text, lang)
    q = quantities[0]
    assert (q.min, q.max, q.approx, q.unit) == (low, high, approx, unit)


@pytest.mark.parametrize("text,lang", [
    ("Lavrov visitó Corea del Norte en junio de 2024.", "es"),
    ("La reunión será el 9 de julio a las 10.", "es"),
    ("The summit ended on May 8, 1945.", "en"),
    ("Quedó en tercer lugar.", "es"),
    ("Terminó en el 3º puesto de la 2ª etapa.", "es"),
    ("Russia meddled in the 2016 election.", "en"),
    ("La fiesta se celebró desde el 2 hasta el 15 de mayo.", "es"),
    ("The talks ran from 2010 to 2012.", "en"),
    ("Since the 11 September 2001 attacks, some 2016 hopefuls changed course.", "en"),
    ("Los ensayos de la vacuna contra la covid-19 siguen.", "es"),
    ("The device detonated at 6.55 p.m. local time.", "en"),
    ("La explosión se produjo a las 18.30 hora local.", "es"),
    ("La explosión se produjo a las 18.30.", "es"),
])
def test_quantities_skips_dates_times_and_ordinals(text, lang):
    quantities, _ = find_quantities(text, lang)
    assert quantities == []


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_quantities_other_languages_get_none(lang):
    assert find_quantities("Il y a 3 000 soldats.", lang) == ([], [])


@pytest.mark.parametrize("text", ["Kim ha enviado miles de tropas de combate a Rusia."])
def test_quantities_component_assigns_article(options, text):
    article = make_quantities(options)(Article(text=text, lang="es"))
    assert [(q.id, q.text, q.unit) for q in article.quantities] == [("Q1", "miles de tropas", "troops")]


@pytest.mark.parametrize("text,name", [("La misión Apollo 11 llevó a 3 astronautas a la Luna.", "Apollo 11")])
def test_quantities_component_skips_numbers_in_names(options, text, name):
    start = text.index(name)
    mention = Mention(start=start, end=start + len(name), text=name, type="MISC")
    article = Article(text=text, lang="es", mentions=[mention])
    article = make_quantities(options)(article)
    assert [(q.id, q.text) for q in article.quantities] == [("Q1", "3")]


@pytest.mark.parametrize("lang", ["es", "en"])
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789.,-/ %$€aybmilnesoctrhdu")), max_size=60))
def test_quantities_never_crash_and_keep_order(lang, text):
    quantities, _ = find_quantities(text, lang)
    for q in quantities:
        assert text[q.start:q.end] == q.text
        if q.min is not None and q.max is not None:
            assert q.min <= q.max


WORDS = ["one", "hundred", "and", "a", "half", "million", "thirty", "fifths", "-", "more", "than", "to",
         "uno", "cien", "y", "medio", "con", "mil", "millones", "tercios", "entre", "de", "a", "más",
         "miles", "3.000", "4,000", "1/2", "$", "%", "por", "ciento", "tropas", "0"]


@pytest.mark.parametrize("lang", ["es", "en"])
@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=80))
def test_quantities_never_crash_on_number_words(lang, words):
    text = " ".join(words)
    quantities, _ = find_quantities(text, lang)
    for q in quantities:
        assert text[q.start:q.end] == q.text
        if q.min is not None and q.max is not None:
            assert q.min <= q.max


@pytest.mark.parametrize("lang", ["es", "en"])
def test_quantities_survive_huge_numbers(lang):
    text = "Se contaron " + "9" * 400 + " y " + "1.000" * 100 + " votos, " + "one hundred and " * 500
    quantities, _ = find_quantities(text, lang)
    assert all(q.min is None or q.min < float("inf") for q in quantities)
