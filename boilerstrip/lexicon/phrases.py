"""Loading the per-language word lists and matching phrases against a block's words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from boilerstrip.lexicon.tokens import phrase_key

# The phrase categories shipped as files; their names match ``result.Category`` values.
PHRASE_CATEGORIES: tuple[str, ...] = (
    "advertisement",
    "comment",
    "cookie",
    "legal",
    "navigation",
    "newsletter",
    "related",
    "social",
)
# English is loaded beside every language: sites in any language mix in English UI words.
BASE_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A phrase of a category found in a block's words."""

    category: str
    phrase: str


def _data_dir() -> resources.abc.Traversable:
    return resources.files("boilerstrip.lexicon").joinpath("data")


def _read_entries(language: str, filename: str) -> list[str]:
    return _read_file(_data_dir().joinpath(language).joinpath(filename))


def _read_file(path: resources.abc.Traversable) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def known_languages() -> tuple[str, ...]:
    """Languages with a stopword list, sorted."""
    return tuple(
        sorted(p.name for p in _data_dir().iterdir() if p.joinpath("stopwords.txt").is_file())
    )


@cache
def stopwords(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _read_entries(language, "stopwords.txt"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The vocabulary one document is judged with: its language plus English."""

    language: str
    stopwords: frozenset[str]
    phrases: dict[tuple[str, ...], PhraseMatch]
    labels: dict[tuple[str, ...], PhraseMatch]
    longest_phrase: int
    longest_label: int
    first_words: frozenset[str]
    anchor_words: frozenset[str]
    networks: frozenset[str]
    social_verbs: frozenset[str]
    action_verbs: frozenset[str]
    tag_prefixes: frozenset[tuple[str, ...]]
    # Derived from ``phrases``: per first word, the lengths of the phrases it starts, longest
    # first, so that a spot is tried only at the sizes some phrase has there.
    phrase_sizes: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sizes: dict[str, set[int]] = {}
        for key in self.phrases:
            sizes.setdefault(key[0], set()).add(len(key))
        by_first = {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}
        object.__setattr__(self, "phrase_sizes", by_first)

    def find_phrases(self, words: Sequence[str]) -> list[PhraseMatch]:
        """Every phrase occurrence in ``words`` (lower-cased tokens), longest first per spot."""
        found: list[PhraseMatch] = []
        # Every phrase has an anchor (its longest non-stopword): no anchor, no phrase. Most
        # prose lines are ruled out by one set operation.
        if self.anchor_words.isdisjoint(words):
            return found
        phrases, sizes_at = self.phrases, self.phrase_sizes
        count = len(words)
        for start, word in enumerate(words):
            for size in sizes_at.get(word, ()):
                if size <= count - start:
                    match = phrases.get(tuple(words[start : start + size]))
                    if match is not None:
                        found.append(match)
                        break
        return found

    def label(self, words: Sequence[str]) -> PhraseMatch | None:
        """The label a whole short line is, if it is one (``Share``, ``Read more``...).

        Counts do not change a label: "Comments (12)" is the label "comments".
        """
        found = self.labels.get(tuple(words))
        if found is None and any(map(str.isdigit, words)):
            found = self.labels.get(tuple(w for w in words if not w.isdigit()))
        return found


@cache
def lexicon_for(language: str) -> Lexicon:
    """The lexicon for ``language`` (unknown languages get English phrases, no stopwords)."""
    languages = _with_base(language)
    phrases = _phrase_table(languages)
    labels = _label_table(languages)
    longest = max((len(key) for key in phrases), default=1)
    longest_label = max((len(key) for key in labels), default=1)
    first_words = frozenset(key[0] for key in phrases)
    common = stopwords(BASE_LANGUAGE) | stopwords(language)
    anchors = frozenset(_anchor(key, common) for key in phrases)
    return Lexicon(
        language,
        stopwords(language),
        phrases,
        labels,
        longest,
        longest_label,
        first_words,
        anchors,
        frozenset(_read_file(_data_dir().joinpath("networks.txt"))),
        frozenset(w for lang in languages for w in _read_entries(lang, "social_verbs.txt")),
        frozenset(w for lang in languages for w in _read_entries(lang, "action_verbs.txt")),
        frozenset(
            phrase_key(p) for lang in languages for p in _read_entries(lang, "tag_prefixes.txt")
        ),
    )


def _anchor(key: tuple[str, ...], common: frozenset[str]) -> str:
    """The word of a phrase least likely to be everywhere: its longest non-stopword."""
    content = [word for word in key if word not in common] or list(key)
    return max(content, key=len)


def _with_base(language: str) -> tuple[str, ...]:
    return (language,) if language == BASE_LANGUAGE else (language, BASE_LANGUAGE)


# One language's phrases or labels: (key, match) pairs in file order.
_Entries = tuple[tuple[tuple[str, ...], PhraseMatch], ...]


def _phrase_table(languages: Iterable[str]) -> dict[tuple[str, ...], PhraseMatch]:
    table: dict[tuple[str, ...], PhraseMatch] = {}
    for language in languages:
        for key, match in _phrase_entries(language):
            table.setdefault(key, match)
    return table


def _label_table(languages: Iterable[str]) -> dict[tuple[str, ...], PhraseMatch]:
    table: dict[tuple[str, ...], PhraseMatch] = {}
    for language in languages:
        for key, match in _label_entries(language):
            table.setdefault(key, match)
    return table


# Each language's files are read and tokenised once per process: English comes with every
# other language's lexicon, and re-reading it was half the cost of a new language.
@cache
def _phrase_entries(language: str) -> _Entries:
    entries = []
    for category in PHRASE_CATEGORIES:
        for phrase in _read_entries(language, f"{category}.txt"):
            key = phrase_key(phrase)
            if key:
                entries.append((key, PhraseMatch(category, phrase)))
    return tuple(entries)


@cache
def _label_entries(language: str) -> _Entries:
    entries = []
    for entry in _read_entries(language, "labels.txt"):
        category, _, label = entry.partition("\t")
        key = phrase_key(label)
        if key and category in PHRASE_CATEGORIES:
            entries.append((key, PhraseMatch(category, label.strip())))
    return tuple(entries)
