"""Golden-corpus tests for HTML input: real pages from two public benchmarks, as fetched.

Each fixture in ``fixtures/html/`` is a page's HTML exactly as the benchmark ships it
(``<name>.html.gz``, gzipped bytes: ``clean()`` decodes them itself), the benchmark's true
main text (``<name>.truth.txt``) and a ``<name>.json`` listing snippets checked against both:

- ``must_keep``: verbatim pieces of the true main text (start, middle and end; subheadings,
  list items and table rows that belong to it); each must appear in ``clean(page_bytes)``
  (compared with runs of whitespace collapsed to one space on both sides).
- ``must_remove``: visible boilerplate of the page (menus, footers, cookie notices, share and
  comment prompts, related links ...) that is absent from the truth; none may appear in the
  output. Unlike the text corpus, HTML blocks need not match the lines the snippets came from,
  so this is a substring test on the collapsed output, bounded by non-word characters.
- ``known_gaps`` (optional): snippets of the two lists the library gets wrong today, each with
  the reason. Each is its own strict xfail: fixing one turns it red, and it then leaves
  ``known_gaps``. A gap is never added to make a test pass without saying why.

Two pinned floors cover the whole corpus: the share of all snippets handled correctly, and
the benchmark's shingle F1 (``benchmarks/metric.py``) of ``clean()`` against the truths; and
each page type has its own two floors (its snippets' share, its pages' mean F1).
Cleaning twice is not tested here: HTML in, text out, so a second pass is text mode.

Origins, licences and how the snippets were chosen: ``fixtures/html/SOURCES.md``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import boilerstrip

REPO: Path = Path(__file__).resolve().parents[1]
FIXTURE_DIR: Path = REPO / "fixtures" / "html"
MIN_FIXTURES: int = 49
MIN_LANGUAGES: int = 5
MIN_PAGE_TYPES: int = 5
KINDS: tuple[str, str] = ("must_keep", "must_remove")

# FLOORS MAY ONLY BE RAISED. Lowering one hides a regression; if a change costs accuracy, fix
# the change (or argue it in review), never the floor. First measured at commit 9474cc0 on
# the 35 pages here: 384 of 449 snippets right (0.855), shingle F1 0.775. Raised at 8ee2c26:
# 400 of 449 right (0.891, the known gaps being the rest); F1 0.811 (P 0.842, R 0.782).
# Set to 0.88 the same hour, knowingly: the first-<h1> anchor (metadata.find_page_metadata)
# keeps two product pages' purchase boxes (4 snippets lost, 2 won; 398 of 449, 0.886) while
# raising HTML F1 on all 1,337 wcxb-dev pages 0.803 -> 0.807 (product pages +0.029).
# Raised with the <noscript> reading and the repeated-records evidence (2026-12-07): 406 of
# 449 right (0.904), F1 0.821 (P 0.818, R 0.823).
# The corpus grew from 35 to 49 pages (later on 2026-12-07) so that each non-article type has
# 5: the 14 new forum, product, listing, collection, service and documentation pages are
# harder, and the whole-corpus figures are of a new population, re-measured: 584 of 656 right
# (0.890), F1 0.795 (P 0.795, R 0.795). The 35 earlier pages give 405 of 448 and F1 0.817
# here; the per-type floors below pin every type, so no type's regression hides in the mean.
SNIPPET_SHARE_FLOOR: float = 0.89
F1_FLOOR: float = 0.79  # the measured 0.7948, rounded down

# Types outside the article family the corpus must hold this many pages of (issue 12).
NON_ARTICLE_TYPES: tuple[str, ...] = (
    "forum",
    "product",
    "listing",
    "collection",
    "service",
    "documentation",
)
MIN_PAGES_PER_TYPE: int = 5
# Per page type: the share of its snippets handled right, and the mean of its pages' shingle
# F1, each measured on 2026-12-07 (49 pages) and set just below, to 0.01. FLOORS MAY ONLY BE
# RAISED, as above. Measured: share / mean F1 (pages).
TYPE_FLOORS: dict[str, tuple[float, float]] = {
    "article": (0.98, 0.97),  # 121/123 = 0.984 / 0.972 (10)
    "blog": (0.98, 0.98),  # 74/75 = 0.987 / 0.982 (6)
    "collection": (0.77, 0.51),  # 57/74 = 0.770 / 0.518 (5)
    "documentation": (0.90, 0.75),  # 60/66 = 0.909 / 0.760 (5)
    "forum": (0.94, 0.70),  # 66/70 = 0.943 / 0.709 (5)
    "listicle": (0.99, 0.94),  # 14/14 = 1.000 / 0.946 (1)
    "listing": (0.71, 0.38),  # 51/71 = 0.718 / 0.380 (5)
    "product": (0.81, 0.76),  # 67/82 = 0.817 / 0.763 (6)
    "service": (0.89, 0.81),  # 61/68 = 0.897 / 0.815 (5)
    "table": (0.99, 0.99),  # 13/13 = 1.000 / 0.995 (1)
}

_WS = re.compile(r"\s+")


def _collapse(s: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _WS.sub(" ", s).strip()


def _fixture_names() -> list[str]:
    return sorted(p.name.removesuffix(".json") for p in FIXTURE_DIR.glob("*.json"))


FIXTURES: list[str] = _fixture_names()


@cache
def _load(name: str) -> dict[str, Any]:
    with (FIXTURE_DIR / f"{name}.json").open(encoding="utf-8") as f:
        spec: dict[str, Any] = json.load(f)
    return spec


@cache
def _truth(name: str) -> str:
    return (FIXTURE_DIR / f"{name}.truth.txt").read_text(encoding="utf-8")


@cache
def _cleaned(name: str) -> str:
    """Run ``boilerstrip.clean`` once per fixture, on the page's undecoded bytes."""
    page = gzip.decompress((FIXTURE_DIR / f"{name}.html.gz").read_bytes())
    out = boilerstrip.clean(page)
    assert isinstance(out, str), f"[{name}] clean() returned {type(out).__name__}, not str"
    return out


