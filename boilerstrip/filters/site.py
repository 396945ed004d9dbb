"""The site-template pass: blocks that most pages of the site repeat are its template.

A call given ``template=`` (a ``SiteTemplate`` learned from pages of the page's site) removes
each kept block whose normalised text appeared on at least ``min_share`` of the learned
pages. Without a template, or with one learned from fewer than ``min_pages`` pages, the pass
does nothing. A block the template saw on one page only is never removed: it is that page's
own text (so a page learned with its own site keeps its article).

The pass runs last, after the main-body span: it trims what the site repeats inside the
body (a "Top Rated" badge, an about-the-author box, a footer the span took in) and cannot
move the span. Run before the span, its removals weigh against the body and split it where
a listing repeats a badge on every tile: leave-one-out F1 on the wcxb-dev sites with 5+
pages was 0.540 (text) and 0.519 (HTML) there against 0.547 and 0.550 last; with its
removals weighing nothing in the span, text rose to 0.565 but HTML fell to 0.531.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.result import Category, Removal


@dataclass(frozen=True)
class SiteTemplateFilter(DocumentFilter):
    """Removes kept blocks that the call's site template saw on most of the site's pages."""

    # A template of fewer pages is not used. With two, any block the two pages share is
    # "template", and two copies of one article (http and https, a reprint) would lose
    # their whole body; from three (with min_share 0.7), a block must stand on three
    # distinct pages. On the wcxb-dev sites with 3+ pages (139 pages, 31 sites), leave-one-
    # out F1 text / HTML: min_pages 2 0.641/0.647, 3 0.634/0.642, 4 0.632/0.640 (none
    # 0.619/0.635): smaller templates help on average; 3 keeps most of it and the guard.
    min_pages: int = 3
    # The share of learned pages a block must appear on. Leave-one-out on the wcxb-dev sites
    # with 5+ pages (benchmarks/site_template.py), F1 text / HTML: 0.3 0.543/0.543, 0.5
    # 0.548/0.545, 0.6 0.547/0.548, 0.7 0.547/0.550, 0.8 0.541/0.550, 0.9 0.537/0.547
    # (none: 0.526/0.542). 0.7 is the best of a flat 0.5-0.8; lower shares start taking
    # what product pages of one kind share with each other.
    min_share: float = 0.7
    name: str = "site_template"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        template = ctx.template
        if template is None or template.pages < self.min_pages or not template.counts:
            return
        site = template.host or "the site"
        for block in kept:
            seen = template.seen_on(block)
            # ``seen`` is 0 for a block seen on one page only: never the site's template.
            if seen and seen >= self.min_share * template.pages:
                yield (
                    block,
                    Removal(
                        Category.TEMPLATE,
                        "site_template",
                        f"seen on {seen} of {template.pages} pages of {site}",
                    ),
                )
