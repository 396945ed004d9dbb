"""The block where a page's own description of its content stands.

Shops state a product's description twice: in the markup's metadata (the product node's
JSON-LD ``description``, the description ``<meta>``) and, word for word, on the page. That
block is content whatever its neighbours are: the reviews, the delivery notes and the
recommendation carousels around a product's few paragraphs often read more like prose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from boilerstrip.blocks import Block
from boilerstrip.lexicon.tokens import find_words

# The description's opening words are looked for: metadata cuts long descriptions short
# (often at 160 characters) and a page may break the text into several blocks.
_KEY_WORDS = 10
# A shorter description is a slogan or a site's tagline, found in many places.
_MIN_KEY_WORDS = 8


def description_anchor(
    blocks: Sequence[Block],
    description: str | None,
    usable: Callable[[int], bool] = lambda index: True,
) -> int | None:
    """The index of the first ``usable`` block (after the page title) whose text holds the
    opening words of ``description``; ``None`` when none does or the description is too
    short."""
    if not description:
        return None
    # Tokenised as blocks are, so that the key compares with their lower-cased words.
    words = find_words(description.lower())[:_KEY_WORDS]
    if len(words) < _MIN_KEY_WORDS:
        return None
    key = " ".join(words)
    for block in blocks[1:]:
        if usable(block.index) and key in " ".join(block.words):
            return block.index
    return None
