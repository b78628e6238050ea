"""A page's own metadata: publication date from structured data, title, authors, site, URL.

The publication date is read first from what the publisher declares (JSON-LD
`datePublished`, OpenGraph `article:published_time`, `<meta name=date>`,
`<time datetime>` inside the article); heuristics (htmldate) come only after.
Title, authors and site name follow trafilatura's metadata functions, without its
date search, so the page is not scanned for dates twice.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import re
from dataclasses import dataclass, field

log = logging.getLogger("cronica")

# JSON-LD types whose datePublished is the article's, best first.
_ARTICLE_TYPES = ("NewsArticle", "ReportageNews", "AnalysisNewsArticle", "Article", "BlogPosting",
                  "LiveBlogPosting", "OpinionNewsArticle", "ReviewNewsArticle", "Report",
                  "BackgroundNewsArticle", "TechArticle", "SocialMediaPosting", "Review")
_META_PROPERTIES = ("article:published_time", "og:article:published_time", "og:published_time",
                    "published_time", "article:published", "bt:pubdate", "rnews:datepublished")
_META_NAMES = ("article:published_time", "article.published", "article_date_original",
               "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
               "published_date", "published-date", "publication_date", "publication-date",
               "dc.date", "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created",
               "sailthru.date", "parsely-pub-date", "originalpublicationdate", "citation_publication_date",
               "cxenseparse:recs:publishtime", "date.available", "dc.date.available")
_DATE_START = re.compile(r"\s*\d{4}-\d{2}-\d{2}")
# Separators between a headline and the site or section names a <title> appends.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7*\u00ab\u00bb]|::)\s+")


@dataclass
class PageMeta:
    """What a page says about itself."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    published: str | None = None
    published_from: str | None = None
    lang: str | None = None


def normalize_date(value) -> str | None:
    """Turn a declared date into `YYYY-MM-DD` or an ISO datetime with its offset.

    Args:
        value: an ISO 8601 string, an RFC 822 date, a `datetime`, or a `time.struct_time`.
    Returns:
        the ISO text, or None when the value is not a date. A datetime without
        offset keeps its date only (a time without zone would be ambiguous).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        return value.isoformat()
    else:
        parsed = _parse_date_text(str(value).strip())
        if isinstance(parsed, (str, type(None))):
            return parsed
    if parsed.year < 1900:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _parse_date_text(text: str):
    """Return a datetime, an ISO date string, or None."""
    if not text or not any(c.isdigit() for c in text):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text.replace(" ", "T", 1)) if _DATE_START.match(text) else text
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    if _DATE_START.match(text):
        try:
            return dt.date.fromisoformat(text.strip()[:10]).isoformat()
        except ValueError:
            return None
    return None


def _json_objects(tree):
    """Yield every JSON object found in the page's JSON-LD scripts (graphs flattened)."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                if isinstance(item.get("mainEntity"), dict):
                    stack.append(item["mainEntity"])


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type") or []
    return [k.rsplit("/", 1)[-1] for k in ([kind] if isinstance(kind, str) else kind) if isinstance(k, str)]


def _jsonld_date(tree) -> str | None:
    """The datePublished of the page's article object (best-ranked type first)."""
    best, best_rank = None, len(_ARTICLE_TYPES) + 1
    for obj in _json_objects(tree):
        date = normalize_date(obj.get("datePublished")) if obj.get("datePublished") else None
        if not date:
            continue
        ranks = [_ARTICLE_TYPES.index(t) for t in _types(obj) if t in _ARTICLE_TYPES]
        rank = min(ranks) if ranks else len(_ARTICLE_TYPES)
        if rank < best_rank:
            best, best_rank = date, rank
    return best


