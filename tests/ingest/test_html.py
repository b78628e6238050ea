"""HTML pages: body, title, date, language and authors of real news pages (fundus fixtures)."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from cronica.errors import InputError
from cronica.ingest.html import article_from_html, read_html

PAGES = ["es-fundus-es-ElPais_2024_10_15", "es-fundus-es-LaVanguardia_2025_01_13",
         "en-fundus-au-NineNews_2024_05_02", "en-fundus-uk-TheGuardian_2024_02_24",
         "es-fundus-es-ElMundo_2024_12_02", "en-fundus-us-Reuters_2024_03_07", "en-fundus-za-TimesLive_2025_05_22"]


@pytest.fixture(scope="module")
def gold(shared_data):
    """Gold records of the real pages, by id."""
    with open(shared_data / "news" / "html" / "index.jsonl", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def _page(shared_data, record) -> bytes:
    return gzip.decompress((shared_data / "news" / record["file"]).read_bytes())


def _shingles(text):
    tokens = re.findall(r"\w+", text)
    return {tuple(tokens[i:i + 4]) for i in range(max(len(tokens) - 3, 1))}


@pytest.fixture(scope="module")
def articles(shared_data, gold, options):
    return {pid: article_from_html(_page(shared_data, gold[pid]), pid, options, url=gold[pid]["url"])
            for pid in PAGES if pid in gold}


@pytest.mark.parametrize("page_id", PAGES)
def test_html_published_matches_the_page_declaration(articles, gold, page_id):
    import datetime as dt
    expected = dt.datetime.fromisoformat(gold[page_id]["published"])
    got = dt.datetime.fromisoformat(articles[page_id].published)
    assert got.replace(microsecond=0) == expected.replace(microsecond=0)


@pytest.mark.parametrize("page_id", PAGES)
def test_html_title_is_the_headline(articles, gold, page_id):
    assert " ".join(articles[page_id].title.split()) == " ".join(gold[page_id]["title"].split())


@pytest.mark.parametrize("page_id", PAGES)
def test_html_body_covers_the_gold_body(articles, gold, page_id):
    got, want = _shingles(articles[page_id].text), _shingles(gold[page_id]["text"])
    assert len(got & want) / len(want) > 0.8
    assert len(got & want) / len(got) > 0.7


@pytest.mark.parametrize("page_id", PAGES)
def test_html_metadata_fields(articles, gold, page_id):
    article = articles[page_id]
    assert article.lang in (None, gold[page_id]["lang"])  # only a declared language is kept
    assert article.url == gold[page_id]["url"]
    names = {" ".join(re.findall(r"\w+", a)) for a in article.meta["authors"]}
    assert {" ".join(re.findall(r"\w+", a)) for a in gold[page_id]["authors"]} <= names
    assert article.meta["canonical_url"].startswith("https://")
    assert article.source


@pytest.mark.parametrize("page_id", ["es-fundus-es-ElPais_2024_10_15"])
def test_html_declared_windows_1252_is_decoded(shared_data, gold, options, page_id):
    page = _page(shared_data, gold[page_id]).decode("utf-8")
    page = re.sub(r'<meta charset="?utf-8"?\s*/?>', '<meta charset="windows-1252">', page, flags=re.I)
    legacy = page.encode("cp1252", errors="xmlcharrefreplace")
    article = article_from_html(legacy, page_id, options)
    assert "Ã" not in article.text
    assert article.title == article_from_html(page.encode("utf-8"), page_id, options).title


@pytest.mark.parametrize("html", [
    b"<html><head><title>Portada</title></head></html>",
    b"<html><head><title>Portada</title></head><body><nav><a href='/'>Inicio</a></nav></body></html>",
])
def test_html_without_article_text_is_e111(options, html):
    errors = list(read_html(html, "page.html", options))
    assert len(errors) == 1 and isinstance(errors[0], InputError) and errors[0].code == "E111"
    assert "page.html" in str(errors[0])


@pytest.mark.parametrize("page_id", ["en-fundus-uk-TheGuardian_2024_02_24"])
def test_html_larger_than_the_limit_is_e103(shared_data, gold, options, page_id):
    small = dict(options, max_article_bytes=10_000)
    errors = list(read_html(_page(shared_data, gold[page_id]), "big.html", small))
    assert [e.code for e in errors] == ["E103"]


@pytest.mark.parametrize("page_id", ["es-fundus-es-ElPais_2024_10_15"])
def test_html_htmldate_only_when_the_page_declares_nothing(shared_data, gold, options, page_id):
    from lxml import html as lxml_html
    tree = lxml_html.fromstring(_page(shared_data, gold[page_id]))
    for elem in tree.xpath("//script[@type='application/ld+json'] | //meta[contains(@property, 'time')]"
                           " | //meta[contains(@name, 'date')] | //*[@itemprop='datePublished'] | //time"):
        elem.drop_tree()
    bare = lxml_html.tostring(tree, encoding="unicode")
    article = article_from_html(bare, page_id, options, url=gold[page_id]["url"])
    assert article.meta["published_from"] == "htmldate"
    assert article.published == gold[page_id]["published"][:10]  # the day its URL names
