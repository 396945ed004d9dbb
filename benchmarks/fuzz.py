"""Property-based fuzzing of ``boilerstrip.clean`` and ``boilerstrip.extract``.

Run from the repository root::

    python -m benchmarks.fuzz --seconds 300            # time budget for the whole run
    python -m benchmarks.fuzz --seconds 60 --seed 7    # another (reproducible) random stream
    python -m benchmarks.fuzz --max-examples 2000      # stop each target after N examples

Design: each target is a hypothesis strategy of ``(source, input_format)`` pairs. The targets
take turns running short hypothesis runs ("chunks", ``@given`` with ``@seed`` and a
``max_examples`` sized to a few seconds of work) until the budget is spent, so the budget
holds without patching hypothesis. When a check fails, hypothesis shrinks that failure to a
minimal input; the fuzzer prints it as a Python literal, remembers its signature and keeps
looking for *other* failures (inputs failing a known signature count as passes). The exit
status is 1 when anything failed, 0 otherwise.

Checks per input (each failure kind is one signature per source kind):

- ``exception``: anything raised but a ``BoilerstripError`` subclass (signature: type and the
  innermost frame);
- ``hang``: a call slower than ``2 s + 1 s per MB`` (the library's own ``timeout=`` is set to
  that bound, a SIGALRM interrupts a call at twice the bound, and a watchdog thread kills the
  process, printing the input, when even that does not return);
- ``blocks``: kept + removed blocks are not exactly the document's blocks in order;
- ``lost-words``: the words of all blocks are not the words of the normalised document text;
- ``offsets``: a block's ``start``/``end`` do not map back to its words;
- ``clean-extract``: ``clean(x)`` differs from ``extract(x).body``;
- ``invented-words``: the output holds a word (``\\w+``) the normalised text does not;
- ``non-idempotent``: ``clean(clean(x)) != clean(x)`` for a source read as plain text.
"""

from __future__ import annotations

import argparse
import codecs
import os
import random
import re
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip import BoilerstripError, ExtractionTimeoutError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PATHS = sorted((ROOT / "fixtures" / "text").glob("*.txt")) + sorted(
    (ROOT / "fixtures" / "seed").glob("*.txt")
)
WORD = re.compile(r"\w+")
Source = str | bytes
Case = tuple[Source, str]  # (source, input_format)

# --- time bounds ----------------------------------------------------------------------------
BASE_SECONDS = 2.0
SECONDS_PER_MB = 1.0
ALARM_FACTOR = 2.0  # SIGALRM interrupts a call at this multiple of its bound
WATCHDOG_FACTOR = 5.0  # the watchdog kills the process at this multiple (plus 10 s)
CHUNK_SECONDS = 4.0  # wall time one hypothesis run (chunk) aims at
SHRINK_GRACE = 120.0  # how long past the budget a running shrink may go on
MINIMISE_SECONDS = 30.0  # delta debugging of a shrunk failure that is still large


def call_bound(source: Source) -> float:
    """Seconds one call may take on ``source``: 2 s plus 1 s per MB (UTF-8 for str)."""
    size = len(source) if isinstance(source, bytes) else len(source) * 2
    return BASE_SECONDS + SECONDS_PER_MB * size / 1_000_000


def literal(source: Source, limit: int | None = 4000) -> str:
    """``source`` as a Python literal, cut to ``limit`` characters with a note."""
    text = repr(source)
    if limit is not None and len(text) > limit:
        return f"{text[:limit]}...  # cut: {len(text):,} chars, {len(source):,} items"
    return text


