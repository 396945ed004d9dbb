"""How much a block reads like article prose: the evidence the main-body pass sums.

Each block gets a likelihood ``q`` in (0, 1) from shallow features (length, stopword share,
sentence punctuation, commas, capitalisation) and a signed ``weight``: positive for prose,
negative for boilerplate, growing with length so that one long paragraph outweighs a short
menu line. The constants were calibrated on the scrapinghub and wcxb-dev development pages
(see docs/algorithm.md); they are deliberately few.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

from boilerstrip.blocks import Block, TextStats
from boilerstrip.compiled import MODULE

# Logistic coefficients, calibrated on the development sets (docs/algorithm.md); re-tuned by
# coordinate search on scrapinghub+wcxb-dev text, 2026-11-25 (_WORD_CAP, _STOPWORD_GAIN,
# _STOPWORD_PIVOT, _CAPITALISED_SHARE changed; the others re-checked and kept).
_BIAS = -2.6
_PER_WORD = 0.13
_WORD_CAP = 30
_STOPWORD_GAIN = 4.0
_STOPWORD_PIVOT = 0.26
_SENTENCE_END_GAIN = 1.4
_COMMA_GAIN = 0.6
_CAPITALISED_PENALTY = 1.6
_CAPITALISED_SHARE = 0.5
_DIGIT_PENALTY = 2.0
# Without a stopword list (an unknown language) every block gets this neutral share.
_NEUTRAL_STOPWORD_SHARE = 0.3
# Weight grows with words up to this cap, plus a floor so even a one-word line counts
# (coordinate search on scrapinghub+wcxb-dev text, 2026-11-25).
_WEIGHT_CAP = 80
_WEIGHT_FLOOR = 3


class ProseScore(NamedTuple):
    """``likelihood`` that a block is prose, and its signed ``weight`` for span sums."""

    likelihood: float
    weight: float


# Built through tuple.__new__ (no keyword handling): one score is made per block of every page.
_new_score = partial(tuple.__new__, ProseScore)
_EMPTY_SCORE = ProseScore(0.0, -float(_WEIGHT_FLOOR))


# The constants above, in the order the compiled twin of ``python_prose_scores`` takes them.
COEFFICIENTS = (
    _BIAS,
    _PER_WORD,
    _WORD_CAP,
    _STOPWORD_GAIN,
    _STOPWORD_PIVOT,
    _SENTENCE_END_GAIN,
    _COMMA_GAIN,
    _CAPITALISED_PENALTY,
    _CAPITALISED_SHARE,
    _DIGIT_PENALTY,
    _NEUTRAL_STOPWORD_SHARE,
    _WEIGHT_CAP,
    _WEIGHT_FLOOR,
)


def python_prose_scores(blocks: Sequence[Block], has_stopwords: bool) -> list[ProseScore]:
    """The prose score of each block, in order."""
    # Half a page's blocks share their stats with another (repeated menus, one-word labels
    # of the same length): each distinct one is scored once.
    by_stats: dict[TextStats, ProseScore] = {}
    scores: list[ProseScore] = []
    for block in blocks:
        score = by_stats.get(block.stats)
        if score is None:
            score = by_stats[block.stats] = score_stats(block.stats, has_stopwords)
        scores.append(score)
    return scores


def score_block(block: Block, has_stopwords: bool) -> ProseScore:
    """The prose score of one block."""
    return score_stats(block.stats, has_stopwords)


def score_stats(stats: TextStats, has_stopwords: bool) -> ProseScore:
    """The prose score of a block with these ``stats``."""
    words = stats.words
    if words == 0:
        return _EMPTY_SCORE
    # The shares are TextStats.stopword_share and .capitalised_share, spelled out: this runs
    # for every block and the properties cost a call each.
    share = stats.stopwords / words if has_stopwords else _NEUTRAL_STOPWORD_SHARE
    z = (
        _BIAS
        + _PER_WORD * min(words, _WORD_CAP)
        + _STOPWORD_GAIN * (share - _STOPWORD_PIVOT)
        + (_SENTENCE_END_GAIN if stats.ends_sentence else 0.0)
        + (_COMMA_GAIN if stats.has_comma else 0.0)
    )
    if words > 3 and stats.capitalised / words > _CAPITALISED_SHARE:
        z -= _CAPITALISED_PENALTY
    z -= _DIGIT_PENALTY * (stats.digits / words)
    likelihood = 1.0 / (1.0 + math.exp(-z))
    weight = (likelihood - 0.5) * 2.0 * (min(words, _WEIGHT_CAP) + _WEIGHT_FLOOR)
    return _new_score((likelihood, weight))


# The compiled twin where it was built (``boilerstrip.compiled``): the same arithmetic in C.
prose_scores: Callable[[Sequence[Block], bool], list[ProseScore]] = (
    python_prose_scores
    if MODULE is None
    else partial(MODULE.prose_scores, COEFFICIENTS, ProseScore, _EMPTY_SCORE)
)
