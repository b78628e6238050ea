"""English sentences that tell a state or a demand, not the act their verb names."""
from __future__ import annotations

import pytest

from cronica.model import Article


def _events(pipeline, text: str) -> list[tuple]:
    article = pipeline(Article(text=text, lang="en", published="2014-08-01"))
    names = {e.id: e.name for e in article.entities}
    return [(ev.type, {names[i] for i in ev.source}, {names[i] for i in ev.target}) for ev in article.events]


@pytest.mark.parametrize("text, type_", [
    ("Most Kashmiris support the rebels' demand that all of Kashmir be united under Pakistani rule.", "SUPPORT"),
    ("Many Filipinos oppose the visiting forces agreement with the United States.", "REJECT"),
    # a thing does no deed of words or will: only people and bodies of people do
    ("The inopportune timing threatens to derail the trade talks between the two countries.", "THREATEN"),
    ("The impasse demanded a new approach from both negotiating teams.", "REQUEST"),
])
def test_events_en_states_attitude_or_thing_is_no_event(pipeline, text, type_):
    """A population's attitude is a state, not an act; a thing does no deed of words or will."""
    assert type_ not in [t for t, _, _ in _events(pipeline, text)]


@pytest.mark.parametrize("text, demanded, speaker, addressee", [
    ("Israel says Hamas should be disarmed under any agreement.", "RETREAT", "Israel", "Hamas"),
])
def test_events_en_states_demanded_act_is_a_demand(pipeline, text, demanded, speaker, addressee):
    events = _events(pipeline, text)
    assert any(t == "REQUEST" and speaker in src and addressee in tgt for t, src, tgt in events)
    assert demanded not in [t for t, _, _ in events]


@pytest.mark.parametrize("text, type_, actor", [
    ("The ministry demanded a new approach from both negotiating teams.", "REQUEST", "ministry"),
    ("The protesters demanded the release of the detainees held since March.", "REQUEST", "protesters"),    # a deportation told in the passive is the authorities' act, though an expulsion need not be
    ("The Harvard freshman was deported on Monday after officers questioned him at Logan airport.", "COERCE",
     "authorities"),
    # the counted noun of "hundreds of" acts; a vessel stands for its crew
    ("Hundreds of striking workers marched through the capital on Tuesday.", "PROTEST", "striking workers"),
    ("The patrol boat was deliberately sideswiped by a Chinese militia vessel.", "ASSAULT", "Chinese militia vessel"),
])
def test_events_en_states_people_do_deeds(pipeline, text, type_, actor):
    assert any(t == type_ and actor in src for t, src, _ in _events(pipeline, text))


def test_events_en_states_section_heading_is_no_event(pipeline):
    """A heading between paragraphs names what the paragraph below tells: no event of its own."""
    text = ("Saudi Arabia froze new trade with Canada on Monday and expelled its ambassador over the "
            "criticism of the arrests of activists.\n\nTHREAT TO INVESTMENT?\n\nAnalysts said the dispute "
            "could slow the kingdom's efforts to attract foreign capital.")
    assert "THREATEN" not in [t for t, _, _ in _events(pipeline, text)]


def test_events_en_states_headline_atop_the_text_is_kept():
    """A headline kept at the top of a wire text, before any paragraph, tells the news; a heading
    between paragraphs is skipped; the last line heads nothing."""
    from cronica.extract.events import _subheadings
    text = ("INDIGENAS RADICALIZAN PARALIZACION EN LA ZONA RURAL\n\nQUITO, Jun 17\n\nLos indígenas "
            "radicalizaron este martes el paro en la zona rural de Ecuador.\n\nHuelgas en Ecuador\n\n"
            "Los maestros siguen en huelga desde el lunes.\n\nFin")
    assert [text[a:b] for a, b in _subheadings(text)] == ["Huelgas en Ecuador"]
