"""Building a ``Document`` from a source: decode, normalise, segment, measure."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Sequence
from copy import deepcopy
from functools import partial
from itertools import chain, islice
from typing import Any

from boilerstrip.blocks import Block, BlockKind, Document, DomEvidence, TextStats
from boilerstrip.compiled import MODULE
from boilerstrip.deadline import Deadline
from boilerstrip.decode import decode_bytes, decode_html_bytes
from boilerstrip.errors import InputTooLargeError, InputTypeError, InvalidOptionError
from boilerstrip.lexicon import known_languages, lexicon_for
from boilerstrip.lexicon.language import (
    SAMPLE_WORDS,
    guess_language_of_sample,
    written_cjk_language,
)
from boilerstrip.normalize import normalize_text
from boilerstrip.segment import Segment, segment_text
from boilerstrip.segment.text import TEXT
from boilerstrip.sniff import looks_like_html
from boilerstrip.stats import CJK_LANGUAGES, Words, measure, words_of

NO_DEADLINE = Deadline(None)
# 64 MiB: far above any real page, low enough that one bad input cannot eat a worker's RAM.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


# What a source is: told by the caller, or sniffed ("auto").
INPUT_FORMATS = ("auto", "text", "html")
# Enough of the start of a page to recognise HTML (see sniff.looks_like_html).
_SNIFF_BYTES = 4096
# A segment names its kind by the enum's value (see segment.text.Segment).
_KINDS = {kind.value: kind for kind in BlockKind}
# Named tuples built through tuple.__new__ skip their Python-level __new__ (one per block).
_new_block = partial(tuple.__new__, Block)


def build_document(
    source: object,
    *,
    input_format: str = "auto",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    language: str | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> Document:
    """The ``Document`` of ``source``: plain text or HTML as ``str`` or ``bytes``, or a page
    already parsed (a BeautifulSoup object, an lxml element or element tree).

    ``input_format="auto"`` recognises HTML by its start (a text that merely contains a ``<``
    stays text); a parsed page is HTML. Any other type is an ``InputTypeError``.
    """
    if input_format not in INPUT_FORMATS:
        raise InvalidOptionError(
            f"input_format must be one of {', '.join(INPUT_FORMATS)}, got {input_format!r}"
        )
    if not isinstance(source, (str, bytes, bytearray, memoryview)):
        tree = _lxml_tree(source)
        if tree is not None:
            _check_html_format(input_format, source)
            return document_from_tree(tree[0], language, deadline)
    text, is_html = _decoded(source, input_format, max_bytes)
    if is_html:
        return document_from_html(text, language, deadline)
    return document_from_text(text, language, deadline)


def _decoded(source: object, input_format: str, max_bytes: int | None) -> tuple[str, bool]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes)
        if input_format == "auto" and _has_bom(data):
            text = decode_bytes(data)
            return text, looks_like_html(text)
        # Tags are ASCII: Latin-1 shows them whatever the page's real encoding is.
        is_html = input_format == "html" or (
            input_format == "auto" and looks_like_html(data[:_SNIFF_BYTES].decode("latin-1"))
        )
        return (decode_html_bytes(data) if is_html else decode_bytes(data)), is_html
    if isinstance(source, str):
        # Code points, not bytes: cheap, and within 4x of the encoded size.
        _check_size(len(source), max_bytes)
        is_html = input_format == "html" or (input_format == "auto" and looks_like_html(source))
        return source, is_html
    markup = _soup_markup(source)
    if markup is not None:
        _check_html_format(input_format, source)
        _check_size(len(markup), max_bytes)
        return markup, True
    raise InputTypeError(
        "boilerstrip expects the page as str or bytes, a BeautifulSoup object or an lxml "
        f"element, got {type(source).__name__}" + (" (None)" if source is None else "")
    )


def _soup_markup(source: object) -> str | None:
    """A BeautifulSoup document or tag as HTML; ``None`` for anything else.

    bs4 is an optional extra and is never imported here: a soup exists only if its caller
    imported bs4, so the module is looked up, not loaded. Its markup is parsed again by lxml
    (bs4's own tree would need a second walker for the same blocks).
    """
    bs4 = sys.modules.get("bs4")
    if bs4 is None or not isinstance(source, bs4.element.Tag):
        return None
    return str(source)


def _lxml_tree(source: object) -> tuple[Any] | None:
    """``(root,)`` of an lxml element or element tree (root ``None`` when it has no element);
    ``None`` for anything else. The caller's tree is walked as is, without serialising it."""
    etree = sys.modules.get("lxml.etree")
    if etree is None:
        return None
    root: Any = source
    if isinstance(source, etree._ElementTree):
        root = source.getroot()
    elif not etree.iselement(source):
        return None
    if root is None or not isinstance(root.tag, str):
        return (None,)  # a tree without a root, or a lone comment: a page with nothing
    if root.tag.startswith("{"):
        # An XHTML tree parsed as XML names its tags "{namespace}p": the HTML parser reads
        # the serialised page with plain tag names, as the walk expects.
        from boilerstrip.segment.html import parse_html

        return (parse_html(etree.tostring(root, encoding="unicode")),)
    return (_walkable(root, etree),)


def _walkable(root: Any, etree: Any) -> Any:
    """``root``, or a copy of it without comments, processing instructions and tail.

    lxml's walker passes over comments and processing instructions together with their
    tails, the text after them, which the page shows; our own parser drops them, trees from
    ``lxml.html`` keep them. A sub-element's own tail is text after it in its parent, not
    part of the page it was handed in as. The caller's tree is copied rather than changed.
    """
    has_extras = next(root.iter(etree.Comment, etree.ProcessingInstruction), None) is not None
    if not has_extras and not root.tail:
        return root
    copy = deepcopy(root)
    copy.tail = None
    if has_extras:
        etree.strip_elements(copy, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return copy


def _check_html_format(input_format: str, source: object) -> None:
    if input_format == "text":
        raise InvalidOptionError(
            f"input_format='text' does not apply to a parsed page ({type(source).__name__}); "
            "pass its text as a str instead, or leave input_format='auto'"
        )


def _has_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} bytes, above max_bytes={max_bytes:,}; "
            "raise max_bytes (or pass max_bytes=None) to accept it"
        )


