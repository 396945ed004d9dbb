"""A cheap language guess: which stopword list the text's words hit most."""

from __future__ import annotations

from collections import Counter

from boilerstrip.lexicon.phrases import known_languages, stopwords
from boilerstrip.lexicon.tokens import CJK_CHAR, lower_words

# Enough words to be sure and few enough to stay cheap on a 10 MB page.
_SAMPLE_WORDS = 3000
_SAMPLE_CHARS = 60_000
# Below this share of CJK characters among letters the text is not treated as CJK.
_CJK_SHARE = 0.3
# A guess resting on fewer stopword hits than this is no guess.
_MIN_HITS = 3
_KANA = ("\u3040", "\u30ff")
_HANGUL = ("\uac00", "\ud7af")


def guess_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the language ``text`` is most likely written in."""
    sample = text[:_SAMPLE_CHARS]
    cjk = _cjk_language(sample)
    if cjk is not None:
        return cjk
    words = lower_words(sample)[:_SAMPLE_WORDS]
    counts = Counter(words)
    best, best_hits = default, 0
    for language in known_languages():
        hits = sum(n for w, n in counts.items() if w in stopwords(language))
        if hits > best_hits:
            best, best_hits = language, hits
    return best if best_hits >= _MIN_HITS else default


def _cjk_language(sample: str) -> str | None:
    cjk_chars = CJK_CHAR.findall(sample)
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters or len(cjk_chars) / letters < _CJK_SHARE:
        return None
    if any(_KANA[0] <= ch <= _KANA[1] for ch in cjk_chars):
        return "ja"
    if any(_HANGUL[0] <= ch <= _HANGUL[1] for ch in cjk_chars):
        return "ko"
    return "zh"
