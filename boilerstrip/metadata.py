"""Headline, byline and date of a plain-text page, found around where the body starts.

Scraped pages put the headline shortly before the first paragraph, usually with a byline and
a date between them. The finder anchors on the best prose span, walks back a few blocks and
takes the byline/date lines and the nearest headline-like line it meets. When the page's first
line is its ``<title>`` (as HTML-to-text converters write it), a block repeating the title
(minus the site name) is preferred as the headline.

``report_metadata`` merges that with what an HTML page's markup states (``segment.html_meta``)
into the result's ``Metadata``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import regex

from boilerstrip.blocks import Block, BlockKind
from boilerstrip.dates import find_date
from boilerstrip.errors import InvalidOptionError
from boilerstrip.filters.base import Context
from boilerstrip.lexicon.language import UNDETERMINED
from boilerstrip.lexicon.months import MONTHS
from boilerstrip.lexicon.tokens import lower_words
from boilerstrip.page_type import PageType
from boilerstrip.result import Metadata
from boilerstrip.segment.html_meta import PageMeta, is_web_url
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
# An <h1> inside these is a heading of the page's furniture, not the article's headline.
_FURNITURE = frozenset({"nav", "aside", "footer"})
# A title part and a site name match on a shared start at least this long ("BBC News", "bbc").
_MIN_SITE_PREFIX = 3
# Labels between a registrable name and the top-level domain: "bbc.co.uk", "abc.net.au".
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "ne", "net", "or", "org"})
_ALNUM = regex.compile(r"[\p{L}\p{N}]+")


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
    # HTML: with no line repeating the <title>, the page's first <h1> anchors the body (a
    # late FAQ line or a <p> was taken otherwise). HTML F1 wcxb articles 0.950 -> 0.951,
    # all 1,337 wcxb pages 0.803 -> 0.807 (product +0.029, service +0.024, collection -0.017,
    # forum -0.007), scrapinghub unchanged.
    repeat = title_repeat(blocks)
    if repeat is None:
        repeat = _first_h1(blocks, ctx.page_type is PageType.PRODUCT)
    span = body_span([weight for _, weight in ctx.scores], repeat)
    if span is None:
        return PageMetadata()
    anchor = span[0]
    if repeat is not None and repeat >= anchor:
        repeat = None
    window = blocks[max(0, anchor - _LOOKBACK, -1 if repeat is None else repeat + 1) : anchor]
    title_index, byline, date, meta = _above_body(window, repeat, ctx)
    above = _byline_above(blocks, title_index, repeat)
    if above is not None:
        # A date or byline line right above the headline ("19 November 2019" as a kicker):
        # left in, it would become the byline of the cleaned text's next cleaning.
        index, (found_byline, found_date) = above
        byline, date = byline or found_byline, date or found_date
        meta.append(index)
    if title_index == 0 and repeat is None and not meta:
        # A first line with nothing to vouch for it (no title line it repeats, no byline or
        # date under it) is as likely the first short line of a body already cleaned:
        # taking it would make a second cleaning take the next one.
        title_index = None
    title = blocks[title_index].text if title_index is not None else None
    repeats = repeat is not None and repeat == title_index
    return PageMetadata(title, title_index, byline, date, tuple(sorted(meta)), anchor, repeats)


def _above_body(
    window: Sequence[Block], headline: int | None, ctx: Context
) -> tuple[int | None, str | None, str | None, list[int]]:
    """Walking up from the body's first block: the headline (unless already known), and the
    byline and date lines between them with their indexes."""
    byline: str | None = None
    date: str | None = None
    meta: list[int] = []
    for block in reversed(window):
        found = _byline_or_date(block)
        if found is not None:
            byline = byline or found[0]
            date = date or found[1]
            meta.append(block.index)
        elif headline is None and _is_headline(block, ctx):
            headline = block.index
            break
        elif block.stats.words > _HEADLINE_MAX_WORDS:
            break
    return headline, byline, date, meta


def _byline_above(
    blocks: Sequence[Block], title_index: int | None, repeat: int | None
) -> tuple[int, tuple[str | None, str | None]] | None:
    """The byline or date line right above the headline (not the title line it repeats)."""
    if title_index is None or title_index == 0 or title_index - 1 == repeat:
        return None
    found = _byline_or_date(blocks[title_index - 1])
    return None if found is None else (title_index - 1, found)


def title_repeat(blocks: Sequence[Block]) -> int | None:
    """The first block after the first line that repeats the page title (its longest part).

    HTML-to-text converters write the ``<title>`` first; the article's headline repeats it
    without the site name, sometimes with a word added or dropped, so the words are
    compared as sets (Jaccard similarity), after a cheap exact-text check. In HTML an
    ``<h1>`` that repeats it beats an earlier repeat: a shop's breadcrumb ends with the
    product's name, above its heading. wcxb-dev HTML F1 article 0.948 -> 0.949, service
    0.761 -> 0.762, product 0.559 -> 0.560, the other types unchanged.
    """
    if len(blocks) < 2 or not _headline_shaped(blocks[0]):
        return None
    first = blocks[0].text
    longest = max((p.strip() for p in _TITLE_SEPARATORS.split(first)), key=len)
    wanted = {first.casefold(), longest.casefold()}
    title_words = frozenset(lower_words(longest))
    if not title_words:
        return None
    found = None
    for block in blocks[1:]:
        if not _headline_shaped(block):
            continue
        if block.text.casefold() in wanted or _similar(block.words, title_words):
            if _is_page_h1(block):
                return block.index
            if found is None:
                found = block.index
    return found


def _is_page_h1(block: Block) -> bool:
    """An ``<h1>`` outside the page's furniture."""
    dom = block.dom
    return dom is not None and dom.tag == "h1" and not _FURNITURE.intersection(dom.ancestors)


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


