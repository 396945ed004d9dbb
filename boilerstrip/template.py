"""Site templates: the blocks that repeat across the pages of one site (CCNet-style).

``SiteTemplate.learn(pages)`` segments each page exactly as the pipeline does (text or
HTML), hashes each block's normalised words, and counts in how many distinct pages each hash
appears: its document frequency. The ``site_template`` filter (``filters.site``) then removes
the blocks of a page whose hash a large share of the site's pages carry. One pass over the
pages, linear in their size; memory is bounded by a cap on the hashes taken from one page
and on the hashes kept in all (the rarest are forgotten first, see ``_Counter``).

A template is plain data: it saves to and loads from JSON with a format name and a version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from boilerstrip.blocks import Block
from boilerstrip.document import DEFAULT_MAX_BYTES, build_document
from boilerstrip.errors import InvalidOptionError, TemplateError
from boilerstrip.metadata import checked_url, site_of

FORMAT = "boilerstrip-site-template"
VERSION = 1
# A page contributes at most this many distinct block hashes: half from its top, half from
# its bottom, where headers and footers stand (a 10 MB page must not fill the counter alone).
# Real pages have a few hundred distinct blocks; 2,000 leaves room for long listings.
MAX_HASHES_PER_PAGE = 2_000
# The counter keeps at most this many hashes (some 10 MB of dict); past it the rarest are
# dropped, which can only lower a count, so a template never removes more than it should.
MAX_HASHES = 100_000
# A hash seen on one page only is never template: it is not kept in a finished template.
MIN_PAGES_SEEN = 2
# Digits are kept as written. CCNet folds them (so "Page 2 of 9" repeats), but on shop pages
# that makes every price line "$0.0" the same block: leave-one-out F1 on the wcxb-dev sites
# (benchmarks/site_template.py) was 0.547 either way in text and fell 0.550 -> 0.533 in HTML.
_HASH_BYTES = 8
_HEX_DIGITS = 2 * _HASH_BYTES


def block_hash(words: Sequence[str]) -> int | None:
    """The 64-bit hash of a block's lower-cased words; ``None`` when the block
    has no words (a rule, an image's empty caption: nothing to learn)."""
    if not words:
        return None
    key = " ".join(words)
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=_HASH_BYTES).digest(), "big")


def page_hashes(blocks: Sequence[Block], limit: int = MAX_HASHES_PER_PAGE) -> set[int]:
    """The distinct block hashes of one page, at most ``limit`` of them, taken from both ends."""
    ordered: dict[int, None] = {}
    for block in blocks:
        found = block_hash(block.words)
        if found is not None:
            ordered[found] = None
    hashes = list(ordered)
    if len(hashes) <= limit:
        return set(hashes)
    head = limit // 2
    return set(hashes[:head]) | set(hashes[len(hashes) - (limit - head) :])


@dataclass(frozen=True)
class SiteTemplate:
    """How many pages of a site were learned from, and per block hash on how many of them
    it appeared (only hashes seen on ``MIN_PAGES_SEEN`` pages or more are kept)."""

    pages: int
    counts: Mapping[int, int] = field(default_factory=dict, repr=False)
    host: str | None = None

    def __post_init__(self) -> None:
        # Read-only, so a template shared between calls or threads cannot change under them.
        object.__setattr__(self, "counts", MappingProxyType(dict(self.counts)))

    def __reduce__(self) -> tuple[type[SiteTemplate], tuple[int, dict[int, int], str | None]]:
        # A read-only mapping does not pickle; worker processes of a batch need templates.
        return SiteTemplate, (self.pages, dict(self.counts), self.host)

    @classmethod
    def learn(
        cls,
        pages: Iterable[object],
        *,
        host: str | None = None,
        input_format: str = "auto",
        max_bytes: int | None = DEFAULT_MAX_BYTES,
    ) -> SiteTemplate:
        """The template of ``pages`` (text or HTML, ``str`` or ``bytes``, any iterable, read
        once), all from one site; ``host`` names the site in removal reasons."""
        learner = TemplateLearner(host)
        for page in pages:
            learner.add(page, input_format=input_format, max_bytes=max_bytes)
        return learner.template()

    def seen_on(self, block: Block) -> int:
        """On how many learned pages ``block``'s text appeared (0: fewer than two)."""
        found = block_hash(block.words)
        return 0 if found is None else self.counts.get(found, 0)

    # --- JSON ------------------------------------------------------------------------------
    def to_json(self) -> str:
        """The template as a JSON document (hashes as hex, sorted: same template, same text)."""
        counts = {f"{h:0{_HEX_DIGITS}x}": n for h, n in sorted(self.counts.items())}
        data = {
            "format": FORMAT,
            "version": VERSION,
            "host": self.host,
            "pages": self.pages,
            "counts": counts,
        }
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> SiteTemplate:
        """The template ``to_json`` wrote; a ``TemplateError`` saying what is wrong otherwise."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as error:
            raise TemplateError(f"a site template must be JSON: {error}") from None
        return _parsed(data)

    def save(self, path: str | Path) -> None:
        """Write the template to ``path`` as JSON (UTF-8)."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SiteTemplate:
        """The template saved at ``path``; a ``TemplateError`` naming the file when it cannot
        be read or is not a site template."""
        try:
            text = Path(path).read_bytes()
        except OSError as error:
            raise TemplateError(f"cannot read site template {str(path)!r}: {error}") from None
        try:
            return cls.from_json(text)
        except TemplateError as error:
            raise TemplateError(f"{str(path)!r}: {error}") from None


