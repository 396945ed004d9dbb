"""Tests of the text normaliser and segmenter: layouts, clean-up, and offsets back to text."""

from __future__ import annotations

import pytest

from boilerstrip import BlockKind, Document
from boilerstrip.document import document_from_text
from boilerstrip.normalize import normalize_text
from boilerstrip.segment import segment_text

# One paragraph hard-wrapped at ~72 columns, with "long-over-" / "looked" cut at a hyphen.
WRAPPED = (
    "The city council voted on Tuesday to approve a new budget for the coming",
    "year, after months of debate among its members about schools and roads in",
    "the district. Officials said the plan would raise spending on a long-over-",
    "looked part of public transport by a modest amount, while holding property",
    "taxes at their current level for most homeowners in the city this year.",
)
WRAPPED_2 = (
    "Critics argued that the proposal did not go far enough, and several people",
    "spoke at the meeting to ask for more money for parks and libraries in the",
    "town, which they said had been neglected for well over a decade by the",
    "previous administration.",
)


def _texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks]


def _assert_offsets_map_back(document: Document) -> None:
    for block in document.blocks:
        source = document.text[block.start : block.end]
        # Joined wrapped lines differ from the source only in their line breaks.
        assert "".join(source.split()) == "".join(block.text.split()), (block, source)
        assert source[:1] == block.text[:1] and source[-1:] == block.text[-1:]
        assert document.text.count("\n", 0, block.start) + 1 == block.line


def test_blank_line_paragraphs_are_blocks() -> None:
    document = document_from_text("First paragraph here.\n\nSecond one.\n\n\n\nThird.")
    assert _texts(document) == ["First paragraph here.", "Second one.", "Third."]
    assert [b.group for b in document.blocks] == [0, 1, 2]
    assert [b.index for b in document.blocks] == [0, 1, 2]
    _assert_offsets_map_back(document)


def test_one_block_per_line_without_blank_lines() -> None:
    long_line = (
        "The city council voted on Tuesday to approve a new budget for the coming year "
        "after months of debate among its members about schools and roads in the district."
    )
    text = f"Home\nNews\nSport\n{long_line}\nShare"
    document = document_from_text(text)
    assert _texts(document) == ["Home", "News", "Sport", long_line, "Share"]
    assert all(b.kind is BlockKind.LINE for b in document.blocks)
    assert {b.group for b in document.blocks} == {0}
    assert [b.line for b in document.blocks] == [1, 2, 3, 4, 5]
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def test_lines_inside_a_paragraph_stay_separate_blocks() -> None:
    document = document_from_text("Menu\nNews\n\nBody text.")
    assert _texts(document) == ["Menu", "News", "Body text."]
    assert [b.group for b in document.blocks] == [0, 0, 1]


def test_hard_wrapped_prose_is_joined_back() -> None:
    document = document_from_text("\n".join(WRAPPED) + "\n\n" + "\n".join(WRAPPED_2))
    assert len(document.blocks) == 2
    first, second = document.blocks
    assert first.kind is BlockKind.PARAGRAPH and second.kind is BlockKind.PARAGRAPH
    assert first.text.startswith("The city council voted on Tuesday")
    assert "for the coming year, after months" in first.text
    assert first.text.endswith("in the city this year.")
    assert second.text.endswith("by the previous administration.")
    assert (first.line, second.line) == (1, 7)
    _assert_offsets_map_back(document)


def test_hyphen_at_a_wrap_is_kept_without_a_space() -> None:
    document = document_from_text("\n".join(WRAPPED))
    (block,) = document.blocks
    assert "long-over-looked part" in block.text
    assert "long-over- looked" not in block.text


def test_short_text_is_not_treated_as_wrapped() -> None:
    document = document_from_text("\n".join(WRAPPED[:2]))
    assert _texts(document) == list(WRAPPED[:2])


def test_segments_carry_offsets_into_the_normalised_text() -> None:
    text = normalize_text("Alpha beta\n\nGamma\ndelta")
    segments = segment_text(text)
    # (text, kind, start, end, line, group): plain tuples, which the cyclic GC stops tracking
    assert segments == [
        ("Alpha beta", "line", 0, 10, 1, 0),
        ("Gamma", "line", 12, 17, 3, 1),
        ("delta", "line", 18, 23, 4, 1),
    ]
    assert all(type(s) is tuple for s in segments)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\tb", "a b"),
        ("a\u00a0b", "a b"),
        ("a\u2003\u3000b", "a b"),
        ("zero\u200bwidth", "zerowidth"),
        ("nul\x00byte", "nulbyte"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\ufeffbom", "bom"),
        ("many    spaces", "many spaces"),
        ("  stripped  \n  lines ", "stripped\nlines"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("\n\n\na\n\n\n", "a"),
        ("line\u2028sep\x0cfeed", "line\nsep\nfeed"),
        ("bad \ud800 surrogate", "bad \ufffd surrogate"),
        ("zwj\u200dkept", "zwj\u200dkept"),
    ],
)
def test_normalize_text(raw: str, normalised: str) -> None:
    assert normalize_text(raw) == normalised


def test_normalize_is_idempotent() -> None:
    raw = "  A\r\n\r\n\r\nB\tC\u00a0\u200bD\x00  \n\n"
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_document_text_is_normalised_and_blocks_map_into_it() -> None:
    document = document_from_text("\r\n\r\nTitle\u00a0here\r\n\r\n\r\nBody\tline one\r\nline two")
    assert document.text == "Title here\n\nBody line one\nline two"
    assert _texts(document) == ["Title here", "Body line one", "line two"]
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \u00a0\u200b\n"])
def test_blank_text_has_no_blocks(text: str) -> None:
    assert document_from_text(text).blocks == ()


def test_block_stats_are_measured() -> None:
    document = document_from_text("The cat sat on the mat, and slept.\n\nHome")
    prose, label = document.blocks
    assert prose.stats.words == 8
    assert prose.stats.ends_sentence and prose.stats.has_comma
    assert prose.stats.stopwords > 0
    assert prose.words[:3] == ("the", "cat", "sat")
    assert label.stats.words == 1 and not label.stats.ends_sentence
