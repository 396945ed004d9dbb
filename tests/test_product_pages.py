"""Product pages: the description the page states in its metadata anchors the body."""

from __future__ import annotations

import json

import lxml.html

import boilerstrip
from boilerstrip.anchor import description_anchor
from boilerstrip.document import build_document
from boilerstrip.filters.base import Context
from boilerstrip.segment.html_meta import page_meta

_DESCRIPTION = (
    "The Arrival T-Shirt is your admission to a new, purposeful approach to training, with "
    "sweat-wicking technology and a lightweight material."
)
_REVIEW = (
    "I bought this two weeks ago and wore it to the gym every single day since then, and "
    "honestly the fabric held up far better than the cheaper shirts I had tried before it."
)


_CAROUSEL = "".join(
    f"<div class='card'><a href='/p/{i}'>Training shirt model {i}</a><span>$2{i}</span>"
    "<span>Add to bag</span></div>"
    for i in range(12)
)


def _ld(node: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(node)}</script>"


def _product_page(description_in_meta: bool = True) -> str:
    product = {"@type": "Product", "name": "Arrival T-Shirt", "description": _DESCRIPTION}
    if not description_in_meta:
        product.pop("description")
    reviews = "".join(
        f"<div class='review'><h3>Review {i}</h3><p>{_REVIEW} Review number {i}.</p></div>"
        for i in range(5)
    )
    return (
        f"<html><head><title>Arrival T-Shirt | Shop</title>{_ld(product)}</head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/men'>Men</a></li>"
        "<li><a href='/women'>Women</a></li></ul></nav></header>"
        "<h1>Arrival T-Shirt</h1><div class='price'>$30</div><button>Add to bag</button>"
        f"<div class='pdp-description'><h5>Description</h5><p>{_DESCRIPTION}</p></div>"
        f"<h2>You may also like</h2><div class='carousel'>{_CAROUSEL}</div>"
        f"<h2>Reviews</h2>{reviews}"
        "<footer><p>Sign up for our newsletter</p><p>© 2026 Shop Ltd. All rights reserved.</p>"
        "</footer></body></html>"
    )


def test_a_product_node_description_comes_before_the_meta_description() -> None:
    root = lxml.html.fromstring(
        "<html><head><meta name='description' content='Shop the best shirts online.'>"
        + _ld({"@type": "Review", "description": "A review, not the product."})
        + _ld({"@type": "https://schema.org/Product", "description": "  A fine\n cup. "})
        + "</head><body></body></html>"
    )
    assert page_meta(root).description == "A fine cup."


def test_the_meta_description_serves_when_no_product_node_has_one() -> None:
    root = lxml.html.fromstring(
        "<html><head><meta property='og:description' content='Shop the best shirts.'>"
        "</head><body></body></html>"
    )
    assert page_meta(root).description == "Shop the best shirts."


def test_the_anchor_is_the_block_holding_the_descriptions_opening_words() -> None:
    document = build_document(_product_page())
    anchor = description_anchor(document.blocks, _DESCRIPTION[:80] + "...")
    assert anchor is not None
    assert document.blocks[anchor].text == _DESCRIPTION


def test_a_slogan_is_too_short_to_anchor_anything() -> None:
    document = build_document(_product_page())
    assert description_anchor(document.blocks, "The Arrival T-Shirt") is None
    assert description_anchor(document.blocks, None) is None


def test_a_products_description_stays_beside_reviews_that_outweigh_it() -> None:
    result = boilerstrip.extract(_product_page())
    assert result.metadata.page_type == "product"
    assert _DESCRIPTION in result.body
    assert "Review number 4." in result.body
    assert "Add to bag" not in result.body


def test_without_a_stated_description_the_body_begins_at_the_products_name() -> None:
    # The same page with nothing to anchor on: the body runs from the <h1> (filters/content.py
    # _from_headline), past the buy box's labels.
    body = boilerstrip.clean(_product_page(description_in_meta=False))
    assert "Review number 4." in body
    assert _DESCRIPTION in body
    assert "Add to bag" not in body


