"""boilerstrip.contrib.scrapy: the item pipeline, in real crawls and on items in hand.

The crawls run Scrapy in a subprocess (a Twisted reactor cannot start twice in one
process) against pages served from 127.0.0.1 and read from file:// URLs; the items come
back through a JSON-lines feed and must hold exactly what boilerstrip.clean gives.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("scrapy", reason="the scrapy extra is not installed")

import scrapy
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

import boilerstrip
from boilerstrip.contrib.scrapy import BoilerstripPipeline

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("en-blog-aidoc", "de-comwrap-patientenakte", "ja-note100yen-kindle", "ru-gto-skyrim")
EMPTY_PAGE = b"<!doctype html><html><head><title>Nothing</title></head><body></body></html>"
PIPELINE = "boilerstrip.contrib.scrapy.BoilerstripPipeline"

SPIDER = textwrap.dedent(
    """
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class Pages(scrapy.Spider):
        name = "pages"

        def __init__(self, urls, **kwargs):
            super().__init__(**kwargs)
            self.start_urls = urls

        def parse(self, response):
            yield {"url": response.url, "html": response.text}

    config = json.loads(sys.argv[1])
    process = CrawlerProcess(settings=config["settings"])
    process.crawl(Pages, urls=config["urls"])
    process.start()
    """
)


def page(name: str) -> bytes:
    return gzip.decompress((ROOT / "fixtures" / "html" / f"{name}.html.gz").read_bytes())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The fixture pages (and an empty one) as files, served over HTTP on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("site")
    for name in PAGES:
        (folder / f"{name}.html").write_bytes(page(name))
    (folder / "empty.html").write_bytes(EMPTY_PAGE)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # the crawl's own log says what matters

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def crawl(work: Path, urls: list[str], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """The items a real crawl of ``urls`` with the pipeline enabled writes to its feed.

    ``work`` is an empty folder for the spider script and the feed.
    """
    feed = work / "items.jsonl"
    config = {
        "urls": urls,
        "settings": {
            "ITEM_PIPELINES": {PIPELINE: 300},
            "FEEDS": {feed.as_uri(): {"format": "jsonlines", "encoding": "utf-8"}},
            "LOG_LEVEL": "WARNING",
            "ROBOTSTXT_OBEY": False,
            "TELNETCONSOLE_ENABLED": False,
            **settings,
        },
    }
    script = work / "spider.py"
    script.write_text(SPIDER, encoding="utf-8")
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}  # the checkout's boilerstrip, as in this process
    done = subprocess.run(
        [sys.executable, str(script), json.dumps(config)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = feed.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def served_items(
    site: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, Any]]:
    urls = [f"{site[1]}/{name}.html" for name in (*PAGES, "empty")]
    return crawl(tmp_path_factory.mktemp("crawl"), urls, {"BOILERSTRIP_METADATA_FIELD": "meta"})


def by_url(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["url"]: item for item in items}


def test_crawled_items_hold_what_clean_gives(
    served_items: list[dict[str, Any]], site: tuple[Path, str]
) -> None:
    base = site[1]
    items = by_url(served_items)
    assert sorted(items) == sorted(f"{base}/{name}.html" for name in PAGES)  # empty one dropped
    for name in PAGES:
        url = f"{base}/{name}.html"
        expected = boilerstrip.clean(page(name).decode("utf-8"), url=url)
        assert expected, name
        assert items[url]["text"] == expected, name
        assert items[url]["html"] == page(name).decode("utf-8")


def test_crawled_items_carry_the_metadata(served_items: list[dict[str, Any]]) -> None:
    for item in served_items:
        metadata = boilerstrip.extract(item["html"], url=item["url"]).metadata
        assert item["meta"]["title"] == metadata.title
        assert item["meta"]["language"] == metadata.language
        assert item["meta"]["url"] == item["url"]  # an http URL is passed on


def test_file_urls_are_cleaned_without_a_url_and_options_apply(
    site: tuple[Path, str], tmp_path: Path
) -> None:
    folder = site[0]
    urls = [(folder / f"{name}.html").as_uri() for name in PAGES]
    settings = {
        "BOILERSTRIP_OPTIONS": {"favor": "precision"},
        "BOILERSTRIP_TARGET_FIELD": "body",
        "BOILERSTRIP_KEEP_SOURCE": False,
    }
    items = by_url(crawl(tmp_path, urls, settings))
    assert sorted(items) == sorted(urls)
    for name, url in zip(PAGES, urls, strict=True):
        # clean(url="file://...") would raise: the pipeline must not pass such a URL on.
        assert items[url]["body"] == boilerstrip.clean(page(name), favor="precision"), name
        assert "html" not in items[url]


def pipeline(**settings: Any) -> BoilerstripPipeline:
    return BoilerstripPipeline.from_crawler(get_crawler(settings_dict=settings))


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"BOILERSTRIP_OPTIONS": {"favour": "recall"}}, "favour"),
        ({"BOILERSTRIP_OPTIONS": {"favor": "most"}}, "favor must be one of"),
        ({"BOILERSTRIP_OPTIONS": {"input_format": "pdf"}}, "input_format"),
        ({"BOILERSTRIP_OPTIONS": {"timeout": 0}}, "timeout"),
        ({"BOILERSTRIP_OPTIONS": "{not json"}, "BOILERSTRIP_OPTIONS"),
        ({"BOILERSTRIP_SOURCE_FIELD": ""}, "BOILERSTRIP_SOURCE_FIELD"),
    ],
)
def test_bad_settings_fail_when_the_crawler_starts(settings: dict[str, Any], named: str) -> None:
    with pytest.raises(boilerstrip.InvalidOptionError, match=named):
        pipeline(**settings)


def test_options_given_as_json_text_are_read() -> None:
    assert pipeline(BOILERSTRIP_OPTIONS='{"favor": "recall"}').options == {"favor": "recall"}


class Article(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    text = scrapy.Field()


def test_item_objects_are_cleaned_in_place() -> None:
    html = page(PAGES[0])
    item = Article(url="https://example.com/post", html=html)
    assert pipeline().process_item(item) is item
    assert item["text"] == boilerstrip.clean(html, url="https://example.com/post")


def test_an_item_class_without_the_target_field_is_named() -> None:
    item = Article(html=page(PAGES[0]))
    with pytest.raises(boilerstrip.InvalidOptionError, match="Article has no field 'meta'"):
        pipeline(BOILERSTRIP_METADATA_FIELD="meta").process_item(item)


def test_only_absolute_web_urls_are_passed_on() -> None:
    html = page(PAGES[0])
    for url, passed in [
        ("https://example.com/a", "https://example.com/a"),
        ("/a", None),
        ("ftp://example.com/a", None),
        (None, None),
    ]:
        item = pipeline(BOILERSTRIP_METADATA_FIELD="meta").process_item({"url": url, "html": html})
        assert item["meta"]["url"] == passed


def test_empty_bodies_are_dropped_or_kept_as_set() -> None:
    with pytest.raises(DropItem, match="no article body"):
        pipeline().process_item({"html": EMPTY_PAGE})
    kept = pipeline(BOILERSTRIP_DROP_EMPTY=False).process_item({"html": EMPTY_PAGE})
    assert kept["text"] == ""


def test_items_without_the_source_field_pass_untouched() -> None:
    item = {"url": "https://example.com/", "title": "a listing"}
    assert pipeline().process_item(dict(item)) == item