def _parsed(data: object) -> SiteTemplate:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TemplateError(f"not a site template: expected a JSON object with format {FORMAT!r}")
    version = data.get("version")
    if version != VERSION:
        raise TemplateError(
            f"site template version {version!r} is not supported (this boilerstrip reads "
            f"version {VERSION}); learn the template again"
        )
    pages, host = data.get("pages"), data.get("host")
    if not _is_count(pages):
        raise TemplateError(f"'pages' must be a whole number >= 0, got {pages!r}")
    if host is not None and not isinstance(host, str):
        raise TemplateError(f"'host' must be a string or null, got {host!r}")
    return SiteTemplate(pages, _parsed_counts(data.get("counts"), pages), host)


def _parsed_counts(raw: object, pages: int) -> dict[int, int]:
    if not isinstance(raw, dict):
        raise TemplateError("'counts' must be an object of hex hashes to page counts")
    counts: dict[int, int] = {}
    for key, count in raw.items():
        if len(key) != _HEX_DIGITS or not _is_hex(key):
            raise TemplateError(f"'counts' key {key!r:.40} is not a {_HEX_DIGITS}-digit hex hash")
        if not _is_count(count) or not MIN_PAGES_SEEN <= count <= pages:
            raise TemplateError(
                f"'counts' of {key} is {count!r}: it must be a whole number from "
                f"{MIN_PAGES_SEEN} to the template's {pages} pages"
            )
        counts[int(key, 16)] = count
    return counts


def _is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_hex(key: str) -> bool:
    return all(c in "0123456789abcdef" for c in key)


class TemplateLearner:
    """Learns a template page by page (``SiteTemplate.learn`` in steps): ``add`` each page,
    then ``template()``. Batch code keeps one per site while it reads its pages."""

    def __init__(self, host: str | None = None) -> None:
        self.host = host
        self.pages = 0
        self._counter = _Counter(MAX_HASHES)

    def add(
        self,
        page: object,
        *,
        input_format: str = "auto",
        max_bytes: int | None = DEFAULT_MAX_BYTES,
    ) -> None:
        """Count the blocks of ``page``, segmented as ``extract`` segments it."""
        document = build_document(page, input_format=input_format, max_bytes=max_bytes)
        self.add_blocks(document.blocks)

    def add_blocks(self, blocks: Sequence[Block]) -> None:
        """Count the blocks of one page already segmented."""
        self.pages += 1
        self._counter.add(page_hashes(blocks))

    def template(self) -> SiteTemplate:
        counts = {h: n for h, n in self._counter.items() if n >= MIN_PAGES_SEEN}
        return SiteTemplate(self.pages, counts, self.host)


class _Counter:
    """Document frequencies of hashes, at most ``limit`` of them.

    When a page takes it past the limit, the rarest hashes go until half the limit is left
    (a lossy count in the spirit of Manku & Motwani's): the pruning is linear and halves the
    counter, so its cost spreads over the pages that filled it.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._counts: dict[int, int] = {}

    def add(self, hashes: Iterable[int]) -> None:
        counts = self._counts
        for found in hashes:
            counts[found] = counts.get(found, 0) + 1
        if len(counts) > self._limit:
            self._prune()

    def _prune(self) -> None:
        by_count: dict[int, int] = {}
        for count in self._counts.values():
            by_count[count] = by_count.get(count, 0) + 1
        left, cutoff = len(self._counts), 0
        for count in sorted(by_count):
            if left <= self._limit // 2:
                break
            left -= by_count[count]
            cutoff = count
        self._counts = {h: n for h, n in self._counts.items() if n > cutoff}

    def items(self) -> Iterator[tuple[int, int]]:
        return iter(self._counts.items())


def host_of(url: str) -> str:
    """The site a page's ``url`` belongs to: its host without a leading "www."."""
    host = site_of(checked_url(url))
    if host is None:
        raise InvalidOptionError(f"url {url[:200]!r} has no host to learn a template for")
    return host


def learn_templates_by_host(
    records: Iterable[tuple[str, object]],
    *,
    input_format: str = "auto",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> dict[str, SiteTemplate]:
    """A template per site of ``records``, pairs of (absolute URL, page), read once.

    Sites are hosts without "www." (``host_of``). A batch cleans in two passes: this one over
    its records, then ``clean(page, template=templates.get(host_of(url)))`` for each; the
    filter leaves pages of sites with too few pages alone.
    """
    learners: dict[str, TemplateLearner] = {}
    for url, page in records:
        host = host_of(url)
        learner = learners.get(host)
        if learner is None:
            learner = learners[host] = TemplateLearner(host)
        learner.add(page, input_format=input_format, max_bytes=max_bytes)
    return {host: learner.template() for host, learner in learners.items()}
