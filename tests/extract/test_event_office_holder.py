"""A definite title with no name stands for the person the story named with that office:
"El ministro de Relaciones Exteriores solicitó ..." after "El canciller, Marcelo Ebrard, ..."
is Ebrard's act; "the president" after "President Donald Trump" is Trump's. A person the
story names more often, whose office it never states, may be the one meant: then the title
stays a title.

Sentences come from the news records of ../shared/data/news and the development gold.
"""
from __future__ import annotations

import pytest

from event_records import role_names


@pytest.mark.parametrize("lang, published, text, type_, holder", [
    ("es", "2021-02-18", "El canciller, Marcelo Ebrard, situó al país en una posición de liderazgo ante el Consejo "
     "de Seguridad. El ministro de Relaciones Exteriores solicitó también acelerar las entregas de las dosis "
     "comprometidas por el mecanismo Covax.", "REQUEST", "Marcelo Ebrard"),
    ("en", "2019-10-14", "President Donald Trump said Monday he will sign an executive order imposing sanctions on "
     "Turkey. The president has defended his decision to pull troops from Syria.", "RETREAT", "Trump"),
])
def test_event_office_holder_title_is_its_holder(pipeline, lang, published, text, type_, holder):
    events = role_names(pipeline, text, lang, published)
    acts = [s for t, s, _ in events if t == type_]
    assert acts and all(any(holder in n for n in s) for s in acts), events


def test_event_office_holder_not_taken_over_a_person_named_more(pipeline):
    # Trump is named three times with no office stated; "el presidente" is not Maduro
    text = ("Donald Trump asistirá a la Cumbre de las Américas en Lima. Donald Trump visitará también Colombia. "
            "Perú no ha invitado al presidente venezolano, Nicolás Maduro. La Casa Blanca confirmó el viaje de "
            "Donald Trump. El presidente amenazó en agosto con lanzar una intervención militar en Venezuela.")
    events = role_names(pipeline, text, "es", "2018-03-09")
    threats = [s for t, s, _ in events if t == "THREATEN"]
    assert threats and not any("Nicolás Maduro" in s for s in threats), events