def test_markup_and_entities_in_the_stated_description_are_not_words() -> None:
    document = build_document(_product_page())
    stated = "<strong>The Arrival T-Shirt</strong> is your admission&nbsp;to a new, purposeful"
    anchor = description_anchor(document.blocks, stated)
    assert anchor is not None
    assert document.blocks[anchor].text == _DESCRIPTION


def test_a_tagline_set_apart_from_the_description_does_not_hide_it() -> None:
    # The page shows the description's first words as a heading of their own: the key is
    # found from a few words in, in the paragraph that goes on.
    document = build_document(_product_page())
    anchor = description_anchor(document.blocks, "REDEFINING YOUR POTENTIAL " + _DESCRIPTION)
    assert anchor is not None
    assert document.blocks[anchor].text == _DESCRIPTION


def test_a_later_key_does_not_anchor_on_a_title_the_description_quotes() -> None:
    # "Find great deals for <product name> at ...": the product's name is no description.
    page = (
        "<html><body><h1>Arrival T-Shirt</h1>"
        "<div>Gymshark arrival training shirt black slim fit size medium lightweight</div>"
        f"<p>{_REVIEW}</p></body></html>"
    )
    document = build_document(page)
    stated = (
        "Find many great new and used options and get the best deals for Gymshark arrival "
        "training shirt black slim fit size medium lightweight at the best online prices"
    )
    assert description_anchor(document.blocks, stated) is None


def _shop_page(name: str, breadcrumb: str) -> str:
    """A product page whose breadcrumb repeats the product's name above its ``<h1>``, and
    whose reviews, far below, read more like prose than its few lines of description."""
    product = {"@type": "Product", "name": name}
    reviews = "".join(
        f"<div class='review'><p>{_REVIEW} Review number {i}.</p></div>" for i in range(4)
    )
    return (
        f"<html><head><title>{name} | Shop</title>{_ld(product)}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/tools'>Tools</a></nav>"
        f"<ul class='crumbs'><li>Tools</li><li>{breadcrumb}</li></ul>"
        "<div>Free shipping on orders over $75</div><div>Select store</div>"
        f"<h1>{name}</h1><div>$7.95</div><button>Add to cart</button>"
        "<p>Flexible blade for opening tough devices, glued screens and stuck battery covers.</p>"
        "<p>The handle gives a firm grip and the thin steel slips into the tightest gaps.</p>"
        f"<h2>Customer reviews</h2>{reviews}</body></html>"
    )


def test_the_h1_repeating_the_title_wins_over_an_earlier_breadcrumb() -> None:
    name = "Jimmy Device Opener"
    ctx = Context(build_document(_shop_page(name, name)))
    headline = ctx.page.title_index
    assert headline is not None
    dom = ctx.document.blocks[headline].dom
    assert dom is not None
    assert dom.tag == "h1"


def test_a_one_word_product_name_in_the_h1_is_the_headline() -> None:
    # Without the <h1> "Jimmy" the headline was a line nearer the reviews, and the body was
    # sought after it (a shop's description went with everything before them).
    ctx = Context(build_document(_shop_page("Jimmy", "Openers")))
    assert ctx.page_type == "product"
    headline = ctx.page.title_index
    assert headline is not None
    assert ctx.document.blocks[headline].text == "Jimmy"


def _spec_sheet_page() -> str:
    """A product page that says everything in short lines: name, specifications, prices."""
    product = {"@type": "Product", "name": "Decorating Clips 40-Pack"}
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Builder", "Guides", "Forums"))
    return (
        f"<html><head><title>Decorating Clips 40-Pack - PartPicker</title>{_ld(product)}"
        f"</head><body><nav><ul>{menu}</ul></nav>"
        "<h1>Decorating Clips 40-Pack</h1><form><button>Add to Part List</button></form>"
        "<h2>Specifications</h2><h3>Manufacturer</h3><p>3M</p><h3>Part #</h3>"
        "<p>17026CLR-40ES</p><h3>Colour</h3><p>Clear plastic hooks</p>"
        "<h2>Prices</h2><table><tr><td>Merchant</td><td>Base</td><td>Total</td></tr>"
        "<tr><td>Amazon</td><td>$9.99</td><td>$9.99</td></tr></table>"
        "<h2>Price Alert</h2><div>Log in to set a price alert on this product.</div>"
        f"<footer><ul>{menu}</ul><p>Copyright 2026 PartPicker LLC. All rights reserved.</p>"
        "</footer></body></html>"
    )


