"""Turning the bytes a scraper fetched into text, without ever failing on bad bytes."""

from __future__ import annotations

import codecs
import re

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
    except (UnicodeError, LookupError, ValueError, TypeError):
        # A declared charset that does not fit the bytes is a lie we do not trust; codecs
        # that are not text encodings at all ("rot13", "base64", "undefined") raise
        # LookupError or their own UnicodeError subclasses here.
        return None


def _decode_detected(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


# Where a page declares its charset: browsers look in the first 1024 bytes, pages with long
# heads put it a little later.
_DECLARATION_BYTES = 4096
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
# Labels browsers read as a wider charset (WHATWG Encoding): the narrow one would fail on
# bytes every browser shows. UTF-16/32 declared in ASCII-readable bytes is always wrong.
_DECLARED_ALIASES = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "euc-kr": "cp949",
    "utf-16": "",
    "utf-16le": "",
    "utf-16be": "",
    "utf-32": "",
}


def decode_html_bytes(data: bytes) -> str:
    """Decode an HTML page: BOM, then strict UTF-8, then its declared charset, then detection.

    UTF-8 goes before the declaration because pages often declare ISO-8859-1 while being
    UTF-8, and a declaration is trusted only when the bytes decode with it.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_bytes(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return decode_bytes(data, declared_charset(data))


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` in the first 4 KB of ``data`` declares, if any."""
    match = _META_CHARSET.search(data, 0, _DECLARATION_BYTES)
    if match is None:
        return None
    return canonical_charset(match.group(1).decode("ascii"))


def canonical_charset(label: str) -> str | None:
    """The charset browsers read for a declared ``label`` (``None``: one never to trust)."""
    label = label.strip().lower()
    return _DECLARED_ALIASES.get(label, label) or None
