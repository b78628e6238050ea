"""Write damaged inputs built from real news into a folder, for the readers' robustness tests.

Nothing here is committed output: tests call `make_bad_inputs(tmp_path, shared_data)`
and each file comes with the error codes cronica must report for it (an empty list:
the input is odd but readable, and must be read without an error).

    .venv/bin/python scripts/make_bad_inputs.py OUT_DIR [--shared ../shared/data]
"""
from __future__ import annotations

import argparse
import bz2
import gzip
import io
import json
import os
import random
import sys
import zipfile
from pathlib import Path

# A sparse file this large costs no disk and no time, and is over the default
# file limit (max(max_article_bytes * 10, max_uncompressed_bytes) = 200 MB).
LARGE_BYTES = 250_000_000
# One JSON Lines line this long (sparse too): refused by max_article_bytes.
LINE_BYTES = 200_000_000
# Decompressed size of the "bombs": over the small max_uncompressed_bytes tests use.
BOMB_BYTES = 8_000_000
# The small max_article_bytes tests use, and sizes chosen against it.
SMALL_ARTICLE_BYTES = 2_000_000
BIG_RECORD_CHARS = 10_000_000
BIG_ATTRIBUTE_BYTES = 50_000_000
NESTED_DIVS = 100_000
MANY_ATTRIBUTES = 100_000
CAPITALISED_WORDS = 100_000
# A file the system keeps secret: its content must never appear in any output.
SECRET_FILE = "/etc/passwd"


class News:
    """Real material from ../shared/data/news: two articles, a page, the sample WARC."""

    def __init__(self, shared_data: Path):
        self.shared = shared_data
        self.es = _record(shared_data / "news" / "es.jsonl")
        self.en = _record(shared_data / "news" / "en.jsonl")
        index = json.loads((shared_data / "news" / "html" / "index.jsonl").open(encoding="utf-8").readline())
        self.page = gzip.decompress((shared_data / "news" / index["file"]).read_bytes())
        self.url = index["url"]

    def paragraphs(self, record: dict | None = None, count: int = 3) -> list[str]:
        """The first `count` paragraphs of an article."""
        lines = [p for p in (record or self.es)["text"].split("\n") if len(p.split()) > 8]
        return lines[:count]


def _record(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if "\"title\"" in line]
        return json.loads(next((line for line in lines if "\"numbers_masked\": false" in line), lines[0]))


def _html(title: str, paragraphs: list[str], head: str = "", body_attrs: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body{body_attrs}><article><h1>{title}</h1>{body}</article></body></html>")


def encodings(news: News) -> dict:
    """Wrong, missing and mixed encodings."""
    text = news.es["text"]
    raw, flat = text.encode("utf-8"), text.replace("\n", " ")
    page = news.page.decode("utf-8", "replace")
    latin = page.encode("cp1252", "xmlcharrefreplace")
    half = len(text) // 2
    lines = [json.dumps({"id": "es-before", "text": text}, ensure_ascii=False).encode("utf-8"),
             b'{"id": "es-damaged", "text": "' + flat[:300].encode("utf-8") + b'\xff\xfe rota"}',
             json.dumps({"id": "en-after", "text": news.en["text"]}).encode("utf-8")]
    return {
        "invalid-utf8.txt": (raw[:200] + b"\xff\xfe\xc3" + raw[200:], ["E116"]),
        "latin1-declared-utf8.html": (latin, []),
        "cp1252.txt": (text.encode("cp1252", "replace"), []),
        "utf16-no-bom.txt": (text.encode("utf-16-le"), []),
        "utf16be-no-bom.txt": (news.en["text"].encode("utf-16-be"), []),
        "mixed-utf8-cp1252.txt": (text[:half].encode("utf-8") + text[half:].encode("cp1252", "replace"), ["E116"]),
        "invalid-utf8-line.jsonl": (b"\n".join(lines), ["E116"]),
    }


def binaries(news: News) -> dict:
    """Binary files with the names of text formats."""
    rng = random.Random(20261128)
    noise = bytes(rng.randrange(256) for _ in range(8192))
    text = news.es["text"].encode("utf-8")
    return {
        "picture.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise, ["E104"]),
        "document.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 8192 /Filter /FlateDecode >>\nstream\n"
                         + noise, ["E104"]),
        "program.jsonl": (b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + noise, ["E104"]),
        "random.xml": (noise, ["E104"]),
        "nul-bytes.txt": (text[:100] + b"\x00" * 64 + text[100:], ["E104"]),
    }


