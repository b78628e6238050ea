"""HTML pages: main text with trafilatura, metadata from the page's own declarations.

Decoding honours the declared charset (BOM, `<meta charset>`) and sniffs one
otherwise; the publication date comes from structured data first, htmldate after.
"""
from __future__ import annotations

import logging
import re
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .decode import decode_text, repair_mojibake
from .pagemeta import (PageMeta, clean_site, find_canonical, find_declared_date, find_lang,
                       strip_site_from_title)

log = logging.getLogger("cronica")

# Body extraction settings, chosen on bench/html_bench.py: precision mode with tables
# kept scores best there (F1 0.964 vs 0.957 with tables off); comments are never article text.
EXTRACT_OPTIONS = {"favor_precision": True, "include_comments": False, "include_tables": True,
                   "fast": False, "with_metadata": False}
# A page whose main text has fewer words than this has no article (a menu, a stub).
MIN_ARTICLE_WORDS = 5
# Languages whose declaration is kept on the article; others are left to detection.
DECLARED_LANGS = ("es", "en")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (`<meta charset>` or http-equiv).

    Args:
        data: the raw page.
    Returns:
        the encoding name, or None when none is declared.
    """
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii").lower() if match else None


# A tag with more attributes than this loses them all before parsing: libxml2 checks each
# new attribute against the others, so a tag with 100k attributes would take minutes.
MAX_ATTRIBUTES = 1_000
_LONG_TAG = re.compile(r"<([a-zA-Z][\w:-]*)(\s[^<>]{4000,})>")
_ATTRIBUTE = re.compile(r"\s[^\s=<>/\"']+")


def _tame_attributes(match: re.Match) -> str:
    outside_values = re.sub(r"=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*)", "=", match.group(2))
    if len(_ATTRIBUTE.findall(outside_values)) <= MAX_ATTRIBUTES:
        return match.group(0)
    return f"<{match.group(1)}>"


def _parse(html_text: str, name: str):
    from trafilatura.utils import load_html
    tree = load_html(_LONG_TAG.sub(_tame_attributes, html_text))
    if tree is None or tree.find(".//body") is None:
        raise InputError("E111", input=name)
    return tree


def _authors(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(";") if a.strip()]


def read_metadata(tree, url: str | None = None) -> PageMeta:
    """Read title, authors, site, canonical URL, language and publication date from a page.

    Args:
        tree: the parsed page (lxml), left unchanged.
        url: the URL the page was fetched from, when known.
    Returns:
        PageMeta; `published` is None when neither structured data nor htmldate finds one.
    """
    from trafilatura import metadata as tm
    doc = tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = tm.extract_meta_json(tree, doc)
    except Exception as e:  # noqa: BLE001 - trafilatura's JSON-LD walker fails on odd graphs
        log.debug("JSON-LD metadata unreadable: %s", e)
    meta = PageMeta(title=doc.title or tm.extract_title(tree), site=doc.sitename,
                    authors=_authors(doc.author or tm.extract_author(tree)),
                    canonical_url=find_canonical(tree), lang=find_lang(tree))
    meta.url = url or meta.canonical_url
    meta.site = clean_site(meta.site or tm.extract_sitename(tree), meta.url)
    meta.title = strip_site_from_title(meta.title, meta.site, meta.url)
    meta.published, meta.published_from = find_declared_date(tree)
    if not meta.published:
        meta.published, meta.published_from = _htmldate(tree, meta.url), "htmldate"
    return meta


def _htmldate(tree, url: str | None) -> str | None:
    from htmldate import find_date
    try:
        return find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError) as e:
        log.debug("htmldate failed: %s", e)
        return None


def extract_body(tree, url: str | None = None) -> str:
    """The page's main text (paragraphs separated by newlines), or "" when there is none.

    Args:
        tree: the parsed page; trafilatura works on a copy.
        url: the page URL, when known.
    Returns:
        the article text.
    """
    from trafilatura import bare_extraction
    document = bare_extraction(tree, url=url, **EXTRACT_OPTIONS)
    return (document.text or "").strip() if document is not None else ""


def article_from_html(html_text: str | bytes, name: str, options, url: str | None = None) -> Article:
    """Build an Article from one HTML page.

    Args:
        html_text: the page, as text (or raw bytes, decoded here).
        name: input name for messages.
        options: settings.
        url: the URL the page came from, when known (wins over the canonical link).
    Returns:
        the Article, with title, published, url, source, lang and meta filled where found.
    """
    if isinstance(html_text, bytes):
        html_text = decode_text(html_text, name, declared=declared_charset(html_text))
    tree = _parse(html_text, name)
    meta = read_metadata(tree, url)
    text = repair_mojibake(extract_body(tree, meta.url))
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError("E111", input=name)
    extra = {"authors": meta.authors, "canonical_url": meta.canonical_url}
    if meta.published:
        extra["published_from"] = meta.published_from
    return Article(text=text, input_name=name, url=meta.url, source=meta.site, title=repair_mojibake(meta.title),
                   published=meta.published,
                   lang=meta.lang if meta.lang in DECLARED_LANGS else None, meta=extra)


def read_html(data: bytes, name: str, options) -> Iterator[Article | InputError]:
    """An HTML file: one article, or an InputError (E103 too large, E101 encoding, E111 no text)."""
    if len(data) > options["max_article_bytes"]:
        yield InputError("E103", input=name, limit=options["max_article_bytes"])
        return
    try:
        yield article_from_html(data, name, options)
    except InputError as e:
        yield e
