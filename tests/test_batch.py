"""``clean_many``/``extract_many``: order, identity with ``clean``, errors as results, workers.

Pools start slowly, so the multi-process tests use few pages and small chunks (several chunks
in flight, as in a real batch).
"""

from __future__ import annotations

import gzip
import itertools
import os
import pickle
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip import (
    BatchItem,
    Block,
    Context,
    InvalidOptionError,
    MissingExtraError,
    PageResult,
    Pipeline,
    clean_many,
    extract_many,
)
from boilerstrip.render import render_json

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PROSE = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools and roads."
)


@cache
def pages() -> tuple[bytes | str, ...]:
    """Six fixture pages: three HTML pages as fetched (bytes), three text pages (str)."""
    html = [gzip.decompress(p.read_bytes()) for p in sorted(FIXTURES.glob("html/*.html.gz"))]
    text = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("text/*.txt"))]
    return (*html[:3], *text[:3])


# Module-level rules: worker processes receive them by reference, as users' would be.
def fails_on_marker(block: Block) -> str | None:
    if "BOOM" in block.text:
        raise ValueError("the rule broke")
    return None


def spins_on_marker(block: Block, ctx: Context) -> str | None:
    """Loops until the call's deadline stops it: a timeout that cannot pass unnoticed."""
    while "SPIN" in block.text:
        ctx.check_deadline()
    return None


def names_its_process(block: Block) -> str | None:
    return f"pid {os.getpid()}" if block.text == "WHO" else None


def exits_on_marker(block: Block) -> str | None:
    if block.text == "DIE":
        os._exit(3)  # a worker killed mid-page (out of memory, a crash in an extension)
    return None


# --- identity and order ----------------------------------------------------------------------
@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_many_equals_clean_page_by_page_in_order(jobs: int) -> None:
    sources = list(pages()) * 2
    results = list(clean_many(sources, jobs=jobs, chunksize=2))
    assert [r.index for r in results] == list(range(len(sources)))
    assert all(r.ok and r.error is None for r in results)
    assert [r.value for r in results] == [boilerstrip.clean(s) for s in sources]


def test_extract_many_equals_extract_with_the_same_options() -> None:
    options = {"favor": "precision", "url": "https://example.com/news/1"}
    results = list(extract_many(pages(), jobs=2, chunksize=1, **options))
    expected = [render_json(boilerstrip.extract(s, **options)) for s in pages()]  # type: ignore[arg-type]
    assert [render_json(r.value) for r in results if r.value is not None] == expected


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab .\n<p>"), max_size=60), max_size=6))
def test_in_process_batch_is_clean_of_each(texts: list[str]) -> None:
    assert [r.value for r in clean_many(texts, jobs=1)] == [boilerstrip.clean(t) for t in texts]


def test_records_carry_their_id_and_url() -> None:
    records = [
        {"id": 7, "url": "https://example.com/a", "html": f"<p>{PROSE}</p>"},
        {"id": "b", "url": "not a web address", "text": PROSE},
        BatchItem(PROSE, id="c"),
    ]
    results = list(extract_many(records, jobs=1))
    assert [(r.id, r.url, r.ok) for r in results] == [
        (7, "https://example.com/a", True),
        ("b", "not a web address", True),
        ("c", None, True),
    ]
    # A web URL is the page's address; anything else is only carried through.
    assert results[0].value is not None and results[0].value.metadata.url == "https://example.com/a"
    assert results[1].value is not None and results[1].value.metadata.url is None


def test_page_key_names_the_field_of_records() -> None:
    records = [{"body": PROSE, "html": "<p>not this</p>"}]
    (result,) = clean_many(records, jobs=1, page_key="body")
    assert result.value == PROSE


def test_results_pickle() -> None:
    (result,) = extract_many([PROSE], jobs=1)
    again = pickle.loads(pickle.dumps(result))
    assert isinstance(again, PageResult) and again.value is not None
    assert render_json(again.value) == render_json(boilerstrip.extract(PROSE))


