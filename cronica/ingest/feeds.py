"""RSS, Atom and NewsML feeds: one Article per entry, named `feed.xml#N` (N from 1).

feedparser reads RSS/Atom from bytes and never fetches external entities; cronica
also refuses any feed that declares entities (the "billion laughs" family) before
parsing. NewsML 2.0 files (one `NewsItem` per article) are read with lxml.
"""
from __future__ import annotations

import html
import logging
import re
import time
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .decode import repair_mojibake
from .pagemeta import normalize_date

log = logging.getLogger("cronica")

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
_DROP = ("script", "style", "figure", "figcaption", "iframe", "noscript", "img", "video", "audio")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)\s*$")
_LANGS = ("es", "en")
# A body-less entry whose headline has at least this many words is kept as a short article.
MIN_TITLE_WORDS = 5
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refuse_entities(data: bytes, name: str) -> None:
    """Raise E109 when the document's prolog declares entities (DOCTYPE internal subset).

    Args:
        data: the feed bytes.
        name: input name for the message.
    """
    head = data[:1_000_000]
    start = head.lower().find(b"<!doctype")
    if start < 0:
        return
    end = head.find(b"]>", start)
    if _ENTITY_DECL.search(head[start:end if end > 0 else len(head)]):
        raise InputError("E109", input=name, reason="DOCTYPE declares entities; refused")


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment: one line per block, media and scripts dropped.

    Args:
        fragment: HTML (or plain text) from a feed entry.
    Returns:
        the text, paragraphs separated by newlines.
    """
    if not fragment or not fragment.strip():
        return ""
    fragment = _CONTROL.sub(" ", fragment)
    if "<" not in fragment:
        return _squeeze(html.unescape(fragment))
    import lxml.etree
    import lxml.html
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError) as e:
        log.debug("feed HTML unreadable: %s", e)
        return _squeeze(re.sub(r"<[^>]+>", " ", fragment))
    for elem in list(root.iter(*_DROP)):
        elem.drop_tree()
    for elem in root.iter(*_BLOCKS):
        elem.tail = "\n" + (elem.tail or "")
        if elem.tag != "br":
            elem.text = "\n" + (elem.text or "")
    return _squeeze(root.text_content())


def _squeeze(text: str) -> str:
    text = repair_mojibake(text)
    lines = (" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> str | None:
    for key in ("published", "updated", "created"):
        date = normalize_date(entry.get(key))
        if date:
            return date
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        # feedparser rolls impossible dates over ("2024-13-45" becomes 2025): a parse whose
        # year is not in the declared text is such a roll-over, not a date of the entry
        if parsed and str(parsed.tm_year) in str(entry.get(key) or ""):
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def _entry_text(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    text = html_to_text(best)
    summary = html_to_text(entry.get("summary"))
    return text if len(text) >= len(summary) else summary


def _entry_authors(entry) -> list[str]:
    names = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    if not names and entry.get("author"):
        names = [entry["author"]]
    out = []
    for name in names:
        match = _EMAIL_NAME.match(name)
        out.append(match.group(1).strip() if match else name.strip())
    return [n for n in out if n and "@" not in n]


def _lang(code: str | None) -> str | None:
    code = (code or "").strip().lower()[:2]
    return code if code in _LANGS else None


def _feed_source(feed) -> str | None:
    """The outlet: the part of the feed title that names the feed's host, else the host."""
    link = feed.get("link") or ""
    host = re.sub(r"^(www|rss|feeds?)\d?\.", "", link.split("//", 1)[-1].split("/", 1)[0].lower())
    labels = [re.sub(r"\W", "", label) for label in host.split(".")[:-1] if len(label) >= 3]
    for part in re.split(r"\s+(?:-|//|>|\|)\s+|:\s+", (feed.get("title") or "").strip()):
        key = re.sub(r"\W", "", part.lower())
        if key and any(label in key for label in labels):
            return part.strip()
    return host or None


