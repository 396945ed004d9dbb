"""Repeated records (a listing's items), the <noscript> and hidden-page fallbacks, and
listing-aware bodies."""

from __future__ import annotations

import pytest

import boilerstrip
from boilerstrip.document import build_document
from boilerstrip.records import MIN_RECORDS, find_records

_MENU = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8))
_PROSE = (
    "The council met on Tuesday evening to discuss the new budget, and after a long debate "
    "the members agreed that the library would stay open on weekends for another year."
)


def _item(i: int) -> str:
    return (
        f"<div class='card'><h3 class='card-title'><a href='/e/{i}'>Community workshop number "
        f"{i} on local history</a></h3><p class='when'>Saturday at {i}:00 PM</p>"
        f"<p class='price'>Free</p></div>"
    )


def _listing(items: int) -> str:
    cards = "".join(_item(i) for i in range(items))
    return (
        f"<html><head><title>Events</title></head><body><nav><ul>{_MENU}</ul></nav>"
        f"<main><h1>Upcoming events</h1><div class='results'>{cards}</div></main>"
        "<footer><p>© 2026 Example Events. All rights reserved.</p></footer></body></html>"
    )


def test_repeated_linked_titles_are_records() -> None:
    document = build_document(_listing(6))
    records = find_records(document.blocks)
    assert records is not None
    assert records.count == 6 and records.linked
    titles = [b for b in document.blocks if b.text.startswith("Community workshop")]
    assert all(b.index in records for b in titles)
    last_when = next(b for b in document.blocks if b.text == "Saturday at 5:00 PM")
    assert last_when.index in records  # the last item's details belong to the run


def test_too_few_items_or_a_menu_are_no_records() -> None:
    assert find_records(build_document(_listing(MIN_RECORDS - 1)).blocks) is None
    menu_only = f"<html><body><nav><ul>{_MENU}</ul></nav><p>{_PROSE}</p></body></html>"
    assert find_records(build_document(menu_only).blocks) is None


def test_section_headings_are_records_but_not_linked() -> None:
    sections = "".join(f"<h2>Part {i} of the long story</h2><p>{_PROSE}</p>" for i in range(5))
    records = find_records(build_document(f"<html><body>{sections}</body></html>").blocks)
    assert records is not None and not records.linked


def test_listing_keeps_its_linked_titles_and_drops_the_menu() -> None:
    result = boilerstrip.extract(_listing(8))
    body = result.body
    for i in range(8):
        assert f"Community workshop number {i} on local history" in body
    assert "Section 3" not in body
    assert "All rights reserved" not in body


def _discourse_shell(posts: int) -> str:
    thread = "".join(
        f"<div class='post'><span class='creator'>user{i}</span><p>{_PROSE} Reply {i}.</p></div>"
        for i in range(posts)
    )
    return (
        "<html><head><title>Budget thread - Forum</title></head><body>"
        "<div id='app'><p>Loading...</p></div>"
        f"<noscript data-path='/t/budget/1'><h1>Budget thread</h1>{thread}</noscript>"
        "</body></html>"
    )


def test_a_script_shell_is_read_from_its_noscript() -> None:
    body = boilerstrip.clean(_discourse_shell(4))
    assert "Reply 0." in body and "Reply 3." in body


def test_a_short_noscript_notice_stays_out() -> None:
    page = (
        f"<html><body><noscript><p>Please enable JavaScript to use this site.</p></noscript>"
        f"<p>{_PROSE}</p><p>{_PROSE}</p></body></html>"
    )
    body = boilerstrip.clean(page)
    assert "enable JavaScript" not in body
    assert "library would stay open" in body


def _hidden_shell(style: str, paragraphs: int) -> str:
    body = "".join(f"<p>{_PROSE} Paragraph {i}.</p>" for i in range(paragraphs))
    return (
        "<html><head><title>Almond thins - Shop</title></head><body>"
        "<div class='banner'>Free shipping over 40 EUR</div>"
        f"<div class='product-wrapper defer-block' style='{style}'><h1>Almond thins</h1>{body}"
        "<div aria-hidden='true'>ICON-ONLY</div></div></body></html>"
    )


@pytest.mark.parametrize("style", ["display: none", "visibility:hidden; min-height:100vh"])
def test_a_page_sent_hidden_for_its_script_to_show_is_read(style: str) -> None:
    body = boilerstrip.clean(_hidden_shell(style, 12))
    assert "Paragraph 0." in body and "Paragraph 11." in body
    assert "ICON-ONLY" not in body  # aria-hidden still hides


def test_hidden_text_stays_out_of_a_page_with_shown_text() -> None:
    shown = "".join(f"<p>{_PROSE} Shown {i}.</p>" for i in range(12))
    page = _hidden_shell("display:none", 12).replace("<div class='banner'>", shown + "<div>")
    body = boilerstrip.clean(page)
    assert "Shown 11." in body
    assert "Paragraph 0." not in body


def _reviews_listing() -> str:
    items = "".join(
        f"<div class='post-card'><h3><a href='/r/{i}'>The best gadget number {i}</a></h3>"
        f"<p class='byline'>By Jane Doe</p><p>Held steady and cost less, pick {i}.</p></div>"
        for i in range(12)
    )
    return (
        f"<html><head><title>Reviews | Gadget Guide</title></head><body><nav><ul>{_MENU}</ul>"
        f"</nav><main><h1>All reviews</h1><p>{_PROSE}</p>{items}"
        "<div class='pagination'><a href='/p/2'>Next page</a></div></main>"
        "<footer><p>© 2026 Gadget Guide. All rights reserved.</p></footer></body></html>"
    )


def test_a_listings_bylines_mark_its_items_rather_than_end_its_body() -> None:
    result = boilerstrip.extract(_reviews_listing())
    assert result.metadata.page_type == "listing"
    for i in range(12):
        assert f"pick {i}." in result.body
    assert "By Jane Doe" not in result.body  # still reported as bylines, not body
    assert "Next page" not in result.body


def test_a_page_that_shows_nothing_is_read_from_its_stated_description() -> None:
    post = (
        "So I wanted to know what real world miles people are getting. I did 24 miles on "
        "Friday and another 15 on Tuesday, all without charging the scooter once."
    )
    shell = (
        "<html><head><title>What's your range? - Community</title>"
        f'<meta name="description" content="{post}">'
        "</head><body><section id='main'></section><form><button></button></form></body></html>"
    )
    assert post in boilerstrip.clean(shell)
    # A page with text of its own is not given its description.
    shown = shell.replace("<section id='main'>", f"<section id='main'><p>{_PROSE}</p>")
    body = boilerstrip.clean(shown)
    assert _PROSE in body and post not in body
