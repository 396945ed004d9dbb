"""Whether a page looks scraped (menus, prompts, a <title> line) or is clean text already.

Passes that move or trim text (the headline, bylines, the main-body span) act only on
scraped pages: clean article text keeps its first line, its tables, lists and code, and
cleaning a cleaned text changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context
from boilerstrip.lexicon.phrases import PHRASE_CATEGORIES

# This many blocks with boilerplate vocabulary make a page scraped; one is not enough, a
# clean article can quote "about us" once.
_MIN_BOILERPLATE_HITS = 2
# A menu: this many lines in a row of at most this many words, without digits or full stops
# (table rows carry numbers; list items and code are longer or punctuated), starting or
# ending within this share of the page's blocks from its top or bottom. Alone it is no
# proof: article lists look the same (60 of 709 true wcxb-dev article bodies have such a
# run; of 890 scraped pages, 1 needed the run and it has a menu label too). Requiring a
# boilerplate word as well and the edge raised the words of true bodies that survive from
# 97.6% to 98.8% (wcxb-dev articles) with scraped-page F1 unchanged.
_MENU_RUN = 5
_MENU_ITEM_WORDS = 3
_MENU_EDGE_SHARE = 0.1
# HTML: elements that hold page furniture, and the link share of a menu item's line.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_LINK_SHARE = 0.95


def looks_scraped(ctx: Context) -> bool:
    """Whether the page looks scraped rather than already clean.

    Any of: a first line that the headline repeats (converters write the ``<title>``
    first); blocks with boilerplate vocabulary (labels or phrases of any family; one is not
    enough, a clean article can quote "about us" once); or one such block and a menu-like
    run of short lines at an edge of the page. It asks the lexicon and the layout, not
    earlier filters, so the passes behave the same whichever filters run before them.
    """
    html = ctx.document.source_kind == "html"
    if html and _has_page_furniture(ctx.document.blocks):
        return True
    # An HTML page always starts with its <title> and repeats it in an <h1>: no evidence.
    if ctx.page.title_repeats_first_line and not html:
        return True
    hits: set[int] = set()
    for category in PHRASE_CATEGORIES:
        hits.update(ctx.blocks_with(category))
        if len(hits) >= _MIN_BOILERPLATE_HITS:
            return True
    return bool(hits) and _has_edge_menu_run(ctx.document.blocks)


def _has_edge_menu_run(blocks: Sequence[Block]) -> bool:
    """Whether a run of menu-like lines starts or ends near the top or bottom of the page."""
    edge = max(1, int(len(blocks) * _MENU_EDGE_SHARE))
    run = 0
    for block in blocks:
        stats = block.stats
        menu_like = 0 < stats.words <= _MENU_ITEM_WORDS and not stats.digits
        run = run + 1 if menu_like and not stats.ends_sentence else 0
        at_edge = block.index - run + 1 < edge or block.index >= len(blocks) - edge
        if run >= _MENU_RUN and at_edge:
            return True
    return False


def _has_page_furniture(blocks: Sequence[Block]) -> bool:
    """HTML: text in navigation, header, footer or aside elements, or short all-link lines."""
    found = 0
    for block in blocks:
        dom = block.dom
        if dom is None:
            continue
        in_furniture = not _FURNITURE_TAGS.isdisjoint(dom.ancestors) or dom.tag in _FURNITURE_TAGS
        if in_furniture or (dom.link_share >= _LINK_SHARE and 0 < block.stats.words <= 3):
            found += 1
            if found >= _MIN_BOILERPLATE_HITS:
                return True
    return False
