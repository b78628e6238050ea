"""What each kind of language data file may hold. A test validates every language.

Every YAML file opens with `meta: {lang, source, license, reviewed_by}`. The keys
listed here are the top-level sections a file kind may have; a section not listed
is an error, so a typo in a data file fails loudly instead of being ignored.
"""
from __future__ import annotations

from ..errors import LanguageDataError

META_KEYS = {"lang", "source", "license", "reviewed_by"}

# kind -> allowed top-level sections (besides meta). None: any section (free-form tables).
KINDS: dict[str, set[str] | None] = {
    "boilerplate": {"line_patterns", "exact_lines", "source_stubs", "caption_markers", "dateline",
                    "inline_patterns", "headline_case"},
    "langid": {"stopwords"},
    "reporting_verbs": None,
    "event_triggers": None,
    "modality": None,
    "time": None,
    "numbers": None,
    "units": None,
    "titles": None,
    "entities": None,
    "demonyms": {"demonyms", "inflection", "ambiguous"},
    "plover": {"types"},
    "speech_acts": {"judging_verbs", "equatives", "verdicts", "wrongs", "acts_told", "warnings", "claims",
                    "falsehoods"},
}


def validate(kind: str, data: dict, path) -> None:
    """Raise LanguageDataError unless `data` fits the schema of `kind`.

    Args:
        kind: file kind (its name without extension).
        data: parsed YAML.
        path: the file, for the message.
    """
    if not isinstance(data, dict):
        raise LanguageDataError("E301", path=path, reason="top level must be a mapping")
    meta = data.get("meta")
    if not isinstance(meta, dict) or not META_KEYS <= set(meta):
        raise LanguageDataError("E301", path=path, reason=f"meta must have {sorted(META_KEYS)}")
    if kind not in KINDS:
        raise LanguageDataError("E301", path=path, reason=f"unknown file kind '{kind}'")
    allowed = KINDS[kind]
    if allowed is not None:
        extra = set(data) - allowed - {"meta"}
        if extra:
            raise LanguageDataError("E301", path=path, reason=f"unknown sections {sorted(extra)}")
