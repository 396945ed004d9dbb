"""Which links inside a run of records are the items' content: menus named so are no
records, repeated call-to-action buttons are chrome, and a schema.org article spares none."""

from __future__ import annotations

import boilerstrip
from boilerstrip.document import build_document
from boilerstrip.records import find_records

_PROSE = (
    "The council met on Tuesday evening to discuss the new budget, and after a long debate "
    "the members agreed that the library would stay open on weekends for another year."
)


def _card(i: int, button: str) -> str:
    return (
        f"<div class='job'><h3><a href='/jobs/{i}'>Senior data engineer for team {i} in Leeds"
        f"</a></h3><p>Full-time, remote friendly, salary band {i}</p>"
        f"<a class='btn' href='/co/{i}'>{button}</a></div>"
    )


def _jobs_page(button: str, items: int = 8) -> str:
    cards = "".join(_card(i, button) for i in range(items))
    return (
        "<html><head><title>Jobs</title></head><body><main><h1>Latest jobs</h1>"
        f"<div class='results'>{cards}</div></main></body></html>"
    )


def test_a_repeated_call_to_action_is_dropped_and_the_items_kept() -> None:
    body = boilerstrip.clean(_jobs_page("View Company Profile"))
    assert all(f"Senior data engineer for team {i} in Leeds" in body for i in range(8))
    assert "Full-time, remote friendly, salary band 0" in body
    assert "View Company Profile" not in body


def test_a_repeated_link_that_is_no_call_to_action_stays() -> None:
    # "Acme Analytics Ltd" repeats in every item too, but names something: it is content.
    body = boilerstrip.clean(_jobs_page("Acme Analytics Ltd"))
    assert "Senior data engineer for team 7 in Leeds" in body
    assert body.count("Acme Analytics Ltd") >= 4


def _mobile_menu(entries: int) -> str:
    items = "".join(
        f"<li><a href='/m/{i}'>Residents and medical students {i}</a></li>" for i in range(entries)
    )
    return f"<div class='mobile-menu'><ul class='menu'>{items}</ul></div>"


def test_a_menu_named_by_its_classes_is_no_listing() -> None:
    page = (
        f"<html><body><main><h1>Advances in care</h1><p>{_PROSE}</p><p>{_PROSE}</p></main>"
        f"{_mobile_menu(12)}</body></html>"
    )
    assert find_records(build_document(page).blocks) is None
    body = boilerstrip.clean(page)
    assert "council met" in body
    assert "Residents and medical students" not in body


def test_a_wrapper_far_up_that_says_nav_does_not_hide_a_listing() -> None:
    # Sphinx's Read the Docs theme wraps the whole page in <div class="wy-nav-content">.
    cards = "".join(_card(i, "Apply") for i in range(6))
    nested = f"<div class='results'>{cards}</div>"
    for depth in range(6):
        nested = f"<div class='layer{depth}'>{nested}</div>"
    page = f"<html><body><div class='wy-nav-content'>{nested}</div></body></html>"
    records = find_records(build_document(page).blocks)
    assert records is not None and records.count == 6


def _article_with_related(schema: bool) -> str:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Budget agreed"}</script>'
        if schema
        else ""
    )
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/n/{i}'>Another story about the town number {i}"
        f"</a></h3></div>"
        for i in range(6)
    )
    return (
        f"<html><head><title>Budget agreed</title>{ld}</head><body><main>"
        f"<h1>Budget agreed</h1><p>{_PROSE}</p><p>{_PROSE}</p><p>{_PROSE}</p>"
        f"<div class='more'>{teasers}</div></main></body></html>"
    )


def test_a_schema_org_article_spares_no_linked_teasers() -> None:
    declared = boilerstrip.extract(_article_with_related(schema=True))
    assert declared.metadata.page_type_evidence == "schema.org NewsArticle"
    assert "council met" in declared.body
    assert "Another story about the town" not in declared.body


def test_short_lines_in_an_element_named_menu_go_and_its_prose_stays() -> None:
    menu = "".join(
        f"<div class='item'>Gift cards for our restaurants in Leeds and York, set {i}</div>"
        for i in range(5)
    )
    page = (
        "<html><head><title>Planning the menu</title></head><body><div class='site-menu'>"
        f"{menu}</div><main><h1>Planning the menu</h1>"
        + "".join(f"<p>In week {i} of the season: {_PROSE}</p>" for i in range(6))
        + f"<section id='menu-ideas'><p>{_PROSE} Seasonal dishes help.</p>"
        "</section></main></body></html>"
    )
    result = boilerstrip.extract(page)
    assert "Seasonal dishes help." in result.body
    gone = {d.code for b, d in result.verdicts() if d is not None and "Gift cards" in b.text}
    assert gone == {"menu"}


def test_a_threads_list_of_other_threads_is_not_its_content() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "DiscussionForumPosting", "headline": "Budget vote"}</script>'
    )
    posts = "".join(
        f"<div class='post'><p class='author'>member{i}</p><p>Reply {i}: {_PROSE}</p></div>"
        for i in range(3)
    )
    others = "".join(
        f"<div class='thread'><h3><a href='/t/{i}'>Another thread about the council number {i}"
        f"</a></h3><p>Started by member{i} about the budget of the town library</p></div>"
        for i in range(8)
    )
    page = (
        f"<html><head><title>Budget vote</title>{ld}</head><body><main><h1>Budget vote</h1>"
        f"{posts}<h2>Similar threads</h2><div class='similar'>{others}</div></main>"
        "</body></html>"
    )
    result = boilerstrip.extract(page)
    assert result.metadata.page_type.value == "forum"
    assert all(f"Reply {i}:" in result.body for i in range(3))
    assert "Another thread about the council" not in result.body
