"""Fixtures shared by every test. Inputs come from ../shared/data, never copied."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CRONICA_SHARED", ROOT.parent / "shared"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from current output and show the diff")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder (../shared/data); skips when it is not there."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def shared_root() -> Path:
    """The shared folder itself (examples/, score/, data/)."""
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def news_records(shared_data):
    """Real news records by id, from es.jsonl and en.jsonl."""
    records = {}
    for name in ("es.jsonl", "en.jsonl"):
        with open(shared_data / "news" / name, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                records[r["id"]] = r
    return records


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline, built once (loading models is slow)."""
    from cronica.pipeline import Pipeline
    from cronica.settings import load_options
    return Pipeline(options=load_options(environ={}))


@pytest.fixture(scope="session")
def options():
    from cronica.settings import load_options
    return load_options(environ={})


# --- Chronicle records: real articles with hand-read entities and events (store, query, web tests).
# Each entry names surface strings of the article; the builder finds their offsets, so the
# records follow the contract without copying any text into the repository.
CHRONICLE = [
    {"file": "examples/lavrov-corea-del-norte.txt", "id": "es-lavrov-pyongyang", "lang": "es",
     "published": "2025-07-09", "source": "Korea Herald", "url": "https://example.org/lavrov",
     "title": "El ministro de Relaciones Exteriores ruso visitará Corea del Norte esta semana",
     "entities": [("Lavrov", "PERSON", "RUS", ["Sergey Lavrov"]), ("Corea del Norte", "GPE", "PRK", []),
                  ("Rusia", "GPE", "RUS", []), ("Ucrania", "GPE", "UKR", []), ("Kursk", "LOC", "RUS", [])],
     "events": [("CONSULT", "visit", "Lavrov", "Corea del Norte", "viajará a Corea del Norte",
                 "2025-07-11", "2025-07-13", "planned", None),
                ("MOBILIZE", "military", "Corea del Norte", "Rusia", "envió alrededor de 10,000 a 12,000 tropas",
                 "2024-09-01", "2024-11-30", "reported", ("10,000 a 12,000 tropas", 10000, 12000, "troops")),
                ("MOBILIZE", "military", "Corea del Norte", "Rusia", "desplegó alrededor de 3.000 a 4,000",
                 "2025-01", "2025-03", "reported", ("3.000 a 4,000 soldados", 3000, 4000, "troops"))]},
    {"news": "en-abp-53QhWFnjZEO4wNbk", "entities": [("Trump", "PERSON", "USA", ["President Trump"]),
                                                      ("Vladimir Putin", "PERSON", "RUS", ["Putin"]),
                                                      ("Hamburg", "GPE", "DEU", [])],
     "events": [("CONSULT", "meet", "Trump", "Vladimir Putin", "The eyes of the world will be on Hamburg",
                 "2017-07-07", "2017-07-08", "planned", None)]},
    {"news": "en-abp-EMjRpWe01vqXQwA2", "entities": [("Trump", "PERSON", "USA", []),
                                                      ("Vladimir Putin", "PERSON", "RUS", ["Putin"])],
     "events": [("CONSULT", "meet", "Trump", "Vladimir Putin", "first face-to-face meeting Friday",
                 "2017-07-07", "2017-07-07", "asserted", None)]},
    {"news": "es-fnc-1a8324332adb", "entities": [("SEP", "ORG", "MEX", [])], "events": []},
]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    right = min(x for x in (text.find(". ", end), text.find("\n", end), len(text) - 1) if x >= 0) + 1
    return left, right


def _chronicle_entity(text: str, number: int, spec) -> dict:
    name, etype, country, aliases = spec
    mentions, at = [], text.find(name)
    while at >= 0:
        mentions.append([at, at + len(name)])
        at = text.find(name, at + len(name))
    return {"id": f"E{number}", "name": name, "type": etype, "country": country, "role": None,
            "aliases": aliases, "mentions": mentions}


def _chronicle_event(text: str, number: int, spec, ids: dict, quantities: list) -> dict:
    etype, mode, actor, target, phrase, start, end, status, quantity = spec
    at = text.find(phrase)
    if at < 0:
        raise ValueError(f"'{phrase}' is not in the article")
    event = {"id": f"V{number}", "type": etype, "mode": mode, "source": [ids[actor]], "target": [ids[target]],
             "where": None, "when": {"text": None, "start": start, "end": end, "granularity": "day"},
             "quantities": [], "status": status, "attribution": None, "confidence": 0.8}
    left, right = _sentence_around(text, at, at + len(phrase))
    event["evidence"] = {"start": left, "end": right}
    if quantity:
        q_text, low, high, unit = quantity
        q_at = text.find(q_text)
        qid = f"Q{len(quantities) + 1}"
        quantities.append({"id": qid, "text": q_text, "start": q_at, "end": q_at + len(q_text), "min": low,
                           "max": high, "approx": True, "unit": unit})
        event["quantities"] = [qid]
    return event


