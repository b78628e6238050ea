"""Feeds: real RSS, Atom-like and NewsML files, and feeds that must be refused."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from cronica.errors import InputError
from cronica.ingest.feeds import html_to_text, read_feed
from cronica.model import Article


@pytest.fixture(scope="module")
def feed_index(shared_data):
    with open(shared_data / "news" / "rss" / "index.jsonl", encoding="utf-8") as f:
        return {r["file"]: r for r in map(json.loads, f)}


def _read(shared_data, file, options):
    path = shared_data / "news" / file
    return list(read_feed(path.read_bytes(), path.name, options))


RSS = ["rss/es-elmundo.xml", "rss/es-20minutos.xml", "rss/es-elconfidencial.xml", "rss/en-bbc.xml",
       "rss/en-nytimes.xml", "rss/en-theguardian.xml", "rss/es-elpais.xml"]


@pytest.mark.parametrize("file", RSS)
def test_feeds_every_item_is_an_article(shared_data, feed_index, options, file):
    items = _read(shared_data, file, options)
    articles = [i for i in items if isinstance(i, Article)]
    assert len(items) == feed_index[file]["items"]
    assert len(articles) == len(items)
    assert all(a.title and a.url.startswith("http") and a.text for a in articles)
    assert [a.input_name for a in articles[:2]] == [f"{file.split('/')[-1]}#1", f"{file.split('/')[-1]}#2"]


@pytest.mark.parametrize("file", RSS)
def test_feeds_dates_fall_in_the_feed_range(shared_data, feed_index, options, file):
    low, high = (dt.date(*day) for day in feed_index[file]["pubdate_range"])  # UTC days
    dates = [a.published for a in _read(shared_data, file, options) if isinstance(a, Article)]
    days = [dt.datetime.fromisoformat(d).astimezone(dt.timezone.utc).date() for d in dates]
    assert all(low <= day <= high for day in days)


@pytest.mark.parametrize("file,lang", [("rss/es-elmundo.xml", "es"), ("rss/en-bbc.xml", "en")])
def test_feeds_language_from_the_channel(shared_data, options, file, lang):
    assert {a.lang for a in _read(shared_data, file, options) if isinstance(a, Article)} == {lang}


@pytest.mark.parametrize("file", ["rss/es-eldiario.xml"])
def test_feeds_double_encoded_text_is_repaired(shared_data, options, file):
    articles = [a for a in _read(shared_data, file, options) if isinstance(a, Article)]
    assert not any("Ã" in a.text or "Ã" in (a.title or "") for a in articles)
    assert any("ó" in a.text for a in articles)


@pytest.mark.parametrize("file", ["rss/es-lavanguardia.newsml.xml"])
def test_feeds_newsml_items_are_articles(shared_data, options, file):
    items = _read(shared_data, file, options)
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) > 25
    first = articles[0]
    assert first.url.startswith("https://www.lavanguardia.com/")
    assert first.published.startswith("2020-12-20T")
    assert "Matt Hancock" in first.text and "<p" not in first.text
    assert first.source == "lavanguardia.com"
    assert not any("&quot;" in (a.title or "") + a.text for a in articles)


@pytest.mark.parametrize("feed", [
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    b'<rss version="2.0"><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>',
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><item><title>Noticia</title><description>&ext;</description></item></channel></rss>',
])
def test_feeds_entity_declarations_are_refused(options, feed):
    items = list(read_feed(feed, "feed.xml", options))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].code == "E109"
    assert "feed.xml" in str(items[0])


@pytest.mark.parametrize("feed", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Portada</title><item><tit',
    b"<rss version='2.0'><channel><title>Portada</title></channel></rss>",
])
def test_feeds_unreadable_feed_is_one_e109(options, feed):
    items = list(read_feed(feed, "portada.xml", options))
    assert [type(i) for i in items] == [InputError] and items[0].code == "E109"


@pytest.mark.parametrize("fragment,expected", [
    ("<p>El Gobierno aprobó el decreto.</p><p>La oposición lo rechazó.</p>",
     "El Gobierno aprobó el decreto.\nLa oposición lo rechazó."),
    ("<figure><img src='a.jpg'><figcaption>Foto: EFE</figcaption></figure><p>Kyiv was hit overnight.</p>",
     "Kyiv was hit overnight."),
    ("Ministers met&nbsp;on Monday.", "Ministers met on Monday."),
])
def test_feeds_html_to_text(fragment, expected):
    assert html_to_text(fragment) == expected


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">
  <title>Internacional | Diario</title>
  <link href="https://diario.example/internacional/"/>
  <entry>
    <title>Lavrov llega a Pionyang para una visita de tres días</title>
    <link rel="alternate" href="https://diario.example/2025/07/11/lavrov-pionyang.html"/>
    <id>tag:diario.example,2025:lavrov</id>
    <published>2025-07-11T09:30:00+02:00</published>
    <author><name>Redacción Internacional</name></author>
    <content type="html">&lt;p&gt;El ministro de Exteriores ruso, Serguéi Lavrov, llegó el viernes a Pionyang.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_feeds_atom_entry(options):
    (article,) = read_feed(ATOM.encode("utf-8"), "atom.xml", options)
    assert article.title.startswith("Lavrov llega") and article.url.endswith("lavrov-pionyang.html")
    assert article.published == "2025-07-11T09:30:00+02:00" and article.lang == "es"
    assert article.text.startswith("El ministro") and article.meta["authors"] == ["Redacción Internacional"]
