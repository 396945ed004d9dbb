"""Unit tests of the duplicates pass: repeated blocks and blocks whose sentences all repeat."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boilerstrip
from boilerstrip.filters import DuplicatesFilter
from boilerstrip.filters.duplicates import sentence_keys

if TYPE_CHECKING:
    from conftest import Kit

# Two prompts after the article make a page look scraped: layouts repeat paragraphs only
# there, so the pass leaves clean text alone (see test_clean_text_keeps_its_repeats).
SCRAPED_TAIL = ["Share this article", "Subscribe to our newsletter"]


def scraped(lines: list[str]) -> list[str]:
    return [*lines, *SCRAPED_TAIL]


def test_exact_repeat_removed_first_kept(kit: type[Kit]) -> None:
    result = kit.run(scraped([*kit.prose, kit.prose[0]]), DuplicatesFilter())
    assert [d.block.index for d in result.removed] == [3]
    decision = result.removed[0]
    assert decision.block.index == 3
    assert (decision.category.value, decision.code) == ("duplicate", "repeated_block")
    assert "block 0" in decision.reason


def test_repeat_ignoring_case_and_punctuation(kit: type[Kit]) -> None:
    shouted = kit.prose[1].upper().replace(",", "").rstrip(".") + "!"
    result = kit.run(scraped([*kit.prose, shouted]), DuplicatesFilter())
    assert kit.code(result, shouted) == ("duplicate", "repeated_block")


def test_pull_quote_of_one_sentence(kit: type[Kit]) -> None:
    lines = [
        "The mayor spoke first at the meeting. The budget passed easily in the end after a vote.",
        "The budget passed easily in the end after a vote.",
    ]
    result = kit.run(scraped(lines), DuplicatesFilter())
    assert kit.code(result, lines[1]) == ("duplicate", "repeated_sentences")
    decision = kit.verdict(result, lines[1])
    assert decision is not None and "second sentence of block 0" in decision.reason


def test_reordered_sentences_count_as_repeat(kit: type[Kit]) -> None:
    lines = [
        "The mayor spoke first at the meeting. The budget passed easily in the end.",
        "The budget passed easily in the end. The mayor spoke first at the meeting.",
    ]
    result = kit.run(scraped(lines), DuplicatesFilter())
    assert kit.code(result, lines[1]) == ("duplicate", "repeated_sentences")
    assert kit.verdict(result, lines[0]) is None


def test_partly_new_block_is_kept(kit: type[Kit]) -> None:
    lines = [
        "The mayor spoke first at the meeting. The budget passed easily in the end.",
        "The budget passed easily in the end. Then everyone went home for the night.",
    ]
    result = kit.run(scraped(lines), DuplicatesFilter())
    assert result.removed == ()


def test_similar_but_different_sentence_is_kept(kit: type[Kit]) -> None:
    lines = [
        "The mayor spoke first at the meeting. The budget passed easily in the end.",
        "Then the budget passed easily in the end!",
    ]
    assert kit.run(scraped(lines), DuplicatesFilter()).removed == ()


def test_short_repeated_lines_are_not_duplicates(kit: type[Kit]) -> None:
    lines = [*kit.prose, "Yes", "Yes", "Photo credit here", "Photo credit here"]
    assert kit.run(scraped(lines), DuplicatesFilter()).removed == ()


def test_eight_word_repeat_is_a_duplicate(kit: type[Kit]) -> None:
    line = "Read the full report from the city council here"
    result = kit.run(scraped([*kit.prose, line, line]), DuplicatesFilter())
    assert [d.block.index for d in result.removed] == [4]
    assert result.removed[0].code == "repeated_block"


def test_short_repeats_in_structured_content_are_kept(kit: type[Kit]) -> None:
    # A meal plan repeats "Eat every 2-3 hours" under each meal: that is content.
    lines = [*kit.prose, "Meal 1", "Eat every 2-3 hours", "Meal 2", "Eat every 2-3 hours"]
    result = kit.run(scraped(lines), DuplicatesFilter())
    assert result.removed == ()


def test_repeats_of_removed_blocks_do_not_count(kit: type[Kit]) -> None:
    # The default pipeline removes the headline as the title; the duplicates pass only
    # compares kept blocks, so a body paragraph is never judged against removed text.
    result = kit.run(["Menu", "Council Approves New Budget", *kit.prose])
    assert [b.text for b in result.kept] == list(kit.prose)


def test_distinct_article_is_untouched(kit: type[Kit]) -> None:
    assert kit.run(kit.prose, DuplicatesFilter()).removed == ()


def test_sentence_keys_ignore_case_and_edge_punctuation() -> None:
    # Block text is already normalised (single spaces), as ``sentence_keys`` expects.
    assert sentence_keys("Hello World! “Next one.” (Last)") == ["hello world", "next one", "last"]
    assert sentence_keys("") == []


def test_clean_text_keeps_its_repeats(kit: type[Kit]) -> None:
    # A recipe's summary or a refrain repeats on purpose in clean text (true article bodies
    # lost 0.9% of their words to this pass before it asked whether the page is scraped).
    result = kit.run([*kit.prose, kit.prose[0]], DuplicatesFilter())
    assert result.removed == ()
    assert kit.run(scraped([*kit.prose, kit.prose[0]]), DuplicatesFilter()).removed != ()


def test_list_items_and_table_cells_may_repeat() -> None:
    item = "Two cups of plain flour, sifted twice before you start the dough"
    prose = " ".join(["The council met on Tuesday to talk about the budget for the town."] * 3)
    page = (
        "<html><body><nav><a href=/>Home</a></nav><nav><a href=/n>News</a></nav><article>"
        f"<p>{prose}</p><ul><li>{item}</li></ul><p>{prose} Again.</p><ul><li>{item}</li></ul>"
        "</article><footer>Subscribe to our newsletter</footer></body></html>"
    )
    assert boilerstrip.clean(page).count(item) == 2
