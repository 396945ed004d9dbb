"""Headline, byline and date of a plain-text page, found around where the body starts.

Scraped pages put the headline shortly before the first paragraph, usually with a byline and
a date between them. The finder anchors on the best prose span, walks back a few blocks and
takes the byline/date lines and the nearest headline-like line it meets. When the page's first
line is its ``<title>`` (as HTML-to-text converters write it), a block repeating the title
(minus the site name) is preferred as the headline.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from boilerstrip.blocks import Block
from boilerstrip.dates import find_date
from boilerstrip.filters.base import Context
from boilerstrip.span import best_span

# How far before the body the headline may stand, in blocks.
_LOOKBACK = 12
# A headline has a few words and is not a sentence of a paragraph.
_HEADLINE_MIN_WORDS = 2
_HEADLINE_MAX_WORDS = 30
# A byline or date line is short; longer lines mentioning "by" are prose.
_META_MAX_WORDS = 14
_BYLINE = regex.compile(
    r"^(?:(?:written|posted|published|reported)\s+by|by|von|par|por|di|door|przez|av|af|"
    r"autor(?:in)?|author|auteur)\s*:?\s+(?P<rest>\S.*)$",
    regex.IGNORECASE,
)
# What may surround a date on a date line besides the date itself.
_DATE_WORDS = regex.compile(
    r"\b(?:updated|published|posted|last|modified|on|at|am|pm|[ap]\.m\.|edt|est|cst|pst|gmt|"
    r"utc|bst|cet|cest|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun|stand|aktualisiert|veröffentlicht|publié|le|mis|à|jour|"
    r"publicado|actualizado|pubblicato|aggiornato|gepubliceerd|opublikowano|de|del|um|uhr)\b"
    r"|[\d:.,|/•·\-–—()]",
    regex.IGNORECASE,
)
_TITLE_SEPARATORS = regex.compile(r"\s+[|\-–—:·•»]\s+")
_NAME_TRIM = regex.compile(r"[\s,|•·\-–—:;]+$")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """Which blocks hold the headline and byline/date, and what they say."""

    title: str | None = None
    title_index: int | None = None
    byline: str | None = None
    date: str | None = None
    meta_indexes: tuple[int, ...] = ()
    body_start: int | None = None


def find_page_metadata(ctx: Context) -> PageMetadata:
    """Headline, byline and date of ``ctx.document``, with the blocks they came from."""
    blocks = ctx.document.blocks
    span = best_span([s.weight for s in ctx.scores])
    if span is None:
        return PageMetadata()
    anchor = span[0]
    window = blocks[max(0, anchor - _LOOKBACK) : anchor]
    title_index = _title_repeat(window, _page_title_parts(blocks, anchor))
    byline: str | None = None
    date: str | None = None
    meta: list[int] = []
    for block in reversed(window):
        if title_index is not None and block.index <= title_index:
            break
        found = _byline_or_date(block)
        if found is not None:
            byline = byline or found[0]
            date = date or found[1]
            meta.append(block.index)
        elif title_index is None and _is_headline(block):
            title_index = block.index
            break
        elif block.stats.words > _HEADLINE_MAX_WORDS:
            break
    title = blocks[title_index].text if title_index is not None else None
    return PageMetadata(title, title_index, byline, date, tuple(sorted(meta)), anchor)


def _byline_or_date(block: Block) -> tuple[str | None, str | None] | None:
    """(byline, date) when the block is a byline and/or date line, else ``None``."""
    if block.stats.words > _META_MAX_WORDS or block.stats.words == 0:
        return None
    text = block.text
    found_date = find_date(text)
    date = found_date[0] if found_date else None
    byline_match = _BYLINE.match(text)
    if byline_match is not None:
        rest = byline_match.group("rest")
        if found_date is not None:
            rest = text[byline_match.start("rest") : found_date[1][0]] or rest
        name = _NAME_TRIM.sub("", rest).strip()
        return (name or None), date
    if found_date is not None and _only_date_words(text, found_date[1]):
        return None, date
    return None


def _only_date_words(text: str, span: tuple[int, int]) -> bool:
    rest = text[: span[0]] + " " + text[span[1] :]
    return not _DATE_WORDS.sub(" ", rest).strip()


def _is_headline(block: Block) -> bool:
    stats = block.stats
    if not _HEADLINE_MIN_WORDS <= stats.words <= _HEADLINE_MAX_WORDS:
        return False
    # A headline may end in ? or ! but is not a finished sentence of a paragraph.
    return not block.text.endswith(".") and stats.sentences <= 1


def _page_title_parts(blocks: tuple[Block, ...], anchor: int) -> frozenset[str]:
    """The first line and its parts split at title separators, when it precedes the body."""
    if not blocks or anchor == 0:
        return frozenset()
    first = blocks[0].text
    parts = [p.strip().casefold() for p in _TITLE_SEPARATORS.split(first)]
    return frozenset(p for p in [first.casefold(), *parts] if len(p) > 3)


def _title_repeat(window: tuple[Block, ...], parts: frozenset[str]) -> int | None:
    """The last block of ``window`` (after the first line) that repeats the page title."""
    for block in reversed(window):
        if block.index > 0 and block.text.casefold() in parts:
            return block.index
    return None
