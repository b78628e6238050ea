"""Mentions: names found in the text, before they are merged into entities.

Three sources, in this order of trust:
  - the NER model (`ner.recognize`), with its spans repaired: leading articles and
    prepositions and trailing punctuation cut off, and dropped when what is left is not
    a name (lower-case words inside, a verb, no letter at all, part of a title such as
    "ministro de Relaciones Exteriores");
  - the gazetteer: countries, capitals, big cities and demonyms the model missed or
    typed wrongly (a country or city is GPE; a demonym NORP);
  - masked names: a run of symbols standing where a name should (`©© viajará a ...`),
    flagged `masked_mention` and resolved later by the entity layer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang.loader import load
from ..model import Article, Flag, Mention
from ..pipeline import component
from .actor_context import find_phrases, load_patterns
from .linking import PLACE_KINDS, Gazetteer, load_gazetteer, lookup
from .ner import recognize

# parts of speech that never open or close a name
_EDGE_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "ADV", "PUNCT", "PART", "SYM"}
_TRAILING = ",;:!?\"'»”’)]-–—"
# a run of two or more symbols (not sentence punctuation, brackets, quotes or dashes)
_WORD = re.compile(r"[^\W\d_][\w'’]*")  # a word opening with a letter
_MASK = re.compile(r"(?<![\w])[^\w\s.,;:!?()\[\]\"'«»“”‘’\-–—/]{2,}(?![\w])")


@lru_cache(maxsize=None)
def load_name_rules(lang: str) -> dict:
    """Words that may not open a name, lower-case words allowed inside one, whether the
    language writes demonyms as names, and words pointing back at a country ("del país")."""
    data = load(lang, "entities")
    return {"strip": {w.lower() for w in data.get("strip_leading") or []},
            "connectors": {w.lower() for w in data.get("name_connectors") or []},
            "demonyms_as_names": bool(data.get("demonyms_as_names")),
            "anaphora": tuple(data.get("country_anaphora") or ()),
            "generic_places": frozenset(data.get("generic_place_words") or ()),
            "features": frozenset(w.lower() for w in data.get("feature_words") or ()),
            "international": frozenset(w.lower() for w in data.get("international_words") or ())}


def _is_name_word(token, rules: dict) -> bool:
    text = token.text
    return text[:1].isupper() or text[:1].isdigit() or text.lower() in rules["connectors"] \
        or not any(ch.isalpha() for ch in text) or text in ("'s", "’s")


def _cut_first(token, rules: dict, sent_starts: set) -> bool:
    """True when a name's first token is not part of it: a lower-case article or
    preposition, or a function word or verb opening the sentence. A capitalised article
    inside a sentence belongs to the name ("en La Coruña", "de El Salvador")."""
    capital = token.text[:1].isupper()
    if _opens_sentence(token, sent_starts):
        return token.text.lower() in rules["strip"] or token.pos_ in _EDGE_POS
    if token.text.lower() in rules["strip"]:
        return not (capital and token.pos_ == "DET")
    return token.pos_ in _EDGE_POS and not capital


def _trim_tokens(tokens: list, rules: dict, sent_starts: set) -> list:
    """Cut articles, prepositions, sentence-initial verbs and punctuation from the edges."""
    while len(tokens) > 1 and _cut_first(tokens[0], rules, sent_starts) \
            or tokens and tokens[0].pos_ == "PUNCT":
        tokens = tokens[1:]
    while tokens and (tokens[-1].text.lower() in rules["connectors"] or tokens[-1].pos_ == "PUNCT"
                      and tokens[-1].text != "."):
        tokens = tokens[:-1]
    return tokens


def _opens_sentence(token, sent_starts: set) -> bool:
    """True for the first word of a sentence, after any opening quotes or dashes."""
    i = token.i
    while i > 0 and i not in sent_starts and (token.doc[i - 1].pos_ == "PUNCT" or token.doc[i - 1].is_space):
        i -= 1
    return i in sent_starts or i == 0


def _single_word_name(token, sent_starts: set) -> bool:
    """A one-word name is never a function word ("Nos") nor an inflected verb ("Vamos",
    "Manifestó": its lemma differs; a name the tagger takes for a verb keeps its form)."""
    if token.pos_ in ("VERB", "AUX", "ADV"):
        return token.lemma_.lower() == token.text.lower()
    return token.pos_ not in _EDGE_POS - {"PUNCT", "SYM"}


@lru_cache(maxsize=None)
def _particle_gap() -> re.Pattern:
    """A name particle between two parts of one name (" al-", " bin ")."""
    words = "|".join(re.escape(w) for w in load("xx", "entities").get("name_particles") or [])
    return re.compile(rf" (?:{words})[-‐‑ ]", re.IGNORECASE)


def _through_particle(text: str, end: int) -> int:
    """The end of a person's name carried on through a particle and the capitalised word
    after it ("Adel" + " al-Jubeir"), or `end` when no particle follows."""
    gap = _particle_gap().match(text, end)
    if gap is None:
        return end
    word = _WORD.match(text, gap.end())
    return word.end() if word and word.group()[:1].isupper() else end


def join_adjacent_people(mentions: list[Mention], text: str, table: Gazetteer) -> list[Mention]:
    """Join a person mention and the one-word name right after it, split by a single
    space ("Vladimir" "Putin", "Joe" "Biden" read as a place) or by a name particle
    ("Adel" "al-" "Jubeir"), unless that word is a place; a person's name also goes on
    through a particle the model left out."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        follows = m.type == "PERSON" or (" " not in m.text and lookup(table, m.text) is None)
        gap = text[prev.end:m.start] if prev is not None else ""
        if prev is not None and prev.type == "PERSON" and follows and (
                gap == " " or _particle_gap().fullmatch(gap)):
            out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "PERSON", prev.source)
        elif prev is not None and prev.type == "PERSON" and m.start < prev.end:
            if m.end > prev.end:  # the model's next span overlaps the name carried on
                out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "PERSON", prev.source)
        else:
            out.append(m)
        last = out[-1]
        if last.type == "PERSON":
            end = _through_particle(text, last.end)
            if end > last.end:
                out[-1] = Mention(last.start, end, text[last.start:end], "PERSON", last.source)
    return out


