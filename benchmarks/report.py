"""Result rows and their presentation: aligned text table, Markdown table, speed ratios, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from benchmarks.metric import PageCounts, aggregate

# The tool whose speed the ratios are stated for.
SUBJECT = "boilerstrip"
# A no-op's docs/s only measures the loop around it, so a ratio against it means nothing.
NO_RATIO = frozenset({"identity"})

_PACKAGES = (
    "boilerstrip",
    "justext",
    "trafilatura",
    "html-text",
    "inscriptis",
    "beautifulsoup4",
    "lxml",
    "readability-lxml",
    "resiliparse",
    "boilerpy3",
)

HEADERS = (
    "extractor",
    "dataset",
    "docs",
    "F1",
    "precision",
    "recall",
    "docs/s",
    "MB/s",
    "errors",
)
_MEGABYTE = 1_000_000
_LEFT_ALIGNED = 2  # the first two columns hold names; the rest are numbers


@dataclass(frozen=True, slots=True)
class Row:
    """One extractor's accuracy and speed on one group of pages."""

    extractor: str
    dataset: str
    docs: int
    f1: float
    precision: float
    recall: float
    docs_per_s: float
    mb_per_s: float
    errors: int

    @classmethod
    def scored(
        cls,
        extractor: str,
        dataset: str,
        counts: Iterable[PageCounts],
        seconds: float,
        size_bytes: int,
        errors: int,
    ) -> Row:
        """The row of pages whose metric counts, extraction time and input size are these."""
        counted = list(counts)
        scores = aggregate(counted)
        megabytes = size_bytes / _MEGABYTE
        return cls(
            extractor=extractor,
            dataset=dataset,
            docs=len(counted),
            f1=scores.f1,
            precision=scores.precision,
            recall=scores.recall,
            docs_per_s=len(counted) / seconds if seconds else 0.0,
            mb_per_s=megabytes / seconds if seconds else 0.0,
            errors=errors,
        )

    def cells(self) -> tuple[str, ...]:
        return (
            self.extractor,
            self.dataset,
            str(self.docs),
            f"{self.f1:.3f}",
            f"{self.precision:.3f}",
            f"{self.recall:.3f}",
            f"{self.docs_per_s:.1f}",
            f"{self.mb_per_s:.2f}",
            str(self.errors),
        )


def text_table(rows: Sequence[Row]) -> str:
    """An aligned plain-text table of `rows`."""
    return format_text_table(HEADERS, [row.cells() for row in rows])


def markdown_table(rows: Sequence[Row]) -> str:
    """A Markdown table of `rows`, numbers right-aligned."""
    return format_markdown_table(HEADERS, [row.cells() for row in rows])


def format_text_table(headers: Sequence[str], lines: Sequence[Sequence[str]]) -> str:
    """Align `lines` of cells under `headers`: the first two columns left, the rest right."""
    grid = [tuple(headers), *(tuple(line) for line in lines)]
    widths = [max(len(line[column]) for line in grid) for column in range(len(headers))]
    text = ["  ".join(_pad(cell, widths[i], i) for i, cell in enumerate(line)) for line in grid]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in text)


def format_markdown_table(headers: Sequence[str], lines: Sequence[Sequence[str]]) -> str:
    """A Markdown table of `lines` under `headers`, numbers right-aligned."""
    rule = ["---" if i < _LEFT_ALIGNED else "---:" for i in range(len(headers))]
    grid = [tuple(headers), tuple(rule), *(tuple(line) for line in lines)]
    return "\n".join("| " + " | ".join(line) + " |" for line in grid)


def _pad(cell: str, width: int, column: int) -> str:
    return cell.ljust(width) if column < _LEFT_ALIGNED else cell.rjust(width)


def speed_ratios(rows: Sequence[Row]) -> dict[str, dict[str, float]]:
    """Per dataset, the subject's docs/s divided by each peer's docs/s in the same run."""
    subject = {row.dataset: row.docs_per_s for row in rows if row.extractor == SUBJECT}
    ratios: dict[str, dict[str, float]] = {}
    for row in rows:
        if row.extractor == SUBJECT or row.extractor in NO_RATIO or row.dataset not in subject:
            continue
        if row.docs_per_s > 0:
            ratios.setdefault(row.dataset, {})[row.extractor] = (
                subject[row.dataset] / row.docs_per_s
            )
    return ratios


def ratio_lines(ratios: dict[str, dict[str, float]], unit: str = "docs/s") -> list[str]:
    """One line per dataset, e.g. `scrapinghub: boilerstrip is 4.1x justext, 9.8x trafilatura`."""
    return [
        f"{dataset}: {SUBJECT} is "
        + ", ".join(f"{ratio:.3g}x {peer}" for peer, ratio in peers.items())
        + f" ({unit})"
        for dataset, peers in ratios.items()
    ]


def package_versions() -> dict[str, str]:
    """Installed versions of the extractor and converter packages, for the record."""
    versions: dict[str, str] = {}
    for package in _PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return versions


def write_json(
    path: Path,
    rows: Sequence[Row],
    settings: dict[str, object],
    notes: Sequence[str],
    extra: Mapping[str, object] | None = None,
) -> None:
    """Dump the settings, package versions, rows, ratios and notes of a run, plus `extra`."""
    document: dict[str, object] = {
        "settings": settings,
        "versions": package_versions(),
        "rows": [asdict(row) for row in rows],
        "speed_ratios": speed_ratios(rows),
        "notes": list(notes),
        **(extra or {}),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