# --- errors are results ----------------------------------------------------------------------
@pytest.mark.parametrize("jobs", [1, 2])
def test_failing_pages_are_results_and_the_batch_goes_on(jobs: int) -> None:
    pipeline = Pipeline.default().add(fails_on_marker)
    sources: list[object] = [None, 5, "x" * 2000, {"id": 1, "title": "no page"}, "BOOM", PROSE]
    results = list(clean_many(sources, jobs=jobs, chunksize=2, max_bytes=1000, pipeline=pipeline))
    assert [r.error_type for r in results] == [
        "InputTypeError", "InputTypeError", "InputTooLargeError", "InputTypeError",
        "ValueError", None,
    ]  # fmt: skip
    assert [r.ok for r in results] == [False] * 5 + [True]
    assert results[3].id == 1 and "no page under 'html'" in str(results[3].error)
    assert results[4].error == "unexpected ValueError: the rule broke"
    assert results[5].value == PROSE


@pytest.mark.parametrize("jobs", [1, 2])
def test_timeout_is_per_page_and_enforced_where_the_page_runs(jobs: int) -> None:
    pipeline = Pipeline.default().add(spins_on_marker, before="metadata")
    sources = [PROSE, "SPIN", PROSE]
    results = list(clean_many(sources, jobs=jobs, chunksize=1, timeout=0.05, pipeline=pipeline))
    assert [r.error_type for r in results] == [None, "ExtractionTimeoutError", None]
    assert "timeout of 0.05 s" in str(results[1].error)


@pytest.mark.parametrize("jobs", [1, 2])
def test_jobs_1_runs_in_this_process_and_jobs_2_in_workers(jobs: int) -> None:
    pipeline = Pipeline.default().add(names_its_process, before="metadata")
    results = list(extract_many(["WHO\n\n" + PROSE] * 3, jobs=jobs, chunksize=1, pipeline=pipeline))
    reasons = {r.value.removed[0].reason for r in results if r.value is not None}
    assert len(results) == 3
    assert (f"pid {os.getpid()}" in reasons) is (jobs == 1)


def test_a_dead_worker_loses_its_pages_not_the_batch() -> None:
    pipeline = Pipeline.default().add(exits_on_marker, before="metadata")
    sources = [PROSE, "DIE", *[PROSE] * 12]
    results = list(clean_many(sources, jobs=2, chunksize=1, pipeline=pipeline))
    assert [r.index for r in results] == list(range(len(sources)))
    assert results[1].error_type == "WorkerLostError"
    assert "worker process died" in str(results[1].error)
    # Pages read after the loss was seen run in a fresh pool (window: 4 chunks per job).
    assert all(r.value == PROSE for r in results[1 + 8 + 1 :])


def test_pages_that_cannot_be_pickled_run_in_this_process() -> None:
    lxml_html = pytest.importorskip("lxml.html", reason="lxml builds the parsed pages")
    trees = [lxml_html.fromstring(f"<html><body><p>{PROSE} {n}</p></body></html>") for n in (1, 2)]
    results = list(clean_many(trees, jobs=2, chunksize=1))
    assert [r.value for r in results] == [boilerstrip.clean(t) for t in trees]


# --- laziness --------------------------------------------------------------------------------
class Counted:
    """An endless stream of pages that counts how many were read."""

    def __init__(self) -> None:
        self.read = 0

    def __iter__(self) -> Iterator[str]:
        for n in itertools.count():
            self.read += 1
            yield f"{PROSE} Page {n}."


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_endless_input_is_read_a_window_at_a_time(jobs: int) -> None:
    stream = Counted()
    batch = clean_many(stream, jobs=jobs, chunksize=3)
    assert stream.read == 0  # nothing read before the first result is asked for
    first = list(itertools.islice(batch, 5))
    batch.close()  # stopping early shuts the pool down
    assert [r.value for r in first] == [f"{PROSE} Page {n}." for n in range(5)]
    window = 1 if jobs == 1 else 4 * jobs * 3 + 3
    assert 5 <= stream.read <= max(5, window)


