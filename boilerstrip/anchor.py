"""The block where a page's own description of its content stands.

Shops state a product's description twice: in the markup's metadata (the product node's
JSON-LD ``description``, the description ``<meta>``) and, word for word, on the page. That
block is content whatever its neighbours are: the reviews, the delivery notes and the
recommendation carousels around a product's few paragraphs often read more like prose.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import regex

from boilerstrip.blocks import Block
from boilerstrip.lexicon.tokens import find_words

# The description's opening words are looked for: metadata cuts long descriptions short
# (often at 160 characters) and a page may break the text into several blocks.
_KEY_WORDS = 10
# A shorter description is a slogan or a site's tagline, found in many places.
_MIN_KEY_WORDS = 8
# The page may set the description's first words apart (a tagline in its own block, "Model:
# X" line) or the metadata may open with words the page does not show: the key may start
# this many words in. Such a later key must stand in a block of at least this many words,
# where the description goes on (not a title the description opens with, "Find great deals
# for <title> at ..."). With the markup below stripped, wcxb-dev HTML product F1 0.549 ->
# 0.559, no other type moved.
_MAX_KEY_OFFSET = 20
_LATER_BLOCK_WORDS = 2 * _KEY_WORDS
# Shops write markup into the field ("<strong>When you need...</strong>") and entities.
_MARKUP = regex.compile(r"<[^<>]*>")


def description_anchor(
    blocks: Sequence[Block],
    description: str | None,
    usable: Callable[[int], bool] = lambda index: True,
) -> int | None:
    """The index of the first ``usable`` block (after the page title) whose text holds the
    opening words of ``description`` (or, failing that, a run of them starting a little
    later, in a block long enough to hold more); ``None`` when none does or the
    description is too short."""
    if not description:
        return None
    # Tokenised as blocks are, so that the key compares with their lower-cased words.
    words = find_words(html.unescape(_MARKUP.sub(" ", description)).lower())
    if len(words) < _MIN_KEY_WORDS:
        return None
    candidates = [
        (b.index, " ".join(b.words), b.stats.words) for b in blocks[1:] if usable(b.index)
    ]
    last_offset = min(_MAX_KEY_OFFSET, len(words) - _KEY_WORDS)
    for offset in range(max(last_offset, 0) + 1):
        key = " ".join(words[offset : offset + _KEY_WORDS])
        least = 0 if offset == 0 else _LATER_BLOCK_WORDS
        for index, text, count in candidates:
            if count >= least and key in text:
                return index
    return None
