"""Headline, byline and date of a plain-text page, found around where the body starts.

Scraped pages put the headline shortly before the first paragraph, usually with a byline and
a date between them. The finder anchors on the best prose span, walks back a few blocks and
takes the byline/date lines and the nearest headline-like line it meets. When the page's first
line is its ``<title>`` (as HTML-to-text converters write it), a block repeating the title
(minus the site name) is preferred as the headline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from boilerstrip.blocks import Block
from boilerstrip.dates import find_date
from boilerstrip.filters.base import Context
from boilerstrip.lexicon.months import MONTHS
from boilerstrip.lexicon.tokens import lower_words
from boilerstrip.span import body_span

# How far before the body the headline may stand, in blocks.
_LOOKBACK = 12
# A headline has a few words and is not a sentence of a paragraph.
_HEADLINE_MIN_WORDS = 2
_HEADLINE_MAX_WORDS = 30
# A byline or date line is short; longer lines mentioning "by" are prose.
_META_MAX_WORDS = 14
# Words that open a byline, per language ("By", "Von", "Par", "Por", "Di", "Door", "Przez"...).
_BYLINE_MARKERS = ("by", "von", "par", "por", "di", "door", "przez", "av", "af")
_BYLINE_LABELS = ("autor", "autorin", "author", "auteur")
_BYLINE_VERBS = ("written", "posted", "published", "reported")
_BYLINE = regex.compile(
    rf"^(?:(?:{'|'.join(_BYLINE_VERBS)})\s+by|{'|'.join(_BYLINE_MARKERS + _BYLINE_LABELS)})"
    r"\s*:?\s+(?P<rest>\S.*)$",
    regex.IGNORECASE,
)
_BYLINE_STARTS = frozenset(_BYLINE_MARKERS + _BYLINE_LABELS + _BYLINE_VERBS)
# What may surround a date on a date line besides the date itself.
_DATE_WORDS = regex.compile(
    r"\b(?:updated|published|posted|last|modified|on|at|am|pm|[ap]\.m\.|edt|est|cst|pst|gmt|"
    r"utc|bst|cet|cest|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun|stand|aktualisiert|veröffentlicht|publié|le|mis|à|jour|"
    r"publicado|actualizado|pubblicato|aggiornato|gepubliceerd|opublikowano|de|del|um|uhr)\b"
    r"|[\d:.,|/•·\-–—()]",
    regex.IGNORECASE,
)
# Lines that are nothing but a time stamp: "Nov 15", "13H ago", "updated 15 minutes ago".
_TIME_STAMP_LINE = regex.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:\d+\s*(?:[smhd]|mins?|minutes?|hours?|hrs?|days?|"
    r"weeks?|months?)\s+ago|[\p{L}]{3,9}\.?\s+[0-3]?\d)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?$",
    regex.IGNORECASE,
)
# A byline standing alone in the body is short and names someone.
_LONE_BYLINE_MAX_WORDS = 6
# A time stamp with a weekday and a time runs longer: "Tuesday November 19, 2019 at 7:45 am".
LONE_LINE_MAX_WORDS = 10
# A headline shares this much of its words with the page title (Jaccard similarity).
_TITLE_SIMILARITY = 0.75
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
    title_repeats_first_line: bool = False


def find_page_metadata(ctx: Context) -> PageMetadata:
    """Headline, byline and date of ``ctx.document``, with the blocks they came from."""
    blocks = ctx.document.blocks
    repeat = title_repeat(blocks)
    span = body_span([s.weight for s in ctx.scores], repeat)
    if span is None:
        return PageMetadata()
    anchor = span[0]
    if repeat is not None and repeat >= anchor:
        repeat = None
    window = blocks[max(0, anchor - _LOOKBACK, -1 if repeat is None else repeat + 1) : anchor]
    title_index = repeat
    byline: str | None = None
    date: str | None = None
    meta: list[int] = []
    for block in reversed(window):
        found = _byline_or_date(block)
        if found is not None:
            byline = byline or found[0]
            date = date or found[1]
            meta.append(block.index)
        elif title_index is None and _is_headline(block, ctx):
            title_index = block.index
            break
        elif block.stats.words > _HEADLINE_MAX_WORDS:
            break
    if title_index == 0 and repeat is None and not meta:
        # A first line with nothing to vouch for it (no title line it repeats, no byline or
        # date under it) is as likely the first short line of a body already cleaned:
        # taking it would make a second cleaning take the next one.
        title_index = None
    title = blocks[title_index].text if title_index is not None else None
    repeats = repeat is not None and repeat == title_index
    return PageMetadata(title, title_index, byline, date, tuple(sorted(meta)), anchor, repeats)


def title_repeat(blocks: Sequence[Block]) -> int | None:
    """The first block after the first line that repeats the page title (its longest part).

    HTML-to-text converters write the ``<title>`` first; the article's headline repeats it
    without the site name, sometimes with a word added or dropped, so the words are
    compared as sets (Jaccard similarity), after a cheap exact-text check.
    """
    if len(blocks) < 2 or not _headline_shaped(blocks[0]):
        return None
    first = blocks[0].text
    longest = max((p.strip() for p in _TITLE_SEPARATORS.split(first)), key=len)
    wanted = {first.casefold(), longest.casefold()}
    title_words = frozenset(lower_words(longest))
    if not title_words:
        return None
    for block in blocks[1:]:
        if not _headline_shaped(block):
            continue
        if block.text.casefold() in wanted or _similar(block.words, title_words):
            return block.index
    return None


def _headline_shaped(block: Block) -> bool:
    """A few words, at most one sentence, no closing full stop: a title, not a paragraph."""
    stats = block.stats
    return (
        _HEADLINE_MIN_WORDS <= stats.words <= _HEADLINE_MAX_WORDS
        and stats.sentences <= 1
        and not block.text.endswith(".")
    )


def _similar(words: Sequence[str], title_words: frozenset[str]) -> bool:
    if not words or words[0] not in title_words:
        return False
    mine = frozenset(words)
    return len(mine & title_words) >= _TITLE_SIMILARITY * len(mine | title_words)


def lone_byline_or_date(block: Block) -> tuple[str | None, str | None] | None:
    """(byline, date) for a short line anywhere that is only a byline or a time stamp."""
    stats = block.stats
    if stats.words > LONE_LINE_MAX_WORDS or (stats.ends_sentence and stats.words > 3):
        return None
    # Cheap gate: a time stamp has a digit, a byline starts with its marker word.
    if not stats.digits and (not block.words or block.words[0] not in _BYLINE_STARTS):
        return None
    if _TIME_STAMP_LINE.match(block.text) is not None:
        month = block.words[0] if block.words else ""
        if block.text[:1].isdigit() or month in MONTHS or block.text[:1].lower() in "up":
            return None, None
    found = _byline_or_date(block)
    if found is None or (found[0] and not found[0][:1].isupper()):
        return None
    if found[0] and stats.words > _LONE_BYLINE_MAX_WORDS:
        return None
    return found


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


def _is_headline(block: Block, ctx: Context) -> bool:
    stats = block.stats
    if ctx.label(block) is not None or ctx.phrases(block):
        return False  # "Skip to content", "Share this article": boilerplate, not a headline
    if len(ctx.lexicon.networks.intersection(block.words)) >= 2:
        return False  # "WhatsApp Facebook Pinterest": a share row
    if not _HEADLINE_MIN_WORDS <= stats.words <= _HEADLINE_MAX_WORDS:
        return False
    # A headline may end in ? or ! but is not a finished sentence of a paragraph.
    return not block.text.endswith(".") and stats.sentences <= 1
