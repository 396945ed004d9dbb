"""The main-body pass: the contiguous run of blocks that reads most like an article.

Every block carries a signed prose weight (``prose.py``); blocks earlier filters removed count
as boilerplate. The body is the maximum-sum contiguous span (Pasternack & Roth), so short
subheadings and captions inside the article survive while menus and link lists around it do
not. The span is then widened over adjacent near-prose lines (a closing "X contributed to
this report" line, a short lead) that the sum alone would cut.

HTML adds where the article stands: an ``<article>`` element (or ``itemprop=articleBody``),
outside which blocks count against the body, else the container whose class/id word marks
most of the prose, after which they do; inside either, tables, lists, code and quotes count
for it. The span is then widened to the first and last kept block on the element path that
carries most of its prose (the article's sibling paragraphs), so that a box or a run of short
lines inside the article does not cut it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from boilerstrip.anchor import description_anchor
from boilerstrip.blocks import Block, BlockKind, DomEvidence
from boilerstrip.dates import find_date
from boilerstrip.filters.base import Context, DocumentFilter, Favor
from boilerstrip.filters.dom import FURNITURE_CODE, FURNITURE_TAGS, PAGE_WIDE_SHARE
from boilerstrip.page_cues import label_of
from boilerstrip.page_type import PageType
from boilerstrip.result import Category, Removal
from boilerstrip.span import best_span, body_span
from boilerstrip.text_records import find_text_records

# What an already removed block weighs per word (capped): clearly against the body, yet
# light enough that an "Advertisement" line inside the article does not split it. Per-word
# weight from coordinate search on scrapinghub+wcxb-dev text, 2026-11-25 (flat from 1.5 to 2.0);
# the cap was re-checked there and kept.
_REMOVED_WEIGHT_PER_WORD = 1.5
_REMOVED_WORD_CAP = 20
# Edge extension: how prose-like (likelihood) and how long an adjacent line must be.
# Re-checked by coordinate search on scrapinghub+wcxb-dev text, 2026-11-25: kept (near-flat).
_EXTEND_LIKELIHOOD = {Favor.PRECISION: None, Favor.BALANCED: 0.15, Favor.RECALL: 0.08}
# Asked about every block outside the span, as a module constant: Python 3.11 reads an enum
# member through ``EnumType.__getattr__``'s slot (~180 ns, nine times a constant's look-up).
_RECALL = Favor.RECALL
_EXTEND_MIN_WORDS = 4
# A closing list: at least this many items of at least this many words, mostly lower-case,
# under an optional heading of a few words.
_LIST_MIN_ITEMS = 3
_LIST_ITEM_MIN_WORDS = 4
_LIST_ITEM_MAX_CAPITALISED = 0.5
_LIST_HEADING_WORDS = 3
# Lone bylines and time stamps (codes of the metadata filter) weigh as a long paragraph of
# boilerplate: they separate the teasers of a listing. 50 measured best of 12/25/50/100/200
# on both dev sets (scrapinghub 0.926 -> 0.931, wcxb 0.918 -> 0.919).
_LISTING_MARKS = frozenset({"byline_line", "time_stamp"})
# On a page guessed to be a listing or a collection they are what they say, an item's line:
# they weigh for the body as an item's title does (records). wcxb-dev F1, 0 / 2.0: HTML listing
# 0.571 -> 0.576 / 0.577, collection and the other types unchanged. In text a thread's "user
# - 3 hours ago" lines are such marks too (forum 0.652 -> 0.661), but not in HTML, where the
# islands already keep the posts (0.744 -> 0.740). Indexed by "is HTML".
_ITEM_MARK_TYPES = (
    frozenset({PageType.LISTING, PageType.COLLECTION, PageType.FORUM}),
    frozenset({PageType.LISTING, PageType.COLLECTION}),
)
_ITEM_MARK_WEIGHT = 2.0
# Pages whose own content is a list of items.
_LIST_TYPES = frozenset({PageType.LISTING, PageType.COLLECTION})
_LISTING_MARK_WEIGHT = 50.0
# favor='recall' also keeps long paragraphs of plain prose wherever they stand. (A
# precision end that dropped short non-prose lines inside the body was tried: removing a
# line inside the text lowered measured precision, so precision only narrows the span.)
_RECALL_MIN_WORDS = 25
# HTML: an <article> element holding this share of the page's prose weight marks the body.
# Measured 0.6-0.8, and with negative weights inside it halved: 0.6 without halving gave
# HTML F1 0.939 -> 0.941 (scrapinghub), 0.914 -> 0.915 (wcxb articles).
_ARTICLE_TAG = "article"
# schema.org's itemprop="articleBody" marks the same container on pages without <article>.
_BODY_MARK = "articlebody"
_ARTICLE_PROSE_SHARE = 0.6
# Without such an element, a class/id word whose blocks hold this share of the positive prose
# weight marks the article's container (the word marking the fewest blocks wins): the
# structured blocks inside it count for the body, and the body ends with it. HTML F1
# 0.950 -> 0.952 (scrapinghub), 0.924 -> 0.929 (wcxb articles) for the weighting; ending
# the body there too: 0.952 -> 0.953, 0.929 -> 0.931. Shares 0.6-0.9 all within 0.001.
# Bounding both ends as <article> does scored 0.954 / 0.930 but cut a documentation page's
# synopsis: sibling sections sharing a class word look like a tighter container than their
# parent. Tag names as candidates added nothing; a tighter word inside an <article> cost
# 0.001; ending the body at the <article> element's end only (not its start) cost 0.001.
_CONTAINER_PROSE_SHARE = 0.8
# Inside that element, the structured blocks the filters left (tables, lists, code, quotes)
# weigh this much each, so that a table or a list in the article neither splits the span nor
# ends it. Measured 0 (neutral), 0.5, 1, 2, 4, 8 and with headings too: 2 gave HTML F1
# 0.948 -> 0.950 (scrapinghub), 0.919 -> 0.924 (wcxb articles); 0 helped wcxb only (+0.002),
# 8 cost scrapinghub precision; headings added nothing.
_ARTICLE_STRUCTURE = frozenset(
    {BlockKind.TABLE_CELL, BlockKind.LIST_ITEM, BlockKind.CODE, BlockKind.QUOTE}
)
_ARTICLE_STRUCTURE_WEIGHT = 2.0
_RECALL_MIN_LIKELIHOOD = 0.95
# Pages guessed (``ctx.page_type``) to be a thread, a listing, a collection or a service page
# keep every run of prose whose weights sum to at least _ISLAND_MIN_SUM besides the best span:
# their content is posts, items or sections between chrome. wcxb-dev F1 with the guess, HTML /
# text: forum 0.711 -> 0.743 / 0.603 -> 0.680, service 0.750 -> 0.760 / 0.732 -> 0.733,
# listing 0.567 -> 0.576, collection 0.564 -> 0.569 / 0.470 -> 0.486; product pages only in
# text (0.477 -> 0.500; HTML 0.528 -> 0.520). On every page (no gate) articles fell 0.949 ->
# 0.935 and scrapinghub 0.974 -> 0.941. Sums 20 and 50 measured; 20 kept.
_ISLAND_TYPES = frozenset({PageType.FORUM, PageType.LISTING, PageType.COLLECTION, PageType.SERVICE})
_TEXT_ISLAND_TYPES = _ISLAND_TYPES | {PageType.PRODUCT}
_ISLAND_MIN_SUM = 20.0
# Text has no markup to tell a post from a lone notice (a cookie banner, a network's blurb
# that the text corpus must lose): there an island needs two prose blocks. Text forum F1
# 0.680 with one, 0.658 with two; HTML keeps one (forum 0.743 against 0.726). Indexed by
# "is HTML".
_ISLAND_MIN_BLOCKS = (2, 1)
# HTML: the kept blocks of a run of linked records (``boilerstrip.records``: a listing's
# items) weigh this much each, as the article's structured blocks do. wcxb-dev HTML F1, no
# weight / 0.7 / 2.0: listing 0.499 / 0.553 / 0.566, collection 0.531 / 0.550 / 0.554,
# wcxb articles 0.950 / 0.948 / 0.948 (two small agency pages), scrapinghub 0.975 / 0.975 /
# 0.974. Applying it only when the run holds 15% or 30% of the page's words lost listings
# (0.563 / 0.543) and saved no article.
_RECORD_WEIGHT = 2.0
# HTML: a run of linked records holding at least this share of the page's words, its titles
# mostly distinct, is the page's content even where og:type says article (most WordPress
# themes write it on every page, a section's index too); inside it a byline or time stamp is
# an item's line, weighing as on a page guessed a listing. wcxb-dev HTML listing 0.5837 ->
# 0.5935 (three section indexes 0.01-0.05 -> 0.60-0.89), the other types unchanged (article
# 0.9524, one page -0.014). Shares 0.35 and 0.5 scored the same. Without the distinct-titles
# test a comment thread ("reply to comment" opening each) became an article's body (article
# 0.9516); item marks on every page's records cost a reviews carousel (article -0.0002, one
# page -0.115); a schema.org article's records too cost scrapinghub 0.9768 -> 0.9736.
_RECORDS_PAGE_SHARE = 0.5
# Text: repeated records (``boilerstrip.text_records``: lines of a template that recur item
# after item) weigh for the body as HTML's linked records do, unless the best span of prose
# is an article's: it sums to _TEXT_RECORDS_MAX_SUM and holds _TEXT_RECORDS_MAX_SHARE of the
# page's prose weight (an article's related-stories list or comment thread recurs too). On
# every page, scrapinghub text fell 0.933 -> 0.912; gated, wcxb-dev text listing 0.440 ->
# 0.560, collection 0.477 -> 0.560, scrapinghub unchanged. Gates by the sum alone (32-256),
# by the share alone (0.1-0.5) or by the records' words against the span's (0.5-8x) each
# cost scrapinghub or listings more. Not on pages guessed products (their carousels and
# reviews recur): product 0.468 without that gate.
_TEXT_RECORDS_MAX_SUM = 48.0
_TEXT_RECORDS_MAX_SHARE = 0.3
# A best span of one block (a listing's intro weighs as much as a short article) holds the
# body only if the kept lines of the record runs beside it hold no more than this many times
# its words. wcxb-dev text F1 listing 0.589 -> 0.597, product 0.497 -> 0.505, collection
# 0.597 -> 0.600, others unchanged; factor flat over 1-4 (0.5 cost a thread whose replies the
# comments pass removed, forum -0.001; 8 lost the product gain). Without the words test
# (any lone block): forum 0.680 -> 0.677, scrapinghub 0.934 -> 0.932.
_LONE_BLOCK_ITEM_FACTOR = 2.0
# A line repeated item after item ("Not valid with other offers", a repeated title the
# duplicates pass did not spare) stays removed but weighs nothing inside the records: it
# says nothing about where the body ends. wcxb-dev text F1 listing 0.626 -> 0.634, forum
# 0.682 -> 0.683, documentation 0.885 -> 0.886, product 0.505 -> 0.506, others unchanged;
# weighing them for the body as item lines (2.0) scored the same.
_RECORD_NEUTRAL_CODES = frozenset({"repeated_block", "repeated_sentences"})
# A one-word line of an item ("Add", "$12") weighs nothing rather than for the body:
# product 0.493 -> 0.497, listing unchanged.
_RECORD_LINE_WORDS = 2
# Not on a page that declares itself an article (its evidence, page_type.py): there a run of
# linked cards is the related-stories box. scrapinghub 0.9741 -> 0.975; gating on every
# article guess (the fallback too) cost listings 0.576 -> 0.547.
# An element path: a block's tag, its ancestors' tags and their class/id words.
_Path = tuple[str, tuple[str, ...], frozenset[str]]
# HTML: a figure's caption stands inside the article, so removing it says nothing about
# where the body ends; it weighs nothing. Against -1.5 per word: HTML F1 0.9460 -> 0.9457
# (scrapinghub), 0.9169 -> 0.9179 (wcxb articles).
_NEUTRAL_CODES = frozenset({"figure_caption"})
# HTML, pages guessed product: when no span found sums to this much prose, the product's
# page says it in short lines (a spec sheet, a price table, a buy box), and its body is what
# follows its name in the <h1> up to the page's furniture (the first block the dom filter
# removed as inside <nav>, <aside> or <footer>). wcxb-dev HTML product 0.570 -> 0.586
# (sums 10 / 20 / 30 / 40 / 80: 0.586 / 0.586 / 0.583 / 0.582 / 0.575; ending it 60 blocks
# on: 0.584), the other types unchanged. With a headline that is not an <h1> (a category's
# breadcrumb line) it took two listings' filters and sorting (listing 0.577 -> 0.576).
_UNWRITTEN_SUM = 20.0
_PRODUCT_NAME_TAG = "h1"
# HTML, pages guessed product: a run of at least this many kept <li> items of one element
# path whose prose weights (before any element counts structure for the body) sum to at least
# this much is the product's feature list, part of the body wherever it stands: its items are
# sentences cut short ("Removable hipbelt with web tensioner") among longer ones. wcxb-dev HTML
# product 0.586 -> 0.589, the other types unchanged; sums 0 / 10 / 20 and 3 or 5 items all
# within 0.0002. Taking <div>s inside items too kept a review (0.5889), and weights after the
# article's structure counted a menu inside the page's container (service 0.762 -> 0.761).
# HTML, pages guessed product: prose inside a dialog (an element below <body> with
# role="dialog" or a "modal" class/id word) counts against the body as furniture's does: a
# shop's policy, size-guide and sign-up dialogs sit in the page's markup, closed, often in its
# footer (which then holds so much of the page that it counts as layout, not furniture). The
# blocks we kept under those words on product pages held 571 truth shingles against 16,458
# outside (on articles and documentation "dialog" marks content: 26,000 in, 700 out).
# wcxb-dev HTML product 0.598 -> 0.602 (a privacy dialog had been a shoe's body: 0.02 ->
# 0.57; one page down 0.235, whose modal split its description from its prose), other types
# unchanged. Taking the words of <html> too cost a page whose <html> says "modal-closed".
# So does the customers' "reviews" section: on pages guessed product the kept blocks under
# it held 109 truth shingles against 4,059 outside, and its prose outweighed a product's few
# paragraphs (or carried the body on past them). Product 0.611 -> 0.623 (five pages up 0.15
# to 0.44, one down 0.33 whose description is too short a span), the other types unchanged.
# The singular "review" also marks an editor's review ("product-review" cards, the content
# of a buying guide declaring a schema.org Product): article 0.953 -> 0.952. And a
# "carousel" (other products' blurbs, quotes from the reviews): kept blocks under it on
# product pages held 97 truth shingles against 2,341 outside; product 0.623 -> 0.629 (one page
# 0.14 -> 0.80, one down 0.045), the other types unchanged ("similar" changed nothing). And
# a "disclaimer" (the fine print: 58 truth shingles kept against 1,862): product 0.6286 ->
# 0.6291 (one phone's page 0.18 -> 0.30), the other types unchanged ("compare" changed
# nothing).
_PRODUCT_FURNITURE_WORDS = frozenset({"dialog", "modal", "reviews", "carousel", "disclaimer"})
_PAGE_TAGS = frozenset({"body", "html"})
_FEATURE_LIST_MIN_ITEMS = 3
_FEATURE_LIST_MIN_SUM = 10.0
_ITEM_TAG = "li"
# A body under this many words is thin: what follows it up to this many removed blocks in a
# row joins it when it holds this many times its words. wcxb-dev HTML listing 0.601 -> 0.609,
# service +0.001, collection +0.001, the others unchanged; under 60 / 100 words: collection
# -0.005 / listing -0.005 (a shop's grid kept); a run of 1 or 2 removed blocks: service -0.002;
# growth 1x: product -0.001. On every page guessed service too: service 0.800 -> 0.804, article
# and collection -0.0001 (runs of 6 / 12 removed blocks: 0.803).
_THIN_BODY_WORDS = 40
_THIN_BODY_GAP = 3
_THIN_BODY_GROWTH = 2.0
# The page types whose body never begins at the headline (``_from_headline``). wcxb-dev HTML
# with the rule (and the service run-on, +0.004 of service's): service 0.788 -> 0.803,
# product 0.598 -> 0.604, documentation 0.912 -> 0.913, article 0.9524 -> 0.9527, listing
# 0.6088 -> 0.6097, collection unchanged, forum 0.763 -> 0.7615 (threads guessed article: a
# "Posts: 1" line taken for the headline), scrapinghub unchanged, all 0.8468 -> 0.8491;
# text (not on articles): listing 0.638 -> 0.647, product 0.507 -> 0.509, service 0.757 ->
# 0.758, documentation 0.887 -> 0.886. On collections too: -0.0006 (filter bars).
_HEADLINE_BODY_SKIPPED = frozenset({PageType.FORUM, PageType.COLLECTION})
# The headline the body may begin at is the page's <h1> (``_PRODUCT_NAME_TAG``): a
# breadcrumb taken for the headline ran a manual's body over its "Prev Up Home Next" row
# (all types within 0.0006).
# An interface label is a short line ("Add to bag", "Request a demo").
_LABEL_MAX_WORDS = 6
# A dateline is a short line: a date, a time, a source and a "report" link (characters:
# Chinese has no spaces to count words by).
_DATELINE_MAX_CHARS = 80
# A Chinese story's source line opens with one of these ("来源：新京报").
_SOURCE_MARKS = ("来源", "來源")
# A Chinese or Japanese date ("2018年12月28日"), which dates.find_date does not read.
_CJK_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


@dataclass(frozen=True)
class MainBodyFilter(DocumentFilter):
    """Removes kept blocks outside the article's span, saying on which side they lie."""

    name: str = "main_body"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        if not ctx.scraped:
            # Nothing on the page is boilerplate by any rule (no menu label, prompt, notice,
            # link row...): it is clean text already, and its tables, lists and code are the
            # article's, however little they read like prose.
            return
        weights = _weights(ctx)
        _furniture_against(ctx, weights)
        # The blocks' own weights, before an article's element makes its structure count.
        own = list(weights)
        # A listing's items and the prose around them (an intro, a buying guide) are both the
        # page's: the body is the span under each weighting.
        listing = _with_records(ctx, weights)
        found = [_body_bounds(ctx, weights)]
        if listing is not None:
            found.append(_body_bounds(ctx, listing))
        found.append(_described_bounds(ctx, weights))
        found.append(_unwritten_product_bounds(ctx, weights, found))
        spans = _merged([span for span in found if span is not None])
        if not spans:
            # No block reads as prose: we cannot tell the body, so we do not guess it away.
            return
        if ctx.document.source_kind != "html":
            spans = _merged([*spans, *_text_records_bounds(ctx, weights)])
        if _has_islands(ctx):
            least = _ISLAND_MIN_BLOCKS[ctx.document.source_kind == "html"]
            spans = _with_islands(weights if listing is None else listing, spans, least)
            spans = _with_post_paths(ctx, weights, spans)
        spans = _with_feature_lists(ctx, own, spans)
        spans = _thin_body_extended(ctx, spans)
        spans = _from_headline(ctx, spans)
        yield from self._outside(ctx, kept, spans)

    def _outside(
        self, ctx: Context, kept: Sequence[Block], spans: list[tuple[int, int]]
    ) -> Iterator[tuple[Block, Removal]]:
        """The kept blocks outside every one of ``spans`` (in order, not overlapping)."""
        first, last = spans[0][0], spans[-1][1]
        between = Removal(Category.OTHER, "between_bodies", "between two runs of the body")
        # One removal per side: thousands of menu lines share the same reason.
        before = Removal(
            Category.NAVIGATION, "before_body", f"before the article body (blocks {first}-{last})"
        )
        after = Removal(
            Category.OTHER, "after_body", f"after the article body (blocks {first}-{last})"
        )
        for block in kept:
            index = block.index
            if any(start <= index <= end for start, end in spans) or _kept_for_recall(ctx, block):
                continue
            yield block, before if index < first else after if index > last else between


