"""Damaged inputs: each is one coded, one-line error naming it, and the batch goes on."""
from __future__ import annotations

import importlib.util
import json

import pytest

from cronica.errors import InputError
from cronica.ingest import read_inputs
from cronica.model import Article
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bad_inputs(shared_data, tmp_path_factory):
    """(folder, {file name: expected codes}) written by scripts/make_bad_inputs.py."""
    spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "scripts" / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("bad")
    return folder, module.make_bad_inputs(folder, shared_data)


@pytest.fixture(scope="module")
def small_limits(options):
    """Default settings, with a 1 MB decompression cap so the bombs stay cheap."""
    return dict(options, max_uncompressed_bytes=1_000_000)


@pytest.fixture(scope="module")
def batch(bad_inputs, small_limits, news_records, tmp_path_factory):
    """Every bad input plus two good articles, read as one batch."""
    folder, _ = bad_inputs
    good = tmp_path_factory.mktemp("good") / "good.jsonl"
    records = [r for r in news_records.values() if r["lang"] == "en"][:2]
    good.write_text("\n".join(json.dumps({"id": r["id"], "text": r["text"]}) for r in records), encoding="utf-8")
    return list(read_inputs([str(folder), str(good)], small_limits)), [r["id"] for r in records]


def _name(error: InputError) -> str:
    return error.values["input"].replace("\\", "/").rsplit("/", 1)[-1].split("#")[0]


def test_bad_inputs_each_gives_its_coded_errors(batch, bad_inputs):
    items, _ = batch
    _, expected = bad_inputs
    found = {}
    for item in items:
        if isinstance(item, InputError):
            found.setdefault(_name(item), []).append(item.code)
    assert found == expected


def test_bad_inputs_good_articles_still_read(batch):
    items, good_ids = batch
    ids = [i.id for i in items if isinstance(i, Article)]
    assert ids[-2:] == good_ids
    assert sum(1 for i in items if isinstance(i, Article) and ".warc.gz#" in i.input_name) == 6
    assert any(i.id == "es-good" for i in items if isinstance(i, Article))  # the good line of bad-lines.jsonl


def test_bad_inputs_messages_are_one_line_naming_the_input(batch):
    items, _ = batch
    for error in (i for i in items if isinstance(i, InputError)):
        message = str(error)
        assert "\n" not in message and message.isprintable()
        assert message.startswith(error.values["input"]) and f"[{error.code}]" in message


def test_bad_inputs_through_the_cli(bad_inputs, news_records, tmp_path, capsys):
    from cronica.cli import main
    folder, expected = bad_inputs
    record = next(r for r in news_records.values() if r["lang"] == "es" and len(r["text"]) < 1500)
    good = tmp_path / "nota.txt"
    good.write_text(record["text"], encoding="utf-8")
    skip_warc = [str(p) for p in sorted(folder.iterdir()) if not p.name.endswith(".warc.gz")]
    code = main(["extract", *skip_warc, str(good), "--format", "jsonl", "--lang", "es",
                 "--setting", "max_uncompressed_bytes", "1000000"])
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.startswith("cronica: ")]
    assert code == 1
    assert len(lines) == sum(len(v) for k, v in expected.items() if not k.endswith(".warc.gz"))
    assert len(out.splitlines()) == 2  # nota.txt and the good line of bad-lines.jsonl
    assert all("[E1" in line for line in lines)
