"""Tests of HTML input: sniffing, decoding page bytes, and the DOM walk into blocks."""

from __future__ import annotations

import codecs

import pytest

from boilerstrip import BlockKind
from boilerstrip.decode import decode_html_bytes
from boilerstrip.document import document_from_html
from boilerstrip.segment.html import segment_html
from boilerstrip.segment.text import END, GROUP, KIND, LINE, START, TEXT
from boilerstrip.sniff import looks_like_html


def _texts(html: str) -> list[str]:
    return [segment[TEXT] for segment in segment_html(html)[1]]


# --- blocks and kinds ------------------------------------------------------------------------
def test_block_elements_become_blocks_of_their_kind() -> None:
    segments = segment_html(
        "<html><head><title>The  title</title></head><body>"
        "<h2>A heading</h2><p>A paragraph.</p><ul><li>An item</li></ul>"
        "<table><tr><td>Cell one</td><td>Cell two</td></tr></table>"
        "<blockquote><p>A quote.</p></blockquote>"
        "<figure><img src='x.png'><figcaption>A caption</figcaption></figure>"
        "<dl><dt>Term</dt><dd>Definition</dd></dl><div>A div line</div></body></html>"
    )[1]
    assert {segment[TEXT]: BlockKind(segment[KIND]) for segment in segments} == {
        "The title": BlockKind.LINE,
        "A heading": BlockKind.HEADING,
        "A paragraph.": BlockKind.PARAGRAPH,
        "An item": BlockKind.LIST_ITEM,
        "Cell one Cell two": BlockKind.TABLE_CELL,
        "A quote.": BlockKind.QUOTE,
        "A caption": BlockKind.CAPTION,
        "Term": BlockKind.LIST_ITEM,
        "Definition": BlockKind.LIST_ITEM,
        "A div line": BlockKind.LINE,
    }


def test_pre_keeps_indentation_one_code_block_per_line() -> None:
    html = "<pre>def f(x):\n\tif x:\n        return 1<br>pass</pre>"
    segments = segment_html(html)[1]
    assert [s[TEXT] for s in segments] == ["def f(x):", "    if x:", "        return 1", "pass"]
    assert {s[KIND] for s in segments} == {BlockKind.CODE.value}


def test_br_splits_lines_of_one_paragraph() -> None:
    segments = segment_html("<p>12 Main Street<br>Springfield<br/>USA</p>")[1]
    assert [s[TEXT] for s in segments] == ["12 Main Street", "Springfield", "USA"]
    assert {s[KIND] for s in segments} == {BlockKind.LINE.value}
    assert len({s[GROUP] for s in segments}) == 1


def test_inline_text_joins_with_collapsed_whitespace_and_decoded_entities() -> None:
    html = "<p>Fish  &amp;\n chips <b>c</b>ost &lt;5 &euro;&nbsp;each&#8203;.</p>"
    assert _texts(html) == ["Fish & chips cost <5 € each."]


def test_inline_elements_laid_out_apart_keep_words_apart() -> None:
    html = "<div><span>858</span><span>shares</span></div><p><a>Home</a><a>News</a></p>"
    assert _texts(html) == ["858 shares", "Home News"]


def test_title_first_then_groups_and_offsets_map_back_to_the_rendered_text() -> None:
    text, segments, evidence = segment_html(
        "<head><meta name='x' content='y'><title>Page</title></head>"
        "<h1>Title</h1><ul><li>one</li><li>two</li></ul><p>Para.</p><div>a</div><div>b</div>"
    )
    assert text == "Page\n\nTitle\n\none\ntwo\n\nPara.\n\na\nb"
    assert evidence[0].tag == "title" and segments[0][LINE] == 1
    for segment_text, _, start, end, line, _ in segments:
        assert text[start:end] == segment_text
        assert text.count("\n", 0, start) + 1 == line
    assert [s[GROUP] for s in segments] == [0, 1, 2, 2, 3, 4, 4]


# --- what never reaches the text -------------------------------------------------------------
@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var SECRET = 1;</script>",
        "<style>.SECRET { color: red }</style>",
        "<template><p>SECRET</p></template>",
        "<noscript>SECRET</noscript>",
        "<div hidden>SECRET</div>",
        "<div aria-hidden='true'><p>SECRET</p></div>",
        "<p style='color: red; display : none'>SECRET</p>",
        "<span style='visibility:hidden'>SECRET</span>",
        "<svg><title>SECRET</title><text>SECRET</text></svg>",
        "<iframe>SECRET</iframe>",
        "<!-- SECRET -->",
    ],
)
def test_invisible_content_never_appears(hidden: str) -> None:
    text, _, _ = segment_html(f"<body><div>Before {hidden}after.</div></body>")
    assert "SECRET" not in text
    assert text == "Before after."


