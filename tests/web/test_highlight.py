"""Article highlights: segments cover the text exactly, layers follow the annotations."""
from __future__ import annotations

import pytest

from cronica.web.highlight import highlight_segments


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_highlight_segments_rebuild_text(chronicle_records, index):
    record = chronicle_records[index]
    assert "".join(s["text"] for s in highlight_segments(record)) == record["text"]


@pytest.mark.parametrize("doc_id,surface,layers", [
    ("es-lavrov-pyongyang", "10,000 a 12,000 tropas", {"qty", "evidence"}),
    ("es-lavrov-pyongyang", "Kursk", {"ent"}),
])
def test_highlight_layers_over_surface(chronicle_records, doc_id, surface, layers):
    record = next(r for r in chronicle_records if r["id"] == doc_id)
    found = [s for s in highlight_segments(record) if s["text"] == surface]
    assert found and layers <= set(found[0]["layers"])