def empties(news: News) -> dict:
    """Empty and whitespace-only files, of every format."""
    return {
        "empty.txt": (b"", ["E102"]),
        "blank.txt": (b"  \n\t\n   \r\n", ["E102"]),
        "empty.jsonl": (b"", ["E102"]),
        "blank.html": (b"\n\n    \n", ["E102"]),
        "empty.xml": (b"", ["E102"]),
        "bom-only.txt": (b"\xef\xbb\xbf\n  \n", ["E102"]),
    }


def html_pages(news: News) -> dict:
    """Pages without an article, and pages built to exhaust a parser."""
    title, paras = news.es["title"], news.paragraphs()
    nested = "<div>" * NESTED_DIVS + "".join(f"<p>{p}</p>" for p in paras) + "</div>" * NESTED_DIVS
    attrs = " " + " ".join(f"a{i}=x" for i in range(MANY_ATTRIBUTES))
    return {
        "no-body.html": (f"<!DOCTYPE html><html><head><title>{title}</title></head></html>".encode(), ["E111"]),
        "script-only.html": (f"<html><head><title>{title}</title></head><body><script>var t = {json.dumps(paras)};"
                             "</script></body></html>".encode(), ["E111"]),
        # the parser keeps 256 levels: the text below them is lost, and the page has none
        "nested-divs.html": (_html(title, []).replace("<article>", "<article>" + nested).encode(), ["E111"]),
        "many-attributes.html": (_html(title, paras, body_attrs=attrs).encode(), []),
    }


def compressed(news: News) -> dict:
    """Broken, bombed and multi-member archives."""
    text = news.es["text"].encode("utf-8")
    several = io.BytesIO()
    with zipfile.ZipFile(several, "w") as archive:
        archive.writestr("uno.txt", text)
        archive.writestr("dos.txt", news.en["text"])
    return {
        "truncated.txt.gz": (gzip.compress(text)[:-40], ["E108"]),
        "garbage.txt.gz": (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8, ["E108"]),
        "truncated.txt.bz2": (bz2.compress(text)[:-60], ["E108"]),
        "bomb.zip": (_zip_bomb(), ["E113"]),
        "bomb.txt.gz": (gzip.compress(b" " * BOMB_BYTES), ["E113"]),
        "bomb.txt.bz2": (bz2.compress(b"a" * BOMB_BYTES), ["E113"]),
        "several.zip": (several.getvalue(), ["E108"]),
        "broken.zip": (b"PK\x03\x04" + text[:500], ["E108"]),
    }


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", b"\0" * BOMB_BYTES)
    return buffer.getvalue()


def _item(record: dict, body: bool = True, date: str = "Mon, 02 Dec 2024 10:00:00 +0100") -> str:
    description = f"<description><![CDATA[{' '.join(_paras(record))}]]></description>" if body else ""
    return f"<item><title>{record['title']}</title><link>https://example.org/{record['id']}</link>" \
           f"<pubDate>{date}</pubDate>{description}</item>"


def _paras(record: dict) -> list[str]:
    return [p for p in record["text"].split("\n") if len(p.split()) > 8][:2]


