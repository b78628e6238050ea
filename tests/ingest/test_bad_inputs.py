"""Damaged inputs: each is one coded, one-line error naming it (or is read cleanly), and the batch goes on."""
from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from cronica.errors import InputError
from cronica.ingest import read_inputs
from cronica.model import Article
from tests.conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "scripts" / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


@pytest.fixture(scope="module")
def bad_inputs(shared_data, tmp_path_factory):
    """(folder, {file name: expected codes}) written by scripts/make_bad_inputs.py."""
    folder = tmp_path_factory.mktemp("bad")
    return folder, GENERATOR.make_bad_inputs(folder, shared_data)


@pytest.fixture(scope="module")
def small_limits(options):
    """Default settings, with small size caps so the bombs and giants stay cheap."""
    return dict(options, max_uncompressed_bytes=1_000_000, max_article_bytes=GENERATOR.SMALL_ARTICLE_BYTES)


@pytest.fixture(scope="module")
def batch(bad_inputs, small_limits, news_records, tmp_path_factory):
    """Every bad input plus two good articles, read as one batch."""
    folder, _ = bad_inputs
    good = tmp_path_factory.mktemp("good") / "good.jsonl"
    records = [r for r in news_records.values() if r["lang"] == "en"][:2]
    good.write_text("\n".join(json.dumps({"id": r["id"], "text": r["text"]}) for r in records), encoding="utf-8")
    return list(read_inputs([str(folder), str(good)], small_limits)), [r["id"] for r in records]


def _name(item) -> str:
    name = item.values["input"] if isinstance(item, InputError) else item.input_name
    return name.replace("\\", "/").rsplit("/", 1)[-1].split("#")[0].split(":")[0]


def _by_name(items) -> dict:
    found = {}
    for item in items:
        found.setdefault(_name(item), []).append(item)
    return found


def test_bad_inputs_corpus_has_fifty_kinds(bad_inputs):
    _, expected = bad_inputs
    assert len(expected) >= 50
    assert sum(1 for codes in expected.values() if codes) >= 45


def test_bad_inputs_each_gives_its_coded_errors(batch, bad_inputs):
    items, _ = batch
    _, expected = bad_inputs
    found = {name: [i.code for i in group if isinstance(i, InputError)] for name, group in _by_name(items).items()}
    assert {name: found.get(name, []) for name in expected} == expected


def test_bad_inputs_good_articles_still_read(batch):
    items, good_ids = batch
    ids = [i.id for i in items if isinstance(i, Article)]
    assert ids[-2:] == good_ids
    assert sum(1 for i in items if isinstance(i, Article) and "corrupt.warc.gz#" in i.input_name) == 6
    assert {"es-good", "es-before", "en-after"} <= set(ids)  # good lines around bad ones


def test_bad_inputs_messages_are_one_line_naming_the_input(batch):
    items, _ = batch
    for error in (i for i in items if isinstance(i, InputError)):
        message = str(error)
        assert "\n" not in message and message.isprintable()
        assert message.startswith(error.values["input"]) and f"[{error.code}]" in message


def test_bad_inputs_no_external_entity_is_expanded(batch):
    items, _ = batch
    secret = Path(GENERATOR.SECRET_FILE).read_text(encoding="utf-8", errors="replace").split("\n")[0]
    assert secret
    for item in items:
        shown = str(item) if isinstance(item, InputError) else f"{item.title} {item.text}"
        assert secret not in shown


@pytest.mark.parametrize("name,field,original", [
    ("utf16-no-bom.txt", "text", "es"), ("utf16be-no-bom.txt", "text", "en"), ("cp1252.txt", "text", "es"),
])
def test_bad_inputs_wrong_encodings_decode_to_the_original(batch, bad_inputs, shared_data, name, field, original):
    items, _ = batch
    article = _by_name(items)[name][0]
    news = GENERATOR.News(shared_data)
    expected = getattr(news, original)["text"]
    if name == "cp1252.txt":
        expected = expected.encode("cp1252", "replace").decode("cp1252")
    assert getattr(article, field) == expected


