"""The pipeline: an ordered, immutable list of filters run over one document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from boilerstrip.blocks import Block
from boilerstrip.deadline import Deadline
from boilerstrip.document import DEFAULT_MAX_BYTES, build_document
from boilerstrip.errors import (
    FilterContractError,
    InvalidOptionError,
    RuleError,
    UnknownFilterError,
)
from boilerstrip.filters import BUILTIN_FILTERS
from boilerstrip.filters.base import BlockFilter, Context, Favor, Filter
from boilerstrip.filters.registry import as_filter
from boilerstrip.metadata import checked_url, report_metadata
from boilerstrip.render import render_text
from boilerstrip.result import Category, Removal, Result
from boilerstrip.template import SiteTemplate

_BUILTIN_TYPES = frozenset(type(f) for f in BUILTIN_FILTERS)


class Pipeline:
    """Filters in the order they run. Every editing method returns a new pipeline."""

    def __init__(self, filters: Iterable[object] = ()) -> None:
        normalised = tuple(as_filter(f) for f in filters)
        names = [f.name for f in normalised]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise RuleError(f"a pipeline cannot hold two filters named {duplicates[0]!r}")
        self.filters: tuple[Filter, ...] = normalised

    @classmethod
    def default(cls) -> Pipeline:
        """The built-in filters in their default order."""
        return cls(BUILTIN_FILTERS)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.filters)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r})"

    # --- editing -------------------------------------------------------------------------
    def add(
        self,
        item: object,
        *,
        before: str | None = None,
        after: str | None = None,
        name: str | None = None,
        category: Category | str = Category.OTHER,
    ) -> Pipeline:
        """A pipeline with ``item`` (name, filter, filter class or rule function) inserted.

        Without ``before``/``after`` a block rule goes after the last block rule (so the
        passes after it, main body and duplicates among them, see its removals) and a
        document pass goes last.
        """
        if before is not None and after is not None:
            raise RuleError("add() takes before= or after=, not both")
        new = as_filter(item, name=name, category=category)
        position = self._position(new, before, after)
        filters = list(self.filters)
        filters.insert(position, new)
        return Pipeline(filters)

    def without(self, *names: str) -> Pipeline:
        """A pipeline without the named filters."""
        for name in names:
            self._index(name)
        return Pipeline(f for f in self.filters if f.name not in names)

    def replace(self, name: str, item: object) -> Pipeline:
        """A pipeline with the filter ``name`` swapped for ``item`` at the same place."""
        position = self._index(name)
        filters = list(self.filters)
        filters[position] = as_filter(item, name=getattr(item, "name", None) or name)
        return Pipeline(filters)

    def with_rules(self, path: str | Path) -> Pipeline:
        """A pipeline with the phrase and pattern rules of a TOML rules file added."""
        from boilerstrip.rules_file import load_rules

        pipeline = self
        for rule in load_rules(path):
            pipeline = pipeline.add(rule)
        return pipeline

    def _index(self, name: str) -> int:
        for position, f in enumerate(self.filters):
            if f.name == name:
                return position
        known = ", ".join(self.names)
        raise UnknownFilterError(f"no filter named {name!r} in this pipeline; it has: {known}")

    def _position(self, new: Filter, before: str | None, after: str | None) -> int:
        if before is not None:
            return self._index(before)
        if after is not None:
            return self._index(after) + 1
        if isinstance(new, BlockFilter):
            # Beside the other block rules, so every pass after them sees its removals.
            block_rules = [i for i, f in enumerate(self.filters) if isinstance(f, BlockFilter)]
            return block_rules[-1] + 1 if block_rules else 0
        return len(self.filters)

    # --- running -------------------------------------------------------------------------
    def extract(
        self,
        source: object,
        *,
        favor: Favor | str = Favor.BALANCED,
        timeout: float | None = None,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        language: str | None = None,
        input_format: str = "auto",
        url: str | None = None,
        template: SiteTemplate | None = None,
    ) -> Result:
        """Run every filter over ``source`` and return the full ``Result``.

        ``source`` is plain text or HTML, ``str`` or ``bytes``, or a parsed page (a
        BeautifulSoup object, an lxml element or tree); ``input_format`` ("auto", "text",
        "html") says which, or lets the start of the page tell. ``url``, an absolute http(s)
        URL, is reported in the metadata and names the site when the page does not.
        ``template``, a ``SiteTemplate`` learned from pages of the page's site, lets the
        ``site_template`` pass remove the blocks the site repeats.
        """
        url = checked_url(url)
        _check_template(template)
        deadline = Deadline(timeout)
        document = build_document(
            source,
            input_format=input_format,
            max_bytes=max_bytes,
            language=language,
            deadline=deadline,
        )
        ctx = Context(document, _to_favor(favor), deadline, template, url)
        for filter_ in self.filters:
            ctx.check_deadline()
            _run_filter(filter_, ctx)
        return Result(document, ctx.log, report_metadata(ctx, url))

    def clean(self, source: object, **options: object) -> str:
        """The clean article body of ``source`` (see ``extract`` for the options)."""
        return render_text(self.extract(source, **options))  # type: ignore[arg-type]


def _to_favor(favor: Favor | str) -> Favor:
    try:
        return Favor(favor)
    except ValueError:
        known = ", ".join(f.value for f in Favor)
        raise InvalidOptionError(f"favor must be one of {known}, got {favor!r}") from None


def _check_template(template: object) -> None:
    if template is not None and not isinstance(template, SiteTemplate):
        raise InvalidOptionError(
            f"template must be a boilerstrip.SiteTemplate (or None), got {type(template).__name__}"
        )


def _run_filter(filter_: Filter, ctx: Context) -> None:
    if isinstance(filter_, BlockFilter):
        for block in filter_.candidates(ctx):
            ctx.tick()
            if ctx.is_removed(block.index):
                continue
            removal = filter_.check(block, ctx)
            if removal is not None:
                ctx.remove(block, filter_.name, _checked_removal(removal, filter_))
        return
    produced = filter_.run(ctx, ctx.kept())
    if produced is None:
        raise FilterContractError(
            f"filter {filter_.name!r}: run() returned None; it must yield (block, Removal) pairs"
        )
    # Built-in passes are held to the contract by their tests; checking each of their
    # thousands of removals per page cost 4% of a call.
    trusted = type(filter_) in _BUILTIN_TYPES
    # Bound once: a pass can yield a removal for every block of the page.
    tick, remove, name = ctx.deadline.tick, ctx.remove, filter_.name
    for item in produced:
        tick()
        block, removal = item if trusted else _checked_pair(item, filter_, ctx.document.blocks)
        remove(block, name, removal)


def _checked_removal(removal: object, filter_: Filter) -> Removal:
    if not isinstance(removal, Removal):
        raise FilterContractError(
            f"filter {filter_.name!r} returned {type(removal).__name__}; "
            "check() must return a boilerstrip.Removal or None"
        )
    return removal


def _checked_pair(item: object, filter_: Filter, blocks: Sequence[Block]) -> tuple[Block, Removal]:
    if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Block)):
        raise FilterContractError(
            f"filter {filter_.name!r} yielded {item!r:.80}; run() must yield "
            "(block, Removal) pairs for blocks of the document"
        )
    block, removal = item
    if not (0 <= block.index < len(blocks) and blocks[block.index] is block):
        raise FilterContractError(f"filter {filter_.name!r} yielded a block not of this document")
    return block, _checked_removal(removal, filter_)
