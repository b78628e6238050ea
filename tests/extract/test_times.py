"""Tests of the time layer: recognizers sentences, news sentences, guards and the component."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.extract.times import GRANULARITIES, find_times, make_times
from cronica.model import Article, Quantity

RECOGNIZERS = {
    "es": ["rt-es-dtm-0014", "rt-es-dtm-0336", "rt-es-dtm-0153", "rt-es-dpp-0030", "rt-es-dtm-0217",
           "rt-es-dtm-0053", "rt-es-dtm-0194", "rt-es-dpp-0007", "rt-es-dtm-0301", "rt-es-dtm-0633",
           "rt-es-dtm-0052", "rt-es-dpp-0130", "rt-es-dtm-0329", "rt-es-dtm-0003", "rt-es-dp-0007",
           "rt-es-dpp-0044", "rt-es-dpp-0102", "rt-es-dp-0036", "rt-es-dtm-0394"],
    "en": ["rt-en-dtm-0114", "rt-en-dtm-0293", "rt-en-dtm-0111", "rt-en-dpp-0033", "rt-en-dtm-0176",
           "rt-en-dtm-0948", "rt-en-dp-0007", "rt-en-dtm-0258", "rt-en-dtm-0598", "rt-en-dtm-0188",
           "rt-en-dpp-0085", "rt-en-dtm-0289", "rt-en-dp-0009", "rt-en-dpp-0067", "rt-en-dpp-0051",
           "rt-en-dp-0040", "rt-en-dtm-0351", "rt-en-dpp-0095", "rt-en-dtm-0287", "rt-en-dtm-0195", "rt-en-dtm-0965"],
}
CASES = [(lang, rid) for lang, ids in RECOGNIZERS.items() for rid in ids]


@pytest.fixture(scope="module")
def recognizers(shared_data):
    """Recognizers-Text sentences by id, both languages."""
    records = {}
    for lang in RECOGNIZERS:
        with open(shared_data / "time" / f"recognizers-{lang}.jsonl", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                records[record["id"]] = record
    return records


def _reading(times, text):
    """The first reading over `text` (the scorer's rule)."""
    for t in times:
        if text.lower() in t.text.lower() or t.text.lower() in text.lower():
            return t
    return None


@pytest.mark.parametrize("lang,rid", CASES)
def test_times_resolve_recognizers_sentence(recognizers, lang, rid):
    record = recognizers[rid]
    times = find_times(record["text"], lang, record["reference_datetime"][:10])
    for expected in record["expected"][:1]:
        got = _reading(times, expected["text"])
        assert got is not None, expected["text"]
        want = (expected.get("value"), expected.get("value")) if "value" in expected else \
            (expected["start"], expected["end"])
        assert (got.start, got.end) == want, expected["text"]


LAVROV = [
    ("a partir del viernes", "2025-07-11", "2025-07-11"),
    ("junio de 2024", "2024-06-01", "2024-06-30"),
    ("en el otoño del año pasado", "2024-09-01", "2024-11-30"),
    ("a principios de este año", "2025-01-01", "2025-04-30"),
    ("julio o agosto", "2025-07-01", "2025-08-31"),
    ("hasta abril", "2025-04-01", "2025-04-30"),
    ("esta semana", "2025-07-07", "2025-07-13"),
]


@pytest.fixture(scope="module")
def lavrov_times(shared_root):
    text = (shared_root / "examples" / "lavrov-corea-del-norte.txt").read_text(encoding="utf-8")
    return text, find_times(text, "es", "2025-07-09")


@pytest.mark.parametrize("expression,start,end", LAVROV)
def test_times_resolve_news_article(lavrov_times, expression, start, end):
    text, times = lavrov_times
    got = _reading(times, expression)
    assert got is not None and (got.start, got.end) == (start, end)
    assert text[got.start_char:got.end_char] == got.text


TENSE = [
    ("es", "El canciller viajará a Pekín el viernes para reunirse con su homólogo.", "viernes", "2025-07-11"),
    ("es", "El canciller viajó a Pekín el viernes para reunirse con su homólogo.", "viernes", "2025-07-04"),
    ("en", "The foreign minister will travel to Beijing on Friday.", "Friday", "2025-07-11"),
    ("en", "The foreign minister travelled to Beijing on Friday.", "Friday", "2025-07-04"),
    ("es", "Las elecciones se celebrarán en marzo, según la comisión.", "marzo", "2026-03-01"),
    ("es", "Las elecciones se celebraron en marzo, según la comisión.", "marzo", "2025-03-01"),
]


@pytest.mark.parametrize("lang,text,expression,start", TENSE)
def test_times_read_weekdays_and_months_in_sentence_tense(lang, text, expression, start):
    got = _reading(find_times(text, lang, "2025-07-09"), expression)
    assert got is not None and got.start == start


CLAUSES = [
    ("en", "Lavrov will travel to North Korea on Friday, state media said on Monday.",
     {"Friday": "2025-07-11", "Monday": "2025-07-07"}),
    ("es", "El canciller, que llegó el martes, va a reunirse con Kim el jueves.",
     {"martes": "2025-07-08", "jueves": "2025-07-10"}),
]


@pytest.mark.parametrize("with_doc", [False, True])
@pytest.mark.parametrize("lang,text,days", CLAUSES)
def test_times_read_each_clause_in_its_own_tense(lang, text, days, with_doc):
    doc = None
    if with_doc:
        from cronica.extract.nlp import parse
        doc = parse(text, lang)
    times = find_times(text, lang, "2025-07-09", doc=doc)
    assert {word: _reading(times, word).start for word in days} == days


SEASONS = [
    ("es", "Los combates se intensificaron en el invierno del año pasado.", "2024-12-01", "2025-02-28"),
    ("en", "Fighting intensified in the winter of 2023.", "2023-12-01", "2024-02-29"),
    ("es", "Las tropas llegaron en la primavera de 2024.", "2024-03-01", "2024-05-31"),
    ("en", "Troops arrived in late 2024.", "2024-09-01", "2024-12-31"),
    ("es", "El acuerdo se firmó a mediados de marzo de 2025.", "2025-03-11", "2025-03-20"),
]


@pytest.mark.parametrize("lang,text,start,end", SEASONS)
def test_times_resolve_seasons_and_parts(lang, text, start, end):
    times = find_times(text, lang, "2025-07-09")
    assert [(t.start, t.end) for t in times] == [(start, end)]


@pytest.mark.parametrize("lang,text,absolute", [
    ("es", "El ministro llegó ayer a Seúl tras la cumbre del 9 de julio de 2025.", "9 de julio de 2025"),
    ("en", "The minister arrived yesterday after the July 9, 2025 summit.", "July 9, 2025"),
])
def test_times_without_published_date_never_guess(lang, text, absolute):
    times = find_times(text, lang, None)
    relative = [t for t in times if t.text.lower() in ("ayer", "yesterday")]
    assert relative and relative[0].start is None and relative[0].end is None
    assert _reading(times, absolute).start == "2025-07-09"


@pytest.mark.parametrize("lang,text,number", [
    ("es", "Corea del Norte envió alrededor de 10,000 a 12,000 tropas a Rusia.", "10,000 a 12,000"),
    ("es", "El ejército desplegó 1500 soldados en la frontera.", "1500"),
    ("en", "The army sent 2000 soldiers to the border.", "2000"),
])
def test_times_skip_numbers_that_are_not_years(lang, text, number):
    start = text.index(number)
    quantity = Quantity("Q1", number, start, start + len(number), 1, 2, unit="troops")
    for quantities in ((), (quantity,)):
        times = find_times(text, lang, "2025-07-09", quantities=quantities)
        assert not any(t.start_char < start + len(number) and start < t.end_char for t in times)


@pytest.mark.parametrize("lang,text", [
    ("en", "Lavrov may discuss the visit, analysts said, as prices fall."),
    ("es", "Los soldados llegaron por la mañana a la frontera."),
    ("es", "El gobierno envió dos mil soldados y mil tanques."),
    ("en", "It was the minister's final year in office."),
])
def test_times_ignore_words_that_are_not_times(lang, text):
    assert find_times(text, lang, "2025-07-09") == []


@pytest.mark.parametrize("lang,text,expression,start,end", [
    ("es", "En lo que va de año hubo treinta ataques.", "lo que va de año", "2025-01-01", "2025-07-08"),
    ("es", "Las tropas llegaron en septiembre pasado.", "septiembre pasado", "2024-09-01", "2024-09-30"),
    ("es", "El acuerdo se firmó hace más de dos años.", "hace más de dos años", "2023-07-09", "2023-07-09"),
    ("en", "The ceasefire collapsed more than two years ago.", "two years ago", "2023-07-09", "2023-07-09"),
    ("en", "Talks resumed in September last year.", "September last year", "2024-09-01", "2024-09-30"),
    ("en", "The offensive began in the third week of January.", "third week of January", "2025-01-13", "2025-01-19"),
    ("es", "El ejército atacó entre el miércoles y el viernes de la semana pasada.",
     "entre el miércoles y el viernes de la semana pasada", "2025-07-02", "2025-07-04"),
    ("en", "Talks are planned for 3 days starting from next Monday.", "3 days starting from next Monday",
     "2025-07-14", "2025-07-16"),
    ("es", "La reunión se celebrará del 11 al 13 de julio.", "del 11 al 13 de julio", "2025-07-11", "2025-07-13"),
])
def test_times_join_expressions(lang, text, expression, start, end):
    got = _reading(find_times(text, lang, "2025-07-09"), expression)
    assert got is not None and (got.start, got.end) == (start, end)


@pytest.mark.parametrize("lang,text", [
    ("es", "Lavrov viajará a Corea del Norte para una visita de tres días."),
    ("en", "Lavrov will travel to North Korea for a three-day visit lasting three days."),
])
def test_times_emit_durations_without_dates(lang, text):
    durations = [t for t in find_times(text, lang, "2025-07-09") if t.granularity == "duration"]
    assert durations and all(t.start is None and t.end is None for t in durations)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_times_component_fills_article(lang, options):
    text = {"es": "La cumbre se celebró la semana pasada.", "en": "The summit was held last week."}[lang]
    article = make_times(options)(Article(text=text, lang=lang, published="2025-07-09T10:00:00+09:00"))
    assert [(t.id, t.start, t.end, t.granularity) for t in article.times] == \
        [("T1", "2025-06-30", "2025-07-06", "week")]


_WORDS = ["el", "de", "viernes", "2024", "junio", "hasta", "abril", "last", "week", "May", "to", "12/05",
          "hace", "dos", "semanas", "principios", "año", "pasado", "o", "julio", "between", "and", "-", ","]


@pytest.mark.parametrize("lang", ["es", "en"])
@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join)),
       day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_times_never_crash_and_keep_order(lang, text, day):
    for t in find_times(text, lang, day.isoformat()):
        assert text[t.start_char:t.end_char].strip() == t.text
        assert t.granularity in GRANULARITIES
        if t.start and t.end:
            assert t.start <= t.end


@pytest.mark.parametrize("text", ["Impresionante repercusión.\n\nHasta ahora no hay datos.",
                                  "Lo dijo la agencia. Hasta el día de hoy no hay datos."])
def test_times_offsets_cover_words_not_spaces(text):
    from cronica.extract.times import find_times
    found = find_times(text, "es", "2025-07-09")
    assert found
    assert all(text[t.start_char:t.end_char] == t.text == t.text.strip() for t in found)


@pytest.mark.parametrize("text,lang,published,day", [
    ("Thousands of protesters in Hong Kong on Sunday chanted the US national anthem.", "en", "2019-09-08", "2019-09-08"),
    ("Miles de personas marcharon el domingo en Madrid.", "es", "2019-09-08", "2019-09-08"),
])
def test_times_weekday_of_publication_day_is_that_day(text, lang, published, day):
    from cronica.extract.times import find_times
    assert find_times(text, lang, published)[0].start == day