@pytest.fixture(scope="session")
def chronicle_records(shared_root, news_records):
    """Contract records of real articles with hand-read entities, events and figures."""
    records = []
    for spec in CHRONICLE:
        if "file" in spec:
            base = {k: spec[k] for k in ("id", "lang", "published", "source", "url", "title")}
            base["text"] = (shared_root / spec["file"]).read_text(encoding="utf-8")
        else:
            raw = news_records[spec["news"]]
            base = {k: raw.get(k) for k in ("id", "lang", "published", "source", "url", "title", "text")}
        text = base["text"]
        entities = [_chronicle_entity(text, n, e) for n, e in enumerate(spec["entities"], 1)]
        ids = {e["name"]: e["id"] for e in entities}
        quantities: list = []
        events = [_chronicle_event(text, n, e, ids, quantities) for n, e in enumerate(spec["events"], 1)]
        records.append({"schema": "cronica.document/1", **base, "dateline": None, "flags": [],
                        "entities": entities, "events": events, "quantities": quantities, "times": []})
    return records


@pytest.fixture(scope="session")
def chronicle_db(chronicle_records, tmp_path_factory):
    """Path of a store holding `chronicle_records` (read-only for tests: copy it to write)."""
    from cronica.store.sqlite import open_store
    path = tmp_path_factory.mktemp("chronicle") / "chronicle.db"
    with open_store(path) as store:
        for record in chronicle_records:
            store.add_record(record)
    return path


# --- The same story in two languages: Spanish translations written for bench/xlang of real English
# articles, with their originals and another outlet's article on the same event the same day.
XLANG_PAIRS = ("en-abp-B04TZcTjioDHQSvZ", "en-abp-mfaYSVcDEvDgOWHW", "en-abp-auqebBbPKeLLT0gm")
XLANG_SAME_DAY = ("en-abp-DXsS77gdYh8KO6Rz",)  # Hagel filibustered, told by another outlet, not translated


def xlang_id(english_id: str) -> str:
    """The id of the Spanish translation of an English article in bench/xlang."""
    return "xl-es-" + english_id.removeprefix("en-abp-")


@pytest.fixture(scope="session")
def xlang_records(pipeline, news_records) -> dict:
    """Records (by id) of three translations, their English originals and a same-day twin."""
    from cronica.ingest.readers import article_from_record
    from cronica.model import to_record
    from cronica.settings import load_options
    options = load_options(environ={})
    with open(ROOT / "bench" / "xlang" / "es_translations.jsonl", encoding="utf-8") as f:
        translations = {p["en_id"]: p for p in map(json.loads, f)}
    inputs = [{"id": xlang_id(i), "lang": "es", "title": translations[i]["title"], "text": translations[i]["text"],
               "published": translations[i]["published"], "source": "translation"} for i in XLANG_PAIRS]
    inputs += [news_records[i] for i in XLANG_PAIRS + XLANG_SAME_DAY]
    records = [to_record(pipeline(article_from_record(r, r["id"], options))) for r in inputs]
    return {r["id"]: r for r in records}


@pytest.fixture(scope="session")
def xlang_cases() -> dict:
    """(Spanish id, English id) of the translated pairs and of same-day twins that must stay apart."""
    pairs = [(xlang_id(i), i) for i in XLANG_PAIRS]
    twins = [(xlang_id(XLANG_PAIRS[2]), XLANG_SAME_DAY[0]),  # Hagel: CNN translated, Washington Times not
             (xlang_id(XLANG_PAIRS[0]), XLANG_PAIRS[1]),  # Tillerson: Fox translated vs Breitbart original
             (xlang_id(XLANG_PAIRS[1]), XLANG_PAIRS[0])]  # and the other way round
    return {"pairs": pairs, "twins": twins}


@pytest.fixture(scope="session")
def xlang_db(xlang_records, tmp_path_factory):
    """Path of a store holding `xlang_records` (read-only for tests: copy it to write)."""
    from cronica.store.sqlite import open_store
    path = tmp_path_factory.mktemp("xlang") / "xlang.db"
    with open_store(path) as store:
        for record in xlang_records.values():
            store.add_record(record)
    return path


# a minister named with his country in one article and by name alone in the next
KNOWN_COUNTRY_ARTICLES = [
    ("es-molano-despliegue", "El ministro de Defensa de Colombia, Diego Molano, anunció el despliegue"
                             " de 2.000 soldados en el Cauca."),
    ("es-molano-visita", "Diego Molano visitó Popayán el martes y se reunió con los alcaldes de la región."),
]


@pytest.fixture(scope="session")
def known_country_records(pipeline) -> list[dict]:
    """Two extracted articles: one says whom a person acts for, the other names him alone."""
    from cronica.model import Article, to_record
    return [dict(to_record(pipeline(Article(text=text, lang="es", published="2021-05-04"))), id=doc_id)
            for doc_id, text in KNOWN_COUNTRY_ARTICLES]


@pytest.fixture(scope="session")
def event_gold(shared_data):
    """A function: the record `record_id` of the event gold set `name` (shared/data/events)."""
    def find(name: str, record_id: str) -> dict:
        with open(shared_data / "events" / f"{name}.jsonl", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record["id"] == record_id:
                    return record
        raise LookupError(record_id)
    return find