def _rss(items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f'{prolog}<rss version="2.0"><channel><title>Portada</title><link>https://example.org/</link>' \
           f"<language>es</language>{items}</channel></rss>"


def feeds(news: News) -> dict:
    """Malformed feeds, entity tricks, feeds with nothing to read."""
    es = news.es
    secret = f'<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{SECRET_FILE}">]>'
    leak = _item(dict(es, title="&secret;"))
    return {
        "broken-feed.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Portada</title><item><tit',
                            ["E109"]),
        "unclosed-item.xml": (_rss(_item(es)).replace("</item>", "").encode(), []),
        "wrong-encoding-decl.xml": (_rss(_item(es)).encode("cp1252", "replace"), []),
        "entities.xml": (_entity_bomb(), ["E109"]),
        "external-entity.xml": (_rss(leak, '<?xml version="1.0"?>' + secret).encode(), ["E109"]),
        "parameter-entity.xml": (_rss(_item(es), f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM '
                                      f'"file://{SECRET_FILE}"> %p;]>').encode(), ["E109"]),
        "external-dtd.xml": (_rss(_item(es), f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file://{SECRET_FILE}">'
                                  ).encode(), []),
        "no-items.xml": (_rss("").encode(), ["E109"]),
        "atom-broken-dates.xml": (_atom(news.en, "2024-13-45T99:99:99Z").encode(), []),
        "headline-only.xml": (_rss(_item(es, body=False) + _item(dict(es, title="Última hora"), body=False)
                                   ).encode(), ["E102"]),
    }


def _atom(record: dict, date: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in _paras(record))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
            f"<entry><title>{record['title']}</title><id>urn:{record['id']}</id><updated>{date}</updated>"
            f"<published>{date}</published><content type=\"html\"><![CDATA[{body}]]></content></entry></feed>")


def _entity_bomb() -> bytes:
    levels = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{levels}]>'
            '<rss version="2.0"><channel><title>Noticias</title><item><title>&lol9;</title>'
            '<description>&lol9;</description></item></channel></rss>').encode("utf-8")


