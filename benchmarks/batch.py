"""Batch throughput and memory: ``clean_many`` with jobs=1 and jobs=2 on the data set pages.

1. Speed: the scrapinghub and wcxb-dev HTML pages (as fetched, bytes) cleaned by
   ``clean_many(jobs=1)`` and ``clean_many(jobs=2)``, in turn, ``--rounds`` times, the best
   round of each counting (the machine is shared: a slow spell should not land on one side
   only); pages/s, the speed-up, and the CPU seconds used per wall second (below the jobs
   count when other programs take the cores). Each output is checked against ``clean()``
   called page by page: they must be identical.
2. Memory: ``clean_many(jobs=2)`` over ``--pages`` pages (the same pages cycled, each made
   unique by a paragraph with its number, handed over by a generator) with the memory of
   the parent and its workers added up at 10%, 50% and 100% of the count, as proportional
   set size (PSS: a page the forked workers share with the parent counts once, where RSS
   would count it in every process), and the highest such sum seen (sampled every 100
   pages). Flat means the batch does not grow with its length.

    python -m benchmarks.batch                 # all pages, 10,000 for memory
    python -m benchmarks.batch --limit 200 --pages 2000   # a quick look
    python -m benchmarks.batch --pages 0 --rounds 3       # speed only, best of 3

The machine is shared: the speed-up moves with what else runs; take the best of a few runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import boilerstrip
from benchmarks.corpus import WCXB_TYPES, load_scrapinghub, load_wcxb, present_root
from benchmarks.memory import checkpoints


def load_pages(root: Path, limit: int | None) -> list[bytes]:
    """The HTML of every scrapinghub and wcxb-dev page, as fetched (gunzipped bytes)."""
    pages = load_scrapinghub(root) + load_wcxb(root, frozenset(WCXB_TYPES))
    return [page.read_html_bytes() for page in pages[:limit]]


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its (finished) children."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_batch(pages: Sequence[bytes], jobs: int) -> tuple[float, float, list[str | None]]:
    """Seconds for ``clean_many`` over ``pages`` (pool start included), CPU seconds used
    meanwhile, and the outputs."""
    cpu, start = cpu_seconds(), time.perf_counter()
    outputs = [r.value for r in boilerstrip.clean_many(pages, jobs=jobs)]
    # The pool has ended when the generator is spent: its workers' CPU time is counted.
    return time.perf_counter() - start, cpu_seconds() - cpu, outputs


def sequential(pages: Sequence[bytes]) -> list[str | None]:
    """``clean`` page by page, a failure as ``None`` as ``clean_many`` reports it."""
    outputs: list[str | None] = []
    for page in pages:
        try:
            outputs.append(boilerstrip.clean(page))
        except boilerstrip.BoilerstripError:
            outputs.append(None)
    return outputs


# --- memory of a process tree ----------------------------------------------------------------
def pss_kb(pid: int) -> int:
    """The proportional set size of process ``pid`` in KB, from ``/proc/PID/smaps_rollup``
    (RSS from ``status`` where the kernel has no rollup); 0 when the process is gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            text = Path(f"/proc/{pid}/{name}").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the pool's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The command name, in parentheses, may hold spaces: the fields follow the last ')'.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def tree_kb() -> tuple[int, int]:
    """PSS summed over this process and its children, and how many processes."""
    pids = [os.getpid(), *children(os.getpid())]
    return sum(map(pss_kb, pids)), len(pids)


def numbered(pages: Sequence[bytes], count: int) -> Iterator[bytes]:
    """``count`` pages cycled over ``pages``, each unique (no cache keyed on a page helps)."""
    for n in range(count):
        yield pages[n % len(pages)] + f"<p>Page {n} of the batch benchmark.</p>".encode()


def memory_rows(pages: Sequence[bytes], count: int, jobs: int) -> list[tuple[int, int, int, int]]:
    """(pages done, PSS now, highest PSS so far, processes) at each checkpoint, KB, parent
    and workers together."""
    marks = set(checkpoints(count))
    rows = []
    highest = 0
    # A generator: the batch reads its pages as it goes, as a real one over a file would.
    for done, _ in enumerate(boilerstrip.clean_many(numbered(pages, count), jobs=jobs), 1):
        if done % 100 == 0 or done in marks:
            now, processes = tree_kb()
            highest = max(highest, now)
            if done in marks:
                rows.append((done, now, highest, processes))
    return rows


# --- the command ------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, help="use only the first N pages for speed")
    parser.add_argument("--pages", type=int, default=10_000, help="pages for the memory run")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds; the best counts")
    args = parser.parse_args(argv)
    root = present_root()
    if root is None:
        return 0
    pages = load_pages(root, args.limit)
    megabytes = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} HTML pages ({megabytes:.1f} MB), {os.cpu_count()} cores")
    speed_table(pages, max(1, args.rounds))
    if args.pages > 0:  # --pages 0: speed only
        print(f"\nmemory: clean_many(jobs=2) over {args.pages:,} pages cycled over {len(pages)}")
        memory_table(memory_rows(pages, args.pages, jobs=2))
    return 0


def speed_table(pages: Sequence[bytes], rounds: int) -> None:
    reference = sequential(pages)
    best: dict[int, tuple[float, float]] = {}
    identical: dict[int, bool] = {1: True, 2: True}
    for _ in range(rounds):
        for jobs in (1, 2):
            seconds, cpu, outputs = timed_batch(pages, jobs)
            identical[jobs] &= outputs == reference
            if jobs not in best or seconds < best[jobs][0]:
                best[jobs] = (seconds, cpu)
    print(
        f"{'jobs':>4} {'seconds':>8} {'pages/s':>8} {'speed-up':>9} {'CPU/s':>6} {'identical':>10}"
    )
    for jobs, (seconds, cpu) in best.items():
        speedup = best[1][0] / seconds
        same = "yes" if identical[jobs] else "NO"
        print(
            f"{jobs:>4} {seconds:>8.1f} {len(pages) / seconds:>8.1f} {speedup:>8.2f}x "
            f"{cpu / seconds:>6.2f} {same:>10}"
        )


def memory_table(rows: Sequence[tuple[int, int, int, int]]) -> None:
    print(f"{'pages':>7} {'PSS MB':>8} {'highest MB':>11} {'processes':>10}")
    for done, now, highest, processes in rows:
        print(f"{done:>7,} {now / 1024:>8.1f} {highest / 1024:>11.1f} {processes:>10}")
    (first, now0, high0, _), (last, now1, high1, _) = rows[0], rows[-1]
    print(
        f"growth {first:,} -> {last:,} pages: PSS {100 * (now1 - now0) / now0:+.1f}%, "
        f"highest {100 * (high1 - high0) / high0:+.1f}%"
    )


if __name__ == "__main__":
    sys.exit(main())
