"""Canonical keys and folded forms shared by writes and queries."""
from __future__ import annotations

import calendar
import hashlib
import json
import unicodedata


def fold(text: str) -> str:
    """Lower-case `text`, strip diacritics and collapse whitespace (for name lookup)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def entity_key(entity: dict) -> str:
    """The canonical key of a contract entity, the same across articles and languages.

    Args:
        entity: an entity of a contract record.
    Returns:
        its own `key` when given; `country:XXX` for a GPE with a country; else `type:name`.
    """
    if entity.get("key"):
        return str(entity["key"])
    etype = (entity.get("type") or "misc").lower()
    if etype == "gpe" and entity.get("country"):
        return f"country:{entity['country']}"
    return f"{etype}:{' '.join((entity.get('name') or '').lower().split())}"


def date_floor(value: str | None) -> str | None:
    """The first day of an ISO date, month (YYYY-MM) or year (YYYY); None stays None."""
    if not value or not isinstance(value, str):
        return None
    value = value[:10]
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def date_ceiling(value: str | None) -> str | None:
    """The last day of an ISO date, month or year; None stays None."""
    if not value or not isinstance(value, str):
        return None
    value = value[:10]
    try:
        if len(value) == 4:
            return value + "-12-31"
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    except ValueError:
        return value
    return value


def record_hash(record: dict) -> str:
    """A digest of the whole record: a changed extraction is a changed document."""
    canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def text_hash(record: dict) -> str:
    """A digest of the article's words only, to find copies published elsewhere."""
    basis = "\x1f".join(" ".join((record.get(field) or "").lower().split()) for field in ("title", "text"))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def unit_norm(unit: str | None) -> str | None:
    """Fold a quantity unit for grouping (`Troops` and `troops` are one unit)."""
    return fold(unit) if unit else None
