"""Vocabulary as data: stopwords, boilerplate phrases and labels per language.

The files live in ``lexicon/data/<language>/``, one entry per line. They are read once per
process and never change afterwards, so caching them is not per-page state.
"""

from boilerstrip.lexicon.language import guess_language, guess_language_of_words
from boilerstrip.lexicon.phrases import Lexicon, PhraseMatch, known_languages, lexicon_for

__all__ = [
    "Lexicon",
    "PhraseMatch",
    "guess_language",
    "guess_language_of_words",
    "known_languages",
    "lexicon_for",
]
