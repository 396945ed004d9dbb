"""Repeated records in an HTML page: the items of a listing, a collection or a thread.

A listing's items (a search result, a product card, an event, a forum post) are built from
one template, so the blocks that open them - the item's title, usually a heading or a link -
share one element path: the same tag, the same ancestors and the same class/id words, over
and over. Menus repeat too, but their items are a word or two and stand in ``<nav>``; an
article's paragraphs share a path too, but they are prose, not titles.

``find_records`` finds the most repeated such path and the run of blocks its occurrences
span: from the first title to the end of the last item (as long as the items before it were
on average). Filters use it as evidence: inside the run, link titles are the items', not
teasers to strip, and the main-body pass can take the run as the page's content when it
outweighs the prose around it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from boilerstrip.blocks import Block, BlockKind, DomEvidence

# At least this many items make a listing: three is a row of teasers under an article.
MIN_RECORDS = 4
# An item's title is a few words on average: menu entries are one word or so. Not so headings:
# menus are rarely written as headings, and a chart's films or a shop's brands have short
# names ("Hamnet", "GOAT"). wcxb-dev HTML, a heading's floor 2.5 / 2.0 / 1.5 / none: listing
# 0.639 / 0.647 / 0.648 / 0.653, service 0.779 / 0.781 / 0.781 / 0.781, documentation 0.913 /
# 0.913 / 0.914 / 0.914, the other types unchanged (article 0.9525). A link's floor 2.5 /
# 2.0 / 1.5 (2.0 lets in titles of two words): service 0.781 / 0.788 / 0.788, product 0.601
# / 0.606 / 0.600, article 0.9525 / 0.9523 / 0.9524, all 0.8506 / 0.8516 / 0.8512, the other
# types unchanged.
_MIN_TITLE_WORDS = 2.0
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Elements that hold page furniture: items inside them are menus and sidebars.
_FURNITURE = frozenset({"nav", "aside", "footer", "header"})
_HEADER = "header"
_ARTICLE = "article"
# Class/id words of a menu. A mobile or drop-down menu's entries are a few words each and
# share a path, so without this they make the longest "listing" of many pages. Only the
# block's nearest elements count: far up, a page-wide wrapper can say "nav" (Sphinx's
# wy-nav-content holds the whole page), and <body>'s classes describe the page. wcxb-dev HTML:
# collection 0.577 -> 0.597, article 0.950 -> 0.952, service 0.761 -> 0.765, product 0.549 ->
# 0.554, all 0.833 -> 0.836.
_MENU_WORDS = frozenset({"menu", "submenu", "megamenu", "dropdown", "navbar", "nav", "navigation"})
_MENU_DEPTH = 8
_PAGE_TAGS = frozenset({"body", "html"})
_TITLE_TAGS = _HEADING_TAGS | {"a"}
# Tested for every block, as a module constant: Python 3.11 reads an enum member through
# ``EnumType.__getattr__``'s slot (~180 ns, nine times a constant's look-up).
_HEADING = BlockKind.HEADING
# A block this much link text is a link (the dom filter's link-block share).
_ALL_LINK_SHARE = 0.95
# A title with at least this much link text links to its item.
_LINKED_TITLE_SHARE = 0.5

_PathKey = tuple[str, tuple[str, ...], frozenset[str]]
# A word of the element path carried by fewer candidates of the same tags than this share
# of them (and MIN_RECORDS) names an item, not the listing's element. An empty string is no
# word: it counts the candidates.
_SHARED_SHARE = 0.5
_COUNT_KEY = ""
# Titles merged across paths recur at a steady pace: no gap over this many times the shortest
# (measured in ``_title_groups``).
_STEADY_GAP_FACTOR = 4


@dataclass(frozen=True, slots=True)
class Records:
    """The run of blocks ``first``..``last`` holding ``count`` items that open with a block
    on the element path ``path``; ``words`` is how many words the run holds."""

    first: int
    last: int
    count: int
    words: int
    path: _PathKey
    # The titles' blocks, in order (their own paths may differ in words of their own).
    titles: tuple[int, ...]
    # Whether most titles are links (a listing's) rather than plain headings (an article's
    # sections share a path too).
    linked: bool

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.first <= index <= self.last


def find_records(blocks: Sequence[Block], cards: bool = False) -> Records | None:
    """The page's main run of repeated records, or ``None`` when it has none; ``cards``
    (a page guessed a list) lets headlines in an ``<article>``'s ``<header>`` open items."""
    best: Records | None = None
    for path, indexes in _title_groups(blocks, cards):
        if len(indexes) < MIN_RECORDS:
            continue
        titles = sum(blocks[i].stats.words for i in indexes) / len(indexes)
        if path[0] not in _HEADING_TAGS and titles < _MIN_TITLE_WORDS:
            continue
        run = _run_of(blocks, path, indexes, cards)
        if best is None or run.words > best.words:
            best = run
    return best