def test_bad_inputs_latin1_page_declared_utf8_has_no_mojibake(batch, shared_data):
    items, _ = batch
    article = _by_name(items)["latin1-declared-utf8.html"][0]
    assert isinstance(article, Article) and len(article.text.split()) > 50
    assert "\ufffd" not in article.text and "Ã" not in article.text


def test_bad_inputs_unprintable_code_points_are_cleaned(batch):
    items, _ = batch
    found = _by_name(items)
    nul, surrogate, rtl = found["nul-text.jsonl"][0], found["lone-surrogate.jsonl"][0], found["rtl-control.txt"][0]
    assert "\x00" not in nul.text and len(nul.text) > 400
    assert surrogate.text.startswith("\ufffd") and surrogate.title.endswith("\ufffd")
    json.dumps(surrogate.text, ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    assert "\x07" not in rtl.text and "\x1b" not in rtl.text and "\u202e" in rtl.text


def test_bad_inputs_long_article_is_cut_at_a_boundary(batch, small_limits):
    items, _ = batch
    article = _by_name(items)["capitalised.txt"][0]
    limit = small_limits["max_analyzed_chars"]
    assert article.meta["truncated_from"] > limit >= len(article.text) > limit // 2
    assert article.text.split()[-1].isalpha()  # no word cut in half


def test_bad_inputs_feed_oddities(batch, shared_data):
    items, _ = batch
    found = _by_name(items)
    headline = next(i for i in found["headline-only.xml"] if isinstance(i, Article))
    assert len(headline.text.split()) >= 5 and headline.title is None and headline.meta["text_from"] == "title"
    atom = found["atom-broken-dates.xml"][0]
    assert isinstance(atom, Article) and atom.published is None  # no date invented
    assert all(isinstance(i, Article) and len(i.text.split()) > 20
               for key in ("unclosed-item.xml", "wrong-encoding-decl.xml") for i in found[key])


FAMILIES = [f.__name__ for f in GENERATOR.FAMILIES]


@pytest.mark.parametrize("family", FAMILIES)
def test_bad_inputs_family_read_one_by_one(family, shared_data, small_limits, tmp_path):
    """Each family's files read alone: their codes, and a bounded time per file."""
    news = GENERATOR.News(shared_data)
    for name, (data, expected) in getattr(GENERATOR, family)(news).items():
        path = tmp_path / name
        path.write_bytes(data)
        started = time.monotonic()
        items = list(read_inputs([str(path)], small_limits))
        assert time.monotonic() - started < 10.0, name
        assert [i.code for i in items if isinstance(i, InputError)] == expected, name
        assert all(str(path) in str(i) for i in items if isinstance(i, InputError)), name


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(5, "Input/output error")])
def test_bad_inputs_unreadable_file_is_named(error, news_records, small_limits, tmp_path, monkeypatch):
    """A file that cannot be opened (even as root, whom permissions do not stop) is one E118 naming it."""
    import cronica.ingest.detect as detect
    record = next(iter(news_records.values()))
    blocked, good = tmp_path / "a-blocked.txt", tmp_path / "b-good.txt"
    for path in (blocked, good):
        path.write_text(record["text"], encoding="utf-8")

    def refuse(path, *args, **kwargs):
        if str(path) == str(blocked):
            raise type(error)(error.errno, error.strerror, str(path))
        return open(path, *args, **kwargs)
    monkeypatch.setattr(detect, "open", refuse, raising=False)
    items = list(read_inputs([str(tmp_path)], small_limits))
    assert items[0].code == "E118" and str(items[0]).startswith(str(blocked)) and error.strerror in str(items[0])
    assert isinstance(items[1], Article) and items[1].text == record["text"]


def test_bad_inputs_unlistable_folder_is_named(news_records, small_limits, tmp_path, monkeypatch):
    """A sub-folder that cannot be listed is one E118 naming it; the files beside it are read."""
    import os
    record = next(iter(news_records.values()))
    locked = tmp_path / "a-locked"
    locked.mkdir()
    (tmp_path / "b-good.txt").write_text(record["text"], encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path)], small_limits))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.code for e in errors] == ["E118"] and str(errors[0]).startswith(str(locked))
    assert "Permission denied" in str(errors[0])
    assert [i.text for i in items if isinstance(i, Article)] == [record["text"]]
