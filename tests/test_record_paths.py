"""Repeated records whose elements name their own item (an aria-label with the address, an
id with the product's code): the words of one card must not give each item a path of its
own, while an article's sections, named by their headings, stay no listing."""

from __future__ import annotations

from boilerstrip.document import build_document
from boilerstrip.records import find_records

_STREETS = ("Oxford", "Richards", "Caballo", "Mashie", "Ephedra", "Coyote", "Gurr", "Tiburon")
_PROSE = (
    "The council met on Tuesday evening to discuss the new budget, and after a long debate "
    "the members agreed that the library would stay open on weekends for another year."
)


def _card(street: str) -> str:
    return (
        f"<div class='homecard' aria-label='{street} Avenue'><div class='price'>$400,000</div>"
        f"<div class='address'><a href='/h/{street}'>12 {street} Avenue, Sparks</a></div>"
        "<div class='stats'>3 beds 2 baths</div></div>"
    )


def _page(cards: str) -> str:
    return (
        "<html><head><title>Homes for sale</title></head><body><h1>Homes for sale</h1>"
        f"<div class='results'>{cards}</div></body></html>"
    )


def test_cards_named_by_their_own_words_are_one_run_of_records() -> None:
    document = build_document(_page("".join(_card(street) for street in _STREETS)))
    records = find_records(document.blocks)
    assert records is not None
    assert records.count == len(_STREETS) and records.linked
    addresses = [b.index for b in document.blocks if b.text.startswith("12 ")]
    assert list(records.titles) == addresses


def test_sections_named_by_their_headings_are_no_records() -> None:
    sections = "".join(
        f"<section id='{street.lower()}-history'><h2>The history of {street} Avenue</h2>"
        f"<p>{_PROSE}</p></section>"
        for street in _STREETS
    )
    assert find_records(build_document(_page(sections)).blocks) is None


def test_links_named_apart_at_an_uneven_pace_are_no_records() -> None:
    # The same cards, but scattered: one right after another, then far apart.
    cards = [_card(street) for street in _STREETS[:4]]
    filler = "".join(f"<p>{_PROSE} Part {i}.</p>" for i in range(12))
    page = _page(cards[0] + cards[1] + filler + cards[2] + filler + filler + cards[3])
    assert find_records(build_document(page).blocks) is None


def test_titles_whose_class_repeats_some_of_their_words_are_one_run() -> None:
    # Each title's class is its slug: "guide" is in four of ten, no listing's element.
    kinds = ("guide",) * 4 + ("tour",) * 3 + ("hike",) * 3
    streets = (*_STREETS, "Lemur", "Bobcat")
    names = [f"{street} {kind}" for street, kind in zip(streets, kinds, strict=True)]
    cards = "".join(
        f"<div class='card'><h2 class='title {name.lower()}'><a href='/t/{i}'>A walk: {name}"
        f"</a></h2><p>Two hours on foot.</p></div>"
        for i, name in enumerate(names)
    )
    records = find_records(build_document(_page(cards)).blocks)
    assert records is not None and records.count == len(names)


_FILMS = ("Hamnet", "Mercy", "Sinners", "Bugonia", "GOAT", "Scream", "Crime", "Marty")


def _chart(title_tag: str) -> str:
    rows = "".join(
        f"<li class='row'><{title_tag} class='t'><a href='/f/{i}'>{film}</a></{title_tag}>"
        f"<div class='meta'>2026 1h 4{i}m R</div></li>"
        for i, film in enumerate(_FILMS)
    )
    return _page(f"<ul class='chart'>{rows}</ul>")


def test_short_headings_are_titles_but_short_links_are_not() -> None:
    # A chart's films have one-word names; as headings they are its records.
    records = find_records(build_document(_chart("h3")).blocks)
    assert records is not None and records.count == len(_FILMS)
    # One-word links without a heading read as a menu's entries.
    assert find_records(build_document(_chart("span")).blocks) is None


def test_headlines_in_the_headers_of_cards_open_items_on_a_list() -> None:
    cards = "".join(
        f"<article class='card'><header><h2><a href='/n/{i}'>News about {street} Avenue</a>"
        f"</h2></header><p>{_PROSE}</p></article>"
        for i, street in enumerate(_STREETS)
    )
    blocks = build_document(_page(cards)).blocks
    records = find_records(blocks, cards=True)
    assert records is not None and records.count == len(_STREETS)
    # Elsewhere a <header> is the page's furniture (a product page's carousel is built so).
    assert find_records(blocks) is None


def test_two_word_links_are_titles() -> None:
    services = (
        "Tax advisory",
        "Audit services",
        "Risk consulting",
        "Deal support",
        "Cyber defence",
    )
    rows = "".join(
        f"<div class='svc'><span class='t'><a href='/s/{i}'>{name}</a></span>"
        f"<p>What we do in {name.lower()}, for clients large and small.</p></div>"
        for i, name in enumerate(services)
    )
    records = find_records(build_document(_page(rows)).blocks)
    assert records is not None and records.count == len(services)
