"""The compiled twins (boilerstrip/csrc/) of the per-character and per-line functions
(``normalize_text``, ``lower``, ``words_of``, ``measure``, the line split, the sentence keys)
return what the Python code returns, on random text, the fixture lines and every page and
line of the shipped data sets; the compiled calls hold nothing once they return; without the
extension (or with ``BOILERSTRIP_PURE_PYTHON``) the library runs the Python code.
``test_speedups_pages.py`` does the same for the twins that work on a page's blocks.

Tests of the compiled module skip, saying why, where it was not built.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip import compiled, normalize, stats
from boilerstrip.filters import base, duplicates
from boilerstrip.lexicon import lexicon_for
from boilerstrip.segment import text as segment_text_module

REPO = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("BOILERSTRIP_DATASETS", REPO.parent / "shared" / "datasets"))
STOPWORDS = lexicon_for("en").stopwords
MANY = settings(max_examples=700, deadline=None)

needs_compiled = pytest.mark.skipif(
    not compiled.ACTIVE,
    reason="boilerstrip._speedups was not built here (or BOILERSTRIP_PURE_PYTHON is set)",
)

# What the tokeniser and the measures turn on: letters of several scripts and cases (final
# sigma, dotted I, titlecase), digits of several scripts, combining marks, both apostrophes,
# © and ®, sentence punctuation, closing quotes and brackets, commas, spaces of every kind
# (\x1c-\x1f count as space to str.split but not to the sentence pattern), CJK, emoji.
_TRICKY = (
    "aZéÉßİıΣσςДжǅʰ٣５¹Ⅻ\u0301\u0903'’`©®.!?。！？…\"”»)]([,，、;；: \t\n\x1c\x1f\u3000\u00a0"
    "日本語한국어😀𝐀\U00020000-_/|#@0123456789"
)
tricky_text = st.text(alphabet=_TRICKY, max_size=90)
any_text = st.text(st.characters(exclude_categories=()), max_size=90)


def _both_ways(text: str, cjk_modes: tuple[bool, ...] = (False, True)) -> None:
    compiled_words = stats.words_of(text)
    assert compiled_words == stats.python_words_of(text)
    initials, lowered, plain = compiled_words
    for cjk in cjk_modes:
        expected = stats.python_measure(text, initials, lowered, STOPWORDS, cjk, plain)
        assert stats.measure(text, initials, lowered, STOPWORDS, cjk, plain) == expected
        assert type(stats.measure(text, initials, lowered, STOPWORDS, cjk, plain)) is type(expected)


# What normalising turns on: every kind of line break (\r\n as one), odd spaces, invisible
# characters between spaces and breaks, lone surrogates, runs of all of them.
_LAYOUT = " \n\r\t\x0b\x0c\x85\u2028\u2029\u00a0\u3000\u200b\u00ad\x00\x1c\x7f\ud800\udfffab.é日😀"
layout_text = st.text(alphabet=_LAYOUT, max_size=120)


@needs_compiled
@MANY
@given(layout_text)
@example(" \r\n \x00 \t\n\n\u2028\n a  \u200b b \n\n\n\n c \r")
def test_compiled_normalize_matches_python_on_layout(text: str) -> None:
    assert normalize.normalize_text(text) == normalize.python_normalize_text(text)


@needs_compiled
@MANY
@given(any_text)
def test_compiled_normalize_matches_python_on_any_text(text: str) -> None:
    assert normalize.normalize_text(text) == normalize.python_normalize_text(text)


@needs_compiled
@MANY
@given(tricky_text)
@example("Don’t miss the 3 best deals, OK? ©2024 ©®")
@example("rock’n’roll l'été don'’t '’x x'")
@example("End.\x1c Next!\x1f Last?” (Yes.) Done…")
@example("İSTANBUL ΣΟΦΟΣ ǅungla")
@example("")
@example(" ")
def test_compiled_matches_python_on_tricky_text(text: str) -> None:
    _both_ways(text)


@needs_compiled
@MANY
@given(any_text)
def test_compiled_matches_python_on_any_text(text: str) -> None:
    _both_ways(text)


@needs_compiled
def test_compiled_matches_python_on_the_fixture_lines() -> None:
    lines = {
        line.strip()
        for path in sorted((REPO / "fixtures").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    lines.discard("")
    assert len(lines) > 1000
    for line in sorted(lines):
        _both_ways(line)


@needs_compiled
def test_compiled_matches_python_on_the_data_set_pages_and_lines() -> None:
    folders = [DATASETS / "scrapinghub" / "text", DATASETS / "wcxb-dev" / "text"]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"benchmark data not found under {DATASETS}")
    pages = [path.read_text(encoding="utf-8") for f in folders for path in sorted(f.glob("*.txt"))]
    for page in pages:
        assert normalize.normalize_text(page) == normalize.python_normalize_text(page)
    lines = {line.strip() for page in pages for line in page.splitlines()}
    assert len(lines) > 100_000
    for line in lines:
        # Measuring a CJK line is the Python code's either way (random text tests the hand-off).
        _both_ways(line, cjk_modes=(False,))


# Sentences: punctuation runs, closers, every kind of space (\x1c-\x1f are not \s here),
# edge punctuation, letters that lower to more than one character.
_SENTENCES = "ab. ?!。…\"'”’»)]([“‘«-–—,;: \t\n\x0b\x1c\x1f\x85\u2028\u3000İΣx"
sentence_text = st.text(alphabet=_SENTENCES, max_size=80)


@needs_compiled
@MANY
@given(sentence_text)
@example("One. Two! (Three?) “Four.” Five…  six.\x1c Seven")
@example("." * 50 + "a")
def test_compiled_sentence_keys_match_python(text: str) -> None:
    assert duplicates.sentence_keys(text) == duplicates.python_sentence_keys(text)


@needs_compiled
@MANY
@given(st.one_of(layout_text, st.text(alphabet="a\n", max_size=2000)))
def test_compiled_split_lines_match_python(text: str) -> None:
    calls: list[int] = []
    python_calls: list[int] = []
    lines = segment_text_module.split_lines(text, "line", lambda: calls.append(1))
    expected = segment_text_module.python_split_lines(text, "line", lambda: python_calls.append(1))
    assert lines == expected
    assert len(calls) == len(python_calls)


# Every code point but the two that lower by context or into two characters (dotted capital
# I, capital sigma), which the compiled lower() leaves to str.lower.
_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if c not in (0x130, 0x3A3))


@needs_compiled
def test_compiled_lower_matches_str_lower_on_every_character() -> None:
    assert base.lower(_EVERY_CHARACTER) == _EVERY_CHARACTER.lower()
    latin1 = "".join(map(chr, range(256)))
    assert base.lower(latin1) == latin1.lower()
    assert base.lower("KELVIN \u212a") == "kelvin k"
    assert base.lower("KELVIN \u212a").isascii()


@needs_compiled
@MANY
@given(st.one_of(tricky_text, sentence_text, any_text))
@example("ΟΔΟΣ İSTANBUL")
def test_compiled_lower_matches_str_lower(text: str) -> None:
    assert base.lower(text) == text.lower()


@needs_compiled
def test_measure_takes_keywords_as_the_python_code_does() -> None:
    initials, lowered, plain = stats.words_of("World News Today")
    by_keyword = stats.measure(
        "World News Today", initials, lowered, stopwords=STOPWORDS, cjk=False, plain=plain
    )
    assert by_keyword == stats.python_measure(
        "World News Today", initials, lowered, STOPWORDS, False, True
    )
    assert stats.measure("a b", "ab", ("a", "b"), STOPWORDS, False) == stats.python_measure(
        "a b", "ab", ("a", "b"), STOPWORDS, False
    )


@needs_compiled
@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("text",), {}, "missing required argument 'initials'"),
        (("t", "t", ("t",), STOPWORDS, False, False, 1), {}, "at most 6 arguments"),
        (("t", "t", ("t",), STOPWORDS, False), {"colour": 1}, "unexpected keyword"),
        (("t", "t", ("t",), STOPWORDS, False), {"cjk": True}, "multiple values"),
        (("t", "t", ["t"], STOPWORDS, False), {}, "takes (str, str, tuple, frozenset"),
    ],
)
def test_measure_refuses_wrong_arguments(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message.replace("(", r"\(")):
        stats.measure(*args, **kwargs)


@needs_compiled
def test_words_of_refuses_what_is_not_a_str() -> None:
    with pytest.raises(TypeError, match="takes a str, got bytes"):
        stats.words_of(b"bytes")  # type: ignore[arg-type]


@needs_compiled
def test_a_build_of_another_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # An editable install leaves the compiled module in the source tree: after a change to
    # the code it mirrors, an old build must not run.
    assert compiled.load() is not None
    monkeypatch.setattr(compiled, "VERSION", compiled.VERSION + 1)
    assert compiled.load() is None


@needs_compiled
def test_compiled_calls_leak_nothing() -> None:
    # A reference the C code forgot to release would keep objects alive call after call.
    page = (REPO / "fixtures" / "seed" / "000_82ea82c038948d2e.txt").read_text("utf-8")
    html = gzip.decompress((REPO / "fixtures" / "html" / "en-blog-aidoc.html.gz").read_bytes())
    for _ in range(20):
        boilerstrip.extract(page)
        boilerstrip.extract(html)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(100):
            boilerstrip.extract(page)
            boilerstrip.extract(html)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 64_000, f"{grown:,} bytes still held after 200 calls"


def _run_clean(environment: dict[str, str]) -> tuple[str, str]:
    script = (
        "import sys, boilerstrip, boilerstrip.compiled as c\n"
        "print(c.ACTIVE)\n"
        "sys.stdout.write(boilerstrip.clean(sys.stdin.read()))\n"
    )
    seed = (REPO / "fixtures" / "seed" / "000_82ea82c038948d2e.txt").read_text(encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=seed,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **environment},
    )
    flag, _, body = done.stdout.partition("\n")
    return flag, body


def test_the_python_code_runs_when_asked_and_gives_the_seed_body() -> None:
    expected = json.loads((REPO / "fixtures" / "seed" / "expected.json").read_text("utf-8"))
    for setting, active in (("1", "False"), ("", str(compiled.ACTIVE))):
        flag, body = _run_clean({compiled.PURE_PYTHON_VARIABLE: setting})
        assert flag == active
        assert body == "\n\n".join(expected["body"])