# --- generators -----------------------------------------------------------------------------
SPECIAL_CHARS = [
    "\x00", "\x01", "\x08", "\x1b", "\x7f", "\x85", "\x9f", "\t", "\n", "\r", "\r\n", "\x0b",
    "\x0c", "\u2028", "\u2029", "\ud800", "\udbff", "\udc00", "\udfff", "\ufeff", "\u200b",
    "\u200d", "\u00ad", "\u00a0", "\u3000", "\ufffd", "<", ">", "&", ";", " ", ".", "\U0001f600",
]  # fmt: skip
PROSE_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when if "
    "city council voted approve budget officials said plan spending public transport critics "
    "argued proposal residents meeting parks libraries government report according people"
).split()
MENU_WORDS = (
    "Home About Contact Login Sign-in Register Subscribe Newsletter Share Tweet Facebook "
    "Menu Search Privacy Cookies Terms Sitemap Careers Advertise Next Previous Related More "
    "Comments Reply Accept Read-more Tags Categories Archive Copyright ©"
).split()
CJK = ["日本語のテキストです。", "中文文本内容。", "한국어 텍스트입니다.", "東京都港区", "新闻"]
RTL = ["مرحبا بالعالم", "هذا نص عربي طويل.", "שלום עולם", "טקסט בעברית.", "\u202eevil\u202c"]
EMOJI = ["\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f", "🇫🇷", "👍🏽"]
URLS = ["https://example.com/a/b?c=1&d=2#e", "www.example.org", "http://x.y/", "mailto:a@b.c"]
DATES = ["2016-10-07", "October 7, 2016", "07/10/2016", "Fri, 07 Oct 2016 12:00:00 GMT", "1 d"]

HTML_TAGS = (
    "html head body title meta link div p span a svg template script style table thead tbody "
    "tr td th caption pre code ul ol li dl dt dd h1 h2 h3 blockquote br hr img iframe noscript "
    "textarea select option b i em strong sub sup nav header footer article main section aside "
    "form button math figure figcaption details summary object video canvas x-widget foo:bar"
).split()
CLASS_WORDS = (
    "nav menu footer header content article main body post entry related comments sidebar "
    "share social cookie banner ad ads promo newsletter hidden sr-only breadcrumb"
).split()
ENTITIES = [
    "&amp;", "&lt;", "&gt;", "&nbsp;", "&#0;", "&#x0;", "&#xD800;", "&#x110000;", "&#65;",
    "&#x1F600;", "&bogus;", "&amp", "&#;", "&#x;", "&#99999999999;", "&shy;", "&zwnj;",
]  # fmt: skip
# Declared charsets, among them codec names that are no text encodings at all.
CHARSETS = [
    "utf-8", "iso-8859-1", "windows-1251", "shift_jis", "gb2312", "euc-kr", "utf-16",
    "utf-7", "rot13", "hex", "base64", "zlib", "idna", "punycode", "undefined", "unicode-escape",
    "raw-unicode-escape", "uu", "quopri", "bz2", "x-user-defined", "koi8-r", "mbcs", "nonsense",
]  # fmt: skip
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
TEXT_CODECS = ["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1251", "shift_jis", "gb18030"]
FORMATS = st.sampled_from(["auto", "auto", "text", "html"])

any_char = st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIAL_CHARS))


def any_text(max_size: int) -> st.SearchStrategy[str]:
    """Strings of any code points, weighted towards the special ones (some are two long)."""
    return st.lists(any_char, max_size=max_size).map("".join)


def arbitrary_text() -> st.SearchStrategy[Case]:
    """(a) Any str: every code point, lone surrogates, NUL and controls included."""
    return st.tuples(any_text(max_size=3000), FORMATS)


def _encoded(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


def arbitrary_bytes() -> st.SearchStrategy[Case]:
    """(b) Any bytes, behind a BOM or not, and text in several encodings."""
    raw = st.builds(lambda bom, body: bom + body, st.sampled_from(BOMS), st.binary(max_size=4000))
    encoded = st.builds(_encoded, any_text(max_size=1000), st.sampled_from(TEXT_CODECS))
    declared = st.builds(
        lambda charset, body, tail: (
            f'<html><head><meta charset="{charset}"></head><body><p>'.encode() + body + tail
        ),
        st.sampled_from(CHARSETS),
        st.binary(max_size=300),
        st.sampled_from([b"\xff", b"\x80abc", b"</p></body></html>", b""]),
    )
    return st.tuples(st.one_of(raw, encoded, declared), FORMATS)


# (c) HTML: a tree of elements, text, entities, comments and CDATA, plus deep nesting.
def _words(draw_from: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(draw_from), min_size=1, max_size=12).map(" ".join)


_html_text = st.one_of(
    _words(PROSE_WORDS),
    _words(MENU_WORDS),
    st.sampled_from(ENTITIES),
    st.sampled_from(CJK + RTL + EMOJI + URLS + DATES),
    any_text(max_size=20),
    st.just("<"), st.just("a < b > c"), st.just("]]>"), st.just("-->"),
)  # fmt: skip
_attribute = st.one_of(
    st.builds(lambda w: f' class="{w}"', _words(CLASS_WORDS)),
    st.builds(lambda w: f" id={w}", st.sampled_from(CLASS_WORDS)),
    st.sampled_from([
        " hidden", ' style="display:none"', ' style="visibility: hidden"', ' aria-hidden="true"',
        ' role="navigation"', ' href="https://example.com/"', ' lang="ar" dir="rtl"', " x",
        ' class=""', ' data-x="<p>"', ' style="DISPLAY : NONE"', ' itemprop="articleBody"',
    ]),
)  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, closing: f"<{tag}{''.join(attrs)}>{''.join(inner)}{closing(tag)}",
        st.sampled_from(HTML_TAGS),
        st.lists(_attribute, max_size=3),
        st.lists(children, max_size=5),
        st.sampled_from([lambda t: f"</{t}>", lambda t: f"</{t}>", lambda t: "", lambda t: "</>"]),
    )


