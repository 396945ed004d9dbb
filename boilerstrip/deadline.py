"""A call's time budget: checked between stages and every so many steps of long loops."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import TypeVar

from boilerstrip.errors import ExtractionTimeoutError

_T = TypeVar("_T")

# Looking at the clock costs about as much as judging a short line; every 512th step is
# often enough to stop within a few milliseconds of the budget.
_STRIDE = 512
_STRIDE_MASK = _STRIDE - 1


class Deadline:
    """When the call must stop; ``Deadline(None)`` never expires."""

    __slots__ = ("_at", "_seconds", "_steps")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._at = None if seconds is None else time.monotonic() + seconds
        self._steps = 0

    def check(self) -> None:
        """Raise ``ExtractionTimeoutError`` when the budget is spent."""
        if self._at is not None and time.monotonic() > self._at:
            raise ExtractionTimeoutError(
                f"extraction ran past its timeout of {self._seconds} s; raise timeout= or "
                "pass timeout=None for no limit"
            )

    def tick(self) -> None:
        """One step of a long loop: looks at the clock every 512 steps."""
        if self._at is None:
            return
        self._steps += 1
        if not self._steps & _STRIDE_MASK:
            self.check()

    def chunks(self, items: Sequence[_T]) -> Iterator[Sequence[_T]]:
        """``items`` in slices of 512, the clock looked at before each: a loop over a page's
        blocks stops in time without a call per block (most pages are one slice)."""
        if len(items) <= _STRIDE:
            self.check()
            yield items
            return
        for start in range(0, len(items), _STRIDE):
            self.check()
            yield items[start : start + _STRIDE]
