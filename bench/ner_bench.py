"""NER benchmark: cronica's recognizer vs the spaCy pipeline's own NER, side by side.

    python bench/ner_bench.py ../shared/data/ner/conll2002-es/dev.conll --lang es --limit 500

Each CoNLL sentence is fed as raw text (tokens joined by single spaces, as the scorer
does), parsed by cronica's spaCy pipeline, and `recognize` runs with `ner_model` set to
"auto" (cronica's model) and "spacy". Spans are scored exactly (start, end, type), with
GPE -> LOC and NORP/EVENT -> MISC. Speed is words per second of the NER step alone
(cronica's tok2vec + ner over the parsed tokens) and of the whole spaCy pipeline.
"""
from __future__ import annotations

import argparse
import time

from cronica.extract.ner import load_recognizer, own_entities, recognize
from cronica.extract.nlp import load_nlp, parse
from cronica.model import Article
from cronica.settings import load_options

SCORED = ("PER", "ORG", "LOC", "MISC")
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC",
         "NORP": "MISC", "EVENT": "MISC", "MISC": "MISC"}


def read_sentences(path: str, limit: int) -> list[tuple[str, set]]:
    """CoNLL sentences as (raw text, gold character spans {(start, end, type)})."""
    out, words, tags = [], [], []
    for line in open(path, encoding="utf-8").read().splitlines() + [""]:
        if line.strip() and not line.startswith("-DOCSTART-"):
            token, tag = line.split("\t")[:2]
            words.append(token)
            tags.append(tag)
        elif words:
            gold = {s for s in gold_spans(words, tags) if s[2] in SCORED}  # AnCora's DATE, NUM: not names
            out.append((" ".join(words), gold))
            words, tags = [], []
    return out[:limit or None]


def gold_spans(words: list[str], tags: list[str]) -> set:
    """IOB2 tags -> character spans of the space-joined sentence."""
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    spans, begin = set(), None
    for i, tag in enumerate(tags + ["O"]):
        if begin is not None and not (tag.startswith("I-") and tag[2:] == tags[begin][2:]):
            spans.add((starts[begin], starts[i - 1] + len(words[i - 1]), tags[begin][2:]))
            begin = None
        if tag != "O" and begin is None:
            begin = i
    return spans


def score(pairs) -> dict:
    """Micro F1 overall and per type from (gold, predicted) span sets."""
    counts = {}
    for gold, pred in pairs:
        for typ in {t for *_, t in gold | pred} | {"ALL"}:
            g = {s for s in gold if typ in ("ALL", s[2])}
            p = {s for s in pred if typ in ("ALL", s[2])}
            c = counts.setdefault(typ, [0, 0, 0])
            c[0], c[1], c[2] = c[0] + len(g & p), c[1] + len(p), c[2] + len(g)
    out = {}
    for typ, (tp, npred, ngold) in counts.items():
        p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
        out[typ] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def predict(docs, lang: str, choice: str) -> tuple[list[set], float]:
    """Spans predicted with `ner_model=choice`, and the seconds the NER step took."""
    options = load_options(overrides={"ner_model": choice}, environ={})
    spans, seconds = [], 0.0
    for text, doc in docs:
        article = Article(text=text, lang=lang, doc=doc)
        t0 = time.perf_counter()
        mentions = recognize(article, options)
        seconds += time.perf_counter() - t0
        spans.append({(m.start, m.end, TYPES[m.type]) for m in mentions if m.type in TYPES})
    return spans, seconds


def spacy_ner_speed(lang: str, texts: list[str], words: int) -> float:
    """Words per second of the spaCy pipeline's own NER (its tok2vec + ner) over `texts`."""
    nlp = load_nlp(lang)
    names = [n for n in ("tok2vec", "ner") if n in nlp.pipe_names]
    docs = [nlp.make_doc(t) for t in texts]
    t0 = time.perf_counter()
    for doc in docs:
        for name in names:
            nlp.get_pipe(name)(doc)
    return words / (time.perf_counter() - t0)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--lang", required=True)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    sentences = read_sentences(args.gold, args.limit)
    words = sum(len(text.split()) for text, _ in sentences)
    load_nlp(args.lang), load_recognizer(args.lang)
    t0 = time.perf_counter()
    docs = [(text, parse(text, args.lang)) for text, _ in sentences]
    pipeline_s = time.perf_counter() - t0
    if load_recognizer(args.lang) is not None:  # warm-up
        own_entities(load_recognizer(args.lang), docs[0][1])
    print(f"{args.gold}: {len(sentences)} sentences, {words} words")
    print(f"spaCy pipeline ({load_nlp(args.lang).meta['name']}, all components): {words / pipeline_s:,.0f} words/s")
    for choice in ("auto", "spacy"):
        spans, seconds = predict(docs, args.lang, choice)
        f = score(zip((gold for _, gold in sentences), spans))
        per = "  ".join(f"{t} {f[t]:.3f}" for t in ("PER", "ORG", "LOC", "MISC") if t in f)
        speed = (f"{words / seconds:,.0f} words/s" if choice == "auto" else
                 f"{spacy_ner_speed(args.lang, [t for t, _ in sentences], words):,.0f} words/s (tok2vec+ner)")
        print(f"ner_model={choice:5s}  F1 {f['ALL']:.4f}  {per}  NER step: {speed}")


if __name__ == "__main__":
    main()