_html_leaf = st.one_of(
    _html_text,
    st.builds(lambda t: f"<!-- {t} -->", _html_text),
    st.builds(lambda t: f"<![CDATA[{t}]]>", _html_text),
    st.sampled_from(["<br>", "<hr/>", "<img src=x>", "<!-->", "<!---->", "<!", "</div>", "<p"]),
)
_html_tree = st.recursive(_html_leaf, _element, max_leaves=40)


def _deep(tag: str, depth: int, inner: str, closed: bool) -> str:
    return f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else "")


_deep_nesting = st.builds(
    _deep,
    st.sampled_from(["div", "span", "p", "table", "td", "li", "b", "svg", "template", "x"]),
    st.integers(1, 5000),
    _html_tree,
    st.booleans(),
)


def _page(doctype: bool, head: str, body: str, wrap: bool) -> str:
    start = "<!DOCTYPE html>" if doctype else ""
    if wrap:
        return f"{start}<html><head>{head}</head><body>{body}</body></html>"
    return start + body


def html_pages() -> st.SearchStrategy[Case]:
    """(c) Generated HTML pages and fragments, as str or UTF-8 bytes."""
    head = st.sampled_from([
        "", "<title>A &amp; B</title>", '<meta charset="utf-8">', "<style>p{}</style>",
        "<script>var a = '<p>x</p>';</script>", "<title></title><title>two</title>",
    ])  # fmt: skip
    body = st.one_of(_html_tree, _deep_nesting, st.lists(_html_tree, max_size=8).map("".join))
    page = st.builds(_page, st.booleans(), head, body, st.booleans())
    as_source: st.SearchStrategy[Source] = st.one_of(page, page.map(lambda p: _encoded(p, "utf-8")))
    return st.tuples(as_source, FORMATS)


# (d) Plain-text pages made of lines.
_line = st.one_of(
    _words(PROSE_WORDS).map(lambda s: s.capitalize() + "."),
    _words(MENU_WORDS),
    st.sampled_from(URLS + DATES + CJK + RTL + EMOJI),
    st.lists(st.sampled_from(CJK + RTL + EMOJI + PROSE_WORDS), max_size=30).map(" ".join),
    st.just(""), st.just("   "), st.just("\t\tindented\ttext"),
    st.builds(lambda w, n: (w + " ") * n, st.sampled_from(PROSE_WORDS + CJK),
              st.integers(1, 60000)),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "-", "中", "😀", ".", "a."]),
              st.integers(1, 200000)),
)  # fmt: skip


def text_pages() -> st.SearchStrategy[Case]:
    """(d) Plain-text pages: prose, menus, URLs, dates, CJK, RTL, emoji, odd line breaks."""
    lines = st.lists(st.tuples(_line, st.integers(1, 3)), max_size=60).map(
        lambda pairs: [line for line, times in pairs for _ in range(times)]
    )
    page = st.builds(
        lambda ls, sep: sep.join(ls), lines, st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
    )
    blank_run = st.builds(lambda n, p: "\n" * n + p + "\n" * n, st.integers(0, 100000), page)
    return st.tuples(st.one_of(page, page, blank_run), st.sampled_from(["auto", "text"]))