def repair_span(article: Article, mention: Mention, rules: dict, sent_starts: set) -> Mention | None:
    """A model mention with its edges repaired, or None when it is not a name.

    Args:
        article: the article (its spaCy Doc on `article.doc`).
        mention: a span from the NER model.
        rules: from `load_name_rules`.
        sent_starts: token indexes that open a sentence.
    Returns:
        the repaired Mention, or None.
    """
    span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or "\n" in mention.text:
        return None
    tokens = _trim_tokens(list(span), rules, sent_starts)
    if not tokens or not tokens[0].text[:1].isalpha():
        return None
    if not all(_is_name_word(t, rules) for t in tokens) or not tokens[0].text[:1].isupper():
        return None
    if len(tokens) == 1 and not _single_word_name(tokens[0], sent_starts):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = article.text[start:end].rstrip(_TRAILING)
    if "*" in article.text[max(0, start - 1):end + 1] and text.strip("*").isupper():
        return None  # a placeholder such as *NUMBER*, left where a corpus masked a value
    return Mention(start, start + len(text), text, mention.type, mention.source)


def _capitalised_neighbour(doc, first: int, last: int, sent_starts: set, prefix: bool = False) -> bool:
    """True when the match runs on into a longer capitalised name ("New Jersey", "Michael
    Jordan"). A prefix (a country's abbreviation: "U.S. Army") only looks behind."""
    before = doc[first - 1] if first > 0 and first not in sent_starts else None
    after = doc[last + 1] if last + 1 < len(doc) and not prefix else None
    return any(t is not None and t.text[:1].isupper() and t.pos_ == "PROPN" for t in (before, after))


def _title_follows(article: Article, end: int) -> bool:
    """Whether a title (`lang/<lang>/titles.yaml`) opens right after `end`."""
    regex, _ = load_patterns(article.lang)["titles"]
    gap = len(article.text[end:]) - len(article.text[end:].lstrip(" "))
    return regex is not None and gap == 1 and regex.match(article.text, end + 1) is not None


def _match_at(doc, text: str, i: int, gazetteer: Gazetteer, tokens=None):
    """Longest gazetteer form starting at token i: (last token index, link) or None.
    `tokens`: (text, idx) of every token of `doc`, when the caller has them (one pass
    over the Doc instead of a Token object for every look)."""
    if tokens is None:
        tokens = [(t.text, t.idx) for t in doc]
    if not gazetteer.may_open(tokens[i][0]):
        return None
    start = tokens[i][1]
    line_start = i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space
    found = None
    for last in range(i, min(i + gazetteer.max_words + 1, len(tokens) - 1) + 1):
        form = text[start:tokens[last][1] + len(tokens[last][0])]
        if "\n" in form or not gazetteer.may_extend(form):
            break  # no longer form can match either
        link = lookup(gazetteer, form, capitals=line_start)
        if link is not None:
            found = last, link
    return found


