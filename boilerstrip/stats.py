"""Measuring the shallow text features (``TextStats``) of one block."""

from __future__ import annotations

import regex

from boilerstrip.blocks import TextStats
from boilerstrip.lexicon.tokens import CJK_CHAR, WORD

# A sentence ends at terminal punctuation, optionally followed by closing quotes/brackets.
_SENTENCE_END = regex.compile(r"[.!?。！？…]+[\"'”’»)\]]*(?=\s|$)")
_ENDS_SENTENCE = regex.compile(r"[.!?。！？…:;][\"'”’»)\]]*$")
_COMMA = regex.compile(r"[,，、;；]")
# Languages written without spaces between words: a word is about two characters there.
CJK_LANGUAGES = frozenset({"zh", "ja"})
_CJK_CHARS_PER_WORD = 2


def measure(text: str, stopwords: frozenset[str], cjk: bool) -> TextStats:
    """The features of ``text`` judged against ``stopwords`` (single CJK characters if ``cjk``)."""
    tokens = WORD.findall(text)
    if cjk:
        words, stops = _cjk_counts(text, tokens, stopwords)
    else:
        words = len(tokens)
        stops = sum(1 for t in tokens if t.lower() in stopwords)
    return TextStats(
        words=words,
        chars=len(text),
        stopwords=stops,
        sentences=len(_SENTENCE_END.findall(text)),
        capitalised=sum(1 for t in tokens if t[0].isupper()),
        digits=sum(1 for t in tokens if t[0].isdigit()),
        ends_sentence=_ENDS_SENTENCE.search(text) is not None,
        has_comma=_COMMA.search(text) is not None,
    )


def _cjk_counts(text: str, tokens: list[str], stopwords: frozenset[str]) -> tuple[int, int]:
    cjk_chars = CJK_CHAR.findall(text)
    other_words = sum(1 for t in tokens if not CJK_CHAR.match(t))
    words = other_words + -(-len(cjk_chars) // _CJK_CHARS_PER_WORD)
    # Particles (的, の, は ...) play the stopwords' part; each counts as a word.
    stops = min(words, sum(1 for ch in cjk_chars if ch in stopwords))
    return words, stops