# (e) Mutations of the real fixtures.
def _fixtures() -> list[bytes]:
    return [p.read_bytes() for p in FIXTURE_PATHS]


Mutation = tuple[str, float, float, int]


def mutate(data: bytes, mutations: list[Mutation]) -> bytes:
    """Apply byte flips, truncations, line shuffles, duplications and insertions to ``data``."""
    for name, a, b, n in mutations:
        if not data:
            break
        i = int(a * len(data)) % len(data)
        if name == "flip":
            data = data[:i] + bytes([data[i] ^ (n & 0xFF or 0x80)]) + data[i + 1 :]
        elif name == "truncate":
            data = data[:i]
        elif name == "shuffle":
            lines = data.split(b"\n")
            random.Random(n).shuffle(lines)
            data = b"\n".join(lines)
        elif name == "duplicate":
            j = min(len(data), i + int(b * 5000))
            data = data[:j] + data[i:j] * (1 + n % 4) + data[j:]
        elif name == "insert":
            data = (
                data[:i]
                + SPECIAL_CHARS[n % len(SPECIAL_CHARS)].encode("utf-8", "surrogatepass")
                + data[i:]
            )
        elif name == "cut-utf8":  # cut in the middle of a multi-byte sequence
            while i < len(data) and data[i] & 0xC0 == 0x80:
                i += 1
            data = data[: i + 1] + data[i + 2 :]
    return data


def _as_source(data: bytes, how: str) -> Source:
    if how == "bytes":
        return data
    if how == "surrogateescape":
        return data.decode("utf-8", errors="surrogateescape")
    return data.decode("utf-8", errors="replace")


def fixture_mutations() -> st.SearchStrategy[Case]:
    """(e) The fixtures (the seed corpus), mutated a few times each."""
    mutation = st.tuples(
        st.sampled_from(["flip", "truncate", "shuffle", "duplicate", "insert", "cut-utf8"]),
        st.floats(0, 1, exclude_max=True),
        st.floats(0, 1),
        st.integers(0, 1000),
    )
    source = st.builds(
        lambda data, ms, how: _as_source(mutate(data, ms), how),
        st.sampled_from(_fixtures()),
        st.lists(mutation, max_size=6),
        st.sampled_from(["bytes", "str", "surrogateescape"]),
    )
    return st.tuples(source, FORMATS)


TARGETS: dict[str, Callable[[], st.SearchStrategy[Case]]] = {
    "text": arbitrary_text,
    "bytes": arbitrary_bytes,
    "html": html_pages,
    "text-pages": text_pages,
    "fixtures": fixture_mutations,
}


# --- the checks -----------------------------------------------------------------------------
class Hang(BaseException):
    """Raised by SIGALRM in a call that ran far past its bound (a BaseException, so that no
    ``except Exception`` in the library eats it)."""


class FuzzFailure(Exception):
    """One property violated; ``signature`` tells distinct failures apart."""

    def __init__(self, kind: str, where: str, detail: str) -> None:
        super().__init__(f"{kind} [{where}]: {detail}")
        self.kind = kind
        self.signature = f"{kind} [{where}]"
        self.detail = detail


@dataclass
class Watchdog:
    """Kills the process, printing the input, when one call never returns."""

    current: tuple[float, float, Source] | None = None  # (started, limit, source)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        threading.Thread(target=self._watch, name="fuzz-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while True:
            time.sleep(0.5)
            with self.lock:
                current = self.current
            if current is not None and time.monotonic() - current[0] > current[1]:
                _started, limit, source = current
                print(
                    f"\nWATCHDOG: a call ran past {limit:.0f} s and did not return; input:\n"
                    f"{literal(source, 20000)}",
                    file=sys.stderr,
                    flush=True,
                )
                os._exit(3)


WATCHDOG = Watchdog()


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang()


@contextmanager
def guarded(source: Source, bound: float) -> Iterator[None]:
    """Interrupt the call at ``ALARM_FACTOR`` x ``bound``; the watchdog kills it later on."""
    use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, bound * ALARM_FACTOR)
    with WATCHDOG.lock:
        WATCHDOG.current = (time.monotonic(), bound * WATCHDOG_FACTOR + 10, source)
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
        with WATCHDOG.lock:
            WATCHDOG.current = None


