"""pandas helpers: the clean body of a column, as a Series or a new column of a frame.

These run on one pandas partition, so the same callable serves every engine that hands
out pandas data: Dask's ``map_partitions`` (see ``boilerstrip.contrib.dask``), Spark's
``pandas_udf`` and ``mapInPandas``, Ray Data's ``map_batches(batch_format="pandas")``, or
a plain loop. Only pandas is needed.
"""

from __future__ import annotations

from typing import Any

from boilerstrip.errors import missing_extra

try:
    import pandas as pd
except ImportError as error:  # pragma: no cover - depends on the environment
    # The dask extra is the one that brings pandas.
    raise missing_extra("pandas", "dask", "boilerstrip.contrib.pandas") from error

import boilerstrip
from boilerstrip.contrib._options import checked_options, web_url
from boilerstrip.errors import InvalidOptionError

__all__ = ["check_columns", "clean_partition", "clean_series"]


def clean_series(pages: pd.Series, urls: pd.Series | None = None, **options: Any) -> pd.Series:
    """The clean body of every page of ``pages``, same index; a missing page gives "".

    ``urls`` (aligned with ``pages``) are passed as clean(url=...) where they are absolute
    http(s) URLs. This is the body of a Spark ``pandas_udf("string")``.
    """
    checked = checked_options(options, "clean_series")
    links = [None] * len(pages) if urls is None else [web_url(u) for u in urls]
    bodies = [_body(page, url, checked) for page, url in zip(pages, links, strict=True)]
    # dtype=str: the same column type for an empty partition (dask's meta) and a full one.
    return pd.Series(bodies, index=pages.index, name=pages.name, dtype=str)


def _body(page: object, url: str | None, options: dict[str, Any]) -> str:
    # Dataframe cells are missing (None, NaN, NA) as a matter of course: no page, no body.
    if page is None or (not isinstance(page, str | bytes) and bool(pd.isna(page))):
        return ""
    return boilerstrip.clean(page, url=url, **options)


def clean_partition(
    frame: pd.DataFrame,
    column: str,
    *,
    target: str = "text",
    url_column: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    """A copy of ``frame`` with the clean body of ``frame[column]`` in column ``target``.

    The function to hand to ``map_partitions``, Spark's ``mapInPandas`` or a plain loop.
    """
    check_columns(frame.columns, column, url_column)
    urls = None if url_column is None else frame[url_column]
    cleaned = frame.copy()
    cleaned[target] = clean_series(frame[column], urls, **options)
    return cleaned


def check_columns(columns: Any, column: str, url_column: str | None) -> None:
    """InvalidOptionError unless ``column`` (and ``url_column``) are among ``columns``."""
    for name in (column, url_column):
        if name is not None and name not in columns:
            raise InvalidOptionError(
                f"no column {name!r} in the frame; its columns are {', '.join(map(str, columns))}"
            )
