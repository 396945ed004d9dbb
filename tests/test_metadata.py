"""Tests of headline, byline and date extraction, and of ``boilerstrip.dates.find_date``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import boilerstrip
from boilerstrip.dates import find_date
from boilerstrip.filters import HeadlineFilter
from boilerstrip.metadata import lone_byline_or_date

if TYPE_CHECKING:
    from conftest import Kit

HEADLINE = "Council Approves New Budget"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2016-10-07", "2016-10-07"),
        ("Posted 2016-10-07 10:00", "2016-10-07"),
        ("October 07, 2016", "2016-10-07"),
        ("October 7, 2016", "2016-10-07"),
        ("Oct. 7, 2016", "2016-10-07"),
        ("October 7th, 2016", "2016-10-07"),
        ("7 October 2016", "2016-10-07"),
        ("7th October 2016", "2016-10-07"),
        ("7. Oktober 2016", "2016-10-07"),
        ("7 de octubre de 2016", "2016-10-07"),
        ("7 octobre 2016", "2016-10-07"),
        ("7 ottobre 2016", "2016-10-07"),
        ("07.10.2016", "2016-10-07"),
        ("10/07/2016", "2016-10-07"),
        ("2016/10/07", "2016-10-07"),
        ("29 February 2016", "2016-02-29"),
        ("Monday, October 7, 2016 at 10:00 am", "2016-10-07"),
    ],
)
def test_find_date_formats(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None, text
    assert found[0] == iso
    start, end = found[1]
    assert 0 <= start < end <= len(text)


def test_find_date_span_points_at_the_date() -> None:
    text = "Published: 7 October 2016, updated later"
    found = find_date(text)
    assert found is not None
    start, end = found[1]
    assert text[start:end] == "7 October 2016"


@pytest.mark.parametrize(
    "text",
    [
        "2016-02-30",
        "2016-13-01",
        "31.02.2016",
        "29 February 2015",
        "Febtober 7, 2016",
        "1 March 1899",
        "no date here",
        "",
        "Room 7, floor 2016",
    ],
)
def test_find_date_rejects_invalid_or_missing(text: str) -> None:
    assert find_date(text) is None


def test_find_date_skips_an_invalid_date_for_a_later_valid_one() -> None:
    found = find_date("2016-02-30 or rather 2016-03-01")
    assert found is not None and found[0] == "2016-03-01"


def test_find_date_in_iso_timestamp() -> None:
    found = find_date("2016-10-07T10:00:00Z")
    assert found is not None and found[0] == "2016-10-07"


@pytest.mark.parametrize(
    ("meta", "byline", "date"),
    [
        (["By Jane Smith | October 7, 2016"], "Jane Smith", "2016-10-07"),
        (["Written by Jane Smith, Tom Brown"], "Jane Smith, Tom Brown", None),
        (["Published: 7 October 2016"], None, "2016-10-07"),
        (["Updated Oct. 7, 2016 at 10:00 am EDT"], None, "2016-10-07"),
        (["Von Anna Müller", "7. Oktober 2016"], "Anna Müller", "2016-10-07"),
        (["Por Ana García", "7 de octubre de 2016"], "Ana García", "2016-10-07"),
    ],
)
def test_headline_byline_date(
    kit: type[Kit], meta: list[str], byline: str | None, date: str | None
) -> None:
    result = kit.run(["Menu", HEADLINE, *meta, *kit.prose])
    assert (result.title, result.byline, result.date) == (HEADLINE, byline, date)
    assert kit.code(result, HEADLINE) == ("title", "headline")
    for line in meta:
        assert kit.code(result, line) == ("metadata", "byline_date")
    assert [b.text for b in result.kept] == list(kit.prose)
    assert result.language == "en"


def test_metadata_detail_names_byline_and_date(kit: type[Kit]) -> None:
    result = kit.run(["Menu", HEADLINE, "By Jane Smith", "October 7, 2016", *kit.prose])
    decision = kit.verdict(result, "By Jane Smith")
    assert decision is not None
    assert "Jane Smith" in decision.reason and "2016-10-07" in decision.reason


def test_title_repeat_of_first_line_is_the_headline(kit: type[Kit]) -> None:
    lines = [f"{HEADLINE} | Example News", "Home", "News", HEADLINE, *kit.prose]
    result = kit.run(lines)
    assert result.title == HEADLINE
    assert kit.verdict(result, HEADLINE) is not None


def test_prose_page_without_headline_has_no_metadata(kit: type[Kit]) -> None:
    result = kit.run(kit.prose)
    assert (result.title, result.byline, result.date) == (None, None, None)


def test_sentence_is_not_taken_as_headline(kit: type[Kit]) -> None:
    sentence = "This is a short sentence."
    result = kit.run(["Menu", sentence, *kit.prose])
    assert result.title != sentence


def test_long_line_mentioning_by_is_not_a_byline(kit: type[Kit]) -> None:
    prose = (
        "By the end of the meeting on October 7, 2016, most members had agreed to the plan "
        "that the mayor had put forward."
    )
    result = kit.run(["Menu", HEADLINE, prose, *kit.prose])
    assert result.byline is None
    assert kit.verdict(result, prose) is None


def test_headline_on_the_first_line(kit: type[Kit]) -> None:
    result = kit.run([HEADLINE, "By Jane Smith", *kit.prose])
    assert result.title == HEADLINE
    assert kit.code(result, HEADLINE) == ("title", "headline")


@pytest.mark.parametrize(
    ("line", "code"),
    [("By Jane Smith", "byline_line"), ("October 7, 2016", "time_stamp")],
)
def test_lone_byline_or_date_inside_body(kit: type[Kit], line: str, code: str) -> None:
    p0, p1, p2 = kit.prose
    result = kit.run([p0, p1, line, p2], HeadlineFilter())
    assert kit.code(result, line) == ("metadata", code)


def test_lone_byline_must_name_someone(kit: type[Kit]) -> None:
    document = kit.document(["By hand", "By Jane Smith", "Thanks to all."])
    by_hand, named, thanks = document.blocks
    assert lone_byline_or_date(by_hand) is None
    assert lone_byline_or_date(named) == ("Jane Smith", None)
    assert lone_byline_or_date(thanks) is None


def test_code_line_is_never_the_headline() -> None:
    page = (
        "<html><body><pre>def f():\n    return 1</pre><p>Some words that explain the code "
        "above in a sentence or two here.</p></body></html>"
    )
    result = boilerstrip.extract(page)
    assert result.metadata.title is None
    assert "    return 1" in boilerstrip.clean(page)
