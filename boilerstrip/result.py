"""Decisions filters make, and the result of one extraction: kept and removed blocks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, KeysView, Sequence
from dataclasses import dataclass
from enum import StrEnum

from boilerstrip.blocks import Block, Document
from boilerstrip.page_type import PageType


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
    TEMPLATE = "template"  # repeated across the pages of the site (filters.site)
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


class RemovalLog:
    """Which filter removed which block and why, by block index; a block keeps the first
    removal made about it.

    Two flat maps rather than a ``Decision`` per block: a 10 MB page has some 180,000 removed
    blocks, and walking that many objects on each of the cyclic GC's passes had cost a tenth
    of the call. ``Decision`` objects are made when asked for, once.
    """

    __slots__ = ("_decisions", "_filters", "_removals", "removal")

    def __init__(self) -> None:
        self._filters: dict[int, str] = {}
        self._removals: dict[int, Removal] = {}
        self._decisions: tuple[Decision, ...] | None = None
        # Why block ``index`` was removed, or ``None``: the map's own look-up, so a pass
        # asking about every block runs no Python code for it.
        self.removal: Callable[[int], Removal | None] = self._removals.get

    def add(self, index: int, filter_name: str, removal: Removal) -> bool:
        """Record that ``filter_name`` removed block ``index``; ``False`` (and nothing
        changes) when the block was removed already."""
        if index in self._removals:
            return False
        self._removals[index] = removal
        self._filters[index] = filter_name
        self._decisions = None
        return True

    def __contains__(self, index: object) -> bool:
        return index in self._removals

    def indexes(self) -> KeysView[int]:
        """The removed blocks' indexes, a live view: testing it runs no Python code, which
        counts in loops over every block."""
        return self._removals.keys()

    def __len__(self) -> int:
        return len(self._removals)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RemovalLog):
            return NotImplemented
        return self._removals == other._removals and self._filters == other._filters

    __hash__ = None  # type: ignore[assignment]  # mutable while the pipeline runs

    def decision(self, index: int, blocks: Sequence[Block]) -> Decision | None:
        """The decision about block ``index`` of ``blocks`` (the document's), if removed."""
        removal = self._removals.get(index)
        if removal is None:
            return None
        return Decision(blocks[index], self._filters[index], removal)

    def decisions(self, blocks: Sequence[Block]) -> tuple[Decision, ...]:
        """Every decision, in document order, about ``blocks`` (the document's)."""
        if self._decisions is None:
            filters, removals = self._filters, self._removals
            self._decisions = tuple(
                Decision(blocks[i], filters[i], removals[i]) for i in sorted(removals)
            )
        return self._decisions


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about the article, when it says it.

    ``byline`` names the author(s); ``date`` is ISO 8601 (YYYY-MM-DD); ``language`` a
    primary language subtag ("en"). ``url`` is the one the caller passed; ``canonical_url``
    the one an HTML page declares for itself; ``site_name`` what the page calls its site,
    else the host of ``url`` (or of ``canonical_url``) without "www.". ``page_type`` is the
    guessed kind of page (``page_type.guess_page_type``) and ``page_type_evidence`` what
    decided it, for people ("schema.org Product").
    """

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    page_type: PageType = PageType.ARTICLE
    page_type_evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one extraction found; every output format is a function of this.

    ``log`` holds the removals as the pipeline recorded them; ``decisions`` (or ``removed``)
    is the way to read them.
    """

    document: Document
    log: RemovalLog
    metadata: Metadata

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """Removed blocks in document order, each with filter, category and reason."""
        return self.log.decisions(self.document.blocks)

    @property
    def removed(self) -> tuple[Decision, ...]:
        """Removed blocks in document order, each with filter, category and reason."""
        return self.decisions

    @property
    def kept(self) -> tuple[Block, ...]:
        removed = self.log.indexes()
        return tuple(b for b in self.document.blocks if b.index not in removed)

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
