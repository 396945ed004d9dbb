"""Moving the headline, byline and date out of the body into the metadata."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.metadata import lone_byline_or_date, lone_meta_candidates
from boilerstrip.result import Category, Removal


class HeadlineFilter(DocumentFilter):
    """Marks the headline as ``title`` and byline/date lines as ``metadata``."""

    name = "metadata"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        page = ctx.page
        kept_indexes = {b.index for b in kept}
        for block in kept[:1]:
            if block.dom is not None and block.dom.tag == "title":
                yield (
                    block,
                    Removal(Category.TITLE, "page_title", "the page's <title>: metadata, not body"),
                )
        blocks = ctx.document.blocks
        if page.title_index is not None and page.title_index in kept_indexes:
            yield (
                blocks[page.title_index],
                Removal(Category.TITLE, "headline", "the headline: reported as the title"),
            )
        for index in page.meta_indexes:
            if index in kept_indexes:
                yield (
                    blocks[index],
                    Removal(Category.METADATA, "byline_date", _meta_detail(page.byline, page.date)),
                )
        taken = {page.title_index, *page.meta_indexes}
        for block in lone_meta_candidates(kept):
            if block.index in taken:
                continue
            found = lone_byline_or_date(block)
            if found is not None:
                what = "byline" if found[0] else "time stamp"
                yield (
                    block,
                    Removal(
                        Category.METADATA,
                        "byline_line" if found[0] else "time_stamp",
                        f"a {what} on a line of its own",
                    ),
                )


def _meta_detail(byline: str | None, date: str | None) -> str:
    parts = [f"byline {byline!r}" if byline else "", f"date {date}" if date else ""]
    return "; ".join(p for p in parts if p) + ": reported as metadata"