def _metric() -> ModuleType:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import benchmarks.metric

    return benchmarks.metric


def _gaps(name: str, kind: str) -> list[dict[str, str]]:
    gaps: list[dict[str, str]] = _load(name).get("known_gaps", {}).get(kind, [])
    return gaps


def _expected(name: str, kind: str) -> list[str]:
    gapped = {g["snippet"] for g in _gaps(name, kind)}
    return [s for s in _load(name)[kind] if s not in gapped]


def _is_kept(snippet: str, output: str) -> bool:
    return _collapse(snippet) in _collapse(output)


def _occurs(snippet: str, output: str) -> bool:
    """True when ``snippet`` is in the collapsed output, not cut out of a longer word."""
    s = _collapse(snippet)
    head = r"(?<!\w)" if re.match(r"\w", s) else ""
    tail = r"(?!\w)" if re.search(r"\w$", s) else ""
    return re.search(head + re.escape(s) + tail, _collapse(output)) is not None


def _handled(kind: str, snippet: str, output: str) -> bool:
    if kind == "must_keep":
        return _is_kept(snippet, output)
    return not _occurs(snippet, output)


def test_corpus_size_languages_and_types() -> None:
    languages = {str(_load(n)["language"]) for n in FIXTURES}
    page_types = {str(_load(n)["page_type"]) for n in FIXTURES}
    assert len(FIXTURES) >= MIN_FIXTURES, (
        f"expected at least {MIN_FIXTURES} fixtures in {FIXTURE_DIR}, found {len(FIXTURES)}"
    )
    assert len(languages) >= MIN_LANGUAGES, f"too few languages: {sorted(languages)}"
    assert len(page_types) >= MIN_PAGE_TYPES, f"too few page types: {sorted(page_types)}"
    for name in FIXTURES:
        for suffix in (".html.gz", ".truth.txt"):
            assert (FIXTURE_DIR / f"{name}{suffix}").is_file(), f"[{name}] missing {name}{suffix}"


@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_snippets_agree_with_the_truth(name: str) -> None:
    # The annotations themselves: keep = in the truth, remove = not in it, gaps = listed ones.
    truth = _truth(name)
    spec = _load(name)
    assert spec["must_keep"] and spec["must_remove"], f"[{name}] empty snippet list"
    not_true = [s for s in spec["must_keep"] if not _is_kept(s, truth)]
    assert not not_true, f"[{name}] must_keep not in the truth: {not_true}"
    in_truth = [s for s in spec["must_remove"] if _occurs(s, truth)]
    assert not in_truth, f"[{name}] must_remove found in the truth: {in_truth}"
    for kind in KINDS:
        for gap in _gaps(name, kind):
            assert gap["snippet"] in spec[kind], f"[{name}] gap not in {kind}: {gap['snippet']!r}"
            assert gap["reason"].strip(), f"[{name}] gap without a reason: {gap['snippet']!r}"


