"""The compiled twins (boilerstrip/csrc/) of the functions that work on a page's blocks
(block building, the vocabulary of labels and phrases, the language guess's evidence, the
prose scores) return what the Python code returns, on the fixture pages and random input,
and refuse malformed or shifting arguments instead of reading them.

Tests of the compiled module skip, saying why, where it was not built.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import compiled, document, normalize, prose, stats
from boilerstrip.blocks import Block, BlockKind, DomEvidence, TextStats
from boilerstrip.filters import base
from boilerstrip.lexicon import language, lexicon_for
from boilerstrip.segment.html import parse_html, walk_root
from boilerstrip.segment.text import Segment, segment_text
from boilerstrip.stats import Words

REPO = Path(__file__).resolve().parents[1]
STOPWORDS = lexicon_for("en").stopwords
KINDS = {kind.value: kind for kind in BlockKind}
MANY = settings(max_examples=700, deadline=None)

needs_compiled = pytest.mark.skipif(
    not compiled.ACTIVE,
    reason="boilerstrip._speedups was not built here (or BOILERSTRIP_PURE_PYTHON is set)",
)
# Short words of several scripts, digits, marks and punctuation, beside real stopwords.
_SHORT_WORDS = "aZéßİΣσДж日本٣５\u0301'’©.!? "


def _page_segments(path: Path) -> tuple[list[Segment], list[DomEvidence] | None]:
    """The segments of a fixture page, and the DOM evidence of an HTML one."""
    if path.name.endswith(".html.gz"):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        _, segments, evidence, _ = walk_root(parse_html(html))
        return segments, evidence
    return segment_text(normalize.normalize_text(path.read_text(encoding="utf-8"))), None


FIXTURE_PAGES = (
    sorted((REPO / "fixtures" / "text").glob("*.txt"))[:8]
    + sorted((REPO / "fixtures" / "html").glob("*.html.gz"))[:8]
)


@needs_compiled
@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
def test_compiled_blocks_match_python(path: Path) -> None:
    segments, evidence = _page_segments(path)
    words: dict[str, Words] = {}
    python_words: dict[str, Words] = {}
    # In two chunks, as a long page is built between looks at the clock.
    half = len(segments) // 2
    for chunk in (segments[:half], segments[half:]):
        document.add_words(chunk, words)
        document.python_add_words(chunk, python_words)
    assert words == python_words
    for stopwords, cjk in ((STOPWORDS, False), (lexicon_for("ja").stopwords, True)):
        blocks: list[Block] = []
        python_blocks: list[Block] = []
        stats_seen: dict[str, TextStats] = {}
        python_stats_seen: dict[str, TextStats] = {}
        for chunk in (segments[:half], segments[half:]):
            document.add_blocks(chunk, words, stats_seen, stopwords, cjk, KINDS, evidence, blocks)
            document.python_add_blocks(
                chunk, words, python_stats_seen, stopwords, cjk, KINDS, evidence, python_blocks
            )
        assert blocks == python_blocks
        assert [b.index for b in blocks] == list(range(len(segments)))
        assert all(type(b) is Block and type(b.stats) is TextStats for b in blocks)
        assert stats_seen == python_stats_seen


def _vocabulary_both_ways(blocks: Sequence[Block], language: str) -> None:
    lexicon = lexicon_for(language)
    compiled_parts: tuple[dict[Any, Any], list[Any], list[Any], dict[str, list[int]]] = (
        {},
        [],
        [],
        {},
    )
    python_parts: tuple[dict[Any, Any], list[Any], list[Any], dict[str, list[int]]] = (
        {},
        [],
        [],
        {},
    )
    half = len(blocks) // 2
    for chunk in (blocks[:half], blocks[half:]):
        base.add_vocabulary(chunk, lexicon, base._PHRASE_LIMITS, *compiled_parts)
        base.python_add_vocabulary(chunk, lexicon, base._PHRASE_LIMITS, *python_parts)
    assert compiled_parts == python_parts


@needs_compiled
@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
def test_compiled_vocabulary_matches_python(path: Path) -> None:
    if path.name.endswith(".html.gz"):
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        built = document.document_from_html(page)
    else:
        built = document.document_from_text(path.read_text(encoding="utf-8"))
    for code in {built.language, "en", "de"}:
        _vocabulary_both_ways(built.blocks, code)


def _phrase_words() -> list[str]:
    lexicon = lexicon_for("en")
    keys = [*lexicon.phrases, *lexicon.labels]
    return sorted({word for key in keys for word in key})[:400]


# Lines of lexicon words, counts and cookie words, of every length around the limits.
vocabulary_lines = st.lists(
    st.sampled_from([*_phrase_words(), "12", "٣", "cookies", "cookie", "the", "x"]),
    max_size=160,
).map(tuple)


@needs_compiled
@MANY
@given(st.lists(vocabulary_lines, min_size=1, max_size=6))
def test_compiled_vocabulary_matches_python_on_lexicon_words(lines: list[tuple[str, ...]]) -> None:
    empty = stats.python_measure("", "", (), STOPWORDS, False)
    blocks = [
        Block(i, " ".join(words), BlockKind.LINE, 0, 0, 1, 0, empty, words)
        for i, words in enumerate(lines)
    ]
    _vocabulary_both_ways(blocks, "en")


@needs_compiled
@pytest.mark.parametrize("path", FIXTURE_PAGES[:4] + FIXTURE_PAGES[-4:], ids=lambda p: p.name)
def test_compiled_language_sample_matches_python(path: Path) -> None:
    segments, _ = _page_segments(path)
    words: dict[str, Words] = {}
    document.python_add_words(segments, words)
    for limit in (0, 1, 7, language.SAMPLE_WORDS, 10**9):
        sample = document.sample_words(segments, words, limit)
        assert sample == document.python_sample_words(segments, words, limit)
        owners = language._stopword_owners()
        assert language.stopword_hits(sample, owners) == language.python_stopword_hits(
            sample, owners
        )


_OWNED = sorted(language._stopword_owners())[::40]
word_lists = st.lists(st.one_of(st.sampled_from(_OWNED), st.text(_SHORT_WORDS, max_size=6)))


@needs_compiled
@MANY
@given(word_lists, st.sampled_from([0, 0x80, 0x100, 0x1100, 0x3000, 0x10000, 0x110000]))
def test_compiled_language_evidence_matches_python(words: list[str], code_point: int) -> None:
    assert language.reaches(words, code_point) == language.python_reaches(words, code_point)
    owners = language._stopword_owners()
    hits = language.stopword_hits(words, owners)
    assert hits == language.python_stopword_hits(words, owners)
    assert list(hits) == list(language.python_stopword_hits(words, owners))


@needs_compiled
@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
def test_compiled_prose_scores_match_python(path: Path) -> None:
    if path.name.endswith(".html.gz"):
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        blocks = document.document_from_html(page).blocks
    else:
        blocks = document.document_from_text(path.read_text(encoding="utf-8")).blocks
    for has_stopwords in (True, False):
        scores = prose.prose_scores(blocks, has_stopwords)
        assert scores == prose.python_prose_scores(blocks, has_stopwords)
        assert all(type(score) is prose.ProseScore for score in scores)


counts = st.integers(min_value=0, max_value=5000)
text_stats = st.builds(
    TextStats, counts, counts, counts, counts, counts, counts, st.booleans(), st.booleans()
)


@needs_compiled
@MANY
@given(st.lists(text_stats, max_size=8), st.booleans())
def test_compiled_prose_scores_match_python_bit_for_bit(
    stats_list: list[TextStats], has_stopwords: bool
) -> None:
    blocks = [Block(i, "", BlockKind.LINE, 0, 0, 1, 0, found) for i, found in enumerate(stats_list)]
    try:
        expected = prose.python_prose_scores(blocks, has_stopwords)
    except OverflowError:
        # Stats no page has (far more digits than words): both give math.exp's error.
        with pytest.raises(OverflowError, match="math range error"):
            prose.prose_scores(blocks, has_stopwords)
        return
    scores = prose.prose_scores(blocks, has_stopwords)
    # The same doubles, not merely close ones: spans sum the weights and compare the sums.
    assert [tuple(map(float.hex, score)) for score in scores] == [
        tuple(map(float.hex, score)) for score in expected
    ]


@needs_compiled
def test_block_building_refuses_a_malformed_segment() -> None:
    with pytest.raises(TypeError, match="segment 1 is not a"):
        document.add_words([("a", "line", 0, 1, 1, 0), ("b", "line")], {})  # type: ignore[list-item]
    with pytest.raises(KeyError):
        document.add_blocks(
            [("unseen", "line", 0, 6, 1, 0)], {}, {}, STOPWORDS, False, KINDS, None, []
        )


class _ClearingStr(str):
    """A str whose hash empties a list: Python code running inside a dict look-up."""

    cleared: ClassVar[list[object]] = []

    def __hash__(self) -> int:
        self.cleared.clear()
        return str.__hash__(self)

    __eq__ = str.__eq__


@needs_compiled
def test_twins_survive_arguments_that_change_under_them() -> None:
    # The C code reads its own copy of a list it is handed: a dict look-up may run Python
    # code (a str subclass's hash) that empties the caller's list (found by review).
    segments: list[object] = [(_ClearingStr("hello world"), "line", 0, 11, 1, 0)]
    _ClearingStr.cleared = segments
    words: dict[str, Words] = {}
    document.add_words(segments, words)  # type: ignore[arg-type]
    assert words == {"hello world": ("hw", ("hello", "world"), True)}
    sample: list[object] = [_ClearingStr("the")]
    _ClearingStr.cleared = sample
    assert language.stopword_hits(sample, {"the": ("en",)}) == {"en": 1}  # type: ignore[arg-type]


@needs_compiled
def test_twins_refuse_malformed_entries_instead_of_reading_them() -> None:
    segments = [("abc", "line", 0, 3, 1, 0)]
    known = {"abc": stats.measure("abc", "a", ("abc",), STOPWORDS, False, True)}
    with pytest.raises(TypeError, match="words entry"):
        document.add_blocks(segments, {"abc": 12345}, known, STOPWORDS, False, KINDS, None, [])
    # None where an entry was, as dict.get() reads it, counts as missing in both twins.
    blocks = document.document_from_text("Share this\n\nRead more").blocks
    lexicon = lexicon_for("en")
    outcomes = []
    for add in (base.add_vocabulary, base.python_add_vocabulary):
        seen: dict[Any, Any] = {blocks[0].words: None}
        parts: tuple[list[Any], list[Any], dict[str, list[int]]] = ([], [], {})
        add(blocks, lexicon, base._PHRASE_LIMITS, seen, *parts)
        outcomes.append(parts)
    assert outcomes[0] == outcomes[1]
    with pytest.raises(TypeError, match="seen must map"):
        base.add_vocabulary(blocks, lexicon, base._PHRASE_LIMITS, {blocks[0].words: 7}, [], [], {})


@needs_compiled
@pytest.mark.parametrize("limit", [0, 1, None, -1, 10**30])
def test_compiled_sample_limit_is_islice_stop(limit: int | None) -> None:
    segments = [("abc def", "line", 0, 7, 1, 0)]
    words = {"abc def": stats.words_of("abc def")}
    try:
        expected: object = document.python_sample_words(segments, words, limit)  # type: ignore[arg-type]
    except ValueError as error:
        expected = type(error)
    try:
        found: object = document.sample_words(segments, words, limit)  # type: ignore[arg-type]
    except ValueError as error:
        found = type(error)
    assert found == expected


@needs_compiled
def test_compiled_edge_arguments_give_what_python_gives() -> None:
    class Text(str):
        pass

    assert type(normalize.normalize_text(Text("plain"))) is str
    for code_point in (10**30, -(10**30)):
        for words in (["a"], [""], []):
            assert language.reaches(words, code_point) == language.python_reaches(words, code_point)