def test_a_streamed_react_segment_is_content_not_hidden() -> None:
    # React's streaming rendering sends late parts as <div hidden id="S:n"> and moves them
    # into the page with a script; other hidden elements stay out.
    page = (
        "<body><template id='B:0'></template><p>Loading...</p>"
        "<div hidden id='S:0'><p>The article arrives late.</p></div>"
        "<div hidden id='S:x'><p>SECRET</p></div><div hidden id='main'>SECRET</div></body>"
    )
    text, _, _ = segment_html(page)
    assert "The article arrives late." in text
    assert "SECRET" not in text


def test_text_after_an_early_end_of_body_is_kept() -> None:
    # Browsers ignore </body></html> and keep what follows in the body; libxml2 would drop it.
    article = "The article comes after the header's stray end tags. " * 6
    text, _, _ = segment_html(
        f"<html><body><header>Site</header></body></html><div><p>{article}</p></div>"
    )
    assert "stray end tags" in text


# --- DOM evidence ----------------------------------------------------------------------------
def test_navigation_menu_evidence() -> None:
    html = (
        "<body><nav class='main-menu' role='navigation'><ul id='top_links'>"
        "<li><a href='/'>Home</a></li><li><a href='/news'>World news</a></li></ul></nav>"
        "<article><p>Text with <a href='/x'>one link</a> in it.</p></article></body>"
    )
    _, segments, evidence = segment_html(html)
    menu = evidence[1]
    assert segments[1][TEXT] == "World news"
    assert menu.tag == "li"
    assert menu.ancestors[:3] == ("ul", "nav", "body")
    assert {"main", "menu", "navigation", "top", "links"} <= menu.attr_words
    assert menu.link_share == 1.0
    assert menu.depth == 4
    prose = evidence[2]
    assert prose.ancestors[0] == "article"
    assert 0.2 < prose.link_share < 0.4
    assert "menu" not in prose.attr_words


def test_each_element_keeps_its_own_words_nearest_first() -> None:
    html = (
        "<body class='page'><div id='mainContent'><div><p class='wp-caption-text'>A caption"
        "</p></div></div></body>"
    )
    _, _, evidence = segment_html(html)
    own = evidence[0].own_words
    assert evidence[0].ancestors == ("div", "div", "body", "html")
    assert own == (
        frozenset({"wp", "caption", "text"}),
        frozenset(),
        frozenset({"maincontent", "main", "content"}),
        frozenset({"page"}),
        frozenset(),
    )
    assert evidence[0].attr_words == frozenset().union(*own)


def test_table_rows_carry_their_cells_and_header_flag() -> None:
    html = (
        "<table><thead><tr><td>Name</td><td>Value</td></tr></thead>"
        "<tr><th>Key</th><td> a \n b </td><td></td></tr>"
        "<tr><th>One</th><th>Two</th></tr>"
        "<tr><td>cut<br>here</td><td>x</td></tr><tr><td><p>block</p></td><td>y</td></tr></table>"
    )
    _, segments, evidence = segment_html(html)
    rows = [(s[TEXT], e.cells, e.header_row) for s, e in zip(segments, evidence, strict=True)]
    assert rows == [
        ("Name Value", ("Name", "Value"), True),  # in <thead>
        ("Key a b", ("Key", "a b", ""), False),  # empty cells kept for the columns
        ("One Two", ("One", "Two"), True),  # all <th>
        # A row a <br> or a block element inside a cell cut has no cells of its own.
        ("cut", (), False),
        ("here x", (), False),
        ("block", (), False),
        ("y", (), False),
    ]


# --- robustness ------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_deeply_nested_page_keeps_its_text(depth: int) -> None:
    html = "<p>Before.</p>" + "<div>" * depth + "Deep." + "</div>" * depth + "<p>After.</p>"
    assert _texts(html) == ["Before.", "Deep.", "After."]


@pytest.mark.parametrize(
    "html",
    [
        " ",
        "<!-- only a comment -->",
        "<html><body></body></html>",
        "\x00\x01\xff\ufffe",
        decode_html_bytes(bytes(range(256)) * 40),
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>XHTML page.</p></body></html>',
    ],
)
def test_empty_junk_and_xml_pages_do_not_crash(html: str) -> None:
    text, segments, evidence = segment_html(html)
    assert len(segments) == len(evidence)
    assert all(s[TEXT] and text[s[START] : s[END]] == s[TEXT] for s in segments)
    assert "XHTML" not in html or text == "XHTML page."


