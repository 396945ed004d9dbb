"""HTML-mode accuracy and speed of boilerstrip and its peers on the shared benchmark pages.

Run from the repository root:  python -m benchmarks.html_accuracy --help

Everything runs sequentially in one process on one core. Each page's raw bytes (the
gunzipped `html.gz`) are read before any timing starts; the clock runs around the extractor
call only, which includes decoding the bytes for every peer that wants a `str` (boilerstrip
decodes inside its own call too).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import corpus, report
from benchmarks import text_accuracy as text_mode
from benchmarks.metric import page_counts

HtmlExtractor = Callable[[bytes], str]

_MEGABYTE = 1_000_000
_WARM_UP = b"<html><body><p>Warm-up text. Imports and caches load before timing.</p></body></html>"
_HEADERS = (*report.HEADERS[:6], "pages/s", "MB/s", "peak MB", "errors")
_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _boilerstrip() -> HtmlExtractor:
    import boilerstrip

    return lambda data: str(boilerstrip.clean(data))


def _trafilatura(favor_precision: bool) -> Callable[[], HtmlExtractor]:
    def build() -> HtmlExtractor:
        import trafilatura

        # trafilatura warns on every page it finds too short; that would bury the table.
        logging.getLogger("trafilatura").setLevel(logging.ERROR)

        def extract(data: bytes) -> str:
            result = trafilatura.extract(
                corpus.decode_html(data),
                include_comments=False,
                include_tables=True,
                favor_precision=favor_precision,
            )
            return result or ""

        return extract

    return build


def _readability() -> HtmlExtractor:
    import lxml.html
    from readability import Document

    logging.getLogger("readability").setLevel(logging.ERROR)

    def extract(data: bytes) -> str:
        summary = lxml.html.fromstring(Document(corpus.decode_html(data)).summary())
        # Not text_content(): it glues the last word of a block to the next block's first
        # word, which costs readability about 0.01 F1 here for no fault of its own.
        return "\n".join(str(text) for text in summary.itertext())

    return extract


def _justext() -> HtmlExtractor:
    import justext

    stoplist = justext.get_stoplist("English")  # English only: no per-page language guess

    def extract(data: bytes) -> str:
        blocks = justext.justext(data, stoplist)
        return "\n".join(str(block.text) for block in blocks if not block.is_boilerplate)

    return extract


def _resiliparse() -> HtmlExtractor:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda data: str(extract_plain_text(corpus.decode_html(data), main_content=True))


def _boilerpy3() -> HtmlExtractor:
    from boilerpy3 import extractors as boilerpy

    # Its parse failures log a traceback each; the errors column counts them instead.
    logging.getLogger("boilerpy3").setLevel(logging.CRITICAL)
    # A fresh extractor per page, as its documentation shows.
    return lambda data: str(boilerpy.ArticleExtractor().get_content(corpus.decode_html(data)))


_FACTORIES: dict[str, Callable[[], HtmlExtractor]] = {
    "boilerstrip": _boilerstrip,
    "trafilatura": _trafilatura(favor_precision=False),
    "trafilatura-precision": _trafilatura(favor_precision=True),
    "readability": _readability,
    "justext": _justext,
    "resiliparse": _resiliparse,
    "boilerpy3": _boilerpy3,
}
NAMES: Sequence[str] = tuple(_FACTORIES)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.html_accuracy", description=__doc__)
    parser.add_argument("--dataset", choices=("scrapinghub", "wcxb", "all"), default="all")
    parser.add_argument(
        "--wcxb-types",
        type=text_mode._name_list((*corpus.WCXB_TYPES, "all")),
        default=["article"],
        help="comma-separated wcxb page types, or 'all' (default: article)",
    )
    parser.add_argument(
        "--extractors",
        type=text_mode._name_list(NAMES),
        default=list(NAMES),
        help=f"comma-separated, from {','.join(NAMES)} (default: all available)",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset, by id")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    return parser.parse_args(argv)


def build_extractors(names: Sequence[str], notes: list[str]) -> dict[str, HtmlExtractor]:
    """The named extractors that import here, each called once so that setup is not timed."""
    built: dict[str, HtmlExtractor] = {}
    for name in names:
        try:
            extract = _FACTORIES[name]()
        except Exception as error:  # ImportError, or a half-written package failing on import
            notes.append(f"skipped {name}: cannot import: {error!r}")
            continue
        with contextlib.suppress(Exception):  # the real run counts failures per page
            extract(_WARM_UP)
        built[name] = extract
    return built


def _status_kb(field: str) -> int | None:
    try:
        match = re.search(rf"^{field}:\s+(\d+) kB", _STATUS.read_text(), re.MULTILINE)
    except OSError:
        return None
    return int(match.group(1)) if match else None


def start_peak() -> tuple[int, bool]:
    """Reset the peak RSS if Linux allows it; return the baseline (kB) and whether it was reset."""
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5")  # "5" resets VmHWM (peak RSS) to the current RSS
        if (rss := _status_kb("VmRSS")) is not None:
            return rss, True
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, False


def peak_growth_mb(baseline: int, reset: bool) -> float:
    """How far the peak RSS rose above `baseline` since `start_peak`, in MB (10^6 bytes)."""
    peak = _status_kb("VmHWM") if reset else None
    if peak is None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return max(peak - baseline, 0) * 1024 / _MEGABYTE


def run(
    extract: HtmlExtractor, inputs: Sequence[tuple[corpus.Page, bytes]]
) -> list[text_mode.Outcome]:
    """Extract every page, timing only the extractor call; a failure scores as empty output."""
    outcomes: list[text_mode.Outcome] = []
    for page, data in inputs:
        error = None
        start = time.perf_counter()
        try:
            output = extract(data)
        except Exception as exception:  # counted and reported per row
            output, error = "", repr(exception)
        seconds = time.perf_counter() - start
        counts = page_counts(page.truth, output)
        outcomes.append(text_mode.Outcome(page, counts, seconds, len(data), error))
    return outcomes


def measure(
    built: dict[str, HtmlExtractor], pages: Sequence[corpus.Page], notes: list[str]
) -> tuple[list[report.Row], dict[str, float]]:
    """Rows per extractor and page group, and each extractor's peak RSS growth per dataset."""
    datasets = sorted({page.dataset for page in pages}, key=text_mode._DATASET_ORDER.index)
    rows: list[report.Row] = []
    peaks: dict[str, float] = {}
    always_reset = True
    for dataset in datasets:
        inputs = [(page, page.read_html_bytes()) for page in pages if page.dataset == dataset]
        for name, extract in built.items():
            print(f"running {name} on {len(inputs)} {dataset} pages ...", file=sys.stderr)
            baseline, reset = start_peak()
            always_reset &= reset
            outcomes = run(extract, inputs)
            peaks[f"{name}/{dataset}"] = peak_growth_mb(baseline, reset)
            notes += text_mode._failure_notes(f"{name} ({dataset})", outcomes)
            groups = text_mode.groups(outcomes).items()
            rows += [text_mode.summarise(name, label, group) for label, group in groups]
    if not always_reset:
        notes.append("peak MB is the growth of ru_maxrss: 0 unless a run set a new peak")
    order = {name: i for i, name in enumerate(built)}
    rows.sort(key=lambda row: (text_mode._DATASET_ORDER.index(row.dataset), order[row.extractor]))
    return rows, peaks


def _cells(row: report.Row, peaks: dict[str, float]) -> tuple[str, ...]:
    dataset = corpus.WCXB if row.dataset.startswith(corpus.WCXB) else row.dataset
    peak = peaks.get(f"{row.extractor}/{dataset}")
    cells = row.cells()
    return (*cells[:8], "-" if peak is None else f"{peak:.0f}", cells[8])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    root = corpus.present_root()
    if root is None:
        return 0
    notes: list[str] = []
    built = build_extractors(args.extractors, notes)
    pages = text_mode.select_pages(args, root, notes)
    rows, peaks = measure(built, pages, notes)
    for note in notes:
        print(f"note: {note}")
    lines = [_cells(row, peaks) for row in rows]
    print(report.format_text_table(_HEADERS, lines))
    if args.markdown:
        print()
        print(report.format_markdown_table(_HEADERS, lines))
    ratios = report.ratio_lines(report.speed_ratios(rows), unit="pages/s")
    if ratios:
        print()
        print("\n".join(ratios))
    if args.json:
        settings = {key: str(v) if isinstance(v, Path) else v for key, v in vars(args).items()}
        extra = {"mode": "html", "peak_rss_growth_mb": peaks}
        report.write_json(args.json, rows, settings, notes, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
