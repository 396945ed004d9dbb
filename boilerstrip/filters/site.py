"""The site-template pass: blocks that most pages of the site repeat are its template.

A call given ``template=`` (a ``SiteTemplate`` learned from pages of the page's site) removes
each kept block whose normalised text appeared on at least ``min_share`` of the learned
pages. Without a template, or with one learned from fewer than ``min_pages`` pages, the pass
does nothing. A block the template saw on one page only is never removed: it is that page's
own text (so a page learned with its own site keeps its article).
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

    # Fewer pages say little about a site: with three, two product pages sharing a spec line
    # would make it template. Four is what leave-one-out on a five-page site learns from
    # (benchmarks/site_template.py).
    min_pages: int = 4
    # The share of learned pages a block must appear on. Calibrated leave-one-out on the
    # wcxb-dev sites with 5+ pages (benchmarks/site_template.py; see docs/algorithm.md).
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
