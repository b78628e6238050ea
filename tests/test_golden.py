"""Golden files: whole records of real articles, reviewed by hand, compared field by field.

Each `tests/golden/<lang>/<case>.expected.json` names its input (a file under ../shared
or a news record id) and holds the expected projection of the record: title,
dateline, flags, entities, times, quantities and events (with actor and recipient
names, status, date and figures). `reviewed` says what a maintainer checked against
the article; `known_wrong` lists the errors that review found and cronica still makes,
so a change that fixes one shows up as a diff to accept, and one that breaks a right
part fails. `pytest --update-golden` rewrites the files from
the current output and prints the diff; review it before committing.
"""
from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from cronica.model import Article, to_record

from conftest import GOLDEN, SHARED

CASES = sorted(GOLDEN.glob("*/*.expected.json"))


def _input(spec: dict, news_records) -> Article:
    if spec.get("file"):
        text = (SHARED / spec["file"]).read_text(encoding="utf-8")
        return Article(text=text, published=spec.get("published"), input_name=spec["file"])
    r = news_records[spec["record_id"]]
    return Article(text=r["text"], title=r.get("title"), published=spec.get("published") or r.get("published"),
                   lang=r.get("lang"), id=r["id"], url=r.get("url"), source=r.get("source"))


def project(record: dict) -> dict:
    """The reviewed view of a record: what a careful reader checks."""
    ents = {e["id"]: e for e in record["entities"]}
    qs = {q["id"]: q for q in record["quantities"]}
    names = lambda ids: sorted(ents[i]["name"] for i in ids if i in ents)
    return {
        "title": record["title"],
        "dateline": (record.get("dateline") or {}).get("text"),
        "flags": sorted({(f["kind"], f["text"]) for f in record["flags"] if f["kind"] != "boilerplate_removed"}),
        "entities": sorted({(e["name"], e["type"], e.get("country")) for e in record["entities"]},
                           key=lambda t: (t[0], t[1], t[2] or "")),
        "times": [(t["text"], t["start"], t["end"]) for t in record["times"]],
        "quantities": [(q["text"], q["min"], q["max"], q.get("unit")) for q in record["quantities"]],
        "events": [{"type": ev["type"], "source": names(ev["source"]), "target": names(ev["target"]),
                    "status": ev["status"], "when": [(ev.get("when") or {}).get("start"),
                                                     (ev.get("when") or {}).get("end")],
                    "figures": [[qs[q]["min"], qs[q]["max"]] for q in ev.get("quantities") or [] if q in qs],
                    "evidence": record["text"][ev["evidence"]["start"]:ev["evidence"]["end"]][:80]}
                   for ev in record["events"]],
    }


def _normal(obj):
    return json.loads(json.dumps(obj, ensure_ascii=False))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_record_matches(path: Path, pipeline, news_records, request):
    case = json.loads(path.read_text(encoding="utf-8"))
    actual = _normal(project(to_record(pipeline(_input(case["input"], news_records)))))
    if request.config.getoption("--update-golden"):
        old = json.dumps(case.get("expected"), ensure_ascii=False, indent=1).splitlines()
        case["expected"] = actual  # "reviewed" and "known_wrong" stay: re-read them against the diff
        new = json.dumps(actual, ensure_ascii=False, indent=1).splitlines()
        path.write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("\n".join(difflib.unified_diff(old, new, str(path), str(path), lineterm="")))
        return
    expected = case["expected"]
    assert expected and case.get("reviewed"), f"{path.name}: not reviewed yet (run --update-golden, read the diff, sign 'reviewed')"
    for field in expected:
        assert actual[field] == expected[field], f"{path.name}: {field} differs"
