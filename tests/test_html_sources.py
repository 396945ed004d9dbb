"""Sources beyond str and bytes: BeautifulSoup objects and lxml trees, and the ``url=`` option.

The same page handed over as str, bytes, a soup or an lxml element must give the same body;
real pages come from the shared scrapinghub set (skipped, saying why, when it is absent).
"""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as StdlibElementTree
from collections.abc import Callable
from functools import cache
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from conftest import PROSE

import boilerstrip
from boilerstrip.decode import decode_html_bytes

try:  # beautifulsoup4 is optional (the bench extra has it): only the soup cases need it
    import bs4
except ImportError:  # pragma: no cover - depends on the environment
    bs4 = None

needs_bs4 = pytest.mark.skipif(bs4 is None, reason="beautifulsoup4 is not installed")

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Council approves budget - Town News</title>
<!-- a comment lxml.html keeps in its tree --></head>
<body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/search">Search</a></li></ul></nav>
<article><h1>Council approves budget</h1>
<p>{PROSE[0]}</p><p>{PROSE[1]}</p><!-- ad slot --><p>{PROSE[2]}</p></article>
<footer><p>Copyright 2024 Town News. All rights reserved.</p></footer>
</body></html>"""
XHTML = PAGE.replace("<!DOCTYPE html>\n<html", '<html xmlns="http://www.w3.org/1999/xhtml"')
# Real pages compared across source types: enough layouts to matter, few enough to be fast.
REAL_PAGES = 6


def datasets_root() -> Path:
    override = os.environ.get("BOILERSTRIP_DATASETS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "shared" / "datasets"


@cache
def real_page_paths() -> tuple[Path, ...]:
    return tuple(sorted((datasets_root() / "scrapinghub" / "html").glob("*.html.gz")))


def real_page(number: int) -> bytes:
    paths = real_page_paths()
    if len(paths) <= number:
        pytest.skip(f"scrapinghub pages not found under {datasets_root()}")
    return gzip.decompress(paths[number].read_bytes())


# Each way a caller may hold the page, from its decoded text.
SOURCES: dict[str, Callable[[str], object]] = {
    "lxml.html": lxml.html.document_fromstring,
    "lxml.etree.HTML": lxml.etree.HTML,
    "lxml-tree": lambda text: lxml.etree.ElementTree(lxml.html.document_fromstring(text)),
}
if bs4 is not None:
    SOURCES["bs4-lxml"] = lambda text: bs4.BeautifulSoup(text, "lxml")
    SOURCES["bs4-html.parser"] = lambda text: bs4.BeautifulSoup(text, "html.parser")


@pytest.mark.parametrize("kind", sorted(SOURCES))
def test_hand_made_page_gives_the_same_body_from_every_source(kind: str) -> None:
    expected = boilerstrip.extract(PAGE)
    assert all(p in expected.body for p in PROSE)
    result = boilerstrip.extract(SOURCES[kind](PAGE))
    assert result.body == expected.body
    assert result.document.source_kind == "html"
    assert result.metadata == expected.metadata


@pytest.mark.parametrize("number", range(REAL_PAGES))
@pytest.mark.parametrize("kind", sorted(SOURCES))
def test_real_page_gives_the_same_body_from_every_source(kind: str, number: int) -> None:
    data = real_page(number)
    text = decode_html_bytes(data)
    expected = boilerstrip.extract(data)
    assert expected.body.strip(), "a benchmark page with no body"
    assert boilerstrip.clean(text) == expected.body
    assert boilerstrip.clean(SOURCES[kind](text)) == expected.body


def test_lxml_tree_is_walked_without_parsing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = lxml.html.document_fromstring(PAGE)
    expected = boilerstrip.clean(PAGE)

    def refuse(html: str) -> None:
        raise AssertionError("the caller's tree was serialised and parsed again")

    monkeypatch.setattr("boilerstrip.segment.html.parse_html", refuse)
    assert boilerstrip.clean(tree) == expected


def test_text_after_a_comment_is_kept_and_the_callers_tree_is_untouched() -> None:
    html = f"<html><body><p>{PROSE[0][:40]}<!-- x -->{PROSE[0][40:]}<?pi y?></p></body></html>"
    tree = lxml.html.document_fromstring(html)
    before = lxml.etree.tostring(tree)
    assert PROSE[0] in boilerstrip.clean(tree)
    assert boilerstrip.clean(tree) == boilerstrip.clean(html)
    assert lxml.etree.tostring(tree) == before


def test_xhtml_parsed_as_xml_gives_the_html_body() -> None:
    root = lxml.etree.fromstring(XHTML.encode())
    assert root.tag.startswith("{http://www.w3.org/1999/xhtml}")
    assert boilerstrip.clean(root) == boilerstrip.clean(PAGE)


@needs_bs4
def test_a_subtree_or_tag_is_a_page_of_its_own() -> None:
    soup = bs4.BeautifulSoup(PAGE, "lxml")
    article = soup.find("article")
    assert article is not None
    body = boilerstrip.clean(article)
    assert all(p in body for p in PROSE)
    assert "Copyright" not in boilerstrip.extract(article).document.text
    element = lxml.html.document_fromstring(PAGE).find(".//article")
    assert element is not None
    element.tail = "Text after the article in its parent, which is not part of it."
    assert all(p in boilerstrip.clean(element) for p in PROSE)
    assert "after the article" not in boilerstrip.extract(element).document.text
    assert element.tail.startswith("Text after")  # the caller's tree is unchanged


def test_trees_with_nothing_give_nothing() -> None:
    assert boilerstrip.clean(lxml.etree.ElementTree()) == ""
    assert boilerstrip.clean(lxml.etree.Comment("only a comment")) == ""
    assert boilerstrip.clean(lxml.html.fromstring("<div></div>")) == ""


@needs_bs4
def test_an_empty_soup_gives_nothing() -> None:
    assert boilerstrip.clean(bs4.BeautifulSoup("", "html.parser")) == ""


@needs_bs4
def test_input_format_text_is_refused_for_a_parsed_page() -> None:
    for source in (bs4.BeautifulSoup(PAGE, "lxml"), lxml.html.document_fromstring(PAGE)):
        with pytest.raises(boilerstrip.InvalidOptionError, match="input_format='text'"):
            boilerstrip.clean(source, input_format="text")
        assert boilerstrip.clean(source, input_format="html") == boilerstrip.clean(PAGE)


@needs_bs4
def test_max_bytes_counts_a_soups_markup() -> None:
    with pytest.raises(boilerstrip.InputTooLargeError, match="max_bytes=100"):
        boilerstrip.clean(bs4.BeautifulSoup(PAGE, "lxml"), max_bytes=100)


@pytest.mark.parametrize(
    ("source", "type_name"),
    [
        (StdlibElementTree.fromstring("<p>text</p>"), "Element"),
        ({"html": PAGE}, "dict"),
        (io.StringIO(PAGE), "StringIO"),
        (PAGE.encode().splitlines(), "list"),
    ],
)
def test_other_types_name_themselves(source: object, type_name: str) -> None:
    with pytest.raises(boilerstrip.InputTypeError, match=type_name) as info:
        boilerstrip.clean(source)
    assert "BeautifulSoup" in str(info.value)


def test_bs4_is_not_imported_by_boilerstrip() -> None:
    code = (
        "import sys, boilerstrip; boilerstrip.clean('<html><body><p>Some words here.</p>'); "
        "print('bs4' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"


# --- url= ------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["https://www.townnews.com/2024/budget", "http://townnews.com"])
def test_url_is_reported_and_names_the_site(url: str) -> None:
    for source in (PAGE, "\n\n".join(PROSE)):
        metadata = boilerstrip.extract(source, url=url).metadata
        assert metadata.url == url
        assert metadata.site_name == "townnews.com"


def test_pipeline_extract_takes_url() -> None:
    pipeline = boilerstrip.Pipeline.default()
    result = pipeline.extract(PAGE, url="https://townnews.com/x")
    assert result.metadata.url == "https://townnews.com/x"
    assert pipeline.clean(PAGE, url="https://townnews.com/x") == result.body


def test_without_url_nothing_is_made_up() -> None:
    metadata = boilerstrip.extract("\n\n".join(PROSE)).metadata
    assert metadata.url is None
    assert metadata.site_name is None
    assert metadata.canonical_url is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (b"https://example.com/", "url must be a str"),
        (42, "got int"),
        ("example.com/news", "absolute http or https URL"),
        ("/news/1", "absolute http or https URL"),
        ("ftp://example.com/file", "absolute http or https URL"),
        ("https://", "absolute http or https URL"),
        ("https://exa mple.com/", "absolute http or https URL"),
        ("http://example.com:port/", "absolute http or https URL"),
        ("http://[::1/", "absolute http or https URL"),
    ],
)
def test_bad_url_is_refused(url: object, message: str) -> None:
    with pytest.raises(boilerstrip.InvalidOptionError, match=message):
        boilerstrip.clean(PAGE, url=url)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        boilerstrip.Pipeline.default().extract(PAGE, url=url)  # type: ignore[arg-type]
