"""Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else a sniffed encoding."""
from __future__ import annotations

from ..errors import InputError


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode bytes to str without silent mojibake.

    Args:
        data: raw bytes.
        name: input name for the error message.
        declared: an encoding the container declared (HTTP header, meta charset), tried first.
    Returns:
        the text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ([declared] if declared else []) + ["utf-8"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("E101", input=name)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as e:
        raise InputError("E101", input=name) from e