def article_from_entry(entry, feed, name: str) -> Article | InputError:
    """One feed entry as an Article, or E102 when it has no text.

    An entry with a headline but no body (common in link-only feeds) becomes a short
    article made of its headline when that has at least MIN_TITLE_WORDS words.
    """
    text = _entry_text(entry)
    title = html_to_text(entry.get("title")) or None
    meta = {"authors": _entry_authors(entry)}
    if not text and title and len(title.split()) >= MIN_TITLE_WORDS:
        # the headline is the text: as a title too, cleaning would drop it from the text
        text, title, meta["text_from"] = title, None, "title"
    if not text:
        return InputError("E102", input=name)
    if entry.get("id") and entry.get("id") != entry.get("link"):
        meta["guid"] = entry["id"]
    return Article(text=text, input_name=name, url=entry.get("link"), title=title,
                   published=_entry_date(entry), source=_feed_source(feed),
                   lang=_lang(entry.get("language") or feed.get("language")), meta=meta)


def read_feed(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    """A feed file: one Article per entry; a feed that cannot be read is one E109 error.

    Args:
        data: the feed bytes.
        name: input name; entries are named `name#N`.
        options: settings (max_article_bytes caps each entry's text).
    Returns:
        iterator of Article or InputError.
    """
    try:
        refuse_entities(data, name)
    except InputError as e:
        yield e
        return
    if b"<newsml" in data[:4096].lower():
        yield from read_newsml(data, name, options)
        return
    yield from _read_rss(data, name, options)


def _read_rss(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    import feedparser
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    items = [article_from_entry(entry, parsed.feed, f"{name}#{number}")
             for number, entry in enumerate(parsed.entries, 1)]
    if not any(isinstance(item, Article) for item in items):
        # nothing readable: one error for the feed, not one per broken entry
        reason = str(parsed.get("bozo_exception") or "no entries") if parsed.bozo else "no entries with text"
        yield InputError("E109", input=name, reason=" ".join(reason.split())[:200])
        return
    if parsed.bozo:
        log.warning("%s: feed not well-formed (%s); entries read leniently", name, parsed.get("bozo_exception"))
    for number, item in enumerate(items, 1):
        if isinstance(item, Article) and len(item.text.encode("utf-8")) > options["max_article_bytes"]:
            item = InputError("E103", input=f"{name}#{number}", limit=options["max_article_bytes"])
        yield item


def _xml_root(data: bytes, name: str):
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise InputError("E109", input=name, reason=str(e)) from e


def _local(tree, tag: str):
    return tree.xpath(f".//*[local-name()='{tag}']")


def _first_text(item, tag: str) -> str | None:
    for elem in _local(item, tag):
        text = " ".join("".join(elem.itertext()).split())
        if text:
            return text
    return None


def _newsml_body(item) -> str:
    parts = []
    for content in _local(item, "body.content"):
        parts.append(content.text or "")
        parts.extend(child.tail or "" for child in content)
    return html_to_text("".join(parts))


def read_newsml(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    """NewsML 2.0: one Article per `NewsItem` (headline, link, first-created date, NITF body)."""
    try:
        root = _xml_root(data, name)
    except InputError as e:
        yield e
        return
    catalog = _local(root, "Catalog")
    source = re.sub(r"^www\.", "", catalog[0].get("Href", "").split("//")[-1].strip("/")) if catalog else None
    items = _local(root, "NewsItem")
    if not items:
        yield InputError("E109", input=name, reason="no NewsItem")
        return
    for number, item in enumerate(items, 1):
        text = _newsml_body(item) or html_to_text(_first_text(item, "Description"))
        if not text:
            yield InputError("E102", input=f"{name}#{number}")
            continue
        byline = _first_text(item, "ByLine")
        yield Article(text=text, input_name=f"{name}#{number}", title=html_to_text(_first_text(item, "HeadLine")),
                      url=_first_text(item, "DeriveredFrom") or _first_text(item, "DerivedFrom"),
                      published=normalize_date(_first_text(item, "FirstCreated")), source=source or None,
                      meta={"authors": [byline] if byline else []})
