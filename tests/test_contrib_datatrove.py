"""boilerstrip.contrib.datatrove: the extractor inside a real datatrove pipeline.

The test writes a WARC file (warcio) holding fixture pages as HTTP responses, runs
WarcReader -> BoilerstripExtractor -> JsonlWriter on datatrove's LocalPipelineExecutor,
and reads the JSON lines back: each document's text must be what boilerstrip.clean gives.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove", reason="the datatrove extra is not installed")
pytest.importorskip("warcio", reason="the datatrove extra (warcio) is not installed")
pytest.importorskip("cchardet", reason="the datatrove extra (faust-cchardet) is not installed")
# WarcReader imports magic for every record; python-magic fails to import without libmagic.
pytest.importorskip("magic", reason="python-magic or the libmagic system library is missing")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import boilerstrip
from boilerstrip.contrib.datatrove import BoilerstripExtractor

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("en-blog-musichouse", "fr-product-barbecue", "ko-entermedia-revenge", "pt-educar-musica")
EMPTY_PAGE = b"<!doctype html><html><head><title>Nothing</title></head><body></body></html>"


def page(name: str) -> bytes:
    return gzip.decompress((ROOT / "fixtures" / "html" / f"{name}.html.gz").read_bytes())


def url_of(name: str) -> str:
    return f"https://example.com/{name}"


def write_response(writer: WARCWriter, url: str, body: bytes, mime: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", mime)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Identified-Payload-Type": mime.split(";")[0]},
    )
    writer.write_record(record)


@pytest.fixture(scope="module")
def warc_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with one gzipped WARC: the pages, an empty page and a picture."""
    folder = tmp_path_factory.mktemp("warc")
    with (folder / "crawl.warc.gz").open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for name in PAGES:
            write_response(writer, url_of(name), page(name), "text/html; charset=utf-8")
        write_response(writer, url_of("empty"), EMPTY_PAGE, "text/html")
        write_response(writer, url_of("logo.png"), b"\x89PNG\r\n\x1a\n", "image/png")
    return folder


def run_pipeline(warc: Path, work: Path, extractor: BoilerstripExtractor) -> list[dict[str, Any]]:
    """The documents a datatrove run over ``warc`` with ``extractor`` writes out."""
    output = work / "out"
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(warc)), extractor, JsonlWriter(str(output), compression=None)],
        tasks=1,
        logging_dir=str(work / "logs"),
    ).run()
    lines = (output / "00000.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def by_url(documents: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {document["metadata"]["url"]: document for document in documents}


@pytest.fixture(scope="module")
def paragraph_run(warc_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    extractor = BoilerstripExtractor(paragraphs=True, timeout=30)
    return run_pipeline(warc_folder, tmp_path_factory.mktemp("run"), extractor)


def test_documents_hold_what_clean_gives(paragraph_run: list[dict[str, Any]]) -> None:
    documents = by_url(paragraph_run)
    assert sorted(documents) == sorted(url_of(name) for name in PAGES)  # empty, png: gone
    for name in PAGES:
        expected = boilerstrip.clean(page(name).decode("utf-8"))
        assert expected, name
        assert documents[url_of(name)]["text"] == expected, name


def test_paragraphs_are_the_body_as_a_list(paragraph_run: list[dict[str, Any]]) -> None:
    counts = []
    for document in paragraph_run:
        paragraphs = document["metadata"]["paragraphs"]
        assert all(p and "\n\n" not in p for p in paragraphs)
        assert "\n\n".join(paragraphs) == document["text"]
        counts.append(len(paragraphs))
    assert max(counts) > 1, counts  # some page has several (a Korean one has just one)


def test_options_reach_the_extraction_and_no_list_unless_asked(
    warc_folder: Path, tmp_path: Path
) -> None:
    extractor = BoilerstripExtractor(favor="precision", timeout=30)
    documents = by_url(run_pipeline(warc_folder, tmp_path, extractor))
    for name in PAGES:
        document = documents[url_of(name)]
        assert document["text"] == boilerstrip.clean(page(name), favor="precision"), name
        assert "paragraphs" not in document["metadata"]


def test_extract_is_clean() -> None:
    html = page(PAGES[0]).decode("utf-8")
    assert BoilerstripExtractor(language="en").extract(html) == boilerstrip.clean(
        html, language="en"
    )


def test_a_page_over_max_bytes_gives_an_empty_body() -> None:
    html = page(PAGES[0]).decode("utf-8")
    assert BoilerstripExtractor(max_bytes=1000).extract(html) == ""


def test_a_page_past_the_timeout_gives_an_empty_body() -> None:
    # A nanosecond is over before boilerstrip first looks at its clock, on any machine.
    assert BoilerstripExtractor(timeout=1e-9).extract(page(PAGES[0]).decode("utf-8")) == ""


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"favour": "recall"}, "unknown clean.. option.s. favour"),
        ({"favor": "most"}, "favor must be one of"),
        ({"input_format": "pdf"}, "input_format"),
        ({"timeout": None}, "timeout"),
        ({"timeout": -1}, "timeout must be a positive number"),
        ({"max_bytes": "10MB"}, "max_bytes"),
    ],
)
def test_bad_options_fail_when_the_step_is_built(arguments: dict[str, Any], named: str) -> None:
    with pytest.raises(boilerstrip.InvalidOptionError, match=named):
        BoilerstripExtractor(**arguments)
