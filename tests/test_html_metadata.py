"""Metadata an HTML page states in its markup (Open Graph, <meta>, JSON-LD, <html lang>,
<link rel=canonical>, <time>), how it merges with what the text shows, and junk markup."""

from __future__ import annotations

import json

import lxml.html
import pytest
from conftest import PROSE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip.metadata import without_site_name
from boilerstrip.segment.html_meta import language_code, page_meta

GERMAN = (
    "Der Stadtrat hat am Dienstag den neuen Haushalt für das kommende Jahr beschlossen, nach "
    "monatelangen Debatten über die Schulen und die Straßen der Stadt."
)


def page(head: str = "", body: str = "", lang: str = "en", title: str = "") -> str:
    """A small article page with ``head`` markup and ``body`` markup before the prose."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    title_tag = f"<title>{title}</title>" if title else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{title_tag}{head}</head><body>'
        f"<article>{body}{paragraphs}</article></body></html>"
    )


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def metadata(html: str, **options: str) -> boilerstrip.Metadata:
    return boilerstrip.extract(html, **options).metadata  # type: ignore[arg-type]


# --- title -----------------------------------------------------------------------------------
def test_og_title_comes_first_without_the_site_name() -> None:
    html = page(
        '<meta property="og:title" content="Council approves budget | Town News">'
        '<meta property="og:site_name" content="Town News">',
        "<h1>Budget passes</h1>",
        title="Something else - Town News",
    )
    found = metadata(html)
    assert found.title == "Council approves budget"
    assert found.site_name == "Town News"


def test_h1_comes_before_the_title_tag() -> None:
    html = page(body="<h1>Council approves budget</h1>", title="Budget vote: live - Town News")
    assert metadata(html).title == "Council approves budget"


def test_h1_that_is_the_logo_or_in_the_menu_is_not_the_headline() -> None:
    body = "<nav><h1>Sections and more</h1></nav><h1>Town News</h1><h1>Council approves budget</h1>"
    html = page('<meta property="og:site_name" content="Town News">', body)
    assert metadata(html).title == "Council approves budget"


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<meta property="og:site_name" content="Town News">', None),
        ("", "https://www.townnews.com/2024/budget"),
    ],
)
def test_title_tag_loses_the_site_name(head: str, url: str | None) -> None:
    html = page(head, title="Council approves the budget for next year - Town News")
    options = {"url": url} if url else {}
    assert metadata(html, **options).title == "Council approves the budget for next year"


def test_title_tag_whole_when_the_site_is_unknown() -> None:
    html = page(title="Council approves the budget for next year - Town News")
    assert metadata(html).title == "Council approves the budget for next year - Town News"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Headline here | BBC News", "bbc.co.uk", "Headline here"),
        ("BBC News - Headline here", "news.bbc.co.uk", "Headline here"),
        ("Headline here - The Guardian", "theguardian.com", "Headline here"),
        ("Headline here - The Guardian", "The Guardian", "Headline here"),
        ("Opinion: the budget is wrong", "townnews.com", "Opinion: the budget is wrong"),
        ("Town News", "Town News", "Town News"),
        ("Headline here | Town News", None, "Headline here | Town News"),
    ],
)
def test_without_site_name(title: str, site: str | None, expected: str) -> None:
    assert without_site_name(title, site) == expected


def test_text_mode_title_does_not_change_with_html_options() -> None:
    text = "\n\n".join(("Council approves budget - Town News", "Council approves budget", *PROSE))
    plain = metadata(text)
    with_url = metadata(text, url="https://www.townnews.com/budget")
    assert plain.title == with_url.title == "Council approves budget"
    assert (plain.byline, plain.date, plain.language) == (
        with_url.byline,
        with_url.date,
        with_url.language,
    )


# --- author, date ----------------------------------------------------------------------------
def test_author_from_meta_then_json_ld_then_the_byline() -> None:
    byline = "<p>By Jane Roe</p>"
    assert metadata(page('<meta name="author" content="By John Doe">', byline)).byline == (
        "John Doe"
    )
    profile = '<meta property="article:author" content="https://facebook.com/jdoe">'
    linked = json_ld({"@type": "NewsArticle", "author": [{"name": "Ann Lee"}, "Bo Kim"]})
    assert metadata(page(profile + linked, byline)).byline == "Ann Lee, Bo Kim"
    assert metadata(page(profile, byline)).byline == "Jane Roe"


def test_date_from_json_ld_then_meta_then_text_then_time() -> None:
    linked = json_ld({"@type": "Article", "datePublished": "2019-11-19T07:45:00Z"})
    meta = '<meta property="article:published_time" content="2019-11-18T10:00:00+01:00">'
    line = "<p>Published November 17, 2019</p>"
    time = '<time datetime="2019-11-16">Saturday</time>'
    assert metadata(page(linked + meta, line + time)).date == "2019-11-19"
    assert metadata(page(meta, line + time)).date == "2019-11-18"
    assert metadata(page("", line + time)).date == "2019-11-17"
    assert metadata(page("", time)).date == "2019-11-16"


def test_unreadable_dates_are_left_out() -> None:
    meta = '<meta property="article:published_time" content="yesterday">'
    linked = json_ld({"@type": "Article", "datePublished": 20191119})
    assert metadata(page(meta + linked, '<time datetime="soon">soon</time>')).date is None


# --- language --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tag", "code"),
    [("en-US", "en"), ("EN_gb", "en"), ("zh-Hans-CN", "zh"), ("de", "de"), ("fil", "fil")],
)
def test_language_code(tag: str, code: str) -> None:
    assert language_code(tag) == code


@pytest.mark.parametrize("tag", ["", "x", "english please", "*", "12-34", None])
def test_language_code_rejects_junk(tag: str | None) -> None:
    assert language_code(tag) is None


def test_declared_language_with_a_lexicon_is_the_pipelines() -> None:
    result = boilerstrip.extract(page(lang="de-DE"))  # English words, German declared
    assert result.document.language == "de"
    assert result.metadata.language == "de"
    assert boilerstrip.extract(page(lang="de-DE"), language="en").document.language == "en"


def test_declared_language_without_a_lexicon_is_reported_not_used() -> None:
    arabic = "ذهب الرجل إلى السوق واشترى الخبز والحليب ثم عاد إلى بيته في المساء مع أصدقائه. "
    body = f"<p>{arabic * 3}</p>" * 3
    undeclared = boilerstrip.extract(f"<html><body><article>{body}</article></body></html>")
    assert undeclared.document.language == undeclared.metadata.language == "und"
    declared = boilerstrip.extract(
        f'<html lang="ar-EG"><body><article>{body}</article></body></html>'
    )
    assert declared.document.language == "und"  # no Arabic stopword list to use
    assert declared.metadata.language == "ar"
    assert declared.body == undeclared.body


def test_without_a_declaration_the_language_is_guessed() -> None:
    html = page().replace(' lang="en"', "")
    assert boilerstrip.extract(html).document.page is not None
    assert boilerstrip.extract(html).metadata.language == "en"
    german = html.replace(PROSE[0], GERMAN).replace(PROSE[1], GERMAN).replace(PROSE[2], GERMAN)
    assert boilerstrip.extract(german).metadata.language == "de"


# --- canonical URL and site name -------------------------------------------------------------
def test_canonical_link_then_og_url_made_absolute() -> None:
    link = '<link rel="canonical" href="/2024/budget">'
    og = '<meta property="og:url" content="https://townnews.com/og">'
    with_url = metadata(page(link), url="https://www.townnews.com/amp/2024/budget")
    assert with_url.canonical_url == "https://www.townnews.com/2024/budget"
    assert metadata(page(link)).canonical_url is None  # relative, and nothing to complete it
    assert metadata(page(link + og)).canonical_url == "https://townnews.com/og"
    absolute = '<link rel="canonical" href="https://townnews.com/2024/budget">'
    assert metadata(page(og + absolute)).canonical_url == "https://townnews.com/2024/budget"
    assert metadata(page('<link rel="canonical" href="javascript:void(0)">')).canonical_url is None


def test_site_name_from_json_ld_publisher_by_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Town News Group"},
            {"@type": ["NewsArticle"], "headline": "Budget approved", "publisher": {"@id": "#org"}},
        ],
    }
    found = metadata(page(json_ld(graph)))
    assert found.site_name == "Town News Group"
    assert found.title == "Budget approved"


@pytest.mark.parametrize(
    ("head", "url", "site"),
    [
        (
            '<meta property="og:site_name" content="https://www.newsnation.in">',
            None,
            "newsnation.in",
        ),
        ("", "https://www.townnews.com/x", "townnews.com"),
        ('<link rel="canonical" href="https://www.townnews.com/x">', None, "townnews.com"),
    ],
)
def test_site_name_fallbacks(head: str, url: str | None, site: str) -> None:
    options = {"url": url} if url else {}
    assert metadata(page(head), **options).site_name == site


# --- junk never throws -----------------------------------------------------------------------
JUNK_JSON_LD = [
    "{not json",
    "[" * 50_000 + "]" * 50_000,
    json.dumps({"@graph": "not a list", "@type": 7, "author": {"name": ["A", 3]}}),
    json.dumps([None, 1, "x", {"@type": "Article", "author": {"@id": "#nobody"}}]),
    json.dumps({"@type": "Article", "headline": "x" * 300_000}),
    "<!-- " + json.dumps({"@type": "BlogPosting", "headline": "Wrapped headline"}) + " -->",
]


@pytest.mark.parametrize("script", JUNK_JSON_LD)
def test_junk_json_ld_is_ignored(script: str) -> None:
    html = page(f'<script type="application/ld+json">{script}</script>')
    found = metadata(html)
    assert found.title in (None, "Wrapped headline")
    assert found.byline in (None, "A")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["og:title", "author", "article:published_time", "og:url", "x"]),
            st.text(max_size=30),
        ),
        max_size=6,
    ),
    st.text(max_size=60),
    st.text(max_size=12),
)
def test_junk_markup_never_throws(metas: list[tuple[str, str]], script: str, lang: str) -> None:
    tree = lxml.html.document_fromstring(page(lang="en"))
    head = tree.find("head")
    assert head is not None
    for key, value in metas:
        clean = "".join(c for c in value if c.isprintable())
        head.append(lxml.html.Element("meta", property=key, content=clean))
    tag = lxml.html.Element("script", type="application/ld+json")
    tag.text = "".join(c for c in script if c.isprintable())
    head.append(tag)
    tree.set("lang", "".join(c for c in lang if c.isprintable()))
    found = page_meta(tree)
    for value in (found.title, found.author, found.date, found.language, found.site_name):
        assert value is None or (isinstance(value, str) and value.strip() == value and value)
    assert isinstance(boilerstrip.extract(tree).body, str)
