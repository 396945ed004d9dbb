"""Text-mode accuracy and speed of boilerstrip and its peers on the shared benchmark pages.

Run from the repository root:  python -m benchmarks.text_accuracy --help

Everything runs sequentially in one process on one core. Input text is prepared (read from the
shipped `text/` files, or rendered from the HTML with `--converter`) before any timing starts;
the clock runs around the extractor calls only. With `--rounds N` the extractors take each
page in turn, N times over, and each page counts its fastest call (see benchmarks/timing.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import converters, corpus, extractors, report, timing
from benchmarks.metric import PageCounts, page_counts

# Rows list scrapinghub, then each wcxb type, then all selected wcxb pages together.
_DATASET_ORDER = (
    corpus.SCRAPINGHUB,
    *(f"wcxb:{kind}" for kind in corpus.WCXB_TYPES),
    corpus.WCXB,
)


@dataclass(frozen=True, slots=True)
class Input:
    """A page with the text handed to the extractors and that text's UTF-8 size."""

    page: corpus.Page
    text: str
    size: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """One extractor's result on one page."""

    page: corpus.Page
    counts: PageCounts
    seconds: float
    size: int
    error: str | None  # the exception's repr when the extractor raised


def _name_list(choices: Sequence[str]) -> Callable[[str], list[str]]:
    def parse(value: str) -> list[str]:
        names = [name.strip() for name in value.split(",") if name.strip()]
        unknown = [name for name in names if name not in choices]
        if unknown:
            raise argparse.ArgumentTypeError(
                f"unknown {', '.join(unknown)}; choose from {', '.join(choices)}"
            )
        return names

    return parse


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.text_accuracy", description=__doc__)
    parser.add_argument("--dataset", choices=("scrapinghub", "wcxb", "all"), default="all")
    parser.add_argument(
        "--wcxb-types",
        type=_name_list((*corpus.WCXB_TYPES, "all")),
        default=["article"],
        help="comma-separated wcxb page types, or 'all' (default: article)",
    )
    parser.add_argument(
        "--extractors",
        type=_name_list(extractors.NAMES),
        default=list(extractors.NAMES),
        help=f"comma-separated, from {','.join(extractors.NAMES)} (default: all available)",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset, by id")
    parser.add_argument(
        "--converter",
        choices=converters.NAMES,
        default=converters.SHIPPED,
        help="render the HTML to text with this converter instead of reading the shipped text/",
    )
    add_rounds_argument(parser)
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    return parser.parse_args(argv)


def add_rounds_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rounds",
        type=_positive,
        default=1,
        help="time every page N times with the extractors taking each page in turn, and "
        "count its fastest call (default 1: one pass per extractor, one after the other)",
    )


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


def timed_calls(
    built: Mapping[str, Callable[[Input], str]], items: Sequence[Input], rounds: int
) -> dict[str, list[timing.Call]]:
    """Every extractor's calls on ``items``: a pass each, or interleaved over ``rounds``."""
    if rounds > 1:
        return timing.interleaved(built, items, rounds)
    return timing.one_pass_each(built, items)


def select_pages(args: argparse.Namespace, root: Path, notes: list[str]) -> list[corpus.Page]:
    """The pages of the requested datasets that are present under `root`."""
    pages: list[corpus.Page] = []
    if args.dataset in ("scrapinghub", "all"):
        if (root / "scrapinghub").is_dir():
            pages += corpus.load_scrapinghub(root)[: args.limit]
        else:
            notes.append(f"skipped scrapinghub: {root / 'scrapinghub'} is missing")
    if args.dataset in ("wcxb", "all"):
        kinds = corpus.WCXB_TYPES if "all" in args.wcxb_types else tuple(args.wcxb_types)
        if (root / "wcxb-dev").is_dir():
            pages += corpus.load_wcxb(root, frozenset(kinds))[: args.limit]
        else:
            notes.append(f"skipped wcxb: {root / 'wcxb-dev'} is missing")
    return pages


def prepare_inputs(
    pages: Sequence[corpus.Page], converter_name: str, notes: list[str]
) -> list[Input]:
    """Read or render every page's input text, so that none of this work is timed."""
    if converter_name == converters.SHIPPED:
        texts = [page.read_text() for page in pages]
    else:
        texts = _convert_all(pages, converters.build(converter_name), notes)
    return [
        Input(page, text, len(text.encode("utf-8")))
        for page, text in zip(pages, texts, strict=True)
    ]


