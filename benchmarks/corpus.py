"""Locate and load the benchmark pages: id, true main text, page type and input files."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATASETS_ENV = "BOILERSTRIP_DATASETS"

SCRAPINGHUB = "scrapinghub"
WCXB = "wcxb"

WCXB_TYPES = (
    "article",
    "service",
    "forum",
    "listing",
    "product",
    "collection",
    "documentation",
)

# Browsers only honour a charset declared near the top of the document.
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page; `kind` is the page type (scrapinghub pages are all articles)."""

    dataset: str
    page_id: str
    kind: str
    truth: str
    html_path: Path
    text_path: Path

    def read_text(self) -> str:
        """The shipped html-text rendering of the page."""
        return self.text_path.read_text(encoding="utf-8")

    def read_html(self) -> str:
        """The page's HTML, decoded the way a browser would guess."""
        return decode_html(self.read_html_bytes())

    def read_html_bytes(self) -> bytes:
        """The page's HTML as fetched: the gunzipped bytes, not decoded."""
        return gzip.decompress(self.html_path.read_bytes())


def datasets_root() -> Path:
    """`$BOILERSTRIP_DATASETS`, else `<repo>/../shared/datasets`."""
    override = os.environ.get(DATASETS_ENV)
    if override:
        return Path(override)
    repo = Path(__file__).resolve().parent.parent
    return repo.parent / "shared" / "datasets"


def present_root() -> Path | None:
    """The data sets' folder, or None after saying where it was looked for."""
    root = datasets_root()
    if root.is_dir():
        return root
    print(
        f"benchmark data not found at {root}; set {DATASETS_ENV} to the folder "
        "holding scrapinghub/ and wcxb-dev/. Nothing to measure."
    )
    return None


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: byte-order mark, then UTF-8, then declared charset, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    # Valid UTF-8 is tried before the declared charset: pages that declare ISO-8859-1 but are
    # really UTF-8 are common (three in wcxb-dev), while legacy text that happens to be valid
    # UTF-8 is rare. This also matches how the shipped text/ renderings were decoded.
    declared = _declared_charset(data)
    for encoding in ["utf-8"] if declared is None else ["utf-8", declared]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _detect_and_decode(data)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_CHARSET_SCAN_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    # Per the HTML standard, a declared ISO-8859-1 means windows-1252, which it extends.
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii"} else name


def _detect_and_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("utf-8", errors="replace")


def load_scrapinghub(root: Path) -> list[Page]:
    """All scrapinghub pages, sorted by id; the truth is the `articleBody`."""
    folder = root / "scrapinghub"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        Page(
            dataset=SCRAPINGHUB,
            page_id=page_id,
            kind="article",
            truth=str(record.get("articleBody") or ""),
            html_path=folder / "html" / f"{page_id}.html.gz",
            text_path=folder / "text" / f"{page_id}.txt",
        )
        for page_id, record in truth.items()
    ]
    return sorted(pages, key=lambda page: page.page_id)


def load_wcxb(root: Path, kinds: frozenset[str]) -> list[Page]:
    """The wcxb-dev pages of the given types with a non-empty truth, sorted by id."""
    folder = root / "wcxb-dev"
    return sorted(
        (page for page in _wcxb_pages(folder) if page.kind in kinds and page.truth.strip()),
        key=lambda page: page.page_id,
    )


def _wcxb_pages(folder: Path) -> Iterator[Page]:
    for truth_path in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(truth_path.read_text(encoding="utf-8"))
        page_id = truth_path.stem
        yield Page(
            dataset=WCXB,
            page_id=page_id,
            kind=str(record["_internal"]["page_type"]["primary"]),
            truth=str(record["ground_truth"].get("main_content") or ""),
            html_path=folder / "html" / f"{page_id}.html.gz",
            text_path=folder / "text" / f"{page_id}.txt",
        )
