"""The one-call API: ``clean`` and ``extract`` with the default pipeline."""

from __future__ import annotations

from boilerstrip.document import DEFAULT_MAX_BYTES
from boilerstrip.filters.base import Favor
from boilerstrip.pipeline import Pipeline
from boilerstrip.render import render_text
from boilerstrip.result import Result
from boilerstrip.template import SiteTemplate


def extract(
    source: object,
    *,
    favor: Favor | str = Favor.BALANCED,
    timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    language: str | None = None,
    input_format: str = "auto",
    url: str | None = None,
    pipeline: Pipeline | None = None,
    template: SiteTemplate | None = None,
) -> Result:
    """Everything boilerstrip finds in ``source``: metadata, kept and removed blocks.

    ``source`` is plain text or an HTML page, ``str`` or ``bytes`` (decoded by BOM, then a
    declared charset for HTML, UTF-8, then detection), or a page already parsed: a
    BeautifulSoup object, an lxml element or element tree. ``input_format`` ("auto", "text",
    "html") says which a ``str``/``bytes`` is, or lets the start of the page tell.
    ``favor`` trades recall for precision ("precision", "balanced", "recall"); ``timeout``
    (seconds) and ``max_bytes`` bound the work; ``language`` overrides the guess (and an
    HTML page's ``<html lang>``). ``url`` (absolute http or https) goes into the metadata
    and names the site when the page does not. ``template``, a ``SiteTemplate`` learned
    from other pages of the same site, removes the blocks the site repeats on most pages.
    """
    chosen = pipeline if pipeline is not None else Pipeline.default()
    return chosen.extract(
        source,
        favor=favor,
        timeout=timeout,
        max_bytes=max_bytes,
        language=language,
        input_format=input_format,
        url=url,
        template=template,
    )


def clean(
    source: object,
    *,
    favor: Favor | str = Favor.BALANCED,
    timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    language: str | None = None,
    input_format: str = "auto",
    url: str | None = None,
    pipeline: Pipeline | None = None,
    template: SiteTemplate | None = None,
) -> str:
    """The clean article body of ``source``: paragraphs in order, one blank line apart."""
    result = extract(
        source,
        favor=favor,
        timeout=timeout,
        max_bytes=max_bytes,
        language=language,
        input_format=input_format,
        url=url,
        pipeline=pipeline,
        template=template,
    )
    return render_text(result)