def _from_headline(ctx: Context, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans``, the first one begun right after the headline when the page is not an
    article that says it is one (nor a thread or a shop's category).

    A landing page's headline stands over what the business offers in short lines (plans,
    prices, features) before any paragraph reads as prose; a product's over its price and
    options. All of it is the page's, but the maximum-sum span starts at the first paragraph.
    A news story's deck between headline and text is not its body (scrapinghub 0.977 -> 0.968
    when stated articles were taken too); nor are a thread's title rows (forum -0.008) or a
    category's filters and sort bar (collection -0.001); nor a dateline and share bar under
    the headline (``_dated``) of a story guessed otherwise.
    """
    head = ctx.page.title_index
    if head is None or head + 1 >= spans[0][0] or not _headline_opens_body(ctx):
        return spans
    if not _is_h1(ctx.document.blocks[head]) or _dated(ctx, head + 1, spans[0][0]):
        return spans
    return [*_runs_without_labels(ctx, head + 1, spans[0][0] - 1), *spans]


def _runs_without_labels(ctx: Context, first: int, last: int) -> list[tuple[int, int]]:
    """The runs of blocks ``first``..``last`` between the interface labels among them ("Add
    to bag", "In stock", "Get started": ``page_cues.label_of``), which stay out of the body."""
    runs: list[tuple[int, int]] = []
    start = first
    for block in ctx.document.blocks[first : last + 1]:
        if block.stats.words <= _LABEL_MAX_WORDS and label_of(block.words) is not None:
            if start < block.index:
                runs.append((start, block.index - 1))
            start = block.index + 1
    if start <= last:
        runs.append((start, last))
    return runs


def _is_h1(block: Block) -> bool:
    """Whether ``block`` is the page's <h1> (in text, any headline line will do)."""
    return block.dom is None or block.dom.tag == _PRODUCT_NAME_TAG


def _dated(ctx: Context, first: int, end: int) -> bool:
    """Whether a kept short line among blocks ``first``..``end - 1`` holds a date: a story's
    dateline ("2019-09-07 09:59:22 来源: 新京报") under its headline, which no landing page
    shows. Chinese portals' stories, guessed listings among their linked headlines, had
    kept it with their share bars: CJK zh+ja 0.974 without this test, 0.986 with it (0.987
    without the rule); wcxb-dev HTML listing 0.615 -> 0.609 with it (dated blog indexes)."""
    return any(
        block.stats.chars <= _DATELINE_MAX_CHARS
        and not ctx.is_removed(block.index)
        and _is_dateline(block)
        for block in ctx.document.blocks[first:end]
    )


def _is_dateline(block: Block) -> bool:
    """A date, or a Chinese story's source line ("来源：中国日报网")."""
    text = block.text.lstrip()
    if text.startswith(_SOURCE_MARKS):
        return True
    if not block.stats.digits:
        return False
    return find_date(text) is not None or _CJK_DATE.search(text) is not None


def _headline_opens_body(ctx: Context) -> bool:
    """Whether the page type's body begins at its headline (``_from_headline``); in text an
    article is never told from a landing page by its markup, so no article's does."""
    kind = ctx.page_type
    if kind in _HEADLINE_BODY_SKIPPED:
        return False
    if kind is PageType.ARTICLE:
        return ctx.document.source_kind == "html" and not ctx.page_type_guess.declared_article
    return True


def _kept_words(ctx: Context, first: int, last: int) -> int:
    """The words of the blocks ``first``..``last`` that no filter removed."""
    blocks = ctx.document.blocks[first : last + 1]
    return sum(b.stats.words for b in blocks if not ctx.is_removed(b.index))


def _thin_body_extended(ctx: Context, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans``, the last one carried on over the kept blocks after it up to the page's
    furniture (a run of ``_THIN_BODY_GAP`` removed blocks) when the body found is a line or
    two (``_THIN_BODY_WORDS``) and what follows outweighs it twice over, or on a page
    guessed service.

    A page of short entries under an intro (trails with their difficulty and length, rentals
    with their price) has one paragraph that reads as prose and nothing else that does: the
    maximum-sum span is that intro. A landing page's later sections (a plan table, a
    testimonial, an FAQ) read as little like prose. HTML only: plain text has no furniture
    of its own between the entries and a page's widgets (a ranking's menus of one-word lines
    ran on: wcxb-dev text listing 0.639 -> 0.632, product up 0.015).
    """
    if ctx.document.source_kind != "html":
        return spans
    service = ctx.page_type is PageType.SERVICE
    inside = 0 if service else sum(_kept_words(ctx, first, last) for first, last in spans)
    if inside >= _THIN_BODY_WORDS:
        return spans
    last = end = spans[-1][1]
    removed_run = 0
    for block in ctx.document.blocks[last + 1 :]:
        if ctx.is_removed(block.index):
            removed_run += 1
            if removed_run >= _THIN_BODY_GAP:
                break
            continue
        removed_run, end = 0, block.index
    if end == last or _kept_words(ctx, last + 1, end) < _THIN_BODY_GROWTH * inside:
        return spans
    return [*spans[:-1], (spans[-1][0], end)]


def _has_islands(ctx: Context) -> bool:
    """Whether the page's body is several runs of prose (``_ISLAND_TYPES``)."""
    kinds = _ISLAND_TYPES if ctx.document.source_kind == "html" else _TEXT_ISLAND_TYPES
    return ctx.page_type in kinds


