"""The filter protocol: what a filter is given, what it must return, and the call's context."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Union

from boilerstrip.blocks import Block, Document
from boilerstrip.errors import ExtractionTimeoutError
from boilerstrip.lexicon import Lexicon, PhraseMatch, lexicon_for
from boilerstrip.lexicon.tokens import lower_words
from boilerstrip.prose import ProseScore, score_block
from boilerstrip.result import Decision, Removal

if TYPE_CHECKING:
    from boilerstrip.metadata import PageMetadata


class Favor(str, Enum):
    """The precision/recall knob: which mistake a caller would rather make."""

    PRECISION = "precision"  # lose a little borderline content rather than keep boilerplate
    BALANCED = "balanced"
    RECALL = "recall"  # keep borderline blocks rather than lose any content


class Context:
    """Everything filters share during one call; it lives and dies with that call.

    It caches per-block work several filters need (lower-cased words, phrase matches, prose
    scores) and records the decisions made so far, so later filters see earlier removals.
    """

    def __init__(
        self,
        document: Document,
        favor: Favor = Favor.BALANCED,
        deadline: float | None = None,
    ) -> None:
        self.document = document
        self.favor = favor
        self.lexicon: Lexicon = lexicon_for(document.language)
        self.deadline = deadline
        self._words: dict[int, list[str]] = {}
        self._phrases: dict[int, list[PhraseMatch]] = {}
        self._scores: tuple[ProseScore, ...] | None = None
        self._decisions: dict[int, Decision] = {}
        self._page: PageMetadata | None = None

    # --- per-block evidence -------------------------------------------------------------
    def words(self, block: Block) -> list[str]:
        """The block's words, lower-cased."""
        cached = self._words.get(block.index)
        if cached is None:
            cached = lower_words(block.text)
            self._words[block.index] = cached
        return cached

    def phrases(self, block: Block) -> list[PhraseMatch]:
        """Boilerplate phrases of every category found in the block."""
        cached = self._phrases.get(block.index)
        if cached is None:
            cached = self.lexicon.find_phrases(self.words(block))
            self._phrases[block.index] = cached
        return cached

    def label(self, block: Block) -> PhraseMatch | None:
        """The boilerplate label the whole block is (``Share``, ``Menu``...), if any."""
        return self.lexicon.label(self.words(block))

    @property
    def scores(self) -> tuple[ProseScore, ...]:
        """Prose scores of all blocks, in order."""
        if self._scores is None:
            has_stopwords = bool(self.lexicon.stopwords)
            self._scores = tuple(score_block(b, has_stopwords) for b in self.document.blocks)
        return self._scores

    @property
    def page(self) -> PageMetadata:
        """Headline, byline and date blocks, found once per call."""
        if self._page is None:
            from boilerstrip.metadata import find_page_metadata

            self._page = find_page_metadata(self)
        return self._page

    # --- decisions so far ---------------------------------------------------------------
    def decision(self, index: int) -> Decision | None:
        return self._decisions.get(index)

    def is_removed(self, index: int) -> bool:
        return index in self._decisions

    def kept(self) -> list[Block]:
        return [b for b in self.document.blocks if b.index not in self._decisions]

    def record(self, decision: Decision) -> None:
        """Record a removal; a block keeps the first decision made about it."""
        self._decisions.setdefault(decision.block.index, decision)

    def decisions(self) -> tuple[Decision, ...]:
        return tuple(self._decisions[i] for i in sorted(self._decisions))

    def check_deadline(self) -> None:
        """Raise ``ExtractionTimeoutError`` when the call's time is up."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ExtractionTimeoutError("extraction ran past its timeout")


class BlockFilter(ABC):
    """A rule that judges one block at a time (kept blocks only, in document order).

    Subclasses set ``name``: it is how pipelines, registries and decisions refer to them.
    """

    name: str

    @abstractmethod
    def check(self, block: Block, ctx: Context) -> Removal | None:
        """A ``Removal`` when ``block`` is boilerplate, else ``None``."""


class DocumentFilter(ABC):
    """A pass that looks at the whole document (neighbours, spans, repeats)."""

    name: str

    @abstractmethod
    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterable[tuple[Block, Removal]]:
        """Pairs of (block, removal) for the blocks of ``kept`` this pass removes."""


Filter = Union[BlockFilter, DocumentFilter]
