"""Text features: the plain-words shortcut gives what the full measure gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from boilerstrip.lexicon import lexicon_for
from boilerstrip.stats import measure, words_of

STOPWORDS = lexicon_for("en").stopwords
# Letters of several scripts and cases (and the odd titlecase or modifier letter), spaces.
_LETTERS = "abcXYZéÉßİıΣσςДжǅʰ日本"
plain_texts = st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=8), min_size=1).map(" ".join)


@given(plain_texts)
def test_plain_lines_measure_the_same_either_way(text: str) -> None:
    initials, lowered, plain = words_of(text)
    assert plain == (len(text) <= 60)
    full = measure(text, initials, lowered, STOPWORDS, cjk=False, plain=False)
    assert measure(text, initials, lowered, STOPWORDS, cjk=False, plain=plain) == full


@given(st.text(max_size=80))
def test_only_letters_and_spaces_are_plain(text: str) -> None:
    plain = words_of(text)[2]
    assert plain == (len(text) <= 60 and text.replace(" ", "").isalpha())


def test_a_plain_line_has_no_sentence_end_comma_or_digit() -> None:
    initials, lowered, plain = words_of("World News Today")
    stats = measure("World News Today", initials, lowered, STOPWORDS, cjk=False, plain=plain)
    assert plain
    assert (stats.words, stats.capitalised, stats.sentences, stats.digits) == (3, 3, 0, 0)
    assert not stats.ends_sentence and not stats.has_comma
