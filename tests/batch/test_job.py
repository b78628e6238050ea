"""`cronica batch` as a real Ray Data job in local mode: one tiny run, one worker.

Ray is the `cronica[ray]` extra: without it these tests skip, except under CI
(CI=true), where a missing Ray is a failure.
"""
import json
import os

import pytest

from cronica.cli import main
from cronica.ingest import read_inputs
from cronica.runner import extract_articles

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray Data's own deprecated settings

NEWS_IDS = ("es-fnc-1a8324332adb", "es-fnc-46879b67f620", "en-abp-1SKK278vQwiVPyzi")


def _need_ray():
    try:
        import ray  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        message = "ray is not installed (pip install 'cronica[ray]')"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def job(tmp_path_factory, news_records):
    """Inputs (real articles in two files, one broken file) and the output of one batch run."""
    _need_ray()
    folder = tmp_path_factory.mktemp("batch-inputs")
    for name, ids in (("es.jsonl", NEWS_IDS[:2]), ("en.jsonl", NEWS_IDS[2:])):
        with open(folder / name, "w", encoding="utf-8") as f:
            for doc_id in ids:
                record = {k: news_records[doc_id][k] for k in ("id", "text", "title", "published", "lang", "url")}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    (folder / "broken.jsonl").write_text('{"id": "sin-texto"}\n', encoding="utf-8")
    out = tmp_path_factory.mktemp("batch-out")
    code = main(["batch", str(folder), "--out", str(out), "--workers", "1"])
    return folder, out, code


def _records(out):
    return [json.loads(line) for path in sorted((out / "records").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("expected_code", [1])
def test_job_exit_code_says_some_failed(job, expected_code):
    assert job[2] == expected_code


@pytest.mark.parametrize("files", [["broken.jsonl", "en.jsonl", "es.jsonl"]])
def test_job_records_identical_to_extract(job, pipeline, options, files):
    folder, out, _ = job
    expected = [r for r in extract_articles(read_inputs([str(folder / f) for f in files], options),
                                            pipeline=pipeline) if isinstance(r, dict)]
    assert sorted(expected, key=lambda r: r["id"]) == sorted(_records(out), key=lambda r: r["id"])
    for name in files[1:]:
        key = next(p.stem for p in (out / "records").glob(f"{name}-*.jsonl"))
        ids = [json.loads(l)["id"] for l in (out / "records" / f"{key}.jsonl").read_text().splitlines()]
        assert ids == [r["id"] for r in expected if r["id"] in ids]  # input order within a file


@pytest.mark.parametrize("code", ["E106"])
def test_job_failed_record_in_error_output(job, code):
    _, out, _ = job
    errors = [json.loads(l) for p in (out / "errors").glob("*.jsonl") for l in p.read_text().splitlines()]
    assert [e["code"] for e in errors] == [code]
    assert errors[0]["input"].endswith("broken.jsonl") and "[E106]" in errors[0]["error"]


@pytest.mark.parametrize("markers", [3])
def test_job_resume_skips_finished_inputs(job, capsys, markers):
    folder, out, _ = job
    assert len(list((out / "done").glob("*.json"))) == markers
    before = {p: p.stat().st_mtime_ns for p in (out / "records").glob("*.jsonl")}
    code = main(["batch", str(folder), "--out", str(out), "--resume"])
    assert code == 0 and f"{markers} skipped" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in (out / "records").glob("*.jsonl")} == before
