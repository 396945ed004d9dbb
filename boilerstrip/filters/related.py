"""Related / read-more / recommended lists: their header and the headlines listed under it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.filters.phrases import is_sentence, label_of, phrase_of
from boilerstrip.result import Category, Removal


@dataclass(frozen=True)
class RelatedFilter(DocumentFilter):
    """A 'Related articles' style header, teaser lines, and the list of links under a header."""

    # A header is a few words; "Read more: <headline>" teasers run a little longer.
    max_header_words: int = 6
    max_teaser_words: int = 20
    # Listed headlines: a few words, not a sentence, and at most this many in a row.
    max_item_words: int = 16
    max_items: int = 15
    # The list ends at a block this prose-like (likelihood).
    prose_likelihood: float = 0.6
    name: str = "related"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        header: Block | None = None
        items = 0
        for block in kept:
            removal = self._header_or_teaser(block, ctx)
            if removal is not None:
                header, items = (block, 0) if removal.code == "related_header" else (header, items)
                yield block, removal
            elif header is not None and self._listed(block, ctx, items):
                items += 1
                yield block, Removal(
                    Category.RELATED,
                    "related_item",
                    f"headline listed under {header.text!r} (item {items})",
                )
            else:
                header = None

    def _header_or_teaser(self, block: Block, ctx: Context) -> Removal | None:
        words = block.stats.words
        if label_of(ctx, block, "related") is not None or (
            words <= self.max_header_words and phrase_of(ctx, block, "related") is not None
        ):
            return Removal(Category.RELATED, "related_header", f"related-content header {block.text!r}")
        if words <= self.max_teaser_words and not is_sentence(block):
            phrase = phrase_of(ctx, block, "related")
            first_words = block.words[: len(phrase.phrase.split())] if phrase else []
            if phrase is not None and " ".join(first_words) == phrase.phrase:
                return Removal(Category.RELATED, "read_more_teaser", f"teaser starting {phrase.phrase!r}")
        return None

    def _listed(self, block: Block, ctx: Context, items: int) -> bool:
        stats = block.stats
        return (
            items < self.max_items
            and 0 < stats.words <= self.max_item_words
            and not stats.ends_sentence
            and ctx.scores[block.index].likelihood < self.prose_likelihood
        )
