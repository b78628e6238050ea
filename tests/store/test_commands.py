"""Store and query commands through `cronica.cli.main`."""
from __future__ import annotations

import csv
import json

import pytest

from cronica.cli import main


@pytest.fixture()
def records_file(tmp_path, chronicle_records):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chronicle_records), encoding="utf-8")
    return path


@pytest.fixture()
def loaded_db(tmp_path, records_file):
    db = tmp_path / "c.db"
    assert main(["ingest", "--records", str(records_file), "--db", str(db)]) == 0
    return db


@pytest.mark.parametrize("runs", [2])
def test_commands_ingest_records_reports_unchanged(tmp_path, records_file, capsys, runs):
    db = tmp_path / "c.db"
    for _ in range(runs):
        assert main(["ingest", "--records", str(records_file), "--db", str(db)]) == 0
    assert "4 unchanged" in capsys.readouterr().err


@pytest.mark.parametrize("line", ["{not json", '{"id": "x"}'])
def test_commands_ingest_bad_line_is_reported(tmp_path, records_file, capsys, line):
    with open(records_file, "a", encoding="utf-8") as f:
        f.write(line + "\n")
    assert main(["ingest", "--records", str(records_file), "--db", str(tmp_path / "c.db")]) == 1
    err = capsys.readouterr().err
    assert "E105" in err or "E404" in err
    assert "4 added" in err


@pytest.mark.parametrize("argv,expected", [
    (["search", "tropas", "Kursk"], "es-lavrov-pyongyang"),
    (["timeline", "Corea del Norte", "--from", "2024-01-01", "--type", "AID,MOBILIZE"], "MOBILIZE"),
    (["entity", "Lavrov"], "person:lavrov"),
    (["figures", "--actor", "PRK", "--unit", "troops"], "10,000-12,000"),
])
def test_commands_query_prints_result(loaded_db, capsys, argv, expected):
    assert main([*argv, "--db", str(loaded_db)]) == 0
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize("argv,field", [(["timeline", "Putin", "--json"], "stories"),
                                        (["entity", "country:RUS", "--json"], "co_actors")])
def test_commands_json_output(loaded_db, capsys, argv, field):
    assert main([*argv, "--db", str(loaded_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data[0] if isinstance(data, list) else data)[field]


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_commands_export_jsonl_round_trips(loaded_db, tmp_path, chronicle_records, fmt):
    out = tmp_path / "out.jsonl"
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(loaded_db)]) == 0
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == chronicle_records
    again = tmp_path / "again.db"
    assert main(["ingest", "--records", str(out), "--db", str(again)]) == 0


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_commands_export_events_table(loaded_db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(loaded_db)]) == 0
    if fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        import pyarrow.parquet as pq
        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 5
    assert {r["actors"] for r in rows} >= {"country:PRK", "person:trump"}
