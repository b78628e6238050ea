"""Machine-translation damage: words left in another language (`far` in Spanish text).

A token is flagged when it is a function word of another supported language and not
a word of the article's own language. Words come from `lang/<lang>/langid.yaml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang.loader import SUPPORTED, load
from ..model import Flag

_TOKEN = re.compile(r"\b[^\W\d_]{2,}\b")


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """Return the function words of `lang` (lower case)."""
    return frozenset(w.lower() for w in load(lang, "langid").get("stopwords") or [])


@lru_cache(maxsize=None)
def _foreign(lang: str) -> frozenset[str]:
    own = stopwords(lang)
    others = set().union(*(stopwords(o) for o in SUPPORTED if o != lang))
    return frozenset(others - own)


def _inside_name(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def find_untranslated(text: str, lang: str) -> list[Flag]:
    """Return an `untranslated_token` flag for each foreign function word in `text`."""
    foreign = _foreign(lang)
    if not foreign:
        return []
    flags = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word.islower() and word in foreign and not _inside_name(text, m.start(), m.end()):
            flags.append(Flag(kind="untranslated_token", text=word, start=m.start(), end=m.end()))
    return flags