def _convert_all(
    pages: Sequence[corpus.Page], convert: converters.Converter, notes: list[str]
) -> list[str]:
    texts: list[str] = []
    for page in pages:
        try:
            texts.append(convert(page.read_html()))
        except Exception as error:  # one bad page must not end the run
            notes.append(f"converter failed on {page.dataset}/{page.page_id}: {error!r}")
            texts.append("")
    return texts


def build_extractors(names: Sequence[str], notes: list[str]) -> dict[str, extractors.Extractor]:
    built: dict[str, extractors.Extractor] = {}
    for name in names:
        try:
            built[name] = extractors.build(name)
        except extractors.ExtractorUnavailable as error:
            notes.append(f"skipped {name}: {error}")
    return built


def scored(page: corpus.Page, size: int, call: timing.Call) -> Outcome:
    """The outcome of one call on ``page`` (``size`` input bytes), scored against its truth."""
    return Outcome(page, page_counts(page.truth, call.output), call.seconds, size, call.error)


def groups(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    """Rows to report: scrapinghub, each wcxb page type, and all wcxb pages when types differ."""
    grouped: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        page = outcome.page
        label = page.dataset if page.dataset == corpus.SCRAPINGHUB else f"wcxb:{page.kind}"
        grouped.setdefault(label, []).append(outcome)
    wcxb = [outcome for outcome in outcomes if outcome.page.dataset == corpus.WCXB]
    if len({outcome.page.kind for outcome in wcxb}) > 1:
        grouped[corpus.WCXB] = wcxb
    return grouped


def summarise(extractor: str, dataset: str, outcomes: Sequence[Outcome]) -> report.Row:
    return report.Row.scored(
        extractor,
        dataset,
        (outcome.counts for outcome in outcomes),
        seconds=sum(outcome.seconds for outcome in outcomes),
        size_bytes=sum(outcome.size for outcome in outcomes),
        errors=sum(outcome.error is not None for outcome in outcomes),
    )


def measure(
    built: dict[str, extractors.Extractor],
    inputs: Sequence[Input],
    notes: list[str],
    rounds: int = 1,
) -> list[report.Row]:
    rows: list[report.Row] = []
    names = ", ".join(built)
    print(f"running {names} on {len(inputs)} pages ...", file=sys.stderr, flush=True)
    texts = {name: _on_text(extract) for name, extract in built.items()}
    calls = timed_calls(texts, inputs, rounds)
    for name in built:
        outcomes = [
            scored(item.page, item.size, call)
            for item, call in zip(inputs, calls[name], strict=True)
        ]
        notes += _failure_notes(name, outcomes)
        rows += [summarise(name, label, group) for label, group in groups(outcomes).items()]
    return sorted(rows, key=lambda row: _DATASET_ORDER.index(row.dataset))


def _on_text(extract: extractors.Extractor) -> Callable[[Input], str]:
    return lambda item: extract(item.text)


def _failure_notes(name: str, outcomes: Sequence[Outcome]) -> list[str]:
    # The first failure is usually enough to start debugging; the count shows how widespread.
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    if not failed:
        return []
    first = failed[0]
    where = f"{first.page.dataset}/{first.page.page_id}"
    count = f"{len(failed)} of {len(outcomes)} pages"
    return [f"{name} raised on {count} (scored as empty); first: {where}: {first.error}"]


def print_results(rows: Sequence[report.Row], notes: Sequence[str], markdown: bool) -> None:
    for note in notes:
        print(f"note: {note}")
    print(report.text_table(rows))
    if markdown:
        print()
        print(report.markdown_table(rows))
    ratios = report.ratio_lines(report.speed_ratios(rows))
    if ratios:
        print()
        print("\n".join(ratios))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    root = corpus.present_root()
    if root is None:
        return 0
    notes: list[str] = []
    built = build_extractors(args.extractors, notes)
    pages = select_pages(args, root, notes)
    try:
        inputs = prepare_inputs(pages, args.converter, notes)
    except ImportError as error:
        print(f"converter {args.converter} is unavailable: {error}")
        return 1
    rows = measure(built, inputs, notes, args.rounds)
    print_results(rows, notes, args.markdown)
    if args.json:
        settings: dict[str, object] = {
            key: str(value) if isinstance(value, Path) else value
            for key, value in vars(args).items()
        }
        report.write_json(args.json, rows, settings, notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
