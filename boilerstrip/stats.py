"""Measuring the shallow text features (``TextStats``) of one block.

This runs once for every line of every page, so it leans on C-level operations (one regex
scan per feature, ``map`` over sets) rather than Python loops over words. Where the compiled
twins of ``words_of`` and ``measure`` were built (``boilerstrip.compiled``) those run
instead: they return the same values several times faster. ``python_words_of`` and
``python_measure`` are the Python code, the reference they are tested against.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from operator import itemgetter

from boilerstrip.blocks import Block, TextStats
from boilerstrip.compiled import MODULE
from boilerstrip.lexicon.tokens import CJK_CHAR, find_words, word_table

# A sentence ends at terminal punctuation, optionally followed by closing quotes/brackets
# and white space. The stdlib engine is twice as fast as ``regex`` here; its \s also takes
# the separators \x1c-\x1f, which ``regex`` does not count as space, hence the class.
_SENTENCE_END = re.compile(r"[.!?。！？…]+[\"'”’»)\]]*(?=[^\S\x1c-\x1f]|$)")
_TERMINAL = frozenset(".!?。！？…:;")
_CLOSERS = "\"'”’»)]"
# A pattern search finds a character in a line several times faster than a set test does.
_COMMA = re.compile(r"[,，、;；]")
_first_character = itemgetter(0)
# Languages written without spaces between words: a word is about two characters there.
CJK_LANGUAGES = frozenset({"zh", "ja"})
_CJK_CHARS_PER_WORD = 2
# Building the named tuple through tuple.__new__ skips its keyword handling: one is built per
# distinct line of every page.
_new_stats = partial(tuple.__new__, TextStats)
# Lines up to this long are tried as plain words first (97% of longer ones are not).
_PLAIN_LINE_CHARS = 60


# What ``words_of`` finds: the words' initials as written, the words lower-cased, and
# whether the line is plain words (letters and spaces only).
Words = tuple[str, tuple[str, ...], bool]


def python_words_of(text: str) -> Words:
    """The first characters of the words of ``text`` as written (one string: ``measure``
    counts capitals and digits in it), the words lower-cased with straight apostrophes (what
    filters and lexicons match), and whether ``text`` is nothing but words of letters.

    A tuple of strings and a flag, which the cyclic GC stops tracking: one is kept per
    distinct line while a document is built (see ``segment.text.Segment``).
    """
    if len(text) <= _PLAIN_LINE_CHARS and text.replace(" ", "").isalpha():
        # Most lines of a page are a few plain words ("Home", "World News"): no regex, and
        # nothing but letters means no curly apostrophe either. Longer lines are nearly
        # always prose with punctuation, where the test is a wasted copy.
        tokens = text.split()
        return "".join(map(_first_character, tokens)), tuple(text.lower().split()), True
    if "’" in text:
        # The lexicon writes apostrophes straight: "don’t miss" must match "don't miss". A
        # word has both kinds inside only, so its bounds and first character stay the same.
        text = text.replace("’", "'")
    tokens = find_words(text)
    # Lower-cased in one piece: words hold no space, and str.lower reads a word's end the
    # same before a space as at the end of a string (Greek final sigma).
    lowered = tuple(" ".join(tokens).lower().split(" ")) if tokens else ()
    return "".join(map(_first_character, tokens)), lowered, False


def python_measure(
    text: str,
    initials: str,
    lowered: tuple[str, ...],
    stopwords: frozenset[str],
    cjk: bool,
    plain: bool = False,
) -> TextStats:
    """The features of ``text`` (its words' ``initials`` as written, its words ``lowered``)
    judged against ``stopwords`` (single CJK characters if ``cjk``). ``plain``: the text is
    letters and spaces only (``words_of`` says), so it has no sentence end, comma or digit."""
    if cjk:
        words, stops = _cjk_counts(text, lowered, stopwords)
    else:
        words = len(lowered)
        stops = sum(map(stopwords.__contains__, lowered))
        if plain:
            # A third of a page's distinct lines: the scans below would find nothing.
            capitalised = sum(map(str.isupper, initials))
            return _new_stats((words, len(text), stops, 0, capitalised, 0, False, False))
    return _new_stats(
        (
            words,
            len(text),
            stops,
            len(_SENTENCE_END.findall(text)),
            sum(map(str.isupper, initials)),
            sum(map(str.isdigit, initials)),
            text.rstrip(_CLOSERS)[-1:] in _TERMINAL,
            _COMMA.search(text) is not None,
        )
    )


def _cjk_counts(text: str, lowered: tuple[str, ...], stopwords: frozenset[str]) -> tuple[int, int]:
    cjk_chars = CJK_CHAR.findall(text)
    other_words = sum(1 for t in lowered if not CJK_CHAR.match(t))
    words = other_words + -(-len(cjk_chars) // _CJK_CHARS_PER_WORD)
    # Particles (的, の, は ...) play the stopwords' part; each counts as a word.
    stops = min(words, sum(map(stopwords.__contains__, cjk_chars)))
    return words, stops


words_of: Callable[[str], Words] = python_words_of
measure: Callable[..., TextStats] = python_measure
if MODULE is not None:
    MODULE.configure(word_table(), TextStats, Block, python_words_of, python_measure)
    words_of = MODULE.words_of
    measure = MODULE.measure
