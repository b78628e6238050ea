"""Contract records: every annotation type survives to_record -> from_record."""
import json

import pytest

from cronica.model import (Article, Entity, Event, Flag, Quantity, SCHEMA, TimeExpr, from_record,
                           to_record)

TEXT = ("SEOUL: Lavrov viajará a Corea del Norte para una visita de tres días a partir del viernes, "
        "informaron los medios estatales.")


def _article():
    a = Article(text=TEXT, id="doc-1", published="2025-07-09", lang="es", title="Lavrov visitará Corea del Norte")
    a.flags = [Flag(kind="untranslated_token", text="far", start=0, end=3)]
    a.entities = [Entity(id="E1", name="Sergey Lavrov", type="PERSON", country="RUS", aliases=["Lavrov"],
                         mentions=[[7, 13]])]
    a.times = [TimeExpr(id="T1", text="a partir del viernes", start_char=71, end_char=91,
                        start="2025-07-11", end="2025-07-13", granularity="day")]
    a.quantities = [Quantity(id="Q1", text="tres días", start=57, end=66, min=3, max=3, unit="days")]
    a.events = [Event(id="V1", type="CONSULT", mode="visit", source=["E1"], status="planned",
                      evidence={"start": 0, "end": len(TEXT)}, confidence=0.8)]
    return a


@pytest.mark.parametrize("layer", ["flags", "entities", "times", "quantities", "events"])
def test_model_layer_round_trips(layer):
    record = to_record(_article())
    again = to_record(from_record(json.loads(json.dumps(record))))
    assert again[layer] == record[layer]
    assert record[layer], "the layer under test must not be empty"


@pytest.mark.parametrize("field", ["schema", "id", "url", "source", "title", "published", "lang", "dateline",
                                   "text", "flags", "entities", "events", "quantities", "times"])
def test_model_record_has_contract_field(field):
    record = to_record(_article())
    assert field in record
    assert record["schema"] == SCHEMA


@pytest.mark.parametrize("text", [TEXT])
def test_model_id_comes_from_content(text):
    a, b = Article(text=text), Article(text=text)
    assert a.ensure_id() == b.ensure_id()
    assert Article(text=text + " ").ensure_id() != a.ensure_id()
