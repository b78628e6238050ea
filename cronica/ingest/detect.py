"""Tell an input's format from its bytes (not only its name), and undo compression."""
from __future__ import annotations

import bz2
import gzip
import io
import zipfile
import zlib
from pathlib import Path

from ..errors import InputError
from .decode import utf16_without_bom

_CHUNK = 1 << 20


def _read_capped(stream, name: str, limit: int) -> bytes:
    out = io.BytesIO()
    while True:
        try:
            chunk = stream.read(_CHUNK)
        except (OSError, EOFError, zlib.error) as e:
            raise InputError("E108", input=name, reason=str(e) or type(e).__name__) from e
        if not chunk:
            return out.getvalue()
        out.write(chunk)
        if out.tell() > limit:
            raise InputError("E113", input=name, limit=limit)


def decompress(data: bytes, name: str, options) -> bytes:
    """Undo gzip, bzip2 or single-member zip compression, capped in size.

    Args:
        data: the raw bytes.
        name: input name for messages.
        options: settings (max_uncompressed_bytes).
    Returns:
        the uncompressed bytes (data itself when not compressed).
    """
    limit = options["max_uncompressed_bytes"]
    if data[:2] == b"\x1f\x8b":
        if _looks_like_warc_gz(data):
            return data  # WARC readers stream gzip members themselves
        return _read_capped(gzip.GzipFile(fileobj=io.BytesIO(data)), name, limit)
    if data[:3] == b"BZh":
        return _read_capped(bz2.BZ2File(io.BytesIO(data)), name, limit)
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [m for m in archive.infolist() if not m.is_dir()]
        except zipfile.BadZipFile as e:
            raise InputError("E108", input=name, reason=str(e)) from e
        if len(members) != 1:
            raise InputError("E108", input=name, reason=f"zip holds {len(members)} files, expected 1")
        if members[0].file_size > limit:
            raise InputError("E113", input=name, limit=limit)
        return _read_capped(archive.open(members[0]), name, limit)
    return data


def is_warc_file(path: Path) -> bool:
    """True when a file is a WARC (plain or gzip per record), so it can be streamed from disk.

    Args:
        path: the file.
    Returns:
        whether its first bytes are a WARC record header.
    """
    with open(path, "rb") as f:
        head = f.read(4096)
    return head.startswith(b"WARC/") or (head[:2] == b"\x1f\x8b" and _looks_like_warc_gz(head))


def is_jsonl_file(path: Path) -> bool:
    """True when a file is uncompressed JSON Lines (its first non-blank byte opens an object).

    Args:
        path: the file.
    Returns:
        whether it can be streamed line by line.
    """
    with open(path, "rb") as f:
        head = f.read(4096)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _looks_like_warc_gz(data: bytes) -> bool:
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 64)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def open_bytes(path: Path, options) -> bytes:
    """Read a file, refusing one larger than max_article_bytes * 10 (a batch file may hold many).

    Args:
        path: the file.
        options: settings.
    Returns:
        its bytes, uncompressed.
    """
    limit = max(options["max_article_bytes"] * 10, options["max_uncompressed_bytes"])
    size = path.stat().st_size
    if size > limit:
        raise InputError("E103", input=str(path), limit=limit)
    return decompress(path.read_bytes(), str(path), options)


def detect_format(data: bytes, name: str) -> str:
    """Return "warc", "feed", "html", "jsonl" or "text" for these bytes.

    Args:
        data: uncompressed bytes (a gzipped WARC stays compressed).
        name: the input name; its extension breaks ties only.
    Returns:
        the format name.
    """
    if data[:2] == b"\x1f\x8b" or data.startswith(b"WARC/"):
        return "warc"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if _is_binary(data[:8192]):
        raise InputError("E104", input=name)
    lower = name.lower()
    if head.startswith(b"{") or lower.endswith(_JSONL_NAMES):
        return "jsonl"
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head or b"<newsml" in head:
            return "feed"
        if head.startswith(b"<?xml") and b"<html" not in head:
            return "feed"
        return "html"
    if lower.endswith((".html", ".htm")):
        return "html"
    return "text"


# names of JSON Lines files, also compressed: their lines are records even when one is not an object
_JSONL_NAMES = tuple(f".{kind}{z}" for kind in ("jsonl", "ndjson") for z in ("", ".gz", ".bz2", ".zip"))


def _is_binary(sample: bytes) -> bool:
    if not sample or utf16_without_bom(sample):
        return False
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05
