"""Server-side SVG charts."""
from __future__ import annotations

import pytest

from cronica.query.figures import figures
from cronica.query.timeline import timeline
from cronica.store.sqlite import connect
from cronica.web.charts import figures_svg, timeline_svg


@pytest.mark.parametrize("entity,marks,lanes", [("Corea del Norte", 3, 2), ("Putin", 1, 1)])
def test_charts_timeline_one_mark_per_story(chronicle_db, entity, marks, lanes):
    svg = timeline_svg(timeline(connect(chronicle_db, readonly=True), entity=entity)["stories"])
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('class="story"') == marks
    assert svg.count('class="lane-label"') == lanes


@pytest.mark.parametrize("unit,bars", [("troops", 2)])
def test_charts_figures_one_bar_per_figure(chronicle_db, unit, bars):
    svg = figures_svg(figures(connect(chronicle_db, readonly=True), unit=unit)["figures"])
    assert svg.count('class="figure"') == bars


@pytest.mark.parametrize("stories", [[]])
def test_charts_empty_without_dates(stories):
    assert timeline_svg(stories) == "" and figures_svg(stories) == ""
