"""Turning the bytes a scraper fetched into text, without ever failing on bad bytes."""

from __future__ import annotations

import codecs

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM first, then a declared charset, then UTF-8, then detection.

    Undecodable bytes become U+FFFD rather than an exception: a scraper's batch must not die
    on one page with a stray byte.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_detected(data)


def _decode_declared(data: bytes, declared: str) -> str | None:
    try:
        codecs.lookup(declared)
    except LookupError:
        return None
    try:
        return data.decode(declared)
    except UnicodeDecodeError:
        # A declared charset that does not fit the bytes is a lie we do not trust.
        return None


def _decode_detected(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")
