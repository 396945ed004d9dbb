"""Golden-corpus tests for text mode: real scraped pages from two public benchmarks.

Each fixture in ``fixtures/text/`` is a page's plain-text rendering (``<name>.txt``) with a
``<name>.json`` listing snippets checked against the benchmark's ground truth:

- ``must_keep``: verbatim pieces of the article body; each must appear in the cleaned output
  (compared with runs of whitespace collapsed to one space on both sides).
- ``must_remove``: whole lines of obvious boilerplate; none may be a line of the output
  (output lines stripped and whitespace-collapsed, compared for equality).
- ``known_gaps`` (optional): snippets of the two lists the library gets wrong today, with
  the reason. They are checked by a strict xfail test: fixing one turns it red, and the
  snippet then moves out of ``known_gaps``. A gap is never added to make a test pass
  without saying why.

Origins and licences are listed in ``fixtures/text/SOURCES.md``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import boilerstrip

FIXTURE_DIR: Path = Path(__file__).parent.parent / "fixtures" / "text"
MIN_FIXTURES: int = 24
MIN_LANGUAGES: int = 6

_WS = re.compile(r"\s+")


def _collapse(s: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _WS.sub(" ", s).strip()


def _fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURE_DIR.glob("*.json"))


FIXTURES: list[str] = _fixture_names()


@cache
def _load(name: str) -> dict[str, Any]:
    with (FIXTURE_DIR / f"{name}.json").open(encoding="utf-8") as f:
        spec: dict[str, Any] = json.load(f)
    return spec


@cache
def _cleaned(name: str) -> str:
    """Run ``boilerstrip.clean`` once per fixture and cache the result."""
    text = (FIXTURE_DIR / f"{name}.txt").read_text(encoding="utf-8")
    out = boilerstrip.clean(text)
    assert isinstance(out, str), f"[{name}] clean() returned {type(out).__name__}, not str"
    return out


def test_corpus_size_and_languages() -> None:
    languages = {str(_load(n)["language"]) for n in FIXTURES}
    assert len(FIXTURES) >= MIN_FIXTURES, (
        f"expected at least {MIN_FIXTURES} fixtures in {FIXTURE_DIR}, found {len(FIXTURES)}"
    )
    assert len(languages) >= MIN_LANGUAGES, (
        f"expected at least {MIN_LANGUAGES} languages, found {sorted(languages)}"
    )
    for name in FIXTURES:
        assert (FIXTURE_DIR / f"{name}.txt").is_file(), f"[{name}] missing {name}.txt"


def _gaps(name: str, kind: str) -> list[str]:
    gaps: list[str] = _load(name).get("known_gaps", {}).get(kind, [])
    return gaps


def _expected(name: str, kind: str) -> list[str]:
    gaps = set(_gaps(name, kind))
    return [s for s in _load(name)[kind] if s not in gaps]


@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_must_keep(name: str) -> None:
    output = _collapse(_cleaned(name))
    missing = [s for s in _expected(name, "must_keep") if _collapse(s) not in output]
    assert not missing, f"[{name}] body text missing from clean() output: " + "; ".join(
        repr(s) for s in missing
    )


@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_must_remove(name: str) -> None:
    lines = {_collapse(line) for line in _cleaned(name).splitlines()}
    kept = [s for s in _expected(name, "must_remove") if _collapse(s) in lines]
    assert not kept, f"[{name}] boilerplate line still in clean() output: " + "; ".join(
        repr(s) for s in kept
    )


GAPPED: list[str] = [n for n in FIXTURES if "known_gaps" in _load(n)]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n, marks=pytest.mark.xfail(strict=True, reason=_load(n)["known_gaps"]["reason"])
        )
        for n in GAPPED
    ],
    ids=GAPPED,
)
def test_known_gaps_still_open(name: str) -> None:
    output = _cleaned(name)
    lines = {_collapse(line) for line in output.splitlines()}
    assert all(_collapse(s) in _collapse(output) for s in _gaps(name, "must_keep"))
    assert all(_collapse(s) not in lines for s in _gaps(name, "must_remove"))


def test_known_gaps_are_few() -> None:
    # The gaps are bookkeeping for honest failures, not a place to park them: keep them rare.
    snippets = sum(len(_gaps(n, "must_keep")) + len(_gaps(n, "must_remove")) for n in FIXTURES)
    total = sum(len(_load(n)["must_keep"]) + len(_load(n)["must_remove"]) for n in FIXTURES)
    assert snippets <= 0.05 * total, f"{snippets} of {total} snippets are known gaps"


# Cleaning a cleaned page must change nothing. A page that does not yet goes here with the
# reason, as a strict xfail. (The BBC page was one until its share-panel lines and link
# stopped opening the body.)
NOT_IDEMPOTENT_YET: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=[pytest.mark.xfail(strict=True, reason=NOT_IDEMPOTENT_YET[n])]
            if n in NOT_IDEMPOTENT_YET
            else [],
        )
        for n in FIXTURES
    ],
    ids=FIXTURES,
)
def test_cleaning_twice_changes_nothing(name: str) -> None:
    once = _cleaned(name)
    assert boilerstrip.clean(once) == once, f"[{name}] a second clean() changed the text"
