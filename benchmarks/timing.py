"""Timing extractor calls, one pass per extractor or page by page in turn.

The machine these benchmarks run on is shared: its speed drifts by several percent within a
minute. Timed one extractor after another, a slow spell lands on whichever runs then and
moves the ratios between them. ``interleaved`` hands each page to every extractor in turn and
repeats the whole pass, keeping each page's fastest call per extractor, so that a slow spell
costs every extractor alike and passing noise drops out (as ``timeit`` keeps the best run).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class Call:
    """What one extractor gave for one page: its output, seconds, and the exception's repr
    when it raised (the output is then empty)."""

    output: str
    seconds: float
    error: str | None


def timed_call(extract: Callable[[Item], str], item: Item) -> Call:
    """Call ``extract`` on ``item``, timing only the call; a failure gives empty output."""
    error = None
    start = time.perf_counter()
    try:
        output = extract(item)
    except Exception as exception:  # counted and reported per row
        output, error = "", repr(exception)
    return Call(output, time.perf_counter() - start, error)


def one_pass_each(
    extractors: Mapping[str, Callable[[Item], str]], items: Sequence[Item]
) -> dict[str, list[Call]]:
    """Each extractor over all ``items``, one extractor after the other."""
    return {
        name: [timed_call(extract, item) for item in items] for name, extract in extractors.items()
    }


def interleaved(
    extractors: Mapping[str, Callable[[Item], str]], items: Sequence[Item], rounds: int
) -> dict[str, list[Call]]:
    """Every item given to each extractor in turn, the whole pass ``rounds`` times over: per
    extractor and item the first round's output and error with the fastest round's seconds."""
    calls: dict[str, list[Call]] = {name: [] for name in extractors}
    for item in items:
        for name, extract in extractors.items():
            calls[name].append(timed_call(extract, item))
    for _ in range(rounds - 1):
        for position, item in enumerate(items):
            for name, extract in extractors.items():
                seconds = timed_call(extract, item).seconds
                first = calls[name][position]
                if seconds < first.seconds:
                    calls[name][position] = Call(first.output, seconds, first.error)
    return calls
