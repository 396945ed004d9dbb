"""Property tests: invariants of ``extract``/``clean`` that must hold for any input.

Two kinds of input: arbitrary ``str`` (control characters, surrogates, odd line breaks) to
prove robustness, and generated "pages" (prose paragraphs with menus, prompts, blank lines,
CRLF and tabs) for the invariants that only make sense on realistic text.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip import Category, Result

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORD = re.compile(r"\w+")
# Characters normalize.py deletes because they render as nothing (C0/C1 controls, zero-width
# space, word joiner, BOM, soft hyphen): deleting them may join two words into one.
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff\u00ad]")

NOUNS = (
    "council officials residents budget city school road minister report plan government "
    "company market river village doctor hospital teacher farmer court police museum"
).split()
VERBS = "approved said argued announced rejected reviewed visited described built opened".split()
FILLERS = (
    "the new",
    "a small",
    "their current",
    "the local",
    "several older",
    "most of the",
    "an unusual",
    "the regional",
)
TAILS = (
    "after months of debate",
    "on Tuesday morning",
    "for the coming year",
    "despite strong objections",
    "in the northern district",
    "with little warning",
    "according to a statement",
    "before the summer holidays",
)
MENU_WORDS = (
    "Home",
    "News",
    "Sport",
    "About us",
    "Contact",
    "Login",
    "Sign in",
    "Subscribe",
    "Share",
    "Tweet",
    "Privacy Policy",
    "Terms of Use",
    "Cookies",
    "Menu",
    "Search",
    "Newsletter",
    "Read more",
    "Advertisement",
    "Related articles",
    "Next",
    "Previous",
    "Accept all cookies",
    "Sign up for our newsletter",
    "Follow us on Facebook",
    "© 2024 Example Media. All rights reserved.",
    "3 comments",
    "Leave a reply",
)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    noun, other = draw(st.sampled_from(NOUNS)), draw(st.sampled_from(NOUNS))
    words = [
        draw(st.sampled_from(FILLERS)).capitalize(),
        noun,
        draw(st.sampled_from(VERBS)),
        draw(st.sampled_from(FILLERS)),
        other + ",",
        "and",
        draw(st.sampled_from(FILLERS)),
        draw(st.sampled_from(NOUNS)),
        draw(st.sampled_from(TAILS)),
    ]
    return " ".join(words) + draw(st.sampled_from([".", ".", "!", "?"]))


@st.composite
def prose(draw: st.DrawFn, min_paragraphs: int = 2, max_paragraphs: int = 6) -> list[str]:
    """Paragraphs of 2-5 sentences, no sentence repeated (repeats are rightly duplicates)."""
    sizes = draw(st.lists(st.integers(2, 5), min_size=min_paragraphs, max_size=max_paragraphs))
    pool = draw(st.lists(sentences(), min_size=sum(sizes), max_size=sum(sizes), unique=True))
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    return [" ".join(pool[start : start + size]) for start, size in zip(starts, sizes, strict=True)]


boilerplate_lines = st.lists(st.sampled_from(MENU_WORDS), min_size=1, max_size=6).map(
    lambda words: " | ".join(words) if len(words) > 3 else "\n".join(words)
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A realistic page: boilerplate, several prose paragraphs, boilerplate; varied layout."""
    parts = draw(st.lists(boilerplate_lines, max_size=3))
    parts += draw(prose())
    parts += draw(st.lists(boilerplate_lines, max_size=3))
    separator = draw(st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]))
    text = separator.join(parts)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = text.replace(" and ", "\tand ")
    return text


@st.composite
def structured_noise(draw: st.DrawFn) -> str:
    """Lines of prose, menu words, blanks and junk glued with every kind of line break."""
    pieces = draw(
        st.lists(
            st.one_of(
                sentences(),
                st.sampled_from(MENU_WORDS),
                st.just(""),
                st.text(max_size=30),
                st.sampled_from(["\t", "   ", "\u00a0", "\u200b", "...", "•", "-", "|"]),
            ),
            max_size=25,
        )
    )
    breaks = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\x0c", "\u2028", "\x85", " "])
    return "".join(piece + draw(breaks) for piece in pieces)


