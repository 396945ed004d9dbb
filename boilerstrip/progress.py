"""The progress bar of a batch: tqdm on standard error when asked for, nothing otherwise.

tqdm is the optional extra ``progress``, imported only when a bar is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, Literal

from boilerstrip.errors import InvalidOptionError, missing_extra


class Progress:
    """Counts pages as they come out; draws them when it has a bar to open. The bar opens
    on ``with``, so a batch that is never iterated draws nothing."""

    def __init__(self, open_bar: Callable[[], Any] | None = None) -> None:
        self._open_bar = open_bar
        self._bar: Any = None
        self._failed = 0

    def update(self, ok: bool) -> None:
        if self._bar is None:
            return
        if not ok:
            self._failed += 1
            self._bar.set_postfix(failed=self._failed, refresh=False)
        self._bar.update(1)

    def __enter__(self) -> Progress:
        if self._open_bar is not None:
            self._bar = self._open_bar()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def progress_bar(progress: bool | Literal["auto"], total: int | None) -> Progress:
    """A bar for ``total`` pages (``None``: unknown). ``progress=True`` needs tqdm;
    ``"auto"`` draws one only when standard error is a terminal and tqdm is installed."""
    if progress not in (True, False, "auto"):
        raise InvalidOptionError(f"progress must be True, False or 'auto', got {progress!r}")
    if progress is False or (progress == "auto" and not _stderr_is_terminal()):
        return Progress()
    try:
        from tqdm import tqdm
    except ImportError:
        if progress == "auto":
            return Progress()
        raise missing_extra("tqdm", "progress", "progress=True") from None

    class _Bar(tqdm):  # type: ignore[misc]
        # No monitor thread: worker processes are forked after the bar opens, and forking
        # a process that runs threads risks deadlocks in the children.
        monitor_interval = 0

    def open_bar() -> Any:
        return _Bar(total=total, unit="page", file=sys.stderr, dynamic_ncols=True)

    return Progress(open_bar)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced by an object without isatty, or closed
        return False