def lone_meta_candidates(blocks: Iterable[Block]) -> list[Block]:
    """The blocks that pass ``lone_byline_or_date``'s cheap gate (the same conditions),
    tested without a call per block: most lines of a page fail it."""
    return [
        block
        for block in blocks
        if block.stats.words <= LONE_LINE_MAX_WORDS
        and not (block.stats.ends_sentence and block.stats.words > 3)
        and (block.stats.digits or (block.words and block.words[0] in _BYLINE_STARTS))
    ]


def lone_byline_or_date(block: Block) -> tuple[str | None, str | None] | None:
    """(byline, date) for a short line anywhere that is only a byline or a time stamp."""
    stats = block.stats
    if stats.words > LONE_LINE_MAX_WORDS or (stats.ends_sentence and stats.words > 3):
        return None
    # Cheap gate: a time stamp has a digit, a byline starts with its marker word. (The same
    # as lone_meta_candidates': keep the two alike.)
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


# HTML blocks whose element says they are part of something else: a line of code, a table
# cell or a caption is never the page's headline (small pages with a code sample had
# "def f():" reported as their title). List items stay candidates: excluding them cost
# 0.0001 scrapinghub HTML F1 (a listing's headline inside an <li>).
_NEVER_HEADLINES = frozenset({BlockKind.CODE, BlockKind.TABLE_CELL, BlockKind.CAPTION})


def _is_headline(block: Block, ctx: Context) -> bool:
    stats = block.stats
    if block.kind in _NEVER_HEADLINES:
        return False
    if ctx.label(block) is not None or ctx.phrases(block):
        return False  # "Skip to content", "Share this article": boilerplate, not a headline
    if len(ctx.lexicon.networks.intersection(block.words)) >= 2:
        return False  # "WhatsApp Facebook Pinterest": a share row
    if not _HEADLINE_MIN_WORDS <= stats.words <= _HEADLINE_MAX_WORDS:
        return False
    # A headline may end in ? or ! but is not a finished sentence of a paragraph.
    return not block.text.endswith(".") and stats.sentences <= 1


# --- what the result reports -----------------------------------------------------------------
def report_metadata(ctx: Context, url: str | None = None) -> Metadata:
    """The result's metadata: what the text shows (headline, byline and date lines) and, for
    HTML, first what the markup states; the caller's ``url`` names the site when the page
    does not. Plain text reports its headline exactly as before HTML metadata existed.
    """
    found = ctx.page
    document = ctx.document
    page = document.page
    guess = ctx.page_type_guess
    kind, evidence = guess.page_type, guess.evidence
    if page is None:
        site = site_of(url)
        return Metadata(
            found.title,
            found.byline,
            found.date,
            document.language,
            url,
            site,
            page_type=kind,
            page_type_evidence=evidence,
        )
    canonical = _web_url(page.canonical_url, url)
    site = page.site_name or site_of(url) or site_of(canonical)
    # The declared language stands in only where the words name none: one the caller gave,
    # or one with a stopword list, is already the document's.
    undetermined = document.language == UNDETERMINED
    return Metadata(
        title=_html_title(document.blocks, page, site, found.title),
        byline=page.author or found.byline,
        # A first <time> may date a sidebar item: the date line by the headline goes first.
        date=page.date or found.date or page.time_date,
        language=page.language if undetermined and page.language else document.language,
        url=url,
        site_name=site,
        canonical_url=canonical,
        page_type=kind,
        page_type_evidence=evidence,
    )


