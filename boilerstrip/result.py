"""Decisions filters make, and the result of one extraction: kept and removed blocks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from boilerstrip.blocks import Block, Document


class Category(StrEnum):
    """Why a block is not article body. ``TITLE``/``METADATA`` blocks move to metadata."""

    NAVIGATION = "navigation"
    ADVERTISEMENT = "advertisement"
    NEWSLETTER = "newsletter"
    COOKIE = "cookie"
    SOCIAL = "social"
    RELATED = "related"
    LEGAL = "legal"
    COMMENT = "comment"
    DUPLICATE = "duplicate"
    TITLE = "title"
    METADATA = "metadata"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Removal:
    """What a filter says about one block: its category, a reason code and the evidence.

    ``code`` is a stable snake_case identifier (documented in docs/algorithm.md);
    ``detail`` is for people and carries the numbers or the matched phrase.
    """

    category: Category
    code: str
    detail: str

    def __post_init__(self) -> None:
        if not isinstance(self.category, Category):
            object.__setattr__(self, "category", Category(self.category))


@dataclass(frozen=True, slots=True)
class Decision:
    """A removal bound to a block and to the filter that made it."""

    block: Block
    filter: str
    removal: Removal

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def category(self) -> Category:
        return self.removal.category

    @property
    def code(self) -> str:
        return self.removal.code

    @property
    def reason(self) -> str:
        return self.removal.detail


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about the article, when it says it.

    ``byline`` names the author(s); ``date`` is ISO 8601 (YYYY-MM-DD); ``language`` a
    primary language subtag ("en"). ``url`` is the one the caller passed; ``canonical_url``
    the one an HTML page declares for itself; ``site_name`` what the page calls its site,
    else the host of ``url`` (or of ``canonical_url``) without "www.".
    """

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one extraction found; every output format is a function of this."""

    document: Document
    decisions: tuple[Decision, ...]
    metadata: Metadata

    @property
    def removed(self) -> tuple[Decision, ...]:
        """Removed blocks in document order, each with filter, category and reason."""
        return self.decisions

    @property
    def kept(self) -> tuple[Block, ...]:
        removed_indexes = {d.block.index for d in self.decisions}
        return tuple(b for b in self.document.blocks if b.index not in removed_indexes)

    @property
    def body(self) -> str:
        """The article body: kept blocks, one blank line between paragraphs."""
        from boilerstrip.render import render_text

        return render_text(self)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def byline(self) -> str | None:
        return self.metadata.byline

    @property
    def date(self) -> str | None:
        return self.metadata.date

    @property
    def language(self) -> str | None:
        return self.metadata.language

    def counts(self) -> dict[str, int]:
        """How many blocks each category removed."""
        return dict(Counter(d.category.value for d in self.decisions))

    def verdicts(self) -> list[tuple[Block, Decision | None]]:
        """Every block in order with its decision (``None`` when kept)."""
        by_index = {d.block.index: d for d in self.decisions}
        return [(b, by_index.get(b.index)) for b in self.document.blocks]
