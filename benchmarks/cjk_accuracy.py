"""HTML-mode accuracy on Chinese and Japanese pages, measured in characters.

Run from the repository root:  python -m benchmarks.cjk_accuracy --fetch

The scrapinghub metric tokenises with ``\\w+``, and Chinese and Japanese put no space between
words: a whole sentence is one token there, and a page's shingles are a handful of sentences
glued four at a time. Here each Han, Hiragana or Katakana character is a token of its own and
every other ``\\w+`` run (Latin words, numbers, Hangul words) is one; shingles, per-page
counts and F1 are the benchmark's own (``benchmarks.metric``). Pages and their expected texts:
``benchmarks.cjk_pages``. Korean pages are reported apart: Korean puts spaces between words, so
they check that nothing was lost there, not the character counting.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import regex

from benchmarks import cjk_pages, corpus, report, timing
from benchmarks import html_accuracy as html_mode
from benchmarks import text_accuracy as text_mode
from benchmarks.metric import PageCounts, aggregate, page_counts

# One token per ideograph or kana (the long-vowel mark ー is written with both kana, so its
# script is Common: named apart); any other run of word characters is one token.
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\u30fc"
_CJK_TOKEN = regex.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
DEFAULT_EXTRACTORS = ("boilerstrip", "trafilatura", "readability")
_ORDER = ("zh+ja", "zh", "ja")


def tokenize_cjk(text: str) -> list[str]:
    """The tokens of ``text``: each CJK character alone, other ``\\w+`` runs whole."""
    return list(_CJK_TOKEN.findall(text))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cjk_accuracy", description=__doc__)
    parser.add_argument(
        "--extractors",
        type=text_mode._name_list(html_mode.NAMES),
        default=list(DEFAULT_EXTRACTORS),
        help=f"comma-separated, from {','.join(html_mode.NAMES)} "
        f"(default: {','.join(DEFAULT_EXTRACTORS)})",
    )
    parser.add_argument(
        "--fetch",
        action="store_true",
        help="download the pinned source archives into the cache first (pip, PyPI)",
    )
    parser.add_argument(
        "--pages", action="store_true", help="also print every page's F1 per extractor"
    )
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    return parser.parse_args(argv)


def _row(
    name: str,
    label: str,
    counts: Sequence[PageCounts],
    calls: Sequence[timing.Call],
    pages: Sequence[cjk_pages.CjkPage],
) -> report.Row:
    return report.Row.scored(
        name,
        label,
        counts,
        seconds=sum(call.seconds for call in calls),
        size_bytes=sum(len(page.html) for page in pages),
        errors=sum(call.error is not None for call in calls),
    )


def _labels(page: cjk_pages.CjkPage) -> tuple[str, ...]:
    """The rows a page counts in: Korean apart; Chinese and Japanese all, by language, by source."""
    if page.language == "ko":
        return ("ko",)
    return ("zh+ja", page.language, f"cjk:{page.source}")


def _groups(pages: Sequence[cjk_pages.CjkPage]) -> list[tuple[str, list[int]]]:
    """Row labels with the positions of their pages, in the order the table lists them."""
    groups: dict[str, list[int]] = {}
    for position, page in enumerate(pages):
        for label in _labels(page):
            groups.setdefault(label, []).append(position)
    sources = sorted(label for label in groups if label.startswith("cjk:"))
    order = [*_ORDER, *sources, "ko"]
    return [(label, groups[label]) for label in order if label in groups]


def measure(
    built: dict[str, html_mode.HtmlExtractor], pages: Sequence[cjk_pages.CjkPage]
) -> tuple[list[report.Row], dict[str, list[PageCounts]]]:
    """The table's rows (group by group) and every extractor's per-page counts."""
    calls = timing.one_pass_each(built, [page.html for page in pages])
    counts = {
        name: [
            page_counts(page.truth, call.output, tokenize_cjk)
            for page, call in zip(pages, calls[name], strict=True)
        ]
        for name in built
    }
    rows = [
        _row(
            name,
            label,
            [counts[name][i] for i in members],
            [calls[name][i] for i in members],
            [pages[i] for i in members],
        )
        for label, members in _groups(pages)
        for name in built
    ]
    return rows, counts


def page_lines(pages: Sequence[cjk_pages.CjkPage], counts: dict[str, list[PageCounts]]) -> str:
    """Per page, each extractor's F1 (precision/recall in brackets)."""
    headers = ("source", "page", "lang", *counts)
    lines = [
        (page.source, page.page_id, page.language, *(_cell(counts[name][i]) for name in counts))
        for i, page in enumerate(pages)
    ]
    return report.format_text_table(headers, lines)


def _cell(counts: PageCounts) -> str:
    scores = aggregate([counts])
    return f"{scores.f1:.2f} ({scores.precision:.2f}/{scores.recall:.2f})"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    notes: list[str] = []
    cache = cjk_pages.cache_dir()
    if args.fetch:
        cjk_pages.fetch(cache, notes)
    pages = cjk_pages.load_all(cache, corpus.present_root(), notes)
    built = html_mode.build_extractors(args.extractors, notes)
    for note in notes:
        print(f"note: {note}")
    if not pages or not built:
        print("nothing to measure: no pages or no extractor", file=sys.stderr)
        return 0
    print(f"running {', '.join(built)} on {len(pages)} pages ...", file=sys.stderr, flush=True)
    rows, counts = measure(built, pages)
    print(report.text_table(rows))
    if args.markdown:
        print()
        print(report.markdown_table(rows))
    if args.pages:
        print()
        print(page_lines(pages, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
