"""The engine-free half of a batch job: inputs, worker rows and outputs, without Ray."""
import json
import os

import pytest

from cronica.batch.inputs import input_key, is_done, list_inputs
from cronica.batch.job import write_results
from cronica.batch.worker import END_OF_INPUT, ExtractWorker, partition_of, read_rows

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
import pyarrow.dataset as pads  # noqa: E402  (after the importorskip above)

NEWS_IDS = ("es-fnc-1a8324332adb", "en-abp-1SKK278vQwiVPyzi")


@pytest.fixture(scope="module")
def inputs_dir(tmp_path_factory, news_records):
    """Two real articles in a JSON Lines file, plus a file with two broken lines."""
    folder = tmp_path_factory.mktemp("inputs")
    with open(folder / "news.jsonl", "w", encoding="utf-8") as f:
        for doc_id in NEWS_IDS:
            record = {k: news_records[doc_id][k] for k in ("id", "text", "title", "published", "lang", "url")}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    (folder / "broken.jsonl").write_text('{"id": "no-text", "title": "Sin cuerpo"}\n[1, 2]\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def result_rows(inputs_dir, options):
    """Result rows as a worker returns them, for every input of the folder, in order."""
    items = list_inputs([str(inputs_dir)])
    worker = ExtractWorker(options)
    rows = []
    for pos, item in enumerate(items):
        rows += worker(list(read_rows(pos, item.path, options)))
    return items, rows


@pytest.mark.parametrize("name", ["news.jsonl"])
def test_outputs_input_key_is_stable_and_safe(inputs_dir, name):
    key = input_key(str(inputs_dir / name))
    assert key == input_key(os.path.relpath(inputs_dir / name))
    assert key.startswith("news.jsonl-") and "/" not in key


@pytest.mark.parametrize("published, lang, expected", [("2017-02-08", "es", ("2017-02", "es")),
                                                       ("2025-07-09T10:00:00+09:00", "en", ("2025-07", "en")),
                                                       (None, None, ("unknown", "und"))])
def test_outputs_partition_is_month_and_language(published, lang, expected):
    assert partition_of({"published": published, "lang": lang}) == expected


@pytest.mark.parametrize("count", [2])
def test_outputs_worker_rows_keep_input_order(result_rows, count):
    items, rows = result_rows
    news = [r for r in rows if items[r["input"]].path.endswith("news.jsonl")]
    assert [r["id"] for r in news[:-1]] == list(NEWS_IDS)[:count]
    assert [r["seq"] for r in news] == list(range(count + 1))
    assert news[-1]["code"] == END_OF_INPUT and news[-1]["record"] is None  # the input's end


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_outputs_rows_in_any_order_give_the_same_files(result_rows, tmp_path, seed):
    import random
    items, rows = result_rows
    write_results(rows, items, tmp_path / "ordered")
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    totals = write_results(shuffled, items, tmp_path / "shuffled")
    assert totals["inputs"] == len(items)
    files = [{str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
              and p.parent.name != "done"} for root in (tmp_path / "ordered", tmp_path / "shuffled")]
    assert files[0] == files[1] and files[0]


@pytest.mark.parametrize("dropped", [0])
def test_outputs_input_with_missing_rows_is_not_done(result_rows, tmp_path, dropped):
    items, rows = result_rows
    news = next(i for i, item in enumerate(items) if item.path.endswith("news.jsonl"))
    partial = [r for r in rows if not (r["input"] == news and r["seq"] == dropped)]
    totals = write_results(partial, items, tmp_path)
    assert totals["inputs"] == len(items) - 1
    assert not is_done(tmp_path, items[news])


@pytest.mark.parametrize("codes", [["E106", "E105"]])
def test_outputs_failed_records_go_to_error_file(result_rows, tmp_path, codes):
    items, rows = result_rows
    write_results(rows, items, tmp_path)
    broken = next(i for i in items if i.path.endswith("broken.jsonl"))
    errors = [json.loads(l) for l in (tmp_path / "errors" / f"{broken.key}.jsonl").read_text().splitlines()]
    assert [e["code"] for e in errors] == codes
    assert all(e["input"] == broken.path and broken.path in e["error"] for e in errors)
    assert (tmp_path / "records" / f"{broken.key}.jsonl").read_text() == ""


@pytest.mark.parametrize("runs", [2])
def test_outputs_rewriting_gives_identical_files(result_rows, tmp_path, runs):
    items, rows = result_rows
    snapshots = []
    for _ in range(runs):
        write_results(rows, items, tmp_path)
        snapshots.append({str(p.relative_to(tmp_path)): p.read_bytes()
                          for p in sorted(tmp_path.rglob("*")) if p.is_file()})
    assert snapshots[0] == snapshots[1]
    assert not [name for name in snapshots[0] if name.rsplit("/", 1)[-1].startswith(".")]


@pytest.mark.parametrize("columns", [["id", "published", "month", "lang"]])
def test_outputs_parquet_partitioned_by_month_and_language(result_rows, tmp_path, news_records, columns):
    items, rows = result_rows
    write_results(rows, items, tmp_path)
    table = pads.dataset(tmp_path / "parquet", format="parquet", partitioning="hive").to_table(columns=columns)
    found = {r["id"]: r for r in table.to_pylist()}
    assert set(found) == set(NEWS_IDS)
    for doc_id, row in found.items():
        assert (row["month"], row["lang"]) == partition_of(news_records[doc_id])


@pytest.mark.parametrize("name", ["news.jsonl"])
def test_outputs_done_marker_follows_input_changes(result_rows, tmp_path, name):
    items, rows = result_rows
    write_results(rows, items, tmp_path)
    item = next(i for i in items if i.path.endswith(name))
    assert is_done(tmp_path, item)
    stat = os.stat(item.path)
    os.utime(item.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert not is_done(tmp_path, item)


@pytest.mark.parametrize("first", [3])
def test_outputs_warc_input_gives_article_rows(shared_data, options, first):
    import itertools
    import pickle
    warc = shared_data / "news" / "warc"
    urls = {json.loads(l)["url"] for l in (warc / "index.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()}
    rows = list(itertools.islice(read_rows(7, str(warc / "fundus-sample.warc.gz"), options), first))
    assert [(r["input"], r["seq"]) for r in rows] == [(7, n) for n in range(first)]
    assert all(pickle.loads(r["article"]).url in urls for r in rows)
