"""HTML-mode accuracy and speed of boilerstrip and its peers on the shared benchmark pages.

Run from the repository root:  python -m benchmarks.html_accuracy --help

Everything runs sequentially in one process on one core. Each page's raw bytes (the
gunzipped `html.gz`) are read before any timing starts; the clock runs around the extractor
call only, which includes decoding the bytes for every peer that wants a `str` (boilerstrip
decodes inside its own call too). `--rounds N` interleaves the extractors page by page, N
times over, and counts each page's fastest call (see benchmarks/timing.py).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import re
import resource
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import corpus, report, timing
from benchmarks import text_accuracy as text_mode

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
    text_mode.add_rounds_argument(parser)
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


def measure(
    built: dict[str, HtmlExtractor],
    pages: Sequence[corpus.Page],
    notes: list[str],
    rounds: int = 1,
) -> tuple[list[report.Row], dict[str, float]]:
    """Rows per extractor and page group, and each extractor's peak RSS growth per dataset
    (not measured when ``rounds`` interleaves the extractors)."""
    datasets = sorted({page.dataset for page in pages}, key=text_mode._DATASET_ORDER.index)
    rows: list[report.Row] = []
    peaks: dict[str, float] = {}
    always_reset = True
    for dataset in datasets:
        inputs = [(page, page.read_html_bytes()) for page in pages if page.dataset == dataset]
        if rounds > 1:
            print(
                f"running all, {rounds} rounds, on {len(inputs)} {dataset} pages ...",
                file=sys.stderr,
            )
            on_bytes = {name: _on_bytes(extract) for name, extract in built.items()}
            calls = timing.interleaved(on_bytes, inputs, rounds)
        else:
            calls = {}
            for name, extract in built.items():
                print(f"running {name} on {len(inputs)} {dataset} pages ...", file=sys.stderr)
                baseline, reset = start_peak()
                always_reset &= reset
                calls[name] = [timing.timed_call(extract, data) for _, data in inputs]
                peaks[f"{name}/{dataset}"] = peak_growth_mb(baseline, reset)
        for name in built:
            pairs = zip(inputs, calls[name], strict=True)
            outcomes = [text_mode.scored(page, len(data), call) for (page, data), call in pairs]
            notes += text_mode._failure_notes(f"{name} ({dataset})", outcomes)
            groups = text_mode.groups(outcomes).items()
            rows += [text_mode.summarise(name, label, group) for label, group in groups]
    if rounds > 1:
        notes.append("peak MB is not measured with --rounds: the extractors take turns")
    elif not always_reset:
        notes.append("peak MB is the growth of ru_maxrss: 0 unless a run set a new peak")
    order = {name: i for i, name in enumerate(built)}
    rows.sort(key=lambda row: (text_mode._DATASET_ORDER.index(row.dataset), order[row.extractor]))
    return rows, peaks


def _on_bytes(extract: HtmlExtractor) -> Callable[[tuple[corpus.Page, bytes]], str]:
    return lambda item: extract(item[1])


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
    rows, peaks = measure(built, pages, notes, args.rounds)
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
