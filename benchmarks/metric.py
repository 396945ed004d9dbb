"""The scrapinghub article-extraction-benchmark metric: shingle precision, recall and F1.

Each text becomes a multiset of 4-token shingles (tokens are runs of Unicode word characters).
Per page, true positives are the shingles the prediction shares with the truth, false positives
the predicted ones the truth lacks, false negatives the true ones the prediction lacks; the three
counts are normalised to sum to 1 so that every page weighs the same. Precision and recall are
means over pages, and F1 is the harmonic mean of those two means (not a mean of per-page F1s).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# The benchmark tokenises with the standard `re` module; `regex` differs on a few combining
# marks, which would shift scores away from the published figures.
_TOKEN = re.compile(r"\w+", re.UNICODE)

SHINGLE_SIZE = 4

Shingle = tuple[str, ...]
# How a text becomes tokens: the benchmark's ``tokenize`` unless a caller measures otherwise
# (``benchmarks.cjk_accuracy`` counts each Chinese or Japanese character as a token).
Tokenizer = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Normalised shingle counts of one page: `tp + fp + fn == 1` (or all zero)."""

    tp: float
    fp: float
    fn: float

    def precision(self) -> float | None:
        """TP / (TP + FP), 1.0 for a perfect page, None when the page has no predicted shingle."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp + self.fp == 0:
            return None
        return self.tp / (self.tp + self.fp)

    def recall(self) -> float | None:
        """TP / (TP + FN), 1.0 for a perfect page, None when the page has no true shingle."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp + self.fn == 0:
            return None
        return self.tp / (self.tp + self.fn)


@dataclass(frozen=True, slots=True)
class Scores:
    """Corpus-level precision, recall and F1 over `pages` pages."""

    precision: float
    recall: float
    f1: float
    pages: int


def tokenize(text: str) -> list[str]:
    """Return the `\\w+` runs of `text`, in order."""
    return _TOKEN.findall(text)


def shingles(
    text: str, size: int = SHINGLE_SIZE, tokenizer: Tokenizer = tokenize
) -> Counter[Shingle]:
    """Count the `size`-token shingles of `text`, split into tokens by `tokenizer`.

    A text shorter than `size` tokens yields one shingle holding all its tokens; an empty
    text yields none.
    """
    tokens = tokenizer(text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_counts(truth: str, predicted: str, tokenizer: Tokenizer = tokenize) -> PageCounts:
    """Compare one predicted text with its truth; the counts are normalised to sum to 1."""
    true_set = shingles(truth, tokenizer=tokenizer)
    pred_set = shingles(predicted, tokenizer=tokenizer)
    tp = sum((true_set & pred_set).values())
    fp = sum((pred_set - true_set).values())
    fn = sum((true_set - pred_set).values())
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


def _mean(values: Iterable[float | None]) -> float:
    kept = [value for value in values if value is not None]
    return sum(kept) / len(kept) if kept else 0.0


def aggregate(pages: Iterable[PageCounts]) -> Scores:
    """Average per-page precision and recall, then take the harmonic mean of the averages."""
    page_list = list(pages)
    precision = _mean(page.precision() for page in page_list)
    recall = _mean(page.recall() for page in page_list)
    denominator = precision + recall
    f1 = 2 * precision * recall / denominator if denominator else 0.0
    return Scores(precision, recall, f1, len(page_list))
