"""Records shared by the store tests."""
from __future__ import annotations

import pytest

# a minister named with his country in one article and by name alone in the next
KNOWN_COUNTRY_ARTICLES = [
    ("es-molano-despliegue", "El ministro de Defensa de Colombia, Diego Molano, anunció el despliegue"
                             " de 2.000 soldados en el Cauca."),
    ("es-molano-visita", "Diego Molano visitó Popayán el martes y se reunió con los alcaldes de la región."),
]


@pytest.fixture(scope="session")
def known_country_records(pipeline) -> list[dict]:
    """Two extracted articles: one says whom a person acts for, the other names him alone."""
    from cronica.model import Article, to_record
    return [dict(to_record(pipeline(Article(text=text, lang="es", published="2021-05-04"))), id=doc_id)
            for doc_id, text in KNOWN_COUNTRY_ARTICLES]
