"""Dask helpers: clean a bag of pages, or a column of a dataframe, partition by partition.

::

    import dask.bag as db
    from boilerstrip.contrib.dask import clean_bag, clean_partitions

    bodies = clean_bag(db.from_sequence(pages, npartitions=8), favor="precision")
    frame = clean_partitions(frame, "html", target="text", url_column="url")

Options are clean()'s and are checked when the graph is built, not in a worker. The
functions that run on the workers are plain module-level ones (picklable), and
``clean_partition`` / ``clean_series`` work on any pandas DataFrame / Series, so the same
callable serves Spark (``mapInPandas``, a ``pandas_udf``) or a plain loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from boilerstrip.errors import missing_extra

try:
    import dask.bag as db
    import dask.dataframe as dd

    # Documented as dask.dataframe.utils.make_meta, defined (and so typed as exported) here.
    from dask.dataframe.dispatch import make_meta
except ImportError as error:  # pragma: no cover - depends on the environment
    raise missing_extra("dask", "dask", "boilerstrip.contrib.dask") from error

import boilerstrip
from boilerstrip.contrib._options import checked_options, web_url
from boilerstrip.contrib.pandas import check_columns, clean_partition, clean_series

__all__ = ["clean_bag", "clean_partition", "clean_partitions", "clean_series"]


def clean_bag(
    bag: db.Bag,
    *,
    field: str | None = None,
    target: str = "text",
    url_field: str = "url",
    **options: Any,
) -> db.Bag:
    """A bag of the clean bodies of ``bag``'s pages, in order.

    Without ``field`` each element is a page (``str`` or ``bytes``) and becomes its body.
    With ``field`` each element is a mapping whose ``field`` holds the page; it becomes a
    new dict with the body under ``target`` and every other key kept, and its ``url_field``
    is passed as clean(url=...) when it is an absolute http(s) URL.
    """
    checked = checked_options(options, "clean_bag")
    if field is None:
        return bag.map(partial(_clean_page, checked))
    return bag.map(partial(_clean_record, checked, field, target, url_field))


def _clean_page(options: dict[str, Any], page: object) -> str:
    return boilerstrip.clean(page, **options)


def _clean_record(
    options: dict[str, Any], field: str, target: str, url_field: str, record: Mapping[str, Any]
) -> dict[str, Any]:
    body = boilerstrip.clean(record[field], url=web_url(record.get(url_field)), **options)
    return {**record, target: body}


def clean_partitions(
    frame: dd.DataFrame,
    column: str,
    *,
    target: str = "text",
    url_column: str | None = None,
    **options: Any,
) -> dd.DataFrame:
    """``frame`` with the clean body of ``frame[column]`` in a new column ``target``."""
    check_columns(frame.columns, column, url_column)
    checked = checked_options(options, "clean_partitions")
    clean = partial(clean_partition, column=column, target=target, url_column=url_column)
    meta = clean(make_meta(frame), **checked)  # the empty partition says the result's types
    return frame.map_partitions(clean, meta=meta, **checked)
