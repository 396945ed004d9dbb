"""Does ``boilerstrip.clean`` run in linear time? Time per MB as the input doubles.

Inputs of several shapes grow by doubling from ~10 KB to ``--max-mb`` (10 by default); each
is cleaned once with ``max_bytes=None`` (best of two runs below 1 MB) and the table shows the
seconds per MB. Per shape, the max/min ratio of s/MB over the sizes of 100 KB and more must
stay at or below 2; a shape above that is flagged and, with ``--profile``, profiled.

    python -m benchmarks.scaling              # 10 KB .. 10 MB, every shape
    python -m benchmarks.scaling --quick      # 10 KB .. 1 MB
    python -m benchmarks.scaling --shapes menu,blank-lines --profile
    python -m benchmarks.scaling --gc-off     # the same without the cyclic GC's share
    python -m benchmarks.scaling --best-of 3  # fastest of three runs at every size (busy machine)
    python -m benchmarks.scaling --shapes html-article,html-table   # HTML shapes only

Text shapes are plain strings; HTML shapes (``html-*``) are whole pages that ``clean``
recognises as HTML, so they time parsing and the DOM walk as well as the filters.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import itertools
import pstats
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import boilerstrip
from benchmarks.corpus import WCXB_TYPES, datasets_root, load_scrapinghub, load_wcxb

START_BYTES = 10_000
# Below this, fixed per-call costs (lexicon look-ups, pipeline set-up) dominate the time.
RATIO_FROM_BYTES = 100_000
# Real HTML pages are ~100 KB each: below one unit of them a prefix is a handful of pages,
# not a sample, so that shape's ratio starts at the unit (see _real_html_source).
_HTML_UNIT_BYTES = 1_000_000
_RATIO_FROM_BY_SHAPE = {"html-pages": _HTML_UNIT_BYTES}
BEST_OF_TWO_BELOW = 1_000_000
MAX_RATIO = 2.0
MB = 1_000_000

_PARAGRAPH = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools, roads and the state of the parks."
)
_SENTENCES = (
    "Officials said the plan would raise spending on public transport by a modest amount.",
    "Critics argued that the proposal did not go far enough for most of the residents.",
    "Several people spoke at the meeting to ask for more money for libraries in the town.",
    "The mayor promised a second vote before the end of the summer if the numbers change.",
)
_MENU = ("Home", "News", "Sport", "Business", "Culture", "Weather", "Travel", "Contact")
# Words for synthetic article sentences: enough combinations that no two paragraphs of a 10 MB
# page repeat, so the HTML article is judged as prose, not dropped as duplicates.
_NOUNS = (
    "council officials residents budget city school road minister report plan government "
    "company market river village doctor hospital teacher farmer court police museum"
).split()
_VERBS = "approved said argued announced rejected reviewed visited described built opened".split()
_TAILS = (
    "after months of debate",
    "on Tuesday morning",
    "for the coming year",
    "despite strong objections",
    "in the northern district",
    "with little warning",
    "according to a statement",
    "before the summer holidays",
)
# libxml2 refuses nesting deeper than 256 without huge_tree: the nested shape stays below it
# so that it measures the walk over deep but valid markup, not the parser's fallbacks.
_NEST_DEPTH = 200
_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Row:
    shape: str
    size: int  # UTF-8 bytes
    seconds: float

    @property
    def per_mb(self) -> float:
        return self.seconds / (self.size / MB)


def _repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated until the text holds ``size`` characters (cut at the end)."""
    return (unit * (size // len(unit) + 1))[:size]


def _realistic_source() -> str:
    """Real scraped pages (scrapinghub and wcxb), or synthetic prose and menus.

    The pages are shuffled (fixed seed) so that every prefix is a fair sample of the corpus:
    in id order the first few hundred KB come from a handful of sites and are not typical.
    """
    root = datasets_root()
    paths = sorted((root / "scrapinghub" / "text").glob("*.txt"))
    paths += sorted((root / "wcxb-dev" / "text").glob("*.txt"))
    random.Random(0).shuffle(paths)
    if paths:
        parts: list[str] = []
        total = 0
        for path in paths:
            page = path.read_text(encoding="utf-8")
            parts.append(page)
            total += len(page.encode("utf-8"))
            if total > 12 * MB:
                break
        return "\n\n".join(parts)
    page = "\n".join(_MENU) + "\n\n" + "\n\n".join([_PARAGRAPH, *_SENTENCES]) + "\n\n"
    page += "Share | Tweet | Email\nCopyright 2024 Example News. All rights reserved.\n\n"
    return page


def _cut_utf8(text: str, size: int) -> str:
    """The longest prefix of ``text`` (repeated if needed) of at most ``size`` UTF-8 bytes."""
    data = text.encode("utf-8")
    while len(data) < size:
        data += b"\n\n" + text.encode("utf-8")
    return data[:size].decode("utf-8", errors="ignore")


def _sentence(rng: random.Random) -> str:
    noun, verb, other = rng.choice(_NOUNS), rng.choice(_VERBS), rng.choice(_NOUNS)
    return (
        f"The {noun} {verb} the new {other} plan, and the local {rng.choice(_NOUNS)} "
        f"agreed {rng.choice(_TAILS)}."
    )


def _article_paragraphs() -> Iterator[str]:
    """Endless distinct article paragraphs with an inline link, a subheading every tenth."""
    rng = random.Random(0)
    number = 0
    while True:
        number += 1
        if number % 10 == 0:
            yield f"<h2>The {rng.choice(_NOUNS)} and the {rng.choice(_NOUNS)}</h2>\n"
        topic = rng.choice(_NOUNS)
        sentences = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        yield f'<p>{sentences} Read about the <a href="/topic/{topic}">{topic}</a> here.</p>\n'


def _html_page(head: str, units: Iterator[str], tail: str, size: int) -> str:
    """``head``, then units until the page holds about ``size`` characters, then ``tail``:
    always a complete page, so no size ends with an unclosed element."""
    parts = [head]
    total = len(head) + len(tail)
    for unit in units:
        if total >= size:
            break
        parts.append(unit)
        total += len(unit)
    parts.append(tail)
    return "".join(parts)


def _links(words: tuple[str, ...]) -> str:
    return "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in words)


def _article_page(size: int) -> str:
    """A news page: head with script and style, header and nav menu, the article, related
    links and a footer; only the article grows."""
    head = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Council approves budget | Example News</title>"
        "<style>body { font: 16px serif; } .nav li { display: inline; }</style>"
        '<script>var analytics = {page: "article", id: 1234};</script></head>\n<body>'
        '<header class="site-header"><a class="logo" href="/">Example News</a>'
        f'<nav class="main-nav"><ul>{_links(_MENU)}</ul></nav></header>\n'
        '<main><article><h1>Council approves budget</h1><p class="byline">By Jane Smith, '
        "12 March 2024</p>\n"
    )
    tail = (
        '</article><aside class="related"><h2>Related articles</h2><ul>'
        f"{_links(('Schools get new funding', 'Road works start in May'))}</ul></aside></main>"
        '\n<footer class="site-footer"><p>Copyright 2024 Example News. All rights reserved.</p>'
        f"<ul>{_links(('Privacy Policy', 'Terms of Use', 'Contact'))}</ul></footer></body></html>"
    )
    return _html_page(head, _article_paragraphs(), tail, size)


def _in_body(unit: Callable[[int], str], size: int, open_: str = "", close: str = "") -> str:
    """A bare page whose body is ``open_``, ``unit(0)``, ``unit(1)``, ... ``close``."""
    units = (unit(i) for i in itertools.count())
    return _html_page(f"<html><body>{open_}\n", units, f"{close}</body></html>\n", size)


def _nested(index: int) -> str:
    rng = random.Random(index)
    return f"{'<div>' * _NEST_DEPTH}<p>{_sentence(rng)}</p>{'</div>' * _NEST_DEPTH}\n"


def _deep_chain(size: int) -> str:
    """One chain of <div>s as deep as the size allows (valid markup, far past libxml2's
    depth limit: the parser's fallbacks are part of what is timed)."""
    depth = max(1, (size - 80) // len("<div></div>"))
    return f"<html><body>{'<div>' * depth}<p>{_PARAGRAPH}</p>{'</div>' * depth}</body></html>"


def _real_html_source() -> str | None:
    """Real pages (scrapinghub and wcxb-dev HTML, shuffled with a fixed seed) one after
    another, as one crawl dump; ``None`` without the data sets.

    Each page's ``</body>`` and ``</html>`` end tags are dropped: libxml2 ignores everything
    after the first ``</html>``, and the shape would time one page however large it grew.
    The first ~1 MB of pages is one unit, repeated: real pages differ twentyfold in how much
    text a MB of markup holds (the first 1.3 MB of the shuffled pages rendered 15K characters,
    10 MB 600K), so growing prefixes of different pages timed their content mix, not the
    scaling. Sizes from one unit up hold the same mix.
    """
    root = datasets_root()
    pages = load_scrapinghub(root) if (root / "scrapinghub").is_dir() else []
    if (root / "wcxb-dev").is_dir():
        pages += load_wcxb(root, frozenset(WCXB_TYPES))
    random.Random(0).shuffle(pages)
    parts: list[str] = []
    total = 0
    for page in pages:
        parts.append(_END_TAGS.sub("", page.read_html()))
        total += len(parts[-1].encode("utf-8"))
        if total > _HTML_UNIT_BYTES:
            break
    return "\n".join(parts) + "\n" if parts else None


def _html_shapes() -> dict[str, Callable[[int], str]]:
    real: list[str | None] = []

    def pages(size: int) -> str:
        if not real:
            real.append(_real_html_source())
        return _article_page(size) if real[0] is None else _cut_utf8(real[0], size)

    return {
        "html-pages": pages,
        "html-article": _article_page,
        "html-paragraph": lambda size: _in_body(lambda _: f"<p>{_PARAGRAPH}</p>\n", size),
        "html-links": lambda size: _in_body(
            lambda _: '<li><a href="/news">News</a></li>\n', size, "<ul>", "</ul>"
        ),
        "html-table": lambda size: _in_body(
            lambda i: (
                f"<tr><td>{i}</td><td>Budget line {i % 97}</td><td>{i * 37 % 10_000}</td></tr>\n"
            ),
            size,
            "<table>",
            "</table>",
        ),
        "html-nested": lambda size: _in_body(_nested, size),
        "html-deep-chain": _deep_chain,
    }


def _shapes() -> dict[str, Callable[[int], str]]:
    realistic: list[str] = []

    def real(size: int) -> str:
        if not realistic:
            realistic.append(_realistic_source())
        return _cut_utf8(realistic[0], size)

    return {
        "realistic": real,
        "paragraph": lambda size: _repeat_to(_PARAGRAPH + "\n\n", size),
        "link-line": lambda size: _repeat_to("Home | News | Sport\n", size),
        "one-line": lambda size: _repeat_to(" ".join(_SENTENCES) + " ", size).rstrip(),
        "blank-lines": lambda size: _repeat_to("word\n\n\n", size),
        "menu": lambda size: _repeat_to("\n".join(_MENU) + "\n", size),
        **_html_shapes(),
    }


def _sizes(max_bytes: int) -> Iterator[int]:
    size = START_BYTES
    while size <= max_bytes * 1.3:  # 10 KB doublings: 1.28 MB counts as ~1 MB, 10.24 as ~10
        yield size
        size *= 2


def _input_format(shape: str) -> str:
    # Said outright: a page the sniffer took for text would silently time text mode instead.
    return "html" if shape.startswith("html") else "auto"


def _time_clean(text: str, runs: int, gc_off: bool = False, input_format: str = "auto") -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            started = time.perf_counter()
            boilerstrip.clean(text, max_bytes=None, input_format=input_format)
            best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
    return best


def ratio(rows: list[Row], from_bytes: int = RATIO_FROM_BYTES) -> float | None:
    """max/min of s/MB over the rows of at least ``from_bytes``."""
    rates = [r.per_mb for r in rows if r.size >= from_bytes]
    return max(rates) / min(rates) if len(rates) >= 2 and min(rates) > 0 else None


def profile(text: str, top: int = 15, input_format: str = "auto") -> str:
    """cProfile of one ``clean`` call: the ``top`` functions by cumulative and own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    boilerstrip.clean(text, max_bytes=None, input_format=input_format)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-mb", type=float, default=10.0, help="largest input, in MB")
    parser.add_argument("--quick", action="store_true", help="stop at 1 MB")
    parser.add_argument("--shapes", default="", help="comma-separated subset of the shapes")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the largest input of flagged shapes"
    )
    parser.add_argument(
        "--best-of",
        type=int,
        default=0,
        help="time every size this many times and keep the fastest (default: two runs below "
        "1 MB, one above); on a busy machine the fastest run is the one least disturbed",
    )
    parser.add_argument(
        "--gc-off",
        action="store_true",
        help="disable the cyclic garbage collector while timing (separates the cost of the "
        "collector, which grows with the number of live objects, from the algorithm's)",
    )
    args = parser.parse_args(argv)
    max_bytes = int((1.0 if args.quick else args.max_mb) * MB)
    shapes = _shapes()
    chosen = [s for s in args.shapes.split(",") if s] or list(shapes)
    unknown = [s for s in chosen if s not in shapes]
    if unknown:
        parser.error(f"unknown shapes {unknown}; known: {', '.join(shapes)}")

    boilerstrip.clean("Warm-up text. " * 20)  # lazy imports and lexicons are not timed
    if args.gc_off:
        print("cyclic GC disabled while timing")
    print(f"{'shape':<16} {'size':>10} {'seconds':>9} {'s/MB':>8}")
    results: dict[str, list[Row]] = {}
    for name in chosen:
        rows = results[name] = []
        for size in _sizes(max_bytes):
            text = shapes[name](size)
            runs = args.best_of or (2 if size < BEST_OF_TWO_BELOW else 1)
            seconds = _time_clean(text, runs, args.gc_off, _input_format(name))
            row = Row(name, len(text.encode("utf-8")), seconds)
            rows.append(row)
            print(
                f"{name:<16} {row.size / 1000:>8.0f}KB {row.seconds:>9.3f} {row.per_mb:>8.3f}",
                flush=True,
            )

    print(
        f"\nmax/min of s/MB over sizes >= {RATIO_FROM_BYTES // 1000} KB (smaller inputs are "
        f"dominated by fixed per-call costs and left out; html-pages from "
        f"{_HTML_UNIT_BYTES // 1000} KB, one unit of real pages); limit {MAX_RATIO:g}"
    )
    flagged: list[str] = []
    for name, rows in results.items():
        value = ratio(rows, _RATIO_FROM_BY_SHAPE.get(name, RATIO_FROM_BYTES))
        shown = "n/a" if value is None else f"{value:.2f}"
        over = value is not None and value > MAX_RATIO
        if over:
            flagged.append(name)
        print(f"  {name:<16} {shown:>6}  {'SUPERLINEAR' if over else 'ok'}")
    if flagged:
        print(f"\nflagged: {', '.join(flagged)}")
        if args.profile:
            for name in flagged:
                largest = results[name][-1].size
                print(f"\n--- profile: {name}, {largest / 1000:.0f} KB ---")
                print(profile(shapes[name](largest), input_format=_input_format(name)))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