# HTML, a page guessed a forum: a thread's posts share an element path, so a kept block of
# prose on the path of a block of prose in the body (its spans and islands) is a post too,
# however short: a one-line reply weighs under an island's sum. wcxb-dev HTML forum 0.823
# -> 0.825 (20 threads up, 16 down: their signatures and side boxes share the posts' path,
# one by 0.047), the other types unchanged at three places; text has no paths.
def _with_post_paths(
    ctx: Context, weights: list[float], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` and, on a page guessed a forum, every kept block of prose on the element
    path of a block of prose inside them, merged; ``spans`` elsewhere."""
    if ctx.document.source_kind != "html" or ctx.page_type is not PageType.FORUM:
        return spans
    blocks = ctx.document.blocks
    paths = {
        _path_of(block)
        for first, last in spans
        for block in blocks[first : last + 1]
        if _is_kept_prose(ctx, weights, block)
    }
    found = list(spans)
    found += [
        (block.index, block.index)
        for block in blocks
        if _is_kept_prose(ctx, weights, block) and _path_of(block) in paths
    ]
    return _merged(found)


def _is_kept_prose(ctx: Context, weights: list[float], block: Block) -> bool:
    return block.dom is not None and weights[block.index] > 0 and not ctx.is_removed(block.index)


def _path_of(block: Block) -> _Path | None:
    dom = block.dom
    return None if dom is None else _dom_path(dom)


def _dom_path(dom: DomEvidence) -> _Path:
    """An element path: the block's tag, its ancestors' tags and their class/id words."""
    return dom.tag, dom.ancestors, dom.attr_words


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap or touch joined into one."""
    joined: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if joined and first <= joined[-1][1] + 1:
            joined[-1] = (joined[-1][0], max(joined[-1][1], last))
        else:
            joined.append((first, last))
    return joined


def _with_islands(
    weights: list[float], spans: list[tuple[int, int]], least: int
) -> list[tuple[int, int]]:
    """``spans`` and, in the gaps around them, every run of blocks whose weights sum to at
    least ``_ISLAND_MIN_SUM`` over at least ``least`` prose blocks (a thread's later posts,
    between their chrome), in order."""
    edges = [-1, *(edge for span in spans for edge in span), len(weights)]
    found = list(spans)
    for before, after in zip(edges[0::2], edges[1::2], strict=True):
        found += _islands_in(weights, before + 1, after - 1, least)
    return sorted(found)


# After a run's best prefix the scan starts again: a thread's later, shorter posts stand in
# the same positive run as a long one (their chrome weighs less than the long post's prose),
# and the run's best prefix alone had dropped them. wcxb-dev HTML forum 0.814 -> 0.816
# (threads' recall up to +0.16), service, listing, collection, product unchanged at three
# places (a few pages either way); text product 0.507 -> 0.508, forum within 0.001.
def _islands_in(weights: list[float], start: int, end: int, least: int) -> list[tuple[int, int]]:
    """The islands among positions ``start``..``end``: each positive run's best prefix, and
    then the islands in what follows that prefix (the run's later posts)."""
    islands: list[tuple[int, int]] = []
    position = start
    while position <= end:
        first, last, total = _best_prefix(weights, position, end)
        if last < first:
            break
        if _is_island(weights, first, last, total, least):
            islands.append((first, last))
        position = last + 1
    return islands


def _best_prefix(weights: list[float], start: int, end: int) -> tuple[int, int, float]:
    """The first positive run at or after ``start`` (up to where its sum falls to 0 or
    ``end``): its first position, the end of its best prefix and that prefix's sum; an empty
    span (last < first) when no weight is positive."""
    position = start
    while position <= end and weights[position] <= 0.0:
        position += 1
    first, best_end, best_sum, run_sum = position, position - 1, 0.0, 0.0
    while position <= end:
        run_sum += weights[position]
        if run_sum <= 0.0:
            break
        if run_sum > best_sum:
            best_sum, best_end = run_sum, position
        position += 1
    return first, best_end, best_sum


def _is_island(weights: list[float], first: int, last: int, total: float, least: int) -> bool:
    """Enough prose in enough blocks."""
    if total < _ISLAND_MIN_SUM:
        return False
    return sum(1 for w in weights[first : last + 1] if w > 0) >= least


def _body_bounds(ctx: Context, weights: list[float]) -> tuple[int, int] | None:
    """The first and last block of the body under ``weights`` (``None``: no prose)."""
    article = _html_bounds(ctx, weights)
    if article is not None:
        weights = _outside_against(weights, article)
    span = body_span(weights, ctx.page.title_index)
    if span is None:
        return None
    span = _along_main_path(ctx, weights, _past_leading_junk(ctx, span))
    first, last = _extend(ctx, span)
    if article is not None:
        # Widening stops at the article element's edges.
        first, last = max(first, article[0]), min(last, article[1])
    return first, last


def _along_main_path(ctx: Context, weights: list[float], span: tuple[int, int]) -> tuple[int, int]:
    """HTML: ``span`` widened to the first and last kept block that sits where most of its
    prose does (the same element path: tag, ancestors and their class/id words).

    An article's paragraphs are siblings; a related-links box, a gallery or a run of short
    lines (scores, dates, a numbered list written with ``<br>``) between them breaks the
    maximum-sum span, but not their path; what the filters left on it is the article's,
    however little it reads like prose. HTML F1 0.9598 -> 0.9745 (scrapinghub, recall
    0.953 -> 0.983), 0.9434 -> 0.9492 (wcxb articles); every other wcxb page type up too.
    Widening over the path's prose blocks only: 0.9664 / 0.9493; after the edge extension
    instead of before: 0.9652 / 0.9492 (prose only); requiring the path's prose outside the
    span to weigh 5-50% of that inside: 0.9653-0.9623 / 0.9490-0.9468 (prose only); never
    above the headline: 0.9731 / 0.9476; paths by tags only or by the nearest three
    elements: within 0.0007 either way (prose only).
    """
    main = _main_path(ctx, weights, span) if ctx.document.source_kind == "html" else None
    if main is None:
        return span
    blocks = ctx.document.blocks
    before = [b.index for b in blocks[: span[0]] if _on_path(ctx, b, main)]
    after = [b.index for b in blocks[span[1] + 1 :] if _on_path(ctx, b, main)]
    return (before[0] if before else span[0]), (after[-1] if after else span[1])


def _main_path(ctx: Context, weights: list[float], span: tuple[int, int]) -> _Path | None:
    """The element path whose kept blocks carry the most prose weight in ``span``."""
    totals: dict[_Path, float] = {}
    for block in ctx.document.blocks[span[0] : span[1] + 1]:
        dom = block.dom
        if dom is not None and _is_kept_prose(ctx, weights, block):
            path = _dom_path(dom)
            totals[path] = totals.get(path, 0.0) + weights[block.index]
    return max(totals, key=totals.__getitem__) if totals else None


def _on_path(ctx: Context, block: Block, path: _Path) -> bool:
    dom = block.dom
    return dom is not None and _dom_path(dom) == path and not ctx.is_removed(block.index)


def _html_bounds(ctx: Context, weights: list[float]) -> tuple[int, int] | None:
    """HTML: where the article's element bounds the body (``None``: nowhere); its tables,
    lists... are made to count for it in ``weights``."""
    article = _article_bounds(ctx, weights)
    if article is not None:
        _structure_for(ctx, weights, article)
        return article
    container = _container_bounds(ctx, weights)
    if container is None:
        return None
    _structure_for(ctx, weights, container)
    # A class word is weaker evidence than the element: it only ends the body. (The
    # article's head - headline, lead, synopsis - often stands in a sibling before it; what
    # follows it is the page's.)
    return 0, container[1]


def _kept_for_recall(ctx: Context, block: Block) -> bool:
    """With favor='recall', a long paragraph of plain prose outside the span stays."""
    return (
        ctx.favor is _RECALL
        and block.stats.words >= _RECALL_MIN_WORDS
        and ctx.scores[block.index].likelihood >= _RECALL_MIN_LIKELIHOOD
    )


def _article_bounds(ctx: Context, weights: list[float]) -> tuple[int, int] | None:
    """HTML: the first and last block inside ``<article>`` elements, when those hold most of
    the page's prose weight; else ``None``."""
    inside = [
        b.index
        for b in ctx.document.blocks
        if b.dom is not None
        and (
            b.dom.tag == _ARTICLE_TAG
            or _ARTICLE_TAG in b.dom.ancestors
            or _BODY_MARK in b.dom.attr_words
        )
    ]
    positive = sum(w for w in weights if w > 0)
    inside_positive = sum(weights[i] for i in inside if weights[i] > 0)
    if not inside or positive <= 0 or inside_positive < _ARTICLE_PROSE_SHARE * positive:
        return None
    return inside[0], inside[-1]


def _container_bounds(ctx: Context, weights: list[float]) -> tuple[int, int] | None:
    """HTML without a marked article: the first and last block of the tightest run that a
    class/id word marks and that holds most of the page's prose weight; else ``None``.

    A block's evidence carries the words of its ancestors, so the word of the article's
    container marks every block inside it; the page's layout words mark more blocks.
    """
    positive = sum(w for w in weights if w > 0)
    if positive <= 0:
        return None
    # Runs repeat a few word sets: their extent is taken per set, then spread to the words.
    extents: dict[frozenset[str], tuple[int, int]] = {}
    prose: dict[str, float] = {}
    for words, start, end, weight in _word_runs(ctx.document.blocks, weights):
        extents[words] = (extents.get(words, (start, end))[0], end)
        if weight:  # adding 0.0 changes no sum: only runs with prose are spread
            for word in words:
                prose[word] = prose.get(word, 0.0) + weight
    enough = [w for w, p in prose.items() if p >= _CONTAINER_PROSE_SHARE * positive]
    if not enough:
        return None
    first, last = _word_extents(extents, frozenset(enough))
    word = min(enough, key=lambda w: (last[w] - first[w], first[w], w))
    return first[word], last[word]


def _word_extents(
    extents: dict[frozenset[str], tuple[int, int]], wanted: frozenset[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """The first and last block of each ``wanted`` word over the word sets that hold it.

    Most sets hold the same few wanted words (the layout's wrappers): the extents are
    merged per distinct share of wanted words first, then spread to each word, rather
    than word by word for every set."""
    shares: dict[frozenset[str], tuple[int, int]] = {}
    for words, (start, end) in extents.items():
        share = wanted.intersection(words)
        if share:
            seen = shares.get(share, (start, end))
            shares[share] = (min(seen[0], start), max(seen[1], end))
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for share, (start, end) in shares.items():
        for w in share:
            first[w] = min(first.get(w, start), start)
            last[w] = max(last.get(w, end), end)
    return first, last


def _word_runs(
    blocks: Sequence[Block], weights: list[float]
) -> Iterator[tuple[frozenset[str], int, int, float]]:
    """Runs of consecutive blocks with the same attribute words (the segmenter shares one
    set between the blocks of one element path): words, first, last, positive weight."""
    words: frozenset[str] | None = None
    start = end = 0
    weight = 0.0
    for block in blocks:
        if block.dom is None:
            continue
        if block.dom.attr_words is not words:
            if words:
                yield words, start, end, weight
            words, start, weight = block.dom.attr_words, block.index, 0.0
        end = block.index
        weight += max(0.0, weights[block.index])
    if words:
        yield words, start, end, weight


def _furniture_against(ctx: Context, weights: list[float]) -> None:
    """HTML: prose the ``dom`` filter left inside ``<nav>``, ``<aside>`` or ``<footer>`` (it
    leaves long prose to this pass) counts against the body, as outside an article; on a
    page guessed product, so does prose in a dialog or a reviews section
    (``_PRODUCT_FURNITURE_WORDS``).

    A sidebar's blurb otherwise became the body of a page whose article is a list of short
    lines. HTML F1 0.9528 -> 0.9530 (scrapinghub), 0.9394 -> 0.9409 (wcxb articles): 14
    pages up, 2 down (articles continued in an ``<aside>``)."""
    if ctx.document.source_kind != "html":
        return
    page_wide = ctx.page_wide_tags(PAGE_WIDE_SHARE)
    furniture = FURNITURE_TAGS.keys() - page_wide
    furniture_words = _PRODUCT_FURNITURE_WORDS if ctx.page_type is PageType.PRODUCT else frozenset()
    if not furniture and not furniture_words:
        return
    for block in ctx.document.blocks:
        dom = block.dom
        if (
            dom is not None
            and weights[block.index] > 0
            and (
                dom.tag in furniture
                or not furniture.isdisjoint(dom.ancestors)
                or (not furniture_words.isdisjoint(dom.attr_words) and _in_named_furniture(dom))
            )
        ):
            weights[block.index] = -weights[block.index]


def _in_named_furniture(dom: DomEvidence) -> bool:
    """Whether an element of the block's path below ``<body>`` names itself a dialog or a
    reviews section (a page's ``<html>`` or ``<body>`` class says whether some dialog is
    open, of every block)."""
    path = zip((dom.tag, *dom.ancestors), dom.own_words, strict=False)
    return any(
        tag not in _PAGE_TAGS and not _PRODUCT_FURNITURE_WORDS.isdisjoint(words)
        for tag, words in path
    )


def _with_records(ctx: Context, weights: list[float]) -> list[float] | None:
    """HTML: a copy of ``weights`` in which the kept blocks of the page's run of linked
    records (a listing's items) weigh for the body however little each reads like prose;
    ``None`` when the page has no such run."""
    records = ctx.records
    if records is None or not records.linked:
        return None
    fills_page = _records_fill_page(ctx)
    if _records_are_chrome(ctx, fills_page):
        return None
    if ctx.page_type not in _LIST_TYPES and _under_related_header(ctx, records.first):
        return None
    weighted = list(weights)
    for index in range(records.first, records.last + 1):
        if weighted[index] < _RECORD_WEIGHT and not ctx.is_removed(index):
            weighted[index] = _RECORD_WEIGHT
        elif fills_page and _code_of(ctx, index) in _LISTING_MARKS:
            weighted[index] = _ITEM_MARK_WEIGHT
        elif fills_page and ctx.is_removed(index):
            # Inside a run of records that fills the page (``_records_fill_page``), what the filters
            # removed is the items' chrome ("Want to Read", a rating widget, "Add to cart"),
            # repeated item after item: it stays removed but weighs nothing, as text's repeated
            # lines do; against the body, it outweighed the items (a book list lost to its
            # comments). wcxb-dev HTML listing 0.6527 -> 0.6544, the other types unchanged (article
            # 0.9525); on every page's records (not only those filling it): listing 0.654, product
            # 0.601 -> 0.598 (carousels), collection 0.636 -> 0.635.
            weighted[index] = max(weighted[index], 0.0)
    return weighted


def _records_are_chrome(ctx: Context, fills_page: bool) -> bool:
    """Whether the page's records are its furniture, not its content: on a page that says
    it is an article they are related stories; on a thread, its sidebar's and footer's lists
    of other threads (wcxb-dev forum truths hold 7% of their titles, listings 60%). Not
    weighing them on threads: HTML forum 0.7463 -> 0.7490, other types unchanged. Records
    that fill the page (``fills_page``: ``_records_fill_page``) are its content whatever
    og:type says."""
    if ctx.page_type is PageType.FORUM:
        return True
    return ctx.page_type_guess.declared_article and not fills_page


def _records_fill_page(ctx: Context) -> bool:
    """HTML: whether the page's run of records, its titles mostly distinct, holds most of its
    words (``_RECORDS_PAGE_SHARE``): a section's index, not an article with related stories;
    a page whose schema.org data names it an article says more than its shape."""
    records = ctx.records
    if records is None or ctx.page_type_guess.schema_article:
        return False
    total = sum(b.stats.words for b in ctx.document.blocks)
    if records.words < _RECORDS_PAGE_SHARE * total:
        return False
    # A comment thread's items open with one same link ("Reply"); a listing's titles differ.
    titles = [ctx.document.blocks[index].text for index in records.titles]
    return len(set(titles)) * 2 > len(titles)


def _under_related_header(ctx: Context, first: int) -> bool:
    """Whether the run of records opening at block ``first`` is listed under a related-stories
    header ("为您推荐", "Related posts"): on a page not guessed a list, the box of teasers after
    an article. The related filter took the header and its first items; the run goes on.
    ifeng's article (no schema.org, so no declared article) kept 38 teasers: CJK zh+ja F1
    0.957 -> 0.969 with the Chinese headers. A listing's own list may open under "Latest"."""
    index = first - 1
    while index >= 0 and _code_of(ctx, index) == "related_item":
        index -= 1
    return index >= 0 and _code_of(ctx, index) == "related_header"


def _described_bounds(ctx: Context, weights: list[float]) -> tuple[int, int] | None:
    """HTML, a page guessed a product's: the span around the block that the page's stated
    description matches (``anchor.py``), the prose around it with it; ``None`` elsewhere.

    Reviews, delivery notes and carousels outweighed a product's few paragraphs. wcxb-dev
    HTML F1, product 0.535 -> 0.548; on every page guessed other than an article, no other
    type moved; on every page, scrapinghub fell 0.975 -> 0.970 (the teaser the meta
    description repeats)."""
    if ctx.document.source_kind != "html" or ctx.page_type is not PageType.PRODUCT:
        return None
    page = ctx.document.page
    description = page.description if page else None
    anchor = description_anchor(
        ctx.document.blocks, description, lambda index: not ctx.is_removed(index)
    )
    if anchor is None:
        return None
    weighted = list(weights)
    # Outweighing all the page's prose, the anchor is in the best span, with what around it
    # adds to it.
    weighted[anchor] = 1.0 + sum(w for w in weights if w > 0)
    span = best_span(weighted)
    if span is None:
        return None
    # Widened over the kept blocks on the description's element path: its lines of
    # features written as paragraphs ("- Slim fit"), which the dom pass leaves there.
    # wcxb-dev HTML product 0.589 -> 0.593 with the dom pass's sparing, others unchanged.
    return _extend(ctx, _along_main_path(ctx, weighted, span))


def _text_records_bounds(ctx: Context, weights: list[float]) -> list[tuple[int, int]]:
    """Text: the body's span where the page's repeated records weigh for it (none without
    records). The best span under that weighting, not the one nearest the headline: a
    listing's title is repeated by its first teaser, or by a box of other stories."""
    weighted = _with_text_records(ctx, weights)
    span = None if weighted is None else best_span(weighted)
    if span is None:
        return []
    return [_extend(ctx, _past_leading_junk(ctx, span))]


def _with_text_records(ctx: Context, weights: list[float]) -> list[float] | None:
    """Text: a copy of ``weights`` in which the kept blocks of the page's runs of repeated
    records (``text_record_blocks``), and their lone bylines and time stamps, weigh for the
    body as HTML's linked records do; ``None`` when the page has none."""
    inside = _text_record_blocks(ctx, weights)
    if not inside:
        return None
    blocks = ctx.document.blocks
    weighted = list(weights)
    for index in inside:
        if _code_of(ctx, index) in _RECORD_NEUTRAL_CODES:
            weighted[index] = max(weighted[index], 0.0)
            continue
        if weighted[index] >= _RECORD_WEIGHT or not _counts_for_item(ctx, index):
            continue
        # A one-word line ("Add", "$12", "Free") is an item's, but no evidence of a body.
        long_enough = blocks[index].stats.words >= _RECORD_LINE_WORDS
        weighted[index] = _RECORD_WEIGHT if long_enough else max(weighted[index], 0.0)
    return weighted


def _counts_for_item(ctx: Context, index: int) -> bool:
    removal = ctx.removal(index)
    return removal is None or removal.code in _LISTING_MARKS


def text_record_blocks(ctx: Context) -> list[int]:
    """Text: the blocks inside the page's runs of repeated records, in order, when the page
    reads as a list of items rather than an article (``[]`` otherwise, and for HTML). The
    duplicates pass spares the items' repeated titles there."""
    if ctx.document.source_kind == "html":
        return []
    return _text_record_blocks(ctx, _weights(ctx))


def _text_record_blocks(ctx: Context, weights: list[float]) -> list[int]:
    if ctx.page_type is PageType.PRODUCT:
        # A product page's item runs are its carousels and reviews, not its body.
        return []
    span = body_span(weights, ctx.page.title_index)
    holds = _prose_holds_body(weights, span)
    if holds and not _is_lone_block(weights, span):
        return []  # an article's page: its runs (if any) are boxes beside it
    blocks = ctx.document.blocks
    codes = [_code_of(ctx, index) for index in range(len(blocks))]
    runs = find_text_records(blocks, codes, _LISTING_MARKS)
    inside = sorted({i for run in runs for i in range(run.first, run.last + 1)})
    if holds and not _items_outweigh(ctx, inside, span):
        return []
    return inside


def _prose_holds_body(weights: list[float], span: tuple[int, int] | None) -> bool:
    """Whether the best span of prose (``span``) is an article's: it weighs much, and most of
    the page's prose weight is in it."""
    if span is None:
        return False
    total = sum(weights[span[0] : span[1] + 1])
    positive = sum(w for w in weights if w > 0)
    return total >= _TEXT_RECORDS_MAX_SUM and total >= _TEXT_RECORDS_MAX_SHARE * positive


def _is_lone_block(weights: list[float], span: tuple[int, int] | None) -> bool:
    """Whether ``span`` holds a single block of prose: a listing's intro weighs as much as a
    short article."""
    return span is not None and sum(1 for w in weights[span[0] : span[1] + 1] if w > 0) == 1


def _items_outweigh(ctx: Context, inside: list[int], span: tuple[int, int] | None) -> bool:
    """Whether the kept lines of the record runs, outside the lone block of prose ``span``,
    hold more words than it: the page lists items under an intro. (A thread whose replies
    the comments pass removed leaves only the opening post's chrome in its runs.)"""
    if span is None:
        return False
    blocks = ctx.document.blocks
    lone = sum(b.stats.words for b in blocks[span[0] : span[1] + 1])
    items = sum(
        blocks[i].stats.words
        for i in inside
        if not span[0] <= i <= span[1] and not ctx.is_removed(i)
    )
    return items > _LONE_BLOCK_ITEM_FACTOR * lone


def _code_of(ctx: Context, index: int) -> str | None:
    removal = ctx.removal(index)
    return None if removal is None else removal.code


def _outside_against(weights: list[float], bounds: tuple[int, int]) -> list[float]:
    """Whatever lies outside ``bounds`` counts against the body, prose or not."""
    first, last = bounds
    return [w if first <= i <= last else -abs(w) for i, w in enumerate(weights)]


def _structure_for(ctx: Context, weights: list[float], bounds: tuple[int, int]) -> None:
    """Inside the article's element, kept table rows, list items, code and quotes are
    the article's: each weighs a little for the body instead of against it as non-prose."""
    first, last = bounds
    for block in ctx.document.blocks[first : last + 1]:
        index = block.index
        if (
            weights[index] < _ARTICLE_STRUCTURE_WEIGHT
            and block.kind in _ARTICLE_STRUCTURE
            and not ctx.is_removed(index)
        ):
            weights[index] = _ARTICLE_STRUCTURE_WEIGHT


def _weights(ctx: Context) -> list[float]:
    """``_weight`` of every block, in order. A kept block weighs its prose score: that case
    (most blocks) is read here with local look-ups, without a call per block."""
    scores, removal_of = ctx.scores, ctx.removal
    weights: list[float] = []
    for chunk in ctx.deadline.chunks(ctx.document.blocks):
        for block in chunk:
            if removal_of(block.index) is None:
                weights.append(scores[block.index].weight)
            else:
                weights.append(_weight(ctx, block))
    return weights


def _weight(ctx: Context, block: Block) -> float:
    removal = ctx.removal(block.index)
    if removal is None:
        return ctx.scores[block.index].weight
    if removal.code in _NEUTRAL_CODES:
        return 0.0
    if removal.code in _LISTING_MARKS:
        if ctx.page_type in _ITEM_MARK_TYPES[ctx.document.source_kind == "html"]:
            return _ITEM_MARK_WEIGHT
        # A byline or time stamp standing alone marks an item of a listing (headline,
        # author, date, summary...); inside an article they do not recur.
        return -_LISTING_MARK_WEIGHT
    return -_REMOVED_WEIGHT_PER_WORD * (min(block.stats.words, _REMOVED_WORD_CAP) + 4)


def _extend(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    threshold = _EXTEND_LIKELIHOOD[ctx.favor]
    first, last = span
    if threshold is None:
        return first, last
    while first > 0 and _extends(ctx, ctx.document.blocks[first - 1], threshold):
        first -= 1
    count = len(ctx.document.blocks)
    while last + 1 < count and _extends(ctx, ctx.document.blocks[last + 1], threshold):
        last += 1
    return first, _credit_after(ctx, _list_after(ctx, last))


# The editor's credit that closes a Chinese news article: "责任编辑：霍琦", "本文来源：新京报
# 责任编辑：杜硕_NB12556", "【责任编辑：严玉洁】". A short line, not prose, so the span stopped
# before it; the newspapers print it as the article's last line. CJK zh+ja 0.984 -> 0.986.
_EDITOR_CREDIT = re.compile(r"[\[【(（]?\s*(?:本文来源\s*[:：]\s*\S+\s*)?(?:责任编辑|责编)\s*[:：]")
_CREDIT_MAX_CHARS = 60


def _credit_after(ctx: Context, last: int) -> int:
    """``last + 1`` when that block is a kept editor's credit line, else ``last``."""
    blocks = ctx.document.blocks
    following = last + 1
    if following >= len(blocks) or ctx.is_removed(following):
        return last
    text = blocks[following].text
    if len(text) > _CREDIT_MAX_CHARS or _EDITOR_CREDIT.match(text) is None:
        return last
    return following


def _list_after(ctx: Context, last: int) -> int:
    """The last block of a list that closes the article right after ``last``, else ``last``.

    Articles end in lists (features, steps, links with a description) whose items score
    as non-prose one by one. A list is a run of lines of one source paragraph, each of a
    few words and not title-case (menus are one to three words, teaser headlines are
    title-case), optionally under a one-to-three-word heading.
    """
    blocks = ctx.document.blocks
    position = last + 1
    if position < len(blocks) and _is_list_heading(ctx, blocks[position]):
        position += 1
    items = 0
    while position + items < len(blocks) and _is_list_item(ctx, blocks[position + items]):
        if items and blocks[position + items].group != blocks[position].group:
            break
        items += 1
    return position + items - 1 if items >= _LIST_MIN_ITEMS else last


def _is_list_heading(ctx: Context, block: Block) -> bool:
    return not ctx.is_removed(block.index) and 0 < block.stats.words <= _LIST_HEADING_WORDS


def _is_list_item(ctx: Context, block: Block) -> bool:
    stats = block.stats
    return (
        not ctx.is_removed(block.index)
        and stats.words >= _LIST_ITEM_MIN_WORDS
        and stats.capitalised_share <= _LIST_ITEM_MAX_CAPITALISED
    )


def _extends(ctx: Context, block: Block, threshold: float) -> bool:
    return (
        not ctx.is_removed(block.index)
        and block.stats.words >= _EXTEND_MIN_WORDS
        and ctx.scores[block.index].likelihood >= threshold
        and not _is_bare_address(block.text)
    )


def _past_leading_junk(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the removed blocks and bare addresses it starts with.

    A span that must start soon after the headline can start on a share panel: its lines
    are removed already, but a bare link among them would be kept as the body's first line.
    """
    first, last = span
    blocks = ctx.document.blocks
    while first < last and (ctx.is_removed(first) or _is_bare_address(blocks[first].text)):
        first += 1
    return first, last


def _is_bare_address(text: str) -> bool:
    """A line that is one web address: a share panel's or a page's link, whose pieces
    ("https www bbc com news") count as words but are no sentence of the article."""
    return " " not in text and text.startswith(("http://", "https://", "www."))


def _unwritten_product_bounds(
    ctx: Context, weights: list[float], found: list[tuple[int, int] | None]
) -> tuple[int, int] | None:
    """HTML, a page guessed a product's whose spans found hold next to no prose (a spec
    sheet, a price table, a buy box): the blocks from after its ``<h1>`` headline to the
    page's furniture; ``None`` elsewhere."""
    if ctx.document.source_kind != "html" or ctx.page_type is not PageType.PRODUCT:
        return None
    headline = ctx.page.title_index
    if headline is None:
        return None
    dom = ctx.document.blocks[headline].dom
    if dom is None or dom.tag != _PRODUCT_NAME_TAG:
        return None
    spans = [span for span in found if span is not None]
    if any(sum(weights[first : last + 1]) >= _UNWRITTEN_SUM for first, last in spans):
        return None
    last = headline
    for index in range(headline + 1, len(ctx.document.blocks)):
        if _code_of(ctx, index) == FURNITURE_CODE:
            break
        last = index
    return None if last == headline else (headline + 1, last)


def _with_feature_lists(
    ctx: Context, weights: list[float], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """HTML, a page guessed a product's: ``spans`` and the page's feature lists (runs of
    ``_FEATURE_LIST_MIN_ITEMS`` kept ``<li>`` items of one element path whose own prose
    weights sum to at least ``_FEATURE_LIST_MIN_SUM``), merged; ``spans`` elsewhere."""
    if ctx.document.source_kind != "html" or ctx.page_type is not PageType.PRODUCT:
        return spans
    found = list(spans)
    for first, last in _item_runs(ctx):
        if (
            last - first + 1 >= _FEATURE_LIST_MIN_ITEMS
            and sum(weights[first : last + 1]) >= _FEATURE_LIST_MIN_SUM
        ):
            found.append((first, last))
    return _merged(found)


def _item_runs(ctx: Context) -> Iterator[tuple[int, int]]:
    """The runs of consecutive kept ``<li>`` blocks that share one element path."""
    start: int | None = None
    path: tuple[str, ...] | None = None
    for block in ctx.document.blocks:
        dom = block.dom
        item = dom is not None and dom.tag == _ITEM_TAG and not ctx.is_removed(block.index)
        ancestors = dom.ancestors if dom is not None else None
        if start is not None and (not item or ancestors != path):
            yield start, block.index - 1
            start = None
        if item and start is None:
            start, path = block.index, ancestors
    if start is not None:
        yield start, len(ctx.document.blocks) - 1
