"""Does memory stay flat when one process cleans many pages? Peak and current RSS by count.

Cleans ``--pages`` pages in a loop, cycling over the scrapinghub and wcxb text pages (or the
fixtures when the data sets are absent), each made unique by a counter line appended, so no
cache keyed on the text could help. Prints peak RSS (``ru_maxrss``) and current RSS
(``/proc/self/statm``) after 1k, 5k and 10k pages (10%, 50% and 100% of ``--pages``) and the
growth from the first checkpoint to the last.

    python -m benchmarks.memory --pages 10000
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import boilerstrip
from benchmarks.corpus import datasets_root

_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"


def load_pages() -> tuple[str, list[str]]:
    """Where the pages come from, and their texts (read once, before any measurement)."""
    root = datasets_root()
    paths = sorted((root / "scrapinghub" / "text").glob("*.txt"))
    paths += sorted((root / "wcxb-dev" / "text").glob("*.txt"))
    source = f"{len(paths)} data set pages under {root}"
    if not paths:
        paths = sorted(_FIXTURES.glob("*.txt"))
        source = f"{len(paths)} fixture pages (data sets not found under {root})"
    return source, [p.read_text(encoding="utf-8") for p in paths]


def peak_rss_kb() -> int:
    """Peak resident set size of this process so far (KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def current_rss_kb() -> int:
    """Resident set size now, from ``/proc/self/statm`` (0 where there is no /proc)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def checkpoints(pages: int) -> list[int]:
    """1k, 5k and 10k for 10,000 pages: 10%, 50% and 100% of the count in general."""
    return sorted({max(1, pages // 10), max(1, pages // 2), pages})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=10_000, help="how many pages to clean")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")

    source, texts = load_pages()
    print(f"cleaning {args.pages:,} pages cycled over {source}")
    marks = checkpoints(args.pages)
    print(f"{'pages':>7} {'peak RSS MB':>12} {'current RSS MB':>15} {'seconds':>8}")
    peaks: dict[int, int] = {}
    currents: dict[int, int] = {}
    started = time.perf_counter()
    for count in range(1, args.pages + 1):
        text = texts[(count - 1) % len(texts)]
        boilerstrip.clean(f"{text}\n\nPage {count} of the memory benchmark.", max_bytes=None)
        if count in marks:
            peaks[count], currents[count] = peak_rss_kb(), current_rss_kb()
            print(
                f"{count:>7,} {peaks[count] / 1024:>12.1f} {currents[count] / 1024:>15.1f} "
                f"{time.perf_counter() - started:>8.1f}",
                flush=True,
            )
    first, last = marks[0], marks[-1]
    if first != last:
        peak_growth = 100 * (peaks[last] - peaks[first]) / peaks[first]
        print(f"growth {first:,} -> {last:,} pages: peak RSS {peak_growth:+.1f}%", end="")
        if currents[first]:
            now_growth = 100 * (currents[last] - currents[first]) / currents[first]
            print(f", current RSS {now_growth:+.1f}%")
        else:
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
