"""`cronica extract` from the command line: records, order, ids, raw text, errors, exit codes."""
import io
import json
import sys

import pytest

from cronica.cli import main


def _run(argv, stdin_text=None, monkeypatch=None, capsys=None):
    if stdin_text is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8"))))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, [json.loads(l) for l in out.splitlines() if l.strip()], err


@pytest.fixture(scope="module")
def two_records(news_records):
    picks = [news_records["es-fnc-1a8324332adb"], news_records["en-abp-1SKK278vQwiVPyzi"]]
    return [{k: r[k] for k in ("id", "text", "title", "published", "lang", "url", "source")} for r in picks]


def test_cli_extract_jsonl_keeps_ids_and_order(two_records, monkeypatch, capsys):
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in two_records)
    code, records, _ = _run(["extract", "-", "--format", "jsonl"], stdin, monkeypatch, capsys)
    assert code == 0
    assert [r["id"] for r in records] == [r["id"] for r in two_records]
    assert [r["lang"] for r in records] == ["es", "en"]


def test_cli_extract_raw_text_kept_exactly(monkeypatch, capsys):
    text = "Home Noticias\n\nSEOUL: Lavrov viajará a Corea del Norte a partir del viernes."
    stdin = json.dumps({"id": "r1", "text": text, "raw": True, "lang": "es"}) + "\n"
    code, records, _ = _run(["extract", "-", "--format", "jsonl"], stdin, monkeypatch, capsys)
    assert code == 0 and records[0]["text"] == text


def test_cli_extract_date_fills_published(shared_root, capsys):
    path = str(shared_root / "examples" / "lavrov-corea-del-norte.txt")
    code = main(["extract", path, "--date", "2025-07-09", "--format", "jsonl"])
    record = json.loads(capsys.readouterr().out)
    assert code == 0 and record["published"] == "2025-07-09" and record["lang"] == "es"


def test_cli_extract_bad_line_reported_batch_goes_on(two_records, monkeypatch, capsys):
    stdin = json.dumps(two_records[0], ensure_ascii=False) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n"
    code, records, err = _run(["extract", "-", "--format", "jsonl"], stdin, monkeypatch, capsys)
    assert code == 1
    assert [r["id"] for r in records] == [two_records[0]["id"]]
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(l.startswith("cronica: <stdin>:") for l in lines)


def test_cli_extract_missing_file_exit_2(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "nope.txt"), "--format", "jsonl"])
    assert code == 2
    assert "E107" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2025-13-01", "ayer"])
def test_cli_extract_rejects_bad_date(value, capsys):
    with pytest.raises(SystemExit):
        main(["extract", "-", "--date", value])
    assert "not a date" in capsys.readouterr().err


def test_cli_extract_dedup_keeps_one_copy(two_records, monkeypatch, capsys):
    copy = dict(two_records[0], id="copy", url="https://example.org/copy")
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [two_records[0], copy, two_records[1]])
    code, records, _ = _run(["extract", "-", "--format", "jsonl", "--dedup"], stdin, monkeypatch, capsys)
    assert code == 0
    assert [r["id"] for r in records] == [two_records[0]["id"], two_records[1]["id"]]
    assert records[0]["meta"]["copies"][0]["id"] == "copy"
