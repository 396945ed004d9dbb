"""HTML input through clean()/extract(): recognised, decoded, segmented, never crashing."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import boilerstrip

PROSE = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools and roads."
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Council approves budget - Town News</title>
<script>var tracking = "do not show";</script><style>p {{ color: red; }}</style></head>
<body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/search">Search</a></li></ul></nav>
<article><h1>Council approves budget</h1>
<p>{PROSE}</p>
<p>Officials said the plan would raise spending on public transport by a modest amount,
while holding property taxes at their current level for most homeowners.</p>
<div hidden>hidden text</div>
<p>Critics argued that the proposal did not go far enough, and several residents spoke at
the meeting to ask for more money for parks and libraries in the town.</p></article>
<footer><p>Copyright 2024 Town News. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_gives_its_article() -> None:
    result = boilerstrip.extract(PAGE)
    assert result.document.source_kind == "html"
    assert PROSE in result.body
    for unwanted in ("do not show", "color: red", "hidden text", "<p>", "Home", "Copyright"):
        assert unwanted not in result.body
    assert result.title == "Council approves budget"


def test_html_bytes_with_a_declared_charset() -> None:
    page = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "Tuesday", "Tuesday’s"
    )
    body = boilerstrip.clean(page.encode("windows-1252"))
    assert "Tuesday’s" in body


def test_input_format_text_keeps_markup_as_words() -> None:
    result = boilerstrip.extract(PAGE, input_format="text")
    assert result.document.source_kind == "text"
    assert "<p>" in result.document.text


def test_text_mentioning_a_tag_stays_text() -> None:
    text = f"{PROSE}\n\nUse the <br> tag to break a line, as the guide explains in detail."
    assert boilerstrip.extract(text).document.source_kind == "text"


def test_unknown_input_format_is_refused() -> None:
    try:
        boilerstrip.clean(PAGE, input_format="pdf")
    except ValueError as error:
        assert "input_format" in str(error)
    else:
        raise AssertionError("input_format='pdf' was accepted")


_TAGS = st.sampled_from(["p", "div", "span", "li", "td", "pre", "h2", "a", "br", "b"])
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=9), max_size=40)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(_TAGS)
        spaces = draw(st.sampled_from(["", " ", "  ", "\t", "\n", "\u00a0"]))
        parts.append(f"<{tag}>{spaces}{draw(_TEXT)}{spaces}</{tag}>")
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages())
def test_clean_never_raises_on_html(page: str) -> None:
    result = boilerstrip.extract(page)
    kept = {b.index for b in result.kept}
    removed = {d.block.index for d in result.removed}
    assert kept | removed == {b.index for b in result.document.blocks}
    assert not kept & removed


def test_cli_reads_an_html_file(tmp_path: object) -> None:
    from pathlib import Path

    page = Path(str(tmp_path)) / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "boilerstrip", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert PROSE in done.stdout


def _page_with(furniture: str) -> str:
    return PAGE.replace("<article>", f"{furniture}<article>")


def test_short_lines_in_nav_aside_footer_go_as_page_furniture() -> None:
    page = _page_with("<aside><p>Trending now</p><p>Ten things to do this weekend</p></aside>")
    result = boilerstrip.extract(page)
    decisions = {d.text: d for d in result.removed}
    assert decisions["Ten things to do this weekend"].code == "dom_container"
    assert decisions["Ten things to do this weekend"].filter == "dom"


def test_long_prose_inside_an_aside_is_left_to_the_main_body_pass() -> None:
    aside_prose = (
        "The council said that the new plan, which was debated for months, would change how "
        "the town pays for its roads, its schools and its libraries over the next ten years."
    )
    result = boilerstrip.extract(_page_with(f"<aside><p>{aside_prose}</p></aside>"))
    assert all(d.filter != "dom" for d in result.removed if d.text == aside_prose)


def test_dom_filter_does_nothing_on_plain_text() -> None:
    text = f"Trending now\n\n{PROSE}\n\nTen things to do this weekend"
    assert all(d.filter != "dom" for d in boilerstrip.extract(text).removed)


def test_a_short_all_link_block_is_a_link_block() -> None:
    page = PAGE.replace(
        "</article>", '<p><a href="/more">More stories from the town hall</a></p></article>'
    )
    decision = {d.text: d for d in boilerstrip.extract(page).removed}.get(
        "More stories from the town hall"
    )
    assert decision is not None and decision.filter == "dom" and decision.code == "link_block"


def test_a_link_inside_prose_does_not_make_a_link_block() -> None:
    page = PAGE.replace(PROSE, PROSE.replace("new budget", '<a href="/b">new budget</a>'))
    assert PROSE in boilerstrip.clean(page)


def test_prose_outside_the_article_element_is_not_body() -> None:
    teaser = (
        "Elsewhere in the region, the county board met on Monday to discuss a plan for new "
        "bus routes, which several members said would take years to build and pay for."
    )
    page = PAGE.replace("<footer>", f"<div class='more'><p>{teaser}</p></div><footer>")
    result = boilerstrip.extract(page)
    assert teaser not in result.body
    assert PROSE in result.body


def test_the_title_element_is_metadata_never_body() -> None:
    page = (
        "<html><head><title>Short title</title></head><body><article><p>"
        f"{PROSE}</p><ul><li>Schools get more money for teachers</li>"
        "<li>Roads get a repair programme next spring</li></ul></article></body></html>"
    )
    result = boilerstrip.extract(page)
    assert "Short title" not in result.body
    assert {d.code for d in result.removed if d.text == "Short title"} == {"page_title"}
    # Items of one list print on consecutive lines.
    assert "teachers\nRoads" in result.body


def test_a_figure_caption_is_not_body_even_as_prose() -> None:
    caption = "The mayor, who took office in May, speaks to reporters outside the town hall."
    figure = f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>"
    page = PAGE.replace("</article>", f"{figure}</article>")
    result = boilerstrip.extract(page)
    assert {d.code for d in result.removed if d.text == caption} == {"figure_caption"}
    assert PROSE in result.body


def test_a_block_whose_element_says_caption_is_a_caption() -> None:
    caption = "The mayor, who took office in May, speaks to reporters outside the town hall."
    figure = f"<div class='wp-caption'><img src='a.jpg'><p class='credit'>{caption}</p></div>"
    page = PAGE.replace("</article>", f"{figure}</article>")
    result = boilerstrip.extract(page)
    assert {d.code for d in result.removed if d.text == caption} == {"figure_caption"}
    # A wrapper's words further up say nothing about the paragraphs inside it.
    wrapped = PAGE.replace("<body>", "<body class='has-caption'>")
    assert PROSE in boilerstrip.clean(wrapped)


def test_an_author_box_goes_unless_its_word_wraps_the_page() -> None:
    bio = "Jane Doe has covered the town council for ten years and writes about local budgets."
    box = f"<div class='author-box'><p>{bio}</p></div>"
    result = boilerstrip.extract(PAGE.replace("</article>", f"{box}</article>"))
    assert {d.code for d in result.removed if d.text == bio} == {"author_box"}
    # On an author's page the word wraps the article itself: it says nothing there.
    wrapped = PAGE.replace("<article>", "<article class='author-page'>")
    assert PROSE in boilerstrip.clean(wrapped)


def test_a_consent_managers_dialog_goes_prose_and_all() -> None:
    storage = (
        "The technical storage or access is strictly necessary for the legitimate purpose of "
        "enabling the use of a specific service explicitly requested by the subscriber or user."
    )
    dialog = (
        "<div id='cmplz-cookiebanner-container'><div class='cmplz-categories'>"
        f"<summary>Functional Always active</summary><div>{storage}</div></div></div>"
    )
    result = boilerstrip.extract(PAGE.replace("</footer>", f"</footer>{dialog}"))
    assert {d.code for d in result.removed if d.text == storage} == {"consent_dialog"}
    assert PROSE in result.body


def test_a_consent_dialog_longer_than_the_page_text_still_goes() -> None:
    # OneTrust lists every purpose with its paragraph: more of the page's words than a short
    # thread holds, yet no word of it is the page's content. A consent word on the <body>
    # (every block) is the page's layout and removes nothing.
    purposes = [
        f"Purpose {n}: information about your activity on this service can be stored and "
        "used to build profiles for personalised advertising by our partners."
        for n in range(1, 7)
    ]
    dialog = "<div id='onetrust-pc-sdk'>" + "".join(f"<p>{p}</p>" for p in purposes) + "</div>"
    result = boilerstrip.extract(PAGE.replace("</footer>", f"</footer>{dialog}"))
    kept = result.body
    assert all(p not in kept for p in purposes)
    assert {d.code for d in result.removed if d.text == purposes[0]} == {"consent_dialog"}
    assert PROSE in kept
    wrapped = PAGE.replace("<body>", "<body class='cookie-consent-shown'>")
    assert PROSE in boilerstrip.clean(wrapped)


def test_a_box_inside_the_article_does_not_cut_its_paragraphs() -> None:
    box = (
        "<div class='related'><h3>More news</h3><ul>"
        + "".join(
            f"<li><a href='/n{i}'>Another story about the town number {i}</a></li>"
            for i in range(8)
        )
        + "</ul></div>"
    )
    late = (
        "Later that evening, the mayor said the vote showed the council could agree on "
        "difficult questions, and promised a review of the budget next spring."
    )
    page = (
        PAGE.replace("<div hidden>", f"{box}<div hidden>")
        .replace("</article>", f"<p>{late}</p></article>")
        .replace("<article>", "<div><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></div><div>")
    )
    page = page.replace("</article>", "</div>")
    result = boilerstrip.extract(page)
    assert PROSE in result.body
    assert late in result.body
    assert "Another story" not in result.body


def test_short_lines_among_the_article_paragraphs_stay() -> None:
    scores = [f"Round {i}: Hill Park {i + 2}, Riverside {i}" for i in range(1, 7)]
    lines = "".join(f"<p>{line}</p>" for line in scores)
    page = PAGE.replace("<article>", "<div class='page'><div class='story'>").replace(
        "</article>", f"{lines}</div></div>"
    )
    body = boilerstrip.clean(page)
    assert PROSE in body
    assert all(line in body for line in scores)


def test_a_block_inside_a_link_is_a_teaser_card() -> None:
    summary = "The county board met on Monday to discuss a plan for new bus routes and fares."
    page = PAGE.replace(
        "</article>", f"</article><a href='/bus'><div><h3>Bus plan</h3><p>{summary}</p></div></a>"
    )
    result = boilerstrip.extract(page)
    assert {d.code for d in result.removed if d.text == summary} == {"in_link"}


def test_a_table_inside_the_article_is_body() -> None:
    # Rows of two or three words with numbers read as anything but prose; inside the
    # <article> element they are still the article's.
    rows = "".join(f"<tr><td>Ward {n}</td><td>{1000 + n}</td></tr>" for n in range(1, 13))
    more = (
        "<div><p>Sign up for our newsletter</p><p>Share on Facebook</p>"
        "<p>Related stories</p><p>Ten things to do this weekend in town</p></div>"
    )
    page = PAGE.replace("</article>", f"<table>{rows}</table></article>{more}")
    body = boilerstrip.clean(page)
    assert "Ward 1 1001" in body and "Ward 12 1012" in body
    assert "Ten things to do" not in body


def test_a_table_in_the_container_holding_the_prose_is_body() -> None:
    # No <article> element: the class word of the container that holds the prose marks it.
    rows = "".join(f"<tr><td>Ward {n}</td><td>{1000 + n}</td></tr>" for n in range(1, 13))
    more = (
        "<div class='promo'><p>Sign up for our newsletter</p><p>Share on Facebook</p>"
        "<p>Related stories</p><p>Ten things to do this weekend in town</p></div>"
    )
    page = PAGE.replace("<article>", "<div class='story'>").replace(
        "</article>", f"<table>{rows}</table></div>{more}"
    )
    body = boilerstrip.clean(page)
    assert "Ward 1 1001" in body and "Ward 12 1012" in body
    assert "Ten things to do" not in body


def test_a_defined_term_such_as_response_opens_no_comment_section() -> None:
    hooks = (
        "<h2>Event Hooks</h2><p>Requests has a hook system that you can use to manipulate "
        "portions of the request process, or signal event handling, as you like it.</p>"
        "<dl><dt>response:</dt><dd><p>The response generated from a Request.</p></dd></dl>"
        f"<p>You can assign a hook function on a per-request basis. {PROSE}</p>"
    )
    body = boilerstrip.clean(PAGE.replace("</article>", f"{hooks}</article>"))
    assert "The response generated from a Request." in body
    assert "You can assign a hook function on a per-request basis." in body


def test_a_posts_signature_goes() -> None:
    motto = "Measure twice and cut once, my grandfather used to say in his workshop every day."
    signature = f"<div class='post-signature'><p>{motto}</p></div>"
    result = boilerstrip.extract(PAGE.replace("</article>", f"{signature}</article>"))
    assert {d.code for d in result.removed if d.text == motto} == {"signature"}
    assert PROSE in result.body
