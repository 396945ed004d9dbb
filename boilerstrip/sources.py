"""Where the command line's pages come from: files, JSON Lines records, WARC and WET archives.

Readers are generators (an archive of a million pages is read one record at a time) and
yield ``BatchItem``s for ``extract_many``. A record that cannot be used (a line that is not
JSON) is reported through ``on_error`` and skipped, so one bad line does not stop a batch.
warcio is the optional extra ``warc``, imported only when an archive is read.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast

from boilerstrip.batch import BatchItem
from boilerstrip.decode import canonical_charset
from boilerstrip.document import DEFAULT_MAX_BYTES
from boilerstrip.errors import BoilerstripError, missing_extra

STDIN = "-"
ErrorReport = Callable[[str], None]
_GZIP_MAGIC = b"\x1f\x8b"
# File names that hold WARC archives (Common Crawl's WARC and WET files among them).
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
# The fields of a JSON Lines record a batch needs; the rest stays out of the workers' pipes.
_RECORD_FIELDS = ("id", "url")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class ReadError(BoilerstripError):
    """A page or an archive could not be read; the message names the file."""


# --- single pages ----------------------------------------------------------------------------
def read_page(name: str) -> bytes:
    """The bytes of a page, gunzipped when they are gzip data, whatever the file is called."""
    if name == STDIN:
        return _gunzipped(sys.stdin.buffer.read(), "standard input")
    path = Path(name)
    if path.is_dir():
        raise ReadError(f"{name} is a directory, not a page")
    try:
        return _gunzipped(path.read_bytes(), name)
    except FileNotFoundError:
        raise ReadError(f"no such file: {name}") from None
    except OSError as error:
        raise ReadError(f"cannot read {name}: {error.strerror or error}") from None


def _gunzipped(data: bytes, name: str) -> bytes:
    if not data.startswith(_GZIP_MAGIC):
        return data
    try:
        # Reading stops one byte past the size limit: a small file that inflates to
        # gigabytes never fills memory.
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            page = unzipped.read(DEFAULT_MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ReadError(f"{name} is not valid gzip data: {error}") from None
    if len(page) > DEFAULT_MAX_BYTES:
        raise ReadError(
            f"{name} decompresses to more than {DEFAULT_MAX_BYTES:,} bytes, the size limit"
        )
    return page


def is_archive(name: str) -> bool:
    """Whether ``name`` is a WARC or WET file by its name (``.warc``, ``.wet.gz`` ...)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


# --- streams ---------------------------------------------------------------------------------
@contextmanager
def opened(name: str) -> Iterator[IO[bytes]]:
    """``name`` (or standard input) opened for reading bytes, as a ``ReadError`` if it
    cannot be."""
    if name == STDIN:
        yield sys.stdin.buffer
        return
    try:
        stream = open(name, "rb")  # noqa: SIM115 - closed below, after the caller's reads
    except IsADirectoryError:
        raise ReadError(f"{name} is a directory, not a file") from None
    except FileNotFoundError:
        raise ReadError(f"no such file: {name}") from None
    except OSError as error:
        raise ReadError(f"cannot read {name}: {error.strerror or error}") from None
    with stream:
        yield stream


def _maybe_gunzipped(stream: IO[bytes]) -> IO[bytes]:
    """``stream``, read through gzip when it starts as gzip data does."""
    buffered = (
        stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(cast(Any, stream))
    )
    if buffered.peek(2)[:2] == _GZIP_MAGIC:
        return cast(IO[bytes], gzip.GzipFile(fileobj=buffered))
    return buffered


# --- JSON Lines ------------------------------------------------------------------------------
def iter_jsonl(
    name: str, field: str, on_error: ErrorReport
) -> Iterator[BatchItem | dict[str, Any]]:
    """The records of a JSON Lines file (gzipped or not), one JSON object a line with the
    page under ``field`` and optional "id" and "url". A record without ``field`` is passed
    on (its result will say so); a line that is not a JSON object is reported and skipped."""
    with opened(name) as raw:
        stream = _maybe_gunzipped(raw)
        try:
            for number, line in enumerate(stream, 1):
                record = _record(line, field, f"{name}:{number}", on_error)
                if record is not None:
                    yield record
        except (OSError, EOFError, zlib.error) as error:
            raise ReadError(f"{name} is not valid gzip data: {error}") from None


def _record(line: bytes, field: str, where: str, on_error: ErrorReport) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except ValueError as error:
        on_error(f"{where}: not a JSON line ({error})")
        return None
    if not isinstance(record, dict):
        on_error(f"{where}: a JSON {type(record).__name__}, not an object")
        return None
    return {key: record[key] for key in (field, *_RECORD_FIELDS) if key in record}


# --- WARC and WET ----------------------------------------------------------------------------
def iter_warc(name: str, on_error: ErrorReport) -> Iterator[BatchItem]:
    """The pages of a WARC or WET file (gzipped or not): each HTML ``response`` record's body,
    its HTTP headers stripped and decoded by the charset its Content-Type names, and each
    ``conversion`` record's text (WET). Id and URL are WARC-Record-ID and WARC-Target-URI.
    Other records (requests, metadata, images ...) are skipped."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise missing_extra("warcio", "warc", "reading WARC and WET files") from None
    with opened(name) as stream:
        try:
            for record in ArchiveIterator(stream):
                item = _warc_item(record)
                if item is not None:
                    yield item
        except Exception as error:
            # warcio raises its own and zlib's errors on a damaged archive.
            raise ReadError(f"{name} is not a readable WARC file: {error}") from None


def _warc_item(record: Any) -> BatchItem | None:
    kind = record.rec_type
    if kind not in ("response", "conversion"):
        return None
    ident = record.rec_headers.get_header("WARC-Record-ID")
    url = record.rec_headers.get_header("WARC-Target-URI")
    body: bytes = record.content_stream().read()
    if kind == "conversion":
        # WET text is UTF-8 by the format's definition.
        return BatchItem(body.decode("utf-8", "replace"), ident, url, input_format="text")
    if record.http_headers is None:
        return None  # a response of another protocol (dns:, ...)
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not _is_page(content_type):
        return None
    return BatchItem(_decoded(body, content_type), ident, url, input_format="html")


def _is_page(content_type: str) -> bool:
    """HTML, XHTML or plain text; a response with no Content-Type gets the benefit of the
    doubt, as a browser would sniff it."""
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media.startswith("text/") or media in {"application/xhtml+xml"}


def _decoded(body: bytes, content_type: str) -> str | bytes:
    """The body decoded by the charset of its HTTP header, which outranks a ``<meta
    charset>`` as in browsers; else the bytes, left to boilerstrip's own decoding. That
    decoding's order holds around it: a byte-order mark first, then valid UTF-8 (pages
    labelled ISO-8859-1 are often UTF-8), and a label only when the bytes decode with it."""
    charset = _charset(content_type)
    if charset is None or body.startswith(_BOMS):
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    try:
        return body.decode(charset)
    except (LookupError, UnicodeError, ValueError, TypeError):
        return body


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return canonical_charset(value.strip().strip("\"'"))
    return None
