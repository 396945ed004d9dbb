"""Unit tests of the main-body pass: the article span, its edges, and what lies inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from boilerstrip.filters import HeadlineFilter, MainBodyFilter
from boilerstrip.span import best_span

if TYPE_CHECKING:
    from conftest import Kit

# A real menu carries at least a couple of the lexicon's labels ("Home", "Search"); the pass
# only trims pages that show boilerplate vocabulary (clean text keeps its lists and tables).
MENU = ("Home", "Weather", "Sports", "Search")
FOOTER = ("Contact the newsroom", "Jobs at the paper", "Advertise")


def test_menu_before_and_footer_after_body(kit: type[Kit]) -> None:
    result = kit.run([*MENU, *kit.prose, *FOOTER], MainBodyFilter())
    assert [b.text for b in result.kept] == list(kit.prose)
    for line in MENU:
        assert kit.code(result, line) == ("navigation", "before_body")
    for line in FOOTER:
        assert kit.code(result, line) == ("other", "after_body")
    assert {d.filter for d in result.removed} == {"main_body"}


def test_subheading_and_list_inside_body_are_kept(kit: type[Kit]) -> None:
    p0, p1, p2 = kit.prose
    inside = [p0, "What happens next", p1, "Buses", "Trams", "Bike lanes", p2]
    result = kit.run([*MENU, *inside, *FOOTER], MainBodyFilter())
    assert [b.text for b in result.kept] == inside


def test_caption_inside_body_is_kept(kit: type[Kit]) -> None:
    p0, p1, p2 = kit.prose
    inside = [p0, p1, "Photo: City Hall", p2]
    result = kit.run([*MENU, *inside], MainBodyFilter())
    assert [b.text for b in result.kept] == inside


def test_removed_ad_inside_body_does_not_split_it(kit: type[Kit]) -> None:
    p0, p1, p2 = kit.prose
    result = kit.run([*MENU, p0, p1, "Advertisement", p2, *FOOTER])
    assert kit.code(result, "Advertisement") == ("advertisement", "advertisement_label")
    assert [b.text for b in result.kept] == [p0, p1, p2]


CLOSING = "Jane Smith contributed to this report"


@pytest.mark.parametrize(("favor", "kept"), [("balanced", True), ("recall", True)])
def test_near_prose_edge_line_is_added_unless_precision(
    kit: type[Kit], favor: str, kept: bool
) -> None:
    lines = ["Home", "Search", kit.prose[0], CLOSING, "Jobs"]
    result = kit.run(lines, MainBodyFilter(), favor=favor)
    assert (kit.verdict(result, CLOSING) is None) is kept
    assert kit.code(result, "Jobs") == ("other", "after_body")


def test_precision_does_not_extend_the_span(kit: type[Kit]) -> None:
    lines = ["Home", "Search", kit.prose[0], CLOSING, "Jobs"]
    result = kit.run(lines, MainBodyFilter(), favor="precision")
    assert kit.code(result, CLOSING) == ("other", "after_body")
    assert [b.text for b in result.kept] == [kit.prose[0]]


def test_page_without_prose_is_left_alone(kit: type[Kit]) -> None:
    result = kit.run(["Home", "News", "Contact"], MainBodyFilter())
    assert result.removed == ()


def test_headline_and_byline_are_metadata_not_before_body(kit: type[Kit]) -> None:
    lines = ["Menu", "Search", "Council Approves New Budget", "By Jane Smith", *kit.prose]
    result = kit.run(lines, HeadlineFilter(), MainBodyFilter())
    assert kit.code(result, "Council Approves New Budget") == ("title", "headline")
    assert kit.code(result, "By Jane Smith") == ("metadata", "byline_date")
    assert kit.code(result, "Menu") == ("navigation", "before_body")
    assert result.title == "Council Approves New Budget"


def test_clean_article_passes_through_default_pipeline(kit: type[Kit]) -> None:
    result = kit.run(kit.prose)
    assert result.removed == ()
    assert result.body == kit.text(kit.prose)


@pytest.mark.parametrize(
    ("weights", "span"),
    [
        ([-1.0, 2.0, 3.0, -1.0], (1, 2)),
        ([1.0, -5.0, 2.0], (2, 2)),
        ([3.0, -1.0, 3.0], (0, 2)),
        ([-1.0, -2.0], None),
        ([], None),
    ],
)
def test_best_span(weights: list[float], span: tuple[int, int] | None) -> None:
    assert best_span(weights) == span


def test_clean_text_keeps_its_table_after_the_prose(kit: type[Kit]) -> None:
    table = ["Pos Driver Points", "1 Kyle Busch 5040", "2 Martin Truex 5035", "3 Joey Logano 5030"]
    result = kit.run([*kit.prose, *table], MainBodyFilter())
    assert result.removed == ()


def test_page_with_boilerplate_vocabulary_loses_its_trailing_table(kit: type[Kit]) -> None:
    table = ["1 Kyle Busch 5040", "2 Martin Truex 5035", "3 Kevin Harvick 5030"]
    result = kit.run([*MENU, *kit.prose, *table], MainBodyFilter())
    assert all(kit.code(result, row) == ("other", "after_body") for row in table)


def test_recall_keeps_a_long_prose_paragraph_outside_the_span(kit: type[Kit]) -> None:
    far = (
        "In a separate decision, the council also agreed to study whether the town should "
        "build a new library, and it asked the staff to report back on the likely costs of "
        "the project before the end of the spring."
    )
    gap = ["Local", "Contact", "Jobs", "Events", "Obituaries", "Classifieds", "Archive", "Help"]
    lines = [*MENU, *kit.prose, *gap, *gap, *gap, far]  # a gap the paragraph cannot bridge
    balanced = kit.run(lines, MainBodyFilter())
    recall = kit.run(lines, MainBodyFilter(), favor="recall")
    assert kit.code(balanced, far) == ("other", "after_body")
    assert kit.verdict(recall, far) is None
    assert all(kit.code(recall, line) == ("other", "after_body") for line in gap)


def test_a_run_of_short_lines_alone_does_not_make_a_page_scraped(kit: type[Kit]) -> None:
    # An ingredient list inside clean text: five short lines, no boilerplate word anywhere.
    items = ["Two eggs", "Plain flour", "Whole milk", "Unsalted butter", "Sea salt"]
    lines = [*kit.prose, "You will need", *items]
    assert kit.run(lines, MainBodyFilter()).removed == ()


def test_edge_menu_run_and_one_boilerplate_word_make_a_page_scraped(kit: type[Kit]) -> None:
    menu = ["Home", "World", "Business", "Sport", "Culture"]
    lines = ["Skip to content", *menu, *kit.prose]
    result = kit.run(lines, MainBodyFilter())
    assert all(kit.code(result, item) == ("navigation", "before_body") for item in menu)


def test_span_does_not_open_on_a_bare_link(kit: type[Kit]) -> None:
    # The span must start within 12 blocks of the headline; here all of them are a share
    # panel, and the last allowed start is a bare link (BBC's layout).
    headline = "Council Approves New Budget"
    networks = ["Facebook", "Twitter", "Email", "WhatsApp", "Messenger", "LinkedIn"]
    panel = [f"Share this with {n}" for n in networks + networks[:5]]
    link = "https://www.example.com/news/council-budget-2019"
    lines = [f"{headline} - Example News", "Menu", headline, *panel, link, "Copy this link"]
    result = kit.run([*lines, *kit.prose])
    assert kit.verdict(result, link) is not None
    assert kit.verdict(result, kit.prose[0]) is None
