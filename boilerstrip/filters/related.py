"""Related / read-more / recommended lists: their header and the headlines listed under it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.filters.phrases import is_sentence, label_of, phrase_of
from boilerstrip.lexicon.tokens import lower_words
from boilerstrip.records import MIN_RECORDS
from boilerstrip.result import Category, Removal

# "Related: <headline>", "Read more: <headline>": a label and a colon open the line.
_MAX_LABEL_CHARS = 30


def _label_before_colon(block: Block, ctx: Context) -> bool:
    label, colon, rest = block.text.partition(":")
    if not colon or not rest.strip() or len(label) > _MAX_LABEL_CHARS:
        return False
    words = tuple(lower_words(label))
    found = ctx.lexicon.label(words) or ctx.lexicon.phrases.get(words)
    return found is not None and found.category == "related"


def _recurring(ctx: Context, candidates: list[int], most_words: int) -> frozenset[str]:
    """The short candidate lines (lower-cased) that stand as often as a listing's items.

    wcxb-dev F1 when their headlines are not taken as related items, text / HTML: listing
    0.634 -> 0.639 / 0.577 -> 0.579, product 0.506 -> 0.507 / 0.549 -> 0.549, article
    -0.0001 / +0.0001, other types and scrapinghub unchanged."""
    blocks = ctx.document.blocks
    counts = Counter(
        blocks[i].text.lower() for i in set(candidates) if blocks[i].stats.words <= most_words
    )
    return frozenset(text for text, count in counts.items() if count >= MIN_RECORDS)


@dataclass(frozen=True)
class RelatedFilter(DocumentFilter):
    """A 'Related articles' style header, teaser lines, and the list of links under a header."""

    # A header is a few words; "Read more: <headline>" teasers run a little longer.
    max_header_words: int = 6
    max_teaser_words: int = 20
    # Listed headlines: a few words, not a sentence, and at most this many in a row.
    max_item_words: int = 24
    max_items: int = 15
    name: str = "related"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        position_of = {block.index: position for position, block in enumerate(kept)}
        listed_until = -1
        candidates = ctx.blocks_with("related") + ctx.blocks_containing(":")
        recurring = _recurring(ctx, candidates, self.max_header_words)
        for block in ctx.kept_among(candidates):
            if position_of[block.index] <= listed_until:
                continue
            removal = self._header_or_teaser(block, ctx)
            if removal is None:
                continue
            yield block, removal
            # A header recurring item after item is each item's link ("Read more" under
            # every teaser): it goes, the teasers around it stay.
            if removal.code == "related_header" and block.text.lower() not in recurring:
                for item in self._items_under(block, kept, position_of[block.index], ctx):
                    listed_until = position_of[item.index]
                    yield (
                        item,
                        Removal(
                            Category.RELATED,
                            "related_item",
                            f"headline listed under {block.text!r}",
                        ),
                    )

    def _items_under(
        self, header: Block, kept: Sequence[Block], position: int, ctx: Context
    ) -> Iterator[Block]:
        """The headline-like blocks that follow ``header`` (it is at ``position`` in kept)."""
        for block in kept[position + 1 : position + 1 + self.max_items]:
            if not self._listed(block, ctx) or self._header_or_teaser(block, ctx) is not None:
                return
            yield block

    def _header_or_teaser(self, block: Block, ctx: Context) -> Removal | None:
        words = block.stats.words
        if label_of(ctx, block, "related") is not None or (
            words <= self.max_header_words and phrase_of(ctx, block, "related") is not None
        ):
            return Removal(
                Category.RELATED, "related_header", f"related-content header {block.text!r}"
            )
        if words <= self.max_teaser_words and _label_before_colon(block, ctx):
            return Removal(
                Category.RELATED,
                "read_more_teaser",
                f"teaser {block.text.partition(':')[0]!r}: ...",
            )
        if words <= self.max_teaser_words and not is_sentence(block):
            phrase = phrase_of(ctx, block, "related")
            first_words = block.words[: len(phrase.phrase.split())] if phrase else []
            if phrase is not None and " ".join(first_words) == phrase.phrase:
                return Removal(
                    Category.RELATED, "read_more_teaser", f"teaser starting {phrase.phrase!r}"
                )
        return None

    def _listed(self, block: Block, ctx: Context) -> bool:
        stats = block.stats
        return 0 < stats.words <= self.max_item_words and not stats.ends_sentence
