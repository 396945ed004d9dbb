"""Telling an HTML page from plain text that merely mentions a tag or compares with ``<``.

A page is HTML when it opens like one (a doctype, ``<html>``, ``<head>``, ``<body>`` or another
tag only a page starts with), or when its start holds several well-formed tags of the kinds
every page uses. Prose such as "if a < b and c > d" or "use the <br> tag" holds neither.
"""

from __future__ import annotations

import re

# Where a page's first tag may stand: after whitespace, a BOM, an XML declaration, comments.
_OPENING_CHARS = 1024
# Where the tags that make a page are counted.
_TAG_WINDOW = 2048
# Distinct common tag names (with one closing tag among them) that make a text a page.
_MIN_DISTINCT_TAGS = 3

_PREAMBLE = re.compile(r"(?:\s+|\ufeff|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
# Only pages start with these: the document's own tags and what goes in its head.
_PAGE_START = re.compile(
    r"<(?:!doctype\s+html|(?:html|head|body|meta|title|link)(?:\s[^<>]*)?/?>)", re.IGNORECASE
)
_COMMON = r"html|head|body|div|p|span|a|meta|script|table|ul|li"
# A well-formed tag: the name right after "<" (or "</"), then attributes, then ">".
_COMMON_TAG = re.compile(rf"<(/?)({_COMMON})(?:\s[^<>]*)?/?>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than plain text."""
    start = _PREAMBLE.match(text, 0, _OPENING_CHARS)
    position = start.end() if start is not None else 0
    if _PAGE_START.match(text, position) is not None:
        return True
    return _has_common_tags(text[:_TAG_WINDOW], position)


def _has_common_tags(window: str, position: int) -> bool:
    """At least a few distinct common tags with one closing tag, or an opening tag closed."""
    opened: set[str] = set()
    closed: set[str] = set()
    first: str | None = None
    for match in _COMMON_TAG.finditer(window):
        name = match.group(2).lower()
        if match.start() == position and not match.group(1):
            first = name
        (closed if match.group(1) else opened).add(name)
    if first is not None and first in closed:
        return True
    return bool(closed) and len(opened | closed) >= _MIN_DISTINCT_TAGS
