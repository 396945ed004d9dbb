"""Repeated paragraphs: exact, normalised, and contained (every sentence seen before).

Layouts repeat text: a pull quote, a summary, a paragraph split into copies. The first full
occurrence is kept. Keys are hashed, so the pass is linear in the text, never pairwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

import regex

from boilerstrip.blocks import Block, BlockKind
from boilerstrip.compiled import MODULE
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.filters.content import text_record_blocks
from boilerstrip.result import Category, Removal

_EDGE_PUNCTUATION = " .!?。！？…\"'“”‘’«»()[]-–—,;:"
_SENTENCE_BOUNDARY = regex.compile(r"[.!?。！？…]+[\"'”’»)\]]*\s+")
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
# HTML list items, table cells and code lines repeat on purpose (a recipe's ingredient in two
# lists, a table's row label, a line of code): never judged as copies. HTML F1 scrapinghub
# 0.9745 -> 0.9746, wcxb articles 0.9492 -> 0.9501 (quotes too: 0.9498, so they stay judged).
_STRUCTURED = frozenset({BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.CODE})


def normalised_key(words: Iterable[str]) -> str:
    """Lower-cased words as one key: text compared without case, punctuation or spacing."""
    return " ".join(words)


def python_sentence_keys(text: str) -> list[str]:
    """A key for each sentence of ``text``: case, spacing and edge punctuation ignored.

    Inner punctuation stays: copies of a sentence made by a layout are the same text, and
    keeping it avoids re-tokenising every sentence of the body.
    """
    # Block text is normalised already (single spaces), so words need no re-splitting.
    keys = (s.strip(_EDGE_PUNCTUATION) for s in _SENTENCE_BOUNDARY.split(text.lower()))
    return [key for key in keys if key]


# The compiled twin where it was built (``boilerstrip.compiled``).
sentence_keys: Callable[[str], list[str]] = (
    python_sentence_keys if MODULE is None else partial(MODULE.sentence_keys, _EDGE_PUNCTUATION)
)


@dataclass(frozen=True)
class DuplicatesFilter(DocumentFilter):
    """Removes a kept block whose text, or each of whose sentences, a kept block had before."""

    # Layouts repeat whole paragraphs; short lines repeat in structured content (a meal
    # plan's "Eat every 2-3 hours", a table's row labels), and repeated short boilerplate is
    # caught by its own family. Raised from 4 to 8 when clean article bodies lost 2-3% of
    # their words to such repeats.
    min_words: int = 8
    name: str = "duplicates"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        if not ctx.scraped:
            # Clean article text repeats itself on purpose (a recipe's summary, a refrain);
            # layouts repeat paragraphs only on scraped pages.
            return
        spared = frozenset(text_record_blocks(ctx))
        seen_blocks: dict[str, int] = {}
        seen_sentences: dict[str, tuple[int, int]] = {}
        body_start = ctx.page.body_start
        html = ctx.document.source_kind == "html"
        for block in kept:
            if block.stats.words < self.min_words or block.kind in _STRUCTURED:
                continue
            if block.index in spared and block.stats.words < _ITEM_MAX_WORDS:
                continue
            if html and _is_question(block):
                continue
            key = normalised_key(block.words)
            earlier = seen_blocks.get(key)
            if earlier is not None and _teaser_of(earlier, block.index, body_start):
                # A teaser above the article repeats its paragraph: the teaser goes.
                yield (
                    ctx.document.blocks[earlier],
                    Removal(
                        Category.DUPLICATE,
                        "repeated_block",
                        f"teaser repeating block {block.index} of the article body",
                    ),
                )
                seen_blocks[key] = block.index
                continue
            sentences = sentence_keys(block.text)
            removal = _repeat_of(key, sentences, seen_blocks, seen_sentences)
            if removal is not None:
                yield block, removal
                continue
            seen_blocks.setdefault(key, block.index)
            for position, sentence in enumerate(sentences):
                seen_sentences.setdefault(sentence, (block.index, position))


# Text: on a page read as a list of items (``text_record_blocks``), a repeated line of up
# to this many words inside the items is an item's title shown twice (a featured row and
# the list, a title and its "Save this event: <title>" button): the truth keeps both.
# wcxb-dev text listing 0.575 -> 0.589; 20 words scored the same on listings and lower on
# forums. Sparing them on every page with records (not only those read as lists): listing
# 0.607 but scrapinghub 0.933 -> 0.931, product 0.500 -> 0.494.
_ITEM_MAX_WORDS = 30


# An interview asks each guest the same questions ("债券市场存在泡沫吗？" five times over): a
# question is asked again, not copied by a layout, whose repeats are statements (a pull
# quote, a summary). Up to this many words: a longer block is a paragraph ending in one; and
# not headings, which a layout does repeat (a table of contents, a sticky title). CJK zh+ja
# 0.978 -> 0.980 (sina's interview 0.904 -> 0.984); scrapinghub 0.9753 -> 0.9755, forum
# 0.7439 -> 0.7440, other types unchanged (headings too: wcxb articles 0.9484 -> 0.9480).
# HTML only: in text, where a quote or a heading is a line like any other, threads' quoted
# questions cost forum 0.680 -> 0.678.
_QUESTION_MAX_WORDS = 30
_QUESTION_MARKS = ("?", "？")


def _is_question(block: Block) -> bool:
    return (
        block.kind is not BlockKind.HEADING
        and block.stats.words <= _QUESTION_MAX_WORDS
        and block.text.rstrip().endswith(_QUESTION_MARKS)
    )


def _teaser_of(earlier: int, later: int, body_start: int | None) -> bool:
    """Whether the earlier copy stands before the article body and the later one in it."""
    return body_start is not None and earlier < body_start <= later


def _repeat_of(
    key: str,
    sentences: list[str],
    seen_blocks: dict[str, int],
    seen_sentences: dict[str, tuple[int, int]],
) -> Removal | None:
    earlier = seen_blocks.get(key)
    if earlier is not None:
        return Removal(Category.DUPLICATE, "repeated_block", f"repeats block {earlier}")
    if not sentences or not all(s in seen_sentences for s in sentences):
        return None
    places = [seen_sentences[s] for s in sentences]
    if len(places) == 1:
        index, position = places[0]
        which = _ORDINALS[position] if position < len(_ORDINALS) else f"#{position + 1}"
        detail = f"repeats the {which} sentence of block {index}"
    else:
        detail = (
            f"all {len(places)} sentences appeared before (blocks {sorted({i for i, _ in places})})"
        )
    return Removal(Category.DUPLICATE, "repeated_sentences", detail)
