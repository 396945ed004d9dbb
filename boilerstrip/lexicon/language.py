"""A cheap language guess: which stopword list the text's words hit most."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import chain, islice

import regex

from boilerstrip.compiled import MODULE
from boilerstrip.lexicon.phrases import known_languages, stopwords
from boilerstrip.lexicon.tokens import CJK_CHAR, lower_words

# Enough words to be sure and few enough to stay cheap on a 10 MB page.
SAMPLE_WORDS = 600
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
# No CJK script starts below U+1100 (Hangul Jamo): a plain code point test rules most pages
# out before the script regex runs.
_FIRST_CJK_CODE_POINT = 0x1100
_HANGUL = ("\uac00", "\ud7af")


def guess_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the language ``text`` is most likely written in."""
    return guess_language_of_words([lower_words(text[:_SAMPLE_CHARS])], default)


def guess_language_of_words(blocks: Iterable[Sequence[str]], default: str = "en") -> str:
    """The language guess for a text already split into blocks of lower-cased words."""
    sample = list(islice(chain.from_iterable(blocks), SAMPLE_WORDS))
    return guess_language_of_sample(sample, default)


def written_cjk_language(sample: list[str]) -> str | None:
    """ "zh", "ja" or "ko" when the words of ``sample`` are mostly written in that script,
    else ``None`` (the script alone tells these three apart; stopwords need not)."""
    return _cjk_language(sample) if reaches(sample, _FIRST_CJK_CODE_POINT) else None


def guess_language_of_sample(sample: list[str], default: str = "en") -> str:
    """The language guess for the first ``SAMPLE_WORDS`` lower-cased words of a text."""
    cjk = written_cjk_language(sample)
    if cjk is not None:
        return cjk
    # Every stopword of the sample counts for each language whose list has it.
    hits = stopword_hits(sample, _stopword_owners())
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


def python_reaches(words: Sequence[str], code_point: int) -> bool:
    """Whether a character of ``words`` is at ``code_point`` or above."""
    return any(ord(max(word)) >= code_point for word in words if word)


def python_stopword_hits(
    sample: Sequence[str], owners: dict[str, tuple[str, ...]]
) -> dict[str, int]:
    """Per language, how many words of ``sample`` its stopword list has (``owners`` maps a
    stopword to the languages whose list has it), in the order first hit."""
    return dict(Counter(chain.from_iterable(filter(None, map(owners.get, sample)))))


# The compiled twins where they were built (``boilerstrip.compiled``).
reaches: Callable[[Sequence[str], int], bool] = python_reaches
stopword_hits: Callable[[Sequence[str], dict[str, tuple[str, ...]]], dict[str, int]] = (
    python_stopword_hits
)
if MODULE is not None:
    reaches = MODULE.reaches
    stopword_hits = MODULE.stopword_hits


def _cjk_language(words: list[str]) -> str | None:
    """ "zh", "ja" or "ko" when CJK characters are a good share of the letters of ``words``
    (whose characters reach U+1100 or above)."""
    sample = "".join(words)
    if CJK_CHAR.search(sample) is None:
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
