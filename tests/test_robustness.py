"""Robustness: threads, processes, hash seeds, no state between calls, nothing lost, limits."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import re
import subprocess
import sys
import textwrap
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

import boilerstrip
from boilerstrip.document import DEFAULT_MAX_BYTES
from boilerstrip.render import render_json

if TYPE_CHECKING:  # imported for real in _passthrough(), once the repository is on sys.path
    from benchmarks.passthrough import Body

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures" / "text"
PATHS = sorted(FIXTURES.glob("*.txt"))
WORD = re.compile(r"\w+")

# Run in a fresh interpreter: the sha256 of each fixture's clean() output, in the order given.
_HASH_SCRIPT = """
import hashlib, json, sys
from pathlib import Path
import boilerstrip
paths = [Path(p) for p in json.loads(sys.argv[1])]
print(json.dumps({p.name: hashlib.sha256(
    boilerstrip.clean(p.read_text(encoding="utf-8")).encode("utf-8")).hexdigest()
    for p in paths}))
"""


def _texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in PATHS}


def _layouts() -> dict[str, str]:
    """Every fixture as shipped, plus three re-laid out: hard-wrapped and flattened to a line.

    These take the segmenter's other paths (wrapped lines joined, long lines cut into
    sentences), where words could be lost or doubled.
    """
    layouts = {p.stem: p.read_text(encoding="utf-8") for p in PATHS}
    for path in PATHS[:3]:
        lines = path.read_text(encoding="utf-8").splitlines()
        wrapped = "\n\n".join(textwrap.fill(line, 72) for line in lines if line.strip())
        layouts[f"{path.stem}-wrapped"] = wrapped
        layouts[f"{path.stem}-one-line"] = " ".join(lines)
    return layouts


LAYOUTS = _layouts()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def _json_of(text: str) -> str:
    return render_json(boilerstrip.extract(text))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    assert len(PATHS) >= 20, f"expected the text fixtures in {FIXTURES}"
    return _texts()


@pytest.fixture(scope="module")
def sequential(texts: dict[str, str]) -> dict[str, str]:
    """clean() of every fixture, called one after another in this process."""
    return {name: boilerstrip.clean(text) for name, text in texts.items()}


# --- threads and processes -------------------------------------------------------------------
def test_eight_threads_give_the_sequential_outputs(
    texts: dict[str, str], sequential: dict[str, str]
) -> None:
    jobs = [name for name in texts for _ in range(3)]
    random.Random(7).shuffle(jobs)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show up
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            outputs = list(pool.map(lambda name: boilerstrip.clean(texts[name]), jobs))
    finally:
        sys.setswitchinterval(interval)
    mismatched = sorted({n for n, out in zip(jobs, outputs, strict=True) if out != sequential[n]})
    assert mismatched == []


def test_eight_threads_give_the_sequential_json(texts: dict[str, str]) -> None:
    names = sorted(texts)
    expected = {name: _json_of(texts[name]) for name in names}
    with ThreadPoolExecutor(max_workers=8) as pool:
        outputs = list(pool.map(lambda name: _json_of(texts[name]), names * 2))
    assert [out == expected[n] for n, out in zip(names * 2, outputs, strict=True)] == [True] * (
        2 * len(names)
    )


def test_process_pool_gives_the_sequential_outputs(
    texts: dict[str, str], sequential: dict[str, str]
) -> None:
    names = sorted(texts)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        outputs = list(pool.map(boilerstrip.clean, [texts[n] for n in names], chunksize=4))
    assert dict(zip(names, outputs, strict=True)) == {n: sequential[n] for n in names}


# --- determinism and no state between calls -------------------------------------------------
def _hashes_in_subprocess(paths: list[Path], seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _HASH_SCRIPT, json.dumps([str(p) for p in paths])],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    hashes: dict[str, str] = json.loads(done.stdout)
    return hashes


def test_same_output_across_hash_seeds_and_processes(sequential: dict[str, str]) -> None:
    in_process = {name: _sha(out) for name, out in sequential.items()}
    for seed in ("0", "1", "random"):
        assert _hashes_in_subprocess(PATHS, seed) == in_process, f"PYTHONHASHSEED={seed}"


def test_order_of_calls_does_not_matter(sequential: dict[str, str]) -> None:
    """Each page cleaned after a different predecessor (reversed, in a fresh process)."""
    in_process = {name: _sha(out) for name, out in sequential.items()}
    assert _hashes_in_subprocess(PATHS[::-1], "123") == in_process


def test_repeated_calls_give_identical_results(texts: dict[str, str]) -> None:
    for text in texts.values():
        first = _json_of(text)
        assert _json_of(text) == first
        assert _json_of(text) == first


def test_page_after_another_page_is_as_alone(texts: dict[str, str]) -> None:
    names = sorted(texts)
    alone = {name: _json_of(texts[name]) for name in names}
    rng = random.Random(3)
    for name in names:
        before = rng.choice([n for n in names if n != name])
        _json_of(texts[before])
        boilerstrip.clean(texts[before] * 3, favor="recall")
        assert _json_of(texts[name]) == alone[name], f"{name} after {before}"


# --- nothing lost ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_kept_and_removed_blocks_account_for_every_word(name: str) -> None:
    result = boilerstrip.extract(LAYOUTS[name])
    blocks = result.document.blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))
    removed = [d.block for d in result.removed]
    assert all(blocks[b.index] is b for b in removed), "a removed block not of the document"
    assert all(blocks[b.index] is b for b in result.kept), "a kept block not of the document"
    together = sorted([*result.kept, *removed], key=lambda b: b.index)
    assert [b.index for b in together] == list(range(len(blocks))), "blocks lost or doubled"
    assert [b for b, _ in result.verdicts()] == list(blocks)

    # Every word of the normalised text is in exactly one block (as a multiset).
    in_blocks: Counter[str] = Counter()
    for block in blocks:
        in_blocks += _words(block.text)
    assert in_blocks == _words(result.document.text)

    # Offsets map each block back to the words of the normalised text it came from.
    for block in blocks:
        span = result.document.text[block.start : block.end]
        assert WORD.findall(span) == WORD.findall(block.text), f"block {block.index} offsets"


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_json_body_and_removed_account_for_every_word(name: str) -> None:
    result = boilerstrip.extract(LAYOUTS[name])
    data = json.loads(render_json(result))
    entries = data["removed"]
    assert [e["block"] for e in entries] == [d.block.index for d in result.removed]
    assert [e["text"] for e in entries] == [d.block.text for d in result.removed]
    assert all(e["category"] and e["code"] and e["filter"] for e in entries)
    accounted = _words(data["body"])
    for entry in entries:
        accounted += _words(entry["text"])
    assert accounted == _words(result.document.text)
    assert data["body"] == boilerstrip.clean(LAYOUTS[name])


# Clean article bodies wrapped in a plain HTML page must come through: the share of their words
# that survive (benchmarks/passthrough.py, mode html; text mode is tests/test_datasets.py's).
# Measured when pinned: scrapinghub 0.9921 (all 181 bodies), wcxb-dev articles 0.9960 (the
# 250-body sample below; all 709: 0.9920). Issue 4 asks for 0.99; where the rest goes is in
# docs/benchmarks.md. FLOORS MAY ONLY BE RAISED: a change that loses body text is fixed, not
# the floor.
HTML_WRAPPED_KEPT_FLOORS = {"scrapinghub": 0.99, "wcxb": 0.99}
WCXB_WRAPPED_SAMPLE = 250


def _passthrough() -> ModuleType:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import benchmarks.passthrough

    return benchmarks.passthrough


def _wrapped_bodies(dataset: str) -> list[Body]:
    """The dataset's true bodies (a fixed sample of wcxb's, chosen by a hash of the id)."""
    passthrough = _passthrough()
    from benchmarks.corpus import datasets_root

    root = datasets_root()
    needed = {"scrapinghub": root / "scrapinghub", "wcxb": root / "wcxb-dev" / "ground-truth"}
    if not needed[dataset].exists():
        pytest.skip(f"benchmark data not found at {needed[dataset]} (see tests/test_datasets.py)")
    bodies: list[Body] = passthrough.load_bodies(root, dataset)
    if dataset == "wcxb":
        by_hash = sorted(bodies, key=lambda b: hashlib.sha256(b.page_id.encode()).hexdigest())
        bodies = by_hash[:WCXB_WRAPPED_SAMPLE]
    return bodies


@pytest.mark.parametrize("dataset", sorted(HTML_WRAPPED_KEPT_FLOORS))
def test_true_bodies_wrapped_in_html_pass_through(dataset: str) -> None:
    passthrough = _passthrough()
    bodies = _wrapped_bodies(dataset)
    assert len(bodies) == (181 if dataset == "scrapinghub" else WCXB_WRAPPED_SAMPLE)
    outcomes = [passthrough.measure(body, "html") for body in bodies]
    micro, _ = passthrough.shares(outcomes)
    floor = HTML_WRAPPED_KEPT_FLOORS[dataset]
    causes, pages = passthrough.causes(outcomes, 5), passthrough.worst(outcomes, 5)
    detail = "\n".join([passthrough.summary(outcomes), *causes, *pages])
    assert micro >= floor, f"{micro:.4f} of the words kept, below {floor}:\n{detail}"


# --- limits ----------------------------------------------------------------------------------
def test_max_bytes_rejects_large_text_and_bytes(texts: dict[str, str]) -> None:
    big = "".join(texts.values())
    assert len(big) > 100_000
    with pytest.raises(boilerstrip.InputTooLargeError, match="max_bytes"):
        boilerstrip.clean(big, max_bytes=1000)
    with pytest.raises(boilerstrip.InputTooLargeError):
        boilerstrip.clean(big.encode("utf-8"), max_bytes=1000)
    assert boilerstrip.clean("a" * 1000, max_bytes=1000) == boilerstrip.clean("a" * 1000)
    with pytest.raises(boilerstrip.InputTooLargeError):
        boilerstrip.clean("a" * 1001, max_bytes=1000)


def test_default_max_bytes_rejects_a_huge_input() -> None:
    with pytest.raises(boilerstrip.InputTooLargeError):
        boilerstrip.clean(b"a" * (DEFAULT_MAX_BYTES + 1))


def test_timeout_stops_a_ten_megabyte_input(texts: dict[str, str]) -> None:
    page = "\n\n".join(texts.values())
    huge = (page * (10_000_000 // len(page) + 1))[:10_000_000]
    with pytest.raises(boilerstrip.ExtractionTimeoutError):
        boilerstrip.clean(huge, max_bytes=None, timeout=0.001)
    with pytest.raises(boilerstrip.ExtractionTimeoutError):
        boilerstrip.extract(huge.encode("utf-8"), max_bytes=None, timeout=0.001)


def test_generous_timeout_changes_nothing(
    texts: dict[str, str], sequential: dict[str, str]
) -> None:
    for name in sorted(texts)[:5]:
        assert boilerstrip.clean(texts[name], timeout=300) == sequential[name]
