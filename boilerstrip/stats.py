"""Measuring the shallow text features (``TextStats``) of one block.

This runs once for every line of every page, so it leans on C-level operations (one regex
scan per feature, ``map`` over sets) rather than Python loops over words.
"""

from __future__ import annotations

import regex

from boilerstrip.blocks import TextStats
from boilerstrip.lexicon.tokens import CJK_CHAR, WORD

# A sentence ends at terminal punctuation, optionally followed by closing quotes/brackets.
_SENTENCE_END = regex.compile(r"[.!?。！？…]+[\"'”’»)\]]*(?=\s|$)")
_TERMINAL = frozenset(".!?。！？…:;")
_CLOSERS = "\"'”’»)]"
_SENTENCE_MARKS = frozenset(".!?。！？…")
_COMMAS = frozenset(",，、;；")
# Languages written without spaces between words: a word is about two characters there.
CJK_LANGUAGES = frozenset({"zh", "ja"})
_CJK_CHARS_PER_WORD = 2


def tokenize(text: str) -> list[str]:
    """The words of ``text`` as written."""
    if text.replace(" ", "").isalpha():
        # Most lines of a page are a few plain words ("Home", "World News"): no regex.
        return text.split()
    tokens: list[str] = WORD.findall(text)
    return tokens


def measure(
    text: str,
    tokens: list[str],
    lowered: tuple[str, ...],
    stopwords: frozenset[str],
    cjk: bool,
) -> TextStats:
    """The features of ``text`` (``tokens`` as written, ``lowered``) judged against
    ``stopwords`` (single CJK characters if ``cjk``)."""
    if cjk:
        words, stops = _cjk_counts(text, lowered, stopwords)
    else:
        words = len(lowered)
        stops = sum(map(stopwords.__contains__, lowered))
    has_marks = not _SENTENCE_MARKS.isdisjoint(text)
    initials = [token[0] for token in tokens]
    capitalised = sum(map(str.isupper, initials))
    stats = TextStats(
        words=words,
        chars=len(text),
        stopwords=stops,
        sentences=len(_SENTENCE_END.findall(text)) if has_marks else 0,
        capitalised=capitalised,
        digits=sum(map(str.isdigit, initials)),
        ends_sentence=text.rstrip(_CLOSERS)[-1:] in _TERMINAL if text else False,
        has_comma=not _COMMAS.isdisjoint(text),
    )
    return stats


def _cjk_counts(text: str, lowered: tuple[str, ...], stopwords: frozenset[str]) -> tuple[int, int]:
    cjk_chars = CJK_CHAR.findall(text)
    other_words = sum(1 for t in lowered if not CJK_CHAR.match(t))
    words = other_words + -(-len(cjk_chars) // _CJK_CHARS_PER_WORD)
    # Particles (的, の, は ...) play the stopwords' part; each counts as a word.
    stops = min(words, sum(map(stopwords.__contains__, cjk_chars)))
    return words, stops
