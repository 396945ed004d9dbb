"""Navigation: menus, breadcrumbs, link rows and section labels."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.filters.phrases import is_sentence, label_of, phrase_of, words_note
from boilerstrip.result import Category, Removal

# "Home > News > World", "Home / Politics / Europe", "Start » Sport".
_BREADCRUMB_SEPARATOR = regex.compile(r"\s(?:>|»|›|/|\\|→)\s")
# A listing's count of what it shows: "Showing 1-24 of 310 results", "Displaying 1 - 15 of
# 190 news articles related to this topic". Its first word is one of these.
_RESULT_COUNT = regex.compile(
    r"(?:showing|displaying|viewing)\s+(?:results?\s+|items?\s+)?\d[\d,.]*"
    r"(?:\s*[-–]\s*\d[\d,.]*)?\s+of\s+\d[\d,.]*\b",
    regex.IGNORECASE,
)
_RESULT_COUNT_OPENERS = frozenset({"showing", "displaying", "viewing"})
_RESULT_COUNT_MAX_WORDS = 15
# "About | Contact | Jobs", "News • Sport • Weather".
_ROW_SEPARATOR = regex.compile(r"\s*(?:\||•|·|‖)\s*")
_SEPARATOR_CHARACTERS = (" > ", "»", "›", " / ", "\\", "→", "|", "•", "·", "‖")


def _tag_prefix(block: Block, ctx: Context) -> str | None:
    """The opener ("Tags", "Filed under") when the block lists tags after one."""
    for size in (2, 1):
        opener = block.words[:size]
        if len(block.words) > size and opener in ctx.lexicon.tag_prefixes:
            return " ".join(opener)
    return None


@dataclass(frozen=True)
class NavigationFilter(DocumentFilter):
    """Menus and breadcrumbs by their shape; section labels by where they stand."""

    # Navigation prompts ("Skip to content") are short; longer lines quoting them are prose.
    max_phrase_words: int = 12
    # Each item of a breadcrumb or link row is a short name.
    max_item_words: int = 6
    min_row_items: int = 3
    # "Tags: Politics, Europe, Brexit" lists a few names after its opener.
    max_tag_words: int = 15
    # A section label above the headline is a word or a few.
    max_label_words: int = 6
    name: str = "navigation"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        label_index = self._section_label_index(ctx)
        indexes = ctx.blocks_with("navigation") + ctx.blocks_containing(*_SEPARATOR_CHARACTERS)
        # Tag lists and result counts open with a known word: one pass finds both.
        openers = {prefix[0] for prefix in ctx.lexicon.tag_prefixes} | _RESULT_COUNT_OPENERS
        indexes += [b.index for b in ctx.document.blocks if b.words and b.words[0] in openers]
        if label_index is not None:
            indexes.append(label_index)
        for block in ctx.kept_among(indexes):
            removal = self._judge(block, ctx)
            if removal is None and block.index == label_index:
                removal = Removal(
                    Category.NAVIGATION,
                    "section_label",
                    f"section label ({words_note(block)}) right above the headline",
                )
            if removal is not None:
                yield block, removal

    def _judge(self, block: Block, ctx: Context) -> Removal | None:
        label = label_of(ctx, block, "navigation")
        if label is not None:
            return Removal(Category.NAVIGATION, "navigation_label", f"menu item {block.text!r}")
        if _is_result_count(block):
            return Removal(Category.NAVIGATION, "result_count", "a listing's count of results")
        if is_sentence(block):
            return None
        tags = _tag_prefix(block, ctx)
        if tags is not None and block.stats.words <= self.max_tag_words:
            return Removal(Category.NAVIGATION, "tag_list", f"list of tags after {tags!r}")
        if block.stats.words <= self.max_phrase_words:
            phrase = phrase_of(ctx, block, "navigation")
            if phrase is not None:
                return Removal(
                    Category.NAVIGATION, "navigation_prompt", f"navigation phrase {phrase.phrase!r}"
                )
        if _table_row(block, ctx):
            return None
        return self._row_or_breadcrumb(block)

    def _row_or_breadcrumb(self, block: Block) -> Removal | None:
        for separator, code, what in (
            (_BREADCRUMB_SEPARATOR, "breadcrumb", "breadcrumb"),
            (_ROW_SEPARATOR, "link_row", "link row"),
        ):
            items = [item for item in separator.split(block.text) if item.strip()]
            if (
                len(items) >= self.min_row_items
                and self._short_items(items)
                and not _key_value_row(items)
            ):
                return Removal(Category.NAVIGATION, code, f"{what} of {len(items)} short items")
        return None

    def _short_items(self, items: list[str]) -> bool:
        return all(len(item.split()) <= self.max_item_words for item in items)

    def _section_label_index(self, ctx: Context) -> int | None:
        title_index = ctx.page.title_index
        if not title_index:
            return None
        candidate = ctx.document.blocks[title_index - 1]
        stats = candidate.stats
        if 0 < stats.words <= self.max_label_words and not stats.ends_sentence:
            return candidate.index
        return None


def _is_result_count(block: Block) -> bool:
    """A short line counting what a listing shows ("Showing 1-24 of 310 results")."""
    return (
        block.stats.words <= _RESULT_COUNT_MAX_WORDS
        and _RESULT_COUNT.match(block.text.lstrip()) is not None
    )


def _key_value_row(items: list[str]) -> bool:
    """Whether most items are "Key: value" pairs ("CPU: Ryzen 7 | RAM: 16GB | ..."): a spec
    line of the article, not links (menu items carry no inner colon)."""
    pairs = sum(1 for item in items if ": " in item.strip())
    return pairs * 2 >= len(items)


def _table_row(block: Block, ctx: Context) -> bool:
    """Whether the block is a row of a pipe table: a kept block next to it has as many "|"
    cells. A link row stands alone; a table repeats its shape."""
    pipes = block.text.count("|")
    if pipes < 2:
        return False
    blocks = ctx.document.blocks
    neighbours = (blocks[i] for i in (block.index - 1, block.index + 1) if 0 <= i < len(blocks))
    return any(not ctx.is_removed(n.index) and n.text.count("|") == pipes for n in neighbours)
