"""How well ``Metadata.page_type`` guesses the wcxb-dev pages' true types.

Run from the repository root:  python -m benchmarks.page_type [--limit N]

For HTML mode (the gunzipped page) and text mode (the shipped html-text rendering), each with
and without the page's URL, it prints a confusion matrix, every type's precision and recall,
and the accuracy overall and on each half of the pages. The rules were written looking at the
even-numbered pages only: the odd-numbered half is held out, and its figure is the honest
one. (Precision matters most for the types other than ``article``: filters act on them.)
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus
from boilerstrip.document import build_document
from boilerstrip.page_type import PageType, guess_page_type

TYPES = tuple(t.value for t in PageType)


@dataclass(frozen=True, slots=True)
class Labelled:
    page_id: str
    kind: str
    url: str | None
    html_path: Path
    text_path: Path


def wcxb_pages(root: Path) -> list[Labelled]:
    """Every wcxb-dev page with its true type and URL, sorted by id."""
    folder = root / "wcxb-dev"
    pages = []
    for truth in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(truth.read_text(encoding="utf-8"))
        page_id = truth.stem
        pages.append(
            Labelled(
                page_id,
                str(record["_internal"]["page_type"]["primary"]),
                record.get("url") or None,
                folder / "html" / f"{page_id}.html.gz",
                folder / "text" / f"{page_id}.txt",
            )
        )
    return pages


def guesses(pages: Sequence[Labelled], mode: str) -> tuple[list[str], list[str]]:
    """The guessed type of each page in ``mode`` ("html" or "text"), with and without its
    URL (each page is segmented once)."""
    with_url, without = [], []
    for page in pages:
        if mode == "html":
            source: str | bytes = gzip.decompress(page.html_path.read_bytes())
        else:
            source = page.text_path.read_text(encoding="utf-8")
        document = build_document(source, input_format=mode)
        with_url.append(guess_page_type(document, page.url).page_type.value)
        without.append(guess_page_type(document).page_type.value)
    return with_url, without


def accuracy(truth: Sequence[str], guessed: Sequence[str]) -> float:
    return sum(a == b for a, b in zip(truth, guessed, strict=True)) / max(len(truth), 1)


def table(truth: Sequence[str], guessed: Sequence[str]) -> str:
    """The confusion matrix (rows: true type) with each type's precision and recall."""
    pairs = Counter(zip(truth, guessed, strict=True))
    header = "  " + "true \\ guess".ljust(14) + "".join(f"{t[:6]:>7}" for t in TYPES)
    lines = [header + "   prec.  recall  (guessed)"]
    for kind in TYPES:
        row = [pairs[(kind, other)] for other in TYPES]
        hits = pairs[(kind, kind)]
        said = sum(pairs[(other, kind)] for other in TYPES)
        precision = f"{hits / said:6.2f}" if said else "     -"
        recall = f"{hits / sum(row):7.2f}" if sum(row) else "      -"
        cells = "".join(f"{n:7d}" for n in row)
        lines.append(f"  {kind:<14}{cells}   {precision}  {recall}  ({said})")
    return "\n".join(lines)


def report(pages: Sequence[Labelled], guessed: Sequence[str], title: str) -> str:
    truth = [p.kind for p in pages]
    even = [i for i, p in enumerate(pages) if int(p.page_id) % 2 == 0]
    odd = [i for i, p in enumerate(pages) if int(p.page_id) % 2 == 1]

    def part(indexes: list[int]) -> float:
        return accuracy([truth[i] for i in indexes], [guessed[i] for i in indexes])

    return (
        f"{title}\n{table(truth, guessed)}\n"
        f"  accuracy {accuracy(truth, guessed):.3f}; even ids (looked at) {part(even):.3f}, "
        f"odd ids (held out) {part(odd):.3f}; all-article baseline "
        f"{truth.count('article') / max(len(truth), 1):.3f}\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--mode", choices=("html", "text"), action="append", help="one mode")
    args = parser.parse_args(argv)
    root = corpus.present_root()
    if root is None:
        return 0
    pages = wcxb_pages(root)[: args.limit]
    for mode in args.mode or ("html", "text"):
        with_url, without = guesses(pages, mode)
        print(report(pages, with_url, f"{mode} mode, with the URL ({len(pages)} pages)"))
        print(report(pages, without, f"{mode} mode, without the URL ({len(pages)} pages)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