def _title_groups(blocks: Sequence[Block], cards: bool) -> Iterator[tuple[_PathKey, list[int]]]:
    """The blocks that may open an item, grouped by element path; and grouped again by
    their path less the words of their own, when those groups are steady.

    A card's element often names its item (an ``aria-label`` with the address, an id with
    the product's code): those words are on that card alone and give every item a path of
    its own. A word that fewer than half of the candidates with the same tags carry (and
    fewer than ``MIN_RECORDS``) cannot name a listing's element, so a second key leaves it
    out (a title's slug in its class shares words with other titles: "airpods", "and");
    but an article's sections differ by such words too ("section-awards"), so paths merged
    that way make items only when their titles are mostly links and recur at a steady pace
    (``_is_steady``). wcxb-dev HTML listing 0.601 -> 0.633 (zero-recall pages 17 -> 12),
    collection 0.622 -> 0.631, product 0.598 -> 0.601, article 0.9525 -> 0.9523, others
    unchanged; all 0.845 -> 0.848. Without the links test: listing 0.628, article sections
    merged (one page -0.035); without the pace test: 0.631, a few pages' scattered headings
    spanning thousands of blocks. Gap factors 2 / 3 / 4-10: listing 0.619 / 0.628 / 0.633.
    Words kept when half the candidates carry them, not only ``MIN_RECORDS``: listing 0.633
    -> 0.639, collection 0.631 -> 0.636, product and article unchanged, service 0.7793 ->
    0.7787.
    """
    strict: dict[_PathKey, list[int]] = {}
    carried: dict[tuple[str, tuple[str, ...]], Counter[str]] = {}
    for block in blocks:
        dom = block.dom
        if dom is None or not _may_open_item(block, dom, cards):
            continue
        strict.setdefault((dom.tag, dom.ancestors, dom.attr_words), []).append(block.index)
        counts = carried.setdefault((dom.tag, dom.ancestors), Counter())
        counts.update(dom.attr_words)
        counts[_COUNT_KEY] += 1
    yield from strict.items()
    merged: dict[_PathKey, list[_PathKey]] = {}
    for path in strict:
        tag, ancestors, words = path
        counts = carried[(tag, ancestors)]
        least = max(MIN_RECORDS, counts[_COUNT_KEY] * _SHARED_SHARE)
        shared = frozenset(w for w in words if counts[w] >= least)
        merged.setdefault((tag, ancestors, shared), []).append(path)
    for key, paths in merged.items():
        if len(paths) > 1:
            indexes = sorted(i for path in paths for i in strict[path])
            if _is_steady(indexes) and _mostly_links(blocks, indexes):
                yield key, indexes


def _mostly_links(blocks: Sequence[Block], indexes: list[int]) -> bool:
    return sum(1 for i in indexes if _is_link(blocks[i])) * 2 > len(indexes)


def _is_steady(indexes: list[int]) -> bool:
    """Whether titles at ``indexes`` recur at a steady pace: no gap between two of them
    over ``_STEADY_GAP_FACTOR`` times the shortest."""
    gaps = [b - a for a, b in pairwise(indexes)]
    return max(gaps) <= _STEADY_GAP_FACTOR * min(gaps)


def _may_open_item(block: Block, dom: DomEvidence, cards: bool) -> bool:
    """A heading, or a block that is a link, outside the page's furniture."""
    if _in_furniture(dom, cards):
        return False
    opens = (
        block.kind is _HEADING
        or dom.tag in _TITLE_TAGS
        or "a" in dom.ancestors
        or dom.link_share >= _ALL_LINK_SHARE
    )
    return opens and not _in_menu(dom)


def _in_furniture(dom: DomEvidence, cards: bool) -> bool:
    """Whether the block stands in a ``<nav>``, ``<aside>``, ``<footer>`` or ``<header>``;
    with ``cards``, a headline in the ``<header>`` of an ``<article>`` is not: on a list
    it is a card's, item after item. (A comment's ``<header>`` holds its author and date,
    not a headline; on a product page such cards are its carousel of other products.)
    wcxb-dev HTML collection 0.636 -> 0.640, the other types unchanged; on every page:
    product 0.601 -> 0.597, and without the headline test an article's comment thread was
    its body (article 0.9525 -> 0.9519)."""
    if dom.tag in _FURNITURE:
        return True
    if _FURNITURE.isdisjoint(dom.ancestors):
        return False  # most blocks: one set test
    headline = cards and dom.tag in _HEADING_TAGS
    for depth, tag in enumerate(dom.ancestors):
        if tag not in _FURNITURE:
            continue
        if not (headline and tag == _HEADER and _ARTICLE in dom.ancestors[depth:]):
            return True
    return False


def _in_menu(dom: DomEvidence) -> bool:
    """Whether one of the block's nearest elements names itself a menu (most menus are a
    ``<ul class="menu">`` in a ``<div>``, not a ``<nav>``)."""
    if _MENU_WORDS.isdisjoint(dom.attr_words):
        return False  # no element of the block's path says it (most blocks): one set test
    nearest = zip((dom.tag, *dom.ancestors[: _MENU_DEPTH - 1]), dom.own_words, strict=False)
    return any(
        tag not in _PAGE_TAGS and not _MENU_WORDS.isdisjoint(words) for tag, words in nearest
    )


def _run_of(blocks: Sequence[Block], path: _PathKey, indexes: list[int], cards: bool) -> Records:
    """The run from the first title to the last item's end (its length the mean of the
    others', and no further than a block on a furniture path)."""
    first = indexes[0]
    mean_gap = (indexes[-1] - first) / (len(indexes) - 1)
    last = min(len(blocks) - 1, indexes[-1] + max(0, round(mean_gap) - 1))
    for index in range(indexes[-1] + 1, last + 1):
        dom = blocks[index].dom
        if dom is None or _in_furniture(dom, cards):
            last = index - 1
            break
    words = sum(b.stats.words for b in blocks[first : last + 1])
    linked = _mostly_links(blocks, indexes)
    return Records(first, last, len(indexes), words, path, tuple(indexes), linked)


def _is_link(block: Block) -> bool:
    dom = block.dom
    if dom is None:
        return False
    return dom.tag == "a" or "a" in dom.ancestors or dom.link_share >= _LINKED_TITLE_SHARE
