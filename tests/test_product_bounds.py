"""Product pages: where the main-body pass looks for a product's body among a shop's chrome."""

from __future__ import annotations

import json

import pytest

import boilerstrip

_DETAILS = (
    "A true original, our runner combines soft merino wool with a cushioned sole for comfort.",
    "The responsibly sourced wool gives a cozy fit that is soft on the inside and durable "
    "on the outside, while the foam midsole offers support for a whole day on your feet.",
    "This shoe is washing machine approved: remove the insoles and laces and wash them apart.",
)
_POLICY = (
    "We process personal information for our legitimate purposes of running our business, "
    "complying with the law and providing you with the services that you have asked us for."
)


def _ld(node: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(node)}</script>"


def _runner_page(dialog: str, html_class: str = "") -> str:
    """A product page whose closed privacy dialog (``dialog``: its opening tag) holds more
    prose than the product's few paragraphs."""
    product = {"@type": "Product", "name": "Wool Runner"}
    details = "".join(f"<p>{line}</p>" for line in _DETAILS)
    policy = "".join(f"<p>{_POLICY} Section {i} of the policy.</p>" for i in range(8))
    return (
        f"<html class='{html_class}'><head><title>Wool Runner | Shop</title>{_ld(product)}"
        "</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/men'>Men</a></li>"
        "</ul></nav><main><h1>Wool Runner</h1><div>$110</div><button>Add to cart</button>"
        f"<h3>The details</h3>{details}</main>"
        f"{dialog}<h2>Privacy policy</h2>{policy}</div>"
        "<footer><p>© 2026 Shop Inc. All rights reserved.</p></footer></body></html>"
    )


def test_a_closed_dialogs_prose_does_not_take_the_products_body() -> None:
    result = boilerstrip.extract(_runner_page("<div id='modal-privacy' role='dialog'>"))
    assert result.metadata.page_type == "product"
    assert all(line in result.body for line in _DETAILS)
    assert _POLICY not in result.body


def test_the_same_prose_outside_a_dialog_is_the_body() -> None:
    # What the rule changes: the policy in a plain <div> outweighs the product's lines.
    body = boilerstrip.clean(_runner_page("<div class='policy'>"))
    assert _POLICY in body


def test_a_dialog_word_on_the_html_element_marks_no_block() -> None:
    # <html class="modal-closed"> says whether some dialog is open, of every block.
    body = boilerstrip.clean(_runner_page("<div class='policy'>", html_class="modal-closed"))
    assert _POLICY in body


_REVIEW = (
    "I bought these two weeks ago and wore them on every walk since, and honestly the wool "
    "held up far better than the cheaper pairs I had tried before, so I would buy them again."
)


def _reviewed_page(section_class: str) -> str:
    """A product page whose customers' reviews, after its few paragraphs, read as prose."""
    product = {"@type": "Product", "name": "Wool Runner"}
    details = "".join(f"<p>{line}</p>" for line in _DETAILS)
    reviews = "".join(
        f"<div class='review-item'><p>{_REVIEW} Review number {i}.</p></div>" for i in range(6)
    )
    return (
        f"<html><head><title>Wool Runner | Shop</title>{_ld(product)}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/men'>Men</a></li></ul></nav>"
        "<h1>Wool Runner</h1><div>$110</div><button>Add to cart</button>"
        f"<h3>The details</h3>{details}"
        f"<section class='{section_class}'><h2>What customers say</h2>{reviews}</section>"
        "<footer><p>© 2026 Shop Inc. All rights reserved.</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "section_class", ["product-reviews", "product-carousel", "product-disclaimer"]
)
def test_a_products_customer_reviews_or_carousel_are_not_its_body(section_class: str) -> None:
    # A carousel's slides are other products' blurbs, or quotes from the reviews.
    body = boilerstrip.clean(_reviewed_page(section_class))
    assert all(line in body for line in _DETAILS)
    assert "Review number 0." not in body


def test_the_same_prose_in_an_unnamed_section_is_the_body() -> None:
    # What the rule changes: unnamed, the reviews outweigh the product's lines.
    body = boilerstrip.clean(_reviewed_page("product-more"))
    assert "Review number 5." in body
