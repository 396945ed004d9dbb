"""The page-type guess: each cue on hand-made pages, a few real fixture pages, the way filters
read it, and the JSON output."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import Block, Context, PageType, Pipeline, Removal
from boilerstrip.document import document_from_html, document_from_text
from boilerstrip.page_cues import MAX_BLOCKS, page_cues
from boilerstrip.page_type import guess_page_type
from boilerstrip.render import result_to_dict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
PROSE = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools and roads and the harbour."
)


def html_page(head: str = "", body: str = "") -> str:
    return f"<html><head><title>A page</title>{head}</head><body>{body}</body></html>"


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def guessed(source: str, url: str | None = None) -> PageType:
    document = document_from_html(source) if source.startswith("<") else document_from_text(source)
    return guess_page_type(document, url).page_type


def prose(paragraphs: int = 3) -> str:
    return "".join(f"<p>{PROSE}</p>" for _ in range(paragraphs))


# --- what the markup says ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"@type": "Product", "name": "Mug"}, PageType.PRODUCT),
        ({"@type": "DiscussionForumPosting", "headline": "Help"}, PageType.FORUM),
        ({"@type": "QAPage"}, PageType.FORUM),
        ({"@type": "TechArticle"}, PageType.DOCUMENTATION),
        ({"@type": "CollectionPage"}, PageType.COLLECTION),
        ({"@type": "NewsArticle", "headline": "Budget"}, PageType.ARTICLE),
        ({"@graph": [{"@type": "WebPage"}, {"@type": ["ProductGroup"]}]}, PageType.PRODUCT),
        ({"@type": "https://schema.org/Product"}, PageType.PRODUCT),
    ],
)
def test_json_ld_type_decides(data: object, expected: PageType) -> None:
    assert guessed(html_page(json_ld(data), prose())) is expected


@pytest.mark.parametrize(
    ("og_type", "expected"),
    [
        ("article", PageType.ARTICLE),
        ("product", PageType.PRODUCT),
        ("product.group", PageType.COLLECTION),
        ("website", PageType.ARTICLE),
    ],
)
def test_og_type(og_type: str, expected: PageType) -> None:
    head = f'<meta property="og:type" content="{og_type}">'
    assert guessed(html_page(head, prose())) is expected


def test_microdata_comments_without_an_article_are_a_thread() -> None:
    post = '<div itemscope itemtype="http://schema.org/Comment"><p>{}</p></div>'
    body = "".join(post.format(PROSE) for _ in range(3))
    assert guessed(html_page("", body)) is PageType.FORUM
    article = '<article itemscope itemtype="https://schema.org/Article">' + prose() + "</article>"
    assert guessed(html_page("", article + body)) is PageType.ARTICLE


def test_page_meta_reports_schema_types_and_og_type() -> None:
    head = (
        json_ld({"@type": ["Product", "schema:Thing"]})
        + '<meta property="og:type" content="Product">'
    )
    document = document_from_html(html_page(head, prose(1)))
    assert document.page is not None
    assert document.page.schema_types == ("Product", "Thing")
    assert document.page.og_type == "product"


# --- what the blocks show ---------------------------------------------------------------------
FORUM_POST = (
    "<div class='post'><p>alice</p><p>Joined: Mar 2020</p><p>Posts: 1,234</p>"
    f"<p>{PROSE}</p><p>Reply</p><p>Quote</p></div>"
)


def test_post_furniture_makes_a_forum() -> None:
    assert guessed(html_page("", FORUM_POST * 3)) is PageType.FORUM


def test_one_kind_of_label_is_an_article_with_comments() -> None:
    # "Reply" under each comment of an article: many labels, but all of one kind.
    comments = "".join(f"<p>{PROSE}</p><p>Reply</p>" for _ in range(8))
    assert guessed(html_page("", prose() + comments)) is PageType.ARTICLE


def test_buttons_and_a_price_make_a_product() -> None:
    body = f"<h1>Ceramic mug</h1><p>$24.99</p><button>Add to cart</button>{prose(2)}"
    assert guessed(html_page("", body)) is PageType.PRODUCT


def test_buttons_and_many_prices_make_a_collection() -> None:
    cards = "".join(f"<div class='card'><h3>Mug {i}</h3><p>${i}.99</p></div>" for i in range(14))
    body = f"{cards}<button>Add to cart</button>"
    assert guessed(html_page("", body)) is PageType.COLLECTION


def test_many_linked_headings_and_little_prose_make_a_listing() -> None:
    card = (
        "<div class='teaser'><h2><a href='/n/{0}'>Council story number {0}</a></h2>"
        "<p>Short.</p></div>"
    )
    body = "".join(card.format(i) for i in range(12))
    assert guessed(html_page("", body)) is PageType.LISTING


def test_a_long_article_with_related_links_stays_an_article() -> None:
    card = "<h3><a href='/n/{0}'>Related story number {0}</a></h3>"
    body = prose(30) + "".join(card.format(i) for i in range(12))
    assert guessed(html_page("", body)) is PageType.ARTICLE


def test_calls_to_action_make_a_service_page_unless_signed() -> None:
    calls = ("Get started", "Contact sales", "Request a demo", "Talk to sales")
    sections = "".join(
        f"<h2>Plan {i}</h2><p>{PROSE}</p><a href='/x'>{c}</a>" for i, c in enumerate(calls)
    )
    assert guessed(html_page("", sections)) is PageType.SERVICE
    # Three calls are an article's sign-up boxes as often as a business's page.
    assert guessed(html_page("", sections.replace("Talk to sales", "More"))) is PageType.ARTICLE
    signed = '<meta name="author" content="Ann Smith">'
    assert guessed(html_page(signed, sections)) is PageType.ARTICLE


CODE = "\n".join(f"result = compute(value_{i});" for i in range(25))


def test_code_makes_documentation_unless_signed() -> None:
    body = f"<h1>compute()</h1><p>{PROSE}</p><pre>{CODE}</pre>"
    assert guessed(html_page("", body)) is PageType.DOCUMENTATION
    # A blog's tutorial is as full of code, but names its author.
    signed = '<meta name="author" content="Ann Smith">'
    assert guessed(html_page(signed, body)) is PageType.ARTICLE


def test_plain_article_is_the_fallback() -> None:
    assert guessed(html_page("", prose())) is PageType.ARTICLE
    assert guessed("") is PageType.ARTICLE


# --- text mode ----------------------------------------------------------------------------------
def text_page(lines: Sequence[str]) -> str:
    return "\n\n".join(lines)


def test_text_mode_forum_furniture() -> None:
    post = ["alice", "Joined: Mar 2020", "Posts: 1,234", PROSE, "Reply", "Quote"]
    assert guessed(text_page(post * 3)) is PageType.FORUM


def test_text_mode_shop_and_code() -> None:
    shop = ["Ceramic mug", "€24,99", "In stock", "Add to basket", PROSE]
    assert guessed(text_page(shop)) is PageType.PRODUCT
    assert guessed(text_page(["compute()", PROSE, CODE])) is PageType.DOCUMENTATION
    assert guessed(text_page([PROSE] * 4)) is PageType.ARTICLE


# --- the URL ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://docs.example.com/guide/start", PageType.DOCUMENTATION),
        ("https://example.com/docs/install", PageType.DOCUMENTATION),
        ("https://example.com/threads/which-mower.123/", PageType.FORUM),
        ("https://forum.example.com/some-post", PageType.FORUM),
        ("https://example.com/collections/mugs", PageType.COLLECTION),
        ("https://example.com/c/hiking-boots", PageType.COLLECTION),
        ("https://example.com/c/boots-2024", PageType.COLLECTION),
        # A one-letter path code before an id or a date opens an article's address.
        ("https://news.example.com/c/7pplXmYoC6f", PageType.ARTICLE),
        ("https://news.example.com/c/2019-09-07/doc-iicezzrq4076655.shtml", PageType.ARTICLE),
        ("https://example.com/tag/budget", PageType.LISTING),
        ("https://example.com/", PageType.SERVICE),
        ("https://example.com/news/2024/budget-approved", PageType.ARTICLE),
        # Path words other sites use too need a cue of their own: no price, no product.
        ("https://example.com/products/crm-suite", PageType.ARTICLE),
        ("https://example.com/t/some-slug/42", PageType.ARTICLE),
    ],
)
def test_url_words(url: str, expected: PageType) -> None:
    assert guessed(html_page("", prose()), url) is expected


def test_canonical_url_stands_in_for_a_missing_url() -> None:
    head = '<link rel="canonical" href="https://example.com/docs/install">'
    assert guessed(html_page(head, prose())) is PageType.DOCUMENTATION


def test_url_with_a_price_names_a_product() -> None:
    body = f"<h1>CRM suite</h1><p>$24.99</p>{prose()}"
    assert guessed(html_page("", body), "https://example.com/products/crm") is PageType.PRODUCT


# --- for filters, and in the output -----------------------------------------------------------
def test_filters_read_the_guess_from_the_context() -> None:
    seen: list[PageType] = []

    class ForumOnly(boilerstrip.DocumentFilter):
        name = "forum_only"

        def run(self, ctx: Context, kept: Sequence[Block]) -> Iterable[tuple[Block, Removal]]:
            seen.append(ctx.page_type)
            if ctx.page_type is not PageType.FORUM:
                return []
            return [(kept[0], Removal(boilerstrip.Category.OTHER, "forum_test", "a forum"))]

    pipeline = Pipeline.default().add(ForumOnly())
    forum = pipeline.extract(html_page("", FORUM_POST * 3))
    article = pipeline.extract(html_page("", prose()))
    assert seen == [PageType.FORUM, PageType.ARTICLE]
    assert any(d.code == "forum_test" for d in forum.removed)
    assert not any(d.code == "forum_test" for d in article.removed)


def test_context_guesses_once_and_uses_the_url() -> None:
    document = document_from_html(html_page("", prose()))
    ctx = Context(document, url="https://example.com/docs/x")
    assert ctx.page_type_guess is ctx.page_type_guess
    assert ctx.page_type is PageType.DOCUMENTATION
    assert "docs" in ctx.page_type_guess.evidence


def test_result_and_json_carry_the_page_type() -> None:
    page = html_page(json_ld({"@type": "Product"}), prose())
    result = boilerstrip.extract(page)
    assert result.metadata.page_type is PageType.PRODUCT
    assert result.metadata.page_type_evidence == "schema.org Product"
    data = result_to_dict(result)
    assert data["page_type"] == "product"
    assert json.loads(json.dumps(data))["page_type_evidence"] == "schema.org Product"
    plain = result_to_dict(boilerstrip.extract(text_page([PROSE] * 3)))
    assert plain["page_type"] == "article"


def test_cues_read_a_bounded_number_of_blocks() -> None:
    lines = ["Reply"] * (MAX_BLOCKS + 500)
    cues = page_cues(document_from_text(text_page(lines)).blocks)
    assert cues.blocks == MAX_BLOCKS
    assert cues.labels["forum"] == MAX_BLOCKS


# --- real pages ---------------------------------------------------------------------------------
def _fixture(name: str) -> tuple[bytes, dict[str, object]]:
    data = gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes())
    return data, json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("en-forum-digitalpoint", PageType.FORUM),
        ("en-forum-evernote", PageType.FORUM),
        ("en-forum-letsencrypt", PageType.FORUM),
        ("en-docs-mdn-websocket", PageType.DOCUMENTATION),
        ("en-docs-postgres-select", PageType.DOCUMENTATION),
        ("en-docs-react-hooks", PageType.DOCUMENTATION),
        ("en-product-jococups", PageType.PRODUCT),
        ("en-product-newegg-ram", PageType.PRODUCT),
        ("en-product-steam-rdr2", PageType.PRODUCT),
        ("en-ctvnews-hibernation", PageType.ARTICLE),
        ("en-businessinsider-tech", PageType.ARTICLE),
        ("ru-gto-skyrim", PageType.ARTICLE),
    ],
)
def test_fixture_pages(name: str, expected: PageType) -> None:
    data, record = _fixture(name)
    url = record.get("url")
    assert (
        boilerstrip.extract(data, url=url if isinstance(url, str) else None).metadata.page_type
        is expected
    )
