"""Unit tests of the navigation pass: breadcrumbs, link rows, menu labels, section labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from boilerstrip.filters import HeadlineFilter, NavigationFilter

if TYPE_CHECKING:
    from conftest import Kit

HEADLINE = "Council Approves New Budget"


@pytest.mark.parametrize(
    "line",
    ["Home > News > World", "Home / Politics / Europe", "Start » Sport » Football", "A › B › C"],
)
def test_breadcrumbs_removed(kit: type[Kit], line: str) -> None:
    result = kit.run([line, *kit.prose], NavigationFilter())
    assert kit.code(result, line) == ("navigation", "breadcrumb")
    assert result.removed[0].filter == "navigation"


@pytest.mark.parametrize(
    "line",
    ["News | Sport | Weather | Culture", "About • Contact • Jobs", "World · Business · Tech"],
)
def test_link_rows_removed(kit: type[Kit], line: str) -> None:
    result = kit.run([line, *kit.prose], NavigationFilter())
    assert kit.code(result, line) == ("navigation", "link_row")


def test_menu_label_and_prompt(kit: type[Kit]) -> None:
    result = kit.run(["Menu", "Skip to content", *kit.prose, "Back to top"], NavigationFilter())
    assert kit.code(result, "Menu") == ("navigation", "navigation_label")
    assert kit.code(result, "Skip to content") == ("navigation", "navigation_prompt")
    assert kit.code(result, "Back to top") == ("navigation", "navigation_prompt")


def test_section_label_right_above_headline(kit: type[Kit]) -> None:
    lines = ["Menu", "World", HEADLINE, *kit.prose]
    result = kit.run(lines, HeadlineFilter(), NavigationFilter())
    assert kit.code(result, HEADLINE) == ("title", "headline")
    assert kit.code(result, "World") == ("navigation", "section_label")
    assert "above the headline" in (kit.verdict(result, "World") or pytest.fail()).reason


def test_sentence_above_headline_is_not_a_section_label(kit: type[Kit]) -> None:
    note = "Updated."
    result = kit.run(["Menu", note, HEADLINE, *kit.prose], NavigationFilter())
    assert kit.verdict(result, note) is None


def test_only_separator_shapes_with_short_items_count(kit: type[Kit]) -> None:
    long_items = "Either way | this is a very long item with many words in it | and another one"
    result = kit.run([*kit.prose, long_items], NavigationFilter())
    assert kit.verdict(result, long_items) is None


def test_two_items_are_not_a_row(kit: type[Kit]) -> None:
    result = kit.run([*kit.prose, "News | Sport"], NavigationFilter())
    assert kit.verdict(result, "News | Sport") is None


@pytest.mark.parametrize(
    "prose",
    [
        "The ratio of 3 / 4 is well known, and so is the one of 1 / 2 in the schools of the "
        "city, according to the teachers we spoke with.",
        "Input > Process > Output is how the engineers describe the pipeline they built, in "
        "a sentence that ends.",
        "Visitors can skip to content they like by using the new menu on the left, the "
        "designers explained at the launch event.",
    ],
)
def test_prose_with_separators_or_phrases_is_kept(kit: type[Kit], prose: str) -> None:
    result = kit.run([*kit.prose, prose], NavigationFilter())
    assert kit.verdict(result, prose) is None


def test_article_alone_is_untouched(kit: type[Kit]) -> None:
    assert kit.run(kit.prose, NavigationFilter()).removed == ()


def test_default_pipeline_removes_page_chrome_and_keeps_body(kit: type[Kit]) -> None:
    lines = ["Skip to content", "Home > News > Local", "News | Sport | Weather", HEADLINE]
    result = kit.run([*lines, *kit.prose])
    assert [d.category.value for d in result.removed[:3]] == ["navigation"] * 3
    assert [b.text for b in result.kept] == list(kit.prose)


def test_key_value_spec_line_is_not_a_link_row(kit: type[Kit]) -> None:
    spec = "CPU: Ryzen 7 350 | RAM: 16GB DDR5 | Storage: 1TB SSD | Screen: 14 inch"
    result = kit.run([*kit.prose, spec], NavigationFilter())
    assert kit.verdict(result, spec) is None


def test_rows_of_a_pipe_table_are_not_link_rows(kit: type[Kit]) -> None:
    table = ["Rank | School | Score", "1 | Stanford | 98", "2 | Wharton | 97"]
    result = kit.run([*kit.prose, *table], NavigationFilter())
    assert all(kit.verdict(result, row) is None for row in table)


def test_a_link_row_next_to_a_removed_row_is_still_a_link_row(kit: type[Kit]) -> None:
    # The footer row goes as legal first; its neighbour has no table left to belong to.
    menu, footer = "Home | News | Sport | Weather", "About | Contact | Jobs | Privacy Policy"
    result = kit.run([*kit.prose, menu, footer])
    assert kit.code(result, menu) == ("navigation", "link_row")


@pytest.mark.parametrize(
    "line",
    [
        "Showing 1-24 of 310 results",
        "Displaying 1 - 15 of 190 news articles related to this topic.",
        "Viewing 2 of 2 products",
    ],
)
def test_result_counts_removed(kit: type[Kit], line: str) -> None:
    result = kit.run([line, *kit.prose], NavigationFilter())
    assert kit.code(result, line) == ("navigation", "result_count")


def test_a_sentence_about_showing_results_is_kept(kit: type[Kit]) -> None:
    line = "Showing 3 of the 12 paintings to the public was the curator's decision last spring."
    result = kit.run([line, *kit.prose], NavigationFilter())
    assert kit.code(result, line) is None
