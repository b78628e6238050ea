"""Clean a plain-text scrape: drop boilerplate lines, recover title and captions, find the dateline.

Line kinds (breadcrumbs, share counters, repeated headlines, captions, "source"
stubs, read-also links) come from `lang/<lang>/boilerplate.yaml` and
`lang/xx/boilerplate.yaml`; this module only applies them. Every removed line is
recorded as a `boilerplate_removed` flag, so nothing disappears silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from ..lang.loader import load
from ..model import Article, Flag
from ..pipeline import component
from .dateline import find_dateline
from .mt_damage import find_untranslated

_BODY_MIN_WORDS = 15
_HEAD_LINE_MAX_WORDS = 25
_TERMINAL = (".", "!", "?", "»", '"', "”", ".)")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")  # zero-width characters left by page scrapes


@dataclass
class _Line:
    text: str
    kind: str | None = None  # None = body


@lru_cache(maxsize=None)
def _rules(lang: str) -> dict:
    neutral, own = load("xx", "boilerplate"), load(lang, "boilerplate") if lang else {}
    patterns = []
    for source in (neutral, own):
        for kind, regexes in (source.get("line_patterns") or {}).items():
            patterns += [(kind, re.compile(r, re.I)) for r in regexes]
    return {
        "exact": {s.lower() for s in own.get("exact_lines") or []},
        "patterns": patterns,
        "stubs": [re.compile(r, re.I) for r in own.get("source_stubs") or []],
        "captions": [m.lower() for m in own.get("caption_markers") or []],
        "inline": [re.compile(r, re.I) for source in (neutral, own) for r in source.get("inline_patterns") or []],
        "headline_case": bool(own.get("headline_case")),
    }


def cut_inline(line: str, lang: str) -> tuple[str, list[str]]:
    """A body line without the page furniture glued into it ("(RELATED: ...)" links, a
    "see also" teaser before the dateline); returns the line and the pieces cut. A pattern
    with a group named `cut` removes that group only, keeping the rest of its match."""
    cut = []

    def _cut(match) -> str:
        if "cut" not in match.re.groupindex:
            cut.append(match.group())
            return ""
        cut.append(match.group("cut"))
        start, end = match.start("cut") - match.start(), match.end("cut") - match.start()
        return match.group()[:start] + match.group()[end:]

    for regex in _rules(lang)["inline"]:
        line = regex.sub(_cut, line)
    return line.strip(), [c.strip() for c in cut]


def _words(line: str) -> int:
    return len(line.split())


def _is_body(line: str) -> bool:
    n = _words(line)
    return n >= 30 or (n >= _BODY_MIN_WORDS and any(c in line for c in ".!?"))


def _classify(line: str, rules: dict) -> str | None:
    low = line.lower().rstrip(" :")
    if low in rules["exact"]:
        return "boilerplate"
    for kind, regex in rules["patterns"]:
        if regex.search(line):
            return kind
    if any(low.startswith(m) for m in rules["captions"]):
        return "caption"
    return None


def _is_teaser(line: str) -> bool:
    """A short line cut off with an ellipsis: a link to another story."""
    return line.endswith(("...", "…")) and _words(line) <= 15


def _is_headline(line: str) -> bool:
    """A line in the case of headlines, with no full stop, among the body's paragraphs: the
    link to another story ("Modi’s Big Play for India’s Hindu Heartland Risks Backfiring",
    "Faithwire: EVIL: After Brutal Killing of ..."), where the language capitalises headlines
    (`headline_case` in its boilerplate file). Words of four letters or more are capitalised
    at least four times and in at least nine cases of ten."""
    if line.endswith(_TERMINAL) or line.endswith((":", ",", ";")) or _words(line) > _HEAD_LINE_MAX_WORDS:
        return False
    long = [w for w in (w.strip("\"'“”‘’()") for w in line.split()) if len(w) >= 4 and w[:1].isalpha()]
    upper = sum(1 for w in long if w[:1].isupper())
    return upper >= 4 and upper >= 0.9 * len(long)


def _is_repeat(line: str, others: list[str], title: str | None) -> bool:
    stem = line.rstrip(".… ").strip()
    if title and stem.lower() == title.strip().lower():
        return True
    if line.endswith(("...", "…")) and _words(stem) >= 4:
        tail = " ".join(stem.split()[-4:])
        return any(o is not line and tail in o and len(o) > len(stem) - 20 for o in others)
    return False


def classify_lines(lines: list[str], lang: str, title: str | None) -> tuple[list[_Line], str | None]:
    """Label each line body or a boilerplate kind; recover a missing title.

    Args:
        lines: stripped lines of the text (empty ones included).
        lang: language code.
        title: the known headline, or None.
    Returns:
        (labelled lines, title).
    """
    rules = _rules(lang)
    out = [_Line(t, _classify(t, rules) if t else "blank") for t in lines]
    texts = [t for t in lines if t]
    seen = set()
    for item in out:
        if item.kind is None and _is_repeat(item.text, texts, title):
            item.kind = "repeated_headline"
        elif item.kind is None and item.text in seen:
            item.kind = "repeated_line"
        elif item.kind is None and _is_teaser(item.text):
            item.kind = "teaser"
        seen.add(item.text)
    first_body = next((i for i, l in enumerate(out) if l.kind is None and _is_body(l.text)), len(out))
    head = [l for l in out[:first_body] if l.kind is None]
    signals = sum(1 for l in out[:first_body] if l.kind not in (None, "blank")) + \
        sum(1 for l in head if l.text.isupper() and _words(l.text) <= 6)
    if title is None and head and _words(head[0].text) <= _HEAD_LINE_MAX_WORDS \
            and not head[0].text.endswith(_TERMINAL[:1]) and (signals or len(texts) > 1):
        title, head[0].kind = head[0].text, "title"
        head = head[1:]
    if signals:
        for l in head:
            if _words(l.text) <= _HEAD_LINE_MAX_WORDS and not l.text.endswith(_TERMINAL):
                l.kind = "caption" if "," in l.text or _words(l.text) > 3 else "byline"
    for l in out[first_body + 1:] if rules["headline_case"] else ():
        if l.kind is None and _is_headline(l.text):
            l.kind = "teaser"
    tail = [l for l in out[first_body:] if l.kind is None][-3:]
    for l in tail:
        if _words(l.text) <= 12 and any(s.search(l.text) for s in rules["stubs"]):
            l.kind = "source_stub"
    return out, title


def clean_article(article: Article) -> Article:
    """Remove boilerplate lines (unless the article is raw), then find dateline and damage."""
    if not article.raw:
        text = _INVISIBLE.sub("", article.text)
        labelled, article.title = classify_lines([l.strip() for l in text.splitlines()],
                                                 article.lang or "", article.title)
        body = []
        for l in labelled:
            if l.kind is None:
                line, cut = cut_inline(l.text, article.lang or "")
                article.flags.extend(Flag(kind="boilerplate_removed", text=c) for c in cut)
                body += [line] if line else []
        captions = [l.text for l in labelled if l.kind == "caption"]
        for l in labelled:
            if l.kind not in (None, "blank", "title"):
                article.flags.append(Flag(kind="boilerplate_removed", text=l.text))
        if captions:
            article.meta.setdefault("captions", captions)
        article.text = "\n\n".join(re.sub(r"[ \t]+", " ", b) for b in body)
    article.dateline = article.dateline or find_dateline(article.text)
    if article.lang:
        article.flags += find_untranslated(article.text, article.lang)
    return article


@component("cronica.clean.v1", assigns=["article.text", "article.flags", "article.dateline"],
           requires=["article.lang"])
def make_cleaner(options):
    def clean(article: Article) -> Article:
        article = clean_article(article)
        if len(article.text.strip()) < options["min_article_chars"]:
            raise InputError("E102", input=article.input_name or article.id or "<text>")
        return article
    return clean
