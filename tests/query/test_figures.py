"""Figure history: reported ranges by actor, target and unit, in publication order and by source."""
from __future__ import annotations

import pytest

from cronica.query.figures import figures
from cronica.store.sqlite import connect


@pytest.fixture(scope="module")
def conn(chronicle_db):
    return connect(chronicle_db, readonly=True)


@pytest.mark.parametrize("actor,target,unit,ranges", [
    ("PRK", None, "troops", [(10000, 12000), (3000, 4000)]),
    ("PRK", "RUS", "Troops", [(10000, 12000), (3000, 4000)]),
    ("Corea del Norte", "Rusia", "troops", [(10000, 12000), (3000, 4000)]),
    ("RUS", None, "troops", []),
    (None, None, "deaths", []),
])
def test_figures_by_actor_target_unit(conn, actor, target, unit, ranges):
    result = figures(conn, actor=actor, target=target, unit=unit)
    assert [(f["min"], f["max"]) for f in result["figures"]] == ranges
    assert result["total"] == len(ranges)


@pytest.mark.parametrize("unit,source", [("troops", "Korea Herald")])
def test_figures_grouped_by_source(conn, unit, source):
    result = figures(conn, unit=unit)
    assert list(result["by_source"]) == [source]
    assert all(f["event_type"] == "MOBILIZE" for f in result["by_source"][source])