def document_from_text(
    text: str, language: str | None = None, deadline: Deadline = NO_DEADLINE
) -> Document:
    """Normalise and segment plain ``text`` and measure every block."""
    normalised = normalize_text(text)
    deadline.check()
    segments = segment_text(normalised, deadline.check)
    words = _words_by_text(segments, deadline)
    lang = language or guess_language_of_sample(sample_words(segments, words, SAMPLE_WORDS))
    return Document(normalised, _measured_blocks(segments, words, lang, deadline), lang, "text")


def _words_by_text(segments: list[Segment], deadline: Deadline) -> dict[str, Words]:
    """Each distinct text's words (``stats.words_of``: initials, lower-cased, plain or not).

    A fifth of a page's lines repeat (menus at top and bottom): each text is tokenised once.
    """
    words: dict[str, Words] = {}
    for chunk in deadline.chunks(segments):
        add_words(chunk, words)
    return words


def python_add_words(segments: Sequence[Segment], words: dict[str, Words]) -> None:
    """Add ``words_of`` of each segment's text that ``words`` has not seen yet."""
    for segment in segments:
        text = segment[TEXT]
        if text not in words:
            words[text] = words_of(text)


def _measured_blocks(
    segments: list[Segment],
    words: dict[str, Words],
    language: str,
    deadline: Deadline,
    evidence: Sequence[DomEvidence] | None = None,
) -> tuple[Block, ...]:
    stopwords = lexicon_for(language).stopwords
    cjk = language in CJK_LANGUAGES
    # Half a page's lines share their text with another: each distinct one is measured once.
    stats: dict[str, TextStats] = {}
    blocks: list[Block] = []
    for chunk in deadline.chunks(segments):
        add_blocks(chunk, words, stats, stopwords, cjk, _KINDS, evidence, blocks)
    return tuple(blocks)


