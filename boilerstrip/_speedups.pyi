"""Types of the optional compiled module (boilerstrip/_speedups.c); see boilerstrip.compiled."""

from collections.abc import Callable

from boilerstrip.blocks import TextStats

VERSION: int

def words_of(text: str, /) -> tuple[str, tuple[str, ...], bool]: ...
def measure(
    text: str,
    initials: str,
    lowered: tuple[str, ...],
    stopwords: frozenset[str],
    cjk: bool,
    plain: bool = False,
) -> TextStats: ...
def configure(
    word_table: bytes,
    stats_type: type[TextStats],
    python_words_of: Callable[[str], tuple[str, tuple[str, ...], bool]],
    python_measure: Callable[..., TextStats],
    /,
) -> None: ...
def normalize_text(text: str, /) -> str: ...
