"""Many pages at once: ``clean_many`` and ``extract_many`` over worker processes.

Both read any iterable lazily, keep a bounded number of pages in flight (memory stays flat
over millions of pages) and yield one ``PageResult`` per source in input order. A page that
fails (wrong type, too large, past its ``timeout``, a user filter raising) becomes a result
with ``error`` set; the batch goes on. Results are those of ``clean``/``extract`` called page
by page with the same options.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Generic, Literal, TypeVar

from boilerstrip.document import DEFAULT_MAX_BYTES
from boilerstrip.errors import BoilerstripError, InputTypeError, InvalidOptionError
from boilerstrip.pipeline import Pipeline
from boilerstrip.pool import ordered_map
from boilerstrip.progress import Progress, progress_bar
from boilerstrip.render import render_text
from boilerstrip.result import Result
from boilerstrip.segment.html_meta import is_web_url
from boilerstrip.template import SiteTemplate, host_of, learn_templates_by_host

T = TypeVar("T")
Identifier = str | int
# Where a record (a mapping) keeps its page, tried in this order unless ``page_key`` says.
PAGE_KEYS = ("html", "text", "page", "content")
# Pages per task sent to a worker: enough that the cost of a round trip (~0.1 ms) vanishes
# beside a page's (~10-50 ms), few enough that order is kept without holding many pages.
DEFAULT_CHUNKSIZE = 8
# Chunks in flight per worker: one running, the rest queued so no worker waits for work
# while the oldest chunk (whose results must come out first) is still being cleaned.
_CHUNKS_PER_JOB = 4
_OPTIONS = (
    "favor", "timeout", "max_bytes", "language", "input_format", "url", "pipeline", "template",
)
# templates="per_host": learn a site template per host from the batch itself, first.
PER_HOST = "per_host"


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One page of a batch and what identifies it: ``id`` and ``url`` are carried into its
    result; ``url`` (when an absolute http(s) URL) is also the page's address for
    ``extract``, in place of the batch's ``url=`` option, and ``input_format`` (when set)
    replaces the batch's for this page (an archive mixes HTML responses and WET text)."""

    page: object
    id: Identifier | None = None
    url: str | None = None
    input_format: str | None = None


@dataclass(frozen=True, slots=True)
class PageResult(Generic[T]):
    """The outcome for one source: ``value`` (clean text or ``Result``) or an ``error``.

    ``index`` is the source's position in the input; ``error_type`` names the exception
    (``"InputTooLargeError"``, ``"ExtractionTimeoutError"``, ...) when the page failed.
    """

    index: int
    id: Identifier | None
    url: str | None
    value: T | None
    error: str | None = None
    error_type: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def as_item(source: object, page_key: str | None = None) -> BatchItem:
    """``source`` as a ``BatchItem``: a page (``str``, ``bytes`` ...) stands for itself; a
    mapping holds it under ``page_key`` (default: the first of "html", "text", "page",
    "content" it has) with optional "id" and "url"."""
    if isinstance(source, BatchItem):
        return source
    if not isinstance(source, Mapping):
        return BatchItem(source)
    keys = (page_key,) if page_key is not None else PAGE_KEYS
    found = next((key for key in keys if key in source), None)
    if found is None:
        raise InputTypeError(
            f"record has no page under {' or '.join(map(repr, keys))}; "
            f"its keys are {sorted(map(str, source))[:10]}"
        )
    return BatchItem(source[found], *identity_of(source))


def identity_of(source: object) -> tuple[Identifier | None, str | None]:
    """The id and url of a source: a record's "id" (a str or int, else its str) and "url"
    (when a str); a bare page has neither."""
    if isinstance(source, BatchItem):
        return source.id, source.url
    if not isinstance(source, Mapping):
        return None, None
    ident, url = source.get("id"), source.get("url")
    if ident is not None and not isinstance(ident, (str, int)):
        ident = str(ident)
    return ident, url if isinstance(url, str) else None