def _innermost(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "boilerstrip" in f.filename and "benchmarks" not in f.filename]
    if not (ours or frames):
        return "?"
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def _timed_call(
    fn: Callable[..., object], source: Source, fmt: str, where: str, bound: float
) -> tuple[object, float]:
    """Call ``fn`` once within the bounds; BoilerstripErrors but timeouts propagate."""
    started = time.monotonic()
    try:
        with guarded(source, bound):
            value = fn(source, input_format=fmt, timeout=bound)
    except Hang:
        raise FuzzFailure("hang", where, f"interrupted after {time.monotonic() - started:.1f} s "
                          f"(bound {bound:.1f} s)") from None  # fmt: skip
    except ExtractionTimeoutError as exc:
        raise FuzzFailure("hang", where, f"library timeout fired at its bound: {exc}") from None
    except BoilerstripError:
        raise
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"[:300]
        raise FuzzFailure(
            "exception", f"{where} {type(exc).__name__} at {_innermost(exc)}", detail
        ) from exc
    elapsed = time.monotonic() - started
    if elapsed > bound:
        raise FuzzFailure("hang", where, f"took {elapsed:.1f} s, bound {bound:.1f} s")
    return value, elapsed


def check(source: Source, fmt: str) -> None:
    """Run every property on one input; raise ``FuzzFailure`` on the first one violated."""
    bound = call_bound(source)
    try:
        value, _ = _timed_call(boilerstrip.extract, source, fmt, "extract", bound)
    except BoilerstripError:
        return  # a documented refusal (too large, ...): nothing more to check
    assert isinstance(value, boilerstrip.Result)
    result = value
    doc = result.document
    where = doc.source_kind
    blocks = doc.blocks
    removed = [d.block for d in result.removed]
    if [b.index for b in blocks] != list(range(len(blocks))):
        raise FuzzFailure("blocks", where, "block indexes are not 0..n-1")
    if [b.index for b in removed] != sorted({b.index for b in removed}):
        raise FuzzFailure("blocks", where, "removed blocks repeat or are out of order")
    merged = sorted([*result.kept, *removed], key=lambda b: b.index)
    if len(merged) != len(blocks) or any(a is not b for a, b in zip(merged, blocks, strict=True)):
        raise FuzzFailure("blocks", where, "kept + removed != all blocks")
    doc_words = Counter(WORD.findall(doc.text))
    block_words: Counter[str] = Counter()
    for block in blocks:
        block_words.update(WORD.findall(block.text))
        span = doc.text[block.start : block.end]
        if WORD.findall(span) != WORD.findall(block.text):
            raise FuzzFailure(
                "offsets", where, f"block {block.index} {block.text[:60]!r} != {span[:60]!r}"
            )
    if block_words != doc_words:
        lost = doc_words - block_words
        extra = block_words - doc_words
        raise FuzzFailure(
            "lost-words", where, f"lost {list(lost.items())[:5]}, extra {list(extra.items())[:5]}"
        )
    try:
        out, _ = _timed_call(boilerstrip.clean, source, fmt, f"clean {where}", bound)
    except BoilerstripError as exc:
        raise FuzzFailure(
            "clean-extract", where, f"clean raised, extract did not: {exc!r}"
        ) from exc
    assert isinstance(out, str)
    if out != result.body:
        raise FuzzFailure("clean-extract", where, "clean(x) != extract(x).body")
    invented = Counter(WORD.findall(out)) - doc_words
    if invented:
        raise FuzzFailure("invented-words", where, f"{list(invented.items())[:5]}")
    if where == "text":
        try:
            again, _ = _timed_call(boilerstrip.clean, out, fmt, "clean(clean)", call_bound(out))
        except BoilerstripError as exc:
            raise FuzzFailure("non-idempotent", where, f"clean(clean(x)) raised {exc!r}") from exc
        if again != out:
            raise FuzzFailure(
                "non-idempotent", f"{where} {_second_pass_remover(out, fmt)}",
                _first_difference(out, str(again)),
            )  # fmt: skip


def _second_pass_remover(out: str, fmt: str) -> str:
    """The filter/code that removes from ``clean(x)`` what the first pass kept: this tells
    apart the mechanisms of non-idempotence."""
    try:
        removed = boilerstrip.extract(out, input_format=fmt).removed
    except BoilerstripError:
        return "raised"
    return f"via {removed[0].filter}/{removed[0].code}" if removed else "via rendering"