def python_add_blocks(
    segments: Sequence[Segment],
    words: dict[str, Words],
    stats: dict[str, TextStats],
    stopwords: frozenset[str],
    cjk: bool,
    kinds: dict[str, BlockKind],
    evidence: Sequence[DomEvidence | None] | None,
    blocks: list[Block],
) -> None:
    """Append the block of each segment to ``blocks``, numbered on from its length: the
    segment's text measured (once per text, kept in ``stats``), its words and its kind
    looked up, its DOM evidence taken from ``evidence`` at the block's index."""
    for text, kind, start, end, line, group in segments:
        index = len(blocks)
        initials, lowered, plain = words[text]
        found = stats.get(text)
        if found is None:
            found = stats[text] = measure(text, initials, lowered, stopwords, cjk, plain)
        dom = None if evidence is None else evidence[index]
        fields = (index, text, kinds[kind], start, end, line, group, found, lowered, dom)
        blocks.append(_new_block(fields))


def python_sample_words(
    segments: Sequence[Segment], words: dict[str, Words], limit: int
) -> list[str]:
    """The first ``limit`` lower-cased words of ``segments`` (the language guess's sample)."""
    return list(islice(chain.from_iterable(words[s[TEXT]][1] for s in segments), limit))


# The compiled twins where they were built (``boilerstrip.compiled``).
sample_words: Callable[[Sequence[Segment], dict[str, Words], int], list[str]] = python_sample_words
add_words: Callable[[Sequence[Segment], dict[str, Words]], None] = python_add_words
add_blocks: Callable[..., None] = python_add_blocks
if MODULE is not None:
    sample_words = MODULE.sample_words
    add_words = MODULE.add_words
    add_blocks = MODULE.add_blocks


def document_from_html(
    html: str, language: str | None = None, deadline: Deadline = NO_DEADLINE
) -> Document:
    """Segment the HTML page ``html`` and measure every block, keeping its DOM evidence.

    ``Document.text`` is the page rendered as text (see ``segment.html.segment_html``); block
    offsets point into it as they do into a plain-text source.
    """
    from boilerstrip.segment.html import parse_html

    return document_from_tree(parse_html(html), language, deadline)


def document_from_tree(
    root: Any, language: str | None = None, deadline: Deadline = NO_DEADLINE
) -> Document:
    """``document_from_html`` of a page lxml has parsed: its root element, or ``None``.

    ``Document.page`` holds what the markup says about the page (``segment.html_meta``). Its
    ``<html lang>`` is the document's language when the caller gave none and it names a
    language with a stopword list; otherwise the language is guessed from the words.
    """
    from boilerstrip.segment.html import walk_root
    from boilerstrip.segment.html_meta import page_meta

    text, segments, evidence, marked = walk_root(root)
    deadline.check()
    page = page_meta(root, marked)
    declared = page.language if page.language in known_languages() else None
    words = _words_by_text(segments, deadline)
    lang = language or _page_language(declared, sample_words(segments, words, SAMPLE_WORDS))
    blocks = _measured_blocks(segments, words, lang, deadline, evidence)
    return Document(text, blocks, lang, "html", page)


# Languages told by their script, not by stopwords (``written_cjk_language``).
_SCRIPT_LANGUAGES = CJK_LANGUAGES | {"ko"}


def _page_language(declared: str | None, sample: list[str]) -> str:
    """The page's ``<html lang>`` when it has one we know, else the guess from ``sample``.

    A declared language that is not written in CJK script loses to a sample that is: site
    templates keep ``lang="en"`` on pages written in Chinese or Korean (gamersky.com,
    yna.co.kr), and judged as English, a Chinese page's sentences count one word each and
    read as menu lines (no prose found on the gamersky page: its CJK benchmark F1 0.84 -> 1.00).
    """
    if declared is None:
        return guess_language_of_sample(sample)
    if declared not in _SCRIPT_LANGUAGES:
        written = written_cjk_language(sample)
        if written is not None:
            return written
    return declared
