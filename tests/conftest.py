"""Shared helpers for the filter and pipeline unit tests: hand-made pages, one filter at a time.

The helpers are exposed through the ``kit`` fixture so test modules need no import of this
file (which keeps them working under any pytest import mode).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from boilerstrip import Context, Decision, Document, Favor, Pipeline, Result
from boilerstrip.document import document_from_text

# Three paragraphs of plain news prose: long, full of stopwords, ending in full stops.
PROSE: tuple[str, ...] = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools and roads.",
    "Officials said the plan would raise spending on public transport by a modest amount, "
    "while holding property taxes at their current level for most homeowners.",
    "Critics argued that the proposal did not go far enough, and several residents spoke at "
    "the meeting to ask for more money for parks and libraries in the town.",
)


class Kit:
    """Builders for documents, contexts and single-filter runs over lists of paragraphs."""

    prose: tuple[str, ...] = PROSE

    @staticmethod
    def text(lines: Sequence[str]) -> str:
        """The paragraphs joined as a plain-text page (one blank line between them)."""
        return "\n\n".join(lines)

    @staticmethod
    def document(lines: Sequence[str], language: str | None = None) -> Document:
        return document_from_text(Kit.text(lines), language)

    @staticmethod
    def context(lines: Sequence[str], favor: Favor = Favor.BALANCED) -> Context:
        return Context(Kit.document(lines), favor)

    @staticmethod
    def run(lines: Sequence[str], *filters: object, favor: str = "balanced") -> Result:
        """Extract with only ``filters`` (the default pipeline when none are given)."""
        pipeline = Pipeline(filters) if filters else Pipeline.default()
        return pipeline.extract(Kit.text(lines), favor=favor)

    @staticmethod
    def verdict(result: Result, text: str) -> Decision | None:
        """The decision about the block whose text is exactly ``text`` (``None``: kept)."""
        for block, decision in result.verdicts():
            if block.text == text:
                return decision
        raise AssertionError(f"no block {text!r} in {[b.text for b in result.document.blocks]}")

    @staticmethod
    def code(result: Result, text: str) -> tuple[str, str] | None:
        """(category, code) of the removal of block ``text``, or ``None`` when it is kept."""
        decision = Kit.verdict(result, text)
        return None if decision is None else (decision.category.value, decision.code)


@pytest.fixture
def kit() -> type[Kit]:
    return Kit
