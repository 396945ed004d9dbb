"""HTML-only evidence: blocks inside ``nav``, ``aside``, ``footer``, short all-link blocks,
figure captions, block elements inside links, and author boxes and calls to action named by
class/id words.

Elements that most of the page's blocks sit in (a layout that wraps everything in one
``<aside>``) are ignored, and long prose inside them is never removed on this evidence alone:
the main-body pass judges it. Class and id words were first tried broadly ("share",
"related", "sidebar", "comment"...) and lowered F1: ``DomEvidence.attr_words`` merges the
words of twelve ancestors, so the article's own wrapper ("post has-comments has-sidebar")
marks its paragraphs too. What works is a few words (author, bio, byline, cta) that are
ignored on a page where they mark a large share of the words (the wrapper), and "caption" on
the block's element or its parent only (``DomEvidence.own_words``). On a page guessed
product, the element path of the block holding the stated description is spared: shops
put the description in an ``<aside>`` sheet (wcxb-dev HTML product 0.589 -> 0.593, with
the main-body pass widening the described span along that path).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from boilerstrip.anchor import description_anchor
from boilerstrip.blocks import Block, DomEvidence
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.page_type import PageType
from boilerstrip.records import Records
from boilerstrip.result import Category, Removal

# A call-to-action link repeats in at least this many items (and half of them); its label
# is two to five words ("View" alone is also a gallery's item title). wcxb-dev HTML listing
# 0.577 -> 0.585, collection 0.576 -> 0.577, other types unchanged.
_MIN_ACTION_REPEATS = 3
_ACTION_WORDS = (2, 5)

# A short block that is all link text is a menu item or a teaser link. Measured with shares
# 0.8-0.99 and 6-40 words: 0.95 and 20 words gave HTML F1 0.936 -> 0.939 (scrapinghub),
# 0.914 -> 0.914 (wcxb articles); shorter limits helped less, lower shares cost recall.
_LINK_SHARE = 0.95
_LINK_BLOCK_WORDS = 20
# A figure's caption describes a picture; neither data set's truth counts it as body text
# (caption shingles kept before this rule: 80 in the truth against 1,273 not on scrapinghub,
# 426 against 6,223 on wcxb articles). Removed even when it reads as prose: HTML F1
# 0.941 -> 0.946 (scrapinghub), 0.916 -> 0.918 (wcxb, with the weight in content.py);
# sparing prose captions gave 0.944 / 0.918.
_CAPTION_TAG = "figcaption"
# Captions outside <figure> ("<div class=wp-caption><p class=wp-caption-text>") say so in the
# class/id words of the block's element or its parent. Measured with the element alone and 1-3
# ancestors more: HTML F1 0.9530 -> 0.9560 / 0.9567 / 0.9552 / 0.9553 (scrapinghub), 0.9409
# -> 0.9412-0.9413 (wcxb articles); two levels kept. The words of twelve ancestors merged
# marked whole pages (0.940 / 0.917); "credit(s)", "photographer" added 0.0001.
_CAPTION_WORD = "caption"
_CAPTION_LEVELS = 2
# Block-level elements inside a link are a teaser card (headline and summary as one link);
# kept blocks inside <a>: 0 truth shingles against 710 (scrapinghub), 57 against 799 (wcxb).
# HTML F1 0.946 -> 0.948 (scrapinghub), 0.918 -> 0.918 (wcxb articles).
_LINK_TAG = "a"
# Elements around more than this share of the page's blocks are its layout, not furniture.
PAGE_WIDE_SHARE = 0.5
# Class/id words by which an element says what page furniture it holds: an author box or
# byline, a call to action. Candidates were ranked by the kept shingles outside the truth
# under them on both dev sets, then measured alone (near words, element and parent) from HTML
# F1 0.9567 / 0.9413 (scrapinghub / wcxb articles): "author" 0.9584 / 0.9421, "bio" 0.9574 /
# 0.9418, "byline" 0.9577 / 0.9413, "cta" 0.9568 / 0.9417; together 0.9589 / 0.9426, and
# 0.9598 / 0.9434 with the words of all twelve ancestors under the page-share bound below.
# Not used (moved less than 0.0005, or lowered one set): comment(s), related, share, promo,
# newsletter, rating, sidebar, widget, footer, social, caption.
# A consent manager's dialog names itself (Complianz's "cmplz-cookiebanner", OneTrust's
# "onetrust-banner-sdk", Cookiebot's "CybotCookiebotDialog" read as its words) and holds
# prose the cookie phrases miss ("The technical storage or access is strictly necessary...").
# All wcxb-dev types: service 0.765 -> 0.771, collection 0.597 -> 0.599, listing 0.581 ->
# 0.583, others within 0.0005, all 0.836 -> 0.838. "cookies" is left out: it is the id of a
# documentation's section on them (Flask's).
_CONSENT_WORDS = (
    "cookie",
    "cookiebanner",
    "cookieconsent",
    "consent",
    "gdpr",
    "cmplz",
    "onetrust",
    "cookiebot",
    "cookielaw",
)
_FURNITURE_WORDS: dict[str, tuple[Category, str]] = {
    "author": (Category.METADATA, "author_box"),
    "bio": (Category.METADATA, "author_box"),
    "byline": (Category.METADATA, "author_box"),
    "cta": (Category.ADVERTISEMENT, "call_to_action"),
    "menu": (Category.NAVIGATION, "menu"),
    "signature": (Category.OTHER, "signature"),
    **dict.fromkeys(_CONSENT_WORDS, (Category.COOKIE, "consent_dialog")),
}
# "signature" (a forum post's signature: its writer's motto, links and badges under every
# post, which thread truths leave out): wcxb-dev HTML forum 0.816 -> 0.818 (18 threads up,
# two down by 0.008 and 0.031), documentation 0.9122 -> 0.9120 (one page), others unchanged.
# "menu" (added on all wcxb-dev types: product 0.554 -> 0.561, forum 0.745 -> 0.746, others
# within 0.0005) also names a restaurant's or caterer's sections ("menu-innovation"): it
# removes only what is not long prose, as the furniture elements do (removing prose too lost
# an article's half, 0.348 F1).
_PROSE_SAFE_WORDS = frozenset({"menu"})
# A furniture word around blocks holding more than this share of the page's words names the
# page's layout (an "author-page" wrapper), not furniture in it. Without the bound, words of
# three levels wiped whole pages (scrapinghub 0.9589 -> 0.9413); 0.2-0.5 all gave 0.9598 /
# 0.9434, 0.1 0.9586 / 0.9432, 0.6 0.9543.
_FURNITURE_WORD_SHARE = 0.3
# A consent manager's words get a wider bound: its dialog (OneTrust's purposes, vendors and
# switches) can hold more of a page's words than a thread or a short listing does, and no
# page's own content sits in it. Bound 0.3 / 0.6 / 0.8 / 0.9 / none: wcxb-dev HTML forum
# 0.797 / 0.802 / 0.803 / 0.804 / 0.804, listing 0.601 / 0.608 / 0.613 / 0.613 / 0.613,
# product 0.598 / 0.603 / 0.603 / 0.603 / 0.607, collection 0.622 but 0.615 without a bound
# (a shop's page-wide "cookie" wrapper wiped its page); articles and scrapinghub unchanged.
# 0.8 keeps a margin below the 0.88 of a "cookie" word that marks more than the dialog.
_CONSENT_WORD_SHARE = 0.8
# The code of a block removed for standing inside one of the elements below.
FURNITURE_CODE = "dom_container"
# Elements that hold navigation or page furniture by definition.
FURNITURE_TAGS: dict[str, Category] = {
    "nav": Category.NAVIGATION,
    "aside": Category.OTHER,
    "footer": Category.LEGAL,
}


@dataclass(frozen=True)
class DomFilter(DocumentFilter):
    """Removes short or non-prose blocks that sit in a page-furniture element."""

    # Elements around more than this share of the page's blocks are its layout, not furniture.
    page_wide_share: float = PAGE_WIDE_SHARE
    # Prose this long and this likely is left to the main-body pass.
    prose_words: int = 30
    prose_likelihood: float = 0.8
    name: str = "dom"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        if ctx.document.source_kind != "html":
            return
        page_wide = ctx.page_wide_tags(self.page_wide_share)
        marks = _furniture_marks(ctx.document.blocks)
        records = ctx.records
        spared = _spared_items(ctx, records)
        # The blocks of one element path share its verdicts: each is worked out once.
        by_path: dict[_PathKey, tuple[Removal | None, Removal | None]] = {}
        described = _described_path(ctx)
        for chunk in ctx.deadline.chunks(kept):
            for block in chunk:
                dom = block.dom
                if dom is None:
                    continue
                key = (dom.tag, dom.ancestors, dom.attr_words, dom.own_words)
                if key == described:
                    # The product's description and its siblings (a feature list written
                    # as paragraphs) are the page's, in whatever element a shop puts them.
                    continue
                verdicts = by_path.get(key)
                if verdicts is None:
                    verdicts = by_path[key] = _path_verdicts(dom, marks, page_wide)
                # Captions, linked cards and furniture by name go whatever they read like;
                # furniture elements only when it is not long prose.
                removal = verdicts[0]
                in_records = block.index in spared
                if in_records and removal is not None and removal.code == "in_link":
                    # A listing's items are links: their titles are its content.
                    removal = None
                if removal is None and not self._is_prose(block, ctx):
                    removal = verdicts[1] or (
                        None if in_records else _link_block_removal(block, dom)
                    )
                if removal is not None:
                    yield block, removal

    def _is_prose(self, block: Block, ctx: Context) -> bool:
        return (
            block.stats.words >= self.prose_words
            and ctx.scores[block.index].likelihood >= self.prose_likelihood
        )


def _spared_items(ctx: Context, records: Records | None) -> frozenset[int]:
    """The blocks of the page's records whose links are the items' content, not teasers.

    None on a page whose schema.org data calls it an article: its runs of linked cards are
    related stories, and its own sections' links are citations. (og:type says "article" on
    most WordPress pages, listings too, so it is not enough.) None on a thread either: its
    records are lists of other threads (HTML forum 0.749 -> 0.751). Within a run, a short
    call-to-action link repeated item after item ("Check Amazon Price", "View Company
    Profile") is the items' chrome, and is not spared either.
    """
    if records is None or ctx.page_type_guess.schema_article or ctx.page_type is PageType.FORUM:
        return frozenset()
    run = ctx.document.blocks[records.first : records.last + 1]
    texts = Counter(block.text for block in run)
    every_item = max(_MIN_ACTION_REPEATS, records.count / 2)
    verbs = ctx.lexicon.action_verbs
    return frozenset(
        block.index
        for block in run
        if texts[block.text] < every_item or not _is_call_to_action(block, verbs)
    )


def _is_call_to_action(block: Block, verbs: frozenset[str]) -> bool:
    """A short line opening with an action verb: a button's label, not an item's title."""
    words = block.words
    return _ACTION_WORDS[0] <= len(words) <= _ACTION_WORDS[1] and words[0] in verbs


def page_wide_tags(blocks: Sequence[Block], share: float) -> frozenset[str]:
    """The tags around more than ``share`` of ``blocks``: the page's layout elements."""
    # Blocks of one element share their evidence's tuples: count each distinct path once.
    paths = Counter((b.dom.tag, b.dom.ancestors) for b in blocks if b.dom is not None)
    counts: Counter[str] = Counter()
    for (tag, ancestors), n in paths.items():
        for name in {tag, *ancestors}:
            counts[name] += n
    limit = share * len(blocks)
    return frozenset(tag for tag, n in counts.items() if n > limit)


def _furniture_marks(blocks: Sequence[Block]) -> frozenset[str]:
    """The furniture words of the page's elements, less those around most of its words."""
    counts: Counter[str] = Counter()
    total = 0
    for block in blocks:
        total += block.stats.words
        dom = block.dom
        if dom is not None and not _FURNITURE_WORDS.keys().isdisjoint(dom.attr_words):
            for word in _FURNITURE_WORDS.keys() & dom.attr_words:
                counts[word] += block.stats.words
    limit = _FURNITURE_WORD_SHARE * total
    consent_limit = _CONSENT_WORD_SHARE * total
    return frozenset(
        word
        for word, n in counts.items()
        if n <= (consent_limit if word in _CONSENT_WORDS else limit)
    )


# What the verdicts on an element path depend on: its evidence but the link share and cells.
_PathKey = tuple[str, tuple[str, ...], frozenset[str], tuple[frozenset[str], ...]]


def _path_verdicts(
    dom: DomEvidence, marks: frozenset[str], page_wide: frozenset[str]
) -> tuple[Removal | None, Removal | None]:
    """The removal of every block on ``dom``'s path (caption, linked card, furniture by
    name), and that of those that are not long prose (inside a furniture element)."""
    prose_safe = marks & _PROSE_SAFE_WORDS
    first = _element_removal(dom) or _word_removal(dom, marks - prose_safe)
    return first, _container_removal(dom, page_wide) or _word_removal(dom, prose_safe)


def _word_removal(dom: DomEvidence, marks: frozenset[str]) -> Removal | None:
    """A block inside an element whose class/id words name page furniture."""
    if not marks or marks.isdisjoint(dom.attr_words):
        return None
    word = min(marks & dom.attr_words)
    category, code = _FURNITURE_WORDS[word]
    return Removal(category, code, f"inside an element marked {word!r}")


def _element_removal(dom: DomEvidence) -> Removal | None:
    """A figure caption, or a block element inside a link.

    Unlike the furniture tags, links are not exempted when most blocks sit in one: that
    counts many links of a listing page, not one element, and the exemption cost a page
    of teaser cards (scrapinghub F1 0.948 -> 0.946)."""
    if dom.tag == _CAPTION_TAG or _CAPTION_TAG in dom.ancestors or _caption_words(dom):
        return Removal(Category.OTHER, "figure_caption", "a figure's caption")
    if _LINK_TAG in dom.ancestors:
        return Removal(Category.NAVIGATION, "in_link", "a block element inside a link")
    return None


def _caption_words(dom: DomEvidence) -> bool:
    """Whether the block's element or its parent calls itself a caption (class/id words)."""
    return any(_CAPTION_WORD in words for words in dom.own_words[:_CAPTION_LEVELS])


def _container_removal(dom: DomEvidence, page_wide: frozenset[str]) -> Removal | None:
    """A block inside a furniture element that is not the page's layout."""
    # Most blocks have no furniture element around them: one set test rules that out.
    if dom.tag in FURNITURE_TAGS or not FURNITURE_TAGS.keys().isdisjoint(dom.ancestors):
        for tag in (dom.tag, *dom.ancestors):
            category = FURNITURE_TAGS.get(tag)
            if category is not None and tag not in page_wide:
                return Removal(category, FURNITURE_CODE, f"inside a <{tag}> element")
    return None


def _link_block_removal(block: Block, dom: DomEvidence) -> Removal | None:
    """A short block that is (nearly) all link text."""
    if dom.link_share >= _LINK_SHARE and block.stats.words <= _LINK_BLOCK_WORDS:
        return Removal(
            Category.NAVIGATION, "link_block", f"{dom.link_share:.0%} of its text is a link"
        )
    return None


def _described_path(ctx: Context) -> _PathKey | None:
    """A page guessed a product's: the element path of the block holding its stated
    description (``anchor.py``); ``None`` elsewhere or when none does."""
    if ctx.page_type is not PageType.PRODUCT:
        return None
    page = ctx.document.page
    description = page.description if page else None
    anchor = description_anchor(
        ctx.document.blocks, description, lambda index: not ctx.is_removed(index)
    )
    dom = None if anchor is None else ctx.document.blocks[anchor].dom
    return None if dom is None else (dom.tag, dom.ancestors, dom.attr_words, dom.own_words)
