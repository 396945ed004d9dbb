"""What a call leaves for CPython's cyclic GC to walk, and the removal log behind it.

Time per MB stays flat only if the objects a call keeps alive per line are few: the
collector walks every tracked object at each full pass, and passes come at every 25% of
heap growth (``benchmarks.scaling``: the realistic shape scored 2.0 with a ``Decision``
and a named-tuple segment per line, 1.5 without; blank-lines 2.3 with the compiled code's
blocks tracked, 1.5 untracked).
"""

from __future__ import annotations

import gc
import pickle
from collections import Counter
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import Context, compiled
from boilerstrip.blocks import BlockKind
from boilerstrip.normalize import normalize_text
from boilerstrip.result import Category, Decision, Removal, RemovalLog
from boilerstrip.segment import segment_text
from boilerstrip.segment.html import segment_html
from boilerstrip.stats import words_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
PAGE = (FIXTURES.parent / "seed" / "000_82ea82c038948d2e.txt").read_text(encoding="utf-8")
_NAVIGATION = Removal(Category.NAVIGATION, "menu", "a menu line")
_LEGAL = Removal(Category.LEGAL, "copyright", "a copyright line")


def _tracked_by_type() -> Counter[str]:
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())


def test_text_segments_are_untracked_after_one_collection() -> None:
    segments = segment_text(normalize_text(PAGE * 3))
    gc.collect()
    assert segments and not any(gc.is_tracked(s) for s in segments)
    assert {s[1] for s in segments} <= {kind.value for kind in BlockKind}


def test_html_segments_are_untracked_after_one_collection() -> None:
    html = "<title>T</title><h1>Head</h1><p>One paragraph.</p><ul><li>a</li><li>b</li></ul>"
    segments = segment_html(html)[1]
    gc.collect()
    assert len(segments) == 5 and not any(gc.is_tracked(s) for s in segments)


def test_word_entries_are_untracked_once_their_words_are() -> None:
    entries = [words_of(text) for text in ("Home", "Don’t miss the 3 best deals, OK?")]
    gc.collect()  # the tuples of words
    gc.collect()  # then the pairs that hold them
    assert not any(gc.is_tracked(entry) for entry in entries)
    assert entries[0] == ("H", ("home",), True)
    assert entries[1] == ("Dmt3bdO", ("don't", "miss", "the", "3", "best", "deals", "ok"), False)


@pytest.mark.skipif(not compiled.ACTIVE, reason="the C speedups were not built here")
def test_compiled_blocks_stats_and_scores_are_not_tracked() -> None:
    # They hold only numbers, strings, enum members and tuples or frozensets of those, so
    # they cannot be in a cycle: the compiled code leaves them out of the collector's walk.
    html = "<title>T</title><h1>Head</h1><p>One paragraph, with a comma.</p><ul><li>a</li></ul>"
    for document in (boilerstrip.extract(PAGE).document, boilerstrip.extract(html).document):
        scores = Context(document).scores
        assert document.blocks and len(scores) == len(document.blocks)
        assert not any(gc.is_tracked(block) for block in document.blocks)
        assert not any(gc.is_tracked(block.stats) for block in document.blocks)
        assert not any(gc.is_tracked(score) for score in scores)


def test_a_call_makes_no_decision_objects_until_they_are_read() -> None:
    before = _tracked_by_type()["Decision"]
    result = boilerstrip.extract(PAGE)
    assert _tracked_by_type()["Decision"] == before
    decisions = result.decisions
    assert decisions and _tracked_by_type()["Decision"] == before + len(decisions)
    assert result.decisions is decisions  # made once, then kept with the result


def test_clean_leaves_nothing_tracked_behind() -> None:
    boilerstrip.clean(PAGE)  # lexicons and compiled patterns load on the first call
    before = sum(_tracked_by_type().values())
    for _ in range(5):
        boilerstrip.clean(PAGE)
    assert sum(_tracked_by_type().values()) <= before + 10


def test_removal_log_keeps_the_first_removal_of_a_block() -> None:
    blocks = boilerstrip.extract("Home\n\nA line of text.\n\nCopyright 2024").document.blocks
    log = RemovalLog()
    assert log.add(2, "legal", _LEGAL)
    assert log.add(0, "navigation", _NAVIGATION)
    assert not log.add(0, "other", _LEGAL)
    assert len(log) == 2 and 0 in log and 1 not in log
    assert log.removal(0) is _NAVIGATION and log.removal(1) is None
    assert log.decision(1, blocks) is None
    assert log.decision(0, blocks) == Decision(blocks[0], "navigation", _NAVIGATION)
    # In document order, whatever the order of the removals.
    assert [(d.block.index, d.filter) for d in log.decisions(blocks)] == [
        (0, "navigation"),
        (2, "legal"),
    ]


def test_removal_log_decisions_follow_a_later_removal() -> None:
    blocks = boilerstrip.extract("Home\n\nA line of text.\n\nCopyright 2024").document.blocks
    log = RemovalLog()
    log.add(0, "navigation", _NAVIGATION)
    assert len(log.decisions(blocks)) == 1
    log.add(2, "legal", _LEGAL)
    assert [d.block.index for d in log.decisions(blocks)] == [0, 2]


def test_removal_logs_compare_by_content() -> None:
    first, second = RemovalLog(), RemovalLog()
    first.add(0, "navigation", _NAVIGATION)
    assert first != second
    second.add(0, "navigation", _NAVIGATION)
    assert first == second
    with pytest.raises(TypeError):
        hash(first)


def test_result_kept_and_removed_partition_the_blocks() -> None:
    result = boilerstrip.extract(PAGE)
    kept = {b.index for b in result.kept}
    removed = {d.block.index for d in result.removed}
    assert kept.isdisjoint(removed)
    assert kept | removed == {b.index for b in result.document.blocks}


def test_result_pickles_with_a_working_log() -> None:
    """Process pools send results between processes: the log's look-up must survive."""
    result = boilerstrip.extract(PAGE)
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result and copy.body == result.body
    first = result.decisions[0]
    assert copy.log.removal(first.block.index) == first.removal
    assert copy.decisions == result.decisions
