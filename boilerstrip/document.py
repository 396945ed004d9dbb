"""Building a ``Document`` from a source: decode, normalise, segment, measure."""

from __future__ import annotations

from boilerstrip.blocks import Block, Document, TextStats
from boilerstrip.decode import decode_bytes
from boilerstrip.errors import InputTooLargeError, InputTypeError
from boilerstrip.lexicon import guess_language_of_words, lexicon_for
from boilerstrip.normalize import normalize_text
from boilerstrip.segment import Segment, segment_text
from boilerstrip.stats import CJK_LANGUAGES, measure, tokenize

# 64 MiB: far above any real page, low enough that one bad input cannot eat a worker's RAM.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def source_to_text(source: object, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """The text of ``source`` (``str`` or ``bytes``); anything else is a ``TypeError``."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes)
        return decode_bytes(data)
    if isinstance(source, str):
        # Code points, not bytes: cheap, and within 4x of the encoded size.
        _check_size(len(source), max_bytes)
        return source
    raise InputTypeError(
        f"boilerstrip expects the page as str or bytes, got {type(source).__name__}"
        + (" (None)" if source is None else "")
    )


def _check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} bytes, above max_bytes={max_bytes:,}; "
            "raise max_bytes (or pass max_bytes=None) to accept it"
        )


def document_from_text(text: str, language: str | None = None) -> Document:
    """Normalise and segment plain ``text`` and measure every block."""
    normalised = normalize_text(text)
    segments = segment_text(normalised)
    tokens = _tokens_by_text(segments)
    lang = language or guess_language_of_words([tokens[s.text] for s in segments])
    return Document(normalised, _measured_blocks(segments, tokens, lang), lang, "text")


def _tokens_by_text(segments: list[Segment]) -> dict[str, list[str]]:
    # A fifth of a page's lines repeat (menus at top and bottom): tokenise each text once.
    tokens: dict[str, list[str]] = {}
    for segment in segments:
        if segment.text not in tokens:
            tokens[segment.text] = tokenize(segment.text)
    return tokens


def _measured_blocks(
    segments: list[Segment], tokens: dict[str, list[str]], language: str
) -> tuple[Block, ...]:
    stopwords = lexicon_for(language).stopwords
    cjk = language in CJK_LANGUAGES
    measured: dict[str, tuple[TextStats, tuple[str, ...]]] = {}
    blocks = []
    for index, (text, kind, start, end, line, group) in enumerate(segments):
        evidence = measured.get(text)
        if evidence is None:
            evidence = measured[text] = measure(text, tokens[text], stopwords, cjk)
        blocks.append(Block(index, text, kind, start, end, line, group, *evidence))
    return tuple(blocks)