def _meta_date(tree) -> str | None:
    """A date declared by `<meta property=...>`, `<meta name=...>` or `itemprop=datePublished`."""
    found = {}
    for elem in tree.iterfind(".//meta[@content]"):
        key = (elem.get("property") or elem.get("name") or elem.get("itemprop") or "").lower()
        if key in _META_PROPERTIES or key in _META_NAMES or key == "datepublished":
            found.setdefault(key, elem.get("content"))
    for key in _META_PROPERTIES + _META_NAMES:
        date = normalize_date(found.get(key))
        if date:
            return date
    for elem in tree.iterfind(".//*[@itemprop='datePublished']"):
        date = normalize_date(elem.get("datetime") or elem.get("content"))
        if date:
            return date
    return None


def _time_date(tree) -> str | None:
    """The first `<time datetime>` inside the page's `<article>` (or the only one on the page)."""
    times = tree.xpath(".//article//time[@datetime]") or tree.xpath("(.//time[@datetime])[position()<=1]")
    for elem in times[:1]:
        return normalize_date(elem.get("datetime"))
    return None


def find_declared_date(tree) -> tuple[str | None, str | None]:
    """Return (date, where) from the page's structured data, or (None, None)."""
    for where, finder in (("json-ld", _jsonld_date), ("meta", _meta_date), ("time", _time_date)):
        date = finder(tree)
        if date:
            return date, where
    return None, None


def find_lang(tree) -> str | None:
    """The page's declared language code (`<html lang>`, content-language, og:locale), lower case."""
    values = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    values += tree.xpath(".//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')="
                         "'content-language']/@content")
    values += tree.xpath(".//meta[@property='og:locale']/@content")
    for value in values:
        code = re.split(r"[-_,;\s]", (value or "").strip().lower(), maxsplit=1)[0]
        if re.fullmatch(r"[a-z]{2}", code):
            return code
    return None


def find_canonical(tree) -> str | None:
    """The canonical URL (`<link rel=canonical>`, else og:url), when absolute."""
    for href in tree.xpath(".//link[@rel='canonical']/@href") + tree.xpath(".//meta[@property='og:url']/@content"):
        href = href.strip()
        if href.startswith(("http://", "https://")):
            return href
    return None


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _names_site(part: str, site: str | None, url: str | None) -> bool:
    """True when a title part is the site's name or its host name."""
    key = _squash(part)
    if len(key) < 3:
        return False
    host = re.sub(r"^www\d?\.", "", (url or "").split("//", 1)[-1].split("/", 1)[0].lower())
    labels = [_squash(label) for label in host.split(".") if len(label) > 3]
    site_key = _squash(site or "")
    return bool(key == site_key or key == _squash(host) or (site_key and site_key in key)
                or any(label == key or (len(label) > 5 and label in key) for label in labels))


def strip_site_from_title(title: str | None, site: str | None, url: str | None) -> str | None:
    """Cut the site name (and what follows it) from a `<title>`-style headline.

    Args:
        title: the headline as the page gives it.
        site: the site name, when known.
        url: the page URL, when known (its host name also names the site).
    Returns:
        the headline without the site suffix; unchanged when no part names the site.
    """
    if not title:
        return title
    title = title.strip()
    parts = _TITLE_SEPARATOR.split(title)
    seps = _TITLE_SEPARATOR.findall(title)
    for index in range(1, len(parts)):
        if _names_site(parts[index], site, url):
            return "".join(p + s for p, s in zip(parts[:index], seps)).rstrip(" |-\u2013\u2014*") \
                or title
    return title


def clean_site(site: str | None, url: str | None) -> str | None:
    """A tidy site name: the part of a "tagline - Name" string that names the host, else the host.

    Args:
        site: the site name the page declares (og:site_name, publisher...), or None.
        url: the page URL, when known.
    Returns:
        the site name, or the host name without `www.` when the page names none.
    """
    site = " ".join((site or "").replace("_", " ").split()).lstrip("@") or None
    if site:
        parts = _TITLE_SEPARATOR.split(site)
        named = [part for part in parts if _names_site(part, None, url)]
        return named[0] if len(parts) > 1 and named else site
    host = (url or "").split("//", 1)[-1].split("/", 1)[0].lower()
    return re.sub(r"^www\d?\.", "", host) or None
