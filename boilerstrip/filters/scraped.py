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
# (table rows carry numbers; list items and code are longer or punctuated).
_MENU_RUN = 5
_MENU_ITEM_WORDS = 3


def looks_scraped(ctx: Context) -> bool:
    """Whether the page looks scraped rather than already clean.

    Any of: blocks with boilerplate vocabulary (labels or phrases of any family; one is not
    enough, a clean article can quote "about us" once), a menu-like run of short lines, or
    a first line that the headline repeats (converters write the ``<title>`` first). It
    asks the lexicon and the layout, not earlier filters, so the pass behaves the same
    whichever filters run before it.
    """
    if ctx.page.title_repeats_first_line:
        return True
    hits: set[int] = set()
    for category in PHRASE_CATEGORIES:
        hits.update(ctx.blocks_with(category))
        if len(hits) >= _MIN_BOILERPLATE_HITS:
            return True
    return _has_menu_run(ctx.document.blocks)


def _has_menu_run(blocks: Sequence[Block]) -> bool:
    run = 0
    for block in blocks:
        stats = block.stats
        menu_like = 0 < stats.words <= _MENU_ITEM_WORDS and not stats.digits
        menu_like = menu_like and not stats.ends_sentence
        run = run + 1 if menu_like else 0
        if run >= _MENU_RUN:
            return True
    return False
