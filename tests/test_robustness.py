"""The whole corpus of damaged and hostile inputs through `cronica extract`: one error line
each, every readable article extracted, exit code 1, in bounded time."""
from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path

from tests.conftest import ROOT

# Through the whole pipeline, the corpus (about 30 readable articles) must take at most this.
BUDGET_S = 120.0


def _generator():
    spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "scripts" / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _error_lines(err: str) -> dict[str, list[str]]:
    """file name -> the codes of its `cronica: ...` lines."""
    found: dict[str, list[str]] = {}
    for line in err.splitlines():
        match = re.match(r"cronica: (\S+?)(?:[#:]\d+)?: (?:line \d+: )?\[(E\d+)\]", line)
        if match:
            found.setdefault(match.group(1).rsplit("/", 1)[-1], []).append(match.group(2))
    return found


def test_robustness_whole_corpus_through_extract(shared_data, tmp_path, capsys):
    from cronica.cli import main
    generator = _generator()
    expected = generator.make_bad_inputs(tmp_path, shared_data)
    started = time.monotonic()
    code = main(["extract", str(tmp_path), "--format", "jsonl",
                 "--setting", "max_uncompressed_bytes", "1000000",
                 "--setting", "max_article_bytes", str(generator.SMALL_ARTICLE_BYTES),
                 "--setting", "max_analyzed_chars", "8000",
                 "--setting", "max_entities_per_article", "200"])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    error_lines = [line for line in err.splitlines() if line.startswith("cronica: ")]
    assert code == 1 and elapsed < BUDGET_S
    assert all("[E1" in line and str(tmp_path) in line for line in error_lines)
    found = _error_lines(err)
    assert {name: found.get(name, []) for name, codes in expected.items() if codes} == \
        {name: codes for name, codes in expected.items() if codes}
    assert len(error_lines) == sum(len(codes) for codes in expected.values())
    assert len(records) >= sum(1 for codes in expected.values() if not codes)
    assert all(r["schema"] == "cronica.document/1" and len(r["entities"]) <= 200 for r in records)
    secret = Path(generator.SECRET_FILE).read_text(encoding="utf-8", errors="replace").split("\n")[0]
    assert secret not in out and secret not in err
    impossible = [t for r in records for t in r["times"] if re.search(r"3[01] de febrero|February 30", t["text"])]
    assert all(len(t["start"] or "") < 10 for t in impossible), impossible  # no day invented
