"""boilerstrip.contrib.dask on a real distributed cluster: two worker processes.

Whatever the partitioning, the results must be exactly what clean() gives page by page.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="the dask extra is not installed")
pytest.importorskip("dask.dataframe", reason="the dask extra (dataframe) is not installed")
pytest.importorskip("distributed", reason="the dask extra (distributed) is not installed")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

import boilerstrip
from boilerstrip.contrib.dask import clean_bag, clean_partitions

ROOT = Path(__file__).resolve().parent.parent
HTML = sorted((ROOT / "fixtures" / "html").glob("*.html.gz"))[:8]
TEXT = sorted((ROOT / "fixtures" / "text").glob("*.txt"))[:8]


def html_pages() -> list[bytes]:
    return [gzip.decompress(path.read_bytes()) for path in HTML]


def text_pages() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in TEXT]


def url_of(index: int) -> str:
    return f"https://example.com/page/{index}"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A cluster of two single-threaded worker processes, shared by the module's tests."""
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_the_workers_run_this_checkout(client: Client) -> None:
    # Otherwise the results below could come from another installed boilerstrip.
    files = client.run(lambda: boilerstrip.__file__)
    assert len(files) == 2
    assert set(files.values()) == {boilerstrip.__file__}


def test_a_bag_of_pages_becomes_their_bodies(client: Client) -> None:
    pages = [*html_pages(), *text_pages()]
    bag = db.from_sequence(pages, npartitions=4)
    assert client.compute(clean_bag(bag)).result() == [boilerstrip.clean(p) for p in pages]


def test_a_bag_of_records_gets_a_body_field(client: Client) -> None:
    records = [
        {"id": i, "html": page, "url": url_of(i) if i % 2 else "relative/link"}
        for i, page in enumerate(html_pages())
    ]
    bag = db.from_sequence(records, npartitions=3)
    got = client.compute(clean_bag(bag, field="html", target="body", favor="recall")).result()
    assert [r["id"] for r in got] == [r["id"] for r in records]
    for record, out in zip(records, got, strict=True):
        url = record["url"] if record["id"] % 2 else None
        assert out["body"] == boilerstrip.clean(record["html"], url=url, favor="recall")
        assert out["html"] == record["html"] and out["url"] == record["url"]


def frame() -> pd.DataFrame:
    pages = [page.decode("utf-8") for page in html_pages()] + text_pages() + [None]
    return pd.DataFrame(
        {"url": [url_of(i) for i in range(len(pages))], "page": pages},
        index=pd.RangeIndex(100, 100 + len(pages)),
    )


def test_a_dataframe_column_is_cleaned_partition_by_partition(client: Client) -> None:
    pandas_frame = frame()
    lazy = clean_partitions(
        dd.from_pandas(pandas_frame, npartitions=5), "page", url_column="url", favor="precision"
    )
    got = client.compute(lazy).result()
    assert list(got.index) == list(pandas_frame.index)
    assert list(got.columns) == ["url", "page", "text"]
    expected = [
        "" if pd.isna(page) else boilerstrip.clean(page, url=url, favor="precision")
        for page, url in zip(pandas_frame["page"], pandas_frame["url"], strict=True)
    ]
    assert list(got["text"]) == expected
    assert got["text"].dtype == lazy["text"].dtype  # the declared meta is what came back


def test_bad_options_and_columns_fail_before_anything_runs() -> None:
    bag = db.from_sequence(text_pages(), npartitions=2)
    with pytest.raises(boilerstrip.InvalidOptionError, match=r"clean_bag: unknown .* favour"):
        clean_bag(bag, favour="recall")
    lazy = dd.from_pandas(frame(), npartitions=2)
    with pytest.raises(boilerstrip.InvalidOptionError, match="favor must be one of"):
        clean_partitions(lazy, "page", favor="most")
    with pytest.raises(boilerstrip.InvalidOptionError, match=r"no column 'html'.*url, page"):
        clean_partitions(lazy, "html")
