"""boilerstrip.contrib.pandas: the partition functions Dask, Spark and Ray call, on pandas."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pandas", reason="pandas (the dask extra) is not installed")

import pandas as pd

import boilerstrip
from boilerstrip.contrib.pandas import clean_partition, clean_series

ROOT = Path(__file__).resolve().parent.parent
TEXT = sorted((ROOT / "fixtures" / "text").glob("*.txt"))[8:14]


def frame() -> pd.DataFrame:
    pages: list[str | None] = [path.read_text(encoding="utf-8") for path in TEXT]
    urls = [f"https://example.com/{i}" if i % 2 else "not a url" for i in range(len(pages))]
    return pd.DataFrame(
        {"url": [*urls, None], "page": [*pages, None]}, index=list("abcdefg")[: len(pages) + 1]
    )


def test_a_partition_gets_a_body_column_and_stays_unchanged() -> None:
    data = frame()
    cleaned = clean_partition(data, "page", target="body", url_column="url", favor="recall")
    assert "body" not in data  # a copy; the caller's frame is left alone
    assert list(cleaned.index) == list(data.index)
    for row in cleaned.itertuples():
        url = row.url if isinstance(row.url, str) and row.url.startswith("https") else None
        expected = "" if pd.isna(row.page) else boilerstrip.clean(row.page, url=url, favor="recall")
        assert row.body == expected


def test_the_series_function_gives_the_same_in_any_batches() -> None:
    # A Spark pandas_udf receives the column in batches of its choosing.
    pages = frame()["page"]
    whole = clean_series(pages)
    batches = [clean_series(pages.iloc[i : i + 2]) for i in range(0, len(pages), 2)]
    assert list(pd.concat(batches)) == list(whole)
    assert list(whole.index) == list(pages.index)
    assert whole.iloc[0] == boilerstrip.clean(pages.iloc[0]) != ""


def test_an_empty_partition_keeps_the_column_type() -> None:
    empty = clean_series(pd.Series([], dtype=object))
    assert empty.dtype == clean_series(frame()["page"]).dtype


def test_bad_options_and_columns_are_named() -> None:
    with pytest.raises(boilerstrip.InvalidOptionError, match="clean_series: unknown"):
        clean_series(frame()["page"], favour="recall")
    with pytest.raises(boilerstrip.InvalidOptionError, match="no column 'html'"):
        clean_partition(frame(), "html")
    with pytest.raises(boilerstrip.InvalidOptionError, match="no column 'link'"):
        clean_partition(frame(), "page", url_column="link")