def _html_title(
    blocks: Sequence[Block], page: PageMeta, site: str | None, headline: str | None
) -> str | None:
    """og:title (or JSON-LD headline), the first ``<h1>``, the headline the text shows, then
    the ``<title>``; each without the site name it may carry."""
    if page.title:
        return without_site_name(page.title, site)
    for block in blocks:
        dom = block.dom
        if dom is not None and dom.tag == "h1" and _is_h1_headline(block, site):
            return block.text
    if headline:
        return headline
    first = blocks[0] if blocks else None
    if first is not None and first.dom is not None and first.dom.tag == "title":
        return without_site_name(first.text, site)
    return None


def _first_h1(blocks: Sequence[Block], one_word: bool) -> int | None:
    """HTML: the first ``<h1>`` outside the page's furniture that is shaped like a headline
    (or, with ``one_word``, is a single word).

    A product is often named in one word ("Jimmy", "Beard Oil" less often): on pages guessed
    product the one-word ``<h1>`` counts, wcxb-dev HTML product 0.560 -> 0.570. On every page
    it cost collections 0.0005 (a category's "Furniture" heading above its loading lines)."""
    for block in blocks:
        if _is_page_h1(block) and (
            _headline_shaped(block) or (one_word and block.stats.words == 1)
        ):
            return block.index
    return None


def _is_h1_headline(block: Block, site: str | None) -> bool:
    """Not a logo (the site's name in an ``<h1>``) nor a heading of the page's furniture."""
    if not 1 <= block.stats.words <= _HEADLINE_MAX_WORDS or block.dom is None:
        return False
    if _FURNITURE.intersection(block.dom.ancestors):
        return False
    return site is None or not _names_site(block.text, site)


def without_site_name(title: str, site: str | None) -> str:
    """``title`` without a site name standing at its end or start ("Headline | Site")."""
    if not site:
        return title
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    if _names_site(title[last.end() :], site):
        return title[: last.start()].strip() or title
    if _names_site(title[: first.start()], site):
        return title[first.end() :].strip() or title
    return title


def _names_site(part: str, site: str) -> bool:
    """Whether ``part`` of a title is the site's name: "BBC News" for the site "bbc.co.uk",
    "The Guardian" for "theguardian.com" or "Guardian"; letters and digits compared."""
    squashed = _squashed(part)
    if not squashed:
        return False
    for key in _site_keys(site):
        shorter = min(len(key), len(squashed))
        if squashed == key or (
            shorter >= _MIN_SITE_PREFIX and (squashed.startswith(key) or key.startswith(squashed))
        ):
            return True
    return False


def _site_keys(site: str) -> set[str]:
    keys = {_squashed(site)}
    if "." in site and " " not in site:
        # A host: its registrable name, "bbc" of "news.bbc.co.uk".
        labels = [label for label in site.lower().split(".") if label][:-1]
        while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels.pop()
        if labels:
            keys.add(_squashed(labels[-1]))
    keys.discard("")
    return keys


def _squashed(text: str) -> str:
    return "".join(_ALNUM.findall(text.casefold()))


def checked_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL (``None`` passes); else InvalidOptionError."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise InvalidOptionError(
            f"url must be a str (an absolute http or https URL), got {type(url).__name__}"
        )
    if not is_web_url(url):
        raise InvalidOptionError(
            "url must be an absolute http or https URL such as 'https://example.com/news/1', "
            f"got {url[:200]!r}"
        )
    return url


def site_of(url: str | None) -> str | None:
    """The host of a checked ``url`` without a leading "www.": a site's name of last resort."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _web_url(value: str | None, base: str | None) -> str | None:
    """``value`` made absolute against ``base`` if it is relative; ``None`` unless http(s)."""
    if not value:
        return None
    try:
        joined = urljoin(base, value) if base else value
    except ValueError:
        return None
    return joined if is_web_url(joined) else None
