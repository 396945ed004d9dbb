"""The maximum-sum contiguous span (Pasternack & Roth's maximum subsequence)."""

from __future__ import annotations

from collections.abc import Sequence


def best_span(weights: Sequence[float]) -> tuple[int, int] | None:
    """(first, last) positions of the contiguous run with the largest positive sum.

    ``None`` when no weight is positive. One pass, O(n) (Kadane's algorithm).
    """
    best_sum, best = 0.0, None
    run_sum, run_start = 0.0, 0
    for position, weight in enumerate(weights):
        if run_sum <= 0.0:
            run_sum, run_start = 0.0, position
        run_sum += weight
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, position)
    return best
