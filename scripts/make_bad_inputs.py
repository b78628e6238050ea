"""Write damaged inputs built from real news into a folder, for the readers' robustness tests.

Nothing here is committed output: tests call `make_bad_inputs(tmp_path, shared_data)`
and each file comes with the error code cronica must report for it.

    .venv/bin/python scripts/make_bad_inputs.py OUT_DIR [--shared ../shared/data]
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import zipfile
from pathlib import Path

# A sparse file this large costs no disk and no time, and is over the default
# file limit (max(max_article_bytes * 10, max_uncompressed_bytes) = 200 MB).
LARGE_BYTES = 250_000_000
# Decompressed size of the "bombs": over the small max_uncompressed_bytes tests use.
BOMB_BYTES = 8_000_000


def _article(shared_data: Path) -> dict:
    with open(shared_data / "news" / "es.jsonl", encoding="utf-8") as f:
        return json.loads(next(line for line in f if '"numbers_masked": false' in line))


def _page(shared_data: Path) -> bytes:
    index = json.loads((shared_data / "news" / "html" / "index.jsonl").open(encoding="utf-8").readline())
    return gzip.decompress((shared_data / "news" / index["file"]).read_bytes())


def _corrupt_warc(shared_data: Path) -> bytes:
    """The shared WARC's first 8 records, with bytes flipped inside the fifth one's gzip member."""
    from warcio.archiveiterator import ArchiveIterator
    data = (shared_data / "news" / "warc" / "fundus-sample.warc.gz").read_bytes()
    iterator, starts = ArchiveIterator(io.BytesIO(data)), []
    for _ in iterator:
        starts.append(iterator.offset)
    damaged = bytearray(data)
    for k in range(starts[4] + 200, starts[4] + 260):
        damaged[k] ^= 0x55
    return bytes(damaged[:starts[8]])


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", b"\0" * BOMB_BYTES)
    return buffer.getvalue()


def _entity_bomb() -> bytes:
    levels = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{levels}]>'
            '<rss version="2.0"><channel><title>Noticias</title><item><title>&lol9;</title>'
            '<description>&lol9;</description></item></channel></rss>').encode("utf-8")


def _bad_jsonl(article: dict) -> bytes:
    good = json.dumps({"id": "es-good", "text": article["text"], "lang": "es"}, ensure_ascii=False)
    return "\n".join([good, '{"id": "es-broken", "text": "El Gobierno anunció', "[1, 2, 3]",
                      json.dumps({"id": "es-no-text", "title": article["title"]}, ensure_ascii=False)]
                     ).encode("utf-8")


def make_bad_inputs(out: Path, shared_data: Path) -> dict[str, list[str]]:
    """Write every damaged input into `out`.

    Args:
        out: an existing folder.
        shared_data: the shared data folder (../shared/data).
    Returns:
        file name -> the error codes cronica must report for it, in order.
    """
    article, page = _article(shared_data), _page(shared_data)
    text = article["text"].encode("utf-8")
    rng = random.Random(20261128)
    files = {
        "truncated.txt.gz": (gzip.compress(text)[:-40], ["E108"]),
        "picture.html": (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096)), ["E104"]),
        "invalid-utf8.txt": (text[:200] + b"\xff\xfe\xc3" + text[200:], ["E116"]),
        "no-body.html": (b"<!DOCTYPE html><html><head><title>" + article["title"].encode("utf-8")
                         + b"</title></head></html>", ["E111"]),
        "broken-feed.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Portada</title><item><tit',
                            ["E109"]),
        "corrupt.warc.gz": (_corrupt_warc(shared_data), ["E110"]),
        "empty.txt": (b"", ["E102"]),
        "blank.txt": (b"  \n\t\n   \r\n", ["E102"]),
        "bad-lines.jsonl": (_bad_jsonl(article), ["E105", "E105", "E106"]),
        "bomb.zip": (_zip_bomb(), ["E113"]),
        "bomb.txt.gz": (gzip.compress(b" " * BOMB_BYTES), ["E113"]),
        "entities.xml": (_entity_bomb(), ["E109"]),
    }
    for name, (data, _) in files.items():
        (out / name).write_bytes(data)
    with open(out / "huge.txt", "wb") as f:
        f.truncate(LARGE_BYTES)
    codes = {name: expected for name, (_, expected) in files.items()}
    codes["huge.txt"] = ["E103"]
    return codes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, codes in make_bad_inputs(args.out, args.shared).items():
        sys.stdout.write(f"{name}\t{' '.join(codes)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