@dataclass(frozen=True, slots=True)
class _Job(Generic[T]):
    """What every worker does to a page: the pipeline, the options, text or ``Result``."""

    pipeline: Pipeline
    options: Mapping[str, object]
    render: bool
    page_key: str | None
    # Site templates by host (``template.host_of``): each page gets its site's.
    templates: Mapping[str, SiteTemplate] | None = None

    def run(self, index: int, source: object) -> PageResult[T]:
        ident, url = identity_of(source)
        try:
            item = as_item(source, self.page_key)
            options = dict(self.options)
            if url is not None and is_web_url(url):
                options["url"] = url
                if self.templates is not None:
                    options["template"] = self.templates.get(host_of(url))
            if item.input_format is not None:
                options["input_format"] = item.input_format
            result = self.pipeline.extract(item.page, **options)  # type: ignore[arg-type]
            value = render_text(result) if self.render else result
            return PageResult(index, ident, url, value)  # type: ignore[arg-type]
        except Exception as error:
            # Any failure, even a bug in a user filter, is this page's result: one bad page
            # of a long batch must not lose the others.
            return PageResult(index, ident, url, None, _message(error), type(error).__name__)


def _message(error: Exception) -> str:
    if isinstance(error, BoilerstripError):
        return str(error)
    return f"unexpected {type(error).__name__}: {error}"


def _run_chunk(job: _Job[T], chunk: list[tuple[int, object]]) -> list[PageResult[T]]:
    return [job.run(index, source) for index, source in chunk]


def _lost_chunk(chunk: list[tuple[int, object]], why: str) -> list[PageResult[T]]:
    """Error results for the pages of a chunk whose worker died."""
    return [
        PageResult(index, *identity_of(source), None, f"page lost: {why}", "WorkerLostError")
        for index, source in chunk
    ]


def clean_many(
    sources: Iterable[object],
    *,
    jobs: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: bool | Literal["auto"] = False,
    page_key: str | None = None,
    **options: object,
) -> Generator[PageResult[str], None, None]:
    """The clean body of each source, in input order, as ``PageResult``s (``value``: text).

    A generator: pages are read as results are asked for; ``close()`` it (or let it go) to
    stop early, which ends its worker processes.

    ``sources`` holds pages (``str``/``bytes``), ``BatchItem``s or records (mappings with the
    page under ``page_key`` and optional "id" and "url"). ``options`` are those of ``clean``
    and are checked before any work. ``jobs`` worker processes (``None``: one per core;
    ``1``: in this process, where pipelines need not pickle) take ``chunksize`` pages at a
    time. ``timeout`` applies to each page, in its worker. ``progress`` draws a tqdm bar on
    standard error (``"auto"``: when it is a terminal and tqdm is installed).
    ``templates`` gives each record with a URL its site's template (``SiteTemplate``): a
    mapping of host (``template.host_of``) to template, or ``"per_host"`` to learn them from
    the batch itself in a first pass (``sources`` must then be a sequence: it is read twice).
    """
    return _many(sources, jobs, chunksize, progress, page_key, options, render=True)


def extract_many(
    sources: Iterable[object],
    *,
    jobs: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: bool | Literal["auto"] = False,
    page_key: str | None = None,
    **options: object,
) -> Generator[PageResult[Result], None, None]:
    """``extract`` of each source, in input order (``value``: the ``Result``); see
    ``clean_many`` for the sources and options."""
    return _many(sources, jobs, chunksize, progress, page_key, options, render=False)


def _many(
    sources: Iterable[object],
    jobs: int | None,
    chunksize: int,
    progress: bool | Literal["auto"],
    page_key: str | None,
    options: dict[str, object],
    *,
    render: bool,
) -> Generator[PageResult[T], None, None]:
    # Everything is checked here, at the call, so a bad option fails before any page runs
    # and before the (lazy) generator below is first advanced.
    if isinstance(sources, (str, bytes, bytearray, Mapping, BatchItem)):
        # Iterating one page would clean it character by character (or key by key).
        raise InvalidOptionError(
            f"sources must be an iterable of pages, got one {type(sources).__name__}; "
            "pass [page] for a single page, or use clean()/extract()"
        )
    workers = _checked_jobs(jobs)
    _positive("chunksize", chunksize)
    pipeline = options.pop("pipeline", None)
    chosen = Pipeline.default() if pipeline is None else _checked_pipeline(pipeline)
    templates = options.pop("templates", None)
    checked = _checked_options(options)
    if templates == PER_HOST:
        sources = _reiterable(sources)
        templates = _learned_by_host(sources, page_key, checked)
    job: _Job[T] = _Job(chosen, checked, render, page_key, _checked_templates(templates))
    if workers > 1:
        _check_picklable(job)
    bar = progress_bar(progress, _length(sources))
    return _results(job, iter(sources), workers, chunksize, bar)