def _warc_record(kind: str, url: str, payload: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    """One uncompressed WARC/1.0 record (response or request) around `payload`."""
    if kind == "response":
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
                ).encode() + payload
        block_type = "application/http; msgtype=response"
    else:
        http = f"GET {url.split('/', 3)[-1]} HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
        block_type = "application/http; msgtype=request"
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-12-02T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, url, len(payload)))):032x}>\r\n"
            f"Content-Type: {block_type}\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def warcs(news: News) -> dict:
    """WARCs that lie about lengths, stop early, or hold no page."""
    good = _warc_record("response", news.url, news.page)
    png = _warc_record("response", news.url + ".png", b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
    request = _warc_record("request", news.url, b"")
    longer = good.replace(b"Content-Length: ", b"Content-Length: 9", 1)
    return {
        "corrupt.warc.gz": (_corrupt_warc(news.shared), ["E110"]),
        "wrong-length.warc": (longer + good, ["E110"]),
        "truncated.warc": ((good + good)[:len(good) + len(good) // 2], ["E110"]),
        "images-only.warc": (png + png, ["E110"]),
        "requests-only.warc": (request + request, ["E110"]),
    }


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


def json_lines(news: News) -> dict:
    """JSON Lines with bad records among good ones."""
    es = news.es
    good = json.dumps({"id": "es-good", "text": es["text"], "lang": "es"}, ensure_ascii=False)
    broken = "\n".join([good, '{"id": "es-broken", "text": "El Gobierno anunció', "[1, 2, 3]",
                        json.dumps({"id": "es-no-text", "title": es["title"]}, ensure_ascii=False)])
    text = es["text"].replace("\n", " ")
    nul = json.dumps({"id": "es-nul", "text": text[:400] + "\x00\x00" + text[400:]})
    surrogate = json.dumps({"id": "es-surrogate", "title": es["title"] + "\ud800", "text": "\udc00" + text})
    huge = json.dumps({"id": "es-huge", "text": (text + " ") * (BIG_RECORD_CHARS // len(text) + 1)})
    return {
        "bad-lines.jsonl": (broken.encode(), ["E105", "E105", "E106"]),
        "array.jsonl": (json.dumps([{"id": "es-a", "text": text}]).encode(), ["E105"]),
        "text-number.jsonl": (b'{"id": "n1", "text": 12345}\n' + good.encode(), ["E117"]),
        "huge-record.jsonl": (huge.encode() + b"\n" + good.encode(), ["E103"]),
        "nul-text.jsonl": (nul.encode(), []),
        "lone-surrogate.jsonl": (surrogate.encode(), []),
    }


def hard_texts(news: News) -> dict:
    """Readable texts that are hard for the later stages: each must go through without a crash."""
    words = [w.strip(".,;:()«»\"'").capitalize() for w in news.es["text"].split()]
    words = [w for w in words if w.isalpha()]
    capitalised = " ".join(words[i % len(words)] for i in range(CAPITALISED_WORDS))
    lead = news.paragraphs(count=1)[0]
    dates = (f"{lead}\nEl ministerio fijó la reunión para el 31 de febrero de 2024 y la cumbre para el 30 de "
             "febrero.\nThe ministry said the vote would be held on February 30, 2024.")
    digits = "".join(str((7 * i) % 10) for i in range(400))
    numbers = f"{lead}\nEl informe cifra las pérdidas en {digits} euros y {digits[:200]}.{digits[:200]} toneladas."
    rtl = (f"\u202e{lead}\u202c\n\u200fالحكومة أعلنت\u200f \x07\x1b[31m{news.paragraphs(count=2)[1]}\x1b[0m"
           "\u2066\u2069\ufeff")
    return {
        "capitalised.txt": (capitalised.encode(), []),
        "impossible-dates.txt": (dates.encode(), []),
        "long-numbers.txt": (numbers.encode(), []),
        "rtl-control.txt": (rtl.encode(), []),
    }


def make_special_files(out: Path, news: News) -> dict[str, list[str]]:
    """Files that are not plain bytes: sparse giants, links, a FIFO, an unreadable folder."""
    with open(out / "huge.txt", "wb") as f:
        f.truncate(LARGE_BYTES)
    with open(out / "single-line.jsonl", "wb") as f:
        f.write(b'{"id": "es-line", "text": "')
        f.truncate(LINE_BYTES)
    with open(out / "huge-attribute.html", "wb") as f:
        f.write(b"<html><body><div data-x='")
        for _ in range(BIG_ATTRIBUTE_BYTES // (1 << 20)):
            f.write(b"El Gobierno anuncia " * ((1 << 20) // 20))
        f.write(f"'><p>{news.es['text']}</p></div></body></html>".encode())
    os.symlink("symlink-loop.txt", out / "symlink-loop.txt")
    os.symlink("missing-article.txt", out / "dangling-link.txt")
    os.mkfifo(out / "fifo.txt")
    locked = out / "unreadable"
    locked.mkdir()
    (locked / "article.txt").write_text(news.es["text"], encoding="utf-8")
    os.chmod(locked / "article.txt", 0)
    blocked = ["E118"] if os.geteuid() != 0 else []  # root reads it all the same
    return {"huge.txt": ["E103"], "single-line.jsonl": ["E103"], "huge-attribute.html": ["E103"],
            "symlink-loop.txt": ["E118"], "dangling-link.txt": ["E107"], "fifo.txt": ["E118"],
            "article.txt": blocked}


FAMILIES = (encodings, binaries, empties, html_pages, compressed, feeds, warcs, json_lines, hard_texts)


def make_bad_inputs(out: Path, shared_data: Path) -> dict[str, list[str]]:
    """Write every damaged input into `out`.

    Args:
        out: an existing, empty folder.
        shared_data: the shared data folder (../shared/data).
    Returns:
        file name -> the error codes cronica must report for it, in order ([] when it must be read).
    """
    news, codes = News(shared_data), {}
    for family in FAMILIES:
        for name, (data, expected) in family(news).items():
            (out / name).write_bytes(data)
            codes[name] = expected
    codes.update(make_special_files(out, news))
    return codes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, codes in make_bad_inputs(args.out, args.shared).items():
        sys.stdout.write(f"{name}\t{' '.join(codes) or '-'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
