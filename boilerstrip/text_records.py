"""Repeated records in plain text: the items of a listing, a collection or a thread.

Text has no element paths to repeat (``boilerstrip.records`` reads those in HTML), but a
listing's items still come from one template, and the template's fixed lines come back item
after item, a few lines apart: "Add to cart", "Mark as watched", "Read more", a rating, a
price, a date or a byline. Such a line is a *key*: its text lower-cased with digit runs as
``0`` (so "#3" and "#4", "£12.99" and "£8.50" match), or, for the lines the metadata filter
removed as a lone time stamp or byline, that code (dates differ in their words too).

``find_text_records`` finds every key whose occurrences recur at a steady interval, and the
run of blocks each run covers: from one interval before the first occurrence to one after the
last, since a key may open, close or sit inside its item. A page often has several (a date
and a "Read more" per teaser; a second list further down): the main-body pass takes them
all. A menu repeats no line four times, and its lines are a word or two; an article's
paragraphs are no short lines that recur.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from boilerstrip.blocks import Block
from boilerstrip.records import MIN_RECORDS  # as many items make a listing in text as in HTML

# A key line is a template's fixed line: a few words at most (titles and summaries differ).
_MAX_KEY_WORDS = 5
# Items are at least two lines (a key and something else); a key on every line is a list.
_MIN_INTERVAL = 2
# Occurrences further apart than this many intervals (the median) belong to another run.
_MAX_INTERVAL_FACTOR = 2.0
# An item holds a few words besides its key: a row of bare "Reply" / "Share" lines is none.
_MIN_ITEM_WORDS = 6
# Item lines average a few words (a title, a price and its label); a menu's are one or two.
_MIN_LINE_WORDS = 2.5
# Between two key lines, an item holds at least this many lines that are no key's.
_MIN_FREE_LINES = 0.5
_DIGIT_RUN = re.compile(r"\d+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A run of words: letters, with the spaces, dots, apostrophes and hyphens between them.
_WORD_RUN = re.compile(r"[^\W\d_]+(?:[\s.'’-]+[^\W\d_]+)*\.?")
_NUMBERS = "~"
_SHAPE = "#"  # marks a shape key
# A byline with its date and count runs longer than a key line; wcxb-dev text listing F1
# 0.616 / 0.626 / 0.626 with 7 / 10 / 14 words (forum 0.682 / 0.682 / 0.681).
_MAX_SHAPE_WORDS = 10
# One number in a line of words is a title's or a label's ("3-pack", "From $12"): shapes
# of one number too (with a variant since simplified) gave listing 0.619 (a menu's "3-pack"
# lines made a shop's run), product 0.504, collection 0.599; two: 0.626, 0.505, 0.601.
_MIN_SHAPE_NUMBERS = 2


@dataclass(frozen=True, slots=True)
class TextRecords:
    """The run of blocks ``first``..``last`` holding ``count`` items that share the key line
    ``key``; ``words`` is how many words the run holds."""

    first: int
    last: int
    count: int
    words: int
    key: str

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.first <= index <= self.last


def find_text_records(
    blocks: Sequence[Block], codes: Sequence[str | None], marks: frozenset[str]
) -> list[TextRecords]:
    """Every run of repeated records on the page, by key (runs of two keys may overlap).

    ``codes[i]`` is the reason code of block ``i``'s removal (``None``: kept); blocks removed
    with a code in ``marks`` (lone time stamps, bylines) share that code as their key.
    """
    occurrences: dict[str, list[int]] = {}
    for block in blocks:
        for key in _keys(block, codes[block.index], marks):
            occurrences.setdefault(key, []).append(block.index)
    steady = {
        key: runs
        for key, indexes in _distinct(occurrences).items()
        if len(indexes) >= MIN_RECORDS and (runs := _steady_runs(indexes))
    }
    template = {index for runs in steady.values() for run in runs for index in run}
    found: list[TextRecords] = []
    for key, runs in steady.items():
        for run in runs:
            records = _records_of(blocks, key, run)
            if records is not None and _has_free_lines(run, template):
                found.append(records)
    return found


def _distinct(occurrences: dict[str, list[int]]) -> dict[str, list[int]]:
    """``occurrences`` without the keys that fall on the very lines of an earlier key (a
    line's whole-number key or shape where its digit-run key matches as well)."""
    seen: set[tuple[int, ...]] = set()
    kept: dict[str, list[int]] = {}
    for key, indexes in occurrences.items():
        lines = tuple(indexes)
        if lines not in seen:
            seen.add(lines)
            kept[key] = indexes
    return kept


def _has_free_lines(run: list[int], template: set[int]) -> bool:
    """Whether the items between the run's first and last key hold lines of their own.

    A blog's archive ("2019", "November (113)", "October (217)"... year after year) or a
    calendar recurs as steadily as a listing, but every one of its lines is some key's: its
    rows are a table of template lines, where a listing's items each have a title."""
    free = sum(1 for index in range(run[0] + 1, run[-1]) if index not in template)
    return free >= _MIN_FREE_LINES * (len(run) - 1)


def _keys(block: Block, code: str | None, marks: frozenset[str]) -> tuple[str, ...]:
    """What ``block`` shares with the same line of the other items, if it can be one: its
    text with digit runs as ``0`` and, if it has digits, with whole numbers as ``0`` (a
    rating's "4.9 average" recurs with "5 average"; a spec table's "4 mm" rows recur
    without its "2.5 mm" ones), and its shape (``_shape_key``)."""
    if code is not None and code in marks:
        return ("@" + code,)
    if not block.words or block.stats.words > _MAX_SHAPE_WORDS:
        return ()
    text = block.text.lower()
    digits = _DIGIT_RUN.sub("0", text)
    if digits == text:
        return (text,) if block.stats.words <= _MAX_KEY_WORDS else ()
    numbers = _NUMBER.sub("0", text)
    shape = _shape_key(numbers)
    if block.stats.words > _MAX_KEY_WORDS:
        return shape
    return digits, _NUMBERS + numbers, *shape


def _shape_key(numbers: str) -> tuple[str, ...]:
    """The shape of a line with whole numbers as ``0`` (``numbers``): each run of words as
    ``a``, when it holds two numbers or more. An item's byline and date differ in every
    word ("Tim Stevens – 3/6/2026 | 72", "Jonathan M. Gitlin – 3/6/2026 | 99"), not in
    their shape; a title with one number ("The 10 best laptops") keeps its own words."""
    shape = _WORD_RUN.sub("a", numbers)
    if shape == numbers or shape.count("0") < _MIN_SHAPE_NUMBERS:
        return ()
    return (_SHAPE + shape,)


def _steady_runs(indexes: list[int]) -> list[list[int]]:
    """``indexes`` split where two occurrences stand much further apart than usual."""
    gaps = [b - a for a, b in itertools.pairwise(indexes)]
    usual = statistics.median(gaps)
    if usual < _MIN_INTERVAL:
        return []
    runs = [[indexes[0]]]
    for index, gap in zip(indexes[1:], gaps, strict=True):
        if gap > _MAX_INTERVAL_FACTOR * usual:
            runs.append([])
        runs[-1].append(index)
    return [run for run in runs if len(run) >= MIN_RECORDS]


def _records_of(blocks: Sequence[Block], key: str, run: list[int]) -> TextRecords | None:
    """The records a steady run of key lines marks, if its items hold enough words."""
    interval = round((run[-1] - run[0]) / (len(run) - 1))
    first = max(0, run[0] - interval + 1)
    last = min(len(blocks) - 1, run[-1] + interval - 1)
    words = sum(b.stats.words for b in blocks[first : last + 1])
    content = words - sum(blocks[i].stats.words for i in run)
    lines = last - first + 1 - len(run)
    if content < _MIN_ITEM_WORDS * len(run) or content < _MIN_LINE_WORDS * lines:
        return None
    return TextRecords(first, last, len(run), words, key)
