"""Stories: one event told by several articles is one story with several evidence rows."""
from __future__ import annotations

import pytest

from cronica.store.sqlite import connect


@pytest.mark.parametrize("actor,target,sources", [
    ("person:trump", "person:vladimir putin", {"USA TODAY", "Washington Times"})])
def test_stories_same_meeting_from_two_outlets_merges(chronicle_db, actor, target, sources):
    conn = connect(chronicle_db, readonly=True)
    rows = conn.execute(
        "SELECT e.story_id, d.source FROM events e JOIN documents d USING (doc_rowid)"
        " JOIN event_entities a ON a.event_rowid = e.event_rowid AND a.role = 'actor' AND a.key = ?"
        " JOIN event_entities t ON t.event_rowid = e.event_rowid AND t.role = 'target' AND t.key = ?",
        (actor, target)).fetchall()
    assert len(rows) == 2
    assert len({r[0] for r in rows}) == 1
    assert {r[1] for r in rows} == sources


@pytest.mark.parametrize("doc_id", ["es-lavrov-pyongyang"])
def test_stories_distinct_dates_stay_apart(chronicle_db, doc_id):
    conn = connect(chronicle_db, readonly=True)
    stories = conn.execute("SELECT COUNT(DISTINCT story_id), COUNT(*) FROM events JOIN documents"
                           " USING (doc_rowid) WHERE id = ?", (doc_id,)).fetchone()
    assert stories[0] == stories[1] == 3
