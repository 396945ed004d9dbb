"""A Scrapy item pipeline that puts the clean body of each item's page into the item.

Enable it in the project settings::

    ITEM_PIPELINES = {"boilerstrip.contrib.scrapy.BoilerstripPipeline": 300}

Settings (all optional):

- ``BOILERSTRIP_SOURCE_FIELD`` ("html"): the field holding the page, ``str`` or ``bytes``
  (HTML or text, as clean() takes it). Items without it pass through untouched.
- ``BOILERSTRIP_TARGET_FIELD`` ("text"): the field the body is written to.
- ``BOILERSTRIP_OPTIONS`` ({}): clean() options for every page: ``favor``, ``language``,
  ``input_format``, ``timeout``, ``max_bytes`` (a dict, or its JSON on the command line).
- ``BOILERSTRIP_METADATA_FIELD`` (None): if set, the field that gets a dict of the page's
  title, byline, date, language, url, site_name and canonical_url.
- ``BOILERSTRIP_URL_FIELD`` ("url"): the field holding the page's address; it is passed as
  clean(url=...) when it is an absolute http(s) URL, and ignored otherwise.
- ``BOILERSTRIP_DROP_EMPTY`` (True): drop items whose body comes out empty (DropItem): a
  page with no article text is rarely worth storing.
- ``BOILERSTRIP_KEEP_SOURCE`` (True): keep the page in the item; False removes the source
  field once cleaned, so feeds do not store every page twice.

A bad setting fails when the crawler starts, raising ``boilerstrip.InvalidOptionError``
that names the setting. Cleaning runs in the reactor thread, as pipelines do; at a few
milliseconds a page it is rarely what a crawl waits for.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from boilerstrip.errors import missing_extra

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem
except ImportError as error:  # pragma: no cover - depends on the environment
    raise missing_extra("scrapy", "scrapy", "boilerstrip.contrib.scrapy") from error

import boilerstrip
from boilerstrip.contrib._options import checked_options, web_url
from boilerstrip.errors import InvalidOptionError
from boilerstrip.render import render_text

__all__ = ["BoilerstripPipeline"]


class BoilerstripPipeline:
    """Cleans ``item[source_field]`` into ``item[target_field]``; dict items and Items alike."""

    def __init__(
        self,
        *,
        source_field: str = "html",
        target_field: str = "text",
        options: dict[str, Any] | None = None,
        metadata_field: str | None = None,
        url_field: str = "url",
        drop_empty: bool = True,
        keep_source: bool = True,
    ) -> None:
        self.source_field = _field_name(source_field, "BOILERSTRIP_SOURCE_FIELD")
        self.target_field = _field_name(target_field, "BOILERSTRIP_TARGET_FIELD")
        self.url_field = _field_name(url_field, "BOILERSTRIP_URL_FIELD")
        self.metadata_field = None
        if metadata_field is not None:
            self.metadata_field = _field_name(metadata_field, "BOILERSTRIP_METADATA_FIELD")
        self.options = checked_options(options or {}, "BOILERSTRIP_OPTIONS")
        self.drop_empty = drop_empty
        self.keep_source = keep_source

    @classmethod
    def from_crawler(cls, crawler: Any) -> BoilerstripPipeline:
        """The pipeline configured from the crawler's ``BOILERSTRIP_*`` settings."""
        settings = crawler.settings
        try:
            options = settings.getdict("BOILERSTRIP_OPTIONS")
        except ValueError as error:  # a string that is not a JSON object
            raise InvalidOptionError(
                f"BOILERSTRIP_OPTIONS must be a dict or its JSON text: {error}"
            ) from None
        return cls(
            source_field=settings.get("BOILERSTRIP_SOURCE_FIELD", "html"),
            target_field=settings.get("BOILERSTRIP_TARGET_FIELD", "text"),
            options=options,
            metadata_field=settings.get("BOILERSTRIP_METADATA_FIELD") or None,
            url_field=settings.get("BOILERSTRIP_URL_FIELD", "url"),
            drop_empty=settings.getbool("BOILERSTRIP_DROP_EMPTY", True),
            keep_source=settings.getbool("BOILERSTRIP_KEEP_SOURCE", True),
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """The item with its body (and metadata) set; DropItem if the body is empty.

        ``spider`` is accepted for Scrapy before 2.13, which passes it; newer ones do not.
        """
        adapter = ItemAdapter(item)
        source = adapter.get(self.source_field)
        if source is None:
            return item  # another kind of item: not this pipeline's to judge
        result = boilerstrip.extract(
            source, url=web_url(adapter.get(self.url_field)), **self.options
        )
        body = render_text(result)
        if not body and self.drop_empty:
            raise DropItem(
                f"boilerstrip found no article body in {self.source_field!r} "
                f"of {adapter.get(self.url_field) or 'an item'}"
            )
        self._set(adapter, self.target_field, body)
        if self.metadata_field is not None:
            self._set(adapter, self.metadata_field, dataclasses.asdict(result.metadata))
        if not self.keep_source:
            del adapter[self.source_field]
        return item

    @staticmethod
    def _set(adapter: ItemAdapter, field: str, value: object) -> None:
        try:
            adapter[field] = value
        except KeyError:
            # A scrapy.Item takes only the fields its class declares.
            raise InvalidOptionError(
                f"{type(adapter.item).__name__} has no field {field!r}: declare it "
                f"({field} = scrapy.Field()) or point the BOILERSTRIP_* setting elsewhere"
            ) from None


def _field_name(value: object, setting: str) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidOptionError(f"{setting} must be a non-empty field name, got {value!r}")
    return value
