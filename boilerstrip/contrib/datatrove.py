"""A datatrove extractor: the clean article body of each document's HTML.

Use it where datatrove's own ``Trafilatura`` step would go::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from boilerstrip.contrib.datatrove import BoilerstripExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),
        BoilerstripExtractor(favor="precision", paragraphs=True),
        JsonlWriter("out/"),
    ], tasks=4).run()

Paragraphs. A datatrove ``Document`` holds its text as one ``str``, and every later step
(filters, writers, tokenizers) reads it as such, so ``document.text`` is always clean()'s
body: paragraphs one blank line apart. With ``paragraphs=True`` the same paragraphs are
also stored as a list in ``document.metadata["paragraphs"]`` for stages that take a list
(the Ray / NeMo Curator style). They are split from the body, which is exact: clean() puts
no blank line inside a paragraph. The list stays correct only until a later step rewrites
``document.text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from boilerstrip.errors import missing_extra

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError as error:  # pragma: no cover - depends on the environment
    raise missing_extra("datatrove", "datatrove", "boilerstrip.contrib.datatrove") from error

import boilerstrip
from boilerstrip.contrib._options import checked_options, paragraphs_of
from boilerstrip.errors import ExtractionTimeoutError, InputTooLargeError, InvalidOptionError

__all__ = ["BoilerstripExtractor"]


class BoilerstripExtractor(BaseExtractor):  # type: ignore[misc]  # datatrove is untyped
    """Replaces each document's HTML (or text) by its clean body; empty bodies are dropped.

    ``timeout`` (seconds per document) is datatrove's: its sandbox process is killed and
    restarted past it. boilerstrip gets the same budget to stop by itself first, which skips
    the document without the restart. ``options`` are clean()'s (``favor``, ``language``,
    ``input_format``, ``max_bytes``, ``pipeline``), checked here rather than on the first
    document. A page over ``max_bytes`` or past the timeout gives an empty body, so the
    document is dropped, as datatrove drops one whose extraction failed.
    """

    name = "🧹 boilerstrip"
    # No _requires_dependencies: boilerstrip is importable wherever this module is, and
    # datatrove's check of an installed distribution would refuse a checkout on sys.path.

    def __init__(self, timeout: float = 1, *, paragraphs: bool = False, **options: Any) -> None:
        super().__init__(timeout)
        if timeout is None or "timeout" in options:
            raise InvalidOptionError(
                "BoilerstripExtractor: timeout is its own argument, a number of seconds "
                "(datatrove's per-document limit, which boilerstrip shares), never None"
            )
        self.options = checked_options({**options, "timeout": timeout}, "BoilerstripExtractor")
        self.paragraphs = paragraphs

    def extract(self, text: str) -> str:
        """The clean body of ``text`` (HTML or plain text); "" when there is none to give."""
        try:
            return boilerstrip.clean(text, **self.options)
        except (ExtractionTimeoutError, InputTooLargeError):
            # Raising would kill datatrove's sandbox process; "" drops just this document.
            return ""

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """datatrove's extraction loop, then the paragraph list when asked for."""
        for document in super().run(data, rank, world_size):
            if self.paragraphs:
                document.metadata["paragraphs"] = paragraphs_of(document.text)
            yield document
