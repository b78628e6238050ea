"""Build lang/xx/gazetteer/known_entities.tsv: countries of people and organisations from the news corpus.

Runs cronica's pipeline (without the knowledge component itself) over the real
articles of ../shared/data/news, and keeps, for each canonical key of a person or
organisation, the country its own articles gave it, when at least MIN_ARTICLES
articles say so and at least AGREEMENT of those that give a country agree. Countries the
text states count first; the country an article was inferred to be about
(`country_from: "article"`) counts only for names that no article places.

    .venv/bin/python scripts/build_knowledge.py [--shared ../shared] [--limit N]
    .venv/bin/python scripts/build_knowledge.py --reuse-votes   # select again from the last run's votes
"""
from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import sys
from pathlib import Path

from cronica.extract.knowledge import TYPES
from cronica.ingest.readers import article_from_record
from cronica.lang.loader import LANG_DIR
from cronica.pipeline import DEFAULT_COMPONENTS, Pipeline
from cronica.settings import load_options

MIN_ARTICLES = 2
AGREEMENT = 0.75
OUT = LANG_DIR / "xx" / "gazetteer" / "known_entities.tsv"
CORPUS = ("es.jsonl", "en.jsonl")


# the pipeline's votes, kept so that the table can be selected again without running it
VOTES = Path(__file__).resolve().parent.parent / "build" / "knowledge-votes.json"


def _write_votes(votes: dict, labels: dict) -> None:
    VOTES.parent.mkdir(parents=True, exist_ok=True)
    data = {key: {"votes": [[c, src, n] for (c, src), n in votes[key].items()],
                  "labels": [[t, name, n] for (t, name), n in labels[key].items()]} for key in votes}
    VOTES.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _read_votes() -> tuple[dict, dict]:
    data = json.loads(VOTES.read_text(encoding="utf-8"))
    votes = {k: collections.Counter({(c, src): n for c, src, n in v["votes"]}) for k, v in data.items()}
    labels = {k: collections.Counter({(t, name): n for t, name, n in v["labels"]}) for k, v in data.items()}
    return votes, labels


def corpus_digest(news: Path) -> str:
    """sha256 of the corpus files, to tell when the table must be rebuilt."""
    h = hashlib.sha256()
    for name in CORPUS:
        h.update((news / name).read_bytes())
    return h.hexdigest()[:16]


def collect(news: Path, limit: int) -> tuple[dict, dict]:
    options = load_options(environ={})
    names = [n for n in DEFAULT_COMPONENTS if n != "cronica.knowledge.v1"]
    pipeline = Pipeline(names, options=options)
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    labels: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name in CORPUS:
        with open(news / name, encoding="utf-8") as f:
            for k, line in enumerate(f):
                if limit and k >= limit:
                    break
                article = article_from_record(json.loads(line), f"{name}:{k + 1}", options)
                if isinstance(article, Exception):
                    continue
                for entity in pipeline(article).entities:
                    if entity.type in TYPES and entity.key and entity.country:
                        votes[entity.key][(entity.country, entity.country_from)] += 1
                        labels[entity.key][(entity.type, entity.name)] += 1
    return votes, labels


def _common_word(word: str) -> bool:
    import simplemma
    return any(simplemma.is_known(word.lower(), lang=lang) for lang in ("es", "en"))


def _generic(name: str, stated: bool) -> bool:
    """A name that names a different body or nobody in each country's news: one word that is
    also a common word ("Estado", "Gobierno", and "Please", "Thus" that the recognizer took
    for people); and, when no article states its country, any name made of common words
    alone ("Gobierno Nacional", "Policía Federal"), whose country was only inferred from
    the stories it was named in."""
    words = name.split()
    if len(words) == 1:
        return _common_word(words[0])
    return not stated and all(_common_word(w) for w in words)


def _stated(counter: collections.Counter) -> bool:
    return any(source != "article" for _, source in counter)


def _decisive(counter: collections.Counter) -> collections.Counter:
    """{country: articles} from the articles that state it; only for a name no article
    places, the countries its articles were inferred to be about (an article's home
    country is right for its own officials, not for a foreign leader it names: "Trump"
    in a Mexican story): an inferred country that some article states adds to it, one that
    none states is dropped."""
    stated, inferred = collections.Counter(), collections.Counter()
    for (country, source), n in counter.items():
        (inferred if source == "article" else stated)[country] += n
    if not stated:
        return inferred
    for country in stated:
        stated[country] += inferred[country]  # inferred articles that agree with a stated country
    return stated


def select(votes: dict, labels: dict) -> list[dict]:
    rows = []
    for key, votes_of_key in sorted(votes.items()):
        counter = _decisive(votes_of_key)
        country, n = counter.most_common(1)[0]
        if n >= MIN_ARTICLES and n / sum(counter.values()) >= AGREEMENT:
            (etype, name), _ = labels[key].most_common(1)[0]
            stated = _stated(votes_of_key)
            # a person whose country an article states is a person, even named "Trump"
            if (etype == "PERSON" and stated) or not _generic(name, stated):
                rows.append({"key": key, "type": etype, "country": country, "articles": n, "name": name,
                             "stated": int(stated)})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--limit", type=int, default=0, help="articles per language (0: all)")
    parser.add_argument("--reuse-votes", action="store_true",
                        help=f"select again from the votes of the last run ({VOTES}) instead of running the pipeline")
    args = parser.parse_args(argv)
    news = Path(args.shared) / "data" / "news"
    if args.reuse_votes:
        votes, labels = _read_votes()
    else:
        votes, labels = collect(news, args.limit)
        _write_votes(votes, labels)
    rows = select(votes, labels)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# generated by scripts/build_knowledge.py from ../shared/data/news corpus {corpus_digest(news)}\n")
        writer = csv.DictWriter(f, ["key", "type", "country", "articles", "name", "stated"], delimiter="\t",
                                lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} entities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
