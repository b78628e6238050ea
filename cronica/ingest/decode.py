"""Bytes to text: BOM first, then the declared encoding, UTF-8, else a sniffed encoding.

A declaration is not blindly trusted: pages that say `iso-8859-1` but hold valid
UTF-8 are common, and decoding those as Latin-1 would produce mojibake.
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Single-byte encodings that decode any bytes at all: a declaration of one of these
# never fails, so valid non-ASCII UTF-8 wins over it.
_ANY_BYTES = {"cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2"}
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def charset_from_content_type(content_type: str) -> str | None:
    """The `charset=` parameter of an HTTP Content-Type header, or None.

    Args:
        content_type: the header value, e.g. `text/html; charset=ISO-8859-1`.
    Returns:
        the charset label as given.
    """
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("'\"")
    return None


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:], "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data, "utf-16"
    return data, None


def utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order of BOM-less text ("utf-16-le" or "utf-16-be"), else None.

    Latin-script UTF-16 has a NUL in every other byte: nearly all even (big-endian)
    or nearly all odd (little-endian) bytes of a sample are zero, never both.

    Args:
        data: raw bytes.
    Returns:
        the codec name, or None when the bytes do not look like UTF-16.
    """
    sample = data[:4096]
    if len(sample) < 16:
        return None
    half = len(sample) // 2
    even, odd = sample[0:2 * half:2].count(0) / half, sample[1:2 * half:2].count(0) / half
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode bytes to str without silent mojibake.

    Args:
        data: raw bytes.
        name: input name for the error message.
        declared: an encoding the container declared (HTTP header, meta charset), tried first.
    Returns:
        the text.
    """
    data, bom = _strip_bom(data)
    if bom:
        return data.decode(bom, errors="replace")
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    codec = _codec(declared)
    if codec and codec not in ("utf-8", "utf-8-sig"):
        as_utf8 = _utf8(data) if codec in _ANY_BYTES else None
        if as_utf8 is not None:
            return as_utf8
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if _mostly_utf8(data):
            raise InputError("E116", input=name, offset=e.start) from e
    return _western(data) or _sniff(data, name)


# Windows-1252 letters and punctuation of Western European text (Latin-1 plus the
# typographic quotes, dashes, ellipsis and euro sign of 0x80-0x9F).
_WESTERN = re.compile("[^\x00-\x7f\u00a0-\u00ff\u2018\u2019\u201a\u201c\u201d\u201e"
                      "\u2013\u2014\u2026\u20ac\u2022\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")


def _western(data: bytes) -> str | None:
    """The text as windows-1252 when that yields only Western European characters.

    Legacy Spanish and English pages are windows-1252 far more often than anything a
    statistical sniffer proposes for a short sample (which turns "España" into "Espańa").
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _WESTERN.search(text):
        return None
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in text if c.isalpha() and ord(c) > 0x7F)
    # accented letters are a few percent of Western text; Cyrillic or Greek bytes
    # misread as windows-1252 are nearly all "accented"
    return text if letters and accented / letters <= 0.2 else None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences: UTF-8 with damage,
    which a sniffer would turn into mojibake."""
    sample = data[:1_000_000]
    high = len(_HIGH_BYTE.findall(sample))
    covered = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    return high > 0 and covered / high >= 0.5


def _sniff(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("E101", input=name)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as e:
        raise InputError("E101", input=name) from e


def _continuations() -> str:
    """Characters that bytes 0x80-0xBF become when UTF-8 is misread as windows-1252."""
    chars = []
    for byte in range(0x80, 0xC0):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return re.escape("".join(chars))


_CONT = _continuations()
# A UTF-8 lead byte misread as a Latin-1 letter, followed by the right number of
# misread continuation bytes: the signature of double-encoded text ("AdriÃ¡n").
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")


def _undo(match: re.Match) -> str:
    piece = match.group()
    raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in piece)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return piece


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as windows-1252 somewhere upstream ("AdriÃ¡n" -> "Adrián").

    Args:
        text: decoded text.
    Returns:
        the text with each misread sequence restored; unchanged when none is found.
    """
    if not text or not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_undo, text)