# --- sniffing --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body>x</body></html>",
        "\ufeff  <!-- saved page -->\n<html lang='en'>",
        '<?xml version="1.0"?>\n<!doctype HTML PUBLIC "-//W3C//DTD XHTML 1.0//EN">',
        "<head><meta charset='utf-8'></head>",
        "<body>text</body>",
        "<div class='a'><p>One</p><span>two</span></div>",
        "<p>A fragment of one paragraph.</p>",
    ],
)
def test_html_is_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "if a < b and c > d then swap them",
        "Use the <br> tag in HTML to break a line.",
        "The <p>, <div> and <span> elements are the most common ones.",
        "Plain article text.\n\nSecond paragraph with x<y and y>z.",
        "",
        "<<<>>>",
    ],
)
def test_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


# --- decoding page bytes ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("declaration", "codec", "words"),
    [
        ("<meta charset='windows-1251'>", "cp1251", "Привет, мир"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r", "булок"),
        # Declared ISO-8859-1 but UTF-8: strict UTF-8 goes first.
        ("<meta charset='iso-8859-1'>", "utf-8", "Grüße aus Köln – €5"),
        # Browsers read ISO-8859-1 as windows-1252, curly quotes included.
        ("<meta charset=ISO-8859-1>", "cp1252", "“Quoted” café"),
    ],
)
def test_declared_charset_is_trusted_when_the_bytes_fit(
    declaration: str, codec: str, words: str
) -> None:
    page = f"<html><head>{declaration}</head><body><p>{words}</p></body></html>"
    assert words in decode_html_bytes(page.encode(codec))


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_bom_wins_over_the_declaration(bom: bytes, codec: str) -> None:
    page = "<meta charset='windows-1251'><p>Ünïcödé</p>"
    assert decode_html_bytes(bom + page.encode(codec)) == page


# --- a realistic page ------------------------------------------------------------------------
ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves budget | Springfield News</title>
<script>window.dataLayer = [];</script><link rel="stylesheet" href="/s.css"></head>
<body class="article-page">
<header id="site-header"><a class="logo" href="/">Springfield News</a>
<nav class="main-menu"><ul><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main><article itemprop="articleBody">
<h1>Council approves budget</h1>
<p class="byline">By <a href="/staff/jane">Jane Doe</a> &middot; March 3, 2024</p>
<p>The city council voted on Tuesday to approve a new budget for the coming year, after
   months of debate among its members about schools and roads.</p>
<figure><img src="c.jpg" alt=""><figcaption>Council members vote.</figcaption></figure>
<p>Officials said the plan would raise spending on public transport by a modest amount.</p>
<div class="share" aria-label="Share this article"><a href="#">Facebook</a> <a href="#">X</a></div>
</article></main>
<footer><p>&copy; 2024 Springfield News. All rights reserved.</p></footer>
<div id="cookie-banner" style="display:none">We use cookies.</div>
</body></html>"""


def test_realistic_article_page_document() -> None:
    document = document_from_html(ARTICLE_PAGE)
    blocks = document.blocks
    assert (document.source_kind, document.language) == ("html", "en")
    assert blocks[0].text == "Council approves budget | Springfield News" and blocks[0].line == 1
    assert all(b.dom is not None for b in blocks)
    assert all(document.text[b.start : b.end] == b.text for b in blocks)
    by_text = {b.text: b for b in blocks}
    assert "We use cookies." not in document.text and "dataLayer" not in document.text
    menu = by_text["Local"]
    assert menu.dom is not None and menu.dom.link_share == 1.0
    assert {"nav", "header"} <= set(menu.dom.ancestors)
    body = next(b for b in blocks if b.text.startswith("The city council voted"))
    assert body.kind is BlockKind.PARAGRAPH
    assert "months of debate" in body.text and "\n" not in body.text
    assert body.dom is not None and body.dom.ancestors[:2] == ("article", "main")
    assert "body" in body.dom.attr_words and "article" in body.dom.attr_words
    share = by_text["Facebook X"]
    assert share.dom is not None and {"share", "this"} <= share.dom.attr_words
    assert by_text["Council members vote."].kind is BlockKind.CAPTION


def test_a_headings_link_to_itself_is_not_link_text() -> None:
    from boilerstrip.document import build_document

    page = (
        "<html><body><h2 id='constructor'><a href='#constructor'>Constructor</a></h2>"
        "<h2><a href='/elsewhere'>Another page</a></h2>"
        "<p><a href='#top'>Back to top</a></p></body></html>"
    )
    shares = {b.text: b.dom.link_share for b in build_document(page).blocks if b.dom}
    assert shares["Constructor"] == 0.0
    assert shares["Another page"] == 1.0
    assert shares["Back to top"] == 1.0  # outside a heading a fragment link is still a link