def _results(
    job: _Job[T], sources: Iterator[object], jobs: int, chunksize: int, bar: Progress
) -> Generator[PageResult[T], None, None]:
    with bar:
        if jobs == 1:
            for index, source in enumerate(sources):
                result: PageResult[T] = job.run(index, source)
                bar.update(result.ok)
                yield result
            return
        numbered = enumerate(sources)
        chunks = iter(lambda: list(islice(numbered, chunksize)), [])
        run = partial(_run_chunk, job)
        window = _CHUNKS_PER_JOB * jobs
        for results in ordered_map(run, chunks, jobs=jobs, window=window, lost=_lost_chunk):
            for result in results:
                bar.update(result.ok)
                yield result


# --- checking the call -----------------------------------------------------------------------
def _checked_jobs(jobs: object) -> int:
    if jobs is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # no sched_getaffinity outside Linux
            return os.cpu_count() or 1
    return _positive("jobs", jobs)


def _positive(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidOptionError(f"{name} must be a whole number of at least 1, got {value!r}")
    return value


def _checked_pipeline(pipeline: object) -> Pipeline:
    if not isinstance(pipeline, Pipeline):
        raise InvalidOptionError(
            f"pipeline must be a boilerstrip.Pipeline, got {type(pipeline).__name__}"
        )
    return pipeline


def _checked_options(options: dict[str, object]) -> dict[str, object]:
    """The options of ``extract``, checked once by running them on an empty page through an
    empty pipeline: the same checks as every page's, and no user code runs."""
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise InvalidOptionError(
            f"unknown option {unknown[0]!r}; the options are {', '.join(_OPTIONS)}, jobs, "
            "chunksize, progress and page_key"
        )
    timeout = options.get("timeout")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout < 0
    ):
        raise InvalidOptionError(f"timeout must be seconds (>= 0) or None, got {timeout!r}")
    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    if max_bytes is not None and (
        isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0
    ):
        raise InvalidOptionError(f"max_bytes must be a byte count or None, got {max_bytes!r}")
    # Without the timeout: timeout=0 is a valid option that would fail even the empty page.
    trial = {name: value for name, value in options.items() if name != "timeout"}
    Pipeline([]).extract("", **trial)  # type: ignore[arg-type]
    return options


def _reiterable(sources: Iterable[object]) -> Sequence[object]:
    """Learning per host reads the batch twice: an iterator is refused rather than used up."""
    if isinstance(sources, Sequence):
        return sources
    raise InvalidOptionError(
        'templates="per_host" reads the sources twice (learn, then clean): pass a list or '
        "another sequence, not a one-pass iterable"
    )


def _learned_by_host(
    sources: Sequence[object], page_key: str | None, options: Mapping[str, object]
) -> dict[str, SiteTemplate]:
    """The first pass: a template per host from the records that have an http(s) URL."""
    pairs: list[tuple[str, object]] = []
    for source in sources:
        item = as_item(source, page_key)
        if item.url is not None and is_web_url(item.url):
            pairs.append((item.url, item.page))
    input_format = options.get("input_format", "auto")
    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    return learn_templates_by_host(
        pairs,
        input_format=input_format if isinstance(input_format, str) else "auto",
        max_bytes=max_bytes if isinstance(max_bytes, int) else DEFAULT_MAX_BYTES,
    )


def _checked_templates(templates: object) -> Mapping[str, SiteTemplate] | None:
    if templates is None:
        return None
    if isinstance(templates, Mapping) and all(
        isinstance(k, str) and isinstance(v, SiteTemplate) for k, v in templates.items()
    ):
        return dict(templates)
    raise InvalidOptionError(
        'templates must be "per_host", a mapping of host to SiteTemplate, or None; got '
        f"{type(templates).__name__}"
    )


def _check_picklable(job: _Job[T]) -> None:
    """Worker processes receive the pipeline pickled; say which filter cannot be."""
    try:
        pickle.dumps(job)
        return
    except Exception as error:
        culprit = next((f.name for f in job.pipeline.filters if not _pickles(f)), None)
        what = f"filter {culprit!r}" if culprit else "the batch's options"
        raise InvalidOptionError(
            f"{what} cannot be sent to worker processes ({type(error).__name__}: {error}); "
            "a lambda or a function defined inside another cannot be pickled. Define it at "
            "module level (or register a filter class), or pass jobs=1 to run in this process"
        ) from None


def _pickles(obj: object) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:
        return False
    return True


def _length(sources: Iterable[object]) -> int | None:
    """How many sources there are, when that is known without reading them."""
    try:
        return len(sources)  # type: ignore[arg-type]
    except TypeError:
        return None
