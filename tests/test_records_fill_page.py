"""A run of linked records that fills the page is its content even where og:type says
article (a WordPress section index), and there each item's byline and date are its lines."""

from __future__ import annotations

import boilerstrip

_INTRO = (
    "From televisions and speakers to cameras, laptops and routers, our team has tested "
    "thousands of gadgets over the years, and these are the guides we keep updating for "
    "readers who want the best of each kind without reading every review on the web first."
)
_OG_ARTICLE = '<meta property="og:type" content="article">'
_MENU = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8))
_CHROME = f"<nav><ul>{_MENU}</ul></nav>"
_FOOTER = "<footer><p>© 2026 Example Reviews. All rights reserved.</p></footer>"


def _review(i: int) -> str:
    return (
        f"<div class='card'><h3><a href='/reviews/{i}'>The best portable speaker number {i} "
        f"for travel</a></h3><p>by Jane Doe</p><p>We tested speaker {i} on the beach and in "
        f"the park, and it kept playing loud and clear through a whole weekend away.</p>"
        f"<div>Updated March {i + 1}, 2026</div></div>"
    )


def _index() -> str:
    cards = "".join(_review(i) for i in range(10))
    return (
        f"<html><head><title>Electronics</title>{_OG_ARTICLE}</head><body>{_CHROME}"
        f"<main><h1>Electronics</h1><section><p>{_INTRO}</p></section>"
        f"<div class='grid'>{cards}</div></main>{_FOOTER}</body></html>"
    )


def test_records_filling_an_og_article_page_are_its_body() -> None:
    body = boilerstrip.clean(_index())
    assert "our team has tested" in body
    assert all(f"The best portable speaker number {i} for travel" in body for i in range(10))
    assert "We tested speaker 9 on the beach" in body


def _comment(i: int) -> str:
    return (
        f"<li><div class='reply'><a href='#c{i}'>reply to comment</a></div>"
        f"<p>Reader Number{i} says</p><p>July {i + 1}, 2015 at 8:28 am</p><p>Mine grew well "
        f"this year too, thank you for the tips on watering number {i}!</p></li>"
    )


def test_a_thread_of_comments_opening_with_one_same_link_is_not_the_body() -> None:
    story = " ".join([_INTRO] * 2)
    comments = "".join(_comment(i) for i in range(12))
    page = (
        f"<html><head><title>Growing cabbage</title>{_OG_ARTICLE}</head><body>{_CHROME}<main>"
        f"<article><h1>Growing cabbage</h1><p>{story}</p></article>"
        f"<ol class='comments'>{comments}</ol></main>{_FOOTER}</body></html>"
    )
    body = boilerstrip.clean(page)
    assert "our team has tested" in body
    assert "thank you for the tips on watering number 5" not in body


def _book(i: int) -> str:
    return (
        f"<tr><td><a class='title' href='/book/{i}'>The collected stories of author {i}</a>"
        f"<div>4.{i} avg rating</div><div class='cta'><button>Want to Read</button>"
        "<button>Rate it</button></div></td></tr>"
    )


def test_the_items_chrome_does_not_outweigh_records_that_fill_the_page() -> None:
    # Each book's buttons are removed (a call to action), item after item; the list, not
    # the paragraphs under it, is the page.
    books = "".join(_book(i) for i in range(12))
    page = (
        f"<html><head><title>Best books</title></head><body>{_CHROME}<main><h1>Best books</h1>"
        f"<table>{books}</table><p>{_INTRO}</p><p>{_INTRO}</p></main>{_FOOTER}</body></html>"
    )
    body = boilerstrip.clean(page)
    assert all(f"The collected stories of author {i}" in body for i in range(12))
    assert "Want to Read" not in body
