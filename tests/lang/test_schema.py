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


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_no_key_given_twice(path):
    """Every data file loads through the loader, which refuses a key given twice."""
    assert loader.load(path.parent.name, path.stem) is not None


def test_schema_rejects_a_key_given_twice(tmp_path, monkeypatch):
    """A verb list written twice under one mode would silently lose the first list."""
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "event_triggers.yaml").write_text(
        "meta: {lang: zz, source: s, license: MIT, reviewed_by: r}\n"
        "verbs:\n  COERCE:\n    arrest: [arrest, detain]\n    arrest: [convict]\n", encoding="utf-8")
    monkeypatch.setattr(loader, "LANG_DIR", tmp_path)
    with pytest.raises(LanguageDataError, match="given twice"):
        loader.load("zz", "event_triggers")
