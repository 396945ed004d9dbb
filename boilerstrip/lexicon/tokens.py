"""Tokenising text into words the same way everywhere (lexicon, stats, matching)."""

from __future__ import annotations

import re

import regex

# A word is a run of letters/digits (with inner apostrophes); the copyright sign is a token
# of its own because legal lines hinge on it.
_WORD_CHAR = r"[\p{L}\p{N}\p{M}]"
_INNER_CHAR = r"[\p{L}\p{M}]"
WORD = regex.compile(rf"{_WORD_CHAR}+(?:['’]{_INNER_CHAR}+)*|[©®]")
# Han, Hiragana, Katakana and Hangul have no spaces between words.
CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

# The stdlib engine finds the words of a line 2-3x faster than ``regex`` but has no \p{..}
# classes. Below U+3000 (Latin, Greek, Cyrillic, Arabic, Indic... scripts, and punctuation)
# WORD's classes are spelled out as code point ranges, taken from ``regex`` itself at import
# so that the two cannot disagree; a line with a character beyond (CJK, emoji) uses WORD.
_FAST_LIMIT = 0x3000
_BEYOND_FAST = re.compile(f"[^\\u0000-\\u{_FAST_LIMIT - 1:04x}]")


def _ranges_below_limit(char_class: str) -> str:
    """The code points below ``_FAST_LIMIT`` in ``char_class`` (a ``regex`` class), as the
    inside of a stdlib class: ``\\u0030-\\u0039\\u0041-\\u005a...``."""
    spans: list[list[int]] = []
    for char in regex.findall(char_class, "".join(map(chr, range(_FAST_LIMIT)))):
        point = ord(char)
        if spans and spans[-1][1] == point - 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in spans)


_FAST_WORD = re.compile(
    f"[{_ranges_below_limit(_WORD_CHAR)}]+(?:['’][{_ranges_below_limit(_INNER_CHAR)}]+)*|[©®]"
)


# The Basic Multilingual Plane, for the word table.
_BMP = 0x10000


def word_table() -> bytes:
    """For each code point of the Basic Multilingual Plane, how WORD treats it: 1 for a
    character that makes words (letters, digits, marks), 3 for one that may also follow an
    apostrophe inside a word (letters, marks), 0 otherwise. Taken from ``regex`` itself,
    like the stdlib ranges above, for the compiled tokeniser (``boilerstrip._speedups``)."""
    # Every code point of the plane in order, lone surrogates included (they make no word),
    # spelled as UTF-32 by slices: a join of 65,536 chr() calls costs three times as much.
    code_units = bytearray(4 * _BMP)
    code_units[0::4] = bytes(range(256)) * (_BMP // 256)
    code_units[1::4] = b"".join(bytes([high]) * 256 for high in range(_BMP // 256))
    plane = code_units.decode("utf-32-le", "surrogatepass")
    table = bytearray(_BMP)
    for match in regex.finditer(_WORD_CHAR + "+", plane):
        table[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in regex.finditer(_INNER_CHAR + "+", plane):
        table[match.start() : match.end()] = b"\x03" * (match.end() - match.start())
    return bytes(table)


def find_words(text: str) -> list[str]:
    """The tokens of ``text`` as written: what ``WORD.findall`` gives, found faster."""
    if text.isascii() or _BEYOND_FAST.search(text) is None:
        return _FAST_WORD.findall(text)
    return WORD.findall(text)


def lower_tokens(text: str, tokens: list[str]) -> tuple[str, ...]:
    """The tokens of ``text`` lower-cased, with curly apostrophes made straight."""
    lowered = tuple(map(str.lower, tokens))
    if "’" in text:
        # The lexicon writes apostrophes straight: "don’t miss" must match "don't miss".
        lowered = tuple(w.replace("’", "'") for w in lowered)
    return lowered


def lower_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order."""
    return list(lower_tokens(text, find_words(text)))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token tuple a phrase is matched by."""
    return tuple(lower_words(phrase))