@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_must_keep(name: str) -> None:
    output = _cleaned(name)
    missing = [s for s in _expected(name, "must_keep") if not _is_kept(s, output)]
    assert not missing, f"[{name}] body text missing from clean() output: " + "; ".join(
        repr(s) for s in missing
    )


@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_must_remove(name: str) -> None:
    output = _cleaned(name)
    kept = [s for s in _expected(name, "must_remove") if _occurs(s, output)]
    assert not kept, f"[{name}] boilerplate still in clean() output: " + "; ".join(
        repr(s) for s in kept
    )


GAPS: list[tuple[str, str, str, str]] = [
    (n, kind, g["snippet"], g["reason"]) for n in FIXTURES for kind in KINDS for g in _gaps(n, kind)
]


@pytest.mark.parametrize(
    ("name", "kind", "snippet"),
    [
        pytest.param(n, kind, s, marks=pytest.mark.xfail(strict=True, reason=reason))
        for n, kind, s, reason in GAPS
    ],
    ids=[f"{n}-{kind}-{i}" for i, (n, kind, _, _) in enumerate(GAPS)],
)
def test_known_gap_still_open(name: str, kind: str, snippet: str) -> None:
    assert _handled(kind, snippet, _cleaned(name)), f"[{name}] {kind}: {snippet!r}"


def test_snippet_share_floor() -> None:
    results = [
        _handled(kind, s, _cleaned(n)) for n in FIXTURES for kind in KINDS for s in _load(n)[kind]
    ]
    share = sum(results) / len(results)
    assert share >= SNIPPET_SHARE_FLOOR, (
        f"{sum(results)} of {len(results)} snippets right ({share:.3f}) "
        f"< floor {SNIPPET_SHARE_FLOOR}"
    )


def test_f1_floor() -> None:
    metric = _metric()
    counts = {n: metric.page_counts(_truth(n), _cleaned(n)) for n in FIXTURES}
    scores = metric.aggregate(counts.values())

    def f1(c: Any) -> float:
        p, r = c.precision() or 0.0, c.recall() or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    worst = sorted(counts, key=lambda n: f1(counts[n]))[:5]
    assert scores.f1 >= F1_FLOOR, (
        f"HTML corpus F1 {scores.f1:.4f} (P {scores.precision:.3f}, R {scores.recall:.3f}) "
        f"< floor {F1_FLOOR}; worst pages: " + ", ".join(f"{n} {f1(counts[n]):.2f}" for n in worst)
    )


def _page_f1(name: str) -> float:
    c = _metric().page_counts(_truth(name), _cleaned(name))
    p, r = c.precision() or 0.0, c.recall() or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _pages_of(page_type: str) -> list[str]:
    return [n for n in FIXTURES if _load(n)["page_type"] == page_type]


def test_every_non_article_type_has_enough_pages() -> None:
    counts = {t: len(_pages_of(t)) for t in NON_ARTICLE_TYPES}
    short = {t: n for t, n in counts.items() if n < MIN_PAGES_PER_TYPE}
    assert not short, f"fewer than {MIN_PAGES_PER_TYPE} fixture pages of: {short}"


def test_every_page_type_has_floors() -> None:
    types = {str(_load(n)["page_type"]) for n in FIXTURES}
    assert types == set(TYPE_FLOORS), (
        f"page types without floors: {sorted(types - set(TYPE_FLOORS))}; "
        f"floors without pages: {sorted(set(TYPE_FLOORS) - types)}"
    )


@pytest.mark.parametrize("page_type", sorted(TYPE_FLOORS), ids=sorted(TYPE_FLOORS))
def test_page_type_floors(page_type: str) -> None:
    share_floor, f1_floor = TYPE_FLOORS[page_type]
    names = _pages_of(page_type)
    results = [
        _handled(kind, s, _cleaned(n)) for n in names for kind in KINDS for s in _load(n)[kind]
    ]
    share = sum(results) / len(results)
    scores = {n: _page_f1(n) for n in names}
    mean_f1 = sum(scores.values()) / len(scores)
    assert share >= share_floor, (
        f"{page_type}: {sum(results)} of {len(results)} snippets right ({share:.3f}) "
        f"< floor {share_floor}"
    )
    assert mean_f1 >= f1_floor, (
        f"{page_type}: mean F1 {mean_f1:.4f} < floor {f1_floor}; pages: "
        + ", ".join(f"{n} {f:.2f}" for n, f in sorted(scores.items(), key=lambda x: x[1]))
    )
