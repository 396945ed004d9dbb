"""The filter protocol: what a filter is given, what it must return, and the call's context."""

from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

import regex

from boilerstrip.blocks import Block, Document
from boilerstrip.compiled import MODULE
from boilerstrip.deadline import Deadline
from boilerstrip.lexicon import Lexicon, PhraseMatch, lexicon_for
from boilerstrip.page_type import PageType, PageTypeGuess, guess_page_type
from boilerstrip.prose import ProseScore, prose_scores
from boilerstrip.records import Records, find_records
from boilerstrip.result import Decision, Removal, RemovalLog

if TYPE_CHECKING:
    from boilerstrip.metadata import PageMetadata
    from boilerstrip.template import SiteTemplate


# Phrases are looked for in blocks up to this long: a cookie notice can be a long paragraph,
# and nothing longer is a prompt.
_PHRASE_SCAN_WORDS = 150
# Every other family's prompts are shorter than this (the longest limit is the comment
# prompt's 40 words); longer blocks are scanned only when they mention cookies.
_SHORT_BLOCK_WORDS = 40
_CONSENT_WORDS = frozenset({"cookie", "cookies"})


class Favor(StrEnum):
    """The precision/recall knob: which mistake a caller would rather make."""

    PRECISION = "precision"  # lose a little borderline content rather than keep boilerplate
    BALANCED = "balanced"
    RECALL = "recall"  # keep borderline blocks rather than lose any content


class _Vocabulary(NamedTuple):
    """Per block its label and phrases, and per category the blocks that have one."""

    labels: list[PhraseMatch | None]
    phrases: list[tuple[PhraseMatch, ...]]
    hits: dict[str, list[int]]


# A block's words' vocabulary: the label they are, if any, and the phrases found in them.
_Entry = tuple[PhraseMatch | None, tuple[PhraseMatch, ...]]
_PHRASE_LIMITS = (_PHRASE_SCAN_WORDS, _SHORT_BLOCK_WORDS, _CONSENT_WORDS)


def vocabulary_of(words: tuple[str, ...], lexicon: Lexicon) -> _Entry:
    """The label ``words`` are (short lines only) and the phrases found in them."""
    count = len(words)
    label = lexicon.label(words) if count <= lexicon.longest_label + 1 else None
    # Long paragraphs are prompts only when they are consent notices, which say "cookie".
    if count > _PHRASE_SCAN_WORDS or (
        count > _SHORT_BLOCK_WORDS and _CONSENT_WORDS.isdisjoint(words)
    ):
        return label, ()
    if lexicon.anchor_words.isdisjoint(words):
        # find_phrases would find none (every phrase has an anchor): most lines end here,
        # without the call.
        return label, ()
    return label, tuple(lexicon.find_phrases(words))


def python_add_vocabulary(
    blocks: Sequence[Block],
    lexicon: Lexicon,
    limits: tuple[int, int, frozenset[str]],
    seen: dict[tuple[str, ...], _Entry],
    labels: list[PhraseMatch | None],
    phrases: list[tuple[PhraseMatch, ...]],
    hits: dict[str, list[int]],
) -> None:
    """Append each block's label and phrases to ``labels`` and ``phrases``, and its index to
    ``hits`` under each of their categories; ``seen`` keeps each distinct line's entry.
    ``limits`` are ``_PHRASE_LIMITS`` (the compiled twin takes them as an argument)."""
    for block in blocks:
        found = seen.get(block.words)
        if found is None:
            found = seen[block.words] = vocabulary_of(block.words, lexicon)
        label, found_phrases = found
        labels.append(label)
        phrases.append(found_phrases)
        if label is not None or found_phrases:
            categories = {m.category for m in (label, *found_phrases) if m is not None}
            for category in categories:
                hits.setdefault(category, []).append(block.index)


# The compiled twins where they were built (``boilerstrip.compiled``); ``lower`` is
# ``str.lower`` with an ASCII shortcut (str.lower takes the slow path for the whole page when
# one character is not ASCII, as a curly quote makes most pages).
add_vocabulary: Callable[..., None] = python_add_vocabulary
lower: Callable[[str], str] = str.lower
if MODULE is not None:
    add_vocabulary = MODULE.add_vocabulary
    lower = MODULE.lower


