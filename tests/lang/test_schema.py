"""Every language data file fits its schema (meta block, known kind, known sections)."""
from pathlib import Path

import pytest
import yaml

from cronica.errors import LanguageDataError
from cronica.lang import loader
from cronica.lang.schema import validate

FILES = sorted(Path(loader.LANG_DIR).glob("*/*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_every_file_valid(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validate(path.stem, data, path)
    assert data["meta"]["lang"] == path.parent.name


@pytest.mark.parametrize("data", [{"stopwords": ["de"]}, {"meta": {"lang": "es"}}])
def test_schema_rejects_missing_meta(data):
    with pytest.raises(LanguageDataError):
        validate("langid", data, "x.yaml")


def test_schema_rejects_unknown_section():
    meta = {"lang": "es", "source": "s", "license": "MIT", "reviewed_by": "r"}
    with pytest.raises(LanguageDataError, match="unknown sections"):
        validate("boilerplate", {"meta": meta, "exact_line": ["typo"]}, "x.yaml")


@pytest.mark.parametrize("lang", loader.SUPPORTED)
def test_schema_supported_languages_have_data(lang):
    assert lang in loader.available_languages()
    assert loader.load(lang, "boilerplate")