def _first_difference(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at char {i}: {a[max(0, i - 30) : i + 30]!r} -> {b[max(0, i - 30) : i + 30]!r}"


# --- minimising ---------------------------------------------------------------------------
def _fails_with(source: Source, fmt: str, signature: str) -> bool:
    try:
        check(source, fmt)
    except FuzzFailure as failure:
        return failure.signature == signature
    return False


def _join(parts: list[Source], empty: Source) -> Source:
    return empty.join(parts)  # type: ignore[arg-type]


def minimise(source: Source, fmt: str, signature: str, seconds: float) -> Source:
    """Delta debugging after hypothesis: drop lines, then characters, while it still fails.

    Hypothesis shrinks the choices that built an input; a mutated fixture keeps the fixture's
    bulk. This removes chunks of lines (then of characters) as long as the same signature
    fails, within ``seconds``.
    """
    stop_at = time.monotonic() + seconds
    newline: Source = b"\n" if isinstance(source, bytes) else "\n"
    empty: Source = b"" if isinstance(source, bytes) else ""
    for unit in ("lines", "chars"):
        if unit == "lines":
            parts: list[Source] = list(source.split(newline))  # type: ignore[arg-type]
            sep = newline
        else:
            if len(source) > 5000:
                break
            parts = [source[i : i + 1] for i in range(len(source))]
            sep = empty
        chunk = max(1, len(parts) // 2)
        while chunk >= 1 and time.monotonic() < stop_at:
            i, removed_any = 0, False
            while i < len(parts) and time.monotonic() < stop_at:
                trial = parts[:i] + parts[i + chunk :]
                if trial and _fails_with(_join(trial, sep), fmt, signature):
                    parts, removed_any = trial, True
                else:
                    i += chunk
            if not removed_any:
                chunk //= 2
        source = _join(parts, sep)
    return source


# --- the loop -------------------------------------------------------------------------------
@dataclass
class Found:
    target: str
    failure: FuzzFailure
    source: Source
    fmt: str
    shrunk: bool = False

    def key(self) -> tuple[int, str]:
        return (len(self.source), literal(self.source, None))


@dataclass
class TargetStats:
    examples: int = 0
    seconds: float = 0.0
    chunks: int = 0
    rate: float = 20.0  # examples per second, learnt as it runs


@dataclass
class Fuzzer:
    seconds: float
    base_seed: int
    max_examples: int | None
    targets: list[str]
    stats: dict[str, TargetStats] = field(default_factory=dict)
    found: dict[str, Found] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # signatures already shrunk

    def run(self) -> int:
        started = time.monotonic()
        stop_at = started + self.seconds
        self.stats = {t: TargetStats() for t in self.targets}
        strategies = {t: TARGETS[t]() for t in self.targets}
        round_ = 0
        while time.monotonic() < stop_at:
            active = [t for t in self.targets if not self._exhausted(t)]
            if not active:
                break
            for name in active:
                if time.monotonic() >= stop_at:
                    break
                self._chunk(name, strategies[name], round_, stop_at)
            round_ += 1
            self._progress(time.monotonic() - started)
        return self._summary(time.monotonic() - started)

    def _exhausted(self, name: str) -> bool:
        return self.max_examples is not None and self.stats[name].examples >= self.max_examples

    def _chunk(
        self, name: str, strategy: st.SearchStrategy[Case], round_: int, stop_at: float
    ) -> None:
        stats = self.stats[name]
        size = max(10, int(stats.rate * CHUNK_SECONDS))
        if self.max_examples is not None:
            size = min(size, self.max_examples - stats.examples)
        chasing: list[str] = []  # the signature this chunk shrinks, once one fails
        counted = [0]

        def body(case: Case) -> None:
            now = time.monotonic()
            if (not chasing and now > stop_at) or now > stop_at + SHRINK_GRACE:
                return
            source, fmt = case
            if not chasing:
                counted[0] += 1
            try:
                check(source, fmt)
            except FuzzFailure as failure:
                sig = failure.signature
                if sig in self.known:
                    return
                old = self.found.get(sig)
                new = Found(name, failure, source, fmt)
                if old is None or new.key() < old.key():
                    self.found[sig] = new
                if not chasing:
                    chasing.append(sig)
                    print(f"  [{name}] new failure {sig}; shrinking...", flush=True)
                if sig == chasing[0]:
                    raise AssertionError(str(failure)) from None

        test = given(strategy)(body)
        test = settings(
            max_examples=size,
            deadline=None,
            database=None,
            derandomize=False,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.quiet,
            report_multiple_bugs=False,
            print_blob=False,
        )(test)
        test = seed(self.base_seed * 100_003 + round_ * 101 + self.targets.index(name))(test)
        t0 = time.monotonic()
        try:
            test()
        except Exception as exc:  # the shrunk failure (or a flaky one); details are in found
            if not chasing:
                print(f"  [{name}] hypothesis stopped: {type(exc).__name__}: {exc}"[:400])
        elapsed = time.monotonic() - t0
        stats.examples += counted[0]
        stats.seconds += elapsed
        stats.chunks += 1
        if counted[0] and not chasing:
            stats.rate = max(1.0, counted[0] / max(elapsed, 1e-3))
        if chasing:
            sig = chasing[0]
            self.known.add(sig)
            found = self.found[sig]
            found.shrunk = True
            if len(found.source) > 200:
                found.source = minimise(found.source, found.fmt, sig, MINIMISE_SECONDS)
                try:
                    check(found.source, found.fmt)
                except FuzzFailure as failure:  # the detail of the minimised input
                    found.failure = failure
            self._report(found)

    def _report(self, found: Found) -> None:
        f = found.failure
        print(f"\nFAILURE {f.signature}  (target {found.target}, input_format={found.fmt!r})")
        print(f"  {f.detail}")
        print(f"  minimal input ({len(found.source):,} {type(found.source).__name__} items):")
        print(f"  {literal(found.source)}\n", flush=True)

    def _progress(self, elapsed: float) -> None:
        parts = [f"{t}={s.examples}" for t, s in self.stats.items()]
        print(f"[{elapsed:6.0f} s] examples: {' '.join(parts)}; failures: {len(self.found)}",
              flush=True)  # fmt: skip

    def _summary(self, elapsed: float) -> int:
        total = sum(s.examples for s in self.stats.values())
        print(
            f"\n=== boilerstrip fuzz: {elapsed:.0f} s, seed {self.base_seed}, {total} examples ==="
        )
        print(f"{'target':<12} {'examples':>9} {'seconds':>8} {'ex/s':>8}")
        for name, s in self.stats.items():
            rate = s.examples / s.seconds if s.seconds else 0.0
            print(f"{name:<12} {s.examples:>9} {s.seconds:>8.1f} {rate:>8.1f}")
        print(f"{'all':<12} {total:>9} {elapsed:>8.1f} {total / max(elapsed, 1e-9):>8.1f}")
        if not self.found:
            print("no failures")
            return 0
        print(f"\n{len(self.found)} distinct failure(s):")
        for sig, found in sorted(self.found.items()):
            try:
                check(found.source, found.fmt)
                again = "does NOT reproduce on re-run (timing?)"
            except FuzzFailure as failure:
                again = "reproduces" if failure.signature == sig else f"now {failure.signature}"
            state = "shrunk" if found.shrunk else "not shrunk"
            print(f"- {sig} ({found.target}, input_format={found.fmt!r}, {state}, {again})")
            print(f"    {found.failure.detail[:200]}")
            print(f"    input: {literal(found.source)}")
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=300.0, help="time budget (default 300)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--max-examples", type=int, default=None, help="cap per target")
    parser.add_argument(
        "--targets", default=",".join(TARGETS), help=f"comma-separated subset of {list(TARGETS)}"
    )
    args = parser.parse_args(argv)
    targets = [t for t in args.targets.split(",") if t]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown targets {unknown}; known: {list(TARGETS)}")
    base_seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    print(f"fuzzing {targets} for {args.seconds:.0f} s, seed {base_seed}", flush=True)
    boilerstrip.clean(FIXTURE_PATHS[0].read_text(encoding="utf-8"))  # lazy imports, untimed
    boilerstrip.clean("<html><body><p>warm up</p></body></html>")
    WATCHDOG.start()
    return Fuzzer(args.seconds, base_seed, args.max_examples, targets).run()


if __name__ == "__main__":
    sys.exit(main())
