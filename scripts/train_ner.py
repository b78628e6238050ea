"""Train cronica's named-entity recognizer for one language from the shared NER corpora.

    python scripts/train_ner.py --lang es            # CoNLL-2002 + AnCora -> cronica/models/ner-es
    python scripts/train_ner.py --lang es --corpora ancora-es   # AnCora only (CC BY 4.0)
    python scripts/train_ner.py --lang en --gpu 0 --minutes 6
    python scripts/train_ner.py --lang en --resume build/ner-en/output/model-best --minutes 3

The CoNLL files (token TAB IOB2-tag) are converted to spaCy DocBins in a work folder
(build/ner-<lang>, never committed), a spaCy pipeline is trained from
`scripts/ner/<lang>.cfg` (or continued from a trained one with --resume), and the best
checkpoint (by entity F1 on the dev sets) is copied to `cronica/models/ner-<lang>` with
the corpora and their terms written into its meta.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ner"
LABELS = ("PER", "ORG", "LOC", "MISC")  # other tags (AnCora's DATE, NUM) become O
CORPORA = {"es": ("conll2002-es", "ancora-es"), "en": ("conll2003-en",)}
TERMS = {
    "conll2002-es": "CoNLL-2002 Spanish (EFE, TALP-UPC): research use only",
    "conll2003-en": "CoNLL-2003 English (Reuters RCV1): research use only",
    "ancora-es": "AnCora (Taule, Marti, Recasens 2008): CC BY 4.0",
}


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Read `token TAB tag` lines into (words, tags) sentences, skipping -DOCSTART-."""
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words and words[0] != "-DOCSTART-":
                sentences.append((words, tags))
            words, tags = [], []
            continue
        token, tag = line.split("\t")[:2]
        words.append(token)
        tags.append(tag)
    return sentences


def tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> (start, end, label) token spans, keeping only `LABELS`."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            if label in LABELS:
                spans.append((start, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def to_docbin(sentences, vocab) -> DocBin:
    """One Doc per sentence, tokens joined by single spaces as the scorer feeds them."""
    db = DocBin(store_user_data=False)
    for words, tags in sentences:
        doc = Doc(vocab, words=words)
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in tag_spans(tags)]
        db.add(doc)
    return db


def prepare(lang: str, corpora: list[str], data: Path, work: Path) -> dict[str, Path]:
    """Write train.spacy and dev.spacy for `corpora` into `work`; return their paths."""
    work.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank(lang).vocab
    paths = {}
    for split in ("train", "dev"):
        sentences = []
        for name in corpora:
            sentences += read_conll(data / name / f"{split}.conll")
        paths[split] = work / f"{split}.spacy"
        to_docbin(sentences, vocab).to_disk(paths[split])
        print(f"{split}: {len(sentences)} sentences from {', '.join(corpora)} -> {paths[split]}")
    return paths


class Deadline(Exception):
    """Raised between two updates once the training time is spent."""


@spacy.registry.callbacks("cronica.train_deadline.v1")
def make_deadline():
    """A before_update callback that stops training at CRONICA_TRAIN_DEADLINE (epoch s)."""
    import os
    deadline = float(os.environ.get("CRONICA_TRAIN_DEADLINE", "inf"))

    def check(nlp, args):
        if time.time() > deadline:
            raise Deadline(f"time is up at step {args['step']}")
    return check


def train(cfg: Path, paths: dict[str, Path], work: Path, gpu: int, overrides: dict) -> Path:
    """Train from `cfg`; return the folder of the best checkpoint."""
    from spacy.cli.train import train as spacy_train
    overrides = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]), **overrides}
    try:
        spacy_train(cfg, work / "output", use_gpu=gpu, overrides=overrides)
    except Deadline as stop:
        print(f"stopped: {stop}")
    return work / "output" / "model-best"


def resume_config(cfg: Path, model: Path, work: Path) -> Path:
    """Write a copy of `cfg` whose components start from the trained pipeline `model`."""
    from spacy.util import load_config
    config = load_config(cfg)
    for name in ("tok2vec", "ner"):
        config["components"][name] = {"source": str(model.resolve())}
    path = work / "resume.cfg"
    config.to_disk(path)
    return path


def install(best: Path, out: Path, corpora: list[str]) -> None:
    """Copy the best checkpoint to `out` and record its corpora and terms in meta.json."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    from spacy.util import load_config
    config = load_config(out / "config.cfg", interpolate=False)
    config["paths"].update(train=None, dev=None)  # the training copies are not shipped
    config.to_disk(out / "config.cfg")
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name="cronica_ner", version="1.0.0",
                sources=[{"name": name, "terms": TERMS[name]} for name in corpora],
                license="; ".join(TERMS[name] for name in corpora))
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"installed {out}")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lang", required=True, choices=sorted(CORPORA))
    p.add_argument("--corpora", help="comma-separated corpus folders (default: all of the language)")
    p.add_argument("--data", type=Path, default=DATA, help="folder holding the corpus folders")
    p.add_argument("--work", type=Path, help="work folder (default: build/ner-<lang>, git-ignored)")
    p.add_argument("--out", type=Path, help="model folder (default: cronica/models/ner-<lang>)")
    p.add_argument("--gpu", type=int, default=-1, help="GPU id (-1: CPU)")
    p.add_argument("--minutes", type=float, help="stop training after this many minutes")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="config override, e.g. components.tok2vec.model.encode.width=128")
    p.add_argument("--resume", type=Path, help="continue training this trained pipeline")
    p.add_argument("--prepare-only", action="store_true", help="only write the DocBins")
    p.add_argument("--reuse", action="store_true", help="use the DocBins already in the work folder")
    p.add_argument("--no-install", action="store_true", help="train, but leave cronica/models alone")
    return p.parse_args(argv)


def main(argv=None) -> int:
    import os
    args = parse_args(argv)
    corpora = args.corpora.split(",") if args.corpora else list(CORPORA[args.lang])
    work = args.work or ROOT / "build" / f"ner-{args.lang}"
    if args.reuse:
        paths = {split: work / f"{split}.spacy" for split in ("train", "dev")}
    else:
        paths = prepare(args.lang, corpora, args.data, work)
    if args.prepare_only:
        return 0
    if args.minutes:
        os.environ["CRONICA_TRAIN_DEADLINE"] = str(time.time() + args.minutes * 60)
    overrides = dict(item.split("=", 1) for item in args.set)
    overrides = {k: json.loads(v) if v[:1] in "[{0123456789-" or v in ("true", "false") else v
                 for k, v in overrides.items()}
    cfg = ROOT / "scripts" / "ner" / f"{args.lang}.cfg"
    if args.resume:
        cfg = resume_config(cfg, args.resume, work)
    best = train(cfg, paths, work, args.gpu, overrides)
    if not args.no_install:
        install(best, args.out or ROOT / "cronica" / "models" / f"ner-{args.lang}", corpora)
    return 0


if __name__ == "__main__":
    sys.exit(main())