# --- checking the call -----------------------------------------------------------------------
def untouchable() -> Iterator[str]:
    raise AssertionError("a bad option must fail before any page is read")
    yield ""  # pragma: no cover


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"favor": "fast"}, "favor must be one of"),
        ({"input_format": "xml"}, "input_format must be one of"),
        ({"url": "ftp://example.com"}, "url must be an absolute http"),
        ({"timeout": -1}, "timeout must be seconds"),
        ({"max_bytes": "big"}, "max_bytes must be"),
        ({"jobs": 0}, "jobs must be a whole number"),
        ({"chunksize": 0}, "chunksize must be a whole number"),
        ({"pipeline": ["navigation"]}, "pipeline must be a boilerstrip.Pipeline"),
        ({"pipeline": []}, "pipeline must be a boilerstrip.Pipeline, got list"),
        ({"progress": "sometimes"}, "progress must be True, False or 'auto'"),
        ({"colour": True}, "unknown option 'colour'"),
    ],
)
def test_bad_options_fail_at_the_call(options: dict[str, object], message: str) -> None:
    for function in (clean_many, extract_many):
        with pytest.raises(InvalidOptionError, match=message):
            function(untouchable(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("single", [PROSE, PROSE.encode(), {"text": PROSE}])
def test_one_page_instead_of_an_iterable_of_pages_is_refused(single: object) -> None:
    with pytest.raises(InvalidOptionError, match=r"an iterable of pages.*\[page\]"):
        clean_many(single)  # type: ignore[arg-type]


def test_unpicklable_pipeline_is_refused_for_workers_but_runs_in_process() -> None:
    pipeline = Pipeline.default().add(lambda block: None, name="inline")
    with pytest.raises(InvalidOptionError, match=r"filter 'inline' cannot be sent.*jobs=1"):
        clean_many(untouchable(), jobs=2, pipeline=pipeline)
    assert [r.value for r in clean_many([PROSE], jobs=1, pipeline=pipeline)] == [PROSE]


def test_registered_pipeline_pickles_for_workers() -> None:
    pipeline = Pipeline.default().without("navigation").add(fails_on_marker)
    results = list(clean_many(pages()[:2], jobs=2, pipeline=pipeline))
    assert [r.value for r in results] == [pipeline.clean(s) for s in pages()[:2]]


# --- progress --------------------------------------------------------------------------------
def test_progress_bar_counts_pages_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm", reason="the progress bar is the 'progress' extra (tqdm)")
    results = list(clean_many([PROSE, None, PROSE], jobs=1, progress=True))
    assert len(results) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "3/3" in captured.err and "page" in captured.err and "failed=1" in captured.err


def test_auto_progress_stays_off_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert len(list(clean_many([PROSE], jobs=1, progress="auto"))) == 1
    assert capsys.readouterr().err == ""


def test_progress_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    with pytest.raises(MissingExtraError, match=r"boilerstrip\[progress\]"):
        clean_many(untouchable(), progress=True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert len(list(clean_many([PROSE], jobs=1, progress="auto"))) == 1


def test_per_host_templates_remove_what_repeats_across_a_sites_pages() -> None:
    # A line no built-in filter removes: only its repeating on every page of the site tells.
    banner = "The Riverside Gazette is written and printed by the people of the valley since 1921."
    pages = [
        {
            "id": i,
            "url": f"https://www.example.com/story/{i}",
            "text": f"{banner}\n\nStory {i}: the river rose by {i} metres overnight, and the "
            "town's volunteers, who had worked since dawn, moved the last families to the "
            "school on the hill before the bridge closed.",
        }
        for i in range(6)
    ]
    plain = [r.value for r in boilerstrip.clean_many(pages, jobs=1)]
    learned = [r.value for r in boilerstrip.clean_many(pages, jobs=1, templates="per_host")]
    assert all(banner in (body or "") for body in plain)
    assert all(banner not in (body or "") for body in learned)
    assert all(f"Story {i}:" in (body or "") for i, body in enumerate(learned))


def test_per_host_templates_need_a_sequence_and_templates_a_mapping() -> None:
    with pytest.raises(boilerstrip.InvalidOptionError, match="sequence"):
        boilerstrip.clean_many(iter(["a page"]), templates="per_host")
    with pytest.raises(boilerstrip.InvalidOptionError, match="templates must be"):
        boilerstrip.clean_many(["a page"], templates="every page")