def test_a_product_page_without_prose_keeps_what_follows_its_name() -> None:
    # The best span of prose is one login prompt: the sheet under the <h1> is the body.
    body = boilerstrip.clean(_spec_sheet_page())
    assert "Manufacturer" in body
    assert "17026CLR-40ES" in body
    assert "Clear plastic hooks" in body
    assert "All rights reserved" not in body


def test_without_an_h1_naming_the_product_the_short_lines_stay_out() -> None:
    # A category's heading in a breadcrumb line names no one product: its filter and sort
    # lines are no body.
    page = _spec_sheet_page().replace("<h1>", "<div>").replace("</h1>", "</div>")
    body = boilerstrip.clean(page)
    assert "17026CLR-40ES" not in body


_FEATURES = (
    "Ripstop nylon main body fabric has a water repellent finish that is made without PFAS",
    "Recycled oxford nylon bottom is highly abrasion resistant",
    "The top has a zip pocket on its underside where you can keep your keys and valuables",
    "Bungee straps let you attach accessories while you are hiking, and they stow in the pack",
    "Interior organization includes an inner sleeve with a clip to hold a hydration reservoir",
    "The included raincover is made with a silicone coating, and it stows in its own pocket",
)


def _pack_page() -> str:
    """A product page whose feature list stands apart from its description, past the
    buy box's short lines."""
    product = {"@type": "Product", "name": "Trail 25 Pack", "description": _DESCRIPTION}
    buy_box = "".join(
        f"<div>{line}</div>"
        for line in ("Color: Oak Brown", "Quantity", "Pick up", "Edit store", "Ship to address") * 3
    )
    features = "".join(f"<li>{item}</li>" for item in _FEATURES)
    return (
        f"<html><head><title>Trail 25 Pack | Co-op</title>{_ld(product)}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/packs'>Packs</a></li></ul></nav>"
        f"<h1>Trail 25 Pack</h1><p>{_DESCRIPTION}</p>{buy_box}"
        f"<h2>Features</h2><ul>{features}</ul>"
        f"<h2>You may also like</h2><div class='carousel'>{_CAROUSEL}</div>"
        "<footer><p>© 2026 Co-op. All rights reserved.</p></footer></body></html>"
    )


def test_a_products_feature_list_apart_from_its_description_is_kept() -> None:
    body = boilerstrip.clean(_pack_page())
    assert _DESCRIPTION in body
    assert all(item in body for item in _FEATURES)
    assert "Edit store" not in body


_BULLETS = ("- Slim fit", "- Lightweight material", "- Crew neck", "- Straight hem")


def _sheet_page() -> str:
    """A product page whose description, with its features written as paragraphs, sits in
    an ``<aside>`` sheet inside the page's main element, above longer reviews."""
    product = {"@type": "Product", "name": "Arrival T-Shirt", "description": _DESCRIPTION}
    bullets = "".join(f"<p>{line}</p>" for line in _BULLETS)
    reviews = "".join(
        f"<div class='review'><p>{_REVIEW} Review number {i}.</p></div>" for i in range(5)
    )
    return (
        f"<html><head><title>Arrival T-Shirt | Shop</title>{_ld(product)}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/men'>Men</a></li></ul></nav>"
        "<main><h1>Arrival T-Shirt</h1><div class='price'>$30</div>"
        f"<aside class='sheet'><h5>Description</h5><p>{_DESCRIPTION}</p>{bullets}</aside>"
        f"<h2>Reviews</h2>{reviews}</main>"
        "<footer><p>© 2026 Shop Ltd. All rights reserved.</p></footer></body></html>"
    )


def test_a_description_in_an_aside_sheet_keeps_its_feature_lines() -> None:
    body = boilerstrip.clean(_sheet_page())
    assert _DESCRIPTION in body
    assert all(line in body for line in _BULLETS)
    assert "All rights reserved" not in body
