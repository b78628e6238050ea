"""Store summary: counts by language, type and status, and events with their evidence."""
from __future__ import annotations

import pytest

from cronica.query.summary import render_summary, summarise_store
from cronica.store.sqlite import connect


@pytest.fixture(scope="module")
def summary(chronicle_db, chronicle_records):
    return summarise_store(connect(chronicle_db, readonly=True), examples=3)


def test_summary_counts_match_records(summary, chronicle_records):
    assert sum(n for _, n in summary["documents"]) == len(chronicle_records)
    assert sum(n for _, n in summary["events"]) == sum(len(r["events"]) for r in chronicle_records)


@pytest.mark.parametrize("section", ["entities", "events", "statuses", "top_entities"])
def test_summary_sections_filled(summary, section):
    assert summary[section]


def test_summary_examples_carry_evidence(summary, chronicle_records):
    texts = "".join(r["text"] for r in chronicle_records)
    assert summary["examples"]
    assert all(ex["evidence"] and ex["evidence"].strip()[:40] in texts for ex in summary["examples"])


def test_summary_renders_lines(summary):
    text = render_summary(summary)
    assert text.startswith("documents:") and "events:" in text