def _lowered_in_place(text: str) -> str:
    """``text`` lower-cased with every character where it was, so that offsets found in it
    are offsets in ``text``: a dotted capital I, which lowers to two characters, becomes a
    plain i (a page of them had shifted later matches into the next block)."""
    lowered = lower(text)
    if len(lowered) == len(text):
        return lowered
    return "".join(character.lower()[0] for character in text)


class Context:
    """Everything filters share during one call; it lives and dies with that call.

    It holds per-block evidence several filters need (labels, phrase matches, prose scores),
    computed once in a single pass, and the decisions made so far, so later filters see
    earlier removals. ``template`` is the site template the caller passed, if any (what the
    ``site_template`` pass reads); ``url`` is the caller's (checked) page address, if given.

    A filter for one kind of page reads the guess as ``ctx.page_type`` (a ``PageType``) and
    stands aside on the others: ``if ctx.page_type is not PageType.FORUM: return None``.
    """

    def __init__(
        self,
        document: Document,
        favor: Favor = Favor.BALANCED,
        deadline: Deadline | None = None,
        template: SiteTemplate | None = None,
        url: str | None = None,
    ) -> None:
        self.document = document
        self.favor = favor
        self.template = template
        self.url = url
        self.lexicon: Lexicon = lexicon_for(document.language)
        self.deadline = deadline if deadline is not None else Deadline(None)
        self._starts: list[int] | None = None
        self._lower_text: str | None = None
        self._page_wide: dict[float, frozenset[str]] = {}
        self.log = RemovalLog()
        self._removed = self.log.indexes()
        # Why block ``index`` was removed, or ``None`` while it is kept.
        self.removal: Callable[[int], Removal | None] = self.log.removal
        # The kept blocks, rebuilt only after a new removal (several passes ask in a row).
        self._kept: list[Block] | None = None

    # --- per-block evidence -------------------------------------------------------------
    # Evidence is computed on first use and then read as a plain attribute (cached_property):
    # filters look it up for every block they judge.
    @cached_property
    def _vocabulary(self) -> _Vocabulary:
        """Labels and phrases of every block, and per category the blocks that have one."""
        vocabulary = _Vocabulary([], [], {})
        # Menus repeat at the top and bottom of a page: look each line's words up once.
        seen: dict[tuple[str, ...], _Entry] = {}
        for chunk in self.deadline.chunks(self.document.blocks):
            add_vocabulary(chunk, self.lexicon, _PHRASE_LIMITS, seen, *vocabulary)
        return vocabulary

    def phrases(self, block: Block) -> tuple[PhraseMatch, ...]:
        """Boilerplate phrases of every category found in the block."""
        return self._vocabulary.phrases[block.index]

    def label(self, block: Block) -> PhraseMatch | None:
        """The boilerplate label the whole block is (``Share``, ``Menu``...), if any."""
        return self._vocabulary.labels[block.index]

    def blocks_with(self, category: str) -> list[int]:
        """Indexes of blocks holding a label or phrase of ``category``, in order."""
        return self._vocabulary.hits.get(category, [])

    def blocks_matching(self, pattern: regex.Pattern[str]) -> list[int]:
        """Indexes of blocks where ``pattern`` matches the document text, in one scan.

        Matches are mapped to blocks by offset; filters re-check the block's own text, since
        a joined wrapped paragraph differs from the source in its line breaks.
        """
        if self._starts is None:
            self._starts = [b.start for b in self.document.blocks]
        found: list[int] = []
        for match in pattern.finditer(self.document.text):
            index = bisect_right(self._starts, match.start()) - 1
            if index >= 0 and (not found or found[-1] != index):
                found.append(index)
        return found

    def blocks_containing(self, *needles: str) -> list[int]:
        """Indexes of blocks whose lower-cased text contains any of ``needles``.

        Plain substring search over the whole page (C speed), for filters that only need to
        look at blocks with a given character or word in them.
        """
        if self._lower_text is None:
            self._lower_text = _lowered_in_place(self.document.text)
        if self._starts is None:
            self._starts = [b.start for b in self.document.blocks]
        text, starts = self._lower_text, self._starts
        found: set[int] = set()
        for needle in needles:
            position = text.find(needle)
            while position >= 0:
                found.add(bisect_right(starts, position) - 1)
                position = text.find(needle, position + 1)
        found.discard(-1)
        return sorted(found)

    @cached_property
    def scores(self) -> tuple[ProseScore, ...]:
        """Prose scores of all blocks, in order."""
        has_stopwords = bool(self.lexicon.stopwords)
        scores: list[ProseScore] = []
        for chunk in self.deadline.chunks(self.document.blocks):
            scores += prose_scores(chunk, has_stopwords)
        return tuple(scores)

    @cached_property
    def scraped(self) -> bool:
        """Whether the page looks scraped rather than clean text (``filters.scraped``),
        decided once per call for every pass that asks."""
        from boilerstrip.filters.scraped import looks_scraped

        return looks_scraped(self)

    @cached_property
    def records(self) -> Records | None:
        """HTML: the page's run of repeated records (``boilerstrip.records``), if any."""
        if self.document.source_kind != "html":
            return None
        cards = self.page_type in (PageType.LISTING, PageType.COLLECTION)
        return find_records(self.document.blocks, cards)

    def page_wide_tags(self, share: float) -> frozenset[str]:
        """The tags around more than ``share`` of the blocks (``dom.page_wide_tags``),
        counted once per call and share: the dom and main-body passes both ask."""
        found = self._page_wide.get(share)
        if found is None:
            from boilerstrip.filters.dom import page_wide_tags

            found = self._page_wide[share] = page_wide_tags(self.document.blocks, share)
        return found

    @cached_property
    def page_type_guess(self) -> PageTypeGuess:
        """The page's type and the evidence that decided it (``page_type``), guessed once
        per call, on first use, from the document and ``url``."""
        return guess_page_type(self.document, self.url)

    @property
    def page_type(self) -> PageType:
        """The guessed kind of page: what type-specific filters gate on."""
        return self.page_type_guess.page_type

    @cached_property
    def page(self) -> PageMetadata:
        """Headline, byline and date blocks, found once per call."""
        from boilerstrip.metadata import find_page_metadata

        return find_page_metadata(self)

    # --- decisions so far ---------------------------------------------------------------
    def decision(self, index: int) -> Decision | None:
        return self.log.decision(index, self.document.blocks)

    def is_removed(self, index: int) -> bool:
        return index in self._removed

    def kept(self) -> list[Block]:
        if self._kept is None:
            removed = self._removed
            self._kept = [b for b in self.document.blocks if b.index not in removed]
        return list(self._kept)  # a copy: the caller may change it

    def kept_among(self, indexes: Iterable[int]) -> list[Block]:
        """The kept blocks of ``indexes``, in document order."""
        blocks, removed = self.document.blocks, self._removed
        return [blocks[i] for i in sorted(set(indexes)) if i not in removed]

    def record(self, decision: Decision) -> None:
        """Record a removal; a block keeps the first decision made about it."""
        self.remove(decision.block, decision.filter, decision.removal)

    def remove(self, block: Block, filter_name: str, removal: Removal) -> None:
        """Record that ``filter_name`` removed ``block`` for ``removal``; a block keeps the
        first removal made about it."""
        if self.log.add(block.index, filter_name, removal):
            self._kept = None

    def decisions(self) -> tuple[Decision, ...]:
        return self.log.decisions(self.document.blocks)

    def check_deadline(self) -> None:
        """Raise ``ExtractionTimeoutError`` when the call's time is up."""
        self.deadline.check()

    def tick(self) -> None:
        """One step of a long loop over blocks: stops the call when its time is up."""
        self.deadline.tick()


class BlockFilter(ABC):
    """A rule that judges one block at a time (kept blocks only, in document order).

    Subclasses set ``name``: it is how pipelines, registries and decisions refer to them.
    """

    name: str

    @abstractmethod
    def check(self, block: Block, ctx: Context) -> Removal | None:
        """A ``Removal`` when ``block`` is boilerplate, else ``None``."""

    def candidates(self, ctx: Context) -> list[Block]:
        """The kept blocks worth checking; all of them unless a filter knows better.

        Built-in filters narrow this to blocks with evidence of their family (a phrase, a
        label, a pattern hit), which keeps the pipeline fast on pages of many lines.
        """
        return ctx.kept()


class DocumentFilter(ABC):
    """A pass that looks at the whole document (neighbours, spans, repeats)."""

    name: str

    @abstractmethod
    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterable[tuple[Block, Removal]]:
        """Pairs of (block, removal) for the blocks of ``kept`` this pass removes."""


Filter = BlockFilter | DocumentFilter