# Every code point, surrogates and controls included; the low planes; and a dense mix of the
# characters normalize.py treats specially (line breaks, odd spaces, invisibles, a surrogate).
SPECIAL = (
    "ab., \n\r\t\x00\x0b\x0c\x1f\x7f\x85\u00a0\u00ad\u200b\u200d\u2028\u2060\u3000\ufeff\ud800"
)
any_text = st.one_of(
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=400),
    st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=400),
    st.text(alphabet=st.sampled_from(SPECIAL), max_size=200),
)
inputs = st.one_of(any_text, structured_noise(), pages())


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def check_partition(result: Result) -> None:
    blocks = result.document.blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))
    removed_indexes = [d.block.index for d in result.removed]
    assert removed_indexes == sorted(set(removed_indexes)), "removals repeat or are out of order"
    kept_indexes = {b.index for b in result.kept}
    assert kept_indexes.isdisjoint(removed_indexes), "a block is both kept and removed"
    merged = sorted([*result.kept, *(d.block for d in result.removed)], key=lambda b: b.index)
    assert merged == list(blocks), "kept + removed is not every block"
    verdicts = result.verdicts()
    assert [b for b, _ in verdicts] == list(blocks)
    assert [b for b, d in verdicts if d is None] == list(result.kept)
    for block, decision in verdicts:
        assert decision is None or decision.block == block


def check_reasons(result: Result) -> None:
    for decision in result.removed:
        assert isinstance(decision.category, Category)
        assert decision.reason.strip(), f"empty reason for {decision.text!r}"
        assert decision.code.strip(), f"empty code for {decision.text!r}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", decision.code), decision.code
        assert decision.filter.strip()


@SETTINGS
@given(inputs)
def test_never_raises_and_returns_str(text: str) -> None:
    assert isinstance(boilerstrip.clean(text), str)
    result = boilerstrip.extract(text)
    assert isinstance(result.body, str)


@FEW
@given(st.binary(max_size=400))
def test_never_raises_on_bytes(data: bytes) -> None:
    assert isinstance(boilerstrip.clean(data), str)


@SETTINGS
@given(inputs)
def test_kept_and_removed_partition_all_blocks(text: str) -> None:
    check_partition(boilerstrip.extract(text))


@SETTINGS
@given(inputs)
def test_every_removal_has_category_code_and_reason(text: str) -> None:
    check_reasons(boilerstrip.extract(text))


@SETTINGS
@given(pages())
def test_clean_is_idempotent_on_pages(text: str) -> None:
    once = boilerstrip.clean(text)
    assert boilerstrip.clean(once) == once


@st.composite
def pages_with_a_repeat(draw: st.DrawFn) -> str:
    """A page whose body repeats one paragraph later on (teasers, pull quotes), a label between."""
    paras = draw(prose(min_paragraphs=2, max_paragraphs=5))
    first = draw(st.integers(0, len(paras) - 1))
    paras.insert(draw(st.integers(first + 1, len(paras))), paras[first])
    paras.insert(draw(st.integers(1, len(paras) - 1)), draw(st.sampled_from(MENU_WORDS)))
    return "\n\n".join(paras)


_PARAGRAPH = (
    "The council approved the new budget for the coming year after months of debate. "
    "Officials said the plan would raise spending on public transport by a modest amount."
)


@SETTINGS
@given(pages_with_a_repeat())
@example(f"{_PARAGRAPH}\n\nNews\n\n{_PARAGRAPH}")
def test_clean_is_idempotent_when_a_paragraph_repeats(text: str) -> None:
    once = boilerstrip.clean(text)
    assert boilerstrip.clean(once) == once


@SETTINGS
@given(pages())
def test_output_words_come_from_the_input(text: str) -> None:
    extra = words(boilerstrip.clean(text)).keys() - words(text).keys()
    assert not extra, f"words not in the input: {sorted(extra)}"


@SETTINGS
@given(inputs)
def test_output_words_come_from_the_input_without_invisibles(text: str) -> None:
    # Only deleting characters that render as nothing may join two words (documented in
    # normalize.py); no other word may appear.
    extra = words(boilerstrip.clean(text)).keys() - words(INVISIBLE.sub("", text)).keys()
    assert not extra, f"words not in the input: {sorted(extra)}"


@SETTINGS
@given(
    prose(min_paragraphs=3, max_paragraphs=8),
    st.sampled_from(["\n\n", "\n"]),
)
def test_prose_only_text_passes_through(paras: list[str], separator: str) -> None:
    text = separator.join(paras)
    before = words(text)
    after = words(boilerstrip.clean(text))
    share = sum((before & after).values()) / sum(before.values())
    assert share >= 0.98, f"kept only {share:.1%} of the words of pure prose"


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n", "\r\n\r\n", "\x00", "\ud800", "\ufeff", "\u2028\u2029", "a", "." * 5000],
)
def test_edge_inputs(text: str) -> None:
    result = boilerstrip.extract(text)
    check_partition(result)
    check_reasons(result)
    once = boilerstrip.clean(text)
    assert boilerstrip.clean(once) == once
