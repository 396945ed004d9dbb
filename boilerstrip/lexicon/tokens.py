"""Tokenising text into words the same way everywhere (lexicon, stats, matching)."""

from __future__ import annotations

import regex

# A word is a run of letters/digits (with inner apostrophes); the copyright sign is a token
# of its own because legal lines hinge on it.
WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*|[©®]")
# Han, Hiragana, Katakana and Hangul have no spaces between words.
CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def lower_tokens(text: str, tokens: list[str]) -> tuple[str, ...]:
    """The tokens of ``text`` lower-cased, with curly apostrophes made straight."""
    lowered = tuple(map(str.lower, tokens))
    if "’" in text:
        # The lexicon writes apostrophes straight: "don’t miss" must match "don't miss".
        lowered = tuple(w.replace("’", "'") for w in lowered)
    return lowered


def lower_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order."""
    return list(lower_tokens(text, WORD.findall(text)))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token tuple a phrase is matched by."""
    return tuple(lower_words(phrase))
