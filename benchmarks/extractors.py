"""Text-mode extractors: each takes a page's plain text and returns the text it keeps.

Peers are imported only when built, so a missing package skips one extractor, not the run.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
from collections.abc import Callable, Sequence
from itertools import islice

Extractor = Callable[[str], str]

# C4 keeps lines that end like a sentence; closing quotes count because quoted speech ends so.
_TERMINAL_PUNCTUATION = frozenset(".!?\"'”’»。！？…")
_C4_MIN_WORDS = 5

# jusText ships stoplists for ~100 languages; these cover the benchmark pages, and trying
# only a few keeps the guess cheap next to the extraction itself.
_JUSTEXT_LANGUAGES = (
    "English",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Polish",
    "Russian",
)
_LANGUAGE_SAMPLE_WORDS = 2000

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_WORDS = re.compile(r"\w+", re.UNICODE)


class ExtractorUnavailable(Exception):
    """The extractor cannot run here (package missing or lacking the expected API)."""


def identity(text: str) -> str:
    """Keep everything: the floor any extractor must beat on precision."""
    return text


def c4_lines(text: str) -> str:
    """Keep lines that end in terminal punctuation and have at least five words (C4's rules)."""
    kept = [line for line in text.splitlines() if _is_c4_line(line.strip())]
    return "\n".join(kept)


def _is_c4_line(line: str) -> bool:
    return bool(line) and line[-1] in _TERMINAL_PUNCTUATION and len(line.split()) >= _C4_MIN_WORDS


def paragraphs(text: str) -> list[str]:
    """Split at blank lines; text with no blank line is split into its lines instead."""
    blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.splitlines()
    return [block.strip() for block in blocks if block.strip()]


def paragraphs_as_html(text: str) -> str:
    """Wrap each paragraph in an escaped `<p>`, giving HTML extractors the text's only structure."""
    body = "\n".join(f"<p>{html.escape(block)}</p>" for block in paragraphs(text))
    return f"<html><body>\n{body}\n</body></html>"


def _boilerstrip() -> Extractor:
    try:
        import boilerstrip
    # A half-written package may fail with any error on import.
    except Exception as error:
        raise ExtractorUnavailable(f"cannot import boilerstrip: {error!r}") from error
    clean = getattr(boilerstrip, "clean", None)
    if not callable(clean):
        raise ExtractorUnavailable("boilerstrip has no clean() yet")

    def extract(text: str) -> str:
        return str(clean(text))

    return extract


def _justext() -> Extractor:
    import justext

    stoplists: dict[str, frozenset[str]] = {
        language: frozenset(justext.get_stoplist(language)) for language in _JUSTEXT_LANGUAGES
    }

    def extract(text: str) -> str:
        stoplist = stoplists[guess_language(text, stoplists)]
        blocks = justext.justext(paragraphs_as_html(text), stoplist)
        return "\n".join(str(block.text) for block in blocks if not block.is_boilerplate)

    return extract


def guess_language(text: str, stoplists: dict[str, frozenset[str]]) -> str:
    """The stoplist with the most hits on the text's first words; the first one on a tie."""
    matches = islice(_WORDS.finditer(text), _LANGUAGE_SAMPLE_WORDS)
    words = [match.group().lower() for match in matches]
    best, best_hits = next(iter(stoplists)), -1
    for language, stopwords in stoplists.items():
        hits = sum(word in stopwords for word in words)
        if hits > best_hits:
            best, best_hits = language, hits
    return best


def _trafilatura() -> Extractor:
    import trafilatura

    # trafilatura warns on every page it finds too short; that would bury the results table.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    def extract(text: str) -> str:
        result = trafilatura.extract(
            paragraphs_as_html(text), include_comments=False, include_tables=True
        )
        return result or ""

    return extract


_FACTORIES: dict[str, Callable[[], Extractor]] = {
    "boilerstrip": _boilerstrip,
    "c4": lambda: c4_lines,
    "justext": _justext,
    "trafilatura": _trafilatura,
    "identity": lambda: identity,
}

NAMES: Sequence[str] = tuple(_FACTORIES)


def build(name: str) -> Extractor:
    """The extractor called `name`, warmed up once so first-call setup is not timed.

    Raises ExtractorUnavailable when it cannot run here.
    """
    try:
        extractor = _FACTORIES[name]()
    except ImportError as error:
        raise ExtractorUnavailable(f"{error.name or name} is not installed") from error
    _warm_up(extractor)
    return extractor


def _warm_up(extractor: Extractor) -> None:
    # A failure here is ignored: the real run counts failures per document.
    with contextlib.suppress(Exception):
        extractor("Warm-up text.\n\nLazy imports and caches load before timing starts.")