def find_gazetteer_mentions(article: Article, gazetteer: Gazetteer, sent_starts: set) -> list[Mention]:
    """Countries, capitals, cities and demonyms named in the text, by longest match."""
    doc, out, i = article.doc, [], 0
    tokens = [(t.text, t.idx) for t in doc]
    while i < len(tokens):
        found = _match_at(doc, article.text, i, gazetteer, tokens) if tokens[i][0][:1].isalpha() else None
        if found is None:
            i += 1
            continue
        last, link = found
        text = doc[i:last + 1].text
        proper = text[:1].isupper() or link.kind == "demonym"
        # "U.S. Army", "UK Border Force", and a country before a title: "Pakistan Prime Minister Imran Khan"
        prefix = link.kind == "country" and (text.isupper() or _title_follows(article, doc[i].idx + len(text)))
        if proper and (link.kind == "demonym" or not _capitalised_neighbour(doc, i, last, sent_starts, prefix)):
            kind = "NORP" if link.kind == "demonym" else "GPE" if link.kind in PLACE_KINDS else "ORG"
            out.append(Mention(doc[i].idx, doc[i].idx + len(text), text, kind, "gazetteer"))
        i = last + 1
    return out


def _next_token(doc, end: int):
    return next((t for t in doc if t.idx >= end and not t.is_space), None)


def find_masked_mentions(article: Article) -> list[Mention]:
    """Runs of two or more symbols standing where a name should: before a verb, or opening
    a sentence before a lower-case word."""
    out = []
    starts = {s.start for s in article.sentences}
    for m in _MASK.finditer(article.text):
        nxt = _next_token(article.doc, m.end())
        if nxt is None:
            continue
        opens = m.start() in starts or article.text[:m.start()].rstrip().endswith((":", "\n")) \
            or m.start() == 0
        if nxt.pos_ in ("VERB", "AUX") or opens and nxt.text[:1].islower():
            out.append(Mention(m.start(), m.end(), m.group(), "PERSON", "masked"))
    return out


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _retype(model: Mention, found: Mention, table: Gazetteer) -> bool:
    """Whether a gazetteer match overrides the model's type for the same span: always for
    a country or a capital; for another city, unless the model read a person or an
    organisation (a team)."""
    if found.type not in ("GPE", "NORP"):
        return False
    kind = getattr(lookup(table, found.text), "kind", None)
    return kind in ("country", "capital") or model.type not in ("PERSON", "ORG")


def combine_mentions(model: list[Mention], gazetteer: list[Mention], table: Gazetteer) -> list[Mention]:
    """Merge model and gazetteer mentions: a gazetteer name retypes the model span it
    equals (GPE for places; a person only when the name is a country's) and replaces a
    shorter one it covers; a longer model name (an organisation named after its
    country) is kept whole."""
    kept = []
    for m in model:
        same = next((g for g in gazetteer if (g.start, g.end) == (m.start, m.end)), None)
        if same is not None and _retype(m, same, table):
            m.type, m.source = same.type, "model+gazetteer"
        if not any(_overlaps(m, g) and (g.end - g.start) > (m.end - m.start) for g in gazetteer):
            kept.append(m)
    out = kept + [g for g in gazetteer if not any(_overlaps(g, m) for m in kept)]
    return sorted(out, key=lambda x: (x.start, -x.end))


def _after_titles(m: Mention, titles: list, text: str) -> Mention:
    """A person's name without the titles the model took in ("Crown Prince Mohammed bin
    Salman", "Kaduna Governor Nasir el-Rufai" -> the name after the last title)."""
    if m.type != "PERSON":
        return m
    cut = max((t.end for t in titles if t.start < m.end and m.start < t.end < m.end), default=None)
    if cut is None:
        return m
    start = cut + len(text[cut:m.end]) - len(text[cut:m.end].lstrip())
    if not text[start:start + 1].isupper():
        return m
    return Mention(start, m.end, text[start:m.end], m.type, m.source)


@component("cronica.mentions.v1", assigns=["article.mentions", "article.gazetteer_mentions"],
           requires=["article.doc"])
def make_mentions(options):
    def find_mentions(article: Article) -> Article:
        rules = load_name_rules(article.lang)
        sent_starts = {s.start for s in article.doc.sents}
        model = [repair_span(article, m, rules, sent_starts) for m in recognize(article, options)]
        table = load_gazetteer(article.lang)
        gazetteer = article.gazetteer_mentions = find_gazetteer_mentions(article, table, sent_starts)
        masked = find_masked_mentions(article)
        titles = find_phrases(article.text, load_patterns(article.lang)["titles"])
        model = [_after_titles(m, titles, article.text) for m in model if m is not None
                 and not any(t.start <= m.start and m.end <= t.end for t in titles)]  # "Relaciones Exteriores"
        model = join_adjacent_people(model, article.text, table)
        mentions = combine_mentions(model, gazetteer, table)
        article.mentions = sorted(mentions + masked, key=lambda x: (x.start, -x.end))
        article.flags.extend(Flag("masked_mention", m.text, m.start, m.end) for m in masked)
        return article
    return find_mentions
