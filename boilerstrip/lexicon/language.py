"""A cheap language guess: which stopword list the text's words hit most."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import chain, islice

import regex

from boilerstrip.lexicon.phrases import known_languages, stopwords
from boilerstrip.lexicon.tokens import CJK_CHAR, lower_words

# Enough words to be sure and few enough to stay cheap on a 10 MB page.
_SAMPLE_WORDS = 600
_SAMPLE_CHARS = 60_000
# Below this share of CJK characters among letters the text is not treated as CJK.
_CJK_SHARE = 0.3
# A guess resting on fewer stopword hits than this, or on a smaller share of the words
# (prose runs at 30-50%, a page of menus and prose at 10% or more), is no guess.
_MIN_HITS = 3
_MIN_HIT_SHARE = 0.04
# ISO 639-2 "undetermined": a language with no stopword list here.
UNDETERMINED = "und"
_LETTERS = regex.compile(r"\p{L}+")
_KANA = ("\u3040", "\u30ff")
_HIGH_CODE_POINT = re.compile("[\u1100-\U0010ffff]")
_HANGUL = ("\uac00", "\ud7af")


def guess_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the language ``text`` is most likely written in."""
    return guess_language_of_words([lower_words(text[:_SAMPLE_CHARS])], default)


def guess_language_of_words(blocks: Iterable[Sequence[str]], default: str = "en") -> str:
    """The language guess for a text already split into blocks of lower-cased words."""
    sample = list(islice(chain.from_iterable(blocks), _SAMPLE_WORDS))
    cjk = _cjk_language("".join(sample[:_SAMPLE_CHARS]))
    if cjk is not None:
        return cjk
    # Every stopword of the sample counts for each language whose list has it (C-level
    # look-ups: this runs once per page).
    owners = _stopword_owners()
    hits = Counter(chain.from_iterable(filter(None, map(owners.get, sample))))
    if not sample:
        return default
    if not hits:
        return UNDETERMINED
    # Ties go to the alphabetically first language, so the guess never depends on hashing.
    best, best_hits = min(hits.items(), key=lambda item: (-item[1], item[0]))
    if best_hits >= _MIN_HITS and best_hits >= _MIN_HIT_SHARE * len(sample):
        return best
    # A few stray hits in a long text mean a language we have no list for (Russian, Greek,
    # Arabic...): judging it with another language's stopwords would make all of it look
    # like boilerplate, so it is judged without stopwords.
    return UNDETERMINED if len(sample) >= _MIN_HITS / _MIN_HIT_SHARE else default


@cache
def _stopword_owners() -> dict[str, tuple[str, ...]]:
    """Each stopword mapped to the languages whose list has it."""
    owners: dict[str, list[str]] = {}
    for language in known_languages():
        for word in stopwords(language):
            owners.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in owners.items()}


def _cjk_language(sample: str) -> str | None:
    # No CJK script starts below U+1100 (Hangul Jamo): a plain range scan (20x faster than
    # the script classes) rules most pages out before the script regex runs.
    if _HIGH_CODE_POINT.search(sample) is None or CJK_CHAR.search(sample) is None:
        return None
    cjk_chars = CJK_CHAR.findall(sample)
    letters = sum(map(len, _LETTERS.findall(sample)))
    if not letters or len(cjk_chars) / letters < _CJK_SHARE:
        return None
    if any(_KANA[0] <= ch <= _KANA[1] for ch in cjk_chars):
        return "ja"
    if any(_HANGUL[0] <= ch <= _HANGUL[1] for ch in cjk_chars):
        return "ko"
    return "zh"
