"""Whole-corpus checks on the shared benchmark pages (``../shared/datasets``, read-only).

- The true article bodies, cleaned on their own, must come back nearly whole: boilerstrip must
  not strip what is plainly article text.
- Text-mode accuracy (the benchmark's shingle F1, ``benchmarks/metric.py``) must stay above
  pinned floors.

The folder is found at ``<repo>/../shared/datasets`` or at ``$BOILERSTRIP_DATASETS``; every test
here skips, saying why, when it is absent.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import boilerstrip

REPO: Path = Path(__file__).resolve().parents[1]
DATASETS_ENV = "BOILERSTRIP_DATASETS"

# Accuracy floors of text mode (shingle F1 on the shipped html-text renderings).
# FLOORS MAY ONLY BE RAISED. Lowering one hides a regression; if a change costs accuracy,
# fix the change (or argue it in review), never the floor.
# Measured when pinned: scrapinghub 0.900 (181 pages), wcxb-dev articles 0.909 (709 pages).
SCRAPINGHUB_TEXT_F1_FLOOR = 0.915
WCXB_ARTICLE_TEXT_F1_FLOOR = 0.91

# Clean article text must pass through: share of the truths' words kept, over all pages
# (issue 4 asks 99%). Measured when raised: scrapinghub 99.28%, wcxb-dev sample 99.78%.
TRUTH_WORDS_KEPT_FLOOR = 0.99
WCXB_TRUTH_SAMPLE = 250
WORST_SHOWN = 8

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Page:
    page_id: str
    truth: str
    text_path: Path


def datasets_root() -> Path:
    override = os.environ.get(DATASETS_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "shared" / "datasets"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"benchmark data not found at {path} (set ${DATASETS_ENV} to its folder)")
    return path


@cache
def scrapinghub_pages() -> tuple[Page, ...]:
    folder = _require(datasets_root() / "scrapinghub")
    truth_file = _require(folder / "ground-truth.json")
    records = json.loads(truth_file.read_text(encoding="utf-8"))
    return tuple(
        Page(page_id, str(record.get("articleBody") or ""), folder / "text" / f"{page_id}.txt")
        for page_id, record in sorted(records.items())
    )


@cache
def wcxb_article_pages() -> tuple[Page, ...]:
    """The wcxb-dev pages of type article with a non-empty truth, sorted by id."""
    folder = _require(datasets_root() / "wcxb-dev")
    pages = []
    for truth_path in sorted(_require(folder / "ground-truth").glob("*.json")):
        record = json.loads(truth_path.read_text(encoding="utf-8"))
        truth = str(record["ground_truth"].get("main_content") or "")
        if record["_internal"]["page_type"]["primary"] == "article" and truth.strip():
            pages.append(Page(truth_path.stem, truth, folder / "text" / f"{truth_path.stem}.txt"))
    return tuple(pages)


def deterministic_sample(pages: tuple[Page, ...], size: int) -> list[Page]:
    """``size`` pages chosen by a hash of their id: the same every run, spread over the set."""
    return sorted(pages, key=lambda p: hashlib.sha256(p.page_id.encode()).hexdigest())[:size]


def _metric() -> ModuleType:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import benchmarks.metric

    return benchmarks.metric


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text))


def truths_kept(pages: list[Page]) -> tuple[float, str]:
    """Share of the truths' words that cleaning each truth on its own keeps, and the worst."""
    total = kept = 0
    per_page: list[tuple[float, int, str]] = []
    for page in pages:
        truth = words(page.truth)
        survived = sum((truth & words(boilerstrip.clean(page.truth))).values())
        size = sum(truth.values())
        total, kept = total + size, kept + survived
        per_page.append((survived / size if size else 1.0, size, page.page_id))
    share = kept / total
    worst = ", ".join(f"{pid[:12]} {s:.0%} of {n}" for s, n, pid in sorted(per_page)[:WORST_SHOWN])
    return share, f"{len(pages)} true bodies kept {share:.2%} of {total} words; worst: {worst}"


@cache
def truths_kept_in(dataset: str) -> tuple[float, str]:
    return truths_kept(truth_pages(dataset))


def truth_pages(dataset: str) -> list[Page]:
    if dataset == "scrapinghub":
        pages = [p for p in scrapinghub_pages() if p.truth.strip()]
        assert len(pages) == 181
        return pages
    pages = deterministic_sample(wcxb_article_pages(), WCXB_TRUTH_SAMPLE)
    assert len(pages) == WCXB_TRUTH_SAMPLE
    return pages


def text_mode_f1(pages: list[Page]) -> tuple[float, str]:
    """Corpus F1 of ``clean`` on the pages' text renderings, and the worst pages by F1."""
    metric = _metric()
    counts = []
    for page in pages:
        source = _require(page.text_path).read_text(encoding="utf-8")
        counts.append((page.page_id, metric.page_counts(page.truth, boilerstrip.clean(source))))
    scores = metric.aggregate(count for _, count in counts)

    def page_f1(item: tuple[str, Any]) -> float:
        tp, fp, fn = item[1].tp, item[1].fp, item[1].fn
        return float(2 * tp / (2 * tp + fp + fn)) if tp else 0.0

    worst = sorted(counts, key=page_f1)[:WORST_SHOWN]
    detail = (
        f"P={scores.precision:.4f} R={scores.recall:.4f} F1={scores.f1:.4f} on {scores.pages} "
        f"pages; worst: " + ", ".join(f"{pid[:12]} {page_f1((pid, c)):.2f}" for pid, c in worst)
    )
    return scores.f1, detail


# -- the truths pass through -------------------------------------------------------------


DATASETS = ["scrapinghub", "wcxb"]


@pytest.mark.parametrize("dataset", DATASETS)
def test_truths_pass_through(dataset: str) -> None:
    share, detail = truths_kept_in(dataset)
    assert share >= TRUTH_WORDS_KEPT_FLOOR, f"below {TRUTH_WORDS_KEPT_FLOOR:.0%}: {detail}"


# -- text-mode accuracy floors -----------------------------------------------------------


def test_metric_sanity() -> None:
    metric = _metric()
    assert metric.page_counts("a b c d e", "a b c d e").precision() == 1.0
    assert metric.aggregate([metric.page_counts("a b c d e", "")]).f1 == 0.0


def test_scrapinghub_text_f1_floor() -> None:
    pages = list(scrapinghub_pages())
    assert len(pages) == 181
    f1, detail = text_mode_f1(pages)
    assert f1 >= SCRAPINGHUB_TEXT_F1_FLOOR, f"F1 below {SCRAPINGHUB_TEXT_F1_FLOOR}: {detail}"


def test_wcxb_article_text_f1_floor() -> None:
    pages = list(wcxb_article_pages())
    assert len(pages) >= 700
    f1, detail = text_mode_f1(pages)
    assert f1 >= WCXB_ARTICLE_TEXT_F1_FLOOR, f"F1 below {WCXB_ARTICLE_TEXT_F1_FLOOR}: {detail}"
