"""A page's own metadata: declared dates first, in a fixed order, and title clean-up."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cronica.ingest.pagemeta import find_declared_date, find_lang, normalize_date, strip_site_from_title


def _tree(head: str, body: str = "<p>Texto.</p>", lang: str = "es"):
    return lxml_html.fromstring(f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>')


@pytest.mark.parametrize("value,expected", [
    ("2024-10-15T08:22:57+02:00", "2024-10-15T08:22:57+02:00"),
    ("2024-10-15T06:22:57Z", "2024-10-15T06:22:57+00:00"),
    ("2024-10-15T08:22:57.123+0200", "2024-10-15T08:22:57+02:00"),
    ("2020-12-20T14:44:05+01", "2020-12-20T14:44:05+01:00"),
    ("Wed, 08 May 2019 14:29:04 GMT", "2019-05-08T14:29:04+00:00"),
    ("2024-10-15", "2024-10-15"),
    ("2024-10-15T08:22:57", "2024-10-15"),  # no offset: the day only, never an invented zone
    ("hace dos horas", None), ("", None), (None, None),
])
def test_pagemeta_normalize_date(value, expected):
    assert normalize_date(value) == expected


JSONLD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebPage", "datePublished": "2023-01-01T00:00:00Z"},'
          '{"@type": "NewsArticle", "headline": "Bruselas sondea", "datePublished": "2024-10-15T08:22:57+02:00"}]}'
          '</script>')
OG = '<meta property="article:published_time" content="2024-10-14T10:00:00+02:00">'
NAME = '<meta name="date" content="2024-10-13">'
TIME = "<article><time datetime='2024-10-12T09:00:00+02:00'>12 de octubre</time><p>Texto.</p></article>"


@pytest.mark.parametrize("head,body,expected,where", [
    (JSONLD + OG + NAME, TIME, "2024-10-15T08:22:57+02:00", "json-ld"),
    (OG + NAME, TIME, "2024-10-14T10:00:00+02:00", "meta"),
    (NAME, TIME, "2024-10-13", "meta"),
    ("", TIME, "2024-10-12T09:00:00+02:00", "time"),
    ("", "<p>Publicado el 12 de octubre.</p>", None, None),
])
def test_pagemeta_declared_date_order(head, body, expected, where):
    assert find_declared_date(_tree(head, body)) == (expected, where)


@pytest.mark.parametrize("lang,expected", [("es-ES", "es"), ("en", "en"), ("EN_gb", "en"), ("", None)])
def test_pagemeta_declared_language(lang, expected):
    assert find_lang(_tree("", lang=lang)) == expected


@pytest.mark.parametrize("title,site,url,expected", [
    ("Mining blasts shatter homes - Lesotho Times", "Lesotho Times", None, "Mining blasts shatter homes"),
    ("How RPA vendors aim to remain relevant | TechCrunch", None, "https://techcrunch.com/2024/x",
     "How RPA vendors aim to remain relevant"),
    ("Israel asesina a 58 palestinos | elDiario.es", "eldiario.es", None, "Israel asesina a 58 palestinos"),
    ("Sánchez - Feijóo: el debate", "El País", "https://elpais.com/a", "Sánchez - Feijóo: el debate"),
])
def test_pagemeta_site_name_cut_from_title(title, site, url, expected):
    assert strip_site_from_title(title, site, url) == expected


@pytest.mark.parametrize("site,url,expected", [
    ("Breaking Australian and World News Headlines - 9News", "https://www.9news.com.au/world/x", "9News"),
    ("The_Japan_News", "https://japannews.yomiuri.co.jp/politics/", "The Japan News"),
    (None, "https://www.theportugalnews.com/news/2025-01-31/x", "theportugalnews.com"),
    ("El País", "https://elpais.com/internacional/", "El País"),
])
def test_pagemeta_site_name_is_tidied(site, url, expected):
    from cronica.ingest.pagemeta import clean_site
    assert clean_site(site, url) == expected
